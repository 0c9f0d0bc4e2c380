#include "ldt/cli/context.hpp"

#include <CLI/CLI.hpp>
#include <pwd.h>
#include <unistd.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "ldt/domain/signin_date.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

Context::Context(GlobalOptions global) : options(std::move(global)) {}

void Context::load(Access access) {
  if (access == Access::none) return;
  root_ = locate_project(options.directory);
  settings_ = read_settings(read_file(root_ / paths::k_settings, paths::k_settings), paths::k_settings);
  lock_ = std::make_unique<ProjectLock>(root_, true, settings_.rules.lock_timeout_seconds);
  if (int recovered = recover_staged_writes(root_); recovered > 0) {
    note(Diagnostic{Severity::warning, "recovered", {}, 0, {},
                    fmt::format(fmt::runtime(tr("completed {} write(s) that an interrupted ldt command left")),
                                recovered),
                    {}});
  }
  if (access != Access::project) index_ = Index::open(root_);
}

std::string Context::actor() const {
  if (!options.by.empty()) return options.by;
  for (const char* name : {"LDT_ACTOR", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
  }
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return "unknown";
}

DateTime Context::now() const {
  if (const char* fixed = std::getenv("LDT_NOW"); fixed != nullptr && *fixed != '\0') {
    if (auto time = parse_datetime(fixed)) return *time;
    throw input_error(fmt::format(fmt::runtime(tr("LDT_NOW is not a time: \"{}\"")), fixed),
                      tr("use ISO 8601, e.g. 2021-03-12T18:00:00+08:00, or unset it"));
  }
  return now_cst();
}

JournalEntry Context::journal_entry(std::string target) const {
  JournalEntry entry;
  entry.time = format_datetime(now());
  entry.actor = actor();
  entry.command = command;
  entry.target = std::move(target);
  return entry;
}

void Context::commit(WriteSet& writes, std::string target) {
  index_->commit_files(commit_journalled(root_, writes, journal_entry(std::move(target))));
}

void Context::print(std::string_view text) const {
  if (options.quiet) return;
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void Context::print_result(const Table& table, const nlohmann::ordered_json& json) const {
  if (format == Format::json) print(json.dump(2) + "\n");
  else print(render(table, format));
}

void Context::print_table(const Table& table) const { print(render(table, format)); }

void Context::note(const Diagnostic& diagnostic) const {
  if (options.quiet) return;
  const char* level = diagnostic.severity == Severity::warning ? tr("warning") : tr("note");
  fmt::print(stderr, "{}: {}\n", level, format_diagnostic(diagnostic));
}

CLI::App* CommandTable::group(const std::string& name, const std::string& description) {
  for (auto* existing : root_.get_subcommands({})) {
    if (existing->get_name() == name) return existing;
  }
  auto* app = root_.add_subcommand(name, description);
  app->require_subcommand(1);
  return app;
}

void CommandTable::add(CLI::App* app, std::string name, Access access, std::function<ExitCode(Context&)> action) {
  entries_.push_back(Entry{app, std::move(name), access, std::move(action)});
}

}  // namespace ldt
