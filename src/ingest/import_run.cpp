// What every import shares: the table source, the fix loop's reject origin, the report helpers.
#include "ldt/ingest/import_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "ldt/domain/masking.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/signin_rows.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

std::string title_of(const std::vector<Record>& head, const HeaderMap& header) {
  std::string title;
  for (size_t i = 0; i < header.record_index && i < head.size(); ++i) {
    for (const auto& cell : head[i].cells) {
      if (trim_blanks(cell).empty()) continue;
      if (!title.empty()) title += " / ";
      title += cell;
    }
  }
  return title;
}

/// Where a fix-file row came from: the identity of the original reject, as the fix file's
/// reason columns carry it (an old fix file carries only the file name and the line).
std::optional<RejectOrigin> fix_origin(const HeaderMap& header, const Record& record) {
  if (!header.is_fix_file) return std::nullopt;
  auto cell = [&](Field field) -> std::string {
    auto column = header.column(field);
    return column && *column < record.cells.size() ? trim_blanks(record.cells[*column]) : std::string();
  };
  RejectOrigin origin{cell(Field::reject_source_file), cell(Field::reject_source_sha256), cell(Field::reject_sheet), 0};
  auto line = cell(Field::reject_line);
  auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), origin.line);
  if (ec != std::errc() || end != line.data() + line.size() || origin.line <= 0) return std::nullopt;
  return origin;
}

Diagnostic at_line(Diagnostic diagnostic, int line, const std::string& sheet, Severity severity) {
  diagnostic.line = line;
  diagnostic.sheet = sheet;
  diagnostic.severity = severity;
  return diagnostic;
}
bool RejectOrigin::names(const StoredReject& reject, const std::vector<StoredReject>& open) const {
  if (reject.line != line) return false;
  if (!source_sha256.empty()) return reject.source_sha256 == source_sha256 && reject.sheet == sheet;
  // An old fix file names the source by its file name only: it identifies the reject only when
  // one source of that name has an open reject on that line (two exports both called 签到表.csv
  // leave it open: nothing is closed on a guess).
  if (reject.source_file != source_file) return false;
  return std::count_if(open.begin(), open.end(), [&](const StoredReject& other) {
           return other.source_file == source_file && other.line == line;
         }) == 1;
}

void keep_reject(std::vector<StoredReject>& open_rejects, StoredReject reject,
                 const std::optional<RejectOrigin>& origin, bool archived_before) {
  for (auto& open : open_rejects) {
    bool same =
        origin ? origin->names(open, open_rejects)
               : (open.source_sha256 == reject.source_sha256 && open.sheet == reject.sheet && open.line == reject.line);
    if (!same) continue;
    if (origin) {
      reject.source_file = open.source_file;
      reject.source_sha256 = open.source_sha256;
      reject.sheet = open.sheet;
      reject.line = open.line;
    }
    open = std::move(reject);
    return;
  }
  // Re-importing a file adds nothing: a row of it that is no longer open was fixed since. A
  // fix-file row whose reject is not open (fixed or dismissed since, or its id columns edited)
  // is kept as a reject of the fix file: no row is ever dropped.
  if (!archived_before) open_rejects.push_back(std::move(reject));
}

void close_reject(std::vector<StoredReject>& open_rejects, const RejectOrigin& origin) {
  auto it = std::find_if(open_rejects.begin(), open_rejects.end(),
                         [&](const StoredReject& open) { return origin.names(open, open_rejects); });
  if (it != open_rejects.end()) open_rejects.erase(it);
}

StoredSource source_of(const FileReport& report, const std::string& now, const std::string& actor) {
  return StoredSource{report.sha256,
                      report.file,
                      report.stored_as,
                      report.encoding,
                      now,
                      actor,
                      report.header_line,
                      report.rows,
                      report.accepted,
                      report.duplicates,
                      report.updated,
                      report.rejected,
                      mask_personal_text(report.title)};
}

std::optional<Issue> row_problem(const HeaderMap& header, const Record& record) {
  if (record.problem == Record::Problem::encoding) {
    return Issue{"encoding", "",
                 fmt::format(fmt::runtime(tr("bytes at offset {} do not decode in this file's encoding; "
                                             "retype the row or re-export the file as UTF-8")),
                             record.byte_offset)};
  }
  if (record.problem == Record::Problem::too_long) {
    return Issue{"row-too-long", "",
                 fmt::format(fmt::runtime(tr("this row is longer than {} bytes, so it is no sign-in row "
                                             "(a cell pasted many times over?); it was skipped and the rest "
                                             "of the file was read. Check the line in the original sheet")),
                             k_max_line_bytes)};
  }
  if (record.problem == Record::Problem::quote) {
    return Issue{"quote", "",
                 tr("a quoted cell opened on this line is never closed properly; remove the stray "
                    "quotation mark (\") and import the row again")};
  }
  for (size_t i = header.width; i < record.cells.size(); ++i) {
    if (!trim_blanks(record.cells[i]).empty()) {
      return Issue{"row-shape", "",
                   fmt::format(fmt::runtime(tr("a value in column {} beyond the header's {} columns; move it "
                                               "under a column or give the column a header")),
                               i + 1, header.width)};
    }
  }
  return std::nullopt;
}

FileReport start_report(const std::string& given, const std::string& sha256, const std::vector<StoredSource>& sources) {
  FileReport report;
  report.file = std::filesystem::path(given).filename().string();
  report.sha256 = sha256;
  report.archived_before =
      std::any_of(sources.begin(), sources.end(), [&](const StoredSource& s) { return s.sha256 == sha256; });
  return report;
}

