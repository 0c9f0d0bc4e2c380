#include "ldt/domain/signin_date.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {
namespace {

constexpr const char* k_field = "signed_at";
constexpr int k_cst_offset = 8 * 3600;
// Excel serial days that count as dates: 1990-01-01 .. 2100-12-31 (README "How each row and cell is read").
constexpr long k_first_serial = 32874;
constexpr long k_last_serial = 73415;

std::string trim_blanks_nfkc(std::string_view raw) { return trim_blanks(nfkc(raw)); }

// A tiny recursive-descent reader over the cleaned text; every read either consumes its
// match or leaves the position where it was.
struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  bool literal(std::string_view word) {
    if (!text.substr(pos).starts_with(word)) return false;
    pos += word.size();
    return true;
  }
  bool literal_nocase(std::string_view word) {
    if (text.size() - pos < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      char c = text[pos + i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c != word[i]) return false;
    }
    pos += word.size();
    return true;
  }
  bool spaces() {
    size_t start = pos;
    while (!done() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    return pos > start;
  }
  // All consecutive digits, accepted when there are min_len..max_len of them.
  std::optional<int> number(size_t min_len, size_t max_len) {
    size_t end = pos;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    size_t len = end - pos;
    if (len < min_len || len > max_len) return std::nullopt;
    int value = 0;
    std::from_chars(text.data() + pos, text.data() + end, value);
    pos = end;
    return value;
  }
};

struct WrittenDate {
  std::optional<int> year;  // absent for 3月10日
  int month = 0;
  int day = 0;
};

std::optional<WrittenDate> read_date(Cursor& c, bool allow_no_year) {
  size_t start = c.pos;
  if (auto year = c.number(4, 4)) {
    for (std::string_view separator : {"-", "/", "."}) {
      if (!c.literal(separator)) continue;
      auto month = c.number(1, 2);
      if (month && c.literal(separator)) {
        if (auto day = c.number(1, 2)) return WrittenDate{year, *month, *day};
      }
      c.pos = start;
      return std::nullopt;
    }
    c.spaces();
    if (c.literal("年")) {
      c.spaces();
      auto month = c.number(1, 2);
      c.spaces();
      if (month && c.literal("月")) {
        c.spaces();
        auto day = c.number(1, 2);
        c.spaces();
        if (day && (c.literal("日") || c.literal("号"))) return WrittenDate{year, *month, *day};
      }
    }
    c.pos = start;
    return std::nullopt;
  }
  if (allow_no_year) {
    auto month = c.number(1, 2);
    c.spaces();
    if (month && c.literal("月")) {
      c.spaces();
      auto day = c.number(1, 2);
      c.spaces();
      if (day && (c.literal("日") || c.literal("号"))) return WrittenDate{std::nullopt, *month, *day};
    }
  }
  c.pos = start;
  return std::nullopt;
}

// Seconds of the day, or nullopt. See parse_signin_date for the accepted forms.
std::optional<int> read_time(Cursor& c) {
  size_t start = c.pos;
  enum class Half { none, morning, noon, afternoon } half = Half::none;
  if (c.literal("上午") || c.literal("早上") || c.literal("凌晨")) {
    half = Half::morning;
  } else if (c.literal("中午")) {
    half = Half::noon;
  } else if (c.literal("下午") || c.literal("晚上") || c.literal("傍晚")) {
    half = Half::afternoon;
  }
  c.spaces();
  auto fail = [&]() -> std::optional<int> {
    c.pos = start;
    return std::nullopt;
  };
  auto hour = c.number(1, 2);
  if (!hour) return fail();
  int minute = 0, second = 0;
  if (c.literal(":")) {
    auto m = c.number(2, 2);
    if (!m) return fail();
    minute = *m;
    if (c.literal(":")) {
      auto s = c.number(2, 2);
      if (!s) return fail();
      second = *s;
      if (c.literal(".") && !c.number(1, 9)) return fail();  // fractions of a second dropped
    }
  } else if (c.literal("时") || c.literal("点")) {
    if (auto m = c.number(1, 2)) {
      if (!c.literal("分")) return fail();
      minute = *m;
      if (auto s = c.number(1, 2)) {
        if (!c.literal("秒")) return fail();
        second = *s;
      }
    }
  } else {
    return fail();
  }
  int h = *hour;
  if (half == Half::none) {
    size_t before = c.pos;
    bool spaced = c.spaces();
    bool am = c.literal_nocase("AM");
    bool pm = !am && c.literal_nocase("PM");
    if (am || pm) {
      if (h < 1 || h > 12) return fail();
      h = am ? h % 12 : h % 12 + 12;
    } else if (spaced) {
      c.pos = before;
    }
  } else if ((half == Half::afternoon && h < 12) || (half == Half::noon && h < 11)) {
    h += 12;
  }
  if (h > 23 || minute > 59 || second > 59) return fail();
  return h * 3600 + minute * 60 + second;
}

// "Z", "+08:00", "+0800", "+08": seconds east of UTC.
std::optional<int> read_offset(Cursor& c) {
  if (c.literal("Z")) return 0;
  size_t start = c.pos;
  int sign = c.literal("+") ? 1 : c.literal("-") ? -1 : 0;
  size_t digits_at = c.pos;
  auto digits = sign != 0 ? c.number(2, 4) : std::nullopt;
  int hours = -1, minutes = 0;
  if (digits && c.pos - digits_at == 4) {
    hours = *digits / 100;
    minutes = *digits % 100;
  } else if (digits && c.pos - digits_at == 2) {
    hours = *digits;
    if (c.literal(":")) {
      auto m = c.number(2, 2);
      minutes = m.value_or(60);
    }
  }
  if (hours < 0 || hours > 14 || minutes > 59) {
    c.pos = start;
    return std::nullopt;
  }
  return sign * (hours * 3600 + minutes * 60);
}

struct Written {
  std::optional<WrittenDate> date;
  std::optional<int> seconds;
  std::optional<int> offset;  // seconds east of UTC, only after a date and a time
};

// The whole text as [date] [time [offset]]; nullopt when anything is left over.
std::optional<Written> read_all(std::string_view text, bool allow_no_year) {
  Cursor c{text};
  Written written;
  written.date = read_date(c, allow_no_year);
  if (written.date && !c.done()) {
    if (!c.literal("T")) c.spaces();
    written.seconds = read_time(c);
    if (!written.seconds) return std::nullopt;
    written.offset = read_offset(c);
  } else if (!written.date) {
    written.seconds = read_time(c);
    if (!written.seconds) return std::nullopt;
  }
  c.spaces();
  if (!c.done()) return std::nullopt;
  return written;
}

// A wall-clock time at `offset` seconds east of UTC, as CST.
DateTime to_cst(Date day, int seconds, int offset) {
  DateTime local{day, seconds};
  return datetime_from_epoch(epoch_seconds(local) + k_cst_offset - offset);
}

bool is_decimal_number(std::string_view s) {
  auto dot = s.find('.');
  auto whole = s.substr(0, dot);
  auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return digits(whole) && (dot == std::string_view::npos || digits(s.substr(dot + 1)));
}

// An Excel serial day (epoch 1899-12-30; the fraction is the time, rounded to the second)
// whose whole part is within the plausible range; nullopt otherwise.
std::optional<DateTime> read_excel_serial(std::string_view text) {
  double serial = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (error != std::errc() || end != text.data() + text.size() || serial < static_cast<double>(k_first_serial) ||
      serial >= static_cast<double>(k_last_serial + 1)) {
    return std::nullopt;
  }
  long whole = static_cast<long>(std::floor(serial));
  // The day is the whole part: a fraction that rounds up to 86400 s (44326.99999999, a time
  // just before midnight stored as a binary fraction) is the last second of that day, not the
  // first of the next.
  long seconds = std::min(std::lround((serial - static_cast<double>(whole)) * 86400.0), 86399L);
  int excel_epoch = day_number(*make_date(1899, 12, 30));
  return DateTime{date_from_day_number(excel_epoch + static_cast<int>(whole)), static_cast<int>(seconds)};
}

bool inside(Date day, Date first_day, Date last_day) {
  return day_number(day) >= day_number(first_day) && day_number(day) <= day_number(last_day);
}

Issue outside_error(Date day, Date first_day, Date last_day) {
  return Issue{"date-outside-session", k_field,
               fmt::format(fmt::runtime(tr("The sign-in date {} is outside the session's days ({} to "
                                           "{}). Correct the date, or import the row into the session "
                                           "it belongs to.")),
                           format_date(day), format_date(first_day), format_date(last_day))};
}

/// N of `第N天` (N in digits or 一…九十, up to 99), `Day N` / `D N` (any case, space optional).
std::optional<int> session_day_number(std::string_view text) {
  auto digits = [](std::string_view part) -> std::optional<int> {
    if (part.empty() || part.size() > 2) return std::nullopt;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value > 0 ? std::optional<int>(value) : std::nullopt;
  };
  auto chinese = [](std::string_view part) -> std::optional<int> {
    static constexpr std::string_view k_digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    auto digit_at = [&](std::string_view at) -> int {
      for (int i = 0; i < 9; ++i) {
        if (at.starts_with(k_digits[i])) return i + 1;
      }
      return 0;
    };
    constexpr std::string_view k_ten = "十";
    if (part.empty()) return std::nullopt;
    int tens = 0;
    int ones = 0;
    if (part.starts_with(k_ten)) {  // 十, 十二
      tens = 1;
      part.remove_prefix(k_ten.size());
    } else {
      const int first = digit_at(part);
      if (first == 0) return std::nullopt;
      part.remove_prefix(3);
      if (part.starts_with(k_ten)) {  // 二十, 二十三
        tens = first;
        part.remove_prefix(k_ten.size());
      } else {
        ones = first;
      }
    }
    if (!part.empty()) {
      if (ones != 0) return std::nullopt;
      ones = digit_at(part);
      if (ones == 0 || part.size() != 3) return std::nullopt;
    }
    return tens * 10 + ones;
  };
  std::string_view rest = text;
  if (rest.starts_with("第") && rest.ends_with("天")) {
    rest = rest.substr(3, rest.size() - 6);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    if (auto n = digits(rest)) return n;
    return chinese(rest);
  }
  std::string lower;
  for (char c : rest) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  std::string_view word = lower;
  if (word.starts_with("day")) {
    word.remove_prefix(3);
  } else if (word.starts_with("d")) {
    word.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  while (!word.empty() && (word.front() == ' ' || word.front() == '-' || word.front() == '_')) word.remove_prefix(1);
  return digits(word);
}

Issue format_error(std::string_view raw) {
  return Issue{"date-format", k_field,
               fmt::format(fmt::runtime(tr("The sign-in time \"{}\" cannot be read as a date. "
                                           "Write it like 2021-03-10 09:00, 2021/3/10 9:00, "
                                           "2021年3月10日 9:00 or 3月10日.")),
                           raw)};
}

}  // namespace

SigninDateResult parse_signin_date(std::string_view raw, Date first_day, Date last_day, std::optional<Date> sheet_day) {
  SigninDateResult result{first_day, std::nullopt, std::nullopt, {}};
  std::string text = trim_blanks_nfkc(raw);
  auto missing = [&] {
    if (sheet_day) {
      result.day = *sheet_day;
      if (!inside(result.day, first_day, last_day)) result.reject = outside_error(result.day, first_day, last_day);
      return;
    }
    result.warnings.push_back(
        Issue{"date-missing", k_field,
              fmt::format(fmt::runtime(tr("The sign-in time has no date; the session's first day ({}) "
                                          "is used. Write the date if the trainee came on another "
                                          "day.")),
                          format_date(first_day))});
  };
  if (text.empty()) {
    missing();
    return result;
  }
  if (is_decimal_number(text)) {
    auto serial = read_excel_serial(text);
    if (!serial) {
      result.reject = format_error(raw);
      return result;
    }
    result.day = serial->date;
    if (text.find('.') != std::string::npos) result.seconds_of_day = serial->seconds_of_day;
  } else {
    auto written = read_all(text, true);
    if (!written) {
      result.reject = format_error(raw);
      return result;
    }
    result.seconds_of_day = written->seconds;
    if (!written->date) {
      missing();
      return result;
    }
    std::optional<Date> day;
    const WrittenDate& date = *written->date;
    if (date.year) {
      day = make_date(*date.year, date.month, date.day);
    } else {
      for (int y = static_cast<int>(first_day.year()); y <= static_cast<int>(last_day.year()); ++y) {
        auto candidate = make_date(y, date.month, date.day);
        if (candidate && inside(*candidate, first_day, last_day)) {
          day = candidate;
          break;
        }
      }
      if (!day) day = make_date(static_cast<int>(first_day.year()), date.month, date.day);
    }
    if (!day) {
      result.reject = format_error(raw);
      return result;
    }
    result.day = *day;
    if (written->offset && written->seconds && *written->offset != k_cst_offset) {
      DateTime cst = to_cst(*day, *written->seconds, *written->offset);
      result.day = cst.date;
      result.seconds_of_day = cst.seconds_of_day;
    }
  }
  if (!inside(result.day, first_day, last_day)) result.reject = outside_error(result.day, first_day, last_day);
  return result;
}

std::optional<Date> sheet_name_day(std::string_view name, Date first_day, Date last_day) {
  const std::string text = trim_blanks_nfkc(name);
  if (text.empty() || is_decimal_number(text)) return std::nullopt;
  if (auto n = session_day_number(text)) {
    return date_from_day_number(day_number(first_day) + *n - 1);
  }
  SigninDateResult date = parse_signin_date(text, first_day, last_day);
  if (!date.warnings.empty()) return std::nullopt;  // a time alone is no day
  if (date.reject && date.reject->code != "date-outside-session") return std::nullopt;
  return date.day;
}

std::optional<DateTime> parse_datetime(std::string_view text) {
  auto written = read_all(trim_blanks_nfkc(text), false);
  if (!written || !written->date) return std::nullopt;
  auto day = make_date(*written->date->year, written->date->month, written->date->day);
  if (!day) return std::nullopt;
  int seconds = written->seconds.value_or(0);
  if (written->offset) return to_cst(*day, seconds, *written->offset);
  return DateTime{*day, seconds};
}

std::optional<Date> parse_date(std::string_view text) {
  std::string cleaned = trim_blanks_nfkc(text);
  Cursor c{cleaned};
  auto date = read_date(c, false);
  if (!date || !c.done()) return std::nullopt;
  return make_date(*date->year, date->month, date->day);
}

}  // namespace ldt
