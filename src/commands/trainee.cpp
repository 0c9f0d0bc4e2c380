// ldt trainee rename — correcting the record of a trainee (Measures Art. 7: the statistics table
// from the sign-in sheets must name each trainee rightly).
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/attendance.hpp"
#include "ldt/domain/category.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/trainee_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

struct RenameOptions {
  std::string trainee, name, reason;
};

Result rename(Context& context, const RenameOptions& options) {
  std::string id = commands::trainee_id_option(options.trainee, "ID");
  auto known = context.index().trainee(id);
  if (!known) {
    throw state_error(fmt::format(fmt::runtime(tr("no trainee with ID number {} has signed in")), mask_id_number(id)),
                      tr("check the ID number; a trainee is known from their first sign-in"));
  }
  auto name = parse_person_name(options.name);
  if (name.reject) throw input_error(name.reject->message, {}, {}, 0, "--name");
  std::string reason = trim_blanks(options.reason);
  if (reason.empty()) throw input_error(tr("the reason is empty"), tr("say why the name changes"), {}, 0, "--reason");
  if (name.name == known->name) {
    return commands::message_result(fmt::format(fmt::runtime(tr("{} is already the name of {}; nothing was written")),
                                                name.name, mask_id_number(id)));
  }
  std::vector<TraineeRename> renames;
  commands::read_if_present(context, record_path("renames", ""), read_renames,
                            [&](TraineeRename&& r) { renames.push_back(std::move(r)); });
  renames.push_back({id, name.name, known->name, reason, context.now(), context.actor()});
  WriteSet writes(context.root());
  writes.put(record_path("renames", ""), renames_file(renames));
  // The journal holds no personal data: the masked ID number names the trainee.
  context.commit(writes, mask_id_number(id));
  Result result = commands::message_result(fmt::format(fmt::runtime(tr("{} is now named {} (was {}); the sign-ins "
                                                                       "keep what their sheets said")),
                                                       mask_id_number(id), name.name, known->name));
  for (auto& warning : name.warnings) {
    result.diagnostics.push_back(Diagnostic{Severity::warning, warning.code, {}, 0, "--name", warning.message, {}});
  }
  return result;
}

struct ShowOptions {
  std::string trainee;
  bool unmask = false;
};

struct ListOptions {
  std::string category;
  bool unmask = false;
};

std::vector<std::string> category_ids(std::uint32_t bits) {
  std::vector<std::string> ids;
  for (int i = 0; i < k_category_count; ++i) {
    if ((bits & (1U << static_cast<unsigned>(i))) != 0) ids.emplace_back(category_id(static_cast<Category>(i)));
  }
  return ids;
}

Result show(Context& context, const ShowOptions& options) {
  std::string id = commands::trainee_id_option(options.trainee, "ID");
  auto rows = context.index().trainees(-1, id);
  std::optional<TraineeRow> row;
  if (!rows.empty()) row = std::move(rows.front());
  if (!row) {
    throw state_error(fmt::format(fmt::runtime(tr("no trainee with ID number {} has signed in")), mask_id_number(id)),
                      tr("check the ID number; `ldt trainee list` lists the trainees"));
  }
  auto parsed = parse_id_number(id, date_from_day_number(day_number(context.now().date)), 0, 200);
  Result result = commands::record_result(
      {{"id_number", id_number_cell(row->id_number)},
       {"name", text_cell(row->name)},
       {"gender", label_cell(parsed.id ? std::string(1, parsed.id->gender) : std::string())},
       {"birth_date", literal_cell(parsed.id ? format_date(parsed.id->birth_date) : std::string())},
       {"phone", phone_cell(row->phone)},
       {"address", address_cell(row->address)},
       {"town", text_cell(row->town)},
       {"categories", commands::category_list_cell(category_ids(row->categories), ";")}});
  Table sessions{{{"session", tr("session")},
                  {"start", tr("start")},
                  {"present", tr("present")},
                  {"leave", tr("on leave")},
                  {"absent", tr("absent")}},
                 {},
                 {},
                 {}};
  for (const auto& s : context.index().trainee_sessions(id)) {
    Session session = commands::load_session(context, s.session);
    std::vector<Date> leave;
    for (const auto& l : context.index().leave(s.session)) {
      if (l.id_number == id) leave.push_back(l.day);
    }
    auto a = session_attendance(session, id, row->name, s.days, leave, context.now().date);
    sessions.rows.push_back({literal_cell(s.session), datetime_cell(s.start), commands::day_list_cell(a.present),
                             commands::day_list_cell(a.leave), commands::day_list_cell(a.absent)});
  }
  auto& section = result.document.add_table(std::move(sessions), "sessions");
  section.title = tr("Sessions attended");
  auto& surveys = result.document.add_record(
      {{"surveys", list_cell(context.index().trainee_survey_sessions(id), ", "), tr("surveys answered in")}});
  surveys.title = tr("Satisfaction surveys (Art. 8.3.1)");
  auto& followups = result.document.add_table(
      commands::followup_table(context.index().followups(id), {{row->id_number, row->name}}, false), "followups");
  followups.title = tr("Follow-ups (跟踪孵化, Art. 7, 8.3.4)");
  followups.empty_text = tr("no follow-up recorded");
  if (options.unmask) context.journal_unmasked(mask_id_number(id));
  result.unmask = options.unmask;
  return result;
}

