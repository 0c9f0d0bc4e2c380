#include "records_toml.hpp"

#include <fmt/format.h>

#include "ldt/project/schema.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt::records {
namespace {

constexpr size_t k_inline_list_width = 80;

bool valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t extra = lead < 0x80             ? 0
                   : (lead & 0xE0) == 0xC0 ? 1
                   : (lead & 0xF0) == 0xE0 ? 2
                   : (lead & 0xF8) == 0xF0 ? 3
                                           : 4;
    if (extra == 4 || i + extra >= text.size()) return false;
    unsigned code_point = extra == 0 ? lead : lead & (0x3F >> extra);
    for (size_t k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    constexpr unsigned k_minimum[] = {0, 0x80, 0x800, 0x10000};
    if (code_point < k_minimum[extra] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

void escape_control(std::string& out, char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
  }
}

bool is_control(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

// A TOML basic string; text with line breaks becomes a multi-line string so that outlines
// and biographies stay readable. UTF-8 is written as is, never as \u escapes.
std::string quote(std::string_view value) {
  if (!valid_utf8(value)) {
    throw input_error(tr("text is not valid UTF-8"), tr("set the terminal or the source file to UTF-8 and try again"));
  }
  std::string out;
  bool multi_line = value.find('\n') != std::string_view::npos;
  out += multi_line ? "\"\"\"\n" : "\"";
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      // In a multi-line string only a quote that could form """ needs escaping.
      bool escape = !multi_line || i + 1 == value.size() || value[i + 1] == '"';
      out += escape ? "\\\"" : "\"";
    } else if (multi_line && c == '\n') {
      out += '\n';
    } else if (is_control(c) && !(multi_line && c == '\t')) {
      escape_control(out, c);
    } else {
      out += c;
    }
  }
  out += multi_line ? "\"\"\"" : "\"";
  return out;
}

std::string render_date(Date value) { return format_date(value); }

DateTime to_cst(const toml::date_time& value) {
  auto day = make_date(value.date.year, value.date.month, value.date.day).value_or(Date{});
  long long wall = static_cast<long long>(day_number(day)) * 86400 + value.time.hour * 3600LL +
                   value.time.minute * 60LL + value.time.second;
  long long offset = value.offset ? value.offset->minutes * 60LL : 8 * 3600LL;
  return datetime_from_epoch(wall - offset);
}

const toml::node* find(const toml::table& table, std::string_view key) { return table.get(key); }

}  // namespace

toml::table load(std::string_view text_in, std::string_view schema_name, std::string_view file) {
  toml::table doc = parse_toml(text_in, file);
  throw_if_any(validate_toml(doc, schema_name, file));
  return doc;
}

void throw_if_any(std::vector<Diagnostic> diagnostics) {
  if (!diagnostics.empty()) throw Error(ExitCode::input, std::move(diagnostics));
}

std::string text(const toml::table& table, std::string_view key) {
  auto node = find(table, key);
  return node && node->is_string() ? node->as_string()->get() : std::string();
}

std::vector<std::string> texts(const toml::table& table, std::string_view key) {
  std::vector<std::string> out;
  if (auto array = table[key].as_array()) {
    for (const auto& element : *array) {
      if (auto value = element.as_string()) out.push_back(value->get());
    }
  }
  return out;
}

long long integer(const toml::table& table, std::string_view key, long long fallback) {
  auto node = find(table, key);
  return node && node->is_integer() ? node->as_integer()->get() : fallback;
}

double number(const toml::table& table, std::string_view key, double fallback) {
  auto node = find(table, key);
  if (node && node->is_integer()) return static_cast<double>(node->as_integer()->get());
  if (node && node->is_floating_point()) return node->as_floating_point()->get();
  return fallback;
}

std::optional<Date> date(const toml::table& table, std::string_view key) {
  auto node = find(table, key);
  if (!node || !node->is_date()) return std::nullopt;
  auto value = node->as_date()->get();
  return make_date(value.year, value.month, value.day);
}

std::vector<Date> dates(const toml::table& table, std::string_view key) {
  std::vector<Date> out;
  if (auto array = table[key].as_array()) {
    for (const auto& element : *array) {
      if (auto value = element.as_date()) {
        if (auto day = make_date(value->get().year, value->get().month, value->get().day)) {
          out.push_back(*day);
        }
      }
    }
  }
  return out;
}

