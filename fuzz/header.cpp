// Fuzz target: opening a sign-in export (encoding and separator choice, ingest/record_reader.hpp)
// and finding its header (ingest/header.hpp).
//
// Input: byte 0 picks the --encoding choice ('a' auto, 'u' utf-8, 'g' gb18030, 'w' utf-16,
// else byte % 4); the rest is the file. An unusable file (empty, binary, a workbook) is refused
// with an input error; nothing else may throw.
#include "ldt/ingest/header.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/text.hpp"

namespace {

using ldt::EncodingChoice;
using ldt::Field;

EncodingChoice pick_choice(std::uint8_t option) {
  switch (option) {
    case 'a':
      return EncodingChoice::auto_detect;
    case 'u':
      return EncodingChoice::utf8;
    case 'g':
      return EncodingChoice::gb18030;
    case 'w':
      return EncodingChoice::utf16;
    default: {
      static constexpr EncodingChoice k_choices[] = {EncodingChoice::auto_detect, EncodingChoice::utf8,
                                                     EncodingChoice::gb18030, EncodingChoice::utf16};
      return k_choices[option % 4];
    }
  }
}

bool has_removable(std::string_view text) {
  return text.find_first_of(" \t\r\n\v\f") != std::string_view::npos || text.find("\u3000") != std::string_view::npos ||
         text.find("\u00A0") != std::string_view::npos || text.find("\uFEFF") != std::string_view::npos;
}

void check_cell(const std::string& cell) {
  const std::string normalized = ldt::normalize_header_cell(cell);
  LDT_FUZZ_CHECK(normalized.size() <= cell.size());
  LDT_FUZZ_CHECK(ldt::is_valid_utf8(normalized));  // cells are valid UTF-8; whole characters go
  LDT_FUZZ_CHECK(!has_removable(normalized));
  const std::optional<Field> field = ldt::match_header(cell);
  LDT_FUZZ_CHECK(field == ldt::match_header(normalized) || !field);
  if (field) LDT_FUZZ_CHECK(*field != Field::extra && *field != Field::reject_info);
}

void check_header(const std::vector<ldt::Record>& records) {
  const std::optional<ldt::HeaderMap> header = ldt::find_header(records);
  int best = 0;
  for (std::size_t i = 0; i < std::min(records.size(), ldt::k_header_search_records); ++i) {
    best = std::max(best, ldt::header_score(records[i].cells));
  }
  LDT_FUZZ_CHECK(header.has_value() == (best >= 2));
  if (!header) return;
  LDT_FUZZ_CHECK(header->score == best);
  LDT_FUZZ_CHECK(header->record_index < std::min(records.size(), ldt::k_header_search_records));
  const ldt::Record& record = records[header->record_index];
  LDT_FUZZ_CHECK(ldt::header_score(record.cells) == best);
  for (std::size_t i = 0; i < header->record_index; ++i) LDT_FUZZ_CHECK(ldt::header_score(records[i].cells) < best);
  LDT_FUZZ_CHECK(header->line == record.line);
  LDT_FUZZ_CHECK(header->width >= 1 && header->width <= record.cells.size());
  LDT_FUZZ_CHECK(header->names.size() == header->width && header->fields.size() == header->width);
  LDT_FUZZ_CHECK(!ldt::normalize_header_cell(header->names.back()).empty());
  std::vector<int> seen(static_cast<std::size_t>(Field::extra) + 1);
  for (std::size_t i = 0; i < header->width; ++i) {
    LDT_FUZZ_CHECK(header->names[i] == record.cells[i]);
    const Field field = header->fields[i];
    ++seen[static_cast<std::size_t>(field)];
    if (field == Field::extra) continue;
    if (ldt::match_header(header->names[i]) == field) {
      LDT_FUZZ_CHECK(header->column(field) == i);  // the leftmost column of its field
    } else {
      // A column of a rejects fix file (its first columns), named as its field is.
      LDT_FUZZ_CHECK(header->is_fix_file);
      LDT_FUZZ_CHECK(field == Field::reject_info ||
                     ldt::field_id(field) == ldt::normalize_header_cell(header->names[i]));
    }
  }
  LDT_FUZZ_CHECK(!header->is_fix_file || header->fields.front() == Field::reject_source_file);
  for (std::size_t f = 0; f < seen.size(); ++f) {
    if (f != static_cast<std::size_t>(Field::extra) && f != static_cast<std::size_t>(Field::reject_info)) {
      LDT_FUZZ_CHECK(seen[f] <= 1);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::Input input(data, size, 1);
  std::optional<ldt::RecordReader> reader;
  try {
    reader.emplace(ldt::RecordReader::from_bytes(std::string(input.rest), pick_choice(input.options[0]), "fuzz.csv"));
  } catch (const ldt::Error& error) {
    LDT_FUZZ_CHECK(error.exit_code() == ldt::ExitCode::input);
    return 0;
  }
  const char separator = reader->separator();
  LDT_FUZZ_CHECK(separator == ',' || separator == '\t' || separator == ';');
  std::vector<ldt::Record> records;
  ldt::Record record;
  std::size_t count = 0;
  while (reader->next(record)) {
    LDT_FUZZ_CHECK(++count <= input.rest.size());
    if (records.size() < ldt::k_header_search_records + 2) {
      for (const std::string& cell : record.cells) check_cell(cell);
      records.push_back(record);
    }
  }
  check_header(records);
  return 0;
}
