#pragma once
/// Masking personal data in free text (messages, titles, paragraphs). Typed values are masked
/// by mask_id_number (domain/id_number.hpp) and mask_phone (domain/phone.hpp).
#include <string>
#include <string_view>

namespace ldt {

/// Masks every run of 11 or more digits (17 digits and an X count as a run of 18) — a phone,
/// an ID number — so that text never carries personal data: 11 digits as a phone, longer runs
/// as an ID number. Other text is kept byte for byte.
std::string mask_digit_runs(std::string_view text);

/// Masks free text by what it is after normalisation: full-width digits (NFKC) count as
/// digits, then mask_digit_runs. Text without such a run is returned unchanged.
std::string mask_personal_text(std::string_view text);

}  // namespace ldt
