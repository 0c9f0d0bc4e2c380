#include "ldt/ingest/record_reader.hpp"

#include <algorithm>
#include <array>

#include "ldt/ingest/csv_tokenizer.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

/// Bytes read ahead to choose the encoding (the first 64 KiB of them) and the separator
/// (1 KiB in the fuzz build, LDT_FUZZ_SMALL_BUFFERS: include/ldt/ingest/line_reader.hpp).
#ifdef LDT_FUZZ_SMALL_BUFFERS
constexpr std::size_t k_probe_bytes = 1024;
#else
constexpr std::size_t k_probe_bytes = std::size_t{256} * 1024;
#endif
constexpr std::array<char, 3> k_separators{',', '\t', ';'};

bool is_wide(Encoding encoding) { return encoding == Encoding::utf16le || encoding == Encoding::utf16be; }

/// The 16-bit units of UTF-16 text, or the bytes of 8-bit text, one at a time.
template <typename Visit>
void for_each_unit(std::string_view bytes, Encoding encoding, Visit visit) {
  if (!is_wide(encoding)) {
    for (char c : bytes) visit(static_cast<unsigned>(static_cast<unsigned char>(c)));
    return;
  }
  const bool little = encoding == Encoding::utf16le;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    visit(little ? (a | (b << 8U)) : ((a << 8U) | b));
  }
}

bool is_blank_unit(unsigned unit) {
  return unit == ' ' || unit == '\t' || unit == '\r' || unit == '\n' || unit == '\f' || unit == '\v' || unit == 0xFEFF;
}

/// Reads up to `size` bytes from the current position; fewer only at end of file.
std::string read_up_to(ByteSource& source, std::size_t size) {
  std::string bytes(size, '\0');
  std::size_t filled = 0;
  while (filled < size) {
    const std::size_t count = source.read(bytes.data() + filled, size - filled);
    if (count == 0) break;
    filled += count;
  }
  bytes.resize(filled);
  return bytes;
}

[[noreturn]] void throw_empty(const std::string& display_name) {
  throw input_error(tr("the file is empty (no rows)"), tr("export the sign-in sheet again and check that it has rows"),
                    display_name);
}

/// Refuses what is not delimited text. README "How each row and cell is read"; exit 2.
void check_is_text(std::string_view head, const EncodingDecision& decision, const std::string& display_name) {
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06") ||
      head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    throw input_error(tr("this is an Excel workbook (or another zip/Office file), not a CSV file"),
                      tr("open it in Excel/WPS and save as CSV (UTF-8)"), display_name);
  }
  const std::string_view text = head.substr(std::min(decision.bom_length, head.size()));
  std::size_t units = 0;
  std::size_t controls = 0;
  bool nul = false;
  for_each_unit(text, decision.encoding, [&](unsigned unit) {
    ++units;
    if (unit == 0) nul = true;
    if ((unit < 0x20 && !is_blank_unit(unit)) || unit == 0x7F) ++controls;
  });
  // "Mostly non-text": more than 5% control characters; real exports have none.
  if (nul || controls * 20 > units) {
    throw input_error(tr("this is not a text file (it holds binary data)"),
                      tr("export the sign-in sheet as CSV (UTF-8) or Unicode text"), display_name);
  }
}

/// True when the file holds nothing but a BOM and white space; scans past `head` if needed.
bool is_blank_file(ByteSource& source, std::string_view head, bool whole_file, const EncodingDecision& decision) {
  bool blank = true;
  const auto check = [&](std::string_view bytes) {
    for_each_unit(bytes, decision.encoding, [&](unsigned unit) {
      if (!is_blank_unit(unit)) blank = false;
    });
  };
  check(head.substr(std::min(decision.bom_length, head.size())));
  if (!blank || whole_file) return blank;
  source.seek(static_cast<long long>(head.size()));
  while (blank) {
    const std::string chunk = read_up_to(source, k_line_buffer_bytes);
    if (chunk.empty()) break;
    check(chunk);
  }
  return blank;
}

/// `head` cut after its last line terminator, so the probe does not see a cut line.
std::string_view whole_lines(std::string_view head, Encoding encoding) {
  std::size_t end = 0;
  std::size_t index = 0;
  const std::size_t unit = is_wide(encoding) ? 2 : 1;
  for_each_unit(head, encoding, [&](unsigned value) {
    index += unit;
    if (value == '\n' || value == '\r') end = index;
  });
  return end == 0 ? head : head.substr(0, end);
}