bool counts_as_row(FileReport& report, const Record& record) {
  if (record.problem != Record::Problem::too_long && is_blank_row(record)) return false;
  if (is_footer_row(record)) {
    ++report.skipped;
    return false;
  }
  ++report.rows;
  return true;
}

void import_table_rows(FileReport& report, const TableSource& source, std::vector<StoredReject>& open,
                       const std::string& now, const RowReader& read) {
  const HeaderMap& header = source.header;
  auto one = [&](Record& record) {
    restore_formulas(record.cells);
    if (!counts_as_row(report, record)) return;
    auto origin = fix_origin(header, record);
    auto reject = read(record, origin);
    if (!reject) {
      if (origin) close_reject(open, *origin);
      return;
    }
    ++report.rejected;
    reject->message = mask_digit_runs(reject->message);
    int line = record.problem == Record::Problem::quote ? record.problem_line : record.line;
    report.rejects.push_back(at_line(*reject, line, source.sheet, Severity::error));
    keep_reject(open,
                StoredReject{report.file, report.sha256, source.sheet, line, reject->field, reject->code,
                             reject->message, now, kept_cells(header.names, header.fix_width, header.names.size()),
                             kept_cells(record.cells, header.fix_width, header.names.size())},
                origin, report.archived_before);
  };
  for (std::size_t i = header.record_index + 1; i < source.head.size(); ++i) {
    Record record = source.head[i];
    one(record);
  }
  Record record;
  while (source.next(record)) one(record);
  if (!source.sheet.empty()) {
    report.sheets.push_back(SheetReport{
        source.sheet, header.line, report.accepted, report.duplicates, report.updated, report.rejected, {}});
  }
}

void archive_source(FileReport& report, const std::string& given, std::vector<StoredSource>& sources,
                    const std::string& now, const std::string& actor) {
  if (report.archived_before) return;
  // The archived copy is named by its content: a workbook that came as .csv is kept as what it is.
  std::string extension =
      report.format == "csv" ? std::filesystem::path(given).extension().string() : "." + report.format;
  report.stored_as = report.sha256 + extension;
  sources.push_back(source_of(report, now, actor));
}

std::vector<std::string> kept_cells(const std::vector<std::string>& cells, std::size_t skip, std::size_t width) {
  std::size_t from = std::min(skip, cells.size());
  std::size_t to = std::min(cells.size(), std::max(width, from));
  std::vector<std::string> kept(cells.begin() + static_cast<std::ptrdiff_t>(from),
                                cells.begin() + static_cast<std::ptrdiff_t>(to));
  if (to < cells.size()) {
    std::string rest;
    for (std::size_t i = to; i < cells.size(); ++i) rest += (i > to ? "," : "") + cells[i];
    kept.push_back(std::move(rest));
  }
  return kept;
}

std::string no_header_problem(const ColumnVocabulary& columns) {
  return fmt::format(fmt::runtime(tr("no header row found in the first 30 rows: no row names at least "
                                     "two known columns. Expected columns such as: {}")),
                     columns.expected_columns());
}

namespace {

/// The first records of a reader, up to k_header_search_records.
std::vector<Record> read_head(const std::function<bool(Record&)>& next) {
  std::vector<Record> head;
  Record record;
  while (head.size() < k_header_search_records && next(record)) head.push_back(record);
  return head;
}
}  // namespace

TableSource open_table(const fs::path& bytes, const std::string& given, EncodingChoice encoding,
                       const ColumnVocabulary& columns, const std::string& required_hint) {
  TableSource source;
  source.given = given;
  const SourceFormat format = detect_format(bytes.string(), given);
  if (format == SourceFormat::csv) {
    auto reader = std::make_shared<RecordReader>(bytes.string(), encoding, given, columns);
    source.encoding = std::string(encoding_name(reader->encoding()));
    source.next = [raw = reader.get()](Record& out) { return raw->next(out); };
    source.keep = reader;
    source.head = read_head(source.next);
    auto header = find_header(source.head, columns);
    if (!header) throw input_error(no_header_problem(columns), required_hint, given);
    source.header = std::move(*header);
    return source;
  }
  std::shared_ptr<Workbook> workbook = open_workbook(bytes.string(), format, given);
  source.format = std::string(format_name(format));
  source.encoding = workbook->encoding();
  const auto& sheets = workbook->sheets();
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (!sheets[i].worksheet || sheets[i].hidden) continue;
    std::shared_ptr<SheetReader> reader = workbook->open_sheet(i);
    std::function<bool(Record&)> next = [raw = reader.get()](Record& out) { return raw->next(out); };
    std::vector<Record> head = read_head(next);
    auto header = find_header(head, columns);
    if (!header) continue;
    source.sheet = sheets[i].name;
    source.head = std::move(head);
    source.header = std::move(*header);
    source.next = next;
    // The sheet's reader must not outlive its workbook: both are kept, the workbook last.
    source.keep =
        std::make_shared<std::pair<std::shared_ptr<Workbook>, std::shared_ptr<SheetReader>>>(workbook, reader);
    return source;
  }
  throw input_error(fmt::format(fmt::runtime(tr("no visible sheet of this workbook has a header row: {}")),
                                no_header_problem(columns)),
                    required_hint, given);
}

}  // namespace ldt
