// ldt session open|close|list|show — Measures Art. 7, 10.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/archive.hpp"
#include "ldt/domain/calendar.hpp"
#include "ldt/domain/rules.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

struct OpenOptions {
  std::string plan, start, end, location, id, mode = "offline", head_teacher;
  std::vector<std::string> instructors;
};

struct CloseOptions {
  std::string id, ended_at;
};

Result open_session(Context& context, const OpenOptions& options) {
  Plan plan = commands::load_plan(context, options.plan);
  PlanDecision decision = commands::load_plan_decision(context, options.plan);
  auto plan_path = record_path("plan", options.plan).generic_string();
  Session session;
  session.plan = plan.id;
  session.start = commands::time_option(options.start, "--start");
  session.end = commands::time_option(options.end, "--end");
  if (!(session.start < session.end)) {
    throw input_error(tr("the session must end after it starts"),
                      tr("check --start and --end, and give times of day, e.g. \"2021-03-20 09:00\""), {}, 0, "--end");
  }
  auto mode = session_mode_from(options.mode);
  if (!mode) throw input_error(tr("must be offline, online or mixed"), {}, {}, 0, "--mode");
  session.mode = *mode;
  if (auto finding = check_plan_approved(session, decision)) throw Error(ExitCode::state, to_diagnostic(*finding));
  // Frozen means frozen (Measures Art. 8.1): a plan edited since its approval opens nothing.
  if (auto finding =
          check_plan_frozen(PlanRecord{plan, decision, sha256_file(context.root() / record_path("plan", plan.id))})) {
    throw Error(ExitCode::state, to_diagnostic(*finding));
  }
  if (day_number(session.start.date) < day_number(plan.window_start) ||
      day_number(session.end.date) > day_number(plan.window_end)) {
    throw state_error(fmt::format(fmt::runtime(tr("the session's times are outside the plan's window {}..{}")),
                                  format_date(plan.window_start), format_date(plan.window_end)),
                      tr("choose times inside the approved window, or submit a new plan"), plan_path);
  }
  session.instructors =
      options.instructors.empty() ? allowed_instructors(plan, decision, session.start) : options.instructors;
  if (auto findings = check_instructor_approved(session, plan, decision); !findings.empty()) {
    throw Error(ExitCode::state, to_diagnostics(findings));
  }
  session.id = options.id;
  if (session.id.empty()) {
    std::string date = format_date(session.start.date);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    session.id = fmt::format("{}-{}", plan.id, date);
    for (int n = 2; fs::exists(context.root() / record_path("session", session.id)); ++n) {
      session.id = fmt::format("{}-{}-{}", plan.id, date, n);
    }
  }
  commands::require_absent(context, record_path("session", session.id), "session", session.id);
  session.location = options.location;
  session.head_teacher = options.head_teacher;
  session.opened_at = context.now();
  session.opened_by = context.actor();
  WriteSet writes(context.root());
  writes.put(record_path("session", session.id), write_session(session));
  context.commit(writes, session.id);
  Result result = commands::message_result(fmt::format(fmt::runtime(tr("opened session {}")), session.id));
  result.document.add_record({{"id", literal_cell(session.id)}, {"status", label_cell("open")}}).human = false;
  return result;
}

Result close_session(Context& context, const CloseOptions& options) {
  Session session = commands::load_session(context, options.id);
  if (session.status == SessionStatus::closed) {
    throw state_error(fmt::format(fmt::runtime(tr("session {} is already closed")), session.id), {});
  }
  session.status = SessionStatus::closed;
  session.closed_at = context.now();
  if (!options.ended_at.empty()) {
    DateTime ended_at = commands::time_option(options.ended_at, "--ended-at");
    // Within the session's days: a session closed years later would accept sign-ins of then.
    if (!(session.start < ended_at) || context.now() < ended_at ||
        day_number(ended_at.date) > day_number(session.end.date)) {
      throw input_error(fmt::format(fmt::runtime(tr("the actual end must be after the start ({}), on or before the "
                                                    "session's last day ({}), and not in the future")),
                                    format_datetime(session.start), format_date(session.end.date)),
                        tr("give the time the session really ended"), {}, 0, "--ended-at");
    }
    session.ended_at = ended_at;
  }
  WriteSet writes(context.root());
  writes.put(record_path("session", session.id), write_session(session));
  context.commit(writes, session.id);
  return commands::message_result(fmt::format(fmt::runtime(tr("closed session {}")), session.id));
}

