#include "ldt/domain/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace ldt {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

std::optional<Date> make_date(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int day_number(Date date) { return static_cast<int>(sys_days(date).time_since_epoch().count()); }

Date date_from_day_number(int n) { return Date{sys_days(days(n))}; }

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string format_datetime(const DateTime& time) {
  int s = time.seconds_of_day;
  return fmt::format("{}T{:02}:{:02}:{:02}+08:00", format_date(time.date), s / 3600, s / 60 % 60, s % 60);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](size_t pos, size_t len) -> int {
    int value = -1;
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, value);
    if (ec != std::errc() || ptr != text.data() + pos + len) return -1;
    return value;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make_date(y, m, d);
}

long long epoch_seconds(const DateTime& time) {
  return static_cast<long long>(day_number(time.date)) * 86400 + time.seconds_of_day - 8LL * 3600;
}

DateTime datetime_from_epoch(long long seconds) {
  long long local = seconds + 8LL * 3600;
  long long d = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return DateTime{date_from_day_number(static_cast<int>(d)), static_cast<int>(local - d * 86400)};
}

DateTime now_cst() {
  auto now = std::chrono::system_clock::now();
  return datetime_from_epoch(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

}  // namespace ldt
