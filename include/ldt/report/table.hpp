#pragma once
/// Tabular output in the formats of SPEC §4/§7: aligned text (CJK-aware widths), CSV, Markdown.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ldt {

enum class Format { table, json, csv, md };

/// Parses a --format value; nullopt when unknown.
std::optional<Format> parse_format(std::string_view text);

/// Column headers and rows of display strings. Every row has `columns.size()` cells.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

/// Display width of UTF-8 text in terminal columns: CJK and full-width characters count 2.
int display_width(std::string_view text);
/// Columns padded to their widest cell, separated by two spaces, header underlined.
std::string render_text(const Table& table);
/// RFC 4180 CSV; with a UTF-8 BOM when `bom` (for files Excel and WPS open).
std::string render_csv(const Table& table, bool bom);
/// A GitHub-flavoured Markdown table ('|' in cells escaped).
std::string render_markdown(const Table& table);
/// An array of objects keyed by column name, values as strings.
nlohmann::ordered_json render_json(const Table& table);
/// Renders in `format`; JSON as an array of objects, pretty-printed.
std::string render(const Table& table, Format format, bool bom = false);

}  // namespace ldt
