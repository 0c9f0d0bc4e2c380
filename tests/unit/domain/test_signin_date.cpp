#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

#include "ldt/domain/signin_date.hpp"

namespace {

using ldt::Date;

Date day(int y, int m, int d) { return *ldt::make_date(y, m, d); }

const Date k_first = day(2021, 3, 10);
const Date k_last = day(2021, 3, 12);

ldt::SigninDateResult read(std::string_view raw) { return ldt::parse_signin_date(raw, k_first, k_last); }

// "2021-03-10" or "2021-03-10 09:00:00", or the reject code.
std::string outcome(std::string_view raw) {
  auto result = read(raw);
  if (result.reject) return result.reject->code;
  std::string text = ldt::format_date(result.day);
  if (result.seconds_of_day) {
    int s = *result.seconds_of_day;
    text += fmt::format(" {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  }
  return text;
}

bool date_missing(const ldt::SigninDateResult& result) {
  return result.warnings.size() == 1 && result.warnings[0].code == "date-missing";
}

std::string datetime(std::string_view text) {
  auto value = ldt::parse_datetime(text);
  return value ? ldt::format_datetime(*value) : std::string("none");
}

}  // namespace

TEST_SUITE("domain/signin_date") {
  TEST_CASE("the dates case") {
    CHECK(outcome("2021年3月10日 8:50") == "2021-03-10 08:50:00");
    CHECK(outcome("2021/3/11") == "2021-03-11");
    CHECK(outcome("44265.375") == "2021-03-10 09:00:00");
    CHECK(outcome("2021-03-12T16:30") == "2021-03-12 16:30:00");
    CHECK(outcome("2021.3.10 9:05") == "2021-03-10 09:05:00");
    CHECK(outcome("2021-03-13 09:00") == "date-outside-session");
    CHECK(outcome("3月11日") == "2021-03-11");
    CHECK(outcome("2021-03-09 09:00") == "date-outside-session");
    CHECK(read("2021-03-10 10:00").warnings.empty());
  }

  TEST_CASE("more written forms") {
    CHECK(outcome("2021-03-10 09:02:30") == "2021-03-10 09:02:30");
    CHECK(outcome("2021-3-10 9:02") == "2021-03-10 09:02:00");
    CHECK(outcome("2021-03-10T09:00:00.000") == "2021-03-10 09:00:00");
    CHECK(outcome("2021年3月10日上午9:00") == "2021-03-10 09:00:00");
    CHECK(outcome("2021 年 3 月 12 日 下午 2:30") == "2021-03-12 14:30:00");
    CHECK(outcome("3月10号 9点") == "2021-03-10 09:00:00");
    CHECK(outcome("2021/3/10 9时30分") == "2021-03-10 09:30:00");
    CHECK(outcome("2021/3/10 9:00 PM") == "2021-03-10 21:00:00");
    CHECK(outcome("2021/3/10 12:15 am") == "2021-03-10 00:15:00");
    CHECK(outcome("２０２１－０３－１０　０９：００") == "2021-03-10 09:00:00");
    CHECK(outcome("\u3000 2021-03-11 \t") == "2021-03-11");
  }

  TEST_CASE("12-hour prefixes") {
    CHECK(outcome("2021-03-10 上午9:02") == "2021-03-10 09:02:00");
    CHECK(outcome("2021-03-10 下午2:30") == "2021-03-10 14:30:00");
    CHECK(outcome("2021-03-10 下午14:30") == "2021-03-10 14:30:00");
    CHECK(outcome("2021-03-10 中午12:30") == "2021-03-10 12:30:00");
    CHECK(outcome("2021-03-10 中午1:30") == "2021-03-10 13:30:00");
    CHECK(outcome("2021-03-10 晚上7:00") == "2021-03-10 19:00:00");
    CHECK(outcome("2021-03-10 凌晨5:00") == "2021-03-10 05:00:00");
  }

  TEST_CASE("time offsets are converted to CST") {
    CHECK(outcome("2021-03-10T09:00:00+08:00") == "2021-03-10 09:00:00");
    CHECK(outcome("2021-03-10T01:00:00Z") == "2021-03-10 09:00:00");
    CHECK(outcome("2021-03-10T20:00:00-05:00") == "2021-03-11 09:00:00");
  }

  TEST_CASE("empty cell or a time alone: first day with date-missing") {
    auto empty = read("");
    CHECK_FALSE(empty.reject);
    CHECK(empty.day == k_first);
    CHECK_FALSE(empty.seconds_of_day);
    CHECK(date_missing(empty));
    CHECK(date_missing(read(" \u3000 ")));
    auto time = read("9:02");
    CHECK_FALSE(time.reject);
    CHECK(time.day == k_first);
    CHECK(time.seconds_of_day == 9 * 3600 + 2 * 60);
    CHECK(date_missing(time));
    CHECK(outcome("上午9:02") == "2021-03-10 09:02:00");
    CHECK(outcome("下午2:30") == "2021-03-10 14:30:00");
    CHECK(outcome("09:02:30") == "2021-03-10 09:02:30");
    CHECK(date_missing(read("下午2:30")));
  }

  TEST_CASE("Excel serial numbers only in 32874-73415") {
    CHECK(outcome("44265") == "2021-03-10");
    CHECK(outcome("44266.5") == "2021-03-11 12:00:00");
    // A time just before midnight stays on its day (44265.99999999 is 23:59:59.9991).
    CHECK(outcome("44265.99999999") == "2021-03-10 23:59:59");
    auto at = [](std::string_view raw, Date only) {
      auto result = ldt::parse_signin_date(raw, only, only);
      return result.reject ? result.reject->code : ldt::format_date(result.day);
    };
    CHECK(at("32874", day(1990, 1, 1)) == "1990-01-01");
    CHECK(at("73415", day(2100, 12, 31)) == "2100-12-31");
    CHECK(at("32873", day(1989, 12, 31)) == "date-format");
    CHECK(at("73416", day(2101, 1, 1)) == "date-format");
    CHECK(outcome("20210310") == "date-format");
    CHECK(outcome("9") == "date-format");
    CHECK(outcome("1e5") == "date-format");
  }

  TEST_CASE("month-day without a year takes the session's year") {
    auto at_new_year = [](std::string_view raw) {
      auto result = ldt::parse_signin_date(raw, day(2021, 12, 30), day(2022, 1, 2));
      return result.reject ? result.reject->code : ldt::format_date(result.day);
    };
    CHECK(at_new_year("12月31日") == "2021-12-31");
    CHECK(at_new_year("1月2日") == "2022-01-02");
    CHECK(at_new_year("6月1日") == "date-outside-session");
    auto leap = ldt::parse_signin_date("2月29日", day(2023, 12, 30), day(2024, 3, 1));
    CHECK_FALSE(leap.reject);
    CHECK(leap.day == day(2024, 2, 29));
    CHECK(outcome("2月29日") == "date-format");  // no 29 February in 2021
  }

  TEST_CASE("unreadable values are date-format with the raw text") {
    for (std::string_view raw :
         {"明天", "2021-13-01", "2021-02-30", "3/10", "10.3.2021", "2021-03-10 25:00", "2021-03-10 9:60",
          "2021-03-10 09:00 到", "21/3/10", "2021-03-10T", "上午", "2021年3月", "13:00 PM"}) {
      auto result = read(raw);
      REQUIRE_MESSAGE(result.reject, std::string(raw));
      CHECK_MESSAGE(result.reject->code == "date-format", std::string(raw));
      CHECK(result.reject->field == "signed_at");
      CHECK(result.reject->message.find(std::string(raw)) != std::string::npos);
      CHECK(result.warnings.empty());
    }
  }

  TEST_CASE("outside-session message names the day and the session") {
    auto result = read("2021-03-13 09:00");
    REQUIRE(result.reject);
    CHECK(result.reject->field == "signed_at");
    CHECK(result.reject->message.find("2021-03-13") != std::string::npos);
    CHECK(result.reject->message.find("2021-03-10") != std::string::npos);
    CHECK(result.reject->message.find("2021-03-12") != std::string::npos);
  }

  TEST_CASE("parse_datetime") {
    CHECK(datetime("2021-03-10 09:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-10T09:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-10T09:00:00+08:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021/3/10 9:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021年3月10日 9:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-10 09:00:30") == "2021-03-10T09:00:30+08:00");
    CHECK(datetime("2021-03-10") == "2021-03-10T00:00:00+08:00");
    CHECK(datetime("2021-03-10T01:00:00Z") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-09T20:00:00-05:00") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-10T09:00+0800") == "2021-03-10T09:00:00+08:00");
    CHECK(datetime("2021-03-12T17:00:00+08:00") == "2021-03-12T17:00:00+08:00");
    CHECK(datetime("3月10日 9:00") == "none");
    CHECK(datetime("44265.375") == "none");
    CHECK(datetime("9:00") == "none");
    CHECK(datetime("2021-02-30 09:00") == "none");
    CHECK(datetime("2021-03-10 09:00 tomorrow") == "none");
    CHECK(datetime("") == "none");
  }

  TEST_CASE("parse_date") {
    auto date = [](std::string_view text) {
      auto value = ldt::parse_date(text);
      return value ? ldt::format_date(*value) : std::string("none");
    };
    CHECK(date("2021-03-10") == "2021-03-10");
    CHECK(date("2021/3/10") == "2021-03-10");
    CHECK(date("2021.3.10") == "2021-03-10");
    CHECK(date("2021年3月10日") == "2021-03-10");
    CHECK(date(" 2021-3-1 ") == "2021-03-01");
    CHECK(date("2021-03-10 09:00") == "none");
    CHECK(date("3月10日") == "none");
    CHECK(date("2021-02-29") == "none");
    CHECK(date("2021-03/10") == "none");
    CHECK(date("") == "none");
  }
}

TEST_SUITE("domain/sheet_name_day") {
  using ldt::sheet_name_day;
  TEST_CASE("a sheet named by a date gives that day") {
    CHECK(sheet_name_day("3月11日", k_first, k_last) == day(2021, 3, 11));
    CHECK(sheet_name_day("2021.3.12", k_first, k_last) == day(2021, 3, 12));
    CHECK(sheet_name_day("2021-03-10", k_first, k_last) == day(2021, 3, 10));
    CHECK(sheet_name_day(" 3月11日 ", k_first, k_last) == day(2021, 3, 11));
  }
  TEST_CASE("a sheet named by a day of the session counts from the first day") {
    CHECK(sheet_name_day("第一天", k_first, k_last) == day(2021, 3, 10));
    CHECK(sheet_name_day("第二天", k_first, k_last) == day(2021, 3, 11));
    CHECK(sheet_name_day("第2天", k_first, k_last) == day(2021, 3, 11));
    CHECK(sheet_name_day("第 3 天", k_first, k_last) == day(2021, 3, 12));
    CHECK(sheet_name_day("第十二天", k_first, k_last) == day(2021, 3, 21));
    CHECK(sheet_name_day("第二十一天", k_first, k_last) == day(2021, 3, 30));
    CHECK(sheet_name_day("Day 2", k_first, k_last) == day(2021, 3, 11));
    CHECK(sheet_name_day("day3", k_first, k_last) == day(2021, 3, 12));
    CHECK(sheet_name_day("D1", k_first, k_last) == day(2021, 3, 10));
    CHECK(sheet_name_day("ＤＡＹ　２", k_first, k_last) == day(2021, 3, 11));  // full-width, NFKC
  }
  TEST_CASE("a day outside the session is returned: its rows are then rejected") {
    CHECK(sheet_name_day("第5天", k_first, k_last) == day(2021, 3, 14));
    CHECK(sheet_name_day("4月1日", k_first, k_last) == day(2021, 4, 1));
  }
  TEST_CASE("other names give no day") {
    for (const char* name : {"Sheet1", "签到表", "汇总", "第天", "第零天", "第一二天", "Day", "Day 0", "Dday 2",
                             "44266", "1", "9:00", "第一天签到", "2021年13月1日", ""}) {
      CAPTURE(name);
      CHECK_FALSE(sheet_name_day(name, k_first, k_last).has_value());
    }
  }
  TEST_CASE("a row with no date or a time alone is of the sheet's day, without a warning") {
    const auto empty = ldt::parse_signin_date("", k_first, k_last, day(2021, 3, 11));
    CHECK(empty.day == day(2021, 3, 11));
    CHECK(empty.warnings.empty());
    CHECK_FALSE(empty.reject);
    const auto time = ldt::parse_signin_date("08:45:00", k_first, k_last, day(2021, 3, 12));
    CHECK(time.day == day(2021, 3, 12));
    CHECK(time.seconds_of_day == 8 * 3600 + 45 * 60);
    CHECK(time.warnings.empty());
    // A written date wins over the sheet's name.
    CHECK(ldt::parse_signin_date("2021-03-10 09:00", k_first, k_last, day(2021, 3, 12)).day == day(2021, 3, 10));
    const auto outside = ldt::parse_signin_date("", k_first, k_last, day(2021, 3, 14));
    REQUIRE(outside.reject);
    CHECK(outside.reject->code == "date-outside-session");
  }
}
