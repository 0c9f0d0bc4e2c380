// ldt signin import SESSION FILE… — the main job: wires the import engine (ingest/) to the
// session's files, the index and the journal.
#include "ldt/ingest/signin_import.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/removal_store.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/report/import_report.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
struct ImportOptions {
  std::string session;
  std::vector<std::string> files;
  std::string encoding = "auto";
  std::vector<std::string> sheets;
  bool dry_run = false;
  bool strict = false;
};

Result import(Context& context, const ImportOptions& options) {
  Session session = commands::load_session(context, options.session);
  auto encoding = parse_encoding_choice(options.encoding);
  if (!encoding) throw input_error(tr("--encoding must be auto, utf-8, gb18030 or utf-16"), {}, {}, 0, "--encoding");
  Index& index = context.index();
  SigninDeduper::Lookup lookup;
  if (index.has_trainees()) {
    lookup = [&index](const std::string& id) -> std::optional<KnownTrainee> {
      auto contact = index.trainee(id);
      if (!contact) return std::nullopt;
      return KnownTrainee{contact->name, contact->phone, contact->address};
    };
  }
  if (session.status == SessionStatus::closed) {
    context.note(Diagnostic{Severity::warning,
                            "session-closed",
                            record_path("session", session.id).generic_string(),
                            0,
                            {},
                            tr("the session is closed; late sign-ins are imported and journalled")});
  }
  const auto& rules = context.settings().rules;
  Date last_day = (session.ended_at ? *session.ended_at : session.end).date;
  SigninImport run(ImportSession{session.id, session.start.date, last_day, rules.min_age, rules.max_age},
                   signin_columns(), *encoding, format_datetime(context.now()), context.actor(), std::move(lookup));
  run.choose_sheets(options.sheets);
  commands::read_if_present(context, record_path("rejects", session.id), read_rejects,
                            [&](StoredReject&& r) { run.add_open_reject(std::move(r)); });
  commands::read_if_present(context, record_path("sources", session.id), read_sources,
                            [&](StoredSource&& s) { run.add_source(std::move(s)); });

  // signins.csv is rewritten: the stored rows, then each accepted row as it comes.
  WriteSet writes(context.root());
  StagedFile* out = &writes.open(record_path("signins", session.id));
  out->write(signins_header_line());
  index.begin_session_signins(session.id);
  auto store = [&](const StoredSignin& signin) {
    out->write(signin_line(signin));
    index.add_signin(signin);
  };
  auto days = std::make_optional(std::make_pair(session.start.date, last_day));
  auto read_stored = [&days](const fs::path& path, std::string_view display,
                             const std::function<void(StoredSignin &&)>& fn) {
    read_signins_of(path, display, days, fn);
  };
  // A corrected name (`trainee rename`) is the one later sheets must match; the stored rows keep
  // what their sources said.
  auto current_names = index.current_names();
  commands::read_if_present(context, record_path("signins", session.id), read_stored, [&](StoredSignin&& signin) {
    if (auto it = current_names.find(signin.id_number); it != current_names.end() && it->second != signin.name) {
      StoredSignin renamed = signin;
      renamed.name = it->second;
      run.add_stored(renamed);
    } else {
      run.add_stored(signin);
    }
    store(signin);
  });
  std::vector<SourceRemoval> removals;
  commands::read_if_present(context, record_path("removed", session.id), read_removals,
                            [&](SourceRemoval&& r) { removals.push_back(std::move(r)); });
  fs::path sources_dir = record_path("sources", session.id).parent_path();
  for (const auto& file : options.files) {
    // Read once: the export is copied into staging, then the copy is hashed, parsed and archived.
    StagedFile& copy = writes.copy_from(sources_dir / "incoming", file);
    for (const auto& removal : removals) {
      if (removal.sha256 != copy.sha256()) continue;
      throw state_error(fmt::format(fmt::runtime(tr("{} was removed from session {} on {} ({}); nothing was imported")),
                                    file, session.id, format_datetime(removal.at), removal.reason),
                        tr("import it into the session it belongs to"), file);
    }
    const FileReport& report = run.import_file(copy.temp_path(), file, copy.sha256(), store);
    if (report.archived_before)
      writes.drop(copy);
    else
      writes.relocate(copy, sources_dir / report.stored_as);
  }
  if (run.has_updates()) {
    // Repeated rows brought new phones or addresses: the staged file is written again with them.
    restage_signins(writes, *out, record_path("signins", session.id), [&](StoredSignin& signin) {
      if (run.apply_update(signin)) index.update_signin_contact(session.id, signin);
    });
  }
  writes.put(record_path("rejects", session.id), rejects_file(run.open_rejects()));
  writes.put(record_path("sources", session.id), sources_file(run.sources()));
  index.replace_session_rejects(session.id, run.open_rejects());
  index.replace_session_sources(session.id, run.sources());

  bool refused = options.strict && run.rejected() > 0;
  bool write = !options.dry_run && !refused;
  if (write)
    context.commit(writes, session.id);
  else
    index.rollback();

  Result result;
  result.document = import_report(session.id, run.reports(), options.dry_run, write);
  result.exit_code = run.rejected() > 0 ? ExitCode::findings : ExitCode::ok;
  if (refused && !options.dry_run) {
    result.diagnostics.push_back(Diagnostic{Severity::error,
                                            "strict",
                                            {},
                                            0,
                                            {},
                                            tr("--strict: rows were rejected, so nothing was imported"),
                                            tr("fix the rejected rows and import again, or import without --strict")});
  }
  return result;
}
}  // namespace

void register_signin_import(CommandTable& table) {
  auto* group = table.group("signin", tr("sign-in sheets (签到表): import, list, rejects"));
  auto options = std::make_shared<ImportOptions>();
  auto* app = group->add_subcommand(
      "import", tr("import sign-in sheets (Excel/WPS workbooks .xlsx/.xls, or CSV/TXT exports) into a session"));
  app->add_option("session", options->session, tr("session id"))->required();
  app->add_option("files", options->files, tr("exported files"))->required()->check(commands::input_file());
  app->add_option("--encoding", options->encoding, tr("auto, utf-8, gb18030 or utf-16 (default auto)"));
  app->add_option("--sheet", options->sheets,
                  tr("import only this sheet of a workbook: its name, or #N for the N-th sheet (may repeat; "
                     "default: every visible sheet with a header)"))
      ->option_text("NAME")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_flag("--dry-run", options->dry_run, tr("check and report, write nothing"));
  app->add_flag("--strict", options->strict, tr("import nothing if any row is rejected"));
  table.add(app, "signin import", Access::write, [options](Context& context) { return import(context, *options); });
}

}  // namespace ldt
