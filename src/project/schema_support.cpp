#include "schema_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "ldt/domain/date.hpp"
#include "ldt/project/schema.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt::schema_support {
namespace {
// Keywords the validator understands; annotations are accepted and ignored.
constexpr auto k_keywords =
    std::to_array<std::string_view>({"$schema",   "$id",         "$comment",   "$defs",    "$ref",
                                     "title",     "description", "default",    "examples", "format",
                                     "type",      "x-toml",      "properties", "required", "additionalProperties",
                                     "enum",      "pattern",     "minimum",    "maximum",  "minLength",
                                     "maxLength", "items",       "minItems"});

// Values of `type` and of `x-toml` (TOML value types JSON lacks).
constexpr auto k_kinds = std::to_array<std::string_view>(
    {"object", "array", "string", "integer", "number", "boolean", "local-date", "offset-datetime"});

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

void check_keywords(const json& schema, const std::string& where) {
  if (!schema.is_object()) throw internal_error(fmt::format("schema {}: not an object", where));
  for (const auto& [keyword, value] : schema.items()) {
    if (!is_one_of(k_keywords, keyword)) {
      throw internal_error(fmt::format("schema {}: unsupported keyword \"{}\"", where, keyword));
    }
    if (keyword == "properties" || keyword == "$defs") {
      for (const auto& [name, sub] : value.items()) {
        std::string sub_where = where;
        sub_where += '/';
        sub_where += name;
        check_keywords(sub, sub_where);
      }
    } else if (keyword == "items") {
      check_keywords(value, where + "/items");
    } else if (keyword == "additionalProperties" && value != json(false)) {
      throw internal_error(fmt::format("schema {}: only additionalProperties: false", where));
    } else if ((keyword == "type" || keyword == "x-toml") &&
               !(value.is_string() && is_one_of(k_kinds, value.get<std::string>()))) {
      throw internal_error(fmt::format("schema {}: unsupported {} {}", where, keyword, value.dump()));
    }
  }
}

}  // namespace

const json& load_schema(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, json, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto found = cache.find(name); found != cache.end()) return found->second;
  std::string resource_name = fmt::format("{}.schema.json", name);
  auto text = resource(resource_name);
  if (!text) throw internal_error(fmt::format("no built-in schema {}", resource_name));
  json schema;
  try {
    schema = json::parse(*text);
  } catch (const json::exception& error) {
    throw internal_error(fmt::format("schema {}: {}", resource_name, error.what()));
  }
  check_keywords(schema, resource_name);
  return cache.emplace(std::string(name), std::move(schema)).first->second;
}

const std::regex& compiled(const std::string& pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::regex> cache;
  std::lock_guard lock(mutex);
  auto found = cache.find(pattern);
  if (found == cache.end()) found = cache.emplace(pattern, std::regex(pattern)).first;
  return found->second;
}

