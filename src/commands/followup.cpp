// ldt followup log · import · rejects · list — follow-up and incubation (跟踪孵化, Measures Art. 7, 8.3.4).
#include "ldt/domain/followup.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/ingest/followup_import.hpp"
#include "ldt/project/followup_store.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/report/import_report.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace commands {
Table followup_table(const std::vector<Followup>& followups, const std::unordered_map<std::string, std::string>& names,
                     bool with_trainee) {
  Table table{{{"date", tr("date")},
               {"trainee", tr("ID number"), with_trainee, true},
               {"name", tr("name"), with_trainee, true},
               {"method", tr("method")},
               {"staff", tr("staff")},
               {"shop_opened", tr("shop opened")},
               {"shop_name", tr("shop name"), false, true},
               {"platform", tr("platform")},
               {"shop_url", tr("shop URL"), false, true},
               {"monthly_sales", tr("monthly sales (CNY)")},
               {"employed", tr("employed")},
               {"service", tr("incubation service")},
               {"note", tr("remarks")}},
              {},
              {},
              {}};
  auto yes_no = [](const std::optional<bool>& value) {
    if (!value) return null_cell();
    return flag_cell(*value, *value ? tr("yes") : tr("no"));
  };
  auto sales_cell = [](const std::optional<double>& sales) {
    if (!sales) return null_cell();
    const bool whole = format_sales(*sales).find('.') == std::string::npos;
    return whole ? integer_cell(static_cast<long long>(*sales)) : decimal_cell(*sales, 2);
  };
  for (const auto& f : followups) {
    auto name = names.find(f.trainee);
    table.rows.push_back({literal_cell(format_date(f.date)), id_number_cell(f.trainee),
                          text_cell(name == names.end() ? std::string() : name->second),
                          label_cell(std::string(to_string(f.method))), text_cell(f.staff), yes_no(f.shop_opened),
                          text_cell(f.shop_name), text_cell(f.platform), literal_cell(f.shop_url),
                          sales_cell(f.monthly_sales), yes_no(f.employed), text_cell(f.service), text_cell(f.note)});
  }
  return table;
}
}  // namespace commands

namespace {

struct LogOptions {
  std::string trainee, date, method, staff, shop_opened, shop_name, platform, shop_url, monthly_sales, employed,
      service, note;
};

struct ImportOptions {
  std::vector<std::string> files;
  std::string encoding = "auto";
  bool dry_run = false;
};

struct RejectsOptions {
  std::string output, reason;
  std::vector<std::string> dismiss;
};

struct ListOptions {
  std::string trainee, session;
  bool unmask = false;
};

/// Every stored follow-up, from followups/<yyyy>.csv in year order.
std::vector<Followup> stored_followups(const Context& context) {
  std::vector<Followup> out;
  std::error_code ec;
  std::vector<std::string> years;
  for (const auto& entry : fs::directory_iterator(context.root() / "followups", ec)) {
    auto name = entry.path().filename().string();
    if (name.size() == 8 && name.ends_with(".csv") && name.find_first_not_of("0123456789") == 4) {
      years.push_back(name.substr(0, 4));
    }
  }
  std::sort(years.begin(), years.end());
  for (const auto& year : years) {
    fs::path relative = record_path("followups", year);
    read_followups(context.root() / relative, relative.generic_string(), std::stoi(year),
                   [&](Followup&& f) { out.push_back(std::move(f)); });
  }
  return out;
}

/// Stages followups/<yyyy>.csv for every year the follow-ups fall in (unchanged files are left
/// out by the commit).
void stage_followups(WriteSet& writes, const std::vector<Followup>& followups) {
  std::map<int, std::vector<Followup>> by_year;
  for (const auto& f : followups) by_year[static_cast<int>(f.date.year())].push_back(f);
  for (auto& [year, rows] : by_year) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Followup& a, const Followup& b) { return day_number(a.date) < day_number(b.date); });
    writes.put(record_path("followups", std::to_string(year)), followups_file(rows));
  }
}

std::optional<bool> yes_no_option(const std::string& text, const char* flag) {
  if (text.empty()) return std::nullopt;
  auto value = yes_no_from(text);
  if (!value) {
    throw input_error(fmt::format(fmt::runtime(tr("{} must be yes or no, not \"{}\"")), flag, text), {}, {}, 0, flag);
  }
  return value;
}

