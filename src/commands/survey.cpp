// ldt survey record · import · rejects · show — satisfaction surveys (满意度调查, Measures Art. 8.3.1).
#include "ldt/domain/survey.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/ingest/survey_import.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/project/survey_store.hpp"
#include "ldt/report/import_report.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

struct RecordOptions {
  std::string session, trainee, at;
  std::vector<std::string> answers;
};

struct ImportOptions {
  std::string session, encoding = "auto", coding;
  std::vector<std::string> files;
  bool dry_run = false;
};

struct RejectsOptions {
  std::string session, output, reason;
  std::vector<std::string> dismiss;
};

/// The project's questionnaire ([survey] questionnaire in ldt.toml), else schemas/questionnaire.toml.
Questionnaire load_questionnaire(const Context& context) {
  const std::string& own = context.settings().questionnaire;
  if (own.empty()) return read_questionnaire(resource("questionnaire.toml").value_or(""), "schemas/questionnaire.toml");
  return read_questionnaire(read_file(context.root() / own, own), own);
}

/// The session's trainees, as respondents are matched against: current name, latest phone.
std::vector<RosterEntry> session_roster(Context& context, const std::string& session) {
  std::vector<RosterEntry> roster;
  Index& index = context.index();
  for (const auto& trainee : index.trainee_days(session)) {
    auto contact = index.trainee(trainee.id_number);
    roster.push_back({trainee.id_number, contact ? contact->name : trainee.name, contact ? contact->phone : ""});
  }
  return roster;
}

/// The session's stored responses, checked against the questionnaire and the session's trainees
/// (a hand edit that puts a 7 or a stranger into surveys.csv is file:line, exit 2).
std::vector<SurveyResponse> stored_responses(const Context& context, const std::string& session,
                                             const Questionnaire& questionnaire,
                                             const std::vector<RosterEntry>& roster) {
  std::vector<std::string> ids;
  ids.reserve(roster.size());
  for (const auto& entry : roster) ids.push_back(entry.id_number);
  std::vector<SurveyResponse> responses;
  auto read = [&](const fs::path& path, std::string_view display, const std::function<void(SurveyResponse &&)>& fn) {
    read_surveys(path, display, fn, &questionnaire, &ids);
  };
  commands::read_if_present(context, record_path("surveys", session), read,
                            [&](SurveyResponse&& r) { responses.push_back(std::move(r)); });
  return responses;
}

Result record(Context& context, const RecordOptions& options) {
  Session session = commands::load_session(context, options.session);
  std::string id = commands::trainee_id_option(options.trainee, "--trainee");
  Questionnaire questionnaire = load_questionnaire(context);
  auto roster = session_roster(context, session.id);
  if (std::none_of(roster.begin(), roster.end(), [&](const RosterEntry& e) { return e.id_number == id; })) {
    throw state_error(
        fmt::format(fmt::runtime(tr("trainee {} has no sign-in in session {}")), mask_id_number(id), session.id),
        fmt::format(fmt::runtime(tr("a survey is answered by the session's trainees; check the ID number "
                                    "(`ldt signin attendance {}`)")),
                    session.id));
  }
  SurveyResponse response;
  response.trainee = id;
  const DateTime at = options.at.empty() ? context.now() : commands::time_option(options.at, "--at");
  if (context.now() < at) {
    throw input_error(fmt::format(fmt::runtime(tr("--at {} is in the future")), format_datetime(at)),
                      tr("give the time the form was filled in"), {}, 0, "--at");
  }
  if (at < session.start) {
    throw input_error(fmt::format(fmt::runtime(tr("--at {} is before the session began ({})")), format_datetime(at),
                                  format_datetime(session.start)),
                      tr("a survey is answered during or after the session"), {}, 0, "--at");
  }
  response.submitted_at = format_datetime(at);
  response.recorded_at = format_datetime(context.now());
  response.by = context.actor();
  std::vector<std::string> ids;
  ids.reserve(questionnaire.questions.size());
  for (const auto& question : questionnaire.questions) ids.push_back(question.id);
  for (const auto& given : options.answers) {
    if (!is_valid_utf8(given)) {
      throw input_error(tr("the text is not UTF-8"), tr("type it again in a UTF-8 terminal"), {}, 0, "--answer");
    }
    auto eq = given.find('=');
    std::string qid = trim_blanks(given.substr(0, eq));
    int index = eq == std::string::npos ? -1 : questionnaire.index_of(qid);
    if (index < 0) {
      throw input_error(fmt::format(fmt::runtime(tr("\"{}\" is not QUESTION=ANSWER with a question of the "
                                                    "questionnaire")),
                                    given),
                        fmt::format(fmt::runtime(tr("the questions are: {}")), fmt::join(ids, ", ")), {}, 0,
                        "--answer");
    }
    if (response.answer(qid)) {
      throw input_error(fmt::format(fmt::runtime(tr("{} is answered twice")), qid), tr("give each question once"), {},
                        0, "--answer");
    }
    ParsedAnswer answer = parse_answer(questionnaire.questions[static_cast<std::size_t>(index)], given.substr(eq + 1),
                                       questionnaire, SurveyCoding::score);
    if (answer.problem) throw input_error(answer.problem->message, answer.problem->hint, {}, 0, "--answer");
    if (answer.value) response.answers.emplace_back(qid, std::move(*answer.value));
  }
  if (response.answers.empty()) {
    throw input_error(tr("no answer given"), tr("give the answers as --answer overall=5 --answer content=4 …"), {}, 0,
                      "--answer");
  }
  auto responses = stored_responses(context, session.id, questionnaire, roster);
  auto it = std::find_if(responses.begin(), responses.end(), [&](const SurveyResponse& r) { return r.trainee == id; });
  const bool updated = it != responses.end();
  if (updated && !it->submitted_at.empty() && response.submitted_at < it->submitted_at) {
    throw state_error(fmt::format(fmt::runtime(tr("trainee {} has a later response ({}); the later one stands")),
                                  mask_id_number(id), it->submitted_at),
                      tr("give --at the time this form was filled in, if it is later"));
  }
  if (updated)
    *it = response;
  else
    responses.push_back(response);
  WriteSet writes(context.root());
  writes.put(record_path("surveys", session.id), surveys_file(questionnaire, responses));
  context.commit(writes, session.id);
  return commands::message_result(fmt::format(
      fmt::runtime(updated ? tr("survey of trainee {} in session {} updated (the later answers replace the earlier)")
                           : tr("survey of trainee {} in session {} recorded")),
      mask_id_number(id), session.id));
}

