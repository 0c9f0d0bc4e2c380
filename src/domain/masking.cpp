#include "ldt/domain/masking.hpp"

#include <vector>

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/phone.hpp"

namespace ldt {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) {
  char lower = static_cast<char>(c | 0x20);
  return is_digit(c) || (lower >= 'a' && lower <= 'z');
}

/// A word of 12 or more hex digits with a letter among them is a hash or its prefix (a SHA-256
/// in a message), never personal data: kept whole.
bool is_hash_word(std::string_view word) {
  if (word.size() < 12) return false;
  bool letter = false;
  for (char c : word) {
    char lower = static_cast<char>(c | 0x20);
    if (lower >= 'a' && lower <= 'f')
      letter = true;
    else if (!is_digit(c))
      return false;
  }
  return letter;
}

/// True when the word starting at `at` is a hash word.
bool hash_word_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_alnum(text[end])) ++end;
  return is_hash_word(text.substr(at, end - at));
}

/// The masked form of a phone's or an ID number's digits.
std::string masked(const std::string& digits) {
  return digits.size() == 11 ? mask_phone(digits) : mask_id_number(digits);
}

/// ASCII for the full-width digits and X of UTF-8 text (what NFKC does to them); other bytes,
/// valid or not, are kept.
std::string fold_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) >= 0x90 && byte(i + 2) <= 0x99) {
      out += static_cast<char>('0' + (byte(i + 2) - 0x90));
      i += 2;
    } else if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) == 0xB8) {
      out += 'X';  // U+FF38
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}
}  // namespace

std::string mask_digit_runs(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (is_alnum(text[i]) && (i == 0 || !is_alnum(text[i - 1])) && hash_word_at(text, i)) {
      while (i < n && is_alnum(text[i])) out += text[i++];
      continue;
    }
    if (!is_digit(text[i])) {
      out += text[i++];
      continue;
    }
    // Groups of digits joined by one '-' or ' ' (138-1234-5678, 441523 19870714 9716).
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    std::size_t j = i;
    while (true) {
      std::size_t start = j;
      while (j < n && is_digit(text[j])) ++j;
      groups.emplace_back(start, j);
      if (j + 1 < n && (text[j] == '-' || text[j] == ' ') && is_digit(text[j + 1]) && !hash_word_at(text, j + 1)) {
        ++j;
        continue;
      }
      break;
    }
    std::size_t g = 0;
    while (g < groups.size()) {
      auto [start, end] = groups[g];
      auto x_after = [&](std::size_t at) { return at < n && (text[at] == 'X' || text[at] == 'x'); };
      if (end - start >= 11 || (end - start == 17 && x_after(end))) {
        // One unbroken run: 11 digits as a phone, longer (or 17 and X) as an ID number.
        std::size_t stop = end - start == 17 && x_after(end) ? end + 1 : end;
        out += masked(std::string(text.substr(start, stop - start)));
        i = stop;
        ++g;
        if (stop > end) break;
        if (g < groups.size()) out += text[end];
        continue;
      }
      // Groups that together make a mobile number (11 digits from 1) or an ID number (18).
      std::string digits;
      std::size_t last = g;
      bool found = false;
      bool with_x = false;
      for (std::size_t k = g; k < groups.size(); ++k) {
        digits.append(text.substr(groups[k].first, groups[k].second - groups[k].first));
        with_x = digits.size() == 17 && x_after(groups[k].second);
        if ((digits.size() == 11 && digits.front() == '1') || digits.size() == 18 || with_x) {
          found = true;
          last = k;
          break;
        }
        if (digits.size() >= 18) break;
      }
      if (found) {
        out += masked(with_x ? digits + 'X' : digits);
        std::size_t stop = groups[last].second + (with_x ? 1 : 0);
        i = stop;
        g = last + 1;
        if (with_x) break;
        if (g < groups.size()) out += text[groups[last].second];
        continue;
      }
      out += text.substr(start, end - start);
      i = end;
      ++g;
      if (g < groups.size()) {
        out += text[end];
        i = end + 1;
      }
    }
  }
  return out;
}

std::string mask_personal_text(std::string_view text) {
  bool digits = false;
  bool ascii = true;
  for (unsigned char c : text) {
    digits = digits || (c >= '0' && c <= '9');
    ascii = ascii && c < 0x80;
  }
  if (ascii) return digits ? mask_digit_runs(text) : std::string(text);
  // Full-width digits (０-９, Ｘ) count as digits, as NFKC makes them: only then is a run visible.
  std::string folded = fold_full_width(text);
  std::string masked_text = mask_digit_runs(folded);
  return masked_text == folded ? std::string(text) : masked_text;
}

}  // namespace ldt
