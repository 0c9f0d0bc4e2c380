#include "ldt/ingest/cell_text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "ldt/domain/date.hpp"

namespace ldt {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6U)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3FU)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12U)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18U)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3FU)));
  }
}

/// The code unit of an escape `_xHHHH_` at `at`, or -1.
int escape_at(std::string_view text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return -1;
  int value = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const int digit = hex_value(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

NumberText read_number_text(std::string_view text) {
  NumberText out{std::string(text), false, false};
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;   // the mantissa's digits, the decimal point removed
  long long point = 0;  // digits before the point
  bool any = false;
  for (; i < text.size() && is_digit(text[i]); ++i, any = true) {
    digits.push_back(text[i]);
    ++point;
  }
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && is_digit(text[i]); ++i, any = true) digits.push_back(text[i]);
  }
  if (!any) return out;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exponent_negative = text[i++] == '-';
    if (i == text.size()) return out;
    long long exponent = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      exponent = std::min(exponent * 10 + (text[i] - '0'), 1'000'000'000LL);  // saturates: 1e999999999999
    }
    point += exponent_negative ? -exponent : exponent;
  }
  if (i != text.size()) return out;
  out.valid = true;
  // Leading zeros say nothing; trailing zeros of the mantissa change no value.
  std::size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  point -= static_cast<long long>(lead);
  digits.erase(0, lead);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) {
    out.text = "0";
    return out;
  }
  out.beyond_15_digits = point >= 16;
  const bool integer = point >= static_cast<long long>(digits.size());
  if (integer && point <= 15) {
    out.text = (negative ? "-" : "") + digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  }
  return out;
}

NumberText number_text_of(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return NumberText{};
  return read_number_text(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

bool is_date_format(int id, std::string_view code) {
  if (code.empty()) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal or padding
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == 'y' || c == 'Y' || c == 'm' || c == 'M' || c == 'd' || c == 'D' || c == 'h' || c == 'H') {
      return true;
    }
  }
  return false;
}

std::string serial_date_text(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return {};  // 2958466 = 10000-01-01
  const double whole_part = std::floor(serial);
  const auto whole = static_cast<int>(whole_part);
  const long seconds = std::min(std::lround((serial - whole_part) * 86400.0), 86399L);
  std::string time = fmt::format("{:02}:{:02}:{:02}", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  if (whole == 0) return time;
  if (!date1904 && whole == 60) return seconds == 0 ? "1900-02-29" : "1900-02-29 " + time;
  Date epoch = date1904 ? *make_date(1904, 1, 1) : *make_date(1899, 12, whole < 60 ? 31 : 30);
  const Date date = date_from_day_number(day_number(epoch) + whole);
  if (static_cast<int>(date.year()) > 9999) return {};
  const std::string day = format_date(date);
  return seconds == 0 ? day : day + " " + time;
}

std::string decode_ooxml_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const int unit = escape_at(text, i);
    if (unit < 0) {
      out.push_back(text[i++]);
      continue;
    }
    i += 7;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int low = escape_at(text, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 7;
        append_utf8(out,
                    0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10U) + (static_cast<char32_t>(low) - 0xDC00));
      } else {
        append_utf8(out, 0xFFFD);
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      append_utf8(out, 0xFFFD);
    } else if (unit != 0) {
      append_utf8(out, static_cast<char32_t>(unit));
    }
  }
  return out;
}

}  // namespace ldt
