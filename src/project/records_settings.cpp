// Project settings: ldt.toml.
#include <fmt/format.h>

#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "records_toml.hpp"

namespace ldt {

std::string_view to_string(UnreachableCounts value) {
  return value == UnreachableCounts::excluded ? "excluded" : "failed";
}

std::optional<UnreachableCounts> unreachable_counts_from(std::string_view text) {
  if (text == "failed") return UnreachableCounts::failed;
  if (text == "excluded") return UnreachableCounts::excluded;
  return std::nullopt;
}

namespace {
int whole(const toml::table& table, std::string_view key, int fallback) {
  return static_cast<int>(records::integer(table, key, fallback));
}
}  // namespace

Settings read_settings(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "project", file);
  static const toml::table k_empty;
  auto section = [&](std::string_view name) -> const toml::table& {
    const toml::table* table = doc[name].as_table();
    return table != nullptr ? *table : k_empty;
  };
  Settings settings;
  const toml::table& project = section("project");
  settings.county = records::text(project, "county");
  settings.region_code = records::text(project, "region_code");
  settings.office = records::text(project, "office");
  settings.language = records::text(project, "language");

  const toml::table& rules = section("rules");
  Settings::Rules& r = settings.rules;
  r.pass_threshold = records::number(rules, "pass_threshold", r.pass_threshold);
  r.sample_rate = records::number(rules, "sample_rate", r.sample_rate);
  r.min_sample = whole(rules, "min_sample", r.min_sample);
  r.unreachable_counts =
      unreachable_counts_from(records::text(rules, "unreachable_counts")).value_or(r.unreachable_counts);
  r.min_photos = whole(rules, "min_photos", r.min_photos);
  r.rejects_grace_days = whole(rules, "rejects_grace_days", r.rejects_grace_days);
  r.min_survey_coverage = records::number(rules, "min_survey_coverage", r.min_survey_coverage);
  r.news_deadline_hours = whole(rules, "news_deadline_hours", r.news_deadline_hours);
  r.summary_deadline_workdays = whole(rules, "summary_deadline_workdays", r.summary_deadline_workdays);
  r.followup_due_days = whole(rules, "followup_due_days", r.followup_due_days);
  r.audit_due_days = whole(rules, "audit_due_days", r.audit_due_days);
  r.min_practice_years = whole(rules, "min_practice_years", r.min_practice_years);
  r.max_trainees_per_phone = whole(rules, "max_trainees_per_phone", r.max_trainees_per_phone);
  r.min_age = whole(rules, "min_age", r.min_age);
  r.max_age = whole(rules, "max_age", r.max_age);
  r.lock_timeout_seconds = whole(rules, "lock_timeout_seconds", r.lock_timeout_seconds);
  if (r.min_age > r.max_age) {
    records::throw_if_any({Diagnostic{
        Severity::error, "rules-order", std::string(file), records::line_of(rules, "max_age"), "rules.max_age",
        tr("max_age is below min_age"), fmt::format(fmt::runtime(tr("use a value of at least {}")), r.min_age)}});
  }

  const toml::table& calendar = section("calendar");
  if (auto years = calendar["years"].as_array()) {
    for (const auto& year : *years) {
      if (auto value = year.as_integer()) settings.calendar.years.push_back(static_cast<int>(value->get()));
    }
  }
  settings.calendar.off = records::dates(calendar, "off");
  settings.calendar.workdays = records::dates(calendar, "workdays");
  settings.shared_group = records::text(section("security"), "shared_group");
  settings.questionnaire = records::text(section("survey"), "questionnaire");
  return settings;
}

std::string write_settings(const Settings& settings) {
  records::Writer out;
  out.table("project");
  out.text("county", settings.county);
  out.text("region_code", settings.region_code);
  out.optional_text("office", settings.office);
  out.optional_text("language", settings.language);

  // Every rule is written, so that a county sees and adjusts all of them in one place.
  const Settings::Rules& r = settings.rules;
  out.table("rules");
  out.number("pass_threshold", r.pass_threshold);
  out.comment("Art. 11 合格率: effective when passed / sampled >= this");
  out.number("sample_rate", r.sample_rate);
  out.comment("Art. 11 回访抽查比例");
  out.integer("min_sample", r.min_sample);
  out.comment("Art. 11 最少抽查人数");
  out.text("unreachable_counts", to_string(r.unreachable_counts));
  out.comment("Art. 11 联系不上: failed | excluded");
  out.integer("min_photos", r.min_photos);
  out.comment("Art. 7 现场照片");
  out.integer("rejects_grace_days", r.rejects_grace_days);
  out.comment("Art. 7, 8.4.1 退回行宽限天数");
  out.number("min_survey_coverage", r.min_survey_coverage);
  out.comment("Art. 8.3.1 满意度调查覆盖率");
  out.integer("news_deadline_hours", r.news_deadline_hours);
  out.comment("Art. 8.3.2 新闻稿: hours after the end");
  out.integer("summary_deadline_workdays", r.summary_deadline_workdays);
  out.comment("Art. 8.3.3 培训总结: working days after the end day");
  out.integer("followup_due_days", r.followup_due_days);
  out.comment("Art. 7, 8.3.4 跟踪孵化");
  out.integer("audit_due_days", r.audit_due_days);
  out.comment("Art. 11 回访抽查");
  out.integer("min_practice_years", r.min_practice_years);
  out.comment("Art. 6 实操讲师从业年限");
  out.integer("max_trainees_per_phone", r.max_trainees_per_phone);
  out.comment("Art. 7 同一号码学员数");
  out.integer("min_age", r.min_age);
  out.integer("max_age", r.max_age);
  out.integer("lock_timeout_seconds", r.lock_timeout_seconds);

  const Settings::CalendarOverrides& calendar = settings.calendar;
  if (!calendar.years.empty() || !calendar.off.empty() || !calendar.workdays.empty()) {
    out.table("calendar");
    out.integers("years", calendar.years);
    out.dates("off", calendar.off);
    out.dates("workdays", calendar.workdays);
  }
  if (!settings.questionnaire.empty()) {
    out.table("survey");
    out.text("questionnaire", settings.questionnaire);
  }
  if (!settings.shared_group.empty()) {
    out.table("security");
    out.text("shared_group", settings.shared_group);
  }
  return out.str();
}

}  // namespace ldt
