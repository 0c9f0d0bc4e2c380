// ldt signin list SESSION · ldt signin rejects SESSION [--output FILE]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
struct ListOptions {
  std::string session, output;
  bool unmask = false;
};

std::vector<std::string> split_categories(const std::string& ids) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < ids.size()) {
    auto end = ids.find(';', start);
    out.push_back(ids.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Result list(Context& context, const ListOptions& options) {
  commands::require_present(context, record_path("session", options.session), "session", options.session);
  Table table{{{"day", tr("day")},
               {"id_number", tr("ID number")},
               {"name", tr("name")},
               {"phone", tr("phone")},
               {"gender", tr("gender")},
               {"birth_date", tr("birth date")},
               {"address", tr("address")},
               {"town", tr("town"), false},
               {"village", tr("village"), false},
               {"categories", tr("categories")}},
              {},
              {},
              {0, 2, 1, 4, 5, 3, 6, 9}};
  // Streamed from the index: a million sign-ins print in bounded memory.
  table.stream = [cursor = context.index().signin_cursor(options.session)](Row& row) {
    StoredSignin s;
    if (!cursor(s)) return false;
    row = {literal_cell(s.day),     id_number_cell(s.id_number),
           text_cell(s.name),       phone_cell(s.phone),
           literal_cell(s.gender),  literal_cell(s.birth_date),
           address_cell(s.address), text_cell(s.town),
           text_cell(s.village),    list_cell(split_categories(s.categories), ";")};
    return true;
  };
  if (options.unmask) context.journal_unmasked(options.session);
  Result result;
  result.document.add_table(std::move(table));
  result.unmask = options.unmask;
  return result;
}

/// True for a cell holding a 15- or 18-character ID number (digits, the last may be X).
bool looks_like_id_number(const std::string& cell) {
  return (cell.size() == 15 || cell.size() == 18) && cell.find_first_not_of("0123456789") >= cell.size() - 1 &&
         (std::isdigit(static_cast<unsigned char>(cell.back())) != 0 || cell.back() == 'X' || cell.back() == 'x');
}

/// The fix file: source_file, line, field, code, message, then the original columns as they
/// came (the union of the sources' headers; a repeated name is matched by its occurrence).
/// ID numbers are typed as such, so the renderer writes them as ="…" for Excel.
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
  for (const char* name : {"source_file", "line", "field", "code", "message"}) table.columns.push_back({name, name});
  for (const auto& [name, occurrence] : columns) table.columns.push_back({name, name});
  for (size_t r = 0; r < rejects.size(); ++r) {
    const auto& reject = rejects[r];
    Row row = {literal_cell(reject.source_file), literal_cell(std::to_string(reject.line)), literal_cell(reject.field),
               literal_cell(reject.code), literal_cell(reject.message)};
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

Result rejects(Context& context, const ListOptions& options) {
  commands::require_present(context, record_path("session", options.session), "session", options.session);
  if (!options.output.empty()) {
    std::vector<StoredReject> stored;
    commands::read_if_present(context, record_path("rejects", options.session), read_rejects,
                              [&](StoredReject&& r) { stored.push_back(std::move(r)); });
    // Exclusive first: the unmasked file is written only when its journal line can be.
    context.lock_for_writing();
    commands::write_output(context, options.output, fix_file(stored), RenderOptions{Format::csv, true, true});
    context.journal_unmasked(options.session);
    return commands::message_result(
        fmt::format(fmt::runtime(tr("open rejects written: {}, to {}: correct the cells in Excel/WPS, save as CSV, "
                                    "then `ldt signin import {} {}`")),
                    stored.size(), options.output, options.session, options.output));
  }
  Table table{{{"source_file", tr("source file")},
               {"source_sha256", "source_sha256", false},
               {"line", tr("line")},
               {"code", tr("code")},
               {"field", tr("field")},
               {"message", tr("message")},
               {"imported_at", "imported_at", false}},
              {},
              {},
              {}};
  for (const auto& r : context.index().rejects(options.session)) {
    table.rows.push_back({text_cell(r.source_file), literal_cell(r.source_sha256), integer_cell(r.line),
                          literal_cell(r.code), literal_cell(r.field), text_cell(r.message),
                          literal_cell(r.imported_at)});
  }
  Result result;
  result.document.add_table(std::move(table)).empty_text =
      fmt::format(fmt::runtime(tr("session {} has no open rejects")), options.session);
  return result;
}
}  // namespace

void register_signin_list(CommandTable& table) {
  auto* group = table.group("signin", tr("sign-in sheets (签到表): import, list, rejects"));
  auto options = std::make_shared<ListOptions>();
  auto* list_app = group->add_subcommand("list", tr("list a session's stored sign-ins (personal data masked)"));
  list_app->add_option("session", options->session, tr("session id"))->required();
  list_app->add_flag("--unmask", options->unmask, tr("show full ID numbers, phones and addresses (journalled)"));
  table.add(list_app, "signin list", Access::read, [options](Context& context) { return list(context, *options); });

  auto* rejects_app = group->add_subcommand("rejects", tr("list a session's open rejects, or write them for fixing"));
  rejects_app->add_option("session", options->session, tr("session id"))->required();
  rejects_app->add_option("--output", options->output,
                          tr("write the rejected rows as they came plus the reason, as a CSV Excel/WPS opens"));
  table.add(rejects_app, "signin rejects", Access::read,
            [options](Context& context) { return rejects(context, *options); });
}

}  // namespace ldt
