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
    case Field::serial:
      return "serial";
    case Field::submitted_at:
      return "submitted_at";
    case Field::wjx_fixed:
      return "wjx_fixed";
    case Field::question:
      return "question";
    case Field::followup_date:
      return "date";
    case Field::method:
      return "method";
    case Field::shop_opened:
      return "shop_opened";
    case Field::shop_name:
      return "shop_name";
    case Field::shop_url:
      return "shop_url";
    case Field::platform:
      return "platform";
    case Field::monthly_sales:
      return "monthly_sales";
    case Field::employed:
      return "employed";
    case Field::service:
      return "service";
    case Field::staff:
      return "staff";
    case Field::extra:
      return "extra";
  }
  return "extra";
}

namespace {
std::string remove_spaces(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size();) {
    if (const std::size_t length = removable_length(cell, i); length > 0) {
      i += length;
    } else {
      out.push_back(cell[i++]);
    }
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Drops `prefix` from the front of `text` when it is there.
bool drop_prefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

/// The digits at the front of `text` (removed), or an empty view.
std::string_view take_digits(std::string_view& text) {
  std::size_t n = 0;
  while (n < text.size() && is_digit(text[n])) ++n;
  std::string_view digits = text.substr(0, n);
  text.remove_prefix(n);
  return digits;
}
}  // namespace

std::string strip_question_number(std::string_view cell) {
  // Spaces go first: the separator after a number may be a space, or nothing at all.
  const std::string spaced = remove_spaces(cell);
  std::string_view text = spaced;
  if (std::string_view rest = text; drop_prefix(rest, "第") && !take_digits(rest).empty() && drop_prefix(rest, "题")) {
    text = rest;
  } else if (std::string_view bracketed = text; (drop_prefix(bracketed, "(") || drop_prefix(bracketed, "（")) &&
                                                !take_digits(bracketed).empty() &&
                                                (drop_prefix(bracketed, ")") || drop_prefix(bracketed, "）"))) {
    text = bracketed;
  } else if (std::string_view numbered = text; !take_digits(numbered).empty()) {
    if (!drop_prefix(numbered, "、") && !drop_prefix(numbered, "．")) drop_prefix(numbered, ".");
    text = numbered;
  }
  while (drop_prefix(text, "、") || drop_prefix(text, ".")) {
  }
  std::string out(text);
  for (std::string_view colon : {"：", ":"}) {
    if (std::string_view(out).ends_with(colon)) out.resize(out.size() - colon.size());
  }
  if (const std::size_t note = trailing_note_start(out); note != std::string_view::npos) {
    // `第4题(培训内容)`: the bracket is all there is after the number, the matrix row. After other
    // text it is a note (`您的手机号码(必填)`), dropped as from a sign-in header.
    if (note > 0) {
      out.resize(note);
    } else {
      std::size_t open = 0;
      bracket_at(out, 0, open);
      std::size_t last = out.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(out[last]) & 0xC0U) == 0x80U) --last;
      out = out.substr(open, last - open);
    }
  }
  return out;
}

namespace {
/// The bracketed note at the end of a prepared survey header, without its brackets: `请评价(培训内容)` → `培训内容`.
std::string trailing_note(std::string_view cell) {
  const std::string spaced = remove_spaces(cell);
  const std::size_t note = trailing_note_start(spaced);
  if (note == std::string_view::npos || note == 0) return {};
  std::size_t open = 0;
  bracket_at(spaced, note, open);
  std::size_t last = spaced.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(spaced[last]) & 0xC0U) == 0x80U) --last;
  return spaced.substr(note + open, last - note - open);
}
}  // namespace

std::string normalize_header_cell(std::string_view cell) {
  std::string out = remove_spaces(cell);
  if (const std::size_t note = trailing_note_start(out); note != std::string_view::npos && note > 0) {
    out.resize(note);
  }
  return out;
}

std::optional<ColumnMatch> match_column(std::string_view cell, const ColumnVocabulary& columns) {
  const std::string normalized = columns.numbered ? strip_question_number(cell) : normalize_header_cell(cell);
  for (const ColumnAlias& alias : columns.aliases) {
    if (alias.text == normalized) return ColumnMatch{alias.field};
  }
  if (normalized.empty()) return std::nullopt;
  auto by_words = [&](const std::string& text) -> std::optional<ColumnMatch> {
    for (const ColumnWord& word : columns.words) {
      if (text.find(word.text) != std::string::npos) return ColumnMatch{word.field, word.question};
    }
    return std::nullopt;
  };
  if (auto match = by_words(normalized)) return match;
  // `5、请评价以下方面(培训内容)`: a matrix row after the question's text.
  if (columns.numbered) {
    if (const std::string note = trailing_note(cell); !note.empty()) return by_words(note);
  }
  return std::nullopt;
}

std::optional<Field> match_header(std::string_view cell, const ColumnVocabulary& columns) {
  if (auto match = match_column(cell, columns)) return match->field;
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

std::optional<std::size_t> HeaderMap::question_column(int index) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == Field::question && questions[i] == index) return i;
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
  std::vector<int> questions_taken;
  header.fields.reserve(header.width);
  header.questions.reserve(header.width);
  for (std::size_t i = 0; i < header.width; ++i) {
    Field field = Field::extra;
    int question = -1;
    if (i < header.fix_width) {
      field = header.fix_width == k_fix_columns.size() ? k_fix_columns[i].second : k_old_fix_columns[i].second;
    } else if (const auto match = match_column(header.names[i], columns)) {
      // The leftmost column wins a field (a question); the others are extra fields.
      if (match->field == Field::question) {
        if (std::find(questions_taken.begin(), questions_taken.end(), match->question) == questions_taken.end()) {
          field = Field::question;
          question = match->question;
          questions_taken.push_back(question);
        }
      } else {
        auto& used = taken[static_cast<std::size_t>(match->field)];
        // 问卷星's four other fixed columns all stay wjx_fixed: none carries data ldt reads.
        if (!used || match->field == Field::wjx_fixed) field = match->field;
        used = true;
      }
    }
    header.fields.push_back(field);
    header.questions.push_back(question);
  }
  return header;
}

}  // namespace ldt
