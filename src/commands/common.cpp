#include "common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "ldt/domain/category.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/report/render.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt::commands {

namespace {
/// True for a cell holding a 15- or 18-character ID number (digits, the last may be X).
bool looks_like_id_number(const std::string& cell) {
  return (cell.size() == 15 || cell.size() == 18) && cell.find_first_not_of("0123456789") >= cell.size() - 1 &&
         (std::isdigit(static_cast<unsigned char>(cell.back())) != 0 || cell.back() == 'X' || cell.back() == 'x');
}

}  // namespace

/// The fix file: source_file, source_sha256, sheet, line, field, code, message (which reject
/// each row answers, README "The fix loop"), then the original columns as they came (the union
/// of the sources' headers; a repeated name is matched by its occurrence). ID numbers are typed
/// as such, so the renderer writes them as ="…" for Excel.
Document fix_file(const std::vector<StoredReject>& rejects) {
  std::vector<std::pair<std::string, int>> columns;
  auto column_of = [&](const std::string& name, int occurrence) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == std::make_pair(name, occurrence)) return i;
    }
    columns.emplace_back(name, occurrence);
    return columns.size() - 1;
  };
  std::vector<std::map<size_t, std::string>> placed;
  for (const auto& reject : rejects) {
    std::map<std::string, int> seen;
    std::map<size_t, std::string> cells;
    for (size_t i = 0; i < reject.cells.size(); ++i) {
      std::string name = i < reject.header.size() ? reject.header[i] : std::string();
      cells[column_of(name, seen[name]++)] = reject.cells[i];
    }
    placed.push_back(std::move(cells));
  }
  Table table;
  for (const char* name : {"source_file", "source_sha256", "sheet", "line", "field", "code", "message"}) {
    table.columns.push_back({name, name});
  }
  for (const auto& [name, occurrence] : columns) table.columns.push_back({name, name});
  for (size_t r = 0; r < rejects.size(); ++r) {
    const auto& reject = rejects[r];
    Row row = {literal_cell(reject.source_file), literal_cell(reject.source_sha256),
               literal_cell(reject.sheet),       literal_cell(std::to_string(reject.line)),
               literal_cell(reject.field),       literal_cell(reject.code),  // the fix file keeps identifiers
               literal_cell(reject.message)};
    for (size_t c = 0; c < columns.size(); ++c) {
      auto it = placed[r].find(c);
      std::string cell = it == placed[r].end() ? std::string() : it->second;
      row.push_back(looks_like_id_number(cell) ? id_number_cell(cell) : literal_cell(cell));
    }
    table.rows.push_back(std::move(row));
  }
  Document document;
  document.add_table(std::move(table));
  return document;
}

Result dismiss_rejects(Context& context, const RejectFiles& files, const std::vector<std::string>& dismiss,
                       const std::string& reason) {
  if (trim_blanks(reason).empty()) {
    throw input_error(tr("--dismiss needs --reason: say why the row needs no import (e.g. 已由更正后的签到表导入)"), {},
                      {}, 0, "--reason");
  }
  context.lock_for_writing();  // read, decide and write under the exclusive lock
  std::vector<StoredReject> open;
  read_if_present(context, record_path(files.rejects_kind, files.id), read_rejects,
                  [&](StoredReject&& r) { open.push_back(std::move(r)); });
  std::vector<DismissedReject> dismissed;
  read_if_present(context, record_path(files.dismissed_kind, files.id), read_dismissed,
                  [&](DismissedReject&& d) { dismissed.push_back(std::move(d)); });
  auto ids = reject_ids(open);
  std::vector<bool> chosen(open.size(), false);
  for (const auto& wanted : dismiss) {
    auto it = std::find(ids.begin(), ids.end(), wanted);
    if (it == ids.end()) {
      throw input_error(fmt::format(fmt::runtime(tr("no open reject \"{}\"")), wanted),
                        fmt::format(fmt::runtime(tr("`{}` lists them with their ids")), files.list_command), {}, 0,
                        "--dismiss");
    }
    chosen[static_cast<std::size_t>(it - ids.begin())] = true;
  }
  std::vector<StoredReject> still_open;
  std::string now = format_datetime(context.now());
  for (std::size_t i = 0; i < open.size(); ++i) {
    if (chosen[i])
      dismissed.push_back(DismissedReject{open[i], now, context.actor(), reason});
    else
      still_open.push_back(open[i]);
  }
  WriteSet writes(context.root());
  writes.put(record_path(files.rejects_kind, files.id), rejects_file(still_open));
  writes.put(record_path(files.dismissed_kind, files.id), dismissed_file(dismissed));
  context.commit(writes, files.id.empty() ? std::string("followups") : files.id);
  return message_result(fmt::format(fmt::runtime(tr("dismissed {} reject(s); {} still open; they are kept in {}")),
                                    open.size() - still_open.size(), still_open.size(),
                                    record_path(files.dismissed_kind, files.id).generic_string()));
}

