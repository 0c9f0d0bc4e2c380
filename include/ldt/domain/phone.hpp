#pragma once
/// Phone numbers of sign-in cells: mobile and landline normalisation, masking.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/issue.hpp"

namespace ldt {

/// The outcome of reading one phone cell. `phone` is the stored form: 11 digits for a mobile,
/// "AREA-NUMBER" for a landline with area code ("0660-3312345"), 7–8 digits for a local
/// number; empty when the cell is empty or rejected. `extra` holds further numbers of the cell
/// (trimmed, as written). Warning codes: phone-extra, phone-no-area-code.
struct PhoneResult {
  std::string phone;
  std::string extra;
  std::optional<Issue> reject;
  std::vector<Issue> warnings;
};

/// Reads a phone cell (README "How each row and cell is read": Phones). NFKC; a cell holding several numbers separated
/// by
/// `/ , ; 、` (ASCII or full-width) or a line break keeps the first and puts the rest in
/// `extra` (warning phone-extra); spaces, dashes and parentheses are removed; `+86`, `0086`
/// or `86` before an 11-digit mobile is dropped. Mobile: `1[3-9]` and 9 more digits. Landline:
/// `0` + area code (3 digits in all when it starts 01/02, else 4) + 7–8 digits. A 7–8 digit
/// number without area code is kept with warning phone-no-area-code. Anything else, incl.
/// Excel scientific notation, is rejected as phone-format (field "phone"). An empty (or blank)
/// cell gives an empty `phone` and no issue: the caller decides what a missing phone means.
PhoneResult parse_phone(std::string_view raw);

/// Masks a stored phone for messages and listings: a mobile keeps its first 3 and last 4
/// digits ("138****5678"); "AREA-NUMBER" keeps the area code and the last 3 digits
/// ("0660-****345"); anything else becomes one star per character.
std::string mask_phone(std::string_view phone);

}  // namespace ldt
