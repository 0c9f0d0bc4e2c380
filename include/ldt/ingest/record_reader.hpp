#pragma once
/// Bytes of a sign-in export → records (rows) of UTF-8 cells with their physical line numbers.
/// README "How each row and cell is read": lines, quotes; "Importing sign-in sheets": encoding.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/ingest/encoding.hpp"

namespace ldt {

struct ColumnVocabulary;                   // ingest/header.hpp
const ColumnVocabulary& signin_columns();  // ingest/header.hpp

/// What a workbook cell held (README "Workbooks"): text (also a date shown as text, a
/// boolean, an error), a number, or a number of 10^15 or more — more digits than a number cell
/// keeps, so an ID number stored as one has lost its last digits.
enum class CellKind : unsigned char { text, number, long_number };

/// One record (row) of a delimited text file, or a row of a workbook's sheet.
struct Record {
  /// Physical line where the record starts, 1-based, as an editor shows it.
  int line = 0;
  /// Physical lines it spans (a quoted cell holding line breaks spans several).
  int line_count = 1;
  /// Cells in UTF-8: quotes removed, `""` unescaped, not trimmed. A line break inside a quoted
  /// cell is stored as "\n" whatever the file used. A blank line is one empty cell.
  std::vector<std::string> cells;
  /// Why the row cannot be imported as read. When both apply, `encoding` wins (README "How each row and cell is read":
  /// One reject per row, encoding before quote), but the row still ends as for `quote`.
  /// `too_long`: a line of it was longer than k_max_line_bytes and was skipped (row-too-long).
  enum class Problem { none, encoding, quote, too_long } problem = Problem::none;
  /// `Problem::encoding`: 0-based file offset of the row's first undecodable byte (those bytes
  /// read as U+FFFD in `cells`). -1 otherwise.
  long long byte_offset = -1;
  /// Line to report the row's problem at: for an unbalanced quote, the physical line where that
  /// quote opened (README "How each row and cell is read": "rejected at the line where the quote opened"); it differs
  /// from `line` only when an earlier quoted cell of the same row spans lines. Else equal to `line`.
  int problem_line = 0;
  /// True when the row held an unbalanced quote (also when `problem` is `encoding`).
  bool unbalanced_quote = false;
  /// A workbook row's cell kinds, one per cell; empty for a row of a text file (all text).
  std::vector<CellKind> kinds;
};

/// Reads the records of a CSV/TSV sign-in export, streaming (a 1 MiB buffer; a 200 MB,
/// 1,000,000-row file needs a few MB).
///
/// - Encoding: see `choose_encoding` (README "How each row and cell is read"). Undecodable bytes do not stop the file:
/// their
///   row gets `Problem::encoding` and the rest imports.
/// - Line ends: CRLF, LF or CR alone, each one physical line.
/// - Quoting: a cell that starts with `"` is quoted; it may hold separators, `""` and line
///   breaks. A `"` elsewhere in an unquoted cell is an ordinary character.
/// - Unbalanced quote (README "How each row and cell is read"): a quoted cell that reaches the end of the file, or
/// whose
///   closing quote is followed by anything but a separator or a line end. The row gets
///   `Problem::quote`, its cells are the raw text of its lines up to the one where the quote
///   opened, split naively at the separator, and reading resumes on the physical line after
///   the one where the quote opened — so the rest of the file is never swallowed.
/// - Separator: ',', '\t' or ';', the one whose reading of the first 30 records gives the best
///   header score (`header_score`); ties go to the one occurring most on the best line (the
///   earliest best-scoring record of the tied separators; the first 30 physical lines when no
///   record matches any alias), then to the first of ',', '\t', ';'.
///
/// Unusable files throw `input_error` (exit 2): unreadable path, empty file (no bytes, or only
/// a BOM and white space), an Excel workbook (.xlsx/.xls/zip), binary data.
class RecordReader {
 public:
  /// Opens and checks `path`; `display_name` is the name used in messages.
  /// `columns` is the import's vocabulary, which decides the separator by header score.
  RecordReader(const std::string& path, EncodingChoice choice, const std::string& display_name,
               const ColumnVocabulary& columns = signin_columns());
  /// The same over bytes in memory (tests).
  static RecordReader from_bytes(std::string bytes, EncodingChoice choice, const std::string& display_name,
                                 const ColumnVocabulary& columns = signin_columns());

  ~RecordReader();
  RecordReader(RecordReader&&) noexcept;
  RecordReader& operator=(RecordReader&&) noexcept;
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// The encoding the file is read in.
  [[nodiscard]] Encoding encoding() const;
  /// The separator chosen: ',', '\t' or ';'.
  [[nodiscard]] char separator() const;
  /// Reads the next record into `out` (its strings' storage is reused); false at end of file.
  bool next(Record& out);

  class Impl;

 private:
  explicit RecordReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ldt
