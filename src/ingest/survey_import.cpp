// Survey exports → responses (include/ldt/ingest/survey_import.hpp; Measures Art. 8.3.1).
#include "ldt/ingest/survey_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/ingest/signin_rows.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

ColumnVocabulary survey_columns(const Questionnaire& questionnaire) {
  ColumnVocabulary columns;
  columns.numbered = true;
  columns.aliases = {
      {"序号", Field::serial},        {"提交答卷时间", Field::submitted_at},
      {"所用时间", Field::wjx_fixed}, {"来源", Field::wjx_fixed},
      {"来源详情", Field::wjx_fixed}, {"来自IP", Field::wjx_fixed},
      {"姓名", Field::name},          {"学员姓名", Field::name},
      {"身份证号", Field::id_number}, {"身份证号码", Field::id_number},
      {"联系电话", Field::phone},     {"手机号码", Field::phone},
  };
  for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
    for (const auto& word : questionnaire.questions[i].words) {
      columns.words.push_back({word, Field::question, static_cast<int>(i)});
    }
  }
  for (const auto& [word, field] : std::vector<std::pair<const char*, Field>>{{"姓名", Field::name},
                                                                              {"名字", Field::name},
                                                                              {"身份证", Field::id_number},
                                                                              {"证件号", Field::id_number},
                                                                              {"手机", Field::phone},
                                                                              {"电话", Field::phone},
                                                                              {"联系方式", Field::phone}}) {
    columns.words.push_back({word, field});
  }
  columns.expected.push_back({Field::name, "姓名"});
  columns.expected.push_back({Field::id_number, "身份证号码"});
  for (const auto& question : questionnaire.questions) {
    // The shown text outlives the vocabulary: it points into the questionnaire, which the
    // caller keeps for the run.
    columns.expected.push_back({Field::question, question.label});
  }
  return columns;
}

SurveyCoding coding_from_file_name(const std::string& name) {
  const bool option = name.find("_按序号_") != std::string::npos;
  const bool score = name.find("_按分数_") != std::string::npos;
  if (option == score) return SurveyCoding::unknown;  // neither, or both: the name does not say
  return option ? SurveyCoding::option : SurveyCoding::score;
}

SurveyImport::SurveyImport(const Questionnaire& questionnaire, std::vector<RosterEntry> roster, DateTime start,
                           EncodingChoice encoding, SurveyCoding coding, DateTime now, std::string actor)
    : questionnaire_(questionnaire),
      columns_(survey_columns(questionnaire)),
      roster_(std::move(roster)),
      start_(start),
      now_time_(now),
      encoding_(encoding),
      coding_(coding),
      now_(format_datetime(now)),
      actor_(std::move(actor)) {}

void SurveyImport::add_stored(SurveyResponse response) {
  if (!response.trainee.empty()) by_trainee_.emplace(response.trainee, responses_.size());
  if (!response.serial.empty() && !response.submitted_at.empty())
    submissions_.emplace(response.serial, response.submitted_at);
  responses_.push_back(std::move(response));
}

long long SurveyImport::rejected() const {
  long long rejected = 0;
  for (const auto& report : reports_) rejected += report.rejected;
  return rejected;
}

namespace {
std::string cell_at(const Record& record, std::optional<std::size_t> column) {
  return column && *column < record.cells.size() ? trim_blanks(record.cells[*column]) : std::string();
}

Issue survey_issue(const char* code, const char* field, std::string message, std::string hint) {
  return Issue{Severity::error, code, {}, 0, field, std::move(message), std::move(hint)};
}
}  // namespace

