#pragma once
// Helpers shared by the command files (private to src/commands).
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ldt/cli/context.hpp"
#include "ldt/domain/registry.hpp"
#include "ldt/report/table.hpp"

namespace ldt::commands {

using Json = nlohmann::ordered_json;

/// A two-column field/value table for `show` commands.
Table key_values(const std::vector<std::pair<std::string, std::string>>& pairs);
/// Refuses (exit 3) when `relative` already exists in the project.
void require_absent(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id);
/// Refuses (exit 2) when `relative` does not exist, naming the kind and the list command, and
/// where the reference was made (file, line, field) when it came from a file.
void require_present(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id,
                     std::string file = {}, int line = 0, std::string field = {});
/// The JSON object of a key/value list (values as strings).
Json object_of(const std::vector<std::pair<std::string, std::string>>& pairs);
/// The records of the project by id. Each refuses an unknown id (exit 2, naming the list
/// command) and reports an invalid file as file:line: field (exit 2).
Plan load_plan(const Context& context, const std::string& id);
PlanDecision load_plan_decision(const Context& context, const std::string& id);
Session load_session(const Context& context, const std::string& id);
Instructor load_instructor(const Context& context, const std::string& id);

/// Writes a report or export to `path` (--output): atomically, never inside the project directory
/// (it would overwrite the record), never creating directories. Throws Error (exit 2).
void write_output(const Context& context, const std::string& path, std::string_view content);
/// Prints "<verb> <kind> <id>" as a one-line confirmation.
void confirm(const Context& context, std::string_view message);

}  // namespace ldt::commands