Result list_sessions(Context& context) {
  Table table{{{"id", tr("id")},
               {"plan", tr("plan")},
               {"provider", tr("provider"), false},
               {"start", tr("start")},
               {"end", tr("end")},
               {"location", tr("location")},
               {"mode", tr("mode"), false},
               {"status", tr("status")},
               {"person_times", tr("person_times")},
               {"signin_days", tr("signin_days"), false},
               {"open_rejects", tr("open rejects")}},
              {},
              {},
              {0, 1, 7, 3, 4, 8, 10, 5}};
  for (const auto& row : context.index().sessions()) {
    table.rows.push_back({literal_cell(row.id), literal_cell(row.plan), literal_cell(row.provider),
                          datetime_cell(row.start), datetime_cell(row.end), text_cell(row.location),
                          label_cell(row.mode), label_cell(row.status), integer_cell(row.person_times),
                          integer_cell(row.signin_days), integer_cell(row.open_rejects)});
  }
  Result result;
  result.document.add_table(std::move(table));
  return result;
}

/// The archive of a session for `session show`: its documents, what is missing, its deadlines
/// (Measures Art. 7, 8.2.4, 8.3.2, 8.3.3, 8.4.2).
void add_archive_sections(Context& context, const Session& session, const std::vector<ArchivedDocument>& documents,
                          Result& result) {
  const auto& rules = context.settings().rules;
  Table archive{{{"kind", tr("kind")},
                 {"file", tr("file")},
                 {"stored", tr("stored as"), false},
                 {"sha256", "SHA-256", false},
                 {"size", tr("bytes")},
                 {"at", tr("produced at")},
                 {"attached_at", tr("attached at")},
                 {"by", tr("by")},
                 {"bound", tr("bound archive")},
                 {"person_times", tr("person_times")},
                 {"instructor", tr("instructor")}},
                {},
                {},
                {}};
  for (const auto& d : documents) {
    bool bound = is_bound(d.kind);
    archive.rows.push_back({label_cell(std::string(to_string(d.kind))), text_cell(d.file), literal_cell(d.stored),
                            literal_cell(d.sha256), integer_cell(d.size), datetime_cell(format_datetime(d.at)),
                            datetime_cell(format_datetime(d.attached_at)), text_cell(d.by),
                            flag_cell(bound, bound ? tr("yes") : tr("no (video, Art. 8.4.2)")),
                            d.person_times ? integer_cell(*d.person_times) : null_cell(), literal_cell(d.instructor)});
  }
  auto& archive_section = result.document.add_table(std::move(archive), "archive");
  archive_section.title = tr("Archive (培训档案)");
  archive_section.empty_text = tr("nothing archived yet");

  Table missing{
      {{"kind", tr("kind")}, {"instructor", tr("instructor")}, {"have", tr("have")}, {"need", tr("need")}}, {}, {}, {}};
  for (const auto& m : missing_documents(session, documents, rules.min_photos)) {
    missing.rows.push_back({label_cell(std::string(to_string(m.kind))), literal_cell(m.instructor),
                            integer_cell(m.have), integer_cell(m.need)});
  }
  auto& missing_section = result.document.add_table(std::move(missing), "missing");
  missing_section.title = tr("Still missing");
  missing_section.empty_text = tr("nothing: every document the measures require is archived");

  auto deadlines = session_deadlines(session, documents, rules, WorkdayCalendar(context.settings().calendar));
  // To the second: a news article at 18:00:30 is late for 18:00, and people must see why.
  auto time = [](const std::optional<DateTime>& t) { return t ? literal_cell(format_datetime(*t)) : null_cell(); };
  auto met = [](const std::optional<bool>& value) {
    if (!value) return null_cell();
    return flag_cell(*value, *value ? tr("on time") : tr("LATE"));
  };
  auto& deadline_section =
      result.document.add_record({{"end", literal_cell(format_datetime(deadlines.end)), tr("counted from the end")},
                                  {"news_due", literal_cell(format_datetime(deadlines.news_due)), tr("news due")},
                                  {"news_at", time(deadlines.news_at), tr("news submitted")},
                                  {"news_met", met(deadlines.news_met), tr("news on time")},
                                  {"summary_due", time(deadlines.summary_due), tr("summary due")},
                                  {"summary_at", time(deadlines.summary_at), tr("summary submitted")},
                                  {"summary_met", met(deadlines.summary_met), tr("summary on time")}},
                                 "deadlines");
  deadline_section.title = tr("Deadlines (Art. 8.3.2, 8.3.3)");
  if (deadlines.calendar_missing_year != 0) {
    // A warning here (the record is still shown); `ldt check` reports it as an error.
    Diagnostic diagnostic = to_diagnostic(calendar_unknown(deadlines.calendar_missing_year, session.id));
    diagnostic.severity = Severity::warning;
    result.diagnostics.push_back(std::move(diagnostic));
  }
}