Result log(Context& context, const LogOptions& options) {
  // Bytes that are no UTF-8 would be written into followups/<year>.csv, which then no longer reads.
  for (const auto& [text, flag] :
       {std::pair{&options.staff, "--staff"}, std::pair{&options.shop_name, "--shop-name"},
        std::pair{&options.platform, "--platform"}, std::pair{&options.shop_url, "--shop-url"},
        std::pair{&options.service, "--service"}, std::pair{&options.note, "--note"}}) {
    if (!is_valid_utf8(*text)) {
      throw input_error(tr("the text is not UTF-8"), tr("type it again in a UTF-8 terminal"), {}, 0, flag);
    }
  }
  std::string id = commands::trainee_id_option(options.trainee, "--trainee");
  Index& index = context.index();
  auto first_days = index.trainee_first_days();
  auto first = first_days.find(id);
  if (first == first_days.end()) {
    throw state_error(fmt::format(fmt::runtime(tr("no trainee with ID number {} has signed in")), mask_id_number(id)),
                      tr("a follow-up is kept for trainees who signed in to a session; check the ID number "
                         "(`ldt trainee list`)"));
  }
  Followup f;
  f.trainee = id;
  auto date = parse_date(options.date);
  if (!date) {
    throw input_error(fmt::format(fmt::runtime(tr("not a date: \"{}\"")), options.date), tr("use e.g. 2021-04-10"), {},
                      0, "--date");
  }
  f.date = *date;
  if (auto problem = followup_date_problem(f.date, first->second, context.now().date)) {
    throw input_error(problem->message, problem->hint, {}, 0, "--date");
  }
  auto method = followup_method_from(options.method);
  if (!method) {
    throw input_error(
        fmt::format(fmt::runtime(tr("--method must be phone, visit, online or wechat, not \"{}\"")), options.method),
        {}, {}, 0, "--method");
  }
  f.method = *method;
  f.staff = trim_blanks(options.staff);
  f.shop_opened = yes_no_option(options.shop_opened, "--shop-opened");
  f.employed = yes_no_option(options.employed, "--employed");
  if (!options.monthly_sales.empty()) {
    f.monthly_sales = sales_from(options.monthly_sales);
    if (!f.monthly_sales) {
      throw input_error(
          fmt::format(fmt::runtime(tr("--monthly-sales must be an amount in yuan, not \"{}\"")), options.monthly_sales),
          tr("e.g. 3000, 3000元 or 0.3万"), {}, 0, "--monthly-sales");
    }
  }
  f.shop_name = trim_blanks(options.shop_name);
  f.platform = trim_blanks(options.platform);
  f.shop_url = trim_blanks(options.shop_url);
  f.service = trim_blanks(options.service);
  f.note = trim_blanks(options.note);
  f.recorded_at = format_datetime(context.now());
  f.by = context.actor();
  auto followups = stored_followups(context);
  auto it = std::find_if(followups.begin(), followups.end(), [&](const Followup& g) {
    return g.trainee == f.trainee && g.date == f.date && g.method == f.method;
  });
  const bool updated = it != followups.end();
  if (updated)
    *it = f;
  else
    followups.push_back(f);
  WriteSet writes(context.root());
  stage_followups(writes, followups);
  context.commit(writes, mask_id_number(id));
  return commands::message_result(fmt::format(fmt::runtime(updated ? tr("follow-up of trainee {} on {} ({}) updated")
                                                                   : tr("follow-up of trainee {} on {} ({}) recorded")),
                                              mask_id_number(id), format_date(f.date),
                                              value_label(to_string(f.method))));
}

Result import(Context& context, const ImportOptions& options) {
  auto encoding = parse_encoding_choice(options.encoding);
  if (!encoding) throw input_error(tr("--encoding must be auto, utf-8, gb18030 or utf-16"), {}, {}, 0, "--encoding");
  Index& index = context.index();
  std::vector<RosterEntry> roster;
  for (const auto& t : index.trainees()) roster.push_back({t.id_number, t.name, t.phone});
  FollowupImport run(std::move(roster), index.trainee_first_days(), context.now().date, *encoding,
                     format_datetime(context.now()), context.actor());
  for (auto& f : stored_followups(context)) run.add_stored(std::move(f));
  commands::read_if_present(context, record_path("followup_rejects"), read_rejects,
                            [&](StoredReject&& r) { run.add_open_reject(std::move(r)); });
  commands::read_if_present(context, record_path("followup_sources"), read_sources,
                            [&](StoredSource&& s) { run.add_source(std::move(s)); });
  WriteSet writes(context.root());
  fs::path sources_dir = record_path("followup_sources").parent_path();
  for (const auto& file : options.files) {
    StagedFile& copy = writes.copy_from(sources_dir / "incoming", file);
    const FileReport& report = run.import_file(copy.temp_path(), file, copy.sha256());
    if (report.archived_before)
      writes.drop(copy);
    else
      writes.relocate(copy, sources_dir / report.stored_as);
  }
  stage_followups(writes, run.followups());
  writes.put(record_path("followup_rejects"), rejects_file(run.open_rejects()));
  writes.put(record_path("followup_sources"), sources_file(run.sources()));
  const bool write = !options.dry_run;
  if (write)
    context.commit(writes, "followups");
  else
    index.rollback();
  Result result;
  result.document = import_report({}, run.reports(), options.dry_run, write, "ldt followup rejects");
  result.exit_code = run.rejected() > 0 ? ExitCode::findings : ExitCode::ok;
  return result;
}

