#pragma once
/// The China working-day calendar (shared CALENDAR.md; Measures Art. 8.3.3): which days are
/// working days, and the deadline N working days after a day. Pure: the shipped table is
/// schemas/calendar-cn.txt built into the binary, the overrides come from `[calendar]`.
#include <optional>
#include <set>
#include <string_view>

#include "ldt/domain/date.hpp"
#include "ldt/domain/settings.hpp"

namespace ldt {

/// The years a calendar knows, with their days off and make-up working days (day numbers,
/// domain/date.hpp). A day of a known year is a working day when it is a make-up day, or a
/// Monday–Friday that is not a day off.
class WorkdayCalendar {
 public:
  /// The shipped table (schemas/calendar-cn.txt) with the project's overrides applied: a
  /// year in `overrides.years` is described by the overrides alone (its shipped days are
  /// dropped); other override days are added to the shipped ones and win over them (a day
  /// listed as a make-up day is no longer off, and the reverse).
  explicit WorkdayCalendar(const Settings::CalendarOverrides& overrides = {});

  /// Parses the table's text format (see schemas/calendar-cn.txt): "YEAR off MM-DD[..MM-DD]…"
  /// and "YEAR workdays MM-DD…" lines, `#` comments. Throws std::invalid_argument naming the
  /// bad line (the shipped table is tested, so this is a bug when it happens).
  static WorkdayCalendar parse(std::string_view text);

  [[nodiscard]] bool covers(int year) const { return years_.count(year) != 0; }
  /// Whether `day` is a working day; nullopt when its year is not covered.
  [[nodiscard]] std::optional<bool> is_workday(Date day) const;
  /// The `n`-th working day after `day` (the day itself is day 0, CALENDAR.md), or the first
  /// year the count needs and the calendar lacks.
  struct Deadline {
    std::optional<Date> due;
    int missing_year = 0;  ///< set when `due` is empty
  };
  [[nodiscard]] Deadline workdays_after(Date day, int n) const;

 private:
  struct Empty {};
  explicit WorkdayCalendar(Empty) {}
  std::set<int> years_;
  std::set<int> off_;
  std::set<int> workdays_;
};

/// The year a date falls in.
int year_of(Date day);

}  // namespace ldt
