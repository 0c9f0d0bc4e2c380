#include "ldt/cli/context.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "ldt/domain/signin_date.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

Context::Context(GlobalOptions global) : options(std::move(global)) {}

void Context::load(Access access) {
  access_ = access;
  if (access == Access::none) return;
  root_ = locate_project(options.directory);
  settings_ = read_settings(read_file(root_ / paths::k_settings, paths::k_settings), paths::k_settings);
  using Mode = ProjectLock::Mode;
  double timeout = settings_.rules.lock_timeout_seconds;
  if (access != Access::read) {
    lock_ = std::make_unique<ProjectLock>(root_, Mode::exclusive, timeout);
    recover();
    if (access == Access::write) index_ = Index::open(root_);
    return;
  }
  lock_ = std::make_unique<ProjectLock>(root_, Mode::shared, timeout);
  if (has_staged_writes(root_) || Index::needs_refresh(root_)) {
    lock_->change(Mode::exclusive);
    recover();
    index_ = Index::open(root_);
    lock_->change(Mode::shared);
  } else {
    index_ = Index::open_unrefreshed(root_);
  }
}

void Context::recover() {
  if (int recovered = recover_staged_writes(root_); recovered > 0) {
    note(Diagnostic{
        Severity::warning,
        "recovered",
        {},
        0,
        {},
        fmt::format(fmt::runtime(tr("completed {} write(s) that an interrupted ldt command left")), recovered),
        {}});
  }
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

void Context::lock_for_writing() { lock_->change(ProjectLock::Mode::exclusive); }

void Context::commit(WriteSet& writes, std::string target) {
  lock_for_writing();
  index_->commit_files(commit_journalled(root_, writes, journal_entry(std::move(target))));
  if (access_ == Access::read) lock_->change(ProjectLock::Mode::shared);
}

void Context::journal_unmasked(std::string target) {
  WriteSet writes(root_);  // stages nothing until commit, which takes the exclusive lock
  commit(writes, std::move(target));
}

void Context::note(const Diagnostic& diagnostic) const { print_diagnostic(diagnostic, print_options()); }

CLI::App* CommandTable::group(const std::string& name, const std::string& description) {
  for (auto* existing : root_.get_subcommands({})) {
    if (existing->get_name() == name) return existing;
  }
  auto* app = root_.add_subcommand(name, description);
  app->require_subcommand(1);
  return app;
}

void CommandTable::add(CLI::App* app, std::string name, Access access, std::function<Result(Context&)> action) {
  entries_.push_back(Entry{app, std::move(name), access, std::move(action)});
}

}  // namespace ldt
