#pragma once
/// Raw bytes → physical lines. A physical line ends at CRLF, LF or CR alone (README "How each row and cell is read":
/// Line numbers are physical lines of the file, 1-based); each line is decoded on its own, which is sound because no
/// byte or 16-bit unit of a CR or LF can occur inside a multi-byte character of UTF-8, GB18030 or UTF-16.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ldt/ingest/encoding.hpp"

namespace ldt {

/// A seekable stream of raw bytes (a file, or bytes in memory for tests).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes into `destination`; returns how many (0 at end of file).
  /// Throws `input_error` on a read error.
  virtual std::size_t read(char* destination, std::size_t size) = 0;
  /// Moves to byte `offset` from the start.
  virtual void seek(long long offset) = 0;
};

/// Opens `path` for reading. A regular file is streamed; anything else (a pipe) is read into
/// memory first so it can be re-read. Throws `input_error` (exit 2) naming `display_name` when
/// the path cannot be opened or is a directory.
std::unique_ptr<ByteSource> open_file_source(const std::string& path, const std::string& display_name);

/// A source over bytes held in memory.
std::unique_ptr<ByteSource> make_memory_source(std::string bytes);

/// One physical line. `text` is valid until the next call to `LineReader::next` or `seek`.
struct PhysicalLine {
  int number = 0;             ///< 1-based physical line number
  long long offset = 0;       ///< file offset of the line's first byte
  long long next_offset = 0;  ///< file offset just after its terminator
  bool terminated = false;    ///< false only for a last line without CR/LF
  std::string_view text;      ///< decoded UTF-8, terminator excluded
  long long bad_offset = -1;  ///< file offset of the first undecodable byte, -1 when none
  /// Longer than k_max_line_bytes: its bytes were skipped, not kept (`text` is empty), so one
  /// 50 MB line costs no more memory than a short one (README "Limits").
  bool too_long = false;
};

/// Splits a byte source into decoded physical lines with bounded memory: a buffer of
/// `k_line_buffer_bytes`, grown only for a single line longer than that.
class LineReader {
 public:
  /// Starts at `start_offset` (just after a BOM), which is line 1.
  LineReader(std::unique_ptr<ByteSource> source, Encoding encoding, long long start_offset);

  /// The next physical line; false at end of file (and on every later call until `seek`).
  bool next(PhysicalLine& line);

  /// Continues reading at file offset `offset`, which must be the start of physical line
  /// `line_number` (used to resume after an unbalanced quote, README "How each row and cell is read").
  void seek(long long offset, int line_number);

  [[nodiscard]] Encoding encoding() const { return decoder_.encoding(); }

 private:
  bool fill();
  std::size_t find_terminator_8bit(std::size_t from);
  std::size_t find_terminator_16bit(std::size_t from) const;

  std::unique_ptr<ByteSource> source_;
  LineDecoder decoder_;
  bool wide_;           ///< UTF-16: terminators are 16-bit units
  std::string buffer_;  ///< raw bytes [buffer_offset_, buffer_offset_ + length_)
  std::size_t length_ = 0;
  std::size_t position_ = 0;
  long long buffer_offset_ = 0;
  bool end_of_file_ = false;
  int line_number_ = 1;
  std::size_t next_lf_ = 0;  ///< cached search results in the buffer; npos = none up to length_
  std::size_t next_cr_ = 0;
  bool cache_valid_ = false;
};

/// Size of the raw read buffer: 1 MiB (64 bytes in the fuzz build, where LDT_FUZZ_SMALL_BUFFERS
/// lets short inputs reach the refill and growth paths; fuzz/CMakeLists.txt).
#ifdef LDT_FUZZ_SMALL_BUFFERS
inline constexpr std::size_t k_line_buffer_bytes = 64;
#else
inline constexpr std::size_t k_line_buffer_bytes = 1 << 20;
#endif
/// The longest physical line read: 1 MiB (256 bytes in the fuzz build). A longer line is no
/// sign-in row; it becomes one reject (row-too-long) and reading goes on.
#ifdef LDT_FUZZ_SMALL_BUFFERS
inline constexpr std::size_t k_max_line_bytes = 256;
#else
inline constexpr std::size_t k_max_line_bytes = std::size_t{1} << 20U;
#endif

}  // namespace ldt
