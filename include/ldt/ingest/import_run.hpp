#pragma once
/// What every import of the ingest engine shares (sign-ins, surveys, follow-ups; README "Design":
/// an import): the table source that reads a CSV/TXT export or a workbook's sheet as records, the
/// report of each file, and the fix loop's naming of the reject a fix-file row answers.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ldt/domain/issue.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/ingest/encoding.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// What one sheet of a workbook gave (README "Workbooks"); the counts are its rows.
struct SheetReport {
  std::string name;
  int header_line = 0;
  long long accepted = 0, duplicates = 0, updated = 0, rejected = 0;
  std::string skipped;  ///< why the sheet was not imported (translated); empty when it was
};

/// What one source file gave. `rejects` and `warnings` carry their line, sheet and code.
struct FileReport {
  std::string file;  ///< the file name, as stored in the manifest and rejects
  std::string sha256;
  std::string format = "csv";  ///< "csv", "xlsx" or "xls" (workbook.hpp `format_name`)
  std::string encoding;
  std::string title;  ///< text of the title rows above the header, joined by " / "
  int header_line = 0;
  long long rows = 0, accepted = 0, duplicates = 0, updated = 0, rejected = 0, skipped = 0;
  std::vector<Diagnostic> rejects, warnings;
  bool archived_before = false;     ///< the same bytes were imported before (a re-import)
  std::string stored_as;            ///< name of the archived copy under sources/ ("<sha256><ext>")
  std::vector<SheetReport> sheets;  ///< a workbook's sheets in order, imported or skipped; empty for CSV
};

/// The reject a fix-file row answers: its source's SHA-256, sheet and line (README "The fix
/// loop"), or for a fix file of earlier versions, the source's file name and line.
struct RejectOrigin {
  std::string source_file, source_sha256, sheet;
  int line = 0;
  /// True when this names `reject`; `open` are all open rejects (an old, name-only origin
  /// names a reject only when no other source of that name has one on that line).
  [[nodiscard]] bool names(const StoredReject& reject, const std::vector<StoredReject>& open) const;
};

/// The reject a fix-file row names (`header.is_fix_file`), from its reason columns; nullopt for
/// a row of another file, or one whose line cell is not a positive number.
std::optional<RejectOrigin> fix_origin(const HeaderMap& header, const Record& record);

/// Text of the title rows above the header, joined by " / ".
std::string title_of(const std::vector<Record>& head, const HeaderMap& header);

/// Keeps `reject` among the `open` rejects (README "The fix loop"): it replaces the open reject
/// of the same source, sheet and line — or the one `origin` names, for a fix-file row — else it
/// is added, unless its file was imported before (a re-import adds nothing: a row of it that is
/// no longer open was fixed since).
void keep_reject(std::vector<StoredReject>& open, StoredReject reject, const std::optional<RejectOrigin>& origin,
                 bool archived_before);
/// Closes the open reject `origin` names (its fix-file row was accepted).
void close_reject(std::vector<StoredReject>& open, const RejectOrigin& origin);
/// The manifest row of an imported file (its title masked: title rows may hold personal data).
StoredSource source_of(const FileReport& report, const std::string& now, const std::string& actor);

/// "no header row found in the first 30 rows …", listing the columns `columns` expects.
std::string no_header_problem(const ColumnVocabulary& columns);

/// `diagnostic` placed at `line` of `sheet` with `severity`.
Diagnostic at_line(Diagnostic diagnostic, int line, const std::string& sheet, Severity severity);

/// A file's cells as an import reads them, whatever the file is: a CSV/TXT export (any encoding,
/// ingest/record_reader.hpp) or the first visible worksheet of a workbook with a header (README
/// "Workbooks"). `head` holds the first records (up to k_header_search_records) with the header
/// found among them; `next` yields the rest.
struct TableSource {
  std::string format = "csv";  ///< "csv", "xlsx", "xls"
  std::string encoding;
  std::string sheet;  ///< the sheet read; empty for CSV
  std::string given;  ///< the path as given, for messages
  std::vector<Record> head;
  HeaderMap header;
  std::function<bool(Record&)> next;
  std::shared_ptr<void> keep;  ///< the open reader behind `next`
};

/// Opens `bytes` (the staged copy; `given` is the path named in messages) and finds its header
/// by `columns`. Throws input_error (exit 2) naming the file for an unreadable file, or when no
/// header names at least two known columns; `required_hint` is the fix such a refusal suggests.
/// Required columns are the caller's to check.
TableSource open_table(const fs::path& bytes, const std::string& given, EncodingChoice encoding,
                       const ColumnVocabulary& columns, const std::string& required_hint);

/// Why a data row cannot be read at all, checked first for every import (README "How each row and
/// cell is read"): encoding, row-too-long, quote, row-shape (a value beyond the header's columns).
std::optional<Issue> row_problem(const HeaderMap& header, const Record& record);

/// The report of a file about to be imported: its name (of `given`), `sha256`, and whether the same
/// bytes are among `sources` already (a re-import adds nothing).
FileReport start_report(const std::string& given, const std::string& sha256, const std::vector<StoredSource>& sources);

/// True when `record` is a data row to import: false for a blank row (ignored) and a footer row
/// (合计, 制表人 …: counted in `report.skipped`); a data row is counted in `report.rows`.
bool counts_as_row(FileReport& report, const Record& record);

/// Reads one data row: nullopt when it was taken (the reader counts it as accepted, duplicate
/// or updated in the report), else the reason it is rejected. `origin` is the reject a fix-file
/// row answers.
using RowReader = std::function<std::optional<Issue>(const Record& record, const std::optional<RejectOrigin>& origin)>;

/// The data rows of `source` (after its header) through `read`, as every import but the sign-ins'
/// does: formulas restored, blank rows ignored, footer rows (合计, 制表人 …) skipped, each
/// reject counted, masked, reported at its line and kept among `open` (README "The fix loop"),
/// an accepted fix-file row closing the reject it answers. Fills the counts of a workbook's sheet.
void import_table_rows(FileReport& report, const TableSource& source, std::vector<StoredReject>& open,
                       const std::string& now, const RowReader& read);

/// Records a file just imported among `sources` (unless the same bytes were imported before):
/// its archived name `<sha256><ext>` goes into `report.stored_as`.
void archive_source(FileReport& report, const std::string& given, std::vector<StoredSource>& sources,
                    const std::string& now, const std::string& actor);

/// Cells beyond the header kept as one cell (joined by ','), skipping the first `skip` (a fix
/// file's reason columns), so that a row of 10,000 stray cells costs one string (README "Limits").
std::vector<std::string> kept_cells(const std::vector<std::string>& cells, std::size_t skip, std::size_t width);

}  // namespace ldt
