#include "ldt/domain/id_number.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"
#include "ldt/util/text.hpp"

namespace ldt {
namespace {

constexpr const char* k_field = "id_number";

// Drops white space and control/format characters; undecodable bytes are kept.
std::string drop_blanks(std::string_view text) {
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out.push_back(static_cast<char>(*p));
      ++p;
      --left;
      continue;
    }
    if (!is_blank_codepoint(cp)) out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
    left -= n;
  }
  return out;
}

bool is_province(int code) {
  return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37) ||
         (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65) || code == 71 ||
         (code >= 81 && code <= 83);
}

int number_at(std::string_view s, size_t pos, size_t len) {
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

// Counts UTF-8 lead bytes (and stray bytes), so full-width digits count once.
size_t code_point_count(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Issue reject(const char* code, std::string message) { return Issue{code, k_field, std::move(message)}; }

const std::vector<std::string_view>& region_codes() {
  static const std::vector<std::string_view> codes = [] {
    std::vector<std::string_view> list;
    auto text = resource("region-codes.txt").value_or(std::string_view());
    while (!text.empty()) {
      auto end = text.find('\n');
      auto line = text.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.size() == 6) list.push_back(line);
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
    std::sort(list.begin(), list.end());
    return list;
  }();
  return codes;
}

}  // namespace

std::string clean_id_text(std::string_view raw) {
  std::string text = drop_blanks(nfkc(raw));
  std::string_view view = text;
  if (view.size() >= 3 && view.starts_with("=\"") && view.ends_with("\"")) {
    view = view.substr(2, view.size() - 3);
  }
  if (view.starts_with("'")) {
    view.remove_prefix(1);
  } else if (view.starts_with("\u2019")) {
    view.remove_prefix(std::string_view("\u2019").size());
  }
  std::string result(view);
  if (!result.empty() && result.back() == 'x') result.back() = 'X';
  return result;
}

char gb11643_check_char(std::string_view first17) {
  static constexpr std::array<int, 17> k_weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view k_check = "10X98765432";
  if (first17.size() != 17 || !all_digits(first17)) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * k_weights[i];
  return k_check[static_cast<size_t>(sum % 11)];
}

bool is_known_region_code(std::string_view six) {
  if (six.size() != 6 || !all_digits(six)) return false;
  const auto& codes = region_codes();
  return std::binary_search(codes.begin(), codes.end(), six);
}

std::string mask_id_number(std::string_view id) {
  if (id.size() >= 18) return fmt::format("{}********{}", id.substr(0, 6), id.substr(id.size() - 4));
  return std::string(code_point_count(id), '*');
}

int age_on(Date birth, Date day) {
  int age = static_cast<int>(day.year()) - static_cast<int>(birth.year());
  if (std::pair(static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day())) <
      std::pair(static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()))) {
    --age;
  }
  return age;
}

