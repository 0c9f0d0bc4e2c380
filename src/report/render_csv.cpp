// RFC 4180 CSV, streaming; for Excel/WPS files a UTF-8 BOM and ID numbers as ="…".
#include "ldt/project/signin_store.hpp"
#include "ldt/report/render.hpp"
#include "ldt/util/text.hpp"
#include "render_support.hpp"

namespace ldt {

namespace {
/// An ID number as ="…", so that Excel and WPS keep it as text instead of rounding it to
/// 4.41523E+17 when the file is opened and saved; the import strips the wrapper.
std::string excel_cell(const Cell& cell, bool unmask) {
  std::string shown = display_text(cell, unmask);
  return cell.type == CellType::id_number && !shown.empty() ? "=\"" + shown + "\"" : neutralize_formula(shown);
}
}  // namespace

void render_csv(const Document& document, const RenderOptions& options, const Sink& sink) {
  if (options.for_excel) sink("\xEF\xBB\xBF");
  render_support::for_each_human_part(
      document, options, sink, [](const std::string& title) { return title + "\n"; },
      [&](const Section&, const Table& table) {
        auto columns = render_support::human_columns(table);
        std::vector<std::string> cells = render_support::labels(table, columns);
        for (auto& label : cells) label = neutralize_formula(label);  // a fix file's headers come from the sheet
        sink(csv_line(cells));
        render_support::for_each_row(table, [&](const Row& row) {
          cells.clear();
          for (std::size_t c : columns) {
            if (c >= row.size())
              cells.emplace_back();
            else
              cells.push_back(options.for_excel ? excel_cell(row[c], options.unmask)
                                                : neutralize_formula(display_text(row[c], options.unmask)));
          }
          sink(csv_line(cells));
        });
      });
}

}  // namespace ldt
