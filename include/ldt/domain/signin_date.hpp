#pragma once
/// Dates and times as people write them: sign-in cells (签到时间) and CLI/TOML values.
#include <optional>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/issue.hpp"

namespace ldt {

/// The outcome of reading one sign-in time cell. `day` is the sign-in day (meaningful when
/// there is no reject); `seconds_of_day` ([0, 86400), CST) is set only when the cell held a
/// time. Warning code: date-missing.
struct SigninDateResult {
  Date day;
  std::optional<int> seconds_of_day;
  std::optional<Issue> reject;
  std::vector<Issue> warnings;
};

/// Reads a sign-in time cell of a session running from `first_day` to `last_day` (inclusive)
/// (README "How each row and cell is read": Dates). NFKC and trimming first. Dates: `2021-03-10`
/// (ISO, time after a space or `T`, optional `+08:00`/`Z` offset, other offsets converted to
/// CST), `2021/3/10`, `2021.3.10`, `2021年3月10日` (日 or 号), `3月10日` (the year that puts it
/// inside the session, else first_day's year), each with an optional time: `9:02`, `09:02:30`,
/// `9时2分`, `9点`, with 上午/早上/凌晨, 中午 (1:30 = 13:30), 下午/晚上/傍晚 (2:30 = 14:30) or a
/// trailing AM/PM. A plain number is an Excel serial day (epoch 1899-12-30, fraction = time)
/// only when its whole part is in 32874–73415 (1990-01-01..2100-12-31).
/// Empty cell, or a time alone: day = first_day with warning date-missing.
/// Rejects (field "signed_at"): date-format when unreadable (the raw text is in the message);
/// date-outside-session when the day is not within [first_day, last_day].
/// `sheet_day`: the day the row's sheet is named by (`sheet_name_day`); an empty cell or a time
/// alone then means that day, without the warning (it is still checked against the session).
SigninDateResult parse_signin_date(std::string_view raw, Date first_day, Date last_day,
                                   std::optional<Date> sheet_day = std::nullopt);

/// The day a workbook sheet's name gives its rows (README "Workbooks": one sheet per day): a
/// date by the rules of `parse_signin_date` (`3月16日`, `2021.3.17`, `2021-03-16`; a plain number
/// is not a date here), or a day of the session — `第一天`, `第2天`, `Day 2`, `D2` — counted from
/// `first_day` (day N = first_day + N − 1). nullopt when the name is neither (`Sheet1`, `汇总`).
/// A named day outside the session is returned as it is: its rows are then rejected as
/// date-outside-session, which says what is wrong.
std::optional<Date> sheet_name_day(std::string_view name, Date first_day, Date last_day);

/// Reads a CLI/TOML date-time in CST: `2021-03-10 09:00`, `2021-03-10T09:00`,
/// `2021-03-10T09:00:00+08:00`, `2021/3/10 9:00`, `2021年3月10日 9:00`, seconds optional; a date
/// alone is 00:00. `Z` and offsets other than +08:00 are converted to CST. NFKC and trimming
/// first; nullopt when the text is not one of these forms or names no real day/time.
std::optional<DateTime> parse_datetime(std::string_view text);

/// Reads a date alone: `2021-03-10`, `2021/3/10`, `2021.3.10`, `2021年3月10日` (month and day
/// may have 1 or 2 digits). NFKC and trimming first; nullopt when not one of these forms or
/// not a real day.
std::optional<Date> parse_date(std::string_view text);

}  // namespace ldt
