// ldt signin import SESSION FILE… — SPEC §5, the main job.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/ingest/signin_import.hpp"
#include "ldt/ingest/signin_rows.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {
using commands::Json;

struct ImportOptions {
  std::string session;
  std::vector<std::string> files;
  std::string encoding = "auto";
  bool dry_run = false;
  bool strict = false;
};

struct LineIssue {
  int line = 0;
  Issue issue;
};

/// What one source file gave.
struct FileReport {
  std::string file, sha256, encoding, title;
  int header_line = 0;
  long long rows = 0, accepted = 0, duplicates = 0, updated = 0, rejected = 0, skipped = 0;
  std::vector<LineIssue> rejects, warnings;
  bool archived_before = false;  ///< the same bytes were imported before (re-import)
};

/// The state of one import run over one session.
struct Run {
  Context& context;
  ImportSession session;
  EncodingChoice encoding;
  std::string now;
  WriteSet writes;
  SigninDeduper deduper;
  StagedFile* out = nullptr;
  std::vector<StoredReject> open_rejects;
  std::vector<StoredSource> sources;
  /// (id_number, day) → the row carrying a new phone or address.
  std::map<std::pair<std::string, std::string>, StoredSignin> updates;
  std::vector<FileReport> reports;
};

std::string expected_columns() {
  return "姓名, 身份证号码 (身份证号/证件号码/公民身份号码), 联系电话 (手机/手机号码/电话), 家庭住址, 所在镇, 所在村, "
         "人员类别, 是否贫困户, 是否残疾人, 签到时间";
}

/// Reads up to 30 records and finds the header; refuses a file without one (exit 2).
HeaderMap read_header(RecordReader& reader, std::vector<Record>& head, const std::string& file) {
  Record record;
  while (head.size() < 30 && reader.next(record)) head.push_back(record);
  auto header = find_header(head);
  if (!header) {
    throw input_error(fmt::format(fmt::runtime(tr("no header row found in the first 30 rows: no row names at least "
                                                  "two known columns. Expected columns such as: {}")),
                                  expected_columns()),
                      tr("rename the header cells to these names, or export the sign-in sheet again"), file);
  }
  for (Field required : {Field::name, Field::id_number}) {
    if (!header->column(required)) {
      throw input_error(fmt::format(fmt::runtime(tr("the header on line {} has no {} column")), header->line,
                                    required == Field::name ? "姓名 (name)" : "身份证号码 (ID number)"),
                        fmt::format(fmt::runtime(tr("expected columns such as: {}")), expected_columns()), file,
                        header->line);
    }
  }
  return *header;
}

std::string title_of(const std::vector<Record>& head, const HeaderMap& header) {
  std::string title;
  for (size_t i = 0; i < header.record_index && i < head.size(); ++i) {
    for (const auto& cell : head[i].cells) {
      if (trim_blanks(cell).empty()) continue;
      if (!title.empty()) title += " / ";
      title += cell;
    }
  }
  return title;
}

