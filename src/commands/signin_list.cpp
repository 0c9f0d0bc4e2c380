// ldt signin list SESSION · ldt signin rejects SESSION [--output FILE]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

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
           label_cell(s.gender),    literal_cell(s.birth_date),
           address_cell(s.address), text_cell(s.town),
           text_cell(s.village),    commands::category_list_cell(split_categories(s.categories), ";")};
    return true;
  };
  if (options.unmask) context.journal_unmasked(options.session);
  Result result;
  result.document.add_table(std::move(table));
  result.unmask = options.unmask;
  return result;
}

/// For each reject, the sign-ins that likely are the same person accepted since from another
/// file (a corrected re-export): the same name, on the same day when the row's date can be
/// read (or the session has one day), from a source other than the reject's, imported at or
/// after it. Each as "name day, file line N".
std::vector<std::string> likely_matches(const Context& context, const Session& session,
                                        const std::vector<StoredReject>& rejects) {
  std::vector<std::string> out(rejects.size());
  if (rejects.empty()) return out;
  std::map<std::string, std::string> file_of;  // source sha256 → file name
  commands::read_if_present(context, record_path("sources", session.id), read_sources,
                            [&](StoredSource&& s) { file_of[s.sha256] = s.file; });
  std::multimap<std::string, StoredSignin> by_name;
  commands::read_if_present(context, record_path("signins", session.id), read_signins,
                            [&](StoredSignin&& s) { by_name.emplace(s.name, std::move(s)); });
  Date first = session.start.date;
  Date last = (session.ended_at ? *session.ended_at : session.end).date;
  for (std::size_t i = 0; i < rejects.size(); ++i) {
    const auto& reject = rejects[i];
    auto header = find_header({Record{1, 1, reject.header}}, signin_columns());
    if (!header) continue;
    auto cell = [&](Field field) -> std::optional<std::string> {
      auto column = header->column(field);
      if (!column || *column >= reject.cells.size()) return std::nullopt;
      return reject.cells[*column];
    };
    auto name_cell = cell(Field::name);
    if (!name_cell) continue;
    auto name = parse_person_name(*name_cell).name;
    std::optional<Date> day;
    if (first == last) day = first;
    if (auto date_cell = cell(Field::signed_at)) {
      auto parsed = parse_signin_date(*date_cell, first, last);
      if (!parsed.reject && parsed.warnings.empty()) day = parsed.day;
    }
    std::vector<std::string> matches;
    auto [from, to] = by_name.equal_range(name);
    for (auto it = from; it != to; ++it) {
      const StoredSignin& s = it->second;
      if (s.source_sha256 == reject.source_sha256 || s.imported_at < reject.imported_at) continue;
      if (day && s.day != format_date(*day)) continue;
      auto file = file_of.count(s.source_sha256) > 0 ? file_of[s.source_sha256] : s.source_sha256.substr(0, 8);
      matches.push_back(fmt::format(fmt::runtime(tr("{} {}, {} line {}")), s.name, s.day, file, s.source_line));
    }
    out[i] = fmt::format("{}", fmt::join(matches, "; "));
  }
  return out;
}

struct RejectsOptions {
  std::string session, output, reason;
  std::vector<std::string> dismiss;
};

Result rejects(Context& context, const RejectsOptions& options) {
  Session session = commands::load_session(context, options.session);
  if (!options.dismiss.empty()) {
    return commands::dismiss_rejects(
        context, {"rejects", "dismissed", session.id, fmt::format("ldt signin rejects {}", session.id)},
        options.dismiss, options.reason);
  }
  std::vector<StoredReject> stored;
  commands::read_if_present(context, record_path("rejects", options.session), read_rejects,
                            [&](StoredReject&& r) { stored.push_back(std::move(r)); });
  if (!options.output.empty()) {
    return commands::write_fix_file(context, stored, options.output,
                                    fmt::format("ldt signin import {}", options.session), options.session);
  }
  // The sheet is shown when a reject came from a workbook.
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
               {"likely_match", tr("likely match")},
               {"imported_at", "imported_at", false}},
              {},
              {},
              {}};
  auto ids = reject_ids(stored);
  auto matches = likely_matches(context, session, stored);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    const auto& r = stored[i];
    table.rows.push_back({literal_cell(ids[i]), text_cell(r.source_file), literal_cell(r.source_sha256),
                          text_cell(r.sheet), integer_cell(r.line), literal_cell(r.code), key_cell(r.field),
                          text_cell(r.message), text_cell(matches[i]), literal_cell(r.imported_at)});
  }
  Result result;
  result.document.add_table(std::move(table)).empty_text =
      fmt::format(fmt::runtime(tr("session {} has no open rejects")), options.session);
  if (std::any_of(matches.begin(), matches.end(), [](const std::string& m) { return !m.empty(); })) {
    result.diagnostics.push_back(Diagnostic{
        Severity::info,
        "likely-match",
        {},
        0,
        {},
        tr("a likely match is the same name accepted since from another file (a corrected re-export)"),
        fmt::format(fmt::runtime(tr("when it is the same person, close the reject with `ldt signin rejects {} "
                                    "--dismiss REJECT --reason TEXT`")),
                    options.session)});
  }
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

  auto rejects_options = std::make_shared<RejectsOptions>();
  auto* rejects_app = group->add_subcommand(
      "rejects", tr("list a session's open rejects, write them for fixing, or dismiss those that need no import"));
  rejects_app->add_option("session", rejects_options->session, tr("session id"))->required();
  commands::add_fix_loop_options(rejects_app, rejects_options->output, rejects_options->dismiss,
                                 rejects_options->reason);
  table.add(rejects_app, "signin rejects", Access::read,
            [rejects_options](Context& context) { return rejects(context, *rejects_options); });
}

}  // namespace ldt
