// ldt signin remove — undo an import into the wrong session (Measures Art. 7: the sign-in
// record of a session must be its own). Nothing is lost: the export stays archived, the
// removal is recorded and journalled.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/removal_store.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

struct RemoveOptions {
  std::string session, source, reason;
};

/// The session's source whose SHA-256 is `sha` or starts with it (at least 12 hex digits, as
/// listings show them); Error (exit 2) naming the session's sources otherwise.
const StoredSource& find_source(const std::vector<StoredSource>& sources, const std::string& sha,
                                const std::string& typed, const std::string& session) {
  std::vector<const StoredSource*> matches;
  if (sha.size() >= 12 && sha.size() <= 64 && sha.find_first_not_of("0123456789abcdef") == std::string::npos) {
    for (const auto& source : sources) {
      if (source.sha256.starts_with(sha)) matches.push_back(&source);
    }
  }
  if (matches.size() == 1) return *matches.front();
  std::vector<std::string> known;
  known.reserve(sources.size());
  for (const auto& source : sources) known.push_back(fmt::format("{} {}", source.sha256.substr(0, 12), source.file));
  throw input_error(
      fmt::format(fmt::runtime(tr("session {} has no imported file with SHA-256 \"{}\"")), session, typed),
      known.empty() ? tr("nothing was imported into this session")
                    : fmt::format(fmt::runtime(tr("give at least its first 12 hex digits; its files: {}")),
                                  fmt::join(known, "; ")),
      {}, 0, "--source");
}

Result remove(Context& context, const RemoveOptions& options) {
  Session session = commands::load_session(context, options.session);
  std::string reason = trim_blanks(options.reason);
  if (reason.empty()) {
    throw input_error(tr("the reason is empty"), tr("say why the import is undone, e.g. 导入错了培训班"), {}, 0,
                      "--reason");
  }
  std::vector<StoredSource> sources;
  commands::read_if_present(context, record_path("sources", session.id), read_sources,
                            [&](StoredSource&& s) { sources.push_back(std::move(s)); });
  std::string sha = trim_blanks(options.source);
  std::transform(sha.begin(), sha.end(), sha.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const StoredSource& source = find_source(sources, sha, options.source, session.id);
  std::vector<SourceRemoval> removals;
  commands::read_if_present(context, record_path("removed", session.id), read_removals,
                            [&](SourceRemoval&& r) { removals.push_back(std::move(r)); });
  if (std::any_of(removals.begin(), removals.end(),
                  [&](const SourceRemoval& r) { return r.sha256 == source.sha256; })) {
    throw state_error(fmt::format(fmt::runtime(tr("{} was already removed from session {}")), source.file, session.id),
                      {});
  }
  WriteSet writes(context.root());
  SourceRemoval removal{source.sha256, source.file, reason, context.now(), context.actor(), 0, 0};
  StagedFile& signins = writes.open(record_path("signins", session.id));
  signins.write(signins_header_line());
  commands::read_if_present(context, record_path("signins", session.id), read_signins, [&](StoredSignin&& s) {
    if (s.source_sha256 == source.sha256) {
      ++removal.signins;
    } else {
      signins.write(signin_line(s));
    }
  });
  std::vector<StoredReject> rejects;
  commands::read_if_present(context, record_path("rejects", session.id), read_rejects, [&](StoredReject&& r) {
    if (r.source_sha256 == source.sha256) {
      ++removal.rejects;
    } else {
      rejects.push_back(std::move(r));
    }
  });
  writes.put(record_path("rejects", session.id), rejects_file(rejects));
  removals.push_back(removal);
  writes.put(record_path("removed", session.id), removals_file(removals));
  context.commit(writes, session.id);
  return commands::message_result(fmt::format(
      fmt::runtime(tr("removed {} sign-ins and {} rejects of {} (sha256 {}) from session {}; the file stays archived "
                      "in sources/")),
      removal.signins, removal.rejects, source.file, source.sha256.substr(0, 12), session.id));
}

}  // namespace

void register_signin_remove(CommandTable& table) {
  auto* group = table.group("signin", tr("sign-in sheets (签到表): import, list, rejects"));
  auto options = std::make_shared<RemoveOptions>();
  auto* app = group->add_subcommand("remove", tr("undo an import into the wrong session (the file stays archived)"));
  app->add_option("session", options->session, tr("session id"))->required();
  app->add_option("--source", options->source, tr("SHA-256 of the imported file (at least its first 12 hex digits)"))
      ->required();
  app->add_option("--reason", options->reason, tr("why (journalled)"))->required();
  table.add(app, "signin remove", Access::write, [options](Context& context) { return remove(context, *options); });
}

}  // namespace ldt
