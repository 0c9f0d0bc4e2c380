// The China working-day calendar (shared CALENDAR.md; Measures Art. 8.3.3).
#include "ldt/domain/calendar.hpp"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>
#include <string>
#include <vector>

#include "ldt/util/resources.hpp"

namespace ldt {

int year_of(Date day) { return static_cast<int>(day.year()); }

namespace {

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r')) ++pos;
    size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\r') ++end;
    if (end > pos) out.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

/// "MM-DD" of `year` as a day number.
std::optional<int> month_day(int year, std::string_view text) {
  if (text.size() != 5 || text[2] != '-') return std::nullopt;
  auto m = number(text.substr(0, 2));
  auto d = number(text.substr(3, 2));
  if (!m || !d) return std::nullopt;
  auto date = make_date(year, *m, *d);
  if (!date) return std::nullopt;
  return day_number(*date);
}

}  // namespace

WorkdayCalendar WorkdayCalendar::parse(std::string_view text) {
  WorkdayCalendar calendar{Empty{}};
  int line_number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    auto fields = words(line);
    if (fields.empty()) continue;
    auto bad = [&] { return std::invalid_argument(fmt::format("calendar line {}: {}", line_number, line)); };
    auto year = number(fields[0]);
    if (!year || fields.size() < 2 || (fields[1] != "off" && fields[1] != "workdays")) throw bad();
    calendar.years_.insert(*year);
    auto& into = fields[1] == "off" ? calendar.off_ : calendar.workdays_;
    for (size_t i = 2; i < fields.size(); ++i) {
      auto range = fields[i];
      auto dots = range.find("..");
      auto first = month_day(*year, range.substr(0, dots));
      auto last = dots == std::string_view::npos ? first : month_day(*year, range.substr(dots + 2));
      if (!first || !last || *last < *first) throw bad();
      for (int day = *first; day <= *last; ++day) into.insert(day);
    }
  }
  return calendar;
}

WorkdayCalendar::WorkdayCalendar(const Settings::CalendarOverrides& overrides) {
  *this = parse(resource("calendar-cn.txt").value_or(std::string_view()));
  for (int year : overrides.years) {
    years_.insert(year);
    auto drop = [year](std::set<int>& days) {
      std::erase_if(days, [year](int day) { return year_of(date_from_day_number(day)) == year; });
    };
    drop(off_);
    drop(workdays_);
  }
  for (Date day : overrides.off) {
    off_.insert(day_number(day));
    workdays_.erase(day_number(day));
  }
  for (Date day : overrides.workdays) {
    workdays_.insert(day_number(day));
    off_.erase(day_number(day));
  }
}

std::optional<bool> WorkdayCalendar::is_workday(Date day) const {
  if (!covers(year_of(day))) return std::nullopt;
  int n = day_number(day);
  if (workdays_.count(n) != 0) return true;
  if (off_.count(n) != 0) return false;
  auto weekday = std::chrono::weekday(std::chrono::sys_days(day));
  return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday;
}

WorkdayCalendar::Deadline WorkdayCalendar::workdays_after(Date day, int n) const {
  int current = day_number(day);
  for (int counted = 0; counted < n;) {
    ++current;
    Date date = date_from_day_number(current);
    auto workday = is_workday(date);
    if (!workday) return {std::nullopt, year_of(date)};
    if (*workday) ++counted;
  }
  return {date_from_day_number(current), 0};
}

}  // namespace ldt
