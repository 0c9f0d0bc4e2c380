// Reading the canonical CSV files ldt writes (src/project/canonical.hpp).
#include "canonical.hpp"

#include <fmt/format.h>

#include <charconv>

#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

Error bad_row(std::string_view display, int line, std::string_view field, std::string message) {
  return input_error(std::move(message),
                     tr("fix the value in an editor (or restore the file from version control); ldt "
                        "writes this file itself"),
                     std::string(display), line, std::string(field));
}

void read_canonical(const fs::path& path, std::string_view display, const std::vector<std::string>& columns,
                    const std::function<void(std::vector<std::string>&, int)>& fn,
                    const std::vector<std::string>* older, bool* is_older) {
  RecordReader reader(path.string(), EncodingChoice::utf8, std::string(display));
  Record record;
  bool header_seen = false;
  const std::vector<std::string>* expected = &columns;
  while (reader.next(record)) {
    if (record.problem != Record::Problem::none) {
      throw bad_row(display, record.line, {},
                    record.problem == Record::Problem::quote ? tr("unbalanced quote") : tr("bytes that are not UTF-8"));
    }
    if (record.cells.size() == 1 && record.cells[0].empty()) continue;
    restore_formulas(record.cells);
    if (!header_seen) {
      if (older != nullptr && record.cells == *older) {
        *is_older = true;
        expected = older;
        header_seen = true;
        continue;
      }
      if (record.cells != columns) {
        throw bad_row(display, record.line, {},
                      fmt::format(fmt::runtime(tr("unexpected header; expected: {}")), fmt::join(columns, ",")));
      }
      header_seen = true;
      continue;
    }
    if (record.cells.size() != expected->size()) {
      throw bad_row(
          display, record.line, {},
          fmt::format(fmt::runtime(tr("{} fields where {} were expected")), record.cells.size(), expected->size()));
    }
    fn(record.cells, record.line);
  }
}

long long to_number(std::string_view text, std::string_view display, int line, std::string_view field) {
  long long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    throw bad_row(display, line, field, fmt::format(fmt::runtime(tr("not a number: \"{}\"")), text));
  }
  return value;
}

}  // namespace ldt
