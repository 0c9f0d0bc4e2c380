#include "ldt/ingest/signin_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/fs.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {
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

Diagnostic at_line(Diagnostic diagnostic, int line, Severity severity) {
  diagnostic.line = line;
  diagnostic.severity = severity;
  return diagnostic;
}
}  // namespace

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

HeaderMap SigninImport::read_header(RecordReader& reader, std::vector<Record>& head, const std::string& file) const {
  Record record;
  while (head.size() < k_header_search_records && reader.next(record)) head.push_back(record);
  auto header = find_header(head, columns_);
  if (!header) {
    throw input_error(fmt::format(fmt::runtime(tr("no header row found in the first 30 rows: no row names at least "
                                                  "two known columns. Expected columns such as: {}")),
                                  columns_.expected_columns()),
                      tr("rename the header cells to these names, or export the sign-in sheet again"), file);
  }
  for (const auto& expected : columns_.expected) {
    if (!expected.required || header->column(expected.field)) continue;
    throw input_error(fmt::format(fmt::runtime(tr("the header on line {} has no {} column")), header->line,
                                  tr(expected.required_label)),
                      fmt::format(fmt::runtime(tr("expected columns such as: {}")), columns_.expected_columns()), file,
                      header->line);
  }
  return *header;
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

void SigninImport::keep_reject(StoredReject reject, const std::optional<Origin>& origin, bool archived_before) {
  for (auto& open : open_rejects_) {
    bool same =
        origin ? origin->names(open, open_rejects_)
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
  if (!archived_before) open_rejects_.push_back(std::move(reject));
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

void SigninImport::close_reject(const Origin& origin) {
  auto it = std::find_if(open_rejects_.begin(), open_rejects_.end(),
                         [&](const StoredReject& open) { return origin.names(open, open_rejects_); });
  if (it != open_rejects_.end()) open_rejects_.erase(it);
}

void SigninImport::import_record(FileReport& report, const HeaderMap& header, const Record& record,
                                 const SigninSink& sink) {
  if (record.problem != Record::Problem::too_long && is_blank_row(record)) return;
  if (is_footer_row(record)) {
    ++report.skipped;
    return;
  }
  ++report.rows;
  auto origin = fix_origin(header, record);
  if (origin) {
    // The reject a row names must be the row's own: a fix row whose line was edited to point at
    // someone else's reject closes nothing, and is imported or kept as a row of its own.
    auto named = std::find_if(open_rejects_.begin(), open_rejects_.end(),
                              [&](const StoredReject& open) { return origin->names(open, open_rejects_); });
    if (named != open_rejects_.end() && !same_row(*named, header, record)) origin.reset();
  }
  NormalizedRow row = normalize_row(header, record, session_);
  std::optional<Diagnostic> reject = row.reject;
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
    report.rejects.push_back(at_line(*reject, line, Severity::error));
    // A fix-file row keeps only the original columns: the next fix file adds the reason columns
    // again (they would pile up round after round).
    std::size_t skip = header.fix_width;
    // Cells beyond the header are kept as one cell (joined by ','), so that a row of 10,000
    // stray cells costs one string, not 10,000 (README "Limits").
    std::size_t width = header.names.size();
    auto original = [skip, width](const std::vector<std::string>& cells) {
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
    };
    keep_reject(StoredReject{report.file,
                             report.sha256,
                             {},
                             line,
                             reject->field,
                             reject->code,
                             reject->message,
                             now_,
                             original(header.names),
                             original(record.cells)},
                origin, report.archived_before);
    return;
  }
  for (auto& warning : row.warnings)
    report.warnings.push_back(at_line(std::move(warning), record.line, Severity::warning));
  if (decision.warning) report.warnings.push_back(at_line(*decision.warning, record.line, Severity::warning));
  if (origin) close_reject(*origin);
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

const FileReport& SigninImport::import_file(const fs::path& bytes, const std::string& given, const std::string& sha256,
                                            const SigninSink& sink) {
  FileReport report;
  report.file = std::filesystem::path(given).filename().string();
  report.sha256 = sha256;
  report.archived_before =
      std::any_of(sources_.begin(), sources_.end(), [&](const StoredSource& s) { return s.sha256 == report.sha256; });
  RecordReader reader(bytes.string(), encoding_, given, columns_);
  report.encoding = std::string(encoding_name(reader.encoding()));
  std::vector<Record> head;
  HeaderMap header = read_header(reader, head, given);
  report.header_line = header.line;
  report.title = title_of(head, header);
  deduper_.start_file();
  // A cell that ldt (or a careful user) wrote as '=… to keep a spreadsheet from running it is
  // read as it was meant: the fix loop round-trips the original value.
  for (size_t i = header.record_index + 1; i < head.size(); ++i) {
    restore_formulas(head[i].cells);
    import_record(report, header, head[i], sink);
  }
  Record record;
  while (reader.next(record)) {
    restore_formulas(record.cells);
    import_record(report, header, record, sink);
  }
  if (!report.archived_before) {
    report.stored_as = report.sha256 + std::filesystem::path(given).extension().string();
    // The title rows may hold a phone or an ID number: the manifest keeps them masked (the
    // archived export keeps them as they were).
    sources_.push_back(StoredSource{report.sha256, report.file, report.stored_as, report.encoding, now_, actor_,
                                    report.header_line, report.rows, report.accepted, report.duplicates, report.updated,
                                    report.rejected, mask_personal_text(report.title)});
  }
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
