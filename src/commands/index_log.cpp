// ldt index rebuild|verify · ldt log [verify]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
using commands::Json;

ExitCode verify_index(Context& context) {
  auto index = Index::open_unrefreshed(context.root());
  VerifyResult result = index->verify();
  Json json = {{"ok", result.ok()}, {"stale", result.stale}, {"missing", result.missing}, {"unindexed", result.unindexed}};
  if (context.format == Format::json) {
    context.print(json.dump(2) + "\n");
  } else if (result.ok()) {
    context.print(tr("index and files agree\n"));
  } else {
    for (const auto& f : result.stale) context.print(fmt::format("{}: {}\n", f, tr("changed since indexed")));
    for (const auto& f : result.missing) context.print(fmt::format("{}: {}\n", f, tr("indexed but missing")));
    for (const auto& f : result.unindexed) context.print(fmt::format("{}: {}\n", f, tr("not indexed")));
    context.print(tr("the next ldt command (or `ldt index rebuild`) brings the index up to date\n"));
  }
  return result.ok() ? ExitCode::ok : ExitCode::findings;
}

ExitCode show_log(Context& context) {
  Table table{{"seq", tr("time"), tr("actor"), tr("command"), tr("target"), tr("files")}, {}};
  Json json = Json::array();
  for (const auto& entry : read_journal(context.root())) {
    std::vector<std::string> files;
    for (const auto& [path, sha] : entry.files) files.push_back(path);
    table.rows.push_back({std::to_string(entry.seq), entry.time, entry.actor, entry.command, entry.target,
                          fmt::format("{}", fmt::join(files, " "))});
    json.push_back({{"seq", entry.seq},
                    {"time", entry.time},
                    {"actor", entry.actor},
                    {"command", entry.command},
                    {"target", entry.target},
                    {"files", files}});
  }
  context.print_result(table, json);
  return ExitCode::ok;
}

ExitCode verify_log(Context& context) {
  auto problems = verify_journal(context.root());
  if (problems.empty()) {
    context.print(tr("journal.jsonl verifies: every line chains to the one before\n"));
    return ExitCode::ok;
  }
  throw Error(ExitCode::findings, std::move(problems));
}
}  // namespace

void register_index(CommandTable& table) {
  auto* group = table.group("index", tr("the disposable SQLite index (.ldt/index.sqlite)"));
  auto* rebuild = group->add_subcommand("rebuild", tr("recreate the index from the files"));
  table.add(rebuild, "index rebuild", Access::project, [](Context& context) {
    Index::open(context.root(), true);
    commands::confirm(context, tr("index rebuilt from the files"));
    return ExitCode::ok;
  });
  auto* verify = group->add_subcommand("verify", tr("say whether the index and the files agree"));
  table.add(verify, "index verify", Access::project, [](Context& context) { return verify_index(context); });
}

void register_log(CommandTable& table) {
  auto* app = table.root().add_subcommand("log", tr("show the journal; `ldt log verify` checks its hash chain"));
  table.add(app, "log", Access::project, [](Context& context) { return show_log(context); });
  // Registered after "log": when both parsed, the later entry (the subcommand) runs.
  auto* verify = app->add_subcommand("verify", tr("check the journal's hash chain"));
  table.add(verify, "log verify", Access::project, [](Context& context) { return verify_log(context); });
}

}  // namespace ldt
