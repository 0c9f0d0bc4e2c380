// ldt signin list SESSION · ldt signin rejects SESSION [--output FILE]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
using commands::Json;

struct ListOptions {
  std::string session, output;
  bool unmask = false;
};

Json split_categories(const std::string& ids) {
  Json out = Json::array();
  size_t start = 0;
  while (start < ids.size()) {
    auto end = ids.find(';', start);
    out.push_back(ids.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

/// Journals an export of unmasked personal data (SPEC §7); no file changes.
void journal_unmasked(Context& context, const std::string& target) {
  WriteSet writes(context.root());
  context.commit(writes, target);
}

ExitCode list(Context& context, const ListOptions& options) {
  commands::require_present(context, paths::session(options.session), "session", options.session);
  Table table{{tr("day"), tr("name"), tr("ID number"), tr("gender"), tr("birth date"), tr("phone"), tr("address"),
               tr("categories")},
              {}};
  Json json = Json::array();
  for (const auto& s : context.index().signins(options.session)) {
    std::string id = options.unmask ? s.id_number : mask_id_number(s.id_number);
    std::string phone = options.unmask || s.phone.empty() ? s.phone : mask_phone(s.phone);
    std::string address = options.unmask || s.address.empty() ? s.address : "***";
    table.rows.push_back({s.day, s.name, id, s.gender, s.birth_date, phone, address, s.categories});
    json.push_back({{"day", s.day},
                    {"id_number", id},
                    {"name", s.name},
                    {"phone", phone},
                    {"gender", s.gender},
                    {"birth_date", s.birth_date},
                    {"address", address},
                    {"town", s.town},
                    {"village", s.village},
                    {"categories", split_categories(s.categories)}});
  }
  context.print_result(table, json);
  if (options.unmask) journal_unmasked(context, options.session);
  return ExitCode::ok;
}

/// A 15- or 18-character ID number as ="…", so that Excel and WPS keep it as text instead of
/// rounding it to 4.41523E+17 when the file is opened and saved; the import strips the wrapper.
std::string excel_text(const std::string& cell) {
  bool id_like = (cell.size() == 15 || cell.size() == 18) &&
                 cell.find_first_not_of("0123456789") >= cell.size() - 1 &&
                 (std::isdigit(static_cast<unsigned char>(cell.back())) != 0 || cell.back() == 'X' || cell.back() == 'x');
  return id_like ? "=\"" + cell + "\"" : cell;
}

/// The fix file: source_file, line, field, code, message, then the original columns (SPEC §5).
std::string fix_file(const std::vector<StoredReject>& rejects) {
  // Union of the sources' header columns; a repeated name is matched by its occurrence.
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
  std::vector<std::string> header = {"source_file", "line", "field", "code", "message"};
  for (const auto& [name, occurrence] : columns) header.push_back(name);
  std::string out = "\xEF\xBB\xBF" + csv_line(header);
  for (size_t r = 0; r < rejects.size(); ++r) {
    const auto& reject = rejects[r];
    std::vector<std::string> row = {reject.source_file, std::to_string(reject.line), reject.field, reject.code,
                                    reject.message};
    for (size_t c = 0; c < columns.size(); ++c) {
      auto it = placed[r].find(c);
      row.push_back(it == placed[r].end() ? std::string() : excel_text(it->second));
    }
    out += csv_line(row);
  }
  return out;
}

ExitCode rejects(Context& context, const ListOptions& options) {
  commands::require_present(context, paths::session(options.session), "session", options.session);
  if (!options.output.empty()) {
    std::vector<StoredReject> stored;
    auto path = context.root() / paths::rejects(options.session);
    if (fs::exists(path)) {
      read_rejects(path, paths::rejects(options.session).generic_string(),
                   [&](StoredReject&& r) { stored.push_back(std::move(r)); });
    }
    commands::write_output(context, options.output, fix_file(stored));
    journal_unmasked(context, options.session);
    commands::confirm(context,
                      fmt::format(fmt::runtime(tr("open rejects written: {}, to {}: correct the cells in Excel/WPS, save "
                                                  "as CSV, then `ldt signin import {} {}`")),
                                  stored.size(), options.output, options.session, options.output));
    return ExitCode::ok;
  }
  Table table{{tr("source file"), tr("line"), tr("code"), tr("field"), tr("message")}, {}};
  Json json = Json::array();
  for (const auto& r : context.index().rejects(options.session)) {
    table.rows.push_back({r.source_file, std::to_string(r.line), r.code, r.field, r.message});
    json.push_back({{"source_file", r.source_file},
                    {"source_sha256", r.source_sha256},
                    {"line", r.line},
                    {"code", r.code},
                    {"field", r.field},
                    {"message", r.message},
                    {"imported_at", r.imported_at}});
  }
  if (table.rows.empty() && context.format == Format::table) {
    context.print(fmt::format(fmt::runtime(tr("session {} has no open rejects\n")), options.session));
  } else {
    context.print_result(table, json);
  }
  return ExitCode::ok;
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
