#pragma once
/// The SQLite index (.ldt/index.sqlite): a disposable cache of the project's files (README "The project directory").
/// All SQL of ldt lives in this layer. Opening refreshes the index from files that changed
/// (size + mtime, then SHA-256); a schema version mismatch or `rebuild` recreates it.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ldt/domain/archive.hpp"
#include "ldt/domain/attendance.hpp"
#include "ldt/domain/category.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/followup.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/domain/survey.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace ldt {

struct ProviderRow {
  std::string id, name;
};
struct InstructorRow {
  std::string id, name, role, provider;
  int credentials = 0;
};
/// A plan with its decision. `status` is submitted | approved | rejected.
struct PlanRow {
  std::string id, provider, title, window_start, window_end, status, file_sha256, approved_sha256, decided_at;
};
/// A session with its counts: person_times = distinct trainees signed in (README "Statistics": counted per
/// session and trainee), signin_days = stored rows (trainee × day).
struct SessionRow {
  std::string id, plan, provider, start, end, location, mode, status;
  long long person_times = 0, signin_days = 0, open_rejects = 0;
};
/// The latest known contact of a trainee across all sessions (by import time).
struct TraineeContact {
  std::string name, phone, address;
};
/// One open reject as indexed.
struct RejectRow {
  std::string source_file, source_sha256, field, code, message, imported_at;
  int line = 0;
};
/// The days one trainee signed in to a session, with the name of their latest sign-in.
struct TraineeDays {
  std::string id_number, name;
  std::vector<Date> days;  ///< ascending
};
/// A trainee as the project knows them: current name, latest contact, every category they were
/// recorded with (bit i = Category i), how many sessions and sign-in days.
struct TraineeRow {
  std::string id_number, name, phone, address, town;
  std::uint32_t categories = 0;
  long long sessions = 0, days = 0;
};
/// One trainee's days in one session.
struct TraineeSession {
  std::string session, start;
  std::vector<Date> days;
};
/// One (session, trainee) attendance, for statistics. `categories`: bit i = Category i.
struct AttendanceRow {
  std::string session, provider, month, id_number, town;
  std::uint32_t categories = 0;
  int days = 0;
};
/// Filters shared by reports (README "Statistics"); empty strings mean "any". Dates are ISO days, inclusive,
/// compared with the session's start day.
struct ReportFilter {
  std::string session, provider, from, to;
};

/// Result of `ldt index verify`: everything in which the index, the record and the archive
/// disagree (README "The project directory": the full checks).
struct VerifyResult {
  std::vector<std::string> stale;      ///< changed on disk since indexed (by hash, whatever the stamps say)
  std::vector<std::string> missing;    ///< indexed but gone
  std::vector<std::string> unindexed;  ///< on disk but not indexed
  std::vector<std::string> damaged;    ///< index tables whose rows differ from what the files give
  std::vector<Diagnostic> invalid;     ///< every invalid record file, as file:line: field
  std::vector<std::string> dangling;   ///< records referring to a plan, provider, … that does not exist
  std::vector<std::string> archive;    ///< archived sources and attachments missing or altered
  [[nodiscard]] bool ok() const {
    return stale.empty() && missing.empty() && unindexed.empty() && damaged.empty() && invalid.empty() &&
           dangling.empty() && archive.empty();
  }
};

/// One archived file of a session as `archive verify` finds it (Measures Art. 8.4.2): a
/// document of the archive manifest or an imported export of sources/manifest.csv.
struct ArchiveFileState {
  enum class State { ok, missing, altered, unlisted };
  std::string session;
  std::string kind;  ///< a DocumentKind (domain/archive.hpp), or "signin_export" for an imported export
  std::string file;  ///< the name as given; empty for an unlisted file
  std::string path;  ///< relative to the project root
  std::string sha256;
  bool bound = true;  ///< belongs in the bound archive (video does not)
  State state = State::ok;
};

class Index {
 public:
  /// Opens (creating or rebuilding as needed) and refreshes from changed files.
  /// Throws Error (exit 2) with file:line:field when a changed file is invalid.
  /// `damaged` (when given) is set when an existing index was not a database and was rebuilt.
  static std::unique_ptr<Index> open(const fs::path& root, bool rebuild = false, bool* damaged = nullptr);
  /// Opens without refreshing (for `index verify`, and readers that found it up to date).
  static std::unique_ptr<Index> open_unrefreshed(const fs::path& root);
  /// True when opening would write: the index is missing, damaged, of another schema version,
  /// or a file of the record changed (size or mtime) since it was indexed.
  static bool needs_refresh(const fs::path& root);
  /// True when the index is missing, not a database, or of another schema version.
  static bool needs_rebuild(const fs::path& root);
  /// Where the index of `root` lives: `.ldt/index.sqlite`, or for a project that cannot be
  /// written, `$XDG_CACHE_HOME/ldt/<hash of its path>/index.sqlite`; empty: in memory.
  static fs::path location(const fs::path& root);
  /// Deletes the index files (a damaged index: the next open rebuilds it from the files).
  static void discard(const fs::path& root);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  /// Compares the index with the files without changing anything: every file's hash, every
  /// row against an index built afresh from the files (in a temporary file), every reference
  /// and every archived file's hash. Cost grows with the project: this is `index verify`.
  VerifyResult verify();

  /// The stamp of journal.jsonl whose chain was last verified ("size mtime ctime inode"), and
  /// the journal's stamp on disk now; equal means: unchanged since verified.
  std::optional<std::string> journal_stamp();
  [[nodiscard]] std::optional<std::string> disk_journal_stamp() const;
  /// Records the journal's stamp on disk as verified, and its head (journal_head()), inside
  /// the open transaction.
  void record_journal_stamp(const std::string& head);
  /// The head recorded with the last verified stamp; empty when none.
  std::string recorded_journal_head();

