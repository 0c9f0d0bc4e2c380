#pragma once
/// Typed readers and writers between TOML text and the registered kinds.
///
/// Each `read_*` parses `text` (read from `file`, used only in diagnostics), checks it against
/// the kind's JSON Schema (project/schema.hpp) and a few cross-field rules, and returns the
/// struct. It throws Error(ExitCode::input) carrying every diagnostic found (file, line, field,
/// message, hint) when anything is wrong; nothing is returned half-read.
///
/// Each `write_*` returns clean TOML (UTF-8, LF, key order as in the schema, empty optional
/// strings and lists left out) that the matching `read_*` turns back into an identical value.
/// DateTime values are written as offset date-times in China Standard Time (+08:00); any
/// offset is accepted when reading and converted to CST. Writers throw Error(ExitCode::input)
/// when a string is not valid UTF-8.
#include <string>
#include <string_view>

#include "ldt/domain/registry.hpp"
#include "ldt/domain/settings.hpp"
#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// `ldt.toml`: [project] county, region_code, office; [rules]; [calendar].
/// Keys left out of [rules] take the defaults of Settings::Rules.
/// Also refuses min_age > max_age.
Settings read_settings(std::string_view text, std::string_view file);
/// Writes every rule (with its article as a comment), and [calendar] only when it has entries.
std::string write_settings(const Settings& settings);

/// `providers/<id>.toml`.
Provider read_provider(std::string_view text, std::string_view file);
std::string write_provider(const Provider& provider);

/// `instructors/<id>.toml`, credentials as [[credentials]] (Measures Art. 6).
/// Also refuses a credential whose valid_until is before its valid_from.
Instructor read_instructor(std::string_view text, std::string_view file);
std::string write_instructor(const Instructor& instructor);

/// `plans/<id>.toml`, schedule as [[schedule]] (Measures Art. 8.1, 10).
/// Also refuses window_end before window_start.
Plan read_plan(std::string_view text, std::string_view file);
std::string write_plan(const Plan& plan);

/// `plans/<id>.decision.toml`, amendments as [[amendments]] (Measures Art. 10).
/// Also refuses two amendments with the same number.
PlanDecision read_plan_decision(std::string_view text, std::string_view file);
std::string write_plan_decision(const PlanDecision& decision);

/// 1-based line of a top-level key in TOML text, 0 when absent or the text does not parse.
/// For messages about a value that is valid in itself but refers to something unknown.
int toml_key_line(std::string_view text, std::string_view key);

/// `sessions/<id>/session.toml`. Also refuses an end that is not after the start.
Session read_session(std::string_view text, std::string_view file);
std::string write_session(const Session& session);

}  // namespace ldt