std::optional<Issue> SurveyImport::read_row(const TableSource& source, SurveyCoding coding, bool wjx,
                                            const Record& record, SurveyResponse& response) const {
  const HeaderMap& header = source.header;
  if (auto problem = row_problem(header, record)) return problem;
  // Identity: a form that asks for it names a trainee of the session.
  const auto name_column = header.column(Field::name);
  const auto id_column = header.column(Field::id_number);
  const auto phone_column = header.column(Field::phone);
  if (name_column || id_column || phone_column) {
    Respondent respondent;
    respondent.name = parse_person_name(cell_at(record, name_column)).name;
    if (std::string raw = cell_at(record, id_column); !raw.empty()) {
      IdNumberResult id = parse_id_number(raw, start_.date);
      if (id.reject) return id.reject;
      respondent.id_number = id.id->value;
    }
    if (std::string raw = cell_at(record, phone_column); !raw.empty()) {
      respondent.phone = parse_phone(raw).phone;
    }
    auto trainee = match_respondent(respondent, roster_);
    if (!trainee && why_no_match(respondent, roster_) == NoMatch::ambiguous_name) {
      return survey_issue("survey-trainee-unknown", "name",
                          fmt::format(fmt::runtime(tr("{} is the name of more than one trainee of this session, and "
                                                      "the row has no ID number or phone that tells them apart")),
                                      respondent.name),
                          tr("fill in the respondent's ID number or phone as on the sign-in sheet"));
    }
    if (!trainee) {
      std::string who = !respondent.id_number.empty() ? mask_id_number(respondent.id_number)
                        : !respondent.name.empty()    ? respondent.name
                        : !respondent.phone.empty()   ? mask_phone(respondent.phone)
                                                      : tr("(no name, ID number or phone)");
      return survey_issue("survey-trainee-unknown", "name",
                          fmt::format(fmt::runtime(tr("{} is no trainee of this session (matched by ID number, else "
                                                      "name and phone, else a name only one trainee has)")),
                                      who),
                          tr("correct the name or ID number as on the sign-in sheet, or import the survey into the "
                             "session the trainee attended"));
    }
    response.trainee = *trainee;
  }
  for (std::size_t q = 0; q < questionnaire_.questions.size(); ++q) {
    const Question& question = questionnaire_.questions[q];
    auto column = header.question_column(static_cast<int>(q));
    if (!column) continue;
    std::string raw = *column < record.cells.size() ? record.cells[*column] : std::string();
    ParsedAnswer answer = parse_answer(question, raw, questionnaire_, coding);
    if (answer.problem) return answer.problem;
    if (answer.digits && wjx && coding == SurveyCoding::unknown) {
      throw input_error(
          fmt::format(fmt::runtime(tr("this 问卷星 download holds digits as answers, and neither its name "
                                      "(_按序号_ or _按分数_) nor --coding says whether they are option numbers "
                                      "(按序号: 1 is {}) or scores (按分数: 5 is best)")),
                      questionnaire_.options.empty() ? std::string() : questionnaire_.options.front()),
          tr("import it again with --coding option (a 按序号 download) or --coding score (a 按分数 download); the "
             "按文本 "
             "download needs neither"),
          source.given, record.line, question.id);
    }
    if (answer.value) response.answers.emplace_back(question.id, std::move(*answer.value));
  }
  if (std::string submitted = cell_at(record, header.column(Field::submitted_at)); !submitted.empty()) {
    auto at = parse_datetime(submitted);
    if (!at) {
      return survey_issue(
          "survey-time", "submitted_at",
          fmt::format(fmt::runtime(tr("\"{}\" is not a time (提交答卷时间 as 2021/03/16 17:21:35)")), submitted),
          tr("correct the time as 问卷星 wrote it, or clear the cell"));
    }
    if (*at < start_ || now_time_ < *at) {
      return survey_issue("survey-time", "submitted_at",
                          fmt::format(fmt::runtime(tr("submitted at {}: before the session began ({}) or in the "
                                                      "future")),
                                      format_datetime(*at), format_datetime(start_)),
                          tr("check the time; a survey is answered during or after the session"));
    }
    response.submitted_at = format_datetime(*at);
  }
  response.serial = cell_at(record, header.column(Field::serial));
  return std::nullopt;
}

