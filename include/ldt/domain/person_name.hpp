#pragma once
/// Trainee names of sign-in cells: spacing, minority-name middle dots, damage detection.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/issue.hpp"

namespace ldt {

/// The outcome of reading one name cell: `name` is the normalised UTF-8 name (empty when
/// rejected). Warning code: name-damaged.
struct NameResult {
  std::string name;
  std::optional<Issue> reject;
  std::vector<Issue> warnings;
};

/// Reads a name cell (README "How each row and cell is read": Names). No NFKC: characters outside
/// GBK (生僻字, CJK Ext A–I) and full-width forms are kept as written. Steps: white space
/// (ASCII, U+3000, NBSP, other Unicode spaces; tabs and line breaks) is trimmed; a run of it
/// between two CJK ideographs (or a middle dot) is removed, any other run becomes one ASCII
/// space; zero-width and control characters are dropped; the middle dots U+00B7, U+2022,
/// U+2027, U+30FB, U+FF0E, U+FF65, U+22C5 become U+00B7.
/// Rejects (field "name"): missing-field when nothing is left; name-format when the name starts
/// with = + - @ (a spreadsheet formula, OWASP CSV injection), when it has
/// no CJK ideograph or Latin letter, or holds any decimal digit (ASCII or full-width).
/// Warning name-damaged when it holds `?`/`？`, U+FFFD, a private-use character (U+E000–U+F8FF,
/// planes 15–16) or a `[…]` marker: an encoding step damaged it, check the paper sheet.
NameResult parse_person_name(std::string_view raw);

}  // namespace ldt
