// Reading the canonical CSV files ldt writes (src/project/canonical.hpp).
#include "canonical.hpp"

#include <fmt/format.h>

#include <algorithm>
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

namespace {
/// The records of a canonical file after its header, which `check_header` accepts (or throws),
/// returning the header the rows must be as wide as.
void read_records(const fs::path& path, std::string_view display,
                  const std::function<const std::vector<std::string>*(const Record&)>& check_header,
                  const std::function<void(const std::vector<std::string>&, std::vector<std::string>&, int)>& fn) {
  RecordReader reader(path.string(), EncodingChoice::utf8, std::string(display));
  Record record;
  const std::vector<std::string>* expected = nullptr;
  while (reader.next(record)) {
    if (record.problem != Record::Problem::none) {
      throw bad_row(display, record.line, {},
                    record.problem == Record::Problem::quote ? tr("unbalanced quote") : tr("bytes that are not UTF-8"));
    }
    if (record.cells.size() == 1 && record.cells[0].empty()) continue;
    restore_formulas(record.cells);
    if (expected == nullptr) {
      expected = check_header(record);
      continue;
    }
    if (record.cells.size() != expected->size()) {
      throw bad_row(
          display, record.line, {},
          fmt::format(fmt::runtime(tr("{} fields where {} were expected")), record.cells.size(), expected->size()));
    }
    fn(*expected, record.cells, record.line);
  }
}

Error unexpected_header(std::string_view display, int line, const std::vector<std::string>& columns) {
  return bad_row(display, line, {},
                 fmt::format(fmt::runtime(tr("unexpected header; expected: {}")), fmt::join(columns, ",")));
}
}  // namespace

void read_canonical(const fs::path& path, std::string_view display, const std::vector<std::string>& columns,
                    const std::function<void(std::vector<std::string>&, int)>& fn,
                    const std::vector<std::string>* older, bool* is_older) {
  read_records(
      path, display,
      [&](const Record& record) -> const std::vector<std::string>* {
        if (older != nullptr && record.cells == *older) {
          *is_older = true;
          return older;
        }
        if (record.cells != columns) throw unexpected_header(display, record.line, columns);
        return &columns;
      },
      [&](const std::vector<std::string>&, std::vector<std::string>& cells, int line) { fn(cells, line); });
}

void read_canonical_open(
    const fs::path& path, std::string_view display, const std::vector<std::string>& fixed,
    const std::function<void(const std::vector<std::string>&, std::vector<std::string>&, int)>& fn) {
  std::vector<std::string> header;
  read_records(
      path, display,
      [&](const Record& record) -> const std::vector<std::string>* {
        if (record.cells.size() < fixed.size() || !std::equal(fixed.begin(), fixed.end(), record.cells.begin())) {
          throw unexpected_header(display, record.line, fixed);
        }
        header = record.cells;
        return &header;
      },
      fn);
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