Result import(Context& context, const ImportOptions& options) {
  Session session = commands::load_session(context, options.session);
  auto encoding = parse_encoding_choice(options.encoding);
  if (!encoding) throw input_error(tr("--encoding must be auto, utf-8, gb18030 or utf-16"), {}, {}, 0, "--encoding");
  SurveyCoding coding = SurveyCoding::unknown;
  if (options.coding == "option" || options.coding == "按序号") {
    coding = SurveyCoding::option;
  } else if (options.coding == "score" || options.coding == "按分数") {
    coding = SurveyCoding::score;
  } else if (!options.coding.empty()) {
    throw input_error(
        fmt::format(fmt::runtime(tr("--coding must be option (按序号) or score (按分数), not \"{}\"")), options.coding),
        {}, {}, 0, "--coding");
  }
  Questionnaire questionnaire = load_questionnaire(context);
  auto roster = session_roster(context, session.id);
  auto stored = stored_responses(context, session.id, questionnaire, roster);
  SurveyImport run(questionnaire, std::move(roster), session.start, *encoding, coding, context.now(), context.actor());
  for (auto& response : stored) run.add_stored(std::move(response));
  commands::read_if_present(context, record_path("survey_rejects", session.id), read_rejects,
                            [&](StoredReject&& r) { run.add_open_reject(std::move(r)); });
  commands::read_if_present(context, record_path("survey_sources", session.id), read_sources,
                            [&](StoredSource&& s) { run.add_source(std::move(s)); });
  WriteSet writes(context.root());
  fs::path sources_dir = record_path("survey_sources", session.id).parent_path();
  for (const auto& file : options.files) {
    StagedFile& copy = writes.copy_from(sources_dir / "incoming", file);
    const FileReport& report = run.import_file(copy.temp_path(), file, copy.sha256());
    if (report.archived_before)
      writes.drop(copy);
    else
      writes.relocate(copy, sources_dir / report.stored_as);
  }
  writes.put(record_path("surveys", session.id), surveys_file(questionnaire, run.responses()));
  writes.put(record_path("survey_rejects", session.id), rejects_file(run.open_rejects()));
  writes.put(record_path("survey_sources", session.id), sources_file(run.sources()));
  const bool write = !options.dry_run;
  if (write)
    context.commit(writes, session.id);
  else
    context.index().rollback();
  Result result;
  result.document = import_report(session.id, run.reports(), options.dry_run, write,
                                  fmt::format("ldt survey rejects {}", session.id));
  result.exit_code = run.rejected() > 0 ? ExitCode::findings : ExitCode::ok;
  return result;
}

Result rejects(Context& context, const RejectsOptions& options) {
  Session session = commands::load_session(context, options.session);
  if (!options.dismiss.empty()) {
    return commands::dismiss_rejects(
        context, {"survey_rejects", "survey_dismissed", session.id, fmt::format("ldt survey rejects {}", session.id)},
        options.dismiss, options.reason);
  }
  std::vector<StoredReject> stored;
  commands::read_if_present(context, record_path("survey_rejects", session.id), read_rejects,
                            [&](StoredReject&& r) { stored.push_back(std::move(r)); });
  if (!options.output.empty()) {
    return commands::write_fix_file(context, stored, options.output, fmt::format("ldt survey import {}", session.id),
                                    session.id);
  }
  Result result;
  result.document.add_table(commands::rejects_table(stored)).empty_text =
      fmt::format(fmt::runtime(tr("session {} has no open survey rejects")), session.id);
  return result;
}

