#pragma once
/// The project directory (README "The project directory"): where it is, its lock, and its journal.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/rules.hpp"
#include "ldt/domain/settings.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// Finds the project root like git: `dash_c` (-C DIR) if given, else $LDT_PROJECT, else the
/// nearest ancestor of the working directory holding ldt.toml.
/// Throws Error (exit 2) when no project is found, saying how to create one.
fs::path locate_project(std::string_view dash_c);

/// The project's `language` (zh or en) from its ldt.toml, read before the command line is
/// parsed so that `--help` speaks it; empty when there is no project here, no language, or
/// ldt.toml cannot be read (the command itself then says why). README "Language".
std::string project_language(std::string_view dash_c);

/// Relative paths of the project that are not record kinds (those come from the registry,
/// index/kinds.hpp): the settings, the journal, the index directory, plan attachments.
namespace paths {
inline constexpr const char* k_settings = "ldt.toml";
inline constexpr const char* k_journal = "journal.jsonl";
inline constexpr const char* k_index_dir = ".ldt";
/// plans/<id>.files/: a plan's courseware and application form, with manifest.csv.
fs::path plan_files(std::string_view plan_id);
fs::path plan_attachment(std::string_view plan_id, std::string_view sha256, std::string_view name);
}  // namespace paths

/// Refuses (Error exit 3) when the project cannot be written here (a copy on a CD, a read-only
/// share): it can still be read, with the index kept elsewhere (Index::location).
void require_writable(const fs::path& root);

/// The modes of the files ldt writes (util/fs.hpp FileModes) from `[security] shared_group`.
/// Throws Error (exit 2) at `file` when the group does not exist on this machine.
FileModes project_file_modes(const Settings& settings, std::string_view file);

/// An advisory lock on the project (flock on the project directory itself, so that deleting
/// `.ldt/` or any file can never let a second writer in). Writers hold it exclusively for the
/// whole command; readers hold it shared, so readers never wait behind readers, and take it
/// exclusively only for the moment they write (an index refresh, a journal line). Waiting is
/// bounded: after `timeout_seconds` the command is refused with Error exit 3 (README "The
/// project directory": writes are serialised). Released on destruction.
class ProjectLock {
 public:
  enum class Mode { shared, exclusive };
  ProjectLock(const fs::path& root, Mode mode, double timeout_seconds);
  ~ProjectLock();
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

  /// Changes the lock to `mode`, waiting as the constructor does. Not atomic (flock releases
  /// the old lock first): after a change to exclusive, files may have changed meanwhile.
  void change(Mode mode);
  [[nodiscard]] Mode mode() const { return mode_; }

 private:
  void acquire(Mode mode);
  fs::path path_;
  double timeout_seconds_;
  int fd_ = -1;
  Mode mode_ = Mode::shared;
};

/// One line of journal.jsonl (README "The project directory"). Holds no personal data.
struct JournalEntry {
  long long seq = 0;
  std::string time;  ///< ISO 8601, +08:00
  std::string actor;
  std::string command;                                     ///< e.g. "signin import"
  std::string target;                                      ///< the id acted on, e.g. a session id; may be empty
  std::vector<std::pair<std::string, std::string>> files;  ///< (relative path, sha256)
  std::string prev;                                        ///< hash of the previous line, 64 zeros for the first
  std::string hash;                                        ///< sha256 of prev + this line's content without "hash"
};

/// Stages journal.jsonl with one more line for `entry` (seq, prev and hash are filled in).
/// The caller's WriteSet commits it with the files it describes, so both land together.
void stage_journal_entry(const fs::path& root, WriteSet& writes, JournalEntry entry);

/// Commits `writes` with one journal line describing them (entry.files is filled in here), so
/// the files and their journal line land together. Returns the files written, without the
/// journal itself, as (relative path, sha256).
std::vector<std::pair<std::string, std::string>> commit_journalled(const fs::path& root, WriteSet& writes,
                                                                   JournalEntry entry);

/// Checks the hash chain of journal.jsonl: one break per line that does not verify (empty: ok).
/// The rule journal-chain (domain/rules.hpp) turns them into findings.
std::vector<JournalBreak> verify_journal(const fs::path& root);

/// The journal's head as "SEQ SHA256" (its number of lines and the hash of the last line);
/// empty for a missing or empty journal.
std::string journal_head(const fs::path& root);
/// True when the journal still holds the line of `head` (a journal_head() taken earlier) with
/// the same hash: lines cut off at the end, or the whole file emptied, make it false.
bool journal_keeps_head(const fs::path& root, const std::string& head);

/// The line number (1-based) of the journal line whose SHA-256 is `line_sha256` (what `ldt log
/// anchor` printed); 0 when no line has it (lines up to it removed or changed, or cut off).
int journal_line_of(const fs::path& root, std::string_view line_sha256);

/// Reads journal.jsonl; throws Error (exit 2) with file:line for an unreadable line.
std::vector<JournalEntry> read_journal(const fs::path& root);

}  // namespace ldt