// What a pattern means, for people who do not read regular expressions.
std::string pattern_hint(const std::string& pattern) {
  if (pattern == "^[a-z0-9][a-z0-9-]*$") {
    return tr(
        "use lower-case letters a-z, digits and '-', starting with a letter or digit, "
        "e.g. \"luhe-2021-01\"");
  }
  if (pattern == "^[0-9]{6}$") return tr("write six digits in quotes, e.g. \"441523\"");
  if (pattern == "^[0-9a-f]{64}$") return tr("write 64 lower-case hexadecimal digits (SHA-256)");
  if (pattern == "^[0-9A-HJ-NPQRTUWXY]{18}$") {
    return tr("write the 18-character code: digits and upper-case letters except I, O, S, V, Z");
  }
  return fmt::format(fmt::runtime(tr("expected the form {}")), pattern);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

size_t utf8_length(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Levenshtein distance, ASCII case ignored: finds typos such as "titel" for "title".
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The kind a schema asks for: an x-toml kind wins over the JSON type editors see.
std::string expected_kind(const json& schema) {
  if (auto kind = schema.find("x-toml"); kind != schema.end()) return kind->get<std::string>();
  if (auto type = schema.find("type"); type != schema.end()) return type->get<std::string>();
  return {};
}

std::string describe_expected(const std::string& kind) {
  if (kind == "object") return tr("a table");
  if (kind == "array") return tr("a list in brackets [ ]");
  if (kind == "string") return tr("text in quotes");
  if (kind == "integer") return tr("a whole number");
  if (kind == "number") return tr("a number");
  if (kind == "boolean") return tr("true or false");
  if (kind == "local-date") return tr("a date such as 2021-03-10");
  if (kind == "offset-datetime") return tr("a date and time with offset such as 2021-03-10T09:00:00+08:00");
  return kind;
}

std::string describe_actual(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return tr("a table");
    case toml::node_type::array:
      return tr("a list");
    case toml::node_type::string:
      return tr("text");
    case toml::node_type::integer:
      return tr("a whole number");
    case toml::node_type::floating_point:
      return tr("a decimal number");
    case toml::node_type::boolean:
      return tr("true/false");
    case toml::node_type::date:
      return tr("a date");
    case toml::node_type::time:
      return tr("a time of day");
    case toml::node_type::date_time:
      return node.as_date_time()->get().offset ? tr("a date and time") : tr("a date and time without offset");
    default:
      return tr("nothing");
  }
}

bool kind_matches(const toml::node& node, const std::string& kind) {
  if (kind == "object") return node.is_table();
  if (kind == "array") return node.is_array();
  if (kind == "string") return node.is_string();
  if (kind == "integer") return node.is_integer();
  if (kind == "number") {
    return node.is_integer() || (node.is_floating_point() && std::isfinite(node.as_floating_point()->get()));
  }
  if (kind == "boolean") return node.is_boolean();
  if (kind == "local-date") return node.is_date();
  if (kind == "offset-datetime") return node.is_date_time() && node.as_date_time()->get().offset;
  return true;
}

// How to write the value the schema asks for, given what was written instead.
std::string type_hint(const toml::node& node, const std::string& kind) {
  bool is_text = node.is_string();
  if ((kind == "local-date" || kind == "offset-datetime") && is_text) {
    return fmt::format(fmt::runtime(tr("write it without quotes, e.g. {}")),
                       kind == "local-date" ? "2021-03-10" : "2021-03-10T09:00:00+08:00");
  }
  if (kind == "offset-datetime" && node.is_date_time()) {
    return tr("add the offset +08:00 (China Standard Time), e.g. 2021-03-10T09:00:00+08:00");
  }
  if (kind == "offset-datetime" && node.is_date()) {
    return tr("add the time and the offset, e.g. 2021-03-10T09:00:00+08:00");
  }
  if (kind == "string" &&
      (node.is_integer() || node.is_floating_point() || node.is_date() || node.is_date_time() || node.is_boolean())) {
    std::string shown;
    if (auto integer = node.as_integer()) shown = std::to_string(integer->get());
    return shown.empty() ? tr("put the value in double quotes")
                         : fmt::format(fmt::runtime(tr("put it in double quotes: \"{}\"")), shown);
  }
  if ((kind == "integer" || kind == "number") && is_text) return tr("write the number without quotes");
  if (kind == "integer" && node.is_floating_point()) return tr("write a whole number, e.g. 3");
  if (kind == "array") return tr("write a list in brackets, e.g. [\"a\", \"b\"]");
  return {};
}

std::optional<json> scalar_json(const toml::node& node) {
  if (auto text = node.as_string()) return json(text->get());
  if (auto integer = node.as_integer()) return json(integer->get());
  if (auto number = node.as_floating_point()) return json(number->get());
  if (auto boolean = node.as_boolean()) return json(boolean->get());
  return std::nullopt;
}

std::string show(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace ldt::schema_support