Result show(Context& context, const std::string& id) {
  Session session = commands::load_session(context, id);
  Questionnaire questionnaire = load_questionnaire(context);
  std::vector<std::string> roster;
  std::vector<std::string> names;
  auto entries = session_roster(context, session.id);
  for (const auto& entry : entries) {
    roster.push_back(entry.id_number);
    names.push_back(entry.name);
  }
  SurveySummary summary =
      summarize_survey(questionnaire, stored_responses(context, session.id, questionnaire, entries), roster);
  auto rate = [](std::optional<double> value) { return value ? decimal_cell(*value, 4) : null_cell(); };
  std::vector<RecordField> means;
  for (const auto& [qid, mean] : summary.means) {
    int q = questionnaire.index_of(qid);
    means.push_back({qid, rate(mean), q >= 0 ? questionnaire.questions[static_cast<std::size_t>(q)].label : qid});
  }
  Result result = commands::record_result(
      {{"session", literal_cell(session.id)},
       {"trainees", integer_cell(summary.trainees), tr("trainees")},
       {"responses", integer_cell(summary.responses), tr("responses")},
       {"matched", integer_cell(summary.matched), tr("matched to a trainee")},
       {"anonymous", integer_cell(summary.anonymous), tr("anonymous")},
       {"response_rate", rate(summary.response_rate), tr("response rate (responses / trainees)")},
       {"satisfaction_rate", rate(summary.satisfaction_rate),
        fmt::format(fmt::runtime(tr("满意率: share of overall answers that are {} or {}")), questionnaire.scale_max - 1,
                    questionnaire.scale_max)}});
  result.document.add_record(std::move(means), "means").title = fmt::format(
      fmt::runtime(tr("Mean score per question (1–{}, {} best)")), questionnaire.scale_max, questionnaire.scale_max);
  Table non{{{"id_number", tr("ID number")}, {"name", tr("name")}}, {}, {}, {}};
  for (std::size_t i = 0; i < roster.size(); ++i) {
    if (std::find(summary.non_respondents.begin(), summary.non_respondents.end(), roster[i]) ==
        summary.non_respondents.end())
      continue;
    non.rows.push_back({id_number_cell(roster[i]), text_cell(names[i])});
  }
  auto& section = result.document.add_table(std::move(non), "non_respondents");
  section.title = tr("Trainees without a response");
  section.empty_text = tr("none: every trainee answered");
  return result;
}
}  // namespace

void register_survey(CommandTable& table) {
  auto* group = table.group("survey", tr("satisfaction surveys (满意度调查): record, import, rejects, show"));

  auto record_options = std::make_shared<RecordOptions>();
  auto* record_app = group->add_subcommand("record", tr("record one trainee's survey answers (a paper form)"));
  record_app->add_option("session", record_options->session, tr("session id"))->required();
  record_app->add_option("--trainee", record_options->trainee, tr("the trainee's ID number"))->required();
  record_app
      ->add_option("--answer", record_options->answers,
                   tr("QUESTION=ANSWER, e.g. overall=5 or overall=非常满意 (may repeat; questions: overall, content, "
                      "instructor, organisation, venue, comment)"))
      ->required()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  record_app->add_option("--at", record_options->at, tr("when the form was filled in (default now)"))
      ->option_text("TIME");
  table.add(record_app, "survey record", Access::write,
            [record_options](Context& context) { return record(context, *record_options); });

  auto import_options = std::make_shared<ImportOptions>();
  auto* import_app = group->add_subcommand(
      "import", tr("import survey exports: 问卷星 downloads (按文本/按序号/按分数) or paper forms typed into a sheet"));
  import_app->add_option("session", import_options->session, tr("session id"))->required();
  import_app->add_option("files", import_options->files, tr("exported files"))
      ->required()
      ->check(commands::input_file());
  import_app->add_option("--coding", import_options->coding,
                         tr("what digits in a 问卷星 download are: option (按序号) or score (按分数); default: from "
                            "the file name"));
  import_app->add_option("--encoding", import_options->encoding, tr("auto, utf-8, gb18030 or utf-16 (default auto)"));
  import_app->add_flag("--dry-run", import_options->dry_run, tr("check and report, write nothing"));
  table.add(import_app, "survey import", Access::write,
            [import_options](Context& context) { return import(context, *import_options); });

  auto rejects_options = std::make_shared<RejectsOptions>();
  auto* rejects_app =
      group->add_subcommand("rejects", tr("list a session's rejected survey rows, or write them for fixing"));
  rejects_app->add_option("session", rejects_options->session, tr("session id"))->required();
  commands::add_fix_loop_options(rejects_app, rejects_options->output, rejects_options->dismiss,
                                 rejects_options->reason);
  table.add(rejects_app, "survey rejects", Access::read,
            [rejects_options](Context& context) { return rejects(context, *rejects_options); });

  auto show_id = std::make_shared<std::string>();
  auto* show_app = group->add_subcommand(
      "show", tr("a session's survey: responses, response rate, 满意率, mean per question, who has not answered"));
  show_app->add_option("session", *show_id, tr("session id"))->required();
  table.add(show_app, "survey show", Access::read, [show_id](Context& context) { return show(context, *show_id); });
}

}  // namespace ldt