Result rejects(Context& context, const RejectsOptions& options) {
  if (!options.dismiss.empty()) {
    return commands::dismiss_rejects(
        context, {"followup_rejects", "followup_dismissed", std::string(), std::string("ldt followup rejects")},
        options.dismiss, options.reason);
  }
  std::vector<StoredReject> stored;
  commands::read_if_present(context, record_path("followup_rejects"), read_rejects,
                            [&](StoredReject&& r) { stored.push_back(std::move(r)); });
  if (!options.output.empty()) {
    return commands::write_fix_file(context, stored, options.output, "ldt followup import", "followups");
  }
  Result result;
  result.document.add_table(commands::rejects_table(stored)).empty_text = tr("no open follow-up rejects");
  return result;
}

Result list(Context& context, const ListOptions& options) {
  std::string trainee =
      options.trainee.empty() ? std::string() : commands::trainee_id_option(options.trainee, "--trainee");
  if (!options.session.empty()) commands::load_session(context, options.session);
  Index& index = context.index();
  std::unordered_map<std::string, std::string> names;
  for (const auto& t : index.trainees(-1, trainee)) names.emplace(t.id_number, t.name);
  Result result;
  result.document.add_table(commands::followup_table(index.followups(trainee, options.session), names, true))
      .empty_text = tr("no follow-up recorded");
  if (options.unmask) context.journal_unmasked(trainee.empty() ? "followups" : mask_id_number(trainee));
  result.unmask = options.unmask;
  return result;
}
}  // namespace

void register_followup(CommandTable& table) {
  auto* group = table.group("followup", tr("follow-up and incubation (跟踪孵化记录): log, import, rejects, list"));

  auto log_options = std::make_shared<LogOptions>();
  auto* log_app = group->add_subcommand("log", tr("record one follow-up of a trainee (a row of the 跟踪孵化记录表)"));
  log_app->add_option("--trainee", log_options->trainee, tr("the trainee's ID number"))->required();
  log_app->add_option("--date", log_options->date, tr("the day of the follow-up"))->required()->option_text("DATE");
  log_app->add_option("--method", log_options->method, tr("phone, visit, online or wechat"))->required();
  log_app->add_option("--staff", log_options->staff, tr("who made the follow-up (回访人)"))->option_text("NAME");
  log_app->add_option("--shop-opened", log_options->shop_opened,
                      tr("whether the trainee has opened a shop: yes or no"));
  log_app->add_option("--shop-name", log_options->shop_name, tr("the shop's name"))->option_text("TEXT");
  log_app->add_option("--platform", log_options->platform, tr("the platform, e.g. 淘宝, 拼多多, 抖音"))
      ->option_text("P");
  log_app->add_option("--shop-url", log_options->shop_url, tr("the shop's address on the web"))->option_text("URL");
  log_app->add_option("--monthly-sales", log_options->monthly_sales, tr("monthly sales in yuan"))->option_text("CNY");
  log_app->add_option("--employed", log_options->employed, tr("whether the trainee is employed: yes or no"));
  log_app->add_option("--service", log_options->service, tr("the incubation service given (孵化服务内容)"))
      ->option_text("TEXT");
  log_app->add_option("--note", log_options->note, tr("a note"))->option_text("TEXT");
  table.add(log_app, "followup log", Access::write,
            [log_options](Context& context) { return log(context, *log_options); });

  auto import_options = std::make_shared<ImportOptions>();
  auto* import_app = group->add_subcommand(
      "import", tr("import the 跟踪孵化记录表 a provider keeps (Excel/WPS workbooks, or CSV/TXT exports)"));
  import_app->add_option("files", import_options->files, tr("exported files"))
      ->required()
      ->check(commands::input_file());
  import_app->add_option("--encoding", import_options->encoding, tr("auto, utf-8, gb18030 or utf-16 (default auto)"));
  import_app->add_flag("--dry-run", import_options->dry_run, tr("check and report, write nothing"));
  table.add(import_app, "followup import", Access::write,
            [import_options](Context& context) { return import(context, *import_options); });

  auto rejects_options = std::make_shared<RejectsOptions>();
  auto* rejects_app =
      group->add_subcommand("rejects", tr("list the rejected follow-up rows, or write them for fixing"));
  commands::add_fix_loop_options(rejects_app, rejects_options->output, rejects_options->dismiss,
                                 rejects_options->reason);
  table.add(rejects_app, "followup rejects", Access::read,
            [rejects_options](Context& context) { return rejects(context, *rejects_options); });

  auto list_options = std::make_shared<ListOptions>();
  auto* list_app = group->add_subcommand("list", tr("list follow-ups (personal data masked)"));
  list_app->add_option("--trainee", list_options->trainee, tr("only this trainee's (ID number)"));
  list_app->add_option("--session", list_options->session, tr("only those of this session's trainees"));
  list_app->add_flag("--unmask", list_options->unmask, tr("show full ID numbers (journalled)"));
  table.add(list_app, "followup list", Access::read,
            [list_options](Context& context) { return list(context, *list_options); });
}

}  // namespace ldt
