#pragma once
/// Survey exports of one session → responses (Measures Art. 8.3.1; README "Satisfaction
/// surveys"): typed paper forms and 问卷星 downloads, read by the same engine as sign-ins (table
/// source, header matching, ID normalisation, line numbers, rejects and the fix loop). Holds the
/// run's state; the command gives it the session's stored record and writes the files.
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/survey.hpp"
#include "ldt/ingest/import_run.hpp"

namespace ldt {

/// The survey export's vocabulary: 问卷星's six fixed columns (序号, 提交答卷时间, 所用时间, 来源,
/// 来源详情, 来自IP) as exact names; then, on headers stripped of their question number, the
/// questions' words in questionnaire order, then the sign-in words for name, ID number and phone
/// (姓名, 名字, 身份证, 证件号, 手机, 电话, 联系方式).
ColumnVocabulary survey_columns(const Questionnaire& questionnaire);

/// The coding a file name states: `_按序号_` → option, `_按分数_` → score; unknown with neither or
/// both (then digits in a 问卷星 download are refused).
SurveyCoding coding_from_file_name(const std::string& name);

class SurveyImport {
 public:
  /// `roster`: the session's trainees; `start` the session's start (judges ID numbers; a
  /// submission before it, or after `now`, is rejected); `coding` the --coding given (unknown:
  /// from each file's name).
  SurveyImport(const Questionnaire& questionnaire, std::vector<RosterEntry> roster, DateTime start,
               EncodingChoice encoding, SurveyCoding coding, DateTime now, std::string actor);

  void add_stored(SurveyResponse response);
  void add_open_reject(StoredReject reject) { open_rejects_.push_back(std::move(reject)); }
  void add_source(StoredSource source) { sources_.push_back(std::move(source)); }

  /// Imports one export (`bytes` the staged copy, `given` the path named in messages). Throws
  /// input_error (exit 2) naming the file when it cannot be read, has no question column, or is
  /// a 问卷星 download whose scale answers are digits while neither its name nor --coding says
  /// what they are.
  const FileReport& import_file(const fs::path& bytes, const std::string& given, const std::string& sha256);

  /// Every response after the run: the stored ones (some replaced), then the new ones.
  [[nodiscard]] const std::vector<SurveyResponse>& responses() const { return responses_; }
  [[nodiscard]] const std::vector<StoredReject>& open_rejects() const { return open_rejects_; }
  [[nodiscard]] const std::vector<StoredSource>& sources() const { return sources_; }
  [[nodiscard]] const std::vector<FileReport>& reports() const { return reports_; }
  [[nodiscard]] long long rejected() const;

 private:
  /// One data row: nullopt when taken (counted as accepted, duplicate or updated), else its reject.
  std::optional<Issue> import_record(FileReport& report, const TableSource& source, SurveyCoding coding, bool wjx,
                                     const Record& record, const std::optional<RejectOrigin>& origin);
  /// The row's response, or its reject.
  std::optional<Issue> read_row(const TableSource& source, SurveyCoding coding, bool wjx, const Record& record,
                                SurveyResponse& response) const;

  const Questionnaire& questionnaire_;
  ColumnVocabulary columns_;
  std::vector<RosterEntry> roster_;
  DateTime start_, now_time_;
  EncodingChoice encoding_;
  SurveyCoding coding_;
  std::string now_, actor_;
  std::vector<SurveyResponse> responses_;
  std::unordered_map<std::string, std::size_t> by_trainee_;    ///< ID number → index in responses_
  std::set<std::pair<std::string, std::string>> submissions_;  ///< (序号, 提交答卷时间) imported
  std::vector<StoredReject> open_rejects_;
  std::vector<StoredSource> sources_;
  std::vector<FileReport> reports_;
};

}  // namespace ldt
