#pragma once
/// What a command gets to work with: global options, the project (root, settings, lock, index),
/// and the one printer. Commands never print with anything else.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ldt/cli/printer.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/settings.hpp"
#include "ldt/index/index.hpp"
#include "ldt/project/project.hpp"
#include "ldt/report/document.hpp"
#include "ldt/util/diagnostic.hpp"

namespace CLI {
class App;
}

namespace ldt {

/// Options every command accepts, before or after the subcommand (README "Commands").
struct GlobalOptions {
  std::string directory;  ///< -C DIR
  std::string format = "table";
  std::string lang;  ///< zh | en; empty: from the environment
  bool quiet = false;
  std::string by;  ///< actor for the journal
};

/// What a command needs loaded before it runs (like ninja's tool table).
enum class Access {
  none,     ///< no project (init, --version)
  project,  ///< the project and its exclusive lock, but not the index (index rebuild/verify, log)
  read,     ///< the project under a shared lock and a refreshed index: readers run side by side
  write,    ///< the project and a refreshed index, holding the exclusive lock for the whole command
};

class Context {
 public:
  explicit Context(GlobalOptions options);

  GlobalOptions options;
  Format format = Format::table;
  std::string command;  ///< e.g. "signin import", for the journal

  /// Loads the project for `access`: locates the root, reads ldt.toml, takes the lock (shared
  /// for `read`), finishes interrupted commits, opens and refreshes the index. A reader takes
  /// the lock exclusively only while it recovers or refreshes.
  void load(Access access);
  [[nodiscard]] const fs::path& root() const { return root_; }
  [[nodiscard]] const Settings& settings() const { return settings_; }
  Index& index() { return *index_; }
  /// The journal's actor: --by, else $LDT_ACTOR, $USER, $LOGNAME, else the login name.
  [[nodiscard]] std::string actor() const;
  /// Current CST time; $LDT_NOW (ISO 8601) fixes it for reproducible tests and examples.
  [[nodiscard]] DateTime now() const;

  /// A journal line for this command (time, actor, command) acting on `target`.
  [[nodiscard]] JournalEntry journal_entry(std::string target) const;
  /// Takes the project lock exclusively (a reader about to write: an unmasked export must not
  /// be written unless its journal line can be). No-op for writers.
  void lock_for_writing();
  /// Commits staged files with one journal line, and records them in the index. A reader
  /// takes the exclusive lock for this and returns to the shared lock afterwards. Files equal
  /// to those in place are left out; when none is left, nothing is written, not even the
  /// journal line, and the index's open transaction is rolled back: returns false then.
  /// Refuses (Error exit 3) when the journal is broken (require_sound_journal).
  bool commit(WriteSet& writes, std::string target);
  /// True once this command committed files (then a later failure must not run it again).
  [[nodiscard]] bool committed() const { return committed_; }
  /// Closes the index (before a damaged one is deleted and rebuilt).
  void close_index() { index_.reset(); }
  /// Journals an export of unmasked personal data (README "Design"): one journal line, no file.
  void journal_unmasked(std::string target);

  /// How the printer prints for this command (--format, --quiet).
  [[nodiscard]] PrintOptions print_options() const { return {format, options.quiet}; }
  /// Prints a warning or note on stderr now, through the printer (nothing with --quiet).
  void note(const Diagnostic& diagnostic) const;

 private:
  fs::path root_;
  Settings settings_;
  Access access_ = Access::none;
  std::unique_ptr<ProjectLock> lock_;
  std::unique_ptr<Index> index_;
  bool committed_ = false;

  void recover();
  void open_index();
  /// Commits `writes` with its journal line even when no file changed (an unmasked export).
  void commit_always(WriteSet& writes, std::string target);
  /// Refuses (Error exit 3, naming the first bad line) to append to a journal whose hash chain
  /// is broken. Constant time when journal.jsonl is as the index last saw it (same size, mtime,
  /// ctime and inode, head hash kept in the index); else the whole chain is checked.
  void require_sound_journal();
};

/// The one-line notice printed when a damaged index was rebuilt from the files.
Diagnostic index_rebuilt_notice();

/// The table of commands: each command file registers its subcommand, access and action.
class CommandTable {
 public:
  explicit CommandTable(CLI::App& root) : root_(root) {}
  /// A command group such as "plan"; created once.
  CLI::App* group(const std::string& name, const std::string& description);
  /// Registers `app` (a subcommand created by the caller) with what it needs and its action.
  void add(CLI::App* app, std::string name, Access access, std::function<Result(Context&)> action);
  CLI::App& root() { return root_; }

  struct Entry {
    CLI::App* app;
    std::string name;
    Access access;
    std::function<Result(Context&)> action;
  };
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

 private:
  CLI::App& root_;
  std::vector<Entry> entries_;
};

/// Runs ldt with the process arguments; returns the exit code (README "Commands").
int run(int argc, char** argv);

}  // namespace ldt
