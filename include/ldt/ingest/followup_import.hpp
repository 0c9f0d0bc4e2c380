#pragma once
/// Follow-up sheets (跟踪孵化记录表, Measures Art. 7, 8.3.4) → follow-ups, through the same engine
/// as sign-ins and surveys (table source, header matching, ID normalisation, rejects and the fix
/// loop). A row names its trainee among every trainee of the project: by ID number, else name and
/// phone, else a name only one trainee has.
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/followup.hpp"
#include "ldt/domain/survey.hpp"
#include "ldt/ingest/import_run.hpp"

namespace ldt {

/// The follow-up sheet's vocabulary: the sign-in names for 姓名, 身份证号码 and 联系电话, and
/// 回访时间/跟踪时间/回访日期, 回访方式/跟踪方式, 是否开店, 店铺名称, 店铺网址, 平台, 月销售额, 是否就业,
/// 孵化服务内容/服务内容, 回访人/跟踪人, 备注 (exact, or contained in the header). Date and
/// method are required, with a name or an ID number.
const ColumnVocabulary& followup_columns();

class FollowupImport {
 public:
  /// `roster`: every trainee; `first_days`: ID number → start day of the trainee's first session;
  /// `today` bounds the dates.
  FollowupImport(std::vector<RosterEntry> roster, std::map<std::string, Date> first_days, Date today,
                 EncodingChoice encoding, std::string now, std::string actor);

  void add_stored(Followup followup) {
    by_key_.emplace(std::make_tuple(followup.trainee, day_number(followup.date), static_cast<int>(followup.method)),
                    followups_.size());
    followups_.push_back(std::move(followup));
  }
  void add_open_reject(StoredReject reject) { open_rejects_.push_back(std::move(reject)); }
  void add_source(StoredSource source) { sources_.push_back(std::move(source)); }

  /// Imports one sheet. Throws input_error (exit 2) naming the file when it cannot be read or its
  /// header lacks a required column.
  const FileReport& import_file(const fs::path& bytes, const std::string& given, const std::string& sha256);

  /// Every follow-up after the run: the stored ones (some replaced), then the new ones.
  [[nodiscard]] const std::vector<Followup>& followups() const { return followups_; }
  [[nodiscard]] const std::vector<StoredReject>& open_rejects() const { return open_rejects_; }
  [[nodiscard]] const std::vector<StoredSource>& sources() const { return sources_; }
  [[nodiscard]] const std::vector<FileReport>& reports() const { return reports_; }
  [[nodiscard]] long long rejected() const;

 private:
  std::optional<Issue> read_row(const HeaderMap& header, const Record& record, Followup& followup) const;
  std::optional<Issue> import_record(FileReport& report, const HeaderMap& header, const Record& record);

  std::vector<RosterEntry> roster_;
  std::map<std::string, Date> first_days_;
  Date today_;
  EncodingChoice encoding_;
  std::string now_, actor_;
  std::vector<Followup> followups_;
  /// (trainee, day, method) → index in followups_: one follow-up per trainee, day and method.
  std::map<std::tuple<std::string, long long, int>, std::size_t> by_key_;
  std::vector<StoredReject> open_rejects_;
  std::vector<StoredSource> sources_;
  std::vector<FileReport> reports_;
};

}  // namespace ldt
