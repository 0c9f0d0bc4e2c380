#pragma once
// Private to src/project: loading the embedded JSON Schemas and wording the validator's
// messages (schema.cpp holds the validator itself).
#include <toml++/toml.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace ldt::schema_support {

// Ordered, so that hints list keys in the order of the schema (which is the written order).
using json = nlohmann::ordered_json;

/// The parsed schemas/<name>.schema.json, loaded once; throws internal_error on a keyword
/// outside the supported subset.
const json& load_schema(std::string_view name);
/// A pattern compiled once.
const std::regex& compiled(const std::string& pattern);
/// Plain-language explanation of a schema pattern (keyed by its exact text).
std::string pattern_hint(const std::string& pattern);
std::string join(const std::vector<std::string>& items);
size_t utf8_length(std::string_view text);
size_t edit_distance(std::string_view a, std::string_view b);
std::string expected_kind(const json& schema);
std::string describe_expected(const std::string& kind);
std::string describe_actual(const toml::node& node);
bool kind_matches(const toml::node& node, const std::string& kind);
std::string type_hint(const toml::node& node, const std::string& kind);
std::optional<json> scalar_json(const toml::node& node);
std::string show(const json& value);

}  // namespace ldt::schema_support
