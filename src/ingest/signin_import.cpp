#include "ldt/ingest/signin_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/fs.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

SigninImport::SigninImport(ImportSession session, const ColumnVocabulary& columns, EncodingChoice encoding,
                           std::string now, std::string actor, SigninDeduper::Lookup lookup)
    : session_(std::move(session)),
      columns_(columns),
      encoding_(encoding),
      now_(std::move(now)),
      actor_(std::move(actor)),
      deduper_(std::move(lookup)) {}

void SigninImport::add_stored(const StoredSignin& signin) { deduper_.add_existing(signin); }
void SigninImport::add_open_reject(StoredReject reject) { open_rejects_.push_back(std::move(reject)); }
void SigninImport::add_source(StoredSource source) { sources_.push_back(std::move(source)); }

long long SigninImport::rejected() const {
  long long rejected = 0;
  for (const auto& report : reports_) rejected += report.rejected;
  return rejected;
}

SigninImport::HeaderSearch SigninImport::search_header(const std::vector<Record>& head) const {
  HeaderSearch search;
  search.header = find_header(head, columns_);
  if (!search.header) {
    search.problem = no_header_problem(columns_);
    search.hint = tr("rename the header cells to these names, or export the sign-in sheet again");
    return search;
  }
  for (const auto& expected : columns_.expected) {
    if (!expected.required || search.header->column(expected.field)) continue;
    search.problem = fmt::format(fmt::runtime(tr("the header on line {} has no {} column")), search.header->line,
                                 tr(expected.required_label));
    search.hint = fmt::format(fmt::runtime(tr("expected columns such as: {}")), columns_.expected_columns());
    search.line = search.header->line;
    search.header.reset();
    return search;
  }
  return search;
}

bool SigninImport::same_row(const StoredReject& reject, const HeaderMap& header, const Record& record) const {
  auto original = find_header({Record{1, 1, reject.header}}, columns_);
  if (!original) return true;  // nothing to compare by
  auto cell = [](const HeaderMap& map, const std::vector<std::string>& cells, Field field) -> std::string {
    auto column = map.column(field);
    return column && *column < cells.size() ? cells[*column] : std::string();
  };
  auto name = [](const std::string& raw) { return parse_person_name(raw).name; };
  std::string name_then = name(cell(*original, reject.cells, Field::name));
  std::string id_then = clean_id_text(cell(*original, reject.cells, Field::id_number));
  std::string name_now = name(cell(header, record.cells, Field::name));
  std::string id_now = clean_id_text(cell(header, record.cells, Field::id_number));
  if (name_then.empty() && id_then.empty()) return true;
  // A fix corrects one thing at a time: the name or the ID number still says whose row it is.
  return (!name_then.empty() && name_then == name_now) || (!id_then.empty() && id_then == id_now);
}

