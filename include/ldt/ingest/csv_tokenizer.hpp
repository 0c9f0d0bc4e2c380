#pragma once
/// Physical lines → records, for one separator. The quoting and unbalanced-quote rules are this
/// project's own (README "How each row and cell is read": Unbalanced quote); `RecordReader` documents them.
#include <cstddef>
#include <string>

#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/record_reader.hpp"

namespace ldt {

/// Splits the lines of a `LineReader` into records at `separator`. Memory stays bounded even
/// when a stray quote runs to the end of the file: a quoted cell stores at most
/// `k_buffered_cell_bytes` while being scanned; a longer one that does close, or a record whose
/// cells hold more than `k_max_line_bytes` in all, is one record with Problem::too_long (no
/// cells kept), and the raw text of an unbalanced row is read again from the file.
class CsvTokenizer {
 public:
  CsvTokenizer(LineReader lines, char separator);

  /// Reads the next record into `out`, reusing its strings; false at end of file.
  bool next(Record& out);

  [[nodiscard]] char separator() const { return separator_; }
  [[nodiscard]] Encoding encoding() const { return lines_.encoding(); }

 private:
  enum class QuoteEnd { separator, line_end, garbage, end_of_file };
  QuoteEnd scan_quoted(std::string& cell, std::size_t& position);
  void reject_unbalanced(Record& out, int start_line, long long start_offset);

  LineReader lines_;
  char separator_;
  PhysicalLine line_;
  long long bad_ = -1;           ///< first bad byte of the record so far
  bool overflow_ = false;        ///< a capped quoted cell stopped storing its text
  int quote_line_ = 0;           ///< line where the last quoted cell opened
  long long bad_at_quote_ = -1;  ///< first bad byte up to and including that line
};

/// Longest quoted cell stored during the first scan: 1 MiB (16 bytes in the fuzz build).
#ifdef LDT_FUZZ_SMALL_BUFFERS
inline constexpr std::size_t k_buffered_cell_bytes = 16;
#else
inline constexpr std::size_t k_buffered_cell_bytes = 1 << 20;
#endif

}  // namespace ldt
