#pragma once
/// Civil dates and China Standard Time instants. All times in ldt are CST (UTC+8).
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ldt {

/// A calendar day (proleptic Gregorian).
using Date = std::chrono::year_month_day;

/// A wall-clock time in China Standard Time, minute precision (seconds kept when given).
struct DateTime {
  Date date;
  int seconds_of_day = 0;  ///< [0, 86400)
  friend bool operator==(const DateTime&, const DateTime&) = default;
  friend auto operator<=>(const DateTime& a, const DateTime& b) {
    if (auto c = std::chrono::sys_days(a.date) <=> std::chrono::sys_days(b.date); std::is_neq(c)) return c;
    return a.seconds_of_day <=> b.seconds_of_day;
  }
};

/// Makes a date; nullopt when the day does not exist (2021-02-30).
std::optional<Date> make_date(int year, int month, int day);
/// Days since 1970-01-01.
int day_number(Date date);
Date date_from_day_number(int days);
/// "2021-03-10".
std::string format_date(Date date);
/// "2021-03-10T09:00:00+08:00".
std::string format_datetime(const DateTime& time);
/// Strict ISO date "YYYY-MM-DD"; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
/// Seconds since the Unix epoch of a CST wall-clock time.
long long epoch_seconds(const DateTime& time);
/// CST wall-clock time of seconds since the Unix epoch.
DateTime datetime_from_epoch(long long seconds);
/// The current time in CST.
DateTime now_cst();

}  // namespace ldt