  std::vector<ProviderRow> providers();
  std::vector<InstructorRow> instructors();
  std::vector<PlanRow> plans();
  std::optional<PlanRow> plan(std::string_view id);
  std::vector<SessionRow> sessions(const ReportFilter& filter = {});
  std::optional<SessionRow> session(std::string_view id);
  /// What the project knows of a trainee: the current name (a correction by `trainee rename`,
  /// else the name of the latest import) and the latest phone and address.
  std::optional<TraineeContact> trainee(std::string_view id_number);
  /// Every trainee (at least one sign-in), by ID number; with `category` >= 0 only those
  /// recorded with that category (Category as int); with `id_number`, only that trainee.
  std::vector<TraineeRow> trainees(int category = -1, std::string_view id_number = {});
  /// The sessions a trainee signed in to, by session start, with the days.
  std::vector<TraineeSession> trainee_sessions(std::string_view id_number);
  /// The corrected names (`trainee rename`): ID number → current name.
  std::unordered_map<std::string, std::string> current_names();
  bool has_trainees();
  /// Stored sign-ins of one session, ordered by day, then file order, one per call (false at
  /// the end): listings stream in bounded memory. Valid while the index is open.
  std::function<bool(StoredSignin&)> signin_cursor(std::string_view session);
  std::vector<RejectRow> rejects(std::string_view session);
  /// The trainees of a session (at least one sign-in) and their days, by ID number.
  std::vector<TraineeDays> trainee_days(std::string_view session);
  /// The excused absences of a session, by ID number and day.
  std::vector<Leave> leave(std::string_view session);
  /// The documents of a session's archive, in manifest order.
  std::vector<ArchivedDocument> archive_documents(std::string_view session);
  /// The survey responses of a session (sessions/<id>/surveys.csv), in file order; source
  /// fields are left empty.
  std::vector<SurveyResponse> survey_responses(std::string_view session);
  /// Follow-ups by date, then file order: of one trainee when `trainee` is given, of the trainees
  /// of one session when `session` is given (source fields left empty).
  std::vector<Followup> followups(std::string_view trainee = {}, std::string_view session = {});
  /// ID number → the first day of the first session each trainee signed in to.
  std::map<std::string, Date> trainee_first_days();
  /// Sessions in which trainee `id_number` answered the survey, ascending.
  std::vector<std::string> trainee_survey_sessions(std::string_view id_number);
  /// Every archived file of `session` (every session when empty), its hash recomputed: the
  /// documents, then the imported exports, then files in archive/ or sources/ that no manifest
  /// lists. Reads every file: cost grows with the archive (`archive verify`, `index verify`).
  std::vector<ArchiveFileState> archive_states(std::string_view session = {});
  /// One call per (session, trainee) matching the filter, in session and ID order.
  void for_each_attendance(const ReportFilter& filter, const std::function<void(const AttendanceRow&)>& fn);

  /// Replaces the indexed sign-ins of one session while its new signins.csv is written.
  /// Use: begin_session_signins, add_signin for every row of the new file, then commit_files.
  void begin_session_signins(std::string_view session);
  void add_signin(const StoredSignin& signin);
  /// Sets the phone and address of one stored sign-in (a repeated row brought new ones).
  void update_signin_contact(std::string_view session, const StoredSignin& signin);
  /// Abandons the open transaction (dry runs, refused imports).
  void rollback();
  /// Replaces the indexed rejects and sources of a session.
  void replace_session_rejects(std::string_view session, const std::vector<StoredReject>& rejects);
  void replace_session_sources(std::string_view session, const std::vector<StoredSource>& sources);
  /// Records the on-disk state of files just written, as (relative path, sha256) pairs from
  /// WriteSet::written(), and commits the open transaction.
  void commit_files(const std::vector<std::pair<std::string, std::string>>& written);

 private:
  friend struct KindLoaders;  // the readers of the record kinds (index/kinds.cpp)
  /// PRAGMA user_version of schemas/index.sql; another value means: drop and rebuild.
  static constexpr int k_schema_version = 7;
  explicit Index(fs::path root);
  void create_schema(bool with_keys);
  void refresh(bool bulk);
  void index_file(const std::string& relative, std::int64_t file_id);
  void check_references(std::vector<std::string>& out);
  /// The first and last day of an indexed session (its planned times); nullopt when unknown.
  std::optional<std::pair<Date, Date>> session_days(std::string_view session);
  void check_archive(std::vector<std::string>& out);
  void forget_file(std::int64_t file_id, const std::string& relative);
  void begin();
  /// The id of `relative` in the file table; a placeholder row (size -1) is added inside the
  /// transaction when it is not indexed yet, and completed by commit_files.
  std::int64_t file_id_for(const std::string& relative);
  /// Inserts one row of `sql` (its last placeholder is file_id) inside the transaction.
  void insert_row(const char* sql, std::initializer_list<std::string> values, std::int64_t file_id);
  void begin_signins(std::string_view session, std::int64_t file_id);
  void replace_rejects(std::string_view session, std::int64_t file_id, const std::vector<StoredReject>& rejects);
  void replace_sources(std::string_view session, std::int64_t file_id, const std::vector<StoredSource>& sources);

  fs::path root_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> insert_signin_;
  std::unique_ptr<SQLite::Statement> trainee_query_;
  bool bulk_loading_ = false;  ///< a rebuild into empty tables: nothing to delete first
  std::string loading_session_;
  std::int64_t loading_file_id_ = 0;
  long long loading_ord_ = 0;
  bool in_transaction_ = false;
  std::vector<Diagnostic>* invalid_ = nullptr;  ///< verifying: invalid files are collected here
};

}  // namespace ldt