Result show_session(Context& context, const std::string& id) {
  Session session = commands::load_session(context, id);
  auto row = context.index().session(id);
  auto when = [](const std::optional<DateTime>& time) { return literal_cell(time ? format_datetime(*time) : ""); };
  Result result =
      commands::record_result({{"id", literal_cell(session.id)},
                               {"plan", literal_cell(session.plan)},
                               {"provider", literal_cell(row ? row->provider : "")},
                               {"status", label_cell(std::string(to_string(session.status)))},
                               {"start", literal_cell(format_datetime(session.start))},
                               {"end", literal_cell(format_datetime(session.end))},
                               {"ended_at", when(session.ended_at)},
                               {"location", text_cell(session.location)},
                               {"mode", label_cell(std::string(to_string(session.mode)))},
                               {"head_teacher", text_cell(session.head_teacher)},
                               {"instructors", literal_cell(fmt::format("{}", fmt::join(session.instructors, ", ")))},
                               {"opened", text_cell(format_datetime(session.opened_at) + " " + session.opened_by)},
                               {"closed_at", when(session.closed_at)},
                               {"person_times", literal_cell(std::to_string(row ? row->person_times : 0))},
                               {"signin_days", literal_cell(std::to_string(row ? row->signin_days : 0))},
                               {"open_rejects", literal_cell(std::to_string(row ? row->open_rejects : 0))}});
  // The 人次 the summary states, beside the 人次 signed in (Art. 7; the headcount rule compares them).
  auto documents = context.index().archive_documents(session.id);
  auto stated = stated_person_times(documents);
  result.document.sections.front().record->push_back(
      {"summary_person_times", stated ? integer_cell(*stated) : null_cell(), tr("person_times in the summary")});
  add_archive_sections(context, session, documents, result);
  return result;
}
}  // namespace

void register_session(CommandTable& table) {
  auto* group = table.group("session", tr("training sessions (培训班)"));
  auto open_options = std::make_shared<OpenOptions>();
  auto* open_app = group->add_subcommand("open", tr("open a session under an approved plan"));
  open_app->add_option("--plan", open_options->plan, tr("approved plan id"))->required();
  open_app->add_option("--start", open_options->start, tr("start time (CST)"))->required();
  open_app->add_option("--end", open_options->end, tr("end time (CST)"))->required();
  open_app->add_option("--location", open_options->location, tr("where it takes place"))->required();
  open_app->add_option("--id", open_options->id, tr("session id (default: PLAN-YYYYMMDD)"));
  open_app->add_option("--mode", open_options->mode, tr("offline, online or mixed"));
  open_app->add_option("--head-teacher", open_options->head_teacher, tr("head teacher (班主任)"));
  open_app->add_option("--instructor", open_options->instructors, tr("instructor ids (default: the plan's)"));
  table.add(open_app, "session open", Access::write,
            [open_options](Context& context) { return open_session(context, *open_options); });

  auto close_options = std::make_shared<CloseOptions>();
  auto* close_app = group->add_subcommand("close", tr("close a session after it ended"));
  close_app->add_option("id", close_options->id, tr("session id"))->required();
  close_app->add_option("--ended-at", close_options->ended_at, tr("actual end time, if not the planned one"));
  table.add(close_app, "session close", Access::write,
            [close_options](Context& context) { return close_session(context, *close_options); });

  auto* list_app = group->add_subcommand("list", tr("list sessions"));
  table.add(list_app, "session list", Access::read, [](Context& context) { return list_sessions(context); });

  auto id = std::make_shared<std::string>();
  auto* show_app = group->add_subcommand("show", tr("show one session"));
  show_app->add_option("id", *id, tr("session id"))->required();
  table.add(show_app, "session show", Access::read, [id](Context& context) { return show_session(context, *id); });
}

}  // namespace ldt
