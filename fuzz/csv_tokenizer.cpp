// Fuzz target: the CSV tokenizer over the line reader (ingest/csv_tokenizer.hpp).
//
// Input: byte 0 picks the separator (',', '\t', ';': the byte itself, else byte % 3), byte 1 the
// encoding ('u' UTF-8, 'g' GB18030, 'l' UTF-16LE, 'b' UTF-16BE, else byte % 4), byte 2 the
// largest read a second, chunked byte source returns (1-255 bytes; 0 = 7); the rest is the file.
// The file is tokenized twice, from one memory source and from the chunked one: short reads
// must not change a single record. Over bytes in memory the tokenizer throws nothing.
#include "ldt/ingest/csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "ldt/util/text.hpp"

namespace {

using ldt::Encoding;
using ldt::Record;

/// Returns at most `chunk` bytes per read: what a pipe or a slow disk may do.
class ChunkedSource final : public ldt::ByteSource {
 public:
  ChunkedSource(std::string bytes, std::size_t chunk) : bytes_(std::move(bytes)), chunk_(chunk) {}
  std::size_t read(char* destination, std::size_t size) override {
    const std::size_t count = std::min({size, chunk_, bytes_.size() - position_});
    std::memcpy(destination, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }
  void seek(long long offset) override { position_ = std::min(static_cast<std::size_t>(offset), bytes_.size()); }

 private:
  std::string bytes_;
  std::size_t chunk_;
  std::size_t position_ = 0;
};

char pick_separator(std::uint8_t option) {
  if (option == ',' || option == '\t' || option == ';') return static_cast<char>(option);
  static constexpr char k_separators[] = {',', '\t', ';'};
  return k_separators[option % 3];
}

Encoding pick_encoding(std::uint8_t option) {
  switch (option) {
    case 'u':
      return Encoding::utf8;
    case 'g':
      return Encoding::gb18030;
    case 'l':
      return Encoding::utf16le;
    case 'b':
      return Encoding::utf16be;
    default: {
      static constexpr Encoding k_encodings[] = {Encoding::utf8, Encoding::gb18030, Encoding::utf16le,
                                                 Encoding::utf16be};
      return k_encodings[option % 4];
    }
  }
}

/// Every record, checking the invariants of each as it comes.
std::vector<Record> tokenize(std::unique_ptr<ldt::ByteSource> source, Encoding encoding, char separator,
                             std::size_t size) {
  ldt::CsvTokenizer tokenizer(ldt::LineReader(std::move(source), encoding, 0), separator);
  LDT_FUZZ_CHECK(tokenizer.separator() == separator && tokenizer.encoding() == encoding);
  std::vector<Record> records;
  Record record;
  int next_line = 1;
  std::size_t cell_bytes = 0;
  while (tokenizer.next(record)) {
    // Every physical line belongs to exactly one record, so there are at most size + 1 of them.
    LDT_FUZZ_CHECK(records.size() <= size);
    LDT_FUZZ_CHECK(record.line == next_line);
    LDT_FUZZ_CHECK(record.line_count >= 1);
    next_line = record.line + record.line_count;
    LDT_FUZZ_CHECK(!record.cells.empty());
    LDT_FUZZ_CHECK(record.problem_line >= record.line && record.problem_line < next_line);
    LDT_FUZZ_CHECK(record.unbalanced_quote || record.problem_line == record.line);
    LDT_FUZZ_CHECK((record.problem == Record::Problem::encoding) == (record.byte_offset >= 0));
    LDT_FUZZ_CHECK(record.byte_offset < static_cast<long long>(size));
    LDT_FUZZ_CHECK(record.problem != Record::Problem::quote || record.unbalanced_quote);
    for (const std::string& cell : record.cells) {
      LDT_FUZZ_CHECK(ldt::is_valid_utf8(cell));  // undecodable bytes become U+FFFD
      cell_bytes += cell.size();
    }
    records.push_back(record);
  }
  LDT_FUZZ_CHECK(!tokenizer.next(record));  // end of file stays the end
  // At most 3 bytes of UTF-8 per byte read (U+FFFD for one undecodable byte is 3).
  LDT_FUZZ_CHECK(cell_bytes <= 3 * size);
  return records;
}

bool same(const Record& a, const Record& b) {
  return a.line == b.line && a.line_count == b.line_count && a.cells == b.cells && a.problem == b.problem &&
         a.byte_offset == b.byte_offset && a.problem_line == b.problem_line && a.unbalanced_quote == b.unbalanced_quote;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::Input input(data, size, 3);
  const char separator = pick_separator(input.options[0]);
  const Encoding encoding = pick_encoding(input.options[1]);
  const std::size_t chunk = input.options[2] == 0 ? 7 : input.options[2];
  const std::string file(input.rest);

  const std::vector<Record> records = tokenize(ldt::make_memory_source(file), encoding, separator, file.size());
  const std::vector<Record> chunked =
      tokenize(std::make_unique<ChunkedSource>(file, chunk), encoding, separator, file.size());
  LDT_FUZZ_CHECK(records.size() == chunked.size());
  for (std::size_t i = 0; i < records.size(); ++i) LDT_FUZZ_CHECK(same(records[i], chunked[i]));

  // Valid UTF-8 read as UTF-8 is never longer as cells: separators, quotes and line ends go.
  if (encoding == Encoding::utf8 && ldt::is_valid_utf8(file)) {
    std::size_t cell_bytes = 0;
    for (const Record& record : records) {
      LDT_FUZZ_CHECK(record.problem != Record::Problem::encoding);
      for (const std::string& cell : record.cells) cell_bytes += cell.size();
    }
    LDT_FUZZ_CHECK(cell_bytes <= file.size());
  }
  return 0;
}
