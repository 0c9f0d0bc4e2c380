#include <doctest/doctest.h>

#include "ldt/domain/attendance.hpp"

namespace {
ldt::Date day(int d) { return *ldt::make_date(2021, 3, d); }
}  // namespace

TEST_CASE("attendance: each day of the session is present, on leave or absent (Measures Art. 9)") {
  auto days = ldt::session_days(day(10), day(12));
  REQUIRE(days.size() == 3);
  CHECK(days.front() == day(10));
  CHECK(days.back() == day(12));

  auto a = ldt::attendance_of("441502196608024001", "陈文", days, {day(10)}, {day(11)}, day(12));
  CHECK(a.present == std::vector<ldt::Date>{day(10)});
  CHECK(a.leave == std::vector<ldt::Date>{day(11)});
  CHECK(a.absent == std::vector<ldt::Date>{day(12)});

  // Days after `through` (a running session) are not absent yet.
  auto running = ldt::attendance_of("441502196608024001", "陈文", days, {day(10)}, {}, day(11));
  CHECK(running.absent == std::vector<ldt::Date>{day(11)});

  // A sign-in wins over leave recorded for the same day.
  auto both = ldt::attendance_of("441502196608024001", "陈文", days, {day(10), day(11)}, {day(11)}, day(12));
  CHECK(both.present.size() == 2);
  CHECK(both.leave.empty());
  CHECK(both.absent == std::vector<ldt::Date>{day(12)});

  CHECK(ldt::session_days(day(10), day(10)).size() == 1);
}
