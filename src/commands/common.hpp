#pragma once
// Helpers shared by the command files (private to src/commands).
#include <string>
#include <utility>
#include <vector>

#include "ldt/cli/context.hpp"
#include "ldt/domain/registry.hpp"
#include "ldt/report/document.hpp"
#include "ldt/report/render.hpp"

namespace ldt::commands {

/// The fields of a `show` command: a record for people (field, value) and one JSON object.
Result record_result(std::vector<RecordField> fields);
/// A one-line confirmation for people ("registered provider x"); nothing in JSON.
Result message_result(std::string message);
/// Refuses (exit 3) when `relative` already exists in the project.
void require_absent(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id);
/// Refuses (exit 2) when `relative` does not exist, naming the kind and the list command, and
/// where the reference was made (file, line, field) when it came from a file.
void require_present(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id,
                     std::string file = {}, int line = 0, std::string field = {});
/// The records of the project by id. Each refuses an unknown id (exit 2, naming the list
/// command) and reports an invalid file as file:line: field (exit 2).
Plan load_plan(const Context& context, const std::string& id);
PlanDecision load_plan_decision(const Context& context, const std::string& id);
Session load_session(const Context& context, const std::string& id);
Instructor load_instructor(const Context& context, const std::string& id);

/// Calls `reader(path, display, fn)` (a read_* of project/signin_store.hpp) on the canonical
/// file `relative` of the project when it exists; a missing file has no rows.
template <typename Reader, typename Fn>
void read_if_present(const Context& context, const fs::path& relative, Reader reader, Fn fn) {
  if (fs::exists(context.root() / relative)) reader(context.root() / relative, relative.generic_string(), fn);
}

/// Refuses (exit 2) an input file whose name is not UTF-8 text (a GBK name from Windows): the
/// project stores file names in UTF-8 files and must be able to read them back.
void require_utf8_file_name(const std::string& path);
/// Writes `document` rendered with `options` to `path` (--output): atomically, never inside the
/// project's record (it would overwrite it), never creating directories. Throws Error (exit 2).
void write_output(const Context& context, const std::string& path, const Document& document,
                  const RenderOptions& options);

}  // namespace ldt::commands
