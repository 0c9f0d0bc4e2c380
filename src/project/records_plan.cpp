// Plans and the office's decisions on them: plans/<id>.toml, plans/<id>.decision.toml.
#include <fmt/format.h>

#include <set>

#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "records_toml.hpp"

namespace ldt {

Plan read_plan(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "plan", file);
  Plan plan;
  plan.id = records::text(doc, "id");
  plan.provider = records::text(doc, "provider");
  plan.title = records::text(doc, "title");
  plan.target_groups = records::texts(doc, "target_groups");
  plan.window_start = records::date(doc, "window_start").value_or(Date{});
  plan.window_end = records::date(doc, "window_end").value_or(Date{});
  plan.outline = records::text(doc, "outline");
  plan.materials = records::texts(doc, "materials");
  plan.objectives = records::text(doc, "objectives");
  plan.planned_trainees = static_cast<int>(records::integer(doc, "planned_trainees", 0));
  plan.instructors = records::texts(doc, "instructors");
  for (const toml::table* item : records::tables(doc, "schedule")) {
    ScheduleItem entry;
    entry.topic = records::text(*item, "topic");
    entry.method = records::text(*item, "method");
    entry.hours = records::number(*item, "hours", 0);
    entry.instructor = records::text(*item, "instructor");
    plan.schedule.push_back(std::move(entry));
  }
  if (plan.window_end < plan.window_start) {
    records::throw_if_any(
        {Diagnostic{Severity::error, "date-order", std::string(file), records::line_of(doc, "window_end"), "window_end",
                    tr("window_end is before window_start"),
                    fmt::format(fmt::runtime(tr("use a day on or after {}")), format_date(plan.window_start))}});
  }
  return plan;
}

std::string write_plan(const Plan& plan) {
  records::Writer out;
  out.text("id", plan.id);
  out.text("provider", plan.provider);
  out.text("title", plan.title);
  out.texts("target_groups", plan.target_groups);
  out.date("window_start", plan.window_start);
  out.date("window_end", plan.window_end);
  out.optional_text("outline", plan.outline);
  out.texts("materials", plan.materials);
  out.optional_text("objectives", plan.objectives);
  if (plan.planned_trainees != 0) out.integer("planned_trainees", plan.planned_trainees);
  out.texts("instructors", plan.instructors);
  for (const ScheduleItem& entry : plan.schedule) {
    out.array_table("schedule");
    out.text("topic", entry.topic);
    out.optional_text("method", entry.method);
    if (entry.hours != 0) out.number("hours", entry.hours);
    out.optional_text("instructor", entry.instructor);
  }
  return out.str();
}

PlanDecision read_plan_decision(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "decision", file);
  PlanDecision decision;
  decision.plan = records::text(doc, "plan");
  decision.submitted_at = records::datetime(doc, "submitted_at").value_or(DateTime{});
  decision.submitted_by = records::text(doc, "submitted_by");
  decision.submitted_sha256 = records::text(doc, "submitted_sha256");
  decision.status = plan_status_from(records::text(doc, "status")).value_or(PlanStatus::submitted);
  decision.decided_at = records::datetime(doc, "decided_at");
  decision.decided_by = records::text(doc, "decided_by");
  decision.approved_sha256 = records::text(doc, "approved_sha256");
  decision.reason = records::text(doc, "reason");
  std::vector<Diagnostic> problems;
  std::set<int> numbers;
  int position = 0;
  for (const toml::table* item : records::tables(doc, "amendments")) {
    ++position;
    Amendment amendment;
    amendment.number = static_cast<int>(records::integer(*item, "number", 0));
    amendment.replace_old = records::text(*item, "replace_old");
    amendment.replace_new = records::text(*item, "replace_new");
    amendment.reason = records::text(*item, "reason");
    amendment.requested_at = records::datetime(*item, "requested_at").value_or(DateTime{});
    amendment.requested_by = records::text(*item, "requested_by");
    amendment.approved_at = records::datetime(*item, "approved_at");
    amendment.approved_by = records::text(*item, "approved_by");
    if (!numbers.insert(amendment.number).second) {
      problems.push_back(
          Diagnostic{Severity::error, "duplicate-amendment", std::string(file), records::line_of(*item, "number"),
                     fmt::format("amendments[{}].number", position),
                     fmt::format(fmt::runtime(tr("amendment number {} is used twice")), amendment.number),
                     tr("number the amendments 1, 2, 3, … in the order they were requested")});
    }
    decision.amendments.push_back(std::move(amendment));
  }
  records::throw_if_any(std::move(problems));
  return decision;
}

std::string write_plan_decision(const PlanDecision& decision) {
  records::Writer out;
  out.text("plan", decision.plan);
  out.datetime("submitted_at", decision.submitted_at);
  out.text("submitted_by", decision.submitted_by);
  out.text("submitted_sha256", decision.submitted_sha256);
  out.text("status", to_string(decision.status));
  out.optional_datetime("decided_at", decision.decided_at);
  out.optional_text("decided_by", decision.decided_by);
  out.optional_text("approved_sha256", decision.approved_sha256);
  out.optional_text("reason", decision.reason);
  for (const Amendment& amendment : decision.amendments) {
    out.array_table("amendments");
    out.integer("number", amendment.number);
    out.text("replace_old", amendment.replace_old);
    out.text("replace_new", amendment.replace_new);
    out.optional_text("reason", amendment.reason);
    out.datetime("requested_at", amendment.requested_at);
    out.text("requested_by", amendment.requested_by);
    out.optional_datetime("approved_at", amendment.approved_at);
    out.optional_text("approved_by", amendment.approved_by);
  }
  return out.str();
}

}  // namespace ldt
