#include "ldt/report/table.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "ldt/project/signin_store.hpp"

namespace ldt {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "table") return Format::table;
  if (text == "json") return Format::json;
  if (text == "csv") return Format::csv;
  if (text == "md") return Format::md;
  return std::nullopt;
}

int display_width(std::string_view text) {
  int width = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t codepoint = 0;
    auto length = utf8proc_iterate(bytes, remaining, &codepoint);
    if (length <= 0) {
      ++width;
      length = 1;
    } else {
      width += std::max(0, utf8proc_charwidth(codepoint));
    }
    bytes += length;
    remaining -= length;
  }
  return width;
}

namespace {
/// A cell on one line: line breaks become spaces so columns stay aligned.
std::string one_line(const std::string& cell) {
  std::string out = cell;
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}
}  // namespace

std::string render_text(const Table& input) {
  Table table{input.columns, {}};
  for (const auto& row : input.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) cells.push_back(one_line(cell));
    table.rows.push_back(std::move(cells));
  }
  std::vector<int> widths(table.columns.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(table.columns);
  for (const auto& row : table.rows) measure(row);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(static_cast<size_t>(widths[i] - display_width(row[i]) + 2), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  emit(table.columns);
  std::vector<std::string> rule;
  for (int width : widths) rule.emplace_back(static_cast<size_t>(width), '-');
  emit(rule);
  for (const auto& row : table.rows) emit(row);
  return out;
}

std::string render_csv(const Table& table, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  out += csv_line(table.columns);
  for (const auto& row : table.rows) out += csv_line(row);
  return out;
}

std::string render_markdown(const Table& table) {
  auto escape = [](const std::string& cell) {
    std::string out;
    for (char c : cell) {
      if (c == '|') out += "\\|";
      else if (c == '\n') out += "<br>";
      else out += c;
    }
    return out;
  };
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line = "|";
    for (const auto& cell : row) line += " " + escape(cell) + " |";
    return line + "\n";
  };
  std::string out = emit(table.columns);
  out += "|";
  for (size_t i = 0; i < table.columns.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : table.rows) out += emit(row);
  return out;
}

nlohmann::ordered_json render_json(const Table& table) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t i = 0; i < table.columns.size() && i < row.size(); ++i) object[table.columns[i]] = row[i];
    out.push_back(std::move(object));
  }
  return out;
}

std::string render(const Table& table, Format format, bool bom) {
  switch (format) {
    case Format::table: return render_text(table);
    case Format::csv: return render_csv(table, bom);
    case Format::md: return render_markdown(table);
    case Format::json: return render_json(table).dump(2) + "\n";
  }
  return {};
}

}  // namespace ldt
