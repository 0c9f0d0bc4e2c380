#include <doctest/doctest.h>

#include <string>

#include "ldt/domain/calendar.hpp"

namespace {

using ldt::Date;

Date day(int y, int m, int d) { return *ldt::make_date(y, m, d); }

std::string due(const ldt::WorkdayCalendar& calendar, Date end, int n = 3) {
  auto deadline = calendar.workdays_after(end, n);
  if (!deadline.due) return "unknown " + std::to_string(deadline.missing_year);
  return ldt::format_date(*deadline.due);
}

}  // namespace

TEST_CASE("calendar: the test vectors of CALENDAR.md (end day -> end of the 3rd working day after it)") {
  ldt::WorkdayCalendar calendar;
  CHECK(due(calendar, day(2025, 9, 30)) == "2025-10-11");  // a make-up Saturday
  CHECK(due(calendar, day(2026, 2, 13)) == "2026-02-25");
  CHECK(due(calendar, day(2024, 2, 8)) == "2024-02-19");
  CHECK(due(calendar, day(2021, 9, 17)) == "2021-09-23");
  CHECK(due(calendar, day(2023, 12, 29)) == "2024-01-04");
  CHECK(due(calendar, day(2021, 2, 10)) == "2021-02-20");  // a make-up Saturday
}

TEST_CASE("calendar: weekdays, holidays and make-up days of the shipped table") {
  ldt::WorkdayCalendar calendar;
  CHECK(calendar.is_workday(day(2021, 3, 12)) == true);    // a Friday
  CHECK(calendar.is_workday(day(2021, 3, 13)) == false);   // a Saturday
  CHECK(calendar.is_workday(day(2021, 10, 1)) == false);   // National Day, a Friday
  CHECK(calendar.is_workday(day(2021, 10, 9)) == true);    // make-up Saturday
  CHECK(calendar.is_workday(day(2022, 12, 31)) == false);  // bridged into 2023's New Year
  CHECK(calendar.is_workday(day(2023, 10, 6)) == false);   // a range crossing months
  CHECK(calendar.covers(2021));
  CHECK(calendar.covers(2026));
  CHECK_FALSE(calendar.covers(2020));
  CHECK_FALSE(calendar.covers(2027));
  CHECK_FALSE(calendar.is_workday(day(2027, 1, 4)).has_value());
  // The session's own day is day 0; zero working days is the end day itself.
  CHECK(due(calendar, day(2021, 3, 12), 0) == "2021-03-12");
  CHECK(due(calendar, day(2021, 3, 12), 1) == "2021-03-15");
}

TEST_CASE("calendar: a year the table lacks is named, never guessed from weekends") {
  ldt::WorkdayCalendar calendar;
  CHECK(due(calendar, day(2026, 12, 31)) == "unknown 2027");
  CHECK(due(calendar, day(2019, 6, 3)) == "unknown 2019");
}

TEST_CASE("calendar: [calendar] overrides add a year and win over the shipped table") {
  ldt::Settings::CalendarOverrides overrides;
  overrides.years = {2027};
  overrides.off = {day(2027, 1, 1), day(2021, 4, 14)};  // a regional holiday (三月三) on a Wednesday
  overrides.workdays = {day(2021, 10, 2)};              // a shipped day off made a working day
  ldt::WorkdayCalendar calendar(overrides);
  CHECK(calendar.covers(2027));
  CHECK(due(calendar, day(2026, 12, 31)) == "2027-01-06");  // 1/1 off, 1/2-3 a weekend
  CHECK(calendar.is_workday(day(2021, 4, 14)) == false);
  CHECK(due(calendar, day(2021, 4, 13)) == "2021-04-19");
  CHECK(calendar.is_workday(day(2021, 10, 2)) == true);

  // A year listed in `years` is described by the overrides alone.
  ldt::Settings::CalendarOverrides replace;
  replace.years = {2021};
  ldt::WorkdayCalendar replaced(replace);
  CHECK(replaced.is_workday(day(2021, 10, 1)) == true);   // no longer a holiday
  CHECK(replaced.is_workday(day(2021, 10, 9)) == false);  // no longer a make-up day
}

TEST_CASE("calendar: the table format") {
  auto calendar = ldt::WorkdayCalendar::parse("# comment\n2030 off 01-01..01-02\n2030 workdays 01-05\n");
  CHECK(calendar.covers(2030));
  CHECK(calendar.is_workday(day(2030, 1, 2)) == false);
  CHECK(calendar.is_workday(day(2030, 1, 5)) == true);  // a Saturday
  CHECK_THROWS_AS(ldt::WorkdayCalendar::parse("2030 holiday 01-01\n"), std::invalid_argument);
  CHECK_THROWS_AS(ldt::WorkdayCalendar::parse("2030 off 02-30\n"), std::invalid_argument);
  CHECK_THROWS_AS(ldt::WorkdayCalendar::parse("2030 off 03-02..03-01\n"), std::invalid_argument);
}