void SigninImport::import_record(const Place& place, const HeaderMap& header, const Record& record,
                                 const SigninSink& sink) {
  FileReport& report = place.report;
  if (!counts_as_row(report, record)) return;
  auto origin = fix_origin(header, record);
  if (origin) {
    // The reject a row names must be the row's own: a fix row whose line was edited to point at
    // someone else's reject closes nothing, and is imported or kept as a row of its own.
    auto named = std::find_if(open_rejects_.begin(), open_rejects_.end(),
                              [&](const StoredReject& open) { return origin->names(open, open_rejects_); });
    if (named != open_rejects_.end() && !same_row(*named, header, record)) origin.reset();
  }
  // A fix-file row of a sheet named by its day (README "Workbooks") keeps that day: the fix file
  // has the sheet's name in its sheet column, not a date.
  ImportSession fix_session;
  const ImportSession* session = &place.session;
  if (origin && !origin->sheet.empty()) {
    fix_session = place.session;
    fix_session.sheet_day = sheet_name_day(origin->sheet, place.session.first_day, place.session.last_day);
    session = &fix_session;
  }
  NormalizedRow row = normalize_row(header, record, *session);
  std::optional<Diagnostic> reject = row.reject;
  if (reject && reject->code == "missing-field" && report.format == "xls") {
    reject->message +=
        tr(" (an .xls keeps no formula results: if the cell holds a formula, save the workbook as "
           ".xlsx and import that)");
  }
  SigninDecision decision;
  if (!reject) {
    row.signin->source_sha256 = report.sha256;
    row.signin->imported_at = now_;
    decision = deduper_.decide(*row.signin);
    reject = decision.reject;
  }
  if (reject) {
    ++report.rejected;
    int line = record.problem == Record::Problem::quote ? record.problem_line : record.line;
    report.rejects.push_back(at_line(*reject, line, place.sheet, Severity::error));
    // A fix-file row keeps only the original columns: the next fix file adds the reason columns
    // again (they would pile up round after round).
    std::size_t skip = header.fix_width;
    std::size_t width = header.names.size();
    auto original = [skip, width](const std::vector<std::string>& cells) { return kept_cells(cells, skip, width); };
    keep_reject(open_rejects_,
                StoredReject{report.file, report.sha256, place.sheet, line, reject->field, reject->code,
                             reject->message, now_, original(header.names), original(record.cells)},
                origin, report.archived_before);
    return;
  }
  for (auto& warning : row.warnings)
    report.warnings.push_back(at_line(std::move(warning), record.line, place.sheet, Severity::warning));
  if (decision.warning) {
    report.warnings.push_back(at_line(*decision.warning, record.line, place.sheet, Severity::warning));
  }
  if (origin) close_reject(open_rejects_, *origin);
  StoredSignin& signin = *row.signin;
  switch (decision.verdict) {
    case SigninVerdict::accepted:
      ++report.accepted;
      sink(signin);
      break;
    case SigninVerdict::duplicate:
      ++report.duplicates;
      break;
    case SigninVerdict::updated: {
      ++report.updated;
      signin.updated_at = now_;
      auto [it, inserted] = updates_.try_emplace({signin.id_number, signin.day}, signin);
      if (!inserted) {
        if (!signin.phone.empty()) it->second.phone = signin.phone;
        if (!signin.address.empty()) it->second.address = signin.address;
      }
      break;
    }
    case SigninVerdict::conflict:
      break;
  }
}

void SigninImport::import_rows(const Place& place, const HeaderMap& header, const std::vector<Record>& head,
                               const std::function<bool(Record&)>& next, const SigninSink& sink) {
  // A cell that ldt (or a careful user) wrote as '=… to keep a spreadsheet from running it is
  // read as it was meant: the fix loop round-trips the original value.
  for (size_t i = header.record_index + 1; i < head.size(); ++i) {
    Record record = head[i];
    restore_formulas(record.cells);
    import_record(place, header, record, sink);
  }
  Record record;
  while (next(record)) {
    restore_formulas(record.cells);
    import_record(place, header, record, sink);
  }
}

namespace {
/// True when `wanted` (a --sheet value) names sheet `index` of `sheets`: its name, or `#N` when
/// no sheet is called that (a sheet named "#2" is that sheet, not the second).
bool names_sheet(const std::string& wanted, std::size_t index, const std::vector<SheetInfo>& sheets) {
  const bool is_a_name =
      std::any_of(sheets.begin(), sheets.end(), [&](const SheetInfo& sheet) { return sheet.name == wanted; });
  return is_a_name ? sheets[index].name == wanted : wanted == fmt::format("#{}", index + 1);
}
}  // namespace

