#include "ldt/util/text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace ldt {

std::string nfkc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  auto length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (length < 0) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(length));
  std::free(out);
  return result;
}

bool is_blank_codepoint(std::int32_t codepoint) {
  auto category = utf8proc_category(codepoint);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP ||
         category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF;
}

std::string trim_blanks(std::string_view text) {
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t pos = 0, first = std::string::npos, end = 0;
  while (pos < text.size()) {
    utf8proc_int32_t codepoint = -1;
    auto n = utf8proc_iterate(begin + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &codepoint);
    size_t length = n > 0 ? static_cast<size_t>(n) : 1;
    if (n <= 0 || !is_blank_codepoint(codepoint)) {
      if (first == std::string::npos) first = pos;
      end = pos + length;
    }
    pos += length;
  }
  return first == std::string::npos ? std::string() : std::string(text.substr(first, end - first));
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t codepoint = 0;
    auto length = utf8proc_iterate(bytes, remaining, &codepoint);
    if (length <= 0) return false;
    bytes += length;
    remaining -= length;
  }
  return true;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view tail) {
  if (tail.size() > text.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const std::string_view end = text.substr(text.size() - tail.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    if (lower(end[i]) != lower(tail[i])) return false;
  }
  return true;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_excel_scientific(std::string_view text) {
  auto e = text.find_first_of("eE");
  if (e == std::string_view::npos || e == 0) return false;
  auto mantissa = text.substr(0, e);
  auto exponent = text.substr(e + 1);
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
  auto dot = mantissa.find_first_of(".,");
  bool mantissa_ok = dot == std::string_view::npos
                         ? all_digits(mantissa)
                         : all_digits(mantissa.substr(0, dot)) && all_digits(mantissa.substr(dot + 1));
  return mantissa_ok && all_digits(exponent);
}

namespace {
/// U+200E, U+200F, U+2028, U+2029, U+202A–U+202E, U+2066–U+2069 in UTF-8 (E2 80 xx / E2 81 xx).
bool is_format_control(std::string_view three) {
  auto b1 = static_cast<unsigned char>(three[1]);
  auto b2 = static_cast<unsigned char>(three[2]);
  if (b1 == 0x80) return b2 == 0x8e || b2 == 0x8f || (b2 >= 0xa8 && b2 <= 0xae);
  if (b1 == 0x81) return b2 >= 0xa6 && b2 <= 0xa9;
  return false;
}
}  // namespace

std::string escape_controls(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' && keep_line_breaks) {
      out += '\n';
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\x{:02X}", byte);
    } else if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += fmt::format("\\u00{:02X}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (byte == 0xe2 && i + 2 < text.size() && is_format_control(text.substr(i, 3))) {
      // Bidirectional overrides and line separators reorder or break what a terminal shows.
      auto b1 = static_cast<unsigned char>(text[i + 1]);
      auto b2 = static_cast<unsigned char>(text[i + 2]);
      out += fmt::format("\\u{:04X}", 0x2000U | ((b1 & 0x3fU) << 6U) | (b2 & 0x3fU));
      i += 2;
    } else if (byte >= 0x80) {
      // A byte that is not part of valid UTF-8 (a lone 0x9B is an 8-bit CSI to some terminals).
      utf8proc_int32_t codepoint = 0;
      const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                           static_cast<utf8proc_ssize_t>(text.size() - i), &codepoint);
      if (length <= 0) {
        out += fmt::format("\\x{:02X}", byte);
      } else {
        out.append(text.substr(i, static_cast<std::size_t>(length)));
        i += static_cast<std::size_t>(length) - 1;
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {
bool starts_formula(std::string_view cell) {
  return !cell.empty() && (cell.front() == '=' || cell.front() == '+' || cell.front() == '-' || cell.front() == '@' ||
                           cell.front() == '\t' || cell.front() == '\r');
}
}  // namespace

std::string neutralize_formula(std::string_view cell) {
  return starts_formula(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string_view restore_formula(std::string_view cell) {
  return cell.size() > 1 && cell.front() == '\'' && starts_formula(cell.substr(1)) ? cell.substr(1) : cell;
}

void restore_formulas(std::vector<std::string>& cells) {
  for (auto& cell : cells) {
    if (auto restored = restore_formula(cell); restored.size() != cell.size()) cell = std::string(restored);
  }
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

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: two back (for transpositions), previous, current.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty() || std::find(candidates.begin(), candidates.end(), word) != candidates.end()) return std::nullopt;
  // A word cut short ("instr") means the one candidate it begins, before any near miss ("init").
  std::optional<std::string> prefixed;
  std::size_t prefixes = 0;
  for (const auto& candidate : candidates) {
    if (candidate.starts_with(word)) {
      prefixed = candidate;
      ++prefixes;
    }
  }
  if (prefixes == 1) return prefixed;
  const std::size_t limit = word.size() < 5 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace ldt
