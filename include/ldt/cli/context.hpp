#pragma once
/// What a command gets to work with: global options, the project (root, settings, lock, index),
/// and the one printer. Commands never print with anything else.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ldt/domain/date.hpp"
#include "ldt/index/index.hpp"
#include "ldt/project/project.hpp"
#include "ldt/project/settings.hpp"
#include "ldt/report/table.hpp"
#include "ldt/util/diagnostic.hpp"

namespace CLI {
class App;
}

namespace ldt {

/// Options every command accepts, before or after the subcommand (SPEC §4).
struct GlobalOptions {
  std::string directory;      ///< -C DIR
  std::string format = "table";
  std::string lang;           ///< zh | en; empty: from the environment
  bool quiet = false;
  std::string by;             ///< actor for the journal
};

/// What a command needs loaded before it runs (like ninja's tool table).
enum class Access {
  none,     ///< no project (init, --version)
  project,  ///< the project and its lock, but not the index (index rebuild/verify, log)
  read,   ///< the project and a refreshed index
  write,  ///< the same, holding the lock for the whole command
};

class Context {
 public:
  explicit Context(GlobalOptions options);

  GlobalOptions options;
  Format format = Format::table;
  std::string command;  ///< e.g. "signin import", for the journal

  /// Loads the project for `access`: locates the root, takes the lock, reads ldt.toml, opens
  /// and refreshes the index.
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
  /// Commits staged files with one journal line, and records them in the index.
  void commit(WriteSet& writes, std::string target);

  /// Prints text on stdout (nothing with --quiet).
  void print(std::string_view text) const;
  /// Prints a result: `json` when --format json, else the table in the chosen format.
  void print_result(const Table& table, const nlohmann::ordered_json& json) const;
  void print_table(const Table& table) const;
  /// Prints a warning or note on stderr (nothing with --quiet).
  void note(const Diagnostic& diagnostic) const;

 private:
  fs::path root_;
  Settings settings_;
  std::unique_ptr<ProjectLock> lock_;
  std::unique_ptr<Index> index_;
};

/// The table of commands: each command file registers its subcommand, access and action.
class CommandTable {
 public:
  explicit CommandTable(CLI::App& root) : root_(root) {}
  /// A command group such as "plan"; created once.
  CLI::App* group(const std::string& name, const std::string& description);
  /// Registers `app` (a subcommand created by the caller) with what it needs and its action.
  void add(CLI::App* app, std::string name, Access access, std::function<ExitCode(Context&)> action);
  CLI::App& root() { return root_; }

  struct Entry {
    CLI::App* app;
    std::string name;
    Access access;
    std::function<ExitCode(Context&)> action;
  };
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

 private:
  CLI::App& root_;
  std::vector<Entry> entries_;
};

/// Runs ldt with the process arguments; returns the exit code (SPEC §4).
int run(int argc, char** argv);

}  // namespace ldt
