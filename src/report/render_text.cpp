// The aligned table for people: CJK-aware column widths, header underlined.
#include <algorithm>

#include "ldt/report/render.hpp"
#include "ldt/util/text.hpp"
#include "render_support.hpp"

namespace ldt {

namespace {
/// A cell on one line: line breaks and tabs become spaces so columns stay aligned; any other
/// control character (an ESC in a provider's name) is shown escaped, never sent to the terminal.
std::string one_line(std::string cell) {
  for (char& c : cell) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return escape_controls(cell);
}

void aligned(const Section& section, const Table& table, bool unmask, const Sink& sink) {
  auto columns = render_support::human_columns(table);
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> header = render_support::labels(table, columns);
  for (auto& label : header) label = one_line(label);
  // The widths need every row, so the aligned table buffers what a stream gives.
  render_support::for_each_row(table, [&](const Row& row) {
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (std::size_t c : columns) cells.push_back(c < row.size() ? one_line(display_text(row[c], unmask)) : "");
    lines.push_back(std::move(cells));
  });
  if (lines.empty() && !section.empty_text.empty()) {
    sink(section.empty_text);
    sink("\n");
    return;
  }
  std::vector<int> widths(columns.size(), 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], display_width(cells[i]));
  };
  measure(header);
  for (const auto& cells : lines) measure(cells);
  auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size())
        line += std::string(static_cast<std::size_t>(widths[i] - display_width(cells[i]) + 2), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    sink(line);
    sink("\n");
  };
  emit(header);
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (int width : widths) rule.emplace_back(static_cast<std::size_t>(width), '-');
  emit(rule);
  for (const auto& cells : lines) emit(cells);
}
}  // namespace

void render_text(const Document& document, const RenderOptions& options, const Sink& sink) {
  render_support::for_each_human_part(
      document, options, sink, [](const std::string& title) { return title + "\n"; },
      [&](const Section& section, const Table& table) { aligned(section, table, options.unmask, sink); });
}

}  // namespace ldt
