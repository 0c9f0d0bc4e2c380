#pragma once
/// File helpers: whole-file reads, SHA-256 (OpenSSL), and atomic staged writes.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

namespace fs = std::filesystem;

/// Reads a whole file. Throws Error (exit 2) naming the file when it cannot be read.
std::string read_file(const fs::path& path, std::string_view display_name = {});

/// Throws Error (exit 2) when `relative` (inside `root`) or a directory on the way to it is a
/// symbolic link: the project never reads or writes its record through a link, which could lead
/// out of it (a `sources/` linked elsewhere, a `signins.csv` linked to another project's).
void require_no_link(const fs::path& root, const fs::path& relative);

/// Where a project's writes are staged before they land: `<root>/.ldt-staging/<pid>/`, outside
/// the disposable index directory `.ldt/`, so deleting the index never takes a commit with it.
inline constexpr const char* k_staging_dir = ".ldt-staging";

/// How ldt creates files and directories of a project (README "Personal data on disk"): 0600 and
/// 0700 by default; with `[security] shared_group`, 0640 and 0750 owned by that group. Set once
/// per command from ldt.toml (Context::load); applies to every staged file and its directories.
struct FileModes {
  unsigned file = 0600;
  unsigned directory = 0700;
  long group = -1;  ///< a gid, or -1 to keep the creator's group
};
void set_file_modes(const FileModes& modes);
const FileModes& file_modes();
/// Creates `dir` and its missing parents with file_modes(). Throws Error like write failures.
void make_directories(const fs::path& dir);
/// Applies file_modes() to an existing file or directory (e.g. the SQLite index after creation).
void apply_file_mode(const fs::path& path, bool directory);

/// The Error for a failed write to `path`, by errno: no space (ENOSPC, EDQUOT) and a read-only
/// project (EROFS, EACCES, EPERM) are exit 3 with what to do; anything else is exit 4.
Error write_failure(const fs::path& path, int error_number);

/// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  /// Lower-case hex digest (64 characters). Call once.
  std::string hex_digest();

 private:
  void* context_;
};

/// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);
/// Lower-case hex SHA-256 of a file's bytes, streaming. Throws Error (exit 2) if unreadable.
std::string sha256_file(const fs::path& path);

/// A file being written to a temporary name beside its final path. Buffered, hashed as it goes.
class StagedFile {
 public:
  StagedFile(fs::path final_path, fs::path temp_path);
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  void write(std::string_view bytes);
  /// Flushes and fsyncs; after this, no more writes.
  void finish();
  [[nodiscard]] const fs::path& final_path() const { return final_path_; }
  [[nodiscard]] const fs::path& temp_path() const { return temp_path_; }
  [[nodiscard]] const std::string& sha256() const { return sha256_; }
  void relocate(fs::path final_path) { final_path_ = std::move(final_path); }

 private:
  fs::path final_path_;
  fs::path temp_path_;
  std::FILE* file_ = nullptr;
  Sha256 hash_;
  std::string sha256_;
};

/// A set of file writes that lands all together: every file is first written and fsynced under
/// a temporary name in .ldt-staging/<pid>/ (made when the first file is staged, so under the
/// writer's exclusive lock), then `commit` writes and fsyncs a commit list and
/// renames them into place (README "The project directory"). If the object is destroyed without commit, the
/// temporary files are removed and nothing changed; if the process dies during the renames, the
/// next command rolls the commit forward from the list (recover_staged_writes).
class WriteSet {
 public:
  explicit WriteSet(fs::path root);
  ~WriteSet();
  WriteSet(const WriteSet&) = delete;
  WriteSet& operator=(const WriteSet&) = delete;

  /// Starts a new file at `relative` (to the root); parent directories are created on commit.
  StagedFile& open(const fs::path& relative);
  /// Forgets a staged file (its temporary copy is removed); it will not be committed.
  void drop(const StagedFile& file);
  /// Stages a whole file's content.
  void put(const fs::path& relative, std::string_view content);
  /// Stages a byte-for-byte copy of an outside file, read once: its SHA-256 (sha256()) and its
  /// bytes (temp_path()) are those of the copy, so a file that changes meanwhile cannot be
  /// archived under a hash that does not match. Throws Error (exit 2) when it cannot be read.
  StagedFile& copy_from(const fs::path& relative, const fs::path& source);
  /// Appends `bytes` to the file at `relative` (created when missing), which must then be
  /// `offset` bytes long, after every staged file has landed: one journal line, without
  /// rewriting the journal. In the commit list like a rename, so a killed command's append is
  /// completed by the next one — exactly once: a file already holding the bytes at `offset` is
  /// left alone, a part of them written is completed. At most one append per WriteSet.
  void append(const fs::path& relative, long long offset, std::string_view bytes);
  /// Moves a staged file to another final path (e.g. once its hash names it).
  void relocate(const StagedFile& file, const fs::path& relative);
  /// Flushes and fsyncs every staged file (their SHA-256 is known afterwards).
  void finish_all();
  /// Finishes every file and forgets those whose bytes equal the file already in place (a
  /// re-import of the same export changes nothing, so nothing is written).
  void drop_unchanged();
  /// Renames every staged file into place and fsyncs the directories.
  void commit();
  /// Files written, relative to the root, with their SHA-256 (after commit: what landed).
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> written() const;
  [[nodiscard]] bool empty() const { return files_.empty(); }

 private:
  fs::path root_;
  fs::path staging_;
  std::vector<std::unique_ptr<StagedFile>> files_;
  std::vector<fs::path> relatives_;
  struct Append {
    fs::path relative;
    long long offset = 0;
    std::unique_ptr<StagedFile> bytes;
  };
  std::optional<Append> append_;
  std::size_t next_temp_ = 0;  ///< temp names are never reused, also after drop()
  bool committed_ = false;
  bool staged_ = false;  ///< the staging directory exists (made by the first staged file)
  void ensure_staging();
};

/// Finishes commits that a killed ldt left half-done: a staging directory holding a complete
/// commit list is rolled forward (its remaining renames are done); one without is discarded.
/// Call with the project lock held. Returns how many commits were rolled forward.
int recover_staged_writes(const fs::path& root);
/// Refuses (Error) a `.ldt-staging` that is a link (exit 2) or not a directory (exit 3).
void require_staging_root(const fs::path& root);
/// True when .ldt-staging holds anything: a commit to roll forward or leftovers to discard.
bool has_staged_writes(const fs::path& root);

/// Writes one file outside the project atomically (temp in the same directory, fsync, rename).
/// Throws Error (exit 2) when the directory does not exist or is not writable.
void write_file_atomically(const fs::path& path, std::string_view content);
/// The same for a writer that fills the temp file itself (e.g. libzip streaming an archive):
/// `write(temp)` creates and writes `temp`; then it gets the project's file mode, is synced and
/// renamed onto `path`. When `write` throws, the temp file is removed and `path` is untouched.
void write_file_atomically(const fs::path& path, const std::function<void(const fs::path& temp)>& write);

}  // namespace ldt
