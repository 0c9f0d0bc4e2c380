#include "ldt/ingest/header.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace ldt {

namespace {

/// Header of the rejects fix file written by `ldt signin rejects --output` (README "The fix loop").
constexpr std::array<std::pair<std::string_view, Field>, 7> k_fix_columns{{
    {"source_file", Field::reject_source_file},
    {"source_sha256", Field::reject_source_sha256},
    {"sheet", Field::reject_sheet},
    {"line", Field::reject_line},
    {"field", Field::reject_info},
    {"code", Field::reject_info},
    {"message", Field::reject_info},
}};
/// The fix file of earlier versions: the reject was named by file name and line only.
constexpr std::array<std::pair<std::string_view, Field>, 5> k_old_fix_columns{{
    {"source_file", Field::reject_source_file},
    {"line", Field::reject_line},
    {"field", Field::reject_info},
    {"code", Field::reject_info},
    {"message", Field::reject_info},
}};

template <std::size_t N>
bool starts_with_columns(const std::vector<std::string>& names,
                         const std::array<std::pair<std::string_view, Field>, N>& columns) {
  if (names.size() < N) return false;
  for (std::size_t i = 0; i < N; ++i) {
    if (normalize_header_cell(names[i]) != columns[i].first) return false;
  }
  return true;
}

/// Removable characters at `text[index]`: returns their byte length, 0 if none.
std::size_t removable_length(std::string_view text, std::size_t index) {
  const std::string_view rest = text.substr(index);
  switch (rest.front()) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\v':
    case '\f':
      return 1;
    default:
      break;
  }
  if (rest.starts_with("\xE3\x80\x80")) return 3;  // U+3000 ideographic space
  if (rest.starts_with("\xC2\xA0")) return 2;      // U+00A0 no-break space
  if (rest.starts_with("\xEF\xBB\xBF")) return 3;  // U+FEFF BOM
  return 0;
}

/// +1 for an opening bracket, -1 for a closing one, 0 otherwise; `length` gets its byte length.
int bracket_at(std::string_view text, std::size_t index, std::size_t& length) {
  const std::string_view rest = text.substr(index);
  length = 1;
  if (rest.front() == '(' || rest.front() == '[') return 1;
  if (rest.front() == ')' || rest.front() == ']') return -1;
  length = 3;
  if (rest.starts_with("（") || rest.starts_with("【")) return 1;
  if (rest.starts_with("）") || rest.starts_with("】")) return -1;
  return 0;
}

/// Byte position where a trailing bracketed note starts, or npos.
std::size_t trailing_note_start(std::string_view text) {
  struct Bracket {
    std::size_t position;
    std::size_t length;
    int kind;
  };
  std::vector<Bracket> brackets;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    if (const int kind = bracket_at(text, i, length); kind != 0) {
      brackets.push_back({i, length, kind});
      i += length;
    } else {
      ++i;
    }
  }
  if (brackets.empty() || brackets.back().kind != -1 ||
      brackets.back().position + brackets.back().length != text.size()) {
    return std::string_view::npos;
  }
  int depth = 0;
  for (auto it = brackets.rbegin(); it != brackets.rend(); ++it) {
    depth -= it->kind;
    if (depth == 0) return it->position;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view field_id(Field field) {
  switch (field) {
    case Field::name:
      return "name";
    case Field::id_number:
      return "id_number";
    case Field::phone:
      return "phone";
    case Field::address:
      return "address";
    case Field::town:
      return "town";
    case Field::village:
      return "village";
    case Field::category:
      return "category";
    case Field::poor_household:
      return "poor_household";
    case Field::disabled:
      return "disabled";
    case Field::signed_at:
      return "signed_at";
    case Field::gender:
      return "gender";
    case Field::note:
      return "note";
    case Field::reject_source_file:
      return "source_file";
    case Field::reject_source_sha256:
      return "source_sha256";
    case Field::reject_sheet:
      return "sheet";
    case Field::reject_line:
      return "line";
    case Field::reject_info:
      return "reject_info";
    case Field::extra:
      return "extra";
  }
  return "extra";
}

std::string normalize_header_cell(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size();) {
    if (const std::size_t length = removable_length(cell, i); length > 0) {
      i += length;
    } else {
      out.push_back(cell[i++]);
    }
  }
  if (const std::size_t note = trailing_note_start(out); note != std::string_view::npos && note > 0) {
    out.resize(note);
  }
  return out;
}

std::optional<Field> match_header(std::string_view cell, const ColumnVocabulary& columns) {
  const std::string normalized = normalize_header_cell(cell);
  for (const ColumnAlias& alias : columns.aliases) {
    if (alias.text == normalized) return alias.field;
  }
  return std::nullopt;
}

int header_score(const std::vector<std::string>& cells, const ColumnVocabulary& columns) {
  int score = 0;
  for (const std::string& cell : cells) {
    if (match_header(cell, columns)) ++score;
  }
  return score;
}

std::optional<std::size_t> HeaderMap::column(Field field) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == field) return i;
  }
  return std::nullopt;
}

std::optional<HeaderMap> find_header(const std::vector<Record>& records, const ColumnVocabulary& columns) {
  const std::size_t limit = std::min(records.size(), k_header_search_records);
  int best_score = 0;
  std::size_t best_index = 0;
  for (std::size_t i = 0; i < limit; ++i) {
    const int score = header_score(records[i].cells, columns);
    if (score > best_score) {
      best_score = score;
      best_index = i;
    }
  }
  if (best_score < 2) return std::nullopt;

  const Record& record = records[best_index];
  HeaderMap header;
  header.record_index = best_index;
  header.line = record.line;
  header.score = best_score;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    if (!normalize_header_cell(record.cells[i]).empty()) header.width = i + 1;
  }
  header.names.assign(record.cells.begin(), record.cells.begin() + static_cast<std::ptrdiff_t>(header.width));
  if (starts_with_columns(header.names, k_fix_columns))
    header.fix_width = k_fix_columns.size();
  else if (starts_with_columns(header.names, k_old_fix_columns))
    header.fix_width = k_old_fix_columns.size();
  header.is_fix_file = header.fix_width > 0;
  std::array<bool, static_cast<std::size_t>(Field::extra) + 1> taken{};
  for (std::size_t i = 0; i < header.width; ++i) {
    Field field = Field::extra;
    if (i < header.fix_width) {
      field = header.fix_width == k_fix_columns.size() ? k_fix_columns[i].second : k_old_fix_columns[i].second;
    } else if (const auto match = match_header(header.names[i], columns)) {
      auto& used = taken[static_cast<std::size_t>(*match)];
      if (!used) field = *match;
      used = true;
    }
    header.fields.push_back(field);
  }
  return header;
}

}  // namespace ldt
