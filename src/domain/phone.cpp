#include "ldt/domain/phone.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {
namespace {

constexpr const char* k_field = "phone";

struct CodePoint {
  utf8proc_int32_t value;  // -1 for a byte that does not decode
  std::string_view bytes;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(begin + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    size_t len = n > 0 ? static_cast<size_t>(n) : 1;
    out.push_back(CodePoint{n > 0 ? cp : -1, text.substr(pos, len)});
    pos += len;
  }
  return out;
}

// Separators between two numbers of one cell, before NFKC (full-width forms included).
bool is_separator(utf8proc_int32_t cp) {
  switch (cp) {
    case '/':
    case ',':
    case ';':
    case '\n':
    case '\r':
    case 0x3001:  // 、
    case 0xFF64:  // ､ half-width ideographic comma
    case 0xFF0F:  // ／
    case 0xFF0C:  // ，
    case 0xFF1B:  // ；
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return true;
    default:
      return false;
  }
}

bool is_dash(utf8proc_int32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x30FC;
}

bool is_mobile(std::string_view d) {
  return d.size() == 11 && all_digits(d) && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

Issue format_error(const std::string& digits) {
  return Issue{"phone-format", k_field,
               fmt::format(fmt::runtime(tr("The phone number is neither a mobile number (11 "
                                           "digits starting with 13-19) nor a landline with area "
                                           "code such as 0660-3312345 (it has {} digits). Correct "
                                           "it from the paper sheet or leave the cell empty.")),
                           std::count_if(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))};
}

}  // namespace

PhoneResult parse_phone(std::string_view raw) {
  PhoneResult result;
  // Split on the raw text so that `extra` keeps the other numbers as written.
  auto cps = decode(raw);
  std::string first;
  std::string rest;
  bool in_rest = false;
  for (const auto& cp : cps) {
    if (!in_rest && is_separator(cp.value)) {
      if (!trim_blanks(first).empty()) {
        in_rest = true;
        continue;
      }
      first.clear();  // an empty part before the first number is skipped
      continue;
    }
    (in_rest ? rest : first).append(cp.bytes);
  }
  first = nfkc(first);
  if (trim_blanks(first).empty()) return result;
  rest = trim_blanks(rest);
  if (!rest.empty()) {
    result.extra = rest;
    result.warnings.push_back(Issue{"phone-extra", k_field,
                                    tr("The phone cell holds more than one number: the first is kept as the phone, "
                                       "the others are kept as an extra field. Check which number is the trainee's.")});
  }
  std::string text = trim_blanks(first);
  if (is_excel_scientific(text)) {
    result.warnings.clear();
    result.extra.clear();
    result.reject = Issue{"phone-format", k_field,
                          tr("Excel turned the phone number into scientific notation (like "
                             "1.38E+10) and its digits are lost. Re-export the sheet with the "
                             "phone column formatted as Text, or type the number again.")};
    return result;
  }
  std::string digits;
  for (const auto& cp : decode(text)) {
    if (is_blank_codepoint(cp.value) || is_dash(cp.value) || cp.value == '(' || cp.value == ')') continue;
    digits.append(cp.bytes);
  }
  std::string_view d = digits;
  for (std::string_view prefix : {"+86", "0086", "86"}) {
    if (d.starts_with(prefix) && is_mobile(d.substr(prefix.size()))) {
      d.remove_prefix(prefix.size());
      break;
    }
  }
  if (is_mobile(d)) {
    result.phone = std::string(d);
    return result;
  }
  if (all_digits(d) && d[0] == '0' && d.size() >= 3) {
    size_t area = (d[1] == '1' || d[1] == '2') ? 3 : 4;
    size_t local = d.size() - std::min(area, d.size());
    if (d.size() > area && local >= 7 && local <= 8) {
      result.phone = fmt::format("{}-{}", d.substr(0, area), d.substr(area));
      return result;
    }
  }
  if (all_digits(d) && d[0] != '0' && d.size() >= 7 && d.size() <= 8) {
    result.phone = std::string(d);
    result.warnings.push_back(Issue{"phone-no-area-code", k_field,
                                    tr("The phone number has 7-8 digits and no area code; it is kept as written. "
                                       "Add the area code (e.g. 0660-) so that it can be dialled from anywhere.")});
    return result;
  }
  result.warnings.clear();
  result.extra.clear();
  result.reject = format_error(digits);
  return result;
}

std::string mask_phone(std::string_view phone) {
  if (is_mobile(phone)) return fmt::format("{}****{}", phone.substr(0, 3), phone.substr(7));
  auto dash = phone.find('-');
  if (dash != std::string_view::npos) {
    auto area = phone.substr(0, dash);
    auto number = phone.substr(dash + 1);
    if (all_digits(area) && all_digits(number) && number.size() >= 4) {
      return fmt::format("{}-{}{}", area, std::string(number.size() - 3, '*'), number.substr(number.size() - 3));
    }
  }
  size_t count = decode(phone).size();
  return std::string(count, '*');
}

}  // namespace ldt
