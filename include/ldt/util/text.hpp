#pragma once
/// Unicode helpers over UTF-8 text, by utf8proc.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldt {

/// NFKC (full-width digits and letters become ASCII, …) of valid UTF-8; the input unchanged
/// when it is not valid UTF-8.
std::string nfkc(std::string_view text);

/// White space (Zs, Zl, Zp: incl. U+3000 and NBSP) or a control/format character (Cc, Cf:
/// tabs, line breaks, U+200B, U+FEFF, U+001F…).
bool is_blank_codepoint(std::int32_t codepoint);

/// `text` without blank code points at either end; undecodable bytes count as non-blank.
std::string trim_blanks(std::string_view text);

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

/// A cell a spreadsheet could evaluate — starting with =, +, -, @, tab or CR — with a leading
/// `'`, so that Excel and WPS show it as text (OWASP CSV injection); anything else as it is.
std::string neutralize_formula(std::string_view cell);
/// The inverse, for reading back what ldt or a spreadsheet wrote: one leading `'` is removed
/// when the rest starts with one of those characters.
std::string_view restore_formula(std::string_view cell);
/// restore_formula on every cell of a row, in place.
void restore_formulas(std::vector<std::string>& cells);

/// `text` with every control character made visible, so that no value (a provider name, an
/// actor, a file name) can move the cursor, recolour or retitle a terminal: line feed, carriage
/// return and tab as \n \r \t, other C0 controls and DEL as \xHH, C1 controls (U+0080–U+009F)
/// as \u00HH. With `keep_line_breaks`, "\n" stays a line break.
std::string escape_controls(std::string_view text, bool keep_line_breaks = false);

/// True when `text` is one or more ASCII digits and nothing else.
bool all_digits(std::string_view text);

/// True when `text` ends with `tail`, ASCII letters compared without case (`fix.XLSX`).
bool ends_with_ignoring_case(std::string_view text, std::string_view tail);

/// True for what Excel shows for a long number: "4.41523E+17", "4,41523e17", "441523E12"
/// (mantissa with an optional '.' or ',' decimal, E or e, optional sign, digits).
bool is_excel_scientific(std::string_view text);

/// Terminal cells of `text`: CJK and full-width characters count two, combining marks zero,
/// the middle dot of minority names (·, U+00B7) one (utf8proc's East Asian widths); an
/// invalid byte counts one.
int display_width(std::string_view text);

/// Optimal string alignment distance (insertions, deletions, substitutions, adjacent
/// transpositions) between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate a mistyped `word` most likely meant, for "did you mean …?": the only candidate
/// `word` begins, else the nearest by edit_distance when at most 1 for words under 5 bytes and
/// 2 otherwise; nullopt when none (or `word` is a candidate itself).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ldt
