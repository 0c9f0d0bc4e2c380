// GitHub-flavoured Markdown: titles as headings, tables with '|' escaped.
#include "ldt/report/render.hpp"
#include "ldt/util/text.hpp"
#include "render_support.hpp"

namespace ldt {

namespace {
std::string escape(const std::string& cell) {
  std::string out;
  for (char c : escape_controls(cell, true)) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else
      out += c;
  }
  return out;
}

std::string md_line(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const auto& cell : cells) line += " " + escape(cell) + " |";
  return line + "\n";
}
}  // namespace

void render_markdown(const Document& document, const RenderOptions& options, const Sink& sink) {
  render_support::for_each_human_part(
      document, options, sink, [](const std::string& title) { return "## " + title + "\n\n"; },
      [&](const Section&, const Table& table) {
        auto columns = render_support::human_columns(table);
        std::vector<std::string> cells = render_support::labels(table, columns);
        sink(md_line(cells));
        std::string rule = "|";
        for (std::size_t i = 0; i < columns.size(); ++i) rule += " --- |";
        sink(rule + "\n");
        render_support::for_each_row(table, [&](const Row& row) {
          cells.clear();
          for (std::size_t c : columns) cells.push_back(c < row.size() ? display_text(row[c], options.unmask) : "");
          sink(md_line(cells));
        });
      });
}

}  // namespace ldt
