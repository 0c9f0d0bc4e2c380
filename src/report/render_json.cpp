// JSON for scripts: numbers, booleans and arrays by cell type; keys stay English.
#include <nlohmann/json.hpp>

#include "ldt/domain/masking.hpp"
#include "ldt/report/render.hpp"
#include "render_support.hpp"

namespace ldt {

namespace {
using Json = nlohmann::ordered_json;

Json table_json(const Table& table, bool unmask);

/// Pretty-printed with two spaces; bytes that are not UTF-8 (a name from a mis-declared
/// encoding) become U+FFFD instead of failing the whole output.
std::string dump(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace); }

/// The JSON value of a cell; nullopt for an empty cell (its key is left out).
std::optional<Json> cell_json(const Cell& cell, bool unmask) {
  switch (cell.type) {
    case CellType::empty:
      return std::nullopt;
    case CellType::null:
      return Json(nullptr);
    case CellType::integer:
      return Json(cell.integer);
    case CellType::decimal:
      return Json(cell.decimal);
    case CellType::flag:
      return Json(cell.flag);
    case CellType::list:
      return Json(cell.items);
    case CellType::table:
      return table_json(*cell.table, unmask);
    case CellType::datetime:
    case CellType::literal:
    case CellType::label:
    case CellType::key:
      return Json(cell.text);
    case CellType::text:
    case CellType::id_number:
    case CellType::phone:
    case CellType::address:
      return Json(display_text(cell, unmask));
  }
  return std::nullopt;
}

Json row_json(const Table& table, const Row& row, bool unmask) {
  Json object = Json::object();
  for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
    if (!table.columns[c].data) continue;
    if (auto value = cell_json(row[c], unmask)) object[table.columns[c].key] = std::move(*value);
  }
  return object;
}

Json table_json(const Table& table, bool unmask) {
  Json array = Json::array();
  render_support::for_each_row(table, [&](const Row& row) { array.push_back(row_json(table, row, unmask)); });
  return array;
}

Json record_json(const std::vector<RecordField>& fields, bool unmask) {
  Json object = Json::object();
  for (const auto& field : fields) {
    if (auto value = cell_json(field.value, unmask)) object[field.key] = std::move(*value);
  }
  return object;
}

/// A data section: its table, else its record.
Json section_json(const Section& section, bool unmask) {
  return section.table ? table_json(*section.table, unmask) : record_json(*section.record, unmask);
}

/// A top-level table written row by row, in exactly the layout of Json::dump(2).
void stream_table(const Table& table, bool unmask, const Sink& sink) {
  bool first = true;
  render_support::for_each_row(table, [&](const Row& row) {
    std::string element = dump(row_json(table, row, unmask));
    std::string indented = first ? "[\n  " : ",\n  ";
    for (char c : element) {
      indented += c;
      if (c == '\n') indented += "  ";
    }
    sink(indented);
    first = false;
  });
  sink(first ? "[]\n" : "\n]\n");
}
}  // namespace

void render_json(const Document& document, const RenderOptions& options, const Sink& sink) {
  std::vector<const Section*> data;
  for (const auto& section : document.sections) {
    if (section.data && (section.table || section.record)) data.push_back(&section);
  }
  if (data.empty()) return;
  if (data.size() == 1 && data.front()->key.empty()) {
    if (data.front()->table && data.front()->table->stream) {
      stream_table(*data.front()->table, options.unmask, sink);
      return;
    }
    sink(dump(section_json(*data.front(), options.unmask)) + "\n");
    return;
  }
  Json object = Json::object();
  for (const Section* section : data) {
    Json value = section_json(*section, options.unmask);
    if (section->key.empty() && value.is_object()) {
      for (auto& [key, item] : value.items()) object[key] = item;
    } else {
      object[section->key] = std::move(value);
    }
  }
  sink(dump(object) + "\n");
}

}  // namespace ldt