void add_fix_loop_options(CLI::App* app, std::string& output, std::vector<std::string>& dismiss, std::string& reason) {
  app->add_option("--output", output,
                  tr("write the rejected rows as they came plus the reason, for correcting in Excel/WPS: "
                     "an .xlsx workbook when FILE ends in .xlsx, else a CSV"))
      ->option_text("FILE");
  app->add_option("--dismiss", dismiss, tr("close these rejects (ids as listed) without importing them; journalled"))
      ->option_text("REJECT...");
  app->add_option("--reason", reason, tr("why the dismissed rows need no import"))->option_text("TEXT");
}

Table rejects_table(const std::vector<StoredReject>& stored) {
  const bool any_sheet =
      std::any_of(stored.begin(), stored.end(), [](const StoredReject& r) { return !r.sheet.empty(); });
  Table table{{{"id", tr("reject")},
               {"source_file", tr("source file")},
               {"source_sha256", "source_sha256", false},
               {"sheet", tr("sheet"), any_sheet},
               {"line", tr("line")},
               {"code", tr("code")},
               {"field", tr("field")},
               {"message", tr("message")},
               {"imported_at", "imported_at", false}},
              {},
              {},
              {}};
  auto ids = reject_ids(stored);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    const auto& r = stored[i];
    table.rows.push_back({literal_cell(ids[i]), text_cell(r.source_file), literal_cell(r.source_sha256),
                          text_cell(r.sheet), integer_cell(r.line), literal_cell(r.code), literal_cell(r.field),
                          text_cell(r.message), literal_cell(r.imported_at)});
  }
  return table;
}

Result write_fix_file(Context& context, const std::vector<StoredReject>& stored, const std::string& output,
                      const std::string& import_command, const std::string& target) {
  // Exclusive first: the unmasked file is written only when its journal line can be.
  context.lock_for_writing();
  // A name ending in .xlsx gets a workbook (README "The fix loop"); anything else a CSV for Excel.
  const bool workbook = ends_with_ignoring_case(output, ".xlsx");
  if (workbook) {
    write_output_bytes(context, output, render_xlsx(fix_file(stored), RenderOptions{Format::csv, true, true}));
  } else {
    write_output(context, output, fix_file(stored), RenderOptions{Format::csv, true, true});
  }
  context.journal_unmasked(target);
  return message_result(fmt::format(
      fmt::runtime(workbook ? tr("open rejects written: {}, to {}: correct the cells in Excel/WPS, save it, then "
                                 "`{} {}`")
                            : tr("open rejects written: {}, to {}: correct the cells in Excel/WPS, save as CSV, "
                                 "then `{} {}`")),
      stored.size(), output, import_command, output));
}

Result record_result(std::vector<RecordField> fields) {
  Result result;
  result.document.add_record(std::move(fields));
  return result;
}

DateTime time_option(const std::string& text, const char* flag) {
  auto time = parse_datetime(text);
  if (!time) {
    throw input_error(fmt::format(fmt::runtime(tr("not a time: \"{}\"")), text),
                      tr("use e.g. 2021-03-10 09:00, 2021-03-10T09:00, 2021/3/10 9:00 or 2021年3月10日 9:00 (CST)"), {},
                      0, flag);
  }
  return *time;
}

std::string trainee_id_option(const std::string& text, const char* flag) {
  std::string id = clean_id_text(text);
  if (id.find('*') != std::string::npos) {
    throw input_error(tr("this ID number is masked (with *), as listings show it"),
                      tr("give the full number: listings show it with --unmask (journalled), e.g. `ldt signin "
                         "attendance SESSION --unmask`"),
                      {}, 0, flag);
  }
  auto parsed = parse_id_number(id, *make_date(2100, 1, 1), 0, 200);
  if (!parsed.id) {
    throw input_error(tr("not a valid ID number (18 characters, GB 11643 check digit)"),
                      tr("give the trainee's 身份证号码, not the name; `ldt trainee list --unmask` lists them"), {}, 0,
                      flag);
  }
  return parsed.id->value;
}

Cell day_list_cell(const std::vector<Date>& days) {
  std::vector<std::string> items;
  items.reserve(days.size());
  for (Date day : days) items.push_back(format_date(day));
  return list_cell(std::move(items), " ");
}

Result message_result(std::string message) {
  Result result;
  result.document.add_paragraphs({std::move(message)});
  return result;
}

namespace {
/// Ids name files and directories of the project: [a-z0-9][a-z0-9-]*, as the JSON Schemas say.
/// Anything else (e.g. "../x") is refused before it becomes a path.
void require_valid_id(std::string_view kind, std::string_view id) {
  bool valid = !id.empty() && id.size() <= 100 && id.front() != '-';
  for (char c : id) valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!valid) {
    throw input_error(fmt::format(fmt::runtime(tr("\"{}\" is not a valid {} id")), id, label_of(kind)),
                      tr("ids use lower-case letters a-z, digits and '-', starting with a letter or digit"));
  }
}
}  // namespace

