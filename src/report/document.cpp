#include "ldt/report/document.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/report/render.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "table") return Format::table;
  if (text == "json") return Format::json;
  if (text == "csv") return Format::csv;
  if (text == "md") return Format::md;
  return std::nullopt;
}

namespace {
Cell typed(CellType type, std::string text) {
  Cell cell;
  cell.type = type;
  cell.text = std::move(text);
  return cell;
}
}  // namespace

Cell empty_cell() { return {}; }
Cell null_cell() { return typed(CellType::null, {}); }
Cell text_cell(std::string text) { return typed(CellType::text, std::move(text)); }
Cell literal_cell(std::string text) { return typed(CellType::literal, std::move(text)); }
Cell label_cell(std::string key) { return typed(CellType::label, std::move(key)); }
Cell key_cell(std::string key) { return typed(CellType::key, std::move(key)); }
Cell datetime_cell(std::string iso) { return typed(CellType::datetime, std::move(iso)); }
Cell id_number_cell(std::string id_number) { return typed(CellType::id_number, std::move(id_number)); }
Cell phone_cell(std::string phone) { return typed(CellType::phone, std::move(phone)); }
Cell address_cell(std::string address) { return typed(CellType::address, std::move(address)); }

Cell integer_cell(long long value) {
  Cell cell;
  cell.type = CellType::integer;
  cell.integer = value;
  return cell;
}

Cell decimal_cell(double value, int places) {
  Cell cell;
  cell.type = CellType::decimal;
  cell.decimal = value;
  cell.places = places;
  return cell;
}

Cell flag_cell(bool value, std::string shown) {
  Cell cell = typed(CellType::flag, std::move(shown));
  cell.flag = value;
  return cell;
}

Cell list_cell(std::vector<std::string> items, std::string separator) {
  Cell cell;
  cell.type = CellType::list;
  cell.items = std::move(items);
  cell.separator = std::move(separator);
  return cell;
}

Cell table_cell(Table table) {
  Cell cell;
  cell.type = CellType::table;
  cell.table = std::make_shared<const Table>(std::move(table));
  return cell;
}

Section& Document::add_table(Table table, std::string key) {
  Section& section = sections.emplace_back();
  section.key = std::move(key);
  section.table = std::move(table);
  return section;
}

Section& Document::add_record(std::vector<RecordField> fields, std::string key) {
  Section& section = sections.emplace_back();
  section.key = std::move(key);
  section.record = std::move(fields);
  return section;
}

Section& Document::add_paragraphs(std::vector<std::string> paragraphs) {
  Section& section = sections.emplace_back();
  section.paragraphs = std::move(paragraphs);
  section.data = false;
  return section;
}

std::string display_text(const Cell& cell, bool unmask) {
  switch (cell.type) {
    case CellType::empty:
    case CellType::null:
    case CellType::table:
      return {};
    case CellType::text:
      return unmask ? cell.text : mask_personal_text(cell.text);
    case CellType::literal:
    case CellType::flag:
      return cell.text;
    case CellType::label:
      return value_label(cell.text);
    case CellType::key:
      return label_of(cell.text);
    case CellType::integer:
      return std::to_string(cell.integer);
    case CellType::decimal:
      return fmt::format("{:.{}f}", cell.decimal, cell.places);
    case CellType::datetime:
      return cell.text.substr(0, 16);
    case CellType::id_number:
      return unmask ? cell.text : mask_id_number(cell.text);
    case CellType::phone:
      return unmask || cell.text.empty() ? cell.text : mask_phone(cell.text);
    case CellType::address:
      return unmask || cell.text.empty() ? cell.text : "***";
    case CellType::list:
      if (!cell.text.empty()) return cell.text;  // the items as people read them (category_list_cell)
      return fmt::format("{}", fmt::join(cell.items, cell.separator));
  }
  return {};
}

}  // namespace ldt
