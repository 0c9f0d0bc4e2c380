#include "ldt/project/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "ldt/domain/date.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt {
namespace {

// Ordered, so that hints list keys in the order of the schema (which is the written order).
using json = nlohmann::ordered_json;

// Keywords the validator understands; annotations are accepted and ignored.
const std::set<std::string, std::less<>> k_keywords = {
    "$schema",   "$id",         "$comment",   "$defs",    "$ref",
    "title",     "description", "default",    "examples", "format",
    "type",      "x-toml",      "properties", "required", "additionalProperties",
    "enum",      "pattern",     "minimum",    "maximum",  "minLength",
    "maxLength", "items",       "minItems"};

// Values of `type` and of `x-toml` (TOML value types JSON lacks).
const std::set<std::string, std::less<>> k_kinds = {
    "object", "array", "string", "integer", "number", "boolean", "local-date", "offset-datetime"};

void check_keywords(const json& schema, const std::string& where) {
  if (!schema.is_object()) throw internal_error(fmt::format("schema {}: not an object", where));
  for (const auto& [keyword, value] : schema.items()) {
    if (!k_keywords.contains(keyword)) {
      throw internal_error(fmt::format("schema {}: unsupported keyword \"{}\"", where, keyword));
    }
    if (keyword == "properties" || keyword == "$defs") {
      for (const auto& [name, sub] : value.items()) check_keywords(sub, where + "/" + name);
    } else if (keyword == "items") {
      check_keywords(value, where + "/items");
    } else if (keyword == "additionalProperties" && value != json(false)) {
      throw internal_error(fmt::format("schema {}: only additionalProperties: false", where));
    } else if ((keyword == "type" || keyword == "x-toml") &&
               !(value.is_string() && k_kinds.contains(value.get<std::string>()))) {
      throw internal_error(
          fmt::format("schema {}: unsupported {} {}", where, keyword, value.dump()));
    }
  }
}

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
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
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
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
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
  if (kind == "offset-datetime")
    return tr("a date and time with offset such as 2021-03-10T09:00:00+08:00");
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
      return node.as_date_time()->get().offset ? tr("a date and time")
                                               : tr("a date and time without offset");
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
    return node.is_integer() ||
           (node.is_floating_point() && std::isfinite(node.as_floating_point()->get()));
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
  if (kind == "string" && (node.is_integer() || node.is_floating_point() || node.is_date() ||
                           node.is_date_time() || node.is_boolean())) {
    std::string shown;
    if (auto integer = node.as_integer()) shown = std::to_string(integer->get());
    return shown.empty() ? tr("put the value in double quotes")
                         : fmt::format(fmt::runtime(tr("put it in double quotes: \"{}\"")), shown);
  }
  if ((kind == "integer" || kind == "number") && is_text)
    return tr("write the number without quotes");
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

std::string show(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

class Validator {
 public:
  Validator(const json& root, std::string_view file) : root_(root), file_(file) {}

  void check(const toml::node& node, const json& schema, const std::string& path, int line) {
    if (node.source().begin.line > 0) line = static_cast<int>(node.source().begin.line);
    const json merged = resolve(schema);
    std::string kind = expected_kind(merged);
    if (!kind.empty() && !kind_matches(node, kind)) {
      report("schema-type", line, path,
             fmt::format(fmt::runtime(tr("expected {}, found {}")), describe_expected(kind),
                         describe_actual(node)),
             type_hint(node, kind));
      return;
    }
    if (auto table = node.as_table()) return check_table(*table, merged, path, line);
    if (auto array = node.as_array()) return check_array(*array, merged, path, line);
    check_scalar(node, merged, path, line);
  }

  std::vector<Diagnostic> take() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return std::move(diagnostics_);
  }

 private:
  // Follows `$ref` (local JSON pointers only); sibling keywords add to the target.
  json resolve(const json& schema) const {
    json merged = schema;
    for (int depth = 0; merged.contains("$ref"); ++depth) {
      auto ref = merged["$ref"].get<std::string>();
      if (depth > 16 || !ref.starts_with("#/")) throw internal_error("schema: bad $ref " + ref);
      json target = root_.at(json::json_pointer(ref.substr(1)));
      merged.erase("$ref");
      for (auto& [keyword, value] : merged.items()) target[keyword] = value;
      merged = std::move(target);
    }
    return merged;
  }

  void check_table(const toml::table& table, const json& schema, const std::string& path,
                   int line) {
    static const json k_empty = json::object();
    const json& properties = schema.contains("properties") ? schema["properties"] : k_empty;
    bool closed = schema.contains("additionalProperties");
    for (auto&& [key, value] : table) {
      std::string name(key.str());
      std::string field = path.empty() ? name : path + "." + name;
      int key_line = key.source().begin.line > 0 ? static_cast<int>(key.source().begin.line) : line;
      if (auto property = properties.find(name); property != properties.end()) {
        check(value, *property, field, key_line);
      } else if (closed) {
        report("schema-unknown-key", key_line, field,
               fmt::format(fmt::runtime(tr("unknown key \"{}\"")), name),
               unknown_key_hint(name, properties));
      }
    }
    if (auto required = schema.find("required"); required != schema.end()) {
      for (const auto& entry : *required) {
        auto name = entry.get<std::string>();
        if (table.contains(name)) continue;
        const json& property = properties.contains(name) ? properties[name] : k_empty;
        std::string field = path.empty() ? name : path + "." + name;
        std::string kind = expected_kind(resolve(property));
        report("schema-missing-key", line, field,
               fmt::format(fmt::runtime(tr("required key \"{}\" is missing")), name),
               kind == "object" ? fmt::format(fmt::runtime(tr("add a [{}] table")), field)
                                : fmt::format(fmt::runtime(tr("add the key \"{}\" ({})")), name,
                                              describe_expected(kind)));
      }
    }
  }

  void check_array(const toml::array& array, const json& schema, const std::string& path,
                   int line) {
    if (auto min_items = schema.find("minItems");
        min_items != schema.end() && array.size() < min_items->get<size_t>()) {
      report("schema-items", line, path,
             fmt::format(fmt::runtime(tr("needs at least {} item(s), has {}")),
                         min_items->get<size_t>(), array.size()),
             {});
    }
    auto items = schema.find("items");
    if (items == schema.end()) return;
    for (size_t index = 0; index < array.size(); ++index) {
      check(*array.get(index), *items, fmt::format("{}[{}]", path, index + 1), line);
    }
  }

  void check_scalar(const toml::node& node, const json& schema, const std::string& path, int line) {
    auto value = scalar_json(node);
    if (!value) return;
    if (auto allowed = schema.find("enum"); allowed != schema.end()) {
      if (std::find(allowed->begin(), allowed->end(), *value) == allowed->end()) {
        std::vector<std::string> names;
        for (const auto& entry : *allowed) names.push_back(show(entry));
        report("schema-enum", line, path,
               fmt::format(fmt::runtime(tr("\"{}\" is not an allowed value")), show(*value)),
               fmt::format(fmt::runtime(tr("allowed values: {}")), join(names)));
      }
    }
    if (value->is_string()) {
      const auto& text = value->get_ref<const std::string&>();
      size_t length = utf8_length(text);
      bool too_short = false;
      if (auto min = schema.find("minLength"); min != schema.end() && length < min->get<size_t>()) {
        too_short = true;
        report(
            "schema-length", line, path,
            min->get<size_t>() == 1
                ? std::string(tr("must not be empty"))
                : fmt::format(fmt::runtime(tr("needs at least {} characters")), min->get<size_t>()),
            {});
      }
      if (auto max = schema.find("maxLength"); max != schema.end() && length > max->get<size_t>()) {
        report("schema-length", line, path,
               fmt::format(fmt::runtime(tr("is longer than {} characters")), max->get<size_t>()),
               {});
      }
      if (auto pattern = schema.find("pattern"); pattern != schema.end() && !too_short) {
        auto source = pattern->get<std::string>();
        if (!std::regex_search(text, compiled(source))) {
          report("schema-pattern", line, path,
                 fmt::format(fmt::runtime(tr("\"{}\" is not in the expected form")), text),
                 pattern_hint(source));
        }
      }
    }
    if (value->is_number()) {
      double number = value->get<double>();
      auto min = schema.find("minimum");
      auto max = schema.find("maximum");
      bool below = min != schema.end() && number < min->get<double>();
      bool above = max != schema.end() && number > max->get<double>();
      if (below || above) {
        std::string range =
            max == schema.end() ? fmt::format(fmt::runtime(tr("at least {}")), show(*min))
            : min == schema.end()
                ? fmt::format(fmt::runtime(tr("at most {}")), show(*max))
                : fmt::format(fmt::runtime(tr("from {} to {}")), show(*min), show(*max));
        report("schema-range", line, path,
               fmt::format(fmt::runtime(tr("{} is out of range")), show(*value)),
               fmt::format(fmt::runtime(tr("use a value {}")), range));
      }
    }
    if (auto date = node.as_date()) {
      auto day = date->get();
      if (!make_date(day.year, day.month, day.day)) {
        report("schema-type", line, path, tr("this day does not exist"), {});
      }
    }
  }

  static std::string unknown_key_hint(const std::string& name, const json& properties) {
    std::vector<std::string> allowed;
    std::string closest;
    size_t best = 3;  // suggest only near misses: a typo, not a different word
    for (const auto& [candidate, unused] : properties.items()) {
      allowed.push_back(candidate);
      size_t distance = edit_distance(name, candidate);
      if (distance < best && distance * 2 < candidate.size()) {
        best = distance;
        closest = candidate;
      }
    }
    std::string keys = fmt::format(fmt::runtime(tr("allowed keys: {}")), join(allowed));
    if (closest.empty()) return keys;
    return fmt::format(fmt::runtime(tr("did you mean \"{}\"? {}")), closest, keys);
  }

  void report(const char* code, int line, const std::string& field, std::string message,
              std::string hint) {
    diagnostics_.push_back(Diagnostic{Severity::error, code, std::string(file_), line, field,
                                      std::move(message), std::move(hint)});
  }

  const json& root_;
  std::string_view file_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

toml::table parse_toml(std::string_view text, std::string_view file) {
  try {
    return toml::parse(text, std::string(file));
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw Error(ExitCode::input,
                Diagnostic{Severity::error,
                           "toml-syntax",
                           std::string(file),
                           static_cast<int>(begin.line),
                           {},
                           fmt::format(fmt::runtime(tr("invalid TOML at column {}: {}")),
                                       begin.column, error.description()),
                           tr("text needs double quotes; dates are written 2021-03-10 and times "
                              "2021-03-10T09:00:00+08:00, without quotes; a key may appear only "
                              "once per table")});
  }
}

std::vector<Diagnostic> validate_toml(const toml::table& doc, std::string_view schema_name,
                                      std::string_view file) {
  const json& schema = load_schema(schema_name);
  Validator validator(schema, file);
  validator.check(doc, schema, {}, 1);
  return validator.take();
}

}  // namespace ldt
