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
#include "schema_support.hpp"

namespace ldt {
namespace {

using namespace schema_support;

// The path of key `name` in the table at `path`: "name" at the top level, else "path.name".
std::string key_path(const std::string& path, const std::string& name) {
  if (path.empty()) return name;
  std::string field = path;
  field += '.';
  field += name;
  return field;
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
             fmt::format(fmt::runtime(tr("expected {}, found {}")), describe_expected(kind), describe_actual(node)),
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

  void check_table(const toml::table& table, const json& schema, const std::string& path, int line) {
    static const json k_empty = json::object();
    const json& properties = schema.contains("properties") ? schema["properties"] : k_empty;
    bool closed = schema.contains("additionalProperties");
    for (auto&& [key, value] : table) {
      std::string name(key.str());
      std::string field = key_path(path, name);
      int key_line = key.source().begin.line > 0 ? static_cast<int>(key.source().begin.line) : line;
      if (auto property = properties.find(name); property != properties.end()) {
        check(value, *property, field, key_line);
      } else if (closed) {
        report("schema-unknown-key", key_line, field, fmt::format(fmt::runtime(tr("unknown key \"{}\"")), name),
               unknown_key_hint(name, properties));
      }
    }
    if (auto required = schema.find("required"); required != schema.end()) {
      for (const auto& entry : *required) {
        auto name = entry.get<std::string>();
        if (table.contains(name)) continue;
        const json& property = properties.contains(name) ? properties[name] : k_empty;
        std::string field = key_path(path, name);
        std::string kind = expected_kind(resolve(property));
        report("schema-missing-key", line, field, fmt::format(fmt::runtime(tr("required key \"{}\" is missing")), name),
               kind == "object"
                   ? fmt::format(fmt::runtime(tr("add a [{}] table")), field)
                   : fmt::format(fmt::runtime(tr("add the key \"{}\" ({})")), name, describe_expected(kind)));
      }
    }
  }

  void check_array(const toml::array& array, const json& schema, const std::string& path, int line) {
    if (auto min_items = schema.find("minItems");
        min_items != schema.end() && array.size() < min_items->get<size_t>()) {
      report("schema-items", line, path,
             fmt::format(fmt::runtime(tr("needs at least {} item(s), has {}")), min_items->get<size_t>(), array.size()),
             {});
    }
    auto items = schema.find("items");
    if (items == schema.end()) return;
    for (size_t index = 0; index < array.size(); ++index) {
      check(*array.get(index), *items, fmt::format("{}[{}]", path, index + 1), line);
    }
  }

  void check_scalar(const toml::node& node, const json& schema, const std::string& path, int line) {
    // An offset time is read as China Standard Time (records.hpp) and written back so: it must
    // stay within the years TOML can write (9999-12-31T23:59:59-01:00 is in the year 10000).
    if (auto time = node.as_date_time(); time && time->get().offset) {
      const toml::date_time& moment = time->get();
      if (auto day = make_date(moment.date.year, moment.date.month, moment.date.day)) {
        const long long wall =
            day_number(*day) * 86400LL + moment.time.hour * 3600LL + moment.time.minute * 60LL + moment.time.second;
        const int year = static_cast<int>(datetime_from_epoch(wall - moment.offset->minutes * 60LL).date.year());
        if (year < 0 || year > 9999) {
          report("schema-range", line, path, tr("this time is outside the years 0000 to 9999 in China Standard Time"),
                 tr("use a time between 0000-01-01T00:00:00+08:00 and 9999-12-31T23:59:59+08:00"));
        }
      }
    }
    auto value = scalar_json(node);
    if (!value) return;
    if (auto allowed = schema.find("enum"); allowed != schema.end()) {
      if (std::find(allowed->begin(), allowed->end(), *value) == allowed->end()) {
        std::vector<std::string> names;
        for (const auto& entry : *allowed) names.push_back(show(entry));
        report("schema-enum", line, path, fmt::format(fmt::runtime(tr("\"{}\" is not an allowed value")), show(*value)),
               fmt::format(fmt::runtime(tr("allowed values: {}")), join(names)));
      }
    }
    if (value->is_string()) {
      const auto& text = value->get_ref<const std::string&>();
      size_t length = utf8_length(text);
      bool too_short = false;
      if (auto min = schema.find("minLength"); min != schema.end() && length < min->get<size_t>()) {
        too_short = true;
        report("schema-length", line, path,
               min->get<size_t>() == 1
                   ? std::string(tr("must not be empty"))
                   : fmt::format(fmt::runtime(tr("needs at least {} characters")), min->get<size_t>()),
               {});
      }
      bool too_long = false;
      if (auto max = schema.find("maxLength"); max != schema.end() && length > max->get<size_t>()) {
        too_long = true;
        report("schema-length", line, path,
               fmt::format(fmt::runtime(tr("is longer than {} characters")), max->get<size_t>()), {});
      }
      // Not on a value of the wrong length: std::regex recurses once per character of a `*`
      // pattern, and a 200 KB id overflowed the stack.
      if (auto pattern = schema.find("pattern"); pattern != schema.end() && !too_short && !too_long) {
        auto source = pattern->get<std::string>();
        if (!std::regex_search(text, compiled(source))) {
          report("schema-pattern", line, path,
                 fmt::format(fmt::runtime(tr("\"{}\" is not in the expected form")), text), pattern_hint(source));
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
        std::string range = max == schema.end() ? fmt::format(fmt::runtime(tr("at least {}")), show(*min))
                            : min == schema.end()
                                ? fmt::format(fmt::runtime(tr("at most {}")), show(*max))
                                : fmt::format(fmt::runtime(tr("from {} to {}")), show(*min), show(*max));
        report("schema-range", line, path, fmt::format(fmt::runtime(tr("{} is out of range")), show(*value)),
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

  void report(const char* code, int line, const std::string& field, std::string message, std::string hint) {
    diagnostics_.push_back(
        Diagnostic{Severity::error, code, std::string(file_), line, field, std::move(message), std::move(hint)});
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
    throw Error(ExitCode::input, Diagnostic{Severity::error,
                                            "toml-syntax",
                                            std::string(file),
                                            static_cast<int>(begin.line),
                                            {},
                                            fmt::format(fmt::runtime(tr("invalid TOML at column {}: {}")), begin.column,
                                                        error.description()),
                                            tr("text needs double quotes; dates are written 2021-03-10 and times "
                                               "2021-03-10T09:00:00+08:00, without quotes; a key may appear only "
                                               "once per table")});
  }
}

std::vector<Diagnostic> validate_toml(const toml::table& doc, std::string_view schema_name, std::string_view file) {
  const json& schema = load_schema(schema_name);
  Validator validator(schema, file);
  validator.check(doc, schema, {}, 1);
  return validator.take();
}

}  // namespace ldt
