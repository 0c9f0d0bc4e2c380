#include "ldt/ingest/csv_tokenizer.hpp"

#include <algorithm>
#include <string_view>

namespace ldt {

namespace {

constexpr std::size_t k_npos = std::string_view::npos;

/// The cell at `index`, emptied, reusing the storage a previous record left there.
std::string& cell_slot(Record& out, std::size_t index) {
  if (index < out.cells.size()) {
    out.cells[index].clear();
    return out.cells[index];
  }
  return out.cells.emplace_back();
}

long long first_offset(long long a, long long b) {
  if (a < 0) return b;
  if (b < 0) return a;
  return std::min(a, b);
}

}  // namespace

CsvTokenizer::CsvTokenizer(LineReader lines, char separator) : lines_(std::move(lines)), separator_(separator) {}

CsvTokenizer::QuoteEnd CsvTokenizer::scan_quoted(std::string& cell, std::size_t& position) {
  const auto store = [&](std::string_view piece) {
    if (cell.size() + piece.size() > k_buffered_cell_bytes) {
      overflow_ = true;
      return;
    }
    cell.append(piece);
  };
  std::string_view text = line_.text;
  while (true) {
    const std::size_t quote = text.find('"', position);
    if (quote == k_npos) {
      store(text.substr(position));
      if (!lines_.next(line_)) return QuoteEnd::end_of_file;
      bad_ = first_offset(bad_, line_.bad_offset);
      text = line_.text;
      position = 0;
      store("\n");
      continue;
    }
    store(text.substr(position, quote - position));
    if (quote + 1 < text.size() && text[quote + 1] == '"') {
      store("\"");
      position = quote + 2;
      continue;
    }
    position = quote + 1;
    if (position == text.size()) return QuoteEnd::line_end;
    if (text[position] == separator_) {
      ++position;
      return QuoteEnd::separator;
    }
    return QuoteEnd::garbage;
  }
}

bool CsvTokenizer::next(Record& out) {
  if (!lines_.next(line_)) return false;
  if (line_.too_long) {
    out.cells.assign(1, std::string());
    out.line = out.problem_line = line_.number;
    out.line_count = 1;
    out.problem = Record::Problem::too_long;
    out.byte_offset = -1;
    out.unbalanced_quote = false;
    return true;
  }
  const int start_line = line_.number;
  const long long start_offset = line_.offset;
  bad_ = line_.bad_offset;
  std::size_t position = 0;
  std::size_t count = 0;
  bool too_long = false;
  while (true) {
    std::string& cell = cell_slot(out, count++);
    const std::string_view text = line_.text;
    if (position < text.size() && text[position] == '"') {
      quote_line_ = line_.number;
      bad_at_quote_ = bad_;
      const std::size_t cell_position = position + 1;
      position = cell_position;
      overflow_ = false;
      QuoteEnd end = scan_quoted(cell, position);
      if (end == QuoteEnd::garbage || end == QuoteEnd::end_of_file) {
        reject_unbalanced(out, start_line, start_offset);
        return true;
      }
      // A cell over the limit that does close: the record is too long to be a row (README
      // "Limits"); it was scanned without being kept, and reading goes on after it.
      if (overflow_) too_long = true;
      if (end == QuoteEnd::line_end) break;
      continue;
    }
    const std::size_t separator = text.find(separator_, position);
    if (separator == k_npos) {
      cell.append(text.substr(position));
      break;
    }
    cell.append(text.substr(position, separator - position));
    position = separator + 1;
  }
  out.cells.resize(count);
  std::size_t bytes = 0;
  for (const auto& cell : out.cells) bytes += cell.size();
  if (too_long || bytes > k_max_line_bytes || line_.too_long) {
    out.cells.assign(1, std::string());
    out.line = out.problem_line = start_line;
    out.line_count = line_.number - start_line + 1;
    out.problem = Record::Problem::too_long;
    out.byte_offset = -1;
    out.unbalanced_quote = false;
    return true;
  }
  out.line = start_line;
  out.line_count = line_.number - start_line + 1;
  out.problem = bad_ >= 0 ? Record::Problem::encoding : Record::Problem::none;
  out.byte_offset = bad_;
  out.problem_line = start_line;
  out.unbalanced_quote = false;
  return true;
}

void CsvTokenizer::reject_unbalanced(Record& out, int start_line, long long start_offset) {
  // Read the row's lines again up to the one where the quote opened; this also leaves the
  // reader on the line after it, where reading resumes (README "How each row and cell is read": quotes).
  lines_.seek(start_offset, start_line);
  std::string raw;
  while (lines_.next(line_)) {
    raw.append(line_.text);
    if (line_.number >= quote_line_) break;
    raw.push_back('\n');
  }
  std::size_t count = 0;
  std::size_t position = 0;
  while (true) {
    const std::size_t separator = raw.find(separator_, position);
    std::string& cell = cell_slot(out, count++);
    if (separator == k_npos) {
      cell.append(raw, position);
      break;
    }
    cell.append(raw, position, separator - position);
    position = separator + 1;
  }
  out.cells.resize(count);
  out.line = start_line;
  out.line_count = quote_line_ - start_line + 1;
  out.problem = bad_at_quote_ >= 0 ? Record::Problem::encoding : Record::Problem::quote;
  out.byte_offset = bad_at_quote_;
  out.problem_line = quote_line_;
  out.unbalanced_quote = true;
}

}  // namespace ldt
