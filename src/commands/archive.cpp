// ldt session attach · ldt archive verify — the session's document archive (培训档案),
// Measures Art. 7, 8.2.4, 8.3.2, 8.3.3, 8.4.2.
#include "ldt/domain/archive.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/archive_store.hpp"
#include "ldt/report/render.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"
#include "ldt/util/zip_writer.hpp"

namespace ldt {

namespace {

struct AttachOptions {
  std::string session, kind, at, instructor, person_times;
  std::vector<std::string> files;
};

std::string kind_names() {
  std::vector<std::string_view> names;
  for (auto kind : document_kinds()) names.push_back(to_string(kind));
  return fmt::format("{}", fmt::join(names, ", "));
}

/// The checks of `session attach` that need no file: the kind and the options it takes.
DocumentKind attach_kind(const Session& session, const AttachOptions& options) {
  auto kind = document_kind_from_words(trim_blanks(options.kind));
  if (!kind) {
    throw input_error(
        fmt::format(fmt::runtime(tr("unknown document kind \"{}\"")), options.kind),
        fmt::format(fmt::runtime(tr("use one of: {} (or 通知, 名册, 签到表, 照片, 合影, 课件, 简介, 新闻稿, "
                                    "总结, 调查表, 跟踪孵化记录表, 视频, 其他)")),
                    kind_names()),
        {}, 0, "--kind");
  }
  if (!options.person_times.empty() && *kind != DocumentKind::summary) {
    throw input_error(tr("--person-times is the 人次 a summary states"),
                      tr("give it with --kind summary, or leave it out"), {}, 0, "--person-times");
  }
  if (*kind == DocumentKind::instructor_bio) {
    if (options.instructor.empty()) {
      throw input_error(tr("a bio must say whose it is"),
                        fmt::format(fmt::runtime(tr("add --instructor ID; the session's instructors: {}")),
                                    fmt::join(session.instructors, ", ")),
                        {}, 0, "--instructor");
    }
    if (std::find(session.instructors.begin(), session.instructors.end(), options.instructor) ==
        session.instructors.end()) {
      throw input_error(
          fmt::format(fmt::runtime(tr("instructor {} does not teach session {}")), options.instructor, session.id),
          fmt::format(fmt::runtime(tr("give the instructor's id, not the name; the session's instructors: {}")),
                      fmt::join(session.instructors, ", ")),
          {}, 0, "--instructor");
    }
  } else if (!options.instructor.empty()) {
    throw input_error(tr("--instructor names whose bio a document is"),
                      tr("give it with --kind instructor_bio, or leave it out"), {}, 0, "--instructor");
  }
  return *kind;
}

/// `--person-times N`: a whole number of 人次, 0 to 10,000,000; nullopt when not given.
std::optional<long long> person_times_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  long long value = -1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0 || value > 10'000'000) {
    throw input_error(fmt::format(fmt::runtime(tr("not a number of person-times: \"{}\"")), text),
                      tr("give the 人次 the summary states as a whole number, e.g. 60"), {}, 0, "--person-times");
  }
  return value;
}

/// Whether the archived file at `path` is there with the bytes of `sha256`.
bool intact(const fs::path& path, const std::string& sha256) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(path, ec)) && sha256_file(path) == sha256;
}

