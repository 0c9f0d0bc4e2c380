#pragma once
/// Follow-up and incubation (跟踪孵化记录, Measures Art. 7, 8.3.4): one later contact with a
/// trainee — how, by whom, and what became of them (a shop opened, sales, employment) and what
/// incubation service was given. Pure: no files, no index.
#include <optional>
#include <string>
#include <string_view>

#include "ldt/domain/date.hpp"
#include "ldt/domain/issue.hpp"

namespace ldt {

/// How the trainee was reached. JSON and followups/<yyyy>.csv: phone, visit, online, wechat.
enum class FollowupMethod { phone, visit, online, wechat };

std::string_view to_string(FollowupMethod method);
/// The method an id or the words people write name: phone/电话/电话回访, visit/上门/走访/实地/入户,
/// online/线上/网络/视频, wechat/微信; nullopt otherwise.
std::optional<FollowupMethod> followup_method_from(std::string_view text);

/// yes/no as people write it: yes, no, y, n, 是, 否, 有, 无, 已开店, 未开店, 已就业, 未就业, √, ×, 1, 0;
/// nullopt for anything else (an empty cell is checked by the caller).
std::optional<bool> yes_no_from(std::string_view text);

/// A monthly sales figure in CNY as people write it: `3000`, `3,000`, `3000元`, `¥3000`, `0.3万`,
/// `3千`; nullopt when it is not a non-negative amount.
std::optional<double> sales_from(std::string_view text);
/// The amount as stored and shown: whole yuan without decimals, else up to two decimals.
std::string format_sales(double amount);

/// One 跟踪孵化记录表 row (followups/<yyyy>.csv).
struct Followup {
  std::string trainee;  ///< ID number
  Date date;
  FollowupMethod method = FollowupMethod::phone;
  std::string staff;  ///< 回访人
  std::optional<bool> shop_opened;
  std::string shop_name, platform, shop_url;
  std::optional<double> monthly_sales;  ///< CNY
  std::optional<bool> employed;
  std::string service;  ///< 孵化服务内容
  std::string note;
  std::string source_sha256;  ///< the sheet it came from; empty for `followup log`
  int source_line = 0;
  std::string recorded_at, by;
};

/// Why a follow-up on `date` cannot be: before the start of the trainee's first session
/// (`first_day`), or after `today` (code followup-date, field date). nullopt when it can.
std::optional<Issue> followup_date_problem(Date date, Date first_day, Date today);

}  // namespace ldt
