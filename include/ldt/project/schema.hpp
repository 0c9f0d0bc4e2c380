#pragma once
/// TOML parsing and JSON Schema validation of the project's TOML files.
///
/// Every TOML file kind has a JSON Schema in `schemas/<kind>.schema.json` (draft 2020-12,
/// also usable by editors such as VS Code's Even Better TOML / Taplo), compiled into the
/// binary. The validator supports the subset those schemas use: `type`, `properties`,
/// `required`, `additionalProperties: false`, `enum`, `pattern`, `minimum`, `maximum`,
/// `minLength`, `maxLength`, `items`, `minItems`, local `$ref` (`#/$defs/…`), and the custom
/// keyword `x-toml` (`"local-date"` | `"offset-datetime"`), which requires that TOML value
/// type instead of the JSON `type` editors see. A schema using any other keyword is a bug
/// (internal error when it is loaded).
#include <toml++/toml.h>

#include <string_view>
#include <vector>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// Parses TOML `text` read from `file` (used only in messages).
/// Throws Error(ExitCode::input) with one diagnostic (code "toml-syntax", the line, and the
/// column in the message) when the text is not valid TOML 1.0.
toml::table parse_toml(std::string_view text, std::string_view file);

/// Checks `doc` against `schemas/<schema_name>.schema.json`; `schema_name` is one of
/// "project" (ldt.toml), "provider", "instructor", "plan", "decision", "session".
///
/// Returns every problem found (empty when valid), ordered by line. Each diagnostic has
/// `file`, the 1-based `line` of the offending key or value (for a missing key: the line of
/// the table that lacks it), `field` as a dotted path with 1-based array positions
/// (`credentials[2].valid_from`), a translated message and a hint (allowed keys for an
/// unknown key, allowed values for an enum, the expected form otherwise).
/// Codes: schema-unknown-key, schema-missing-key, schema-type, schema-enum, schema-pattern,
/// schema-range, schema-length, schema-items.
/// Throws Error(ExitCode::internal) when the schema is missing or malformed (a bug).
std::vector<Diagnostic> validate_toml(const toml::table& doc, std::string_view schema_name, std::string_view file);

}  // namespace ldt