Result attach(Context& context, const AttachOptions& options) {
  Session session = commands::load_session(context, options.session);
  DocumentKind kind = attach_kind(session, options);
  if (kind == DocumentKind::instructor_bio && options.files.size() > 1) {
    throw input_error(tr("one bio per command: --instructor names whose bio the file is"),
                      tr("attach each instructor's bio with its own --instructor"), {}, 0, "--instructor");
  }
  std::optional<long long> person_times = person_times_option(options.person_times);
  DateTime now = context.now();
  DateTime at = options.at.empty() ? now : commands::time_option(options.at, "--at");
  if (now < at) {
    throw input_error(fmt::format(fmt::runtime(tr("--at {} is in the future")), format_datetime(at)),
                      tr("give when the document was produced or submitted"), {}, 0, "--at");
  }
  // A news article or a summary reports on the session: one dated before it started is a typo,
  // and would make a late document look on time.
  if ((kind == DocumentKind::news || kind == DocumentKind::summary) && at < session.start) {
    throw input_error(fmt::format(fmt::runtime(tr("--at {} is before the session started ({})")), format_datetime(at),
                                  format_datetime(session.start)),
                      tr("a news article or a summary is written after the session; give when it was submitted"), {}, 0,
                      "--at");
  }
  std::vector<ArchivedDocument> documents = context.index().archive_documents(session.id);
  auto dir = record_path("archive", session.id).parent_path();
  WriteSet writes(context.root());
  Table table{{{"kind", tr("kind")},
               {"file", tr("file")},
               {"stored", tr("stored as")},
               {"sha256", "SHA-256"},
               {"size", tr("bytes")},
               {"result", tr("result")}},
              {},
              {},
              {}};
  std::size_t before = documents.size();
  std::set<std::string> restored;  // stored names restored by this command
  for (const auto& file : options.files) {
    auto name = fs::path(file).filename().string();
    // Copied first, then named by the copy's hash: the archived bytes are the hashed bytes.
    StagedFile& copy = writes.copy_from(dir / name, file);
    const std::string sha = copy.sha256();
    auto size = static_cast<long long>(fs::file_size(copy.temp_path()));
    auto same = [&](const ArchivedDocument& d) { return d.sha256 == sha; };
    auto kept = std::find_if(documents.begin(), documents.end(), [&](const ArchivedDocument& d) {
      return same(d) && d.kind == kind && d.instructor == options.instructor;
    });
    std::string result = "archived";
    std::string stored;
    auto other = std::find_if(documents.begin(), documents.end(), same);
    if (other != documents.end()) {
      // The same bytes again (under this kind: nothing new; under another: one stored file,
      // two rows). A stored copy that is gone or altered is restored from these bytes, which
      // are the ones its manifest row names.
      stored = other->stored;
      bool restore = !restored.count(stored) && !intact(context.root() / dir / stored, sha);
      if (restore) {
        writes.relocate(copy, dir / stored);
        restored.insert(stored);
      } else {
        writes.drop(copy);
      }
      if (kept != documents.end()) result = restore ? "restored" : "unchanged";
    } else {
      stored = archive_stored_name(sha, name);
      // A name clash never overwrites: another file under this name gets a number.
      auto taken = [&](const std::string& candidate) {
        return std::any_of(documents.begin(), documents.end(),
                           [&](const ArchivedDocument& d) { return d.stored == candidate; }) ||
               fs::exists(context.root() / dir / candidate);
      };
      for (int n = 2; taken(stored); ++n) stored = fmt::format("{}-{}", n, archive_stored_name(sha, name));
      writes.relocate(copy, dir / stored);
    }
    if (result == "archived") {
      ArchivedDocument document;
      document.kind = kind;
      document.file = name;
      document.stored = stored;
      document.sha256 = sha;
      document.size = size;
      document.at = at;
      document.attached_at = now;
      document.by = context.actor();
      document.person_times = person_times;
      document.instructor = options.instructor;
      documents.push_back(std::move(document));
    }
    table.rows.push_back({label_cell(std::string(to_string(kind))), text_cell(name), literal_cell(stored),
                          literal_cell(sha), integer_cell(size), label_cell(result)});
  }
  Result out;
  if (documents.size() > before || !restored.empty()) {
    if (documents.size() > before) writes.put(record_path("archive", session.id), archive_manifest_file(documents));
    context.commit(writes, session.id);
  } else {
    out.diagnostics.push_back(Diagnostic{Severity::info,
                                         "archive-unchanged",
                                         {},
                                         0,
                                         {},
                                         tr("these bytes are already in the session's archive; nothing was written"),
                                         {}});
  }
  out.document.add_table(std::move(table));
  return out;
}

struct VerifyOptions {
  std::string session;
};

