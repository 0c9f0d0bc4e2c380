// Follow-up sheets → follow-ups (include/ldt/ingest/followup_import.hpp; Measures Art. 7, 8.3.4).
#include "ldt/ingest/followup_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

const ColumnVocabulary& followup_columns() {
  static const ColumnVocabulary k_columns = [] {
    ColumnVocabulary columns;
    columns.aliases = {
        {"姓名", Field::name},
        {"学员姓名", Field::name},
        {"身份证号", Field::id_number},
        {"身份证号码", Field::id_number},
        {"证件号码", Field::id_number},
        {"联系电话", Field::phone},
        {"手机号码", Field::phone},
        {"电话", Field::phone},
        {"回访时间", Field::followup_date},
        {"跟踪时间", Field::followup_date},
        {"回访日期", Field::followup_date},
        {"跟踪日期", Field::followup_date},
        {"日期", Field::followup_date},
        {"回访方式", Field::method},
        {"跟踪方式", Field::method},
        {"是否开店", Field::shop_opened},
        {"店铺名称", Field::shop_name},
        {"店铺网址", Field::shop_url},
        {"平台", Field::platform},
        {"月销售额", Field::monthly_sales},
        {"是否就业", Field::employed},
        {"孵化服务内容", Field::service},
        {"服务内容", Field::service},
        {"回访人", Field::staff},
        {"跟踪人", Field::staff},
        {"备注", Field::note},
    };
    columns.words = {
        {"姓名", Field::name},
        {"身份证", Field::id_number},
        {"回访时间", Field::followup_date},
        {"跟踪时间", Field::followup_date},
        {"回访日期", Field::followup_date},
        {"方式", Field::method},
        {"开店", Field::shop_opened},
        {"店铺名", Field::shop_name},
        {"网址", Field::shop_url},
        {"链接", Field::shop_url},
        {"平台", Field::platform},
        {"销售额", Field::monthly_sales},
        {"就业", Field::employed},
        {"服务", Field::service},
        {"回访人", Field::staff},
        {"跟踪人", Field::staff},
        {"电话", Field::phone},
        {"手机", Field::phone},
        {"备注", Field::note},
    };
    columns.expected = {
        {Field::name, "姓名", false},
        {Field::id_number, "身份证号码", false},
        {Field::followup_date, "回访时间 (跟踪时间)", true, tr_noop("回访时间 (date of the follow-up)")},
        {Field::method, "回访方式 (跟踪方式)", true, tr_noop("回访方式 (method)")},
        {Field::shop_opened, "是否开店"},
        {Field::platform, "平台"},
        {Field::monthly_sales, "月销售额"},
        {Field::employed, "是否就业"},
        {Field::service, "孵化服务内容"},
        {Field::staff, "回访人"},
    };
    return columns;
  }();
  return k_columns;
}

FollowupImport::FollowupImport(std::vector<RosterEntry> roster, std::map<std::string, Date> first_days, Date today,
                               EncodingChoice encoding, std::string now, std::string actor)
    : roster_(std::move(roster)),
      first_days_(std::move(first_days)),
      today_(today),
      encoding_(encoding),
      now_(std::move(now)),
      actor_(std::move(actor)) {}

long long FollowupImport::rejected() const {
  long long rejected = 0;
  for (const auto& report : reports_) rejected += report.rejected;
  return rejected;
}

namespace {
std::string cell_of(const HeaderMap& header, const Record& record, Field field) {
  auto column = header.column(field);
  return column && *column < record.cells.size() ? trim_blanks(record.cells[*column]) : std::string();
}

Issue row_issue(const char* code, const char* field, std::string message, std::string hint) {
  return Issue{Severity::error, code, {}, 0, field, std::move(message), std::move(hint)};
}

bool same_followup(const Followup& a, const Followup& b) {
  return a.staff == b.staff && a.shop_opened == b.shop_opened && a.shop_name == b.shop_name &&
         a.platform == b.platform && a.shop_url == b.shop_url && a.monthly_sales == b.monthly_sales &&
         a.employed == b.employed && a.service == b.service && a.note == b.note;
}
}  // namespace