void SigninImport::import_workbook(FileReport& report, SourceFormat format, const fs::path& bytes,
                                   const std::string& given, const SigninSink& sink) {
  auto workbook = open_workbook(bytes.string(), format, given);
  report.format = std::string(format_name(format));
  report.encoding = workbook->encoding();
  const auto& sheets = workbook->sheets();
  for (const auto& wanted : chosen_sheets_) {
    bool found = false;
    for (std::size_t i = 0; i < sheets.size(); ++i) found = found || names_sheet(wanted, i, sheets);
    if (found) continue;
    std::vector<std::string> names;
    names.reserve(sheets.size());
    for (const auto& sheet : sheets) names.push_back(sheet.name);
    throw input_error(fmt::format(fmt::runtime(tr("this workbook has no sheet \"{}\"; its sheets are: {}")), wanted,
                                  fmt::join(names, tr(", "))),
                      tr("give --sheet a sheet's name as Excel shows it on the tab, or #N for the N-th sheet"), given,
                      0, "--sheet");
  }
  bool imported = false;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const SheetInfo& info = sheets[i];
    SheetReport sheet{info.name, 0, 0, 0, 0, 0, {}};
    const bool chosen = std::any_of(chosen_sheets_.begin(), chosen_sheets_.end(),
                                    [&](const std::string& wanted) { return names_sheet(wanted, i, sheets); });
    if (!chosen_sheets_.empty() && !chosen) {
      sheet.skipped = tr("not chosen with --sheet");
    } else if (!info.worksheet) {
      sheet.skipped = tr("a chart or other sheet without cells");
    } else if (info.hidden && !chosen) {
      sheet.skipped = tr("a hidden sheet (choose it with --sheet to import it)");
    }
    if (!sheet.skipped.empty()) {
      report.sheets.push_back(std::move(sheet));
      continue;
    }
    auto reader = workbook->open_sheet(i);
    std::vector<Record> head;
    Record record;
    while (head.size() < k_header_search_records && reader->next(record)) head.push_back(record);
    HeaderSearch search = search_header(head);
    if (!search.header) {
      // Short: a workbook may have several such sheets, each named in one line.
      sheet.skipped = tr("no header row with a name and an ID number column in its first 30 rows");
      report.sheets.push_back(std::move(sheet));
      continue;
    }
    if (!imported) {
      report.header_line = search.header->line;
      report.title = title_of(head, *search.header);
    }
    imported = true;
    sheet.header_line = search.header->line;
    ImportSession session = session_;
    session.sheet_day = sheet_name_day(info.name, session_.first_day, session_.last_day);
    const long long accepted = report.accepted, duplicates = report.duplicates, updated = report.updated,
                    rejected = report.rejected;
    import_rows(
        Place{report, info.name, session}, *search.header, head, [&](Record& out) { return reader->next(out); }, sink);
    sheet.accepted = report.accepted - accepted;
    sheet.duplicates = report.duplicates - duplicates;
    sheet.updated = report.updated - updated;
    sheet.rejected = report.rejected - rejected;
    report.sheets.push_back(std::move(sheet));
  }
  if (!imported) {
    std::vector<std::string> why;
    for (const auto& sheet : report.sheets)
      why.push_back(fmt::format(fmt::runtime(tr("{} ({})")), sheet.name, sheet.skipped));
    if (why.empty()) why.emplace_back(tr("it has no sheet"));
    throw input_error(
        fmt::format(fmt::runtime(tr("no sheet of this workbook can be imported: {}")), fmt::join(why, tr("; "))),
        tr("the sign-in sheet needs a header row with 姓名 and 身份证号码 in its first 30 rows; choose "
           "a hidden sheet with --sheet NAME"),
        given);
  }
}

const FileReport& SigninImport::import_file(const fs::path& bytes, const std::string& given, const std::string& sha256,
                                            const SigninSink& sink) {
  FileReport report = start_report(given, sha256, sources_);
  deduper_.start_file();  // a conflict is judged against the file's first rows, over all its sheets
  if (const SourceFormat format = detect_format(bytes.string(), given); format != SourceFormat::csv) {
    import_workbook(report, format, bytes, given, sink);
  } else {
    RecordReader reader(bytes.string(), encoding_, given, columns_);
    report.encoding = std::string(encoding_name(reader.encoding()));
    std::vector<Record> head;
    Record record;
    while (head.size() < k_header_search_records && reader.next(record)) head.push_back(record);
    HeaderSearch search = search_header(head);
    if (!search.header) throw input_error(search.problem, search.hint, given, search.line);
    report.header_line = search.header->line;
    report.title = title_of(head, *search.header);
    static const std::string k_no_sheet;
    import_rows(
        Place{report, k_no_sheet, session_}, *search.header, head, [&](Record& out) { return reader.next(out); }, sink);
  }
  archive_source(report, given, sources_, now_, actor_);
  reports_.push_back(std::move(report));
  return reports_.back();
}

bool SigninImport::apply_update(StoredSignin& signin) const {
  auto it = updates_.find({signin.id_number, signin.day});
  if (it == updates_.end()) return false;
  if (!it->second.phone.empty()) signin.phone = it->second.phone;
  if (!it->second.address.empty()) signin.address = it->second.address;
  signin.updated_at = it->second.updated_at;
  return true;
}

}  // namespace ldt