Result verify(Context& context, const VerifyOptions& options) {
  if (!options.session.empty()) commands::load_session(context, options.session);
  Table table{{{"session", tr("session")},
               {"kind", tr("kind")},
               {"file", tr("file")},
               {"path", tr("path")},
               {"bound", tr("bound archive")},
               {"state", tr("state")}},
              {},
              {},
              {}};
  Result result;
  long long files = 0, problems = 0;
  for (const auto& entry : context.index().archive_states(options.session)) {
    using State = ArchiveFileState::State;
    ++files;
    const char* state = "ok";
    switch (entry.state) {
      case State::ok:
        break;
      case State::missing:
        state = "missing";
        result.diagnostics.push_back(Diagnostic{Severity::error,
                                                "archive-missing",
                                                entry.path,
                                                0,
                                                {},
                                                tr("archived file is missing"),
                                                tr("restore it from a backup; the manifest holds its SHA-256")});
        break;
      case State::altered:
        state = "altered";
        result.diagnostics.push_back(
            Diagnostic{Severity::error,
                       "archive-altered",
                       entry.path,
                       0,
                       {},
                       tr("archived file was altered (its SHA-256 no longer matches the manifest)"),
                       tr("restore the original from a backup; attach a corrected document as a new file")});
        break;
      case State::unlisted:
        state = "unlisted";
        result.diagnostics.push_back(Diagnostic{Severity::error,
                                                "archive-unlisted",
                                                entry.path,
                                                0,
                                                {},
                                                tr("in the archive, but no manifest lists it"),
                                                tr("restore the manifest from a backup, or remove the file")});
        break;
    }
    if (entry.state != State::ok) ++problems;
    table.rows.push_back(
        {literal_cell(entry.session), label_cell(entry.kind), text_cell(entry.file), literal_cell(entry.path),
         flag_cell(entry.bound, entry.bound ? tr("yes") : tr("no (video, Art. 8.4.2)")), label_cell(state)});
  }
  result.document.add_table(std::move(table)).empty_text = tr("nothing archived");
  result.document.add_paragraphs(
      {fmt::format(fmt::runtime(tr("{} files checked, {} missing, altered or unlisted")), files, problems)});
  if (problems > 0) result.exit_code = ExitCode::findings;
  return result;
}

struct ExportOptions {
  std::string session, output;
  bool unmask = false;
};

/// `archive export SESSION --output FILE.zip` (Art. 7, 8.4.2): the session's record for the
/// office to file — session.toml, every archived document and imported export as stored, the
/// sign-in statistics table (签到统计表.csv), a manifest, and SHA256SUMS (`sha256sum -c` checks
/// it). Refused (exit 3) while an archived file is missing, altered or unlisted.
Result export_archive(Context& context, const ExportOptions& options) {
  Session session = commands::load_session(context, options.session);
  if (!ends_with_ignoring_case(options.output, ".zip")) {
    throw input_error(tr("the archive is written as a zip file"), tr("give --output a name ending in .zip"), {}, 0,
                      "--output");
  }
  auto states = context.index().archive_states(session.id);
  for (const auto& entry : states) {
    if (entry.state == ArchiveFileState::State::ok) continue;
    throw state_error(fmt::format(fmt::runtime(tr("{} is missing, altered or in no manifest: the archive cannot be "
                                                  "exported as it stands")),
                                  entry.path),
                      fmt::format(fmt::runtime(tr("`ldt archive verify --session {}` names every such file; restore "
                                                  "them first")),
                                  session.id));
  }
  // Exclusive first: an unmasked table is written only when its journal line can be.
  if (options.unmask) context.lock_for_writing();
  const std::string top = session.id + "/";
  std::vector<ZipMember> members;
  std::map<std::string, std::string> file_sha256;  // path in the zip → SHA-256 of an archived file
  members.push_back({top + "session.toml", read_file(context.root() / record_path("session", session.id))});
  Table manifest{{{"path", "path"},
                  {"kind", "kind"},
                  {"file", "file"},
                  {"sha256", "sha256"},
                  {"size", "size"},
                  {"bound", "bound"}},
                 {},
                 {},
                 {}};
  const fs::path session_dir = record_path("session", session.id).parent_path();
  for (const auto& entry : states) {
    // Streamed from the record while the zip is written; archive_states has just checked its SHA-256.
    fs::path file = context.root() / entry.path;
    std::string path = top + fs::path(entry.path).lexically_relative(session_dir).generic_string();
    manifest.rows.push_back({literal_cell(path), literal_cell(entry.kind), literal_cell(entry.file),
                             literal_cell(entry.sha256), integer_cell(static_cast<long long>(fs::file_size(file))),
                             literal_cell(entry.bound ? "yes" : "no")});
    file_sha256.emplace(path, entry.sha256);
    members.push_back({std::move(path), {}, std::move(file)});
  }
  Document statistics;
  statistics.add_table(commands::attendance_table(context, session));
  RenderOptions excel{Format::csv, options.unmask, true};
  members.push_back({top + "签到统计表.csv", render_to_string(statistics, excel)});
  Document manifest_document;
  manifest_document.add_table(std::move(manifest));
  members.push_back(
      {top + "manifest.csv", render_to_string(manifest_document, RenderOptions{Format::csv, true, false})});
  std::string sha256sums;
  // Paths relative to the folder SHA256SUMS is in: `cd SESSION && sha256sum -c SHA256SUMS`.
  for (const auto& member : members) {
    const std::string sha256 = member.file.empty() ? sha256_hex(member.bytes) : file_sha256.at(member.path);
    sha256sums += fmt::format("{}  {}\n", sha256, member.path.substr(top.size()));
  }
  members.push_back({top + "SHA256SUMS", std::move(sha256sums)});
  // Dated by the session's end, so that the same record gives the same bytes.
  const DateTime end = session.ended_at ? *session.ended_at : session.end;
  write_file_atomically(commands::output_path(context, options.output),
                        [&](const fs::path& temp) { write_zip(temp, members, epoch_seconds(end)); });
  if (options.unmask) context.journal_unmasked(session.id);
  return commands::message_result(fmt::format(
      fmt::runtime(tr("session {} exported to {}: {} files with the sign-in statistics, a manifest and SHA256SUMS")),
      session.id, options.output, members.size()));
}

}  // namespace

