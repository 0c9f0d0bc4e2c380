#pragma once
/// The project directory (SPEC §3): where it is, its lock, and its journal.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// Finds the project root like git: `dash_c` (-C DIR) if given, else $LDT_PROJECT, else the
/// nearest ancestor of the working directory holding ldt.toml.
/// Throws Error (exit 2) when no project is found, saying how to create one.
fs::path locate_project(std::string_view dash_c);

/// Relative paths of the record, SPEC §3 layout.
namespace paths {
inline constexpr const char* k_settings = "ldt.toml";
inline constexpr const char* k_journal = "journal.jsonl";
inline constexpr const char* k_index_dir = ".ldt";
fs::path provider(std::string_view id);
fs::path instructor(std::string_view id);
fs::path plan(std::string_view id);
fs::path plan_decision(std::string_view id);
fs::path plan_attachment(std::string_view plan_id, std::string_view sha256, std::string_view name);
fs::path session_dir(std::string_view id);
fs::path session(std::string_view id);
fs::path signins(std::string_view session_id);
fs::path rejects(std::string_view session_id);
fs::path sources_manifest(std::string_view session_id);
fs::path source(std::string_view session_id, std::string_view sha256, std::string_view extension);
}  // namespace paths

/// An advisory lock on the project (`.ldt/lock`, flock). Writers hold it exclusively, readers
/// shared. A second writer waits up to `timeout_seconds`, then gets Error exit 3
/// (SPEC §3 invariant 4). Released on destruction.
class ProjectLock {
 public:
  ProjectLock(const fs::path& root, bool exclusive, double timeout_seconds);
  ~ProjectLock();
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

 private:
  int fd_ = -1;
};

/// One line of journal.jsonl (SPEC §3 invariant 6). Holds no personal data.
struct JournalEntry {
  long long seq = 0;
  std::string time;     ///< ISO 8601, +08:00
  std::string actor;
  std::string command;  ///< e.g. "signin import"
  std::string target;   ///< the id acted on, e.g. a session id; may be empty
  std::vector<std::pair<std::string, std::string>> files;  ///< (relative path, sha256)
  std::string prev;     ///< hash of the previous line, 64 zeros for the first
  std::string hash;     ///< sha256 of prev + this line's content without "hash"
};

/// Stages journal.jsonl with one more line for `entry` (seq, prev and hash are filled in).
/// The caller's WriteSet commits it with the files it describes, so both land together.
void stage_journal_entry(const fs::path& root, WriteSet& writes, JournalEntry entry);

/// Commits `writes` with one journal line describing them (entry.files is filled in here), so
/// the files and their journal line land together. Returns the files written, without the
/// journal itself, as (relative path, sha256).
std::vector<std::pair<std::string, std::string>> commit_journalled(const fs::path& root, WriteSet& writes,
                                                                     JournalEntry entry);

/// Checks the hash chain of journal.jsonl. Returns one diagnostic per broken line (empty: ok).
std::vector<Diagnostic> verify_journal(const fs::path& root);

/// Reads journal.jsonl; throws Error (exit 2) with file:line for an unreadable line.
std::vector<JournalEntry> read_journal(const fs::path& root);

}  // namespace ldt