IdNumberResult parse_id_number(std::string_view raw, Date first_day, int min_age, int max_age) {
  IdNumberResult result;
  std::string id = clean_id_text(raw);
  if (id.empty()) {
    result.reject = reject("missing-field", tr("The ID number is empty. Fill in the trainee's 18-character resident "
                                               "ID number from the ID card."));
    return result;
  }
  if (is_excel_scientific(id)) {
    // The text itself is not shown: a long mantissa would leak most of the number.
    result.reject = reject("id-excel-damaged", tr("Excel destroyed this ID number: it was stored as a number in "
                                                  "scientific notation (like 4.41523E+17) and its digits are lost. "
                                                  "Re-export the sheet with the ID column formatted as Text, or type "
                                                  "the number again from the paper sheet."));
    return result;
  }
  for (std::string_view bad : {"\u00D7", "\u0425", "\u0445"}) {
    if (id.ends_with(bad)) {
      result.reject =
          reject("id-format", fmt::format(fmt::runtime(tr("The ID number ends with \"{}\" (a multiplication sign or a "
                                                          "Cyrillic letter), not the Latin letter X. Type the last "
                                                          "character again as a capital X.")),
                                          bad));
      return result;
    }
  }
  const bool upgraded = id.size() == 15 && all_digits(id);
  if (upgraded) {
    std::string first17 = id.substr(0, 6) + "19" + id.substr(6, 9);
    id = first17 + gb11643_check_char(first17);
  }
  bool shaped = id.size() == 18 && all_digits(std::string_view(id).substr(0, 17)) &&
                ((id[17] >= '0' && id[17] <= '9') || id[17] == 'X');
  if (!shaped) {
    result.reject =
        reject("id-format", fmt::format(fmt::runtime(tr("The ID number must be 18 characters: 17 digits and a "
                                                        "final digit or X (this value has {} characters). Copy it "
                                                        "again from the ID card.")),
                                        code_point_count(id)));
    return result;
  }
  const std::string masked = mask_id_number(id);
  if (gb11643_check_char(std::string_view(id).substr(0, 17)) != id[17]) {
    if (id.ends_with("000")) {
      result.reject = reject("id-excel-damaged",
                             fmt::format(fmt::runtime(tr("Excel destroyed this ID number ({}): its last three digits "
                                                         "became 000. Re-export the sheet with the ID column "
                                                         "formatted as Text, or type the number again from the paper "
                                                         "sheet.")),
                                         masked));
    } else {
      result.reject =
          reject("id-checksum", fmt::format(fmt::runtime(tr("The check digit of ID number {} does not match its other "
                                                            "17 digits, so a digit was mistyped. Compare the number "
                                                            "with the ID card.")),
                                            masked));
    }
    return result;
  }
  if (!is_province(number_at(id, 0, 2))) {
    result.reject =
        reject("id-region", fmt::format(fmt::runtime(tr("ID number {} starts with {}, which is not a province code. "
                                                        "Compare the number with the ID card.")),
                                        masked, id.substr(0, 2)));
    return result;
  }
  auto birth = make_date(number_at(id, 6, 4), number_at(id, 10, 2), number_at(id, 12, 2));
  if (!birth) {
    result.reject =
        reject("id-birthdate", fmt::format(fmt::runtime(tr("The birth date in the ID number ({}-{}-{}) does not exist. "
                                                           "Compare the number with the ID card.")),
                                           id.substr(6, 4), id.substr(10, 2), id.substr(12, 2)));
    return result;
  }
  if (std::chrono::sys_days(*birth) > std::chrono::sys_days(first_day)) {
    result.reject = reject("id-birthdate",
                           fmt::format(fmt::runtime(tr("The birth date in the ID number ({}) is after the session's "
                                                       "first day ({}). Compare the number with the ID card.")),
                                       format_date(*birth), format_date(first_day)));
    return result;
  }
  if (upgraded) {
    result.warnings.push_back(
        Issue{"id-upgraded", k_field,
              fmt::format(fmt::runtime(tr("The 15-digit ID number was upgraded to 18 characters ({}). "
                                          "Check it against the trainee's current ID card.")),
                          masked)});
  }
  if (!is_known_region_code(std::string_view(id).substr(0, 6))) {
    result.warnings.push_back(
        Issue{"id-region-unknown", k_field,
              fmt::format(fmt::runtime(tr("Region code {} of ID number {} is not in the current GB/T "
                                          "2260 list; it may be an abolished code still on a valid "
                                          "card. Check the number against the ID card.")),
                          id.substr(0, 6), masked)});
  }
  if (id.ends_with("000")) {
    result.warnings.push_back(
        Issue{"id-maybe-truncated", k_field,
              fmt::format(fmt::runtime(tr("ID number {} ends in 000: it is valid, but Excel may have "
                                          "cut its last digits. Check it against the paper sheet.")),
                          masked)});
  }
  int age = age_on(*birth, first_day);
  if (age < min_age || age > max_age) {
    result.warnings.push_back(
        Issue{"age-outside-range", k_field,
              fmt::format(fmt::runtime(tr("The trainee is {} years old on the session's first day, "
                                          "outside {}-{}. Check the ID number {}.")),
                          age, min_age, max_age, masked)});
  }
  char gender = ((id[16] - '0') % 2 == 1) ? 'M' : 'F';
  result.id = IdNumber{std::move(id), *birth, gender};
  return result;
}

}  // namespace ldt