/// README "How each row and cell is read" separator choice; see `RecordReader`.
char choose_separator(std::string_view probe, const EncodingDecision& decision, const ColumnVocabulary& columns) {
  struct Trial {
    int score = -1;
    int line = 0;
    int line_count = 0;
  };
  std::array<Trial, k_separators.size()> trials{};
  for (std::size_t s = 0; s < k_separators.size(); ++s) {
    CsvTokenizer tokenizer(LineReader(make_memory_source(std::string(probe)), decision.encoding,
                                      static_cast<long long>(decision.bom_length)),
                           k_separators[s]);
    Record record;
    for (std::size_t n = 0; n < k_header_search_records && tokenizer.next(record); ++n) {
      const int score = header_score(record.cells, columns);
      if (score > trials[s].score) trials[s] = {score, record.line, record.line_count};
    }
  }
  int best_score = -1;
  for (const Trial& trial : trials) best_score = std::max(best_score, trial.score);
  // Ties: count each separator on the best line — the earliest best-scoring record of the tied
  // separators — or on the first 30 lines when nothing scored.
  int first_line = 1;
  int last_line = static_cast<int>(k_header_search_records);
  if (best_score > 0) {
    first_line = 0;
    for (const Trial& trial : trials) {
      if (trial.score == best_score && (first_line == 0 || trial.line < first_line)) {
        first_line = trial.line;
        last_line = trial.line + trial.line_count - 1;
      }
    }
  }
  std::array<std::size_t, k_separators.size()> occurrences{};
  LineReader lines(make_memory_source(std::string(probe)), decision.encoding,
                   static_cast<long long>(decision.bom_length));
  PhysicalLine line;
  while (lines.next(line) && line.number <= last_line) {
    if (line.number < first_line) continue;
    for (std::size_t s = 0; s < k_separators.size(); ++s) {
      occurrences[s] += static_cast<std::size_t>(std::count(line.text.begin(), line.text.end(), k_separators[s]));
    }
  }
  std::size_t chosen = 0;
  bool found = false;
  for (std::size_t s = 0; s < k_separators.size(); ++s) {
    if (trials[s].score != best_score) continue;
    if (!found || occurrences[s] > occurrences[chosen]) chosen = s;
    found = true;
  }
  return k_separators[chosen];
}

}  // namespace

class RecordReader::Impl {
 public:
  explicit Impl(CsvTokenizer reader) : tokenizer(std::move(reader)) {}
  CsvTokenizer tokenizer;
};

namespace {

std::unique_ptr<RecordReader::Impl> open_reader(std::unique_ptr<ByteSource> source, EncodingChoice choice,
                                                const std::string& display_name, const ColumnVocabulary& columns) {
  const std::string head = read_up_to(*source, k_probe_bytes);
  const bool whole_file = head.size() < k_probe_bytes;
  if (head.empty()) throw_empty(display_name);
  const EncodingDecision decision = choose_encoding(head, whole_file, choice);
  check_is_text(head, decision, display_name);
  if (is_blank_file(*source, head, whole_file, decision)) throw_empty(display_name);
  const char separator =
      choose_separator(whole_file ? std::string_view(head) : whole_lines(head, decision.encoding), decision, columns);
  return std::make_unique<RecordReader::Impl>(CsvTokenizer(
      LineReader(std::move(source), decision.encoding, static_cast<long long>(decision.bom_length)), separator));
}

}  // namespace

RecordReader::RecordReader(const std::string& path, EncodingChoice choice, const std::string& display_name,
                           const ColumnVocabulary& columns)
    : impl_(open_reader(open_file_source(path, display_name), choice, display_name, columns)) {}

RecordReader::RecordReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

RecordReader RecordReader::from_bytes(std::string bytes, EncodingChoice choice, const std::string& display_name,
                                      const ColumnVocabulary& columns) {
  return RecordReader(open_reader(make_memory_source(std::move(bytes)), choice, display_name, columns));
}

RecordReader::~RecordReader() = default;
RecordReader::RecordReader(RecordReader&&) noexcept = default;
RecordReader& RecordReader::operator=(RecordReader&&) noexcept = default;

Encoding RecordReader::encoding() const { return impl_->tokenizer.encoding(); }

char RecordReader::separator() const { return impl_->tokenizer.separator(); }

bool RecordReader::next(Record& out) { return impl_->tokenizer.next(out); }

}  // namespace ldt