/// Where a fix-file row came from: (source_file, line) of the original reject.
std::optional<std::pair<std::string, int>> fix_origin(const HeaderMap& header, const Record& record) {
  auto file_column = header.column(Field::reject_source_file);
  auto line_column = header.column(Field::reject_line);
  if (!header.is_fix_file || !file_column || !line_column || *line_column >= record.cells.size()) return std::nullopt;
  try {
    return std::make_pair(record.cells[*file_column], std::stoi(record.cells[*line_column]));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void keep_reject(Run& run, StoredReject reject, const std::optional<std::pair<std::string, int>>& origin,
                 bool archived_before) {
  for (auto& open : run.open_rejects) {
    bool same = origin ? (open.source_file == origin->first && open.line == origin->second)
                       : (open.source_sha256 == reject.source_sha256 && open.line == reject.line);
    if (!same) continue;
    if (origin) {
      reject.source_file = open.source_file;
      reject.source_sha256 = open.source_sha256;
      reject.line = open.line;
    }
    open = std::move(reject);
    return;
  }
  // Re-importing a file adds nothing: a row of it that is no longer open was fixed since.
  // A fix-file row only updates its original reject; when that is no longer open, it was fixed.
  if (!archived_before && !origin) run.open_rejects.push_back(std::move(reject));
}

void close_reject(Run& run, const std::pair<std::string, int>& origin) {
  std::erase_if(run.open_rejects, [&](const StoredReject& open) {
    return open.source_file == origin.first && open.line == origin.second;
  });
}

void import_record(Run& run, FileReport& report, const HeaderMap& header, const Record& record) {
  if (is_blank_row(record)) return;
  if (is_footer_row(record)) {
    ++report.skipped;
    return;
  }
  ++report.rows;
  auto origin = fix_origin(header, record);
  NormalizedRow row = normalize_row(header, record, run.session);
  std::optional<Issue> reject = row.reject;
  SigninDecision decision;
  if (!reject) {
    row.signin->source_sha256 = report.sha256;
    row.signin->imported_at = run.now;
    decision = run.deduper.decide(*row.signin);
    reject = decision.reject;
  }
  if (reject) {
    ++report.rejected;
    int line = record.problem == Record::Problem::quote ? record.problem_line : record.line;
    report.rejects.push_back({line, *reject});
    keep_reject(run,
                StoredReject{report.file, report.sha256, line, reject->field, reject->code, reject->message, run.now,
                             header.names, record.cells},
                origin, report.archived_before);
    return;
  }
  for (auto& warning : row.warnings) report.warnings.push_back({record.line, std::move(warning)});
  if (decision.warning) report.warnings.push_back({record.line, *decision.warning});
  if (origin) close_reject(run, *origin);
  StoredSignin& signin = *row.signin;
  switch (decision.verdict) {
    case SigninVerdict::accepted:
      ++report.accepted;
      run.out->write(signin_line(signin));
      run.context.index().add_signin(signin);
      break;
    case SigninVerdict::duplicate: ++report.duplicates; break;
    case SigninVerdict::updated: {
      ++report.updated;
      signin.updated_at = run.now;
      auto key = std::make_pair(signin.id_number, signin.day);
      auto [it, inserted] = run.updates.try_emplace(key, signin);
      if (!inserted) {
        if (!signin.phone.empty()) it->second.phone = signin.phone;
        if (!signin.address.empty()) it->second.address = signin.address;
      }
      break;
    }
    case SigninVerdict::conflict: break;
  }
}

void import_file(Run& run, const std::string& file) {
  FileReport report;
  report.file = fs::path(file).filename().string();
  report.sha256 = sha256_file(file);
  report.archived_before = std::any_of(run.sources.begin(), run.sources.end(),
                                       [&](const StoredSource& s) { return s.sha256 == report.sha256; });
  RecordReader reader(file, run.encoding, file);
  report.encoding = std::string(encoding_name(reader.encoding()));
  std::vector<Record> head;
  HeaderMap header = read_header(reader, head, file);
  report.header_line = header.line;
  report.title = title_of(head, header);
  run.deduper.start_file();
  for (size_t i = header.record_index + 1; i < head.size(); ++i) import_record(run, report, header, head[i]);
  Record record;
  while (reader.next(record)) import_record(run, report, header, record);

  if (!report.archived_before) {
    std::string extension = fs::path(file).extension().string();
    auto stored = paths::source(run.session.id, report.sha256, extension);
    run.writes.copy_from(stored, file);
    run.sources.push_back(StoredSource{report.sha256, report.file, stored.filename().string(), report.encoding, run.now,
                                       run.context.actor(), report.header_line, report.rows, report.accepted,
                                       report.duplicates, report.updated, report.rejected, report.title});
  }
  run.reports.push_back(std::move(report));
}

/// Rewrites signins.csv with the phones and addresses that repeated rows brought.
void apply_updates(Run& run) {
  if (run.updates.empty()) return;
  run.out->finish();
  fs::path first = run.out->temp_path();
  StagedFile& rewritten = run.writes.open(paths::signins(run.session.id));
  rewritten.write(signins_header_line());
  read_signins(first, paths::signins(run.session.id).generic_string(), [&](StoredSignin&& signin) {
    auto it = run.updates.find({signin.id_number, signin.day});
    if (it != run.updates.end()) {
      if (!it->second.phone.empty()) signin.phone = it->second.phone;
      if (!it->second.address.empty()) signin.address = it->second.address;
      signin.updated_at = it->second.updated_at;
      run.context.index().update_signin_contact(run.session.id, signin);
    }
    rewritten.write(signin_line(signin));
  });
  run.writes.drop(*run.out);
  run.out = &rewritten;
}

Json report_json(const Run& run) {
  Json files = Json::array();
  for (const auto& r : run.reports) {
    Json rejects = Json::array();
    for (const auto& [line, issue] : r.rejects) {
      rejects.push_back({{"line", line}, {"code", issue.code}, {"field", issue.field}, {"message", issue.message}});
    }
    Json warnings = Json::array();
    for (const auto& [line, issue] : r.warnings) {
      warnings.push_back({{"line", line}, {"code", issue.code}, {"message", issue.message}});
    }
    files.push_back({{"file", r.file},
                     {"sha256", r.sha256},
                     {"encoding", r.encoding},
                     {"header_line", r.header_line},
                     {"title", r.title},
                     {"rows", r.rows},
                     {"accepted", r.accepted},
                     {"duplicates", r.duplicates},
                     {"updated", r.updated},
                     {"rejected", r.rejected},
                     {"skipped", r.skipped},
                     {"rejects", rejects},
                     {"warnings", warnings}});
  }
  return {{"session", run.session.id}, {"files", files}};
}

/// One line per (code, message): "rejected id-checksum ×2 (lines 3, 9): message".
std::string grouped(const std::vector<LineIssue>& issues, const char* label) {
  std::map<std::pair<std::string, std::string>, std::vector<int>> by_reason;
  for (const auto& [line, issue] : issues) by_reason[{issue.code, issue.message}].push_back(line);
  std::string out;
  for (const auto& [reason, lines] : by_reason) {
    out += fmt::format("  {} {} ×{} ({} {}): {}\n", label, reason.first, lines.size(), tr("line"),
                       fmt::join(lines, ", "), reason.second);
  }
  return out;
}

std::string report_text(const Run& run, bool dry_run, bool written) {
  std::string out;
  for (const auto& r : run.reports) {
    out += fmt::format(fmt::runtime(tr("{}: {}, header on line {}: {} accepted, {} duplicates, {} updated, {} rejected"
                                       "{}\n")),
                       r.file, r.encoding, r.header_line, r.accepted, r.duplicates, r.updated, r.rejected,
                       r.skipped > 0 ? fmt::format(fmt::runtime(tr(", {} footer rows skipped")), r.skipped) : "");
    out += grouped(r.rejects, tr("rejected"));
    out += grouped(r.warnings, tr("warning"));
  }
  long long rejected = 0;
  for (const auto& r : run.reports) rejected += r.rejected;
  if (dry_run) out += tr("dry run: nothing was written\n");
  if (rejected > 0 && written) {
    out += fmt::format(fmt::runtime(tr("rejected rows are kept: `ldt signin rejects {} --output fix.csv` writes them "
                                       "for correcting in Excel/WPS; import the corrected file again\n")),
                       run.session.id);
  }
  return out;
}

ExitCode import(Context& context, const ImportOptions& options) {
  Session session = commands::load_session(context, options.session);
  auto session_path = paths::session(options.session).generic_string();
  auto encoding = parse_encoding_choice(options.encoding);
  if (!encoding) throw input_error(tr("--encoding must be auto, utf-8, gb18030 or utf-16"), {}, {}, 0, "--encoding");
  for (const auto& file : options.files) {
    if (!fs::is_regular_file(file)) {
      throw input_error(tr("no such file"), tr("check the path"), file);
    }
  }
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
    context.note(Diagnostic{Severity::warning, "session-closed", session_path, 0, {},
                            tr("the session is closed; late sign-ins are imported and journalled"), {}});
  }
  Date last_day = (session.ended_at ? *session.ended_at : session.end).date;
  Run run{context,
          ImportSession{session.id, session.start.date, last_day, context.settings().rules.min_age,
                        context.settings().rules.max_age},
          *encoding,
          format_datetime(context.now()),
          WriteSet(context.root()),
          SigninDeduper(std::move(lookup)),
          nullptr,
          {},
          {},
          {},
          {}};
  auto rejects_path = context.root() / paths::rejects(session.id);
  if (fs::exists(rejects_path)) {
    read_rejects(rejects_path, paths::rejects(session.id).generic_string(),
                 [&](StoredReject&& r) { run.open_rejects.push_back(std::move(r)); });
  }
  auto manifest_path = context.root() / paths::sources_manifest(session.id);
  if (fs::exists(manifest_path)) {
    read_sources(manifest_path, paths::sources_manifest(session.id).generic_string(),
                 [&](StoredSource&& s) { run.sources.push_back(std::move(s)); });
  }
  run.out = &run.writes.open(paths::signins(session.id));
  run.out->write(signins_header_line());
  index.begin_session_signins(session.id);
  auto signins_path = context.root() / paths::signins(session.id);
  if (fs::exists(signins_path)) {
    read_signins(signins_path, paths::signins(session.id).generic_string(), [&](StoredSignin&& signin) {
      run.deduper.add_existing(signin);
      run.out->write(signin_line(signin));
      index.add_signin(signin);
    });
  }
  for (const auto& file : options.files) import_file(run, file);
  apply_updates(run);

  std::string rejects_text = rejects_header_line();
  for (const auto& r : run.open_rejects) rejects_text += reject_line(r);
  run.writes.put(paths::rejects(session.id), rejects_text);
  std::string manifest_text = sources_header_line();
  for (const auto& s : run.sources) manifest_text += source_line(s);
  run.writes.put(paths::sources_manifest(session.id), manifest_text);
  index.replace_session_rejects(session.id, run.open_rejects);
  index.replace_session_sources(session.id, run.sources);

  long long rejected = 0;
  for (const auto& r : run.reports) rejected += r.rejected;
  bool write = !options.dry_run && !(options.strict && rejected > 0);
  if (write) context.commit(run.writes, session.id);
  else index.rollback();

  if (context.format == Format::json) context.print(report_json(run).dump(2) + "\n");
  else context.print(report_text(run, options.dry_run, write));
  if (options.strict && rejected > 0 && !options.dry_run) {
    throw Error(ExitCode::findings,
                Diagnostic{Severity::error, "strict", {}, 0, {},
                           tr("--strict: rows were rejected, so nothing was imported"),
                           tr("fix the rejected rows and import again, or import without --strict")});
  }
  return rejected > 0 ? ExitCode::findings : ExitCode::ok;
}
}  // namespace

void register_signin_import(CommandTable& table) {
  auto* group = table.group("signin", tr("sign-in sheets (签到表): import, list, rejects"));
  auto options = std::make_shared<ImportOptions>();
  auto* app = group->add_subcommand("import", tr("import sign-in exports (CSV/TXT from Excel or WPS) into a session"));
  app->add_option("session", options->session, tr("session id"))->required();
  app->add_option("files", options->files, tr("exported files"))->required();
  app->add_option("--encoding", options->encoding, tr("auto, utf-8, gb18030 or utf-16 (default auto)"));
  app->add_flag("--dry-run", options->dry_run, tr("check and report, write nothing"));
  app->add_flag("--strict", options->strict, tr("import nothing if any row is rejected"));
  table.add(app, "signin import", Access::write, [options](Context& context) { return import(context, *options); });
}

}  // namespace ldt