void register_archive(CommandTable& table) {
  auto* session = table.group("session", tr("training sessions (培训班)"));
  auto options = std::make_shared<AttachOptions>();
  auto* attach_app = session->add_subcommand("attach", tr("archive documents of a session (培训档案)"));
  attach_app->add_option("session", options->session, tr("session id"))->required();
  attach_app->add_option("--kind", options->kind, fmt::format(fmt::runtime(tr("what the files are: {}")), kind_names()))
      ->required();
  attach_app->add_option("files", options->files, tr("the files, copied byte for byte"))
      ->required()
      ->check(commands::input_file());
  attach_app->add_option("--at", options->at, tr("when the document was produced or submitted (default: now)"));
  attach_app->add_option("--person-times", options->person_times, tr("the 人次 the summary states (kind summary)"));
  attach_app->add_option("--instructor", options->instructor, tr("whose bio it is (kind instructor_bio)"));
  table.add(attach_app, "session attach", Access::write,
            [options](Context& context) { return attach(context, *options); });

  auto* group = table.group("archive", tr("the archive of documents and exports (培训档案)"));
  auto verify_options = std::make_shared<VerifyOptions>();
  auto* verify_app = group->add_subcommand("verify", tr("recompute the SHA-256 of every archived file"));
  verify_app->add_option("--session", verify_options->session, tr("only this session"));
  table.add(verify_app, "archive verify", Access::read,
            [verify_options](Context& context) { return verify(context, *verify_options); });

  auto export_options = std::make_shared<ExportOptions>();
  auto* export_app = group->add_subcommand(
      "export", tr("pack a session's archive into a zip for the office to file: documents, exports, the sign-in "
                   "statistics table, a manifest and SHA256SUMS"));
  export_app->add_option("session", export_options->session, tr("session id"))->required();
  export_app->add_option("--output", export_options->output, tr("the zip file to write"))
      ->required()
      ->option_text("FILE.zip");
  export_app->add_flag("--unmask", export_options->unmask,
                       tr("full ID numbers in the sign-in statistics table (journalled)"));
  table.add(export_app, "archive export", Access::read,
            [export_options](Context& context) { return export_archive(context, *export_options); });
}

}  // namespace ldt
