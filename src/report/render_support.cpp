#include "render_support.hpp"

#include "ldt/domain/masking.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt::render_support {

std::vector<std::size_t> human_columns(const Table& table) {
  std::vector<std::size_t> order;
  if (!table.human_order.empty()) return table.human_order;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].human) order.push_back(i);
  }
  return order;
}

std::vector<std::string> labels(const Table& table, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  out.reserve(columns.size());
  for (std::size_t c : columns) out.push_back(table.columns[c].label);
  return out;
}

void for_each_row(const Table& table, const std::function<void(const Row&)>& fn) {
  for (const auto& row : table.rows) fn(row);
  if (!table.stream) return;
  Row row;
  while (table.stream(row)) fn(row);
}

Table record_table(const std::vector<RecordField>& fields) {
  Table table{{{"field", tr("field")}, {"value", tr("value")}}, {}, {}, {}};
  for (const auto& field : fields)
    table.rows.push_back({literal_cell(field.label.empty() ? label_of(field.key) : field.label), field.value});
  return table;
}

void for_each_human_part(const Document& document, const RenderOptions& options, const Sink& sink,
                         const std::function<std::string(const std::string&)>& heading,
                         const std::function<void(const Section&, const Table&)>& table_fn) {
  for (const auto& section : document.sections) {
    if (!section.human) continue;
    // Control characters of the data are shown escaped in every human format.
    if (!section.title.empty()) {
      sink(heading(escape_controls(options.unmask ? section.title : mask_personal_text(section.title))));
    }
    for (const auto& paragraph : section.paragraphs) {
      sink(escape_controls(options.unmask ? paragraph : mask_personal_text(paragraph), true));
      sink("\n");
    }
    if (section.table) table_fn(section, *section.table);
    if (section.record) table_fn(section, record_table(*section.record));
  }
}

}  // namespace ldt::render_support
