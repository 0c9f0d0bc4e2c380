// Follow-up and incubation records (Measures Art. 7, 8.3.4).
#include "ldt/domain/followup.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

std::string_view to_string(FollowupMethod method) {
  switch (method) {
    case FollowupMethod::phone:
      return "phone";
    case FollowupMethod::visit:
      return "visit";
    case FollowupMethod::online:
      return "online";
    case FollowupMethod::wechat:
      return "wechat";
  }
  return "phone";
}

std::optional<FollowupMethod> followup_method_from(std::string_view text) {
  const std::string t = trim_blanks(nfkc(text));
  static const std::array<std::pair<std::string_view, FollowupMethod>, 20> k_words{{
      {"phone", FollowupMethod::phone},     {"电话", FollowupMethod::phone},     {"电话回访", FollowupMethod::phone},
      {"电话跟踪", FollowupMethod::phone},  {"打电话", FollowupMethod::phone},   {"visit", FollowupMethod::visit},
      {"上门", FollowupMethod::visit},      {"上门回访", FollowupMethod::visit}, {"走访", FollowupMethod::visit},
      {"实地", FollowupMethod::visit},      {"实地走访", FollowupMethod::visit}, {"入户", FollowupMethod::visit},
      {"online", FollowupMethod::online},   {"线上", FollowupMethod::online},    {"网络", FollowupMethod::online},
      {"视频", FollowupMethod::online},     {"wechat", FollowupMethod::wechat},  {"微信", FollowupMethod::wechat},
      {"微信回访", FollowupMethod::wechat}, {"QQ", FollowupMethod::online},
  }};
  for (const auto& [word, method] : k_words) {
    if (t == word) return method;
  }
  return std::nullopt;
}

std::optional<bool> yes_no_from(std::string_view text) {
  const std::string t = trim_blanks(nfkc(text));
  for (std::string_view yes : {"yes", "y", "Y", "YES", "Yes", "是", "有", "已开店", "已开", "已就业", "√", "1"}) {
    if (t == yes) return true;
  }
  for (std::string_view no : {"no", "n", "N", "NO", "No", "否", "无", "没有", "未开店", "未开", "未就业", "×", "0"}) {
    if (t == no) return false;
  }
  return std::nullopt;
}

std::optional<double> sales_from(std::string_view text) {
  std::string t = trim_blanks(nfkc(text));
  double factor = 1;
  auto drop_suffix = [&](std::string_view suffix) {
    if (!std::string_view(t).ends_with(suffix)) return false;
    t.resize(t.size() - suffix.size());
    return true;
  };
  for (std::string_view prefix : {"¥", "￥", "RMB", "CNY"}) {
    if (std::string_view(t).starts_with(prefix)) t.erase(0, prefix.size());
  }
  drop_suffix("元/月");
  drop_suffix("元");
  if (drop_suffix("万")) factor = 10000;
  if (drop_suffix("千")) factor = 1000;
  // Digits, at most one decimal point, and commas only as thousands separators before it
  // (3,000 and 12,345.5; not 3,00 or 3.000,5): anything else is no amount, never a guess.
  std::string digits;
  const std::size_t point = t.find('.');
  const std::string whole_part = t.substr(0, point);
  if (whole_part.find(',') != std::string::npos) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
      const std::size_t comma = whole_part.find(',', start);
      const std::size_t length = (comma == std::string::npos ? whole_part.size() : comma) - start;
      if (first ? (length < 1 || length > 3) : length != 3) return std::nullopt;
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ',' && i < point) continue;
    if (c == ' ') continue;
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.empty() || digits.front() == '.') return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) return std::nullopt;
  // Above a hundred billion yuan a month it is a typing slip, not a shop.
  if (value * factor > 1e11) return std::nullopt;
  return value * factor;
}

std::string format_sales(double amount) {
  const double cents = std::round(amount * 100);
  if (std::fmod(cents, 100) == 0) return fmt::format("{:.0f}", cents / 100);
  return fmt::format("{:.2f}", cents / 100);
}

std::optional<Issue> followup_date_problem(Date date, Date first_day, Date today) {
  if (day_number(date) < day_number(first_day)) {
    return Issue{Severity::error,
                 "followup-date",
                 {},
                 0,
                 "date",
                 fmt::format(fmt::runtime(tr("{} is before the trainee's first session (which starts {})")),
                             format_date(date), format_date(first_day)),
                 tr("a follow-up comes after the training: check the date")};
  }
  if (day_number(today) < day_number(date)) {
    return Issue{
        Severity::error,
        "followup-date",
        {},
        0,
        "date",
        fmt::format(fmt::runtime(tr("{} is in the future (today is {})")), format_date(date), format_date(today)),
        tr("record a follow-up once it has taken place")};
  }
  return std::nullopt;
}

}  // namespace ldt