std::optional<Issue> FollowupImport::read_row(const HeaderMap& header, const Record& record, Followup& followup) const {
  if (auto problem = row_problem(header, record)) return problem;
  Respondent respondent;
  respondent.name = parse_person_name(cell_of(header, record, Field::name)).name;
  if (std::string raw = cell_of(header, record, Field::id_number); !raw.empty()) {
    IdNumberResult id = parse_id_number(raw, today_);
    if (id.reject) return id.reject;
    respondent.id_number = id.id->value;
  }
  if (std::string raw = cell_of(header, record, Field::phone); !raw.empty()) {
    respondent.phone = parse_phone(raw).phone;
  }
  if (respondent.name.empty() && respondent.id_number.empty()) {
    return row_issue("missing-field", "name", tr("neither a name nor an ID number: whose follow-up is it?"),
                     tr("fill in the trainee's name and ID number as on the sign-in sheet"));
  }
  auto trainee = match_respondent(respondent, roster_);
  if (!trainee && why_no_match(respondent, roster_) == NoMatch::ambiguous_name) {
    return row_issue("followup-trainee-unknown", "name",
                     fmt::format(fmt::runtime(tr("{} is the name of more than one trainee, and the row has no ID "
                                                 "number or phone that tells them apart")),
                                 respondent.name),
                     tr("fill in the trainee's ID number or phone as on the sign-in sheet"));
  }
  if (!trainee) {
    std::string who = !respondent.id_number.empty() ? mask_id_number(respondent.id_number) : respondent.name;
    return row_issue("followup-trainee-unknown", "name",
                     fmt::format(fmt::runtime(tr("{} is no trainee of this project (matched by ID number, else name "
                                                 "and phone, else a name only one trainee has)")),
                                 who),
                     tr("correct the name or ID number as on the sign-in sheet; a follow-up is kept for trainees "
                        "who signed in to a session"));
  }
  followup.trainee = *trainee;
  const std::string date_cell = cell_of(header, record, Field::followup_date);
  if (date_cell.empty()) {
    return row_issue("missing-field", "date", tr("回访时间 (the date of the follow-up) is empty"),
                     tr("fill in the date, e.g. 2021-04-10"));
  }
  std::optional<Date> date = parse_date(date_cell);
  if (!date) {
    if (auto at = parse_datetime(date_cell)) date = at->date;
  }
  if (!date) {
    return row_issue("followup-date", "date", fmt::format(fmt::runtime(tr("\"{}\" is not a date")), date_cell),
                     tr("write the date as 2021-04-10 or 2021/4/10"));
  }
  followup.date = *date;
  auto first = first_days_.find(followup.trainee);
  if (first != first_days_.end()) {
    if (auto problem = followup_date_problem(followup.date, first->second, today_)) return problem;
  }
  const std::string method_cell = cell_of(header, record, Field::method);
  auto method = followup_method_from(method_cell);
  if (!method) {
    return row_issue(
        method_cell.empty() ? "missing-field" : "followup-value", "method",
        fmt::format(fmt::runtime(tr("回访方式 \"{}\" is not one of 电话, 上门/走访, 线上, 微信")), method_cell),
        tr("write how the trainee was reached: 电话, 上门, 线上 or 微信"));
  }
  followup.method = *method;
  auto yes_no = [&](Field field, const char* id, std::optional<bool>& out) -> std::optional<Issue> {
    const std::string cell = cell_of(header, record, field);
    if (cell.empty()) return std::nullopt;
    out = yes_no_from(cell);
    if (out) return std::nullopt;
    return row_issue("followup-value", id, fmt::format(fmt::runtime(tr("\"{}\" is not 是 or 否")), cell),
                     tr("write 是 or 否, or leave the cell empty"));
  };
  if (auto problem = yes_no(Field::shop_opened, "shop_opened", followup.shop_opened)) return problem;
  if (auto problem = yes_no(Field::employed, "employed", followup.employed)) return problem;
  if (std::string sales = cell_of(header, record, Field::monthly_sales); !sales.empty()) {
    followup.monthly_sales = sales_from(sales);
    if (!followup.monthly_sales) {
      return row_issue("followup-value", "monthly_sales",
                       fmt::format(fmt::runtime(tr("月销售额 \"{}\" is not an amount in yuan")), sales),
                       tr("write the amount in yuan, e.g. 3000, 3000元 or 0.3万"));
    }
  }
  followup.staff = cell_of(header, record, Field::staff);
  followup.shop_name = cell_of(header, record, Field::shop_name);
  followup.platform = cell_of(header, record, Field::platform);
  followup.shop_url = cell_of(header, record, Field::shop_url);
  followup.service = cell_of(header, record, Field::service);
  followup.note = cell_of(header, record, Field::note);
  return std::nullopt;
}

std::optional<Issue> FollowupImport::import_record(FileReport& report, const HeaderMap& header, const Record& record) {
  Followup followup;
  followup.source_sha256 = report.sha256;
  followup.source_line = record.line;
  followup.recorded_at = now_;
  followup.by = actor_;
  if (auto reject = read_row(header, record, followup)) return reject;
  if (report.archived_before) {
    ++report.duplicates;
    return std::nullopt;
  }
  // One follow-up per trainee, day and method: the sheet read last says what it found.
  auto key = std::make_tuple(followup.trainee, day_number(followup.date), static_cast<int>(followup.method));
  auto found = by_key_.find(key);
  if (found == by_key_.end()) {
    ++report.accepted;
    by_key_.emplace(std::move(key), followups_.size());
    followups_.push_back(std::move(followup));
  } else if (Followup& stored = followups_[found->second]; same_followup(stored, followup)) {
    ++report.duplicates;
  } else {
    stored = std::move(followup);
    ++report.updated;
  }
  return std::nullopt;
}

const FileReport& FollowupImport::import_file(const fs::path& bytes, const std::string& given,
                                              const std::string& sha256) {
  FileReport report = start_report(given, sha256, sources_);
  const ColumnVocabulary& columns = followup_columns();
  TableSource source = open_table(bytes, given, encoding_, columns,
                                  tr("a follow-up sheet needs a header row with 姓名 or 身份证号码, 回访时间 and "
                                     "回访方式 in its first 30 rows"));
  const HeaderMap& header = source.header;
  if (!header.column(Field::name) && !header.column(Field::id_number)) {
    throw input_error(
        fmt::format(fmt::runtime(tr("the header on line {} has no {} column")), header.line, tr("姓名 (name)")),
        fmt::format(fmt::runtime(tr("expected columns such as: {}")), columns.expected_columns()), given, header.line);
  }
  for (const auto& expected : columns.expected) {
    if (!expected.required || header.column(expected.field)) continue;
    throw input_error(fmt::format(fmt::runtime(tr("the header on line {} has no {} column")), header.line,
                                  tr(expected.required_label)),
                      fmt::format(fmt::runtime(tr("expected columns such as: {}")), columns.expected_columns()), given,
                      header.line);
  }
  report.format = source.format;
  report.encoding = source.encoding;
  report.header_line = header.line;
  report.title = title_of(source.head, header);
  import_table_rows(report, source, open_rejects_, now_, [&](const Record& record, const std::optional<RejectOrigin>&) {
    return import_record(report, header, record);
  });
  archive_source(report, given, sources_, now_, actor_);
  reports_.push_back(std::move(report));
  return reports_.back();
}

}  // namespace ldt