void require_absent(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id) {
  require_valid_id(kind, id);
  if (fs::exists(context.root() / relative)) {
    throw state_error(fmt::format(fmt::runtime(tr("{} \"{}\" already exists")), label_of(kind), id),
                      tr("choose another id, or edit the existing file"), relative.generic_string());
  }
}

void require_present(const Context& context, const fs::path& relative, std::string_view kind, std::string_view id,
                     std::string file, int line, std::string field) {
  require_valid_id(kind, id);
  if (!fs::exists(context.root() / relative)) {
    throw input_error(fmt::format(fmt::runtime(tr("unknown {} \"{}\"")), label_of(kind), id),
                      fmt::format(fmt::runtime(tr("see `ldt {} list` for the known ones")), kind), std::move(file),
                      line, std::move(field));
  }
}

namespace {
/// Reads the record file `relative` of the project with `reader` (a read_* of records.hpp).
template <typename Reader>
auto read_record(const Context& context, const fs::path& relative, Reader reader) {
  auto name = relative.generic_string();
  return reader(read_file(context.root() / relative, name), name);
}
}  // namespace

Plan load_plan(const Context& context, const std::string& id) {
  require_present(context, record_path("plan", id), "plan", id);
  return read_record(context, record_path("plan", id), read_plan);
}

PlanDecision load_plan_decision(const Context& context, const std::string& id) {
  require_present(context, record_path("plan", id), "plan", id);
  return read_record(context, record_path("plan_decision", id), read_plan_decision);
}

Session load_session(const Context& context, const std::string& id) {
  require_present(context, record_path("session", id), "session", id);
  return read_record(context, record_path("session", id), read_session);
}

Cell category_list_cell(const std::vector<std::string>& ids, std::string separator) {
  Cell cell = list_cell(ids, std::move(separator));
  if (current_language() != Language::zh) return cell;
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const auto category = category_from_id(id);
    names.emplace_back(category ? std::string(category_label_zh(*category)) : id);
  }
  cell.text = fmt::format("{}", fmt::join(names, "、"));
  return cell;
}

Instructor load_instructor(const Context& context, const std::string& id) {
  require_present(context, record_path("instructor", id), "instructor", id);
  return read_record(context, record_path("instructor", id), read_instructor);
}

std::string input_file_problem(const std::string& path, std::uintmax_t max_bytes) {
  auto name = fs::path(path).filename().string();
  auto with_hint = [](const char* message, const char* hint) { return fmt::format("{}{}{}", message, tr("; "), hint); };
  if (!is_valid_utf8(name)) {
    return with_hint(tr("the file name is not UTF-8 text (a name made on Windows in GBK?), so the project could not "
                        "record it"),
                     tr("rename the file, e.g. to 签到表.csv, and try again"));
  }
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return with_hint(tr("the file name holds a control character (a line break or a tab), which the project "
                        "cannot record as a name"),
                     tr("rename the file without them, e.g. to 签到表.csv"));
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return with_hint(tr("no such file"), tr("check the path"));
  if (!S_ISREG(info.st_mode)) {
    return with_hint(tr("not a regular file (a directory, a pipe or a device)"), tr("give the path of a file"));
  }
  if (max_bytes > 0 && static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return fmt::format(fmt::runtime(tr("the file is {} bytes; a record file may have at most {}; is this the right "
                                       "file?")),
                       info.st_size, max_bytes);
  }
  return {};
}

CLI::Validator input_file(std::uintmax_t max_bytes) {
  return {[max_bytes](std::string& path) {
            auto problem = input_file_problem(path, max_bytes);
            return problem.empty() ? problem : fmt::format("{}: {}", path, problem);
          },
          ""};
}

void write_output(const Context& context, const std::string& path, const Document& document,
                  const RenderOptions& options) {
  write_output_bytes(context, path, render_to_string(document, options));
}

fs::path output_path(const Context& context, const std::string& path) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::absolute(path), ec);
  fs::path root = fs::weakly_canonical(context.root(), ec);
  auto [root_end, inside] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  if (root_end == root.end() && inside != target.end()) {
    auto record = record_top_level_names();
    if (std::find(record.begin(), record.end(), inside->string()) != record.end()) {
      throw input_error(tr("--output would overwrite the project's record"),
                        tr("write reports and exports elsewhere, e.g. --output 统计表.csv"), path, 0, "--output");
    }
  }
  auto status = fs::status(target, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    throw input_error(tr("not a regular file but a directory, device or pipe; it is left as it is"),
                      tr("give --output the path of a file to write"), path, 0, "--output");
  }
  return target;
}

void write_output_bytes(const Context& context, const std::string& path, std::string_view content) {
  write_file_atomically(output_path(context, path), content);
}

}  // namespace ldt::commands