std::optional<DateTime> datetime(const toml::table& table, std::string_view key) {
  auto node = find(table, key);
  if (!node || !node->is_date_time()) return std::nullopt;
  return to_cst(node->as_date_time()->get());
}

std::vector<const toml::table*> tables(const toml::table& table, std::string_view key) {
  std::vector<const toml::table*> out;
  if (auto array = table[key].as_array()) {
    for (const auto& element : *array) {
      if (auto item = element.as_table()) out.push_back(item);
    }
  }
  return out;
}

int line_of(const toml::table& table, std::string_view key) {
  if (auto node = find(table, key); node && node->source().begin.line > 0) {
    return static_cast<int>(node->source().begin.line);
  }
  return static_cast<int>(table.source().begin.line);
}

void Writer::line(std::string_view key, std::string_view rendered) { out_ += fmt::format("{} = {}\n", key, rendered); }

void Writer::list(std::string_view key, const std::vector<std::string>& rendered) {
  if (rendered.empty()) return;
  size_t width = key.size() + 5;
  for (const auto& item : rendered) width += static_cast<size_t>(display_width(item)) + 2;
  bool one_line = width <= k_inline_list_width;
  for (const auto& item : rendered) one_line = one_line && item.find('\n') == std::string::npos;
  std::string value = "[";
  for (size_t i = 0; i < rendered.size(); ++i) {
    if (one_line) {
      value += (i == 0 ? "" : ", ") + rendered[i];
    } else {
      value += "\n  " + rendered[i] + ",";
    }
  }
  value += one_line ? "]" : "\n]";
  line(key, value);
}

void Writer::text(std::string_view key, std::string_view value) { line(key, quote(value)); }

void Writer::optional_text(std::string_view key, std::string_view value) {
  if (!value.empty()) text(key, value);
}

void Writer::texts(std::string_view key, const std::vector<std::string>& values) {
  std::vector<std::string> rendered;
  rendered.reserve(values.size());
  for (const auto& value : values) rendered.push_back(quote(value));
  list(key, rendered);
}

void Writer::integer(std::string_view key, long long value) { line(key, std::to_string(value)); }

void Writer::number(std::string_view key, double value) {
  // Shortest text that reads back as the same double; 3.0 is written 3 (a TOML integer,
  // which the schemas accept wherever a number is expected).
  line(key, fmt::format("{}", value));
}

void Writer::date(std::string_view key, Date value) { line(key, render_date(value)); }

void Writer::dates(std::string_view key, const std::vector<Date>& values) {
  std::vector<std::string> rendered;
  rendered.reserve(values.size());
  for (const auto& value : values) rendered.push_back(render_date(value));
  list(key, rendered);
}

void Writer::integers(std::string_view key, const std::vector<int>& values) {
  std::vector<std::string> rendered;
  rendered.reserve(values.size());
  for (int value : values) rendered.push_back(std::to_string(value));
  list(key, rendered);
}

void Writer::datetime(std::string_view key, const DateTime& value) { line(key, format_datetime(value)); }

void Writer::optional_datetime(std::string_view key, const std::optional<DateTime>& value) {
  if (value) datetime(key, *value);
}

void Writer::table(std::string_view name) { out_ += fmt::format("{}[{}]\n", out_.empty() ? "" : "\n", name); }

void Writer::array_table(std::string_view name) { out_ += fmt::format("{}[[{}]]\n", out_.empty() ? "" : "\n", name); }

void Writer::comment(std::string_view text) {
  constexpr size_t k_comment_column = 36;
  if (!out_.empty() && out_.back() == '\n') out_.pop_back();
  size_t line_start = out_.rfind('\n') == std::string::npos ? 0 : out_.rfind('\n') + 1;
  size_t width = out_.size() - line_start;
  out_ += std::string(width + 2 < k_comment_column ? k_comment_column - width : 2, ' ');
  out_ += fmt::format("# {}\n", text);
}

}  // namespace ldt::records

namespace ldt {

int toml_key_line(std::string_view text, std::string_view key) {
  try {
    toml::table table = toml::parse(text);
    const toml::node* node = table.get(key);
    return node == nullptr ? 0 : static_cast<int>(node->source().begin.line);
  } catch (const toml::parse_error&) {
    return 0;
  }
}

}  // namespace ldt