std::optional<Issue> SurveyImport::import_record(FileReport& report, const TableSource& source, SurveyCoding coding,
                                                 bool wjx, const Record& record,
                                                 const std::optional<RejectOrigin>& origin) {
  // A fix file keeps the coding of the download its rows came from, which its name states.
  if (origin && coding == SurveyCoding::unknown) coding = coding_from_file_name(origin->source_file);
  SurveyResponse response;
  response.source_sha256 = report.sha256;
  response.source_line = record.line;
  response.recorded_at = now_;
  response.by = actor_;
  if (auto reject = read_row(source, coding, wjx, record, response)) return reject;
  // The same bytes again, or a row of a cumulative 问卷星 download imported before: nothing new.
  const bool seen_row = !response.serial.empty() && !response.submitted_at.empty() &&
                        std::any_of(responses_.begin(), responses_.end(), [&](const SurveyResponse& r) {
                          return r.serial == response.serial && r.submitted_at == response.submitted_at;
                        });
  if (report.archived_before || seen_row) {
    ++report.duplicates;
    return std::nullopt;
  }
  if (!response.serial.empty() && !response.submitted_at.empty())
    submissions_.emplace(response.serial, response.submitted_at);
  if (!response.trainee.empty()) {
    auto found = by_trainee_.find(response.trainee);
    if (found != by_trainee_.end()) {
      SurveyResponse* it = &responses_[found->second];
      // The later submission stands (by 提交答卷时间 when both have one, else the one read last).
      const bool later =
          it->submitted_at.empty() || response.submitted_at.empty() || response.submitted_at >= it->submitted_at;
      if (!later || it->answers == response.answers) {
        ++report.duplicates;
      } else {
        *it = std::move(response);
        ++report.updated;
      }
      return std::nullopt;
    }
  }
  ++report.accepted;
  if (!response.trainee.empty()) by_trainee_.emplace(response.trainee, responses_.size());
  responses_.push_back(std::move(response));
  return std::nullopt;
}

const FileReport& SurveyImport::import_file(const fs::path& bytes, const std::string& given,
                                            const std::string& sha256) {
  FileReport report = start_report(given, sha256, sources_);
  TableSource source = open_table(bytes, given, encoding_, columns_,
                                  tr("a survey export needs a header row with its questions (总体满意度, 培训内容, "
                                     "授课讲师 …) in its first 30 rows"));
  const HeaderMap& header = source.header;
  const bool any_question =
      std::any_of(header.fields.begin(), header.fields.end(), [](Field f) { return f == Field::question; });
  if (!any_question) {
    throw input_error(fmt::format(fmt::runtime(tr("the header on line {} has no column of the questionnaire's "
                                                  "questions; expected columns such as: {}")),
                                  header.line, columns_.expected_columns()),
                      tr("rename the question columns so that they contain the questions' words (总体, 内容, 讲师, "
                         "组织, 场地, 意见), or name your own questionnaire in ldt.toml"),
                      given, header.line);
  }
  const auto fixed = std::count(header.fields.begin(), header.fields.end(), Field::wjx_fixed);
  const bool wjx = fixed == 4 && header.column(Field::serial) && header.column(Field::submitted_at);
  const SurveyCoding coding = coding_ != SurveyCoding::unknown ? coding_ : coding_from_file_name(report.file);
  report.format = source.format;
  report.encoding = source.encoding;
  report.header_line = header.line;
  report.title = title_of(source.head, header);
  import_table_rows(report, source, open_rejects_, now_,
                    [&](const Record& record, const std::optional<RejectOrigin>& origin) {
                      return import_record(report, source, coding, wjx, record, origin);
                    });
  archive_source(report, given, sources_, now_, actor_);
  reports_.push_back(std::move(report));
  return reports_.back();
}

}  // namespace ldt