Result list(Context& context, const ListOptions& options) {
  int category = -1;
  if (!options.category.empty()) {
    auto parsed = category_from_id(options.category);
    if (!parsed) {
      auto cell = parse_categories(options.category);  // the words staff write: 贫困户, 返乡人员 …
      if (cell.categories.size() == 1) parsed = cell.categories.front();
    }
    if (!parsed) {
      std::vector<std::string> ids;
      ids.reserve(k_category_count);
      for (int i = 0; i < k_category_count; ++i) ids.emplace_back(category_id(static_cast<Category>(i)));
      throw input_error(fmt::format(fmt::runtime(tr("unknown category \"{}\"")), options.category),
                        fmt::format(fmt::runtime(tr("use one of: {}")), fmt::join(ids, ", ")), {}, 0, "--category");
    }
    category = static_cast<int>(*parsed);
  }
  Table table{{{"id_number", tr("ID number")},
               {"name", tr("name")},
               {"phone", tr("phone")},
               {"town", tr("town")},
               {"categories", tr("categories")},
               {"sessions", tr("sessions")},
               {"days", tr("sign-in days")}},
              {},
              {},
              {1, 0, 2, 3, 4, 5, 6}};
  for (const auto& t : context.index().trainees(category)) {
    table.rows.push_back({id_number_cell(t.id_number), text_cell(t.name), phone_cell(t.phone), text_cell(t.town),
                          commands::category_list_cell(category_ids(t.categories), ";"), integer_cell(t.sessions),
                          integer_cell(t.days)});
  }
  if (options.unmask) context.journal_unmasked({});
  Result result;
  result.document.add_table(std::move(table)).empty_text = tr("no trainee has signed in yet");
  result.unmask = options.unmask;
  return result;
}

}  // namespace

void register_trainee(CommandTable& table) {
  auto* group = table.group("trainee", tr("trainees (学员)"));
  auto options = std::make_shared<RenameOptions>();
  auto* rename_app = group->add_subcommand("rename", tr("correct a trainee's name (journalled; sign-ins keep theirs)"));
  rename_app->add_option("trainee", options->trainee, tr("the trainee's ID number"))->required();
  rename_app->add_option("--name", options->name, tr("the right name"))->required();
  rename_app->add_option("--reason", options->reason, tr("why, e.g. 第一张签到表写错"))->required();
  auto show_options = std::make_shared<ShowOptions>();
  auto* show_app = group->add_subcommand("show", tr("one trainee: sessions and days attended (personal data masked)"));
  show_app->add_option("trainee", show_options->trainee, tr("the trainee's ID number"))->required();
  show_app->add_flag("--unmask", show_options->unmask, tr("show full ID numbers, phones and addresses (journalled)"));
  table.add(show_app, "trainee show", Access::read,
            [show_options](Context& context) { return show(context, *show_options); });
  auto list_options = std::make_shared<ListOptions>();
  auto* list_app = group->add_subcommand("list", tr("every trainee who has signed in (personal data masked)"));
  list_app->add_option("--category", list_options->category, tr("only this category, e.g. poor_household or 贫困户"));
  list_app->add_flag("--unmask", list_options->unmask, tr("show full ID numbers, phones and addresses (journalled)"));
  table.add(list_app, "trainee list", Access::read,
            [list_options](Context& context) { return list(context, *list_options); });
  table.add(rename_app, "trainee rename", Access::write,
            [options](Context& context) { return rename(context, *options); });
}

}  // namespace ldt
