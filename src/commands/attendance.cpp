// ldt signin leave · ldt signin attendance — days present, on leave and absent (Measures Art. 9).
#include "ldt/domain/attendance.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/leave_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

struct LeaveOptions {
  std::string session, trainee, day, reason;
};

struct AttendanceOptions {
  std::string session;
  bool unmask = false;
};

Result record_leave(Context& context, const LeaveOptions& options) {
  Session session = commands::load_session(context, options.session);
  std::string id = commands::trainee_id_option(options.trainee, "--trainee");
  auto day = parse_iso_date(options.day);
  if (!day) {
    throw input_error(fmt::format(fmt::runtime(tr("not a date: \"{}\"")), options.day), tr("use e.g. 2021-03-01"), {},
                      0, "--day");
  }
  if (day_number(*day) < day_number(session.start.date) || day_number(session.end.date) < day_number(*day)) {
    throw input_error(fmt::format(fmt::runtime(tr("{} is not a day of the session ({}..{})")), format_date(*day),
                                  format_date(session.start.date), format_date(session.end.date)),
                      tr("give a day on which the session ran"), {}, 0, "--day");
  }
  std::string reason = trim_blanks(options.reason);
  if (reason.empty())
    throw input_error(tr("the reason is empty"), tr("say why the trainee was away"), {}, 0, "--reason");
  auto trainees = context.index().trainee_days(session.id);
  auto trainee =
      std::find_if(trainees.begin(), trainees.end(), [&](const TraineeDays& t) { return t.id_number == id; });
  if (trainee == trainees.end()) {
    throw state_error(
        fmt::format(fmt::runtime(tr("trainee {} has no sign-in in session {}")), mask_id_number(id), session.id),
        fmt::format(fmt::runtime(tr("leave is recorded for the session's trainees; check the ID number "
                                    "(`ldt signin attendance {}`)")),
                    session.id));
  }
  if (std::find(trainee->days.begin(), trainee->days.end(), *day) != trainee->days.end()) {
    throw state_error(fmt::format(fmt::runtime(tr("trainee {} signed in on {}: present, not on leave")),
                                  mask_id_number(id), format_date(*day)),
                      tr("leave is for a day the trainee was away"));
  }
  auto leave = context.index().leave(session.id);
  auto same =
      std::find_if(leave.begin(), leave.end(), [&](const Leave& l) { return l.id_number == id && l.day == *day; });
  Leave entry{id, *day, reason, context.now(), context.actor()};
  std::string message = tr("recorded leave of {} on {} in session {}");
  if (same != leave.end()) {
    if (same->reason == reason) {
      return commands::message_result(fmt::format(fmt::runtime(tr("leave of {} on {} is already recorded; nothing "
                                                                  "was written")),
                                                  mask_id_number(id), format_date(*day)));
    }
    *same = entry;
    message = tr("updated the reason of the leave of {} on {} in session {}");
  } else {
    leave.push_back(entry);
  }
  std::sort(leave.begin(), leave.end(), [](const Leave& a, const Leave& b) {
    return std::pair(a.id_number, day_number(a.day)) < std::pair(b.id_number, day_number(b.day));
  });
  WriteSet writes(context.root());
  writes.put(record_path("leave", session.id), leave_file(leave));
  context.commit(writes, session.id);
  return commands::message_result(
      fmt::format(fmt::runtime(message), mask_id_number(id), format_date(*day), session.id));
}

}  // namespace

namespace commands {
Table attendance_table(Context& context, const Session& session) {
  std::map<std::string, std::vector<Date>> leave;
  for (const auto& l : context.index().leave(session.id)) leave[l.id_number].push_back(l.day);
  Table table{{{"id_number", tr("ID number")},
               {"name", tr("name")},
               {"days_present", tr("days present"), true, false},
               {"days_leave", tr("days on leave"), true, false},
               {"days_absent", tr("days absent"), true, false},
               {"present", tr("present")},
               {"leave", tr("on leave")},
               {"absent", tr("absent")}},
              {},
              {},
              {1, 0, 2, 3, 4, 5, 6, 7}};
  for (const auto& trainee : context.index().trainee_days(session.id)) {
    auto a = session_attendance(session, trainee.id_number, trainee.name, trainee.days, leave[trainee.id_number],
                                context.now().date);
    auto size = [](const std::vector<Date>& list) { return static_cast<long long>(list.size()); };
    table.rows.push_back({id_number_cell(a.id_number), text_cell(a.name), integer_cell(size(a.present)),
                          integer_cell(size(a.leave)), integer_cell(size(a.absent)), commands::day_list_cell(a.present),
                          commands::day_list_cell(a.leave), commands::day_list_cell(a.absent)});
  }
  return table;
}
}  // namespace commands

namespace {

Result attendance(Context& context, const AttendanceOptions& options) {
  Session session = commands::load_session(context, options.session);
  Table table = commands::attendance_table(context, session);
  if (options.unmask) context.journal_unmasked(options.session);
  Result result;
  result.document.add_table(std::move(table)).empty_text = tr("no trainee has signed in to this session yet");
  result.unmask = options.unmask;
  return result;
}

}  // namespace

void register_attendance(CommandTable& table) {
  auto* group = table.group("signin", tr("sign-in sheets (签到表): import, list, rejects"));
  auto options = std::make_shared<LeaveOptions>();
  auto* leave_app = group->add_subcommand("leave", tr("record a trainee's excused absence on one day (Art. 9)"));
  leave_app->add_option("session", options->session, tr("session id"))->required();
  leave_app->add_option("--trainee", options->trainee, tr("the trainee's ID number"))->required();
  leave_app->add_option("--day", options->day, tr("the day away, e.g. 2021-03-11"))->required();
  leave_app->add_option("--reason", options->reason, tr("why (请假事由)"))->required();
  table.add(leave_app, "signin leave", Access::write,
            [options](Context& context) { return record_leave(context, *options); });

  auto attendance_options = std::make_shared<AttendanceOptions>();
  auto* attendance_app =
      group->add_subcommand("attendance", tr("days present, on leave and absent per trainee (Art. 9)"));
  attendance_app->add_option("session", attendance_options->session, tr("session id"))->required();
  attendance_app->add_flag("--unmask", attendance_options->unmask,
                           tr("show full ID numbers, phones and addresses (journalled)"));
  table.add(attendance_app, "signin attendance", Access::read,
            [attendance_options](Context& context) { return attendance(context, *attendance_options); });
}

}  // namespace ldt
