#pragma once
/// Resident identity numbers (身份证号码): cleaning, validation and masking of sign-in cells.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/issue.hpp"

namespace ldt {

/// A validated 18-character resident identity number (GB 11643-1999).
struct IdNumber {
  std::string value;  ///< 18 ASCII characters: 17 digits, then a digit or 'X'
  Date birth_date;    ///< digits 7–14
  char gender = 'M';  ///< 'M' when the 17th digit is odd, 'F' when it is even
};

/// The outcome of reading one ID cell: `id` is set exactly when `reject` is not.
/// `warnings` may accompany an accepted ID (codes: id-upgraded, id-region-unknown,
/// id-maybe-truncated, age-outside-range).
struct IdNumberResult {
  std::optional<IdNumber> id;
  std::optional<Issue> reject;
  std::vector<Issue> warnings;
};

/// Reads an ID number cell (README "How each row and cell is read": ID numbers).
/// `raw` is the cell's UTF-8 text; `first_day` is the session's first day, the reference for
/// "future" birth dates and for the age; ages outside [min_age, max_age] only warn.
/// Rejects, first failing in this order (field "id_number"): missing-field (empty after
/// cleaning); id-excel-damaged (scientific notation, or 18 digits ending in 000 with a failing
/// check digit); id-format (anything but 17 digits and a digit or X, incl. a final U+00D7 or
/// Cyrillic Х); id-checksum (GB 11643-1999 check character); id-region (province code, README "How each row and cell is
/// read"); id-birthdate (no such day, or after `first_day`). 15-digit numbers are upgraded to 18. Messages never hold
/// the full number (see mask_id_number).
IdNumberResult parse_id_number(std::string_view raw, Date first_day, int min_age = 14, int max_age = 90);

/// The cleaning step alone (README "How each row and cell is read"): NFKC; removes all white space (incl. U+3000, NBSP,
/// tabs) and control/format characters (U+200B, U+FEFF, U+001F…) anywhere; strips one `="…"` wrapper and then one
/// leading `'` or `’`; upper-cases a final `x`. Invalid UTF-8 bytes are kept as they are (the result then fails
/// validation).
std::string clean_id_text(std::string_view raw);

/// The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits:
/// '0'..'9' or 'X'. Returns '\0' when `first17` is not exactly 17 ASCII digits.
char gb11643_check_char(std::string_view first17);

/// True when `six` is a code of the current GB/T 2260 list of administrative divisions
/// (county, prefecture and province level; schemas/region-codes.txt, compiled into the binary).
/// Abolished codes (e.g. 342401) are not in the list. False for anything but 6 ASCII digits.
bool is_known_region_code(std::string_view six);

/// Masks an ID number for messages and listings: first 6 characters, 8 stars, last 4
/// ("441523********123X"). Input shorter than 18 characters becomes one star per character.
std::string mask_id_number(std::string_view id);

/// Completed years of life on `day` for someone born on `birth` (a 29 February birthday is
/// reached on 1 March in common years). Negative when `day` is before `birth`.
int age_on(Date birth, Date day);

}  // namespace ldt
