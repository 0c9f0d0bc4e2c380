// ldt index rebuild|verify · ldt log [verify]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/index/index.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

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

Result verify_log(Context& context, const std::string& anchor_text) {
  auto findings = check_journal_chain(verify_journal(context.root()));
  // Lines cut off the end leave a chain that verifies; the index remembers the head it last
  // saw, as writers do (Context::require_sound_journal), so this check agrees with them.
  if (!Index::needs_rebuild(context.root())) {
    auto head = Index::open_unrefreshed(context.root())->recorded_journal_head();
    if (!head.empty() && !journal_keeps_head(context.root(), head)) {
      Finding finding{"journal-chain", Severity::error, "—"};
      finding.file = paths::k_journal;
      finding.message =
          fmt::format(fmt::runtime(tr("the journal lost lines: it no longer holds line {} as it was written")),
                      head.substr(0, head.find(' ')));
      finding.hint = tr("restore journal.jsonl from a backup or version control");
      findings.push_back(std::move(finding));
    }
  }
  // Copied from a letter or an e-mail: spaces around and upper-case digits are the same hash.
  std::string anchor = trim_blanks(anchor_text);
  std::transform(anchor.begin(), anchor.end(), anchor.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!anchor.empty()) {
    if (anchor.size() != 64 || anchor.find_first_not_of("0123456789abcdef") != std::string::npos) {
      throw input_error(tr("an anchor is the 64 hex digits `ldt log anchor` printed"),
                        tr("copy the hash from the letter or e-mail that keeps it"), {}, 0, "--anchor");
    }
    int line = journal_line_of(context.root(), anchor);
    if (line == 0) {
      Finding finding{"journal-chain", Severity::error, "—"};
      finding.file = paths::k_journal;
      finding.message = tr("the anchored line is gone: lines up to it were removed or changed, or cut off the end");
      finding.hint = tr("restore journal.jsonl from a backup; the anchor proves this copy is not the one anchored");
      findings.push_back(std::move(finding));
    } else if (findings.empty()) {
      return commands::message_result(fmt::format(
          fmt::runtime(tr("journal.jsonl verifies: every line chains to the one before, and line {} is the anchored "
                          "one, so no line up to it was removed or changed")),
          line));
    }
  }
  if (findings.empty())
    return commands::message_result(tr("journal.jsonl verifies: every line chains to the one before"));
  throw Error(ExitCode::findings, to_diagnostics(findings));
}

Result anchor_log(Context& context) {
  auto head = journal_head(context.root());
  if (head.empty()) {
    throw state_error(tr("the journal is empty: there is nothing to anchor yet"), tr("anchor after the first change"));
  }
  auto space = head.find(' ');
  Result result;
  result.document
      .add_record({{"lines", integer_cell(std::stoll(head.substr(0, space))), tr("lines")},
                   {"head", literal_cell(head.substr(space + 1)), tr("head hash")}})
      .paragraphs = {
      tr("keep the head hash outside the project (in a letter or an e-mail); `ldt log verify --anchor "
         "HASH` then proves that no line up to it was removed or changed")};
  return result;
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
  auto anchor = std::make_shared<std::string>();
  auto* verify = app->add_subcommand("verify", tr("check the journal's hash chain"));
  verify->add_option("--anchor", *anchor, tr("also prove the line of this head hash (from `ldt log anchor`) is kept"));
  table.add(verify, "log verify", Access::project, [anchor](Context& context) { return verify_log(context, *anchor); });
  auto* anchor_app = app->add_subcommand("anchor", tr("print the journal's head hash and line count, to keep outside"));
  table.add(anchor_app, "log anchor", Access::project, [](Context& context) { return anchor_log(context); });
}

}  // namespace ldt
