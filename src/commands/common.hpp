#pragma once
// Helpers shared by the command files (private to src/commands).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ldt/cli/context.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/followup.hpp"
#include "ldt/domain/registry.hpp"
#include "ldt/report/document.hpp"
#include "ldt/report/render.hpp"

namespace ldt::commands {

/// The fields of a `show` command: a record for people (field, value) and one JSON object.
Result record_result(std::vector<RecordField> fields);
/// A one-line confirmation for people ("registered provider x"); nothing in JSON.
Result message_result(std::string message);

/// A list of category ids (domain/category.hpp): JSON gets the ids, people read the categories'
/// Chinese names in Chinese (建档立卡贫困户、农村青年) and the ids in English.
Cell category_list_cell(const std::vector<std::string>& ids, std::string separator);
/// The time of a command-line option (`--start`, `--at`): CST, in any form parse_datetime
/// accepts. Throws Error (exit 2) naming `flag` and the accepted forms.
DateTime time_option(const std::string& text, const char* flag);
/// The ID number of `--trainee ID` (and the like): cleaned as a sign-in cell is (spaces, a
/// lower-case x, full-width digits). Throws Error (exit 2) for a masked number pasted from a
/// listing (it says how to see the full one), a name, or a number that is not a valid ID.
std::string trainee_id_option(const std::string& text, const char* flag);
/// Days as a list cell of ISO dates ("2021-03-10 2021-03-11" for people, an array in JSON).
Cell day_list_cell(const std::vector<Date>& days);
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

/// The size limit of a record file given on the command line (a provider's or a plan's TOML):
/// 1 MiB, far above any real record, far below what would exhaust memory (README "Limits").
inline constexpr std::uintmax_t k_max_record_bytes = 1U << 20U;

/// What is wrong with `path` as an input file, or empty when it is fine: it must be a regular
/// file (not a FIFO, a device or a directory: those could hang or never end), of at most
/// `max_bytes` when that is not 0, and its name must be UTF-8 text without control characters
/// (the project records names; a GBK name from Windows could not be read back, a newline or a
/// tab would be syntax). Checked when the command line is parsed, before the lock is taken.
std::string input_file_problem(const std::string& path, std::uintmax_t max_bytes = 0);
/// The same as a CLI11 check for an option or argument.
CLI::Validator input_file(std::uintmax_t max_bytes = 0);
/// Writes `document` rendered with `options` to `path` (--output): atomically, never inside the
/// project's record (it would overwrite it), never creating directories. Throws Error (exit 2).
void write_output(const Context& context, const std::string& path, const Document& document,
                  const RenderOptions& options);
/// The same for bytes already rendered (an .xlsx from render_xlsx).
void write_output_bytes(const Context& context, const std::string& path, std::string_view content);
/// The absolute, link-resolved path --output `path` names, once checked: not inside the
/// project's record, not an existing directory, device or pipe. Throws Error (exit 2).
fs::path output_path(const Context& context, const std::string& path);

/// Where a fix loop keeps its rejects: the record kinds of the open and the dismissed ones, the
/// id they are under (a session; empty for follow-ups) and the command that lists them.
struct RejectFiles {
  std::string rejects_kind, dismissed_kind, id, list_command;
};
/// `… rejects --dismiss REJECT… --reason TEXT`: moves those rejects (ids as `reject_ids` gives
/// them) from the open to the dismissed file with the reason, the time and the actor;
/// journalled. An unknown REJECT or an empty reason refuses all (exit 2).
Result dismiss_rejects(Context& context, const RejectFiles& files, const std::vector<std::string>& dismiss,
                       const std::string& reason);

/// The options of every `… rejects` command (the fix loop): --output FILE, --dismiss REJECT…,
/// --reason TEXT.
void add_fix_loop_options(CLI::App* app, std::string& output, std::vector<std::string>& dismiss, std::string& reason);

/// Open rejects for people (`survey rejects`, `followup rejects`): source file, sheet (when any
/// came from a workbook), line, code, field, message.
Table rejects_table(const std::vector<StoredReject>& stored);

/// `… rejects SESSION --output FILE`: writes the open rejects `stored` as the fix file (an .xlsx
/// workbook when FILE ends in .xlsx, else a CSV for Excel): the reason columns, then the rows as
/// they came, unmasked (journalled against `target`). The message says to import it with
/// `import_command FILE`.
Result write_fix_file(Context& context, const std::vector<StoredReject>& stored, const std::string& output,
                      const std::string& import_command, const std::string& target);

/// The follow-ups as a table (followup list, trainee show): date, trainee and name (for people
/// only when `with_trainee`), method, staff, outcomes, service, note. `names`: ID number → name.
Table followup_table(const std::vector<Followup>& followups, const std::unordered_map<std::string, std::string>& names,
                     bool with_trainee);

/// Days present, on leave and absent per trainee of `session` (Art. 9; `signin attendance`, the
/// 签到统计表 of `archive export`): ID number, name, the three counts (for people), the three lists.
Table attendance_table(Context& context, const Session& session);

}  // namespace ldt::commands
