#include "ldt/domain/person_name.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "ldt/util/i18n.hpp"

namespace ldt {
namespace {

constexpr const char* k_field = "name";
constexpr char32_t k_middle_dot = 0x00B7;
constexpr char32_t k_replacement = 0xFFFD;

// Decodes UTF-8; a byte that does not decode becomes U+FFFD (and so marks the name damaged).
std::u32string decode(std::string_view text) {
  std::u32string out;
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(begin + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {
      out.push_back(k_replacement);
      ++pos;
    } else {
      out.push_back(static_cast<char32_t>(cp));
      pos += static_cast<size_t>(n);
    }
  }
  return out;
}

std::string encode(const std::u32string& text) {
  std::string out;
  utf8proc_uint8_t buffer[4];
  for (char32_t cp : text) {
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }
  return out;
}

utf8proc_category_t category(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

bool is_space(char32_t cp) {
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP || cp == '\t' ||
         cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85;
}

// Zero-width and control characters carry nothing in a name (U+200B, U+FEFF, U+0001…).
bool is_dropped(char32_t cp) {
  auto c = category(cp);
  return !is_space(cp) && (c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF);
}

bool is_middle_dot(char32_t cp) {
  return cp == 0x00B7 || cp == 0x2022 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF0E || cp == 0xFF65 || cp == 0x22C5;
}

// CJK unified and compatibility ideographs, the basic block and Extensions A–I. utf8proc has
// no Script property, so the blocks of the Unicode standard are listed here.
bool is_cjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2EE5F) || (cp >= 0x2F800 && cp <= 0x2FA1F) ||
         (cp >= 0x30000 && cp <= 0x323AF) || cp == 0x3007;
}

// Latin letters: basic, Latin-1, Extended-A/B, Extended Additional, and full-width forms.
bool is_latin(char32_t cp) {
  auto c = category(cp);
  bool letter = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT;
  return letter && (cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                    (cp >= 0xFF41 && cp <= 0xFF5A));
}

bool joins_without_space(char32_t cp) { return is_cjk(cp) || cp == k_middle_dot; }

bool is_private_use(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_CO; }

bool has_bracket_marker(const std::u32string& name) {
  for (auto [open, close] : {std::pair<char32_t, char32_t>{'[', ']'}, {0xFF3B, 0xFF3D}}) {
    auto at = name.find(open);
    if (at != std::u32string::npos && name.find(close, at + 1) != std::u32string::npos) return true;
  }
  return false;
}

}  // namespace

NameResult parse_person_name(std::string_view raw) {
  NameResult result;
  // Split into words at runs of white space, then join them back by the rule of README "How each row and cell is read":
  // names.
  std::vector<std::u32string> words(1);
  for (char32_t cp : decode(raw)) {
    if (is_space(cp)) {
      if (!words.back().empty()) words.emplace_back();
    } else if (!is_dropped(cp)) {
      words.back().push_back(is_middle_dot(cp) ? k_middle_dot : cp);
    }
  }
  if (words.back().empty()) words.pop_back();
  std::u32string name;
  for (const auto& word : words) {
    if (!name.empty() && !(joins_without_space(name.back()) && joins_without_space(word.front()))) {
      name.push_back(U' ');
    }
    name += word;
  }
  if (name.empty()) {
    result.reject =
        Issue{"missing-field", k_field, tr("The name is empty. Fill in the trainee's name as on the ID card.")};
    return result;
  }
  if (name.front() == '=' || name.front() == '+' || name.front() == '-' || name.front() == '@') {
    // A spreadsheet would evaluate it (=HYPERLINK(…)): never a name, possibly an attack.
    result.reject = Issue{"name-format", k_field,
                          tr("The name starts with =, +, - or @, which a spreadsheet would run as a formula. Write the "
                             "trainee's name as on the ID card.")};
    return result;
  }
  bool has_letter = std::any_of(name.begin(), name.end(), [](char32_t cp) { return is_cjk(cp) || is_latin(cp); });
  bool has_digit =
      std::any_of(name.begin(), name.end(), [](char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_ND; });
  if (!has_letter || has_digit) {
    result.reject = Issue{"name-format", k_field,
                          has_digit ? tr("The name holds a digit: the cell probably holds another column's value. "
                                         "Write the trainee's name as on the ID card.")
                                    : tr("The name holds no Chinese character or Latin letter. Write the trainee's "
                                         "name as on the ID card.")};
    return result;
  }
  bool damaged = std::any_of(name.begin(), name.end(), [](char32_t cp) {
    return cp == '?' || cp == 0xFF1F || cp == k_replacement || is_private_use(cp);
  });
  if (damaged || has_bracket_marker(name)) {
    result.warnings.push_back(Issue{"name-damaged", k_field,
                                    tr("The name holds '?', a replacement or private-use character, or a [..] marker: "
                                       "a rare character was probably lost when the file was converted. Check the "
                                       "paper sheet and correct the name.")});
  }
  result.name = encode(name);
  return result;
}

}  // namespace ldt
