// Fuzz target: the cell normalisers of the domain layer — ID numbers, phones, names, sign-in
// dates, CLI/TOML date-times and dates (domain/*.hpp).
//
// Input: byte 0 picks the normaliser ('0' ID number, '1' phone, '2' name, '3' sign-in time,
// '4' date-time, '5' date; else byte % 6), byte 1 the session for IDs and sign-in times
// (byte % 4, see k_sessions); the rest is the cell. The normalisers return their rejects as
// data and throw nothing.
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/util/text.hpp"

namespace {

using ldt::Date;

struct Session {
  int first[3];
  int last[3];
};
/// A short session; one over the new year (3月10日-style dates pick the year); the first and
/// the last plausible days of Excel serial dates.
constexpr Session k_sessions[] = {
    {{2021, 3, 10}, {2021, 3, 12}},
    {{2021, 12, 30}, {2022, 1, 2}},
    {{1990, 1, 1}, {1990, 1, 1}},
    {{2100, 12, 30}, {2100, 12, 31}},
};

Date day(const int (&ymd)[3]) { return *ldt::make_date(ymd[0], ymd[1], ymd[2]); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_messages_without(const std::vector<ldt::Issue>& issues, const std::optional<ldt::Issue>& reject,
                          std::string_view secret) {
  for (const ldt::Issue& issue : issues) {
    if (issue.message.find(secret) != std::string::npos) return false;
  }
  return !reject || reject->message.find(secret) == std::string::npos;
}

void fuzz_id_number(std::string_view raw, Date first_day) {
  const ldt::IdNumberResult result = ldt::parse_id_number(raw, first_day);
  LDT_FUZZ_CHECK(result.id.has_value() != result.reject.has_value());
  // Messages never hold the full number (README: masking).
  const std::string cleaned = ldt::clean_id_text(raw);
  if (cleaned.size() >= 15) LDT_FUZZ_CHECK(all_messages_without(result.warnings, result.reject, cleaned));
  if (!result.id) {
    LDT_FUZZ_CHECK(result.warnings.empty());
    LDT_FUZZ_CHECK(result.reject->field == "id_number");
    return;
  }
  const ldt::IdNumber& id = *result.id;
  LDT_FUZZ_CHECK(id.value.size() == 18);
  for (std::size_t i = 0; i < 17; ++i) LDT_FUZZ_CHECK(is_digit(id.value[i]));
  LDT_FUZZ_CHECK(ldt::gb11643_check_char(std::string_view(id.value).substr(0, 17)) == id.value[17]);
  LDT_FUZZ_CHECK(id.birth_date.ok());
  LDT_FUZZ_CHECK(std::chrono::sys_days(id.birth_date) <= std::chrono::sys_days(first_day));
  LDT_FUZZ_CHECK(id.gender == ((id.value[16] - '0') % 2 == 1 ? 'M' : 'F'));
  LDT_FUZZ_CHECK(all_messages_without(result.warnings, result.reject, id.value));
  // The stored number reads back as itself.
  LDT_FUZZ_CHECK(ldt::clean_id_text(id.value) == id.value);
  const ldt::IdNumberResult again = ldt::parse_id_number(id.value, first_day);
  LDT_FUZZ_CHECK(again.id && !again.reject);
  LDT_FUZZ_CHECK(again.id->value == id.value && again.id->birth_date == id.birth_date && again.id->gender == id.gender);
  const std::string masked = ldt::mask_id_number(id.value);
  LDT_FUZZ_CHECK(masked.size() == 18 && masked.substr(6, 8) == "********");
}

bool is_stored_phone(std::string_view phone) {
  const auto digits = [](std::string_view s) { return ldt::all_digits(s); };
  if (phone.size() == 11 && digits(phone) && phone[0] == '1' && phone[1] >= '3') return true;
  if (const auto dash = phone.find('-'); dash != std::string_view::npos) {
    const std::string_view area = phone.substr(0, dash);
    const std::string_view local = phone.substr(dash + 1);
    const std::size_t area_length = area.size() >= 2 && (area[1] == '1' || area[1] == '2') ? 3 : 4;
    return digits(area) && area[0] == '0' && area.size() == area_length && digits(local) && local.size() >= 7 &&
           local.size() <= 8;
  }
  return digits(phone) && phone[0] != '0' && phone.size() >= 7 && phone.size() <= 8;
}

void fuzz_phone(std::string_view raw) {
  const ldt::PhoneResult result = ldt::parse_phone(raw);
  if (result.reject) {
    LDT_FUZZ_CHECK(result.phone.empty() && result.extra.empty() && result.warnings.empty());
    LDT_FUZZ_CHECK(result.reject->code == "phone-format" && result.reject->field == "phone");
    return;
  }
  if (result.phone.empty()) {
    LDT_FUZZ_CHECK(result.extra.empty() && result.warnings.empty());
    return;
  }
  LDT_FUZZ_CHECK(is_stored_phone(result.phone));
  LDT_FUZZ_CHECK(all_messages_without(result.warnings, result.reject, result.phone));
  // The stored form reads back as itself.
  const ldt::PhoneResult again = ldt::parse_phone(result.phone);
  LDT_FUZZ_CHECK(!again.reject && again.phone == result.phone && again.extra.empty());
  const std::string masked = ldt::mask_phone(result.phone);
  LDT_FUZZ_CHECK(masked.size() == result.phone.size());
}

void fuzz_name(std::string_view raw) {
  const ldt::NameResult result = ldt::parse_person_name(raw);
  LDT_FUZZ_CHECK(result.name.empty() == result.reject.has_value());
  if (result.reject) {
    LDT_FUZZ_CHECK(result.warnings.empty());
    return;
  }
  LDT_FUZZ_CHECK(ldt::is_valid_utf8(result.name));
  LDT_FUZZ_CHECK(result.name.front() != ' ' && result.name.back() != ' ');
  LDT_FUZZ_CHECK(result.name.find("  ") == std::string::npos);
  LDT_FUZZ_CHECK(result.name.find_first_of("0123456789") == std::string::npos);  // a digit is a reject
  // The stored name reads back as itself.
  const ldt::NameResult again = ldt::parse_person_name(result.name);
  LDT_FUZZ_CHECK(!again.reject && again.name == result.name);
}

void fuzz_signin_date(std::string_view raw, Date first_day, Date last_day) {
  const ldt::SigninDateResult result = ldt::parse_signin_date(raw, first_day, last_day);
  if (result.seconds_of_day) LDT_FUZZ_CHECK(*result.seconds_of_day >= 0 && *result.seconds_of_day < 86400);
  if (result.reject) {
    LDT_FUZZ_CHECK(result.reject->code == "date-format" || result.reject->code == "date-outside-session");
    return;
  }
  LDT_FUZZ_CHECK(result.day.ok());
  LDT_FUZZ_CHECK(ldt::day_number(result.day) >= ldt::day_number(first_day) &&
                 ldt::day_number(result.day) <= ldt::day_number(last_day));
  const bool missing = !result.warnings.empty() && result.warnings.front().code == "date-missing";
  if (missing) {
    LDT_FUZZ_CHECK(result.day == first_day);
    return;
  }
  // The day and time read, written the ISO way, read back as themselves.
  std::string iso = ldt::format_date(result.day);
  if (result.seconds_of_day) iso = ldt::format_datetime({result.day, *result.seconds_of_day}).substr(0, 19);
  const ldt::SigninDateResult again = ldt::parse_signin_date(iso, first_day, last_day);
  LDT_FUZZ_CHECK(!again.reject && again.warnings.empty());
  LDT_FUZZ_CHECK(again.day == result.day && again.seconds_of_day == result.seconds_of_day);
}

void fuzz_datetime(std::string_view raw) {
  const std::optional<ldt::DateTime> time = ldt::parse_datetime(raw);
  if (!time) return;
  LDT_FUZZ_CHECK(time->date.ok());
  LDT_FUZZ_CHECK(time->seconds_of_day >= 0 && time->seconds_of_day < 86400);
  // What ldt writes reads back as the same time (within the years TOML can hold).
  const int year = static_cast<int>(time->date.year());
  if (year >= 0 && year <= 9999) LDT_FUZZ_CHECK(ldt::parse_datetime(ldt::format_datetime(*time)) == time);
}

void fuzz_date(std::string_view raw) {
  const std::optional<Date> date = ldt::parse_date(raw);
  if (!date) return;
  LDT_FUZZ_CHECK(date->ok());
  LDT_FUZZ_CHECK(ldt::parse_date(ldt::format_date(*date)) == date);
  LDT_FUZZ_CHECK(ldt::parse_iso_date(ldt::format_date(*date)) == date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::Input input(data, size, 2);
  const Session& session = k_sessions[input.options[1] % 4];
  const Date first_day = day(session.first);
  const Date last_day = day(session.last);
  switch (input.options[0] % 6) {
    case 0:
      fuzz_id_number(input.rest, first_day);
      break;
    case 1:
      fuzz_phone(input.rest);
      break;
    case 2:
      fuzz_name(input.rest);
      break;
    case 3:
      fuzz_signin_date(input.rest, first_day, last_day);
      break;
    case 4:
      fuzz_datetime(input.rest);
      break;
    default:
      fuzz_date(input.rest);
      break;
  }
  return 0;
}
