// ldt index rebuild|verify · ldt log [verify]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
Result verify_index(Context& context) {
  std::unique_ptr<Index> index;
  if (Index::needs_rebuild(context.root())) {
    // Missing, damaged or of another version: it is rebuilt, and then it agrees by construction;
    // the checks of the record and the archive below still run.
    context.note(Diagnostic{Severity::warning,
                            "index-rebuilt",
                            {},
                            0,
                            {},
                            tr("the index was missing or damaged; rebuilt it from the files")});
    index = Index::open(context.root(), true);
  } else {
    index = Index::open_unrefreshed(context.root());
  }
  VerifyResult verify = index->verify();
  Result result;
  std::vector<std::string> lines;
  if (verify.ok()) lines.emplace_back(tr("index and files agree; every archived file matches its hash"));
  for (const auto& f : verify.stale) lines.push_back(fmt::format("{}: {}", f, tr("changed since indexed")));
  for (const auto& f : verify.missing) lines.push_back(fmt::format("{}: {}", f, tr("indexed but missing")));
  for (const auto& f : verify.unindexed) lines.push_back(fmt::format("{}: {}", f, tr("not indexed")));
  for (const auto& t : verify.damaged) {
    lines.push_back(fmt::format(fmt::runtime(tr("index table {}: rows differ from what the files give")), t));
  }
  for (const auto& d : verify.invalid) lines.push_back(format_diagnostic(d));
  lines.insert(lines.end(), verify.dangling.begin(), verify.dangling.end());
  lines.insert(lines.end(), verify.archive.begin(), verify.archive.end());
  if (!verify.stale.empty() || !verify.missing.empty() || !verify.unindexed.empty() || !verify.damaged.empty()) {
    lines.emplace_back(tr("`ldt index rebuild` brings the index up to date (the files are the record)"));
  }
  if (!verify.invalid.empty() || !verify.dangling.empty() || !verify.archive.empty()) {
    lines.emplace_back(
        tr("the record itself needs repair: fix or restore the files named above (version control, "
           "a backup)"));
  }
  std::vector<std::string> invalid;
  invalid.reserve(verify.invalid.size());
  for (const auto& d : verify.invalid) invalid.push_back(format_diagnostic(d));
  result.document.add_paragraphs(std::move(lines));
  result.document
      .add_record({{"ok", flag_cell(verify.ok(), {})},
                   {"stale", list_cell(verify.stale, " ")},
                   {"missing", list_cell(verify.missing, " ")},
                   {"unindexed", list_cell(verify.unindexed, " ")},
                   {"damaged", list_cell(verify.damaged, " ")},
                   {"invalid", list_cell(invalid, "\n")},
                   {"dangling", list_cell(verify.dangling, "\n")},
                   {"archive", list_cell(verify.archive, "\n")}})
      .human = false;
  result.exit_code = verify.ok() ? ExitCode::ok : ExitCode::findings;
  return result;
}

Result show_log(Context& context) {
  Table table{{{"seq", tr("seq")},
               {"time", tr("time")},
               {"actor", tr("actor")},
               {"command", tr("command")},
               {"target", tr("target")},
               {"files", tr("files")}},
              {},
              {},
              {}};
  for (const auto& entry : read_journal(context.root())) {
    std::vector<std::string> files;
    files.reserve(entry.files.size());
    for (const auto& [path, sha] : entry.files) files.push_back(path);
    table.rows.push_back({integer_cell(entry.seq), literal_cell(entry.time), text_cell(entry.actor),
                          literal_cell(entry.command), literal_cell(entry.target), list_cell(files, " ")});
  }
  Result result;
  result.document.add_table(std::move(table));
  return result;
}

Result verify_log(Context& context) {
  auto findings = check_journal_chain(verify_journal(context.root()));
  if (findings.empty())
    return commands::message_result(tr("journal.jsonl verifies: every line chains to the one before"));
  throw Error(ExitCode::findings, to_diagnostics(findings));
}
}  // namespace

void register_index(CommandTable& table) {
  auto* group = table.group("index", tr("the disposable SQLite index (.ldt/index.sqlite)"));
  auto* rebuild = group->add_subcommand("rebuild", tr("recreate the index from the files"));
  table.add(rebuild, "index rebuild", Access::project, [](Context& context) {
    Index::open(context.root(), true);
    return commands::message_result(tr("index rebuilt from the files"));
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
