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
  require_no_link(root_, paths::k_settings);
  settings_ = read_settings(read_file(root_ / paths::k_settings, paths::k_settings), paths::k_settings);
  set_file_modes(project_file_modes(settings_, paths::k_settings));
  using Mode = ProjectLock::Mode;
  double timeout = settings_.rules.lock_timeout_seconds;
  if (access != Access::read) {
    if (access == Access::write) require_writable(root_);
    lock_ = std::make_unique<ProjectLock>(root_, Mode::exclusive, timeout);
    recover();
    if (access == Access::write) open_index();
    return;
  }
  lock_ = std::make_unique<ProjectLock>(root_, Mode::shared, timeout);
  if (has_staged_writes(root_) || Index::needs_refresh(root_)) {
    lock_->change(Mode::exclusive);
    recover();
    open_index();
    lock_->change(Mode::shared);
  } else {
    index_ = Index::open_unrefreshed(root_);
  }
}

void Context::open_index() {
  bool damaged = false;
  index_ = Index::open(root_, false, &damaged);
  if (damaged) note(index_rebuilt_notice());
}

Diagnostic index_rebuilt_notice() {
  return Diagnostic{Severity::warning,
                    "index-rebuilt",
                    {},
                    0,
                    {},
                    tr("the index was damaged; rebuilt it from the files (they are the record)")};
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

void Context::lock_for_writing() {
  require_writable(root_);
  lock_->change(ProjectLock::Mode::exclusive);
}

bool Context::commit(WriteSet& writes, std::string target) {
  writes.drop_unchanged();
  if (writes.empty()) {
    // Nothing differs from the files in place (e.g. the same export imported again): no write,
    // no journal line.
    index_->rollback();
    return false;
  }
  commit_always(writes, std::move(target));
  return true;
}

void Context::commit_always(WriteSet& writes, std::string target) {
  lock_for_writing();
  require_sound_journal();
  auto written = commit_journalled(root_, writes, journal_entry(std::move(target)));
  committed_ = true;
  index_->record_journal_stamp(journal_head(root_));
  index_->commit_files(written);
  if (access_ == Access::read) lock_->change(ProjectLock::Mode::shared);
}

void Context::require_sound_journal() {
  require_no_link(root_, paths::k_journal);
  auto disk = index_->disk_journal_stamp();
  if (disk && disk == index_->journal_stamp()) return;
  auto head = index_->recorded_journal_head();
  if (!head.empty() && !journal_keeps_head(root_, head)) {
    // The chain of what is left may verify, but lines this index saw are gone (cut off at the
    // end, or the file emptied or deleted).
    throw Error(ExitCode::state,
                Diagnostic{Severity::error,
                           "journal-broken",
                           paths::k_journal,
                           0,
                           {},
                           fmt::format(fmt::runtime(tr("the journal lost lines: it no longer holds line {} as it "
                                                       "was written; nothing was written")),
                                       head.substr(0, head.find(' '))),
                           tr("restore journal.jsonl from a backup or version control")});
  }
  if (!disk) return;
  auto breaks = verify_journal(root_);
  if (breaks.empty()) return;
  throw Error(ExitCode::state,
              Diagnostic{Severity::error,
                         "journal-broken",
                         paths::k_journal,
                         breaks.front().line,
                         {},
                         fmt::format(fmt::runtime(tr("the journal's hash chain is broken here ({}), so nothing is "
                                                     "appended to it; nothing was written")),
                                     breaks.front().problem),
                         tr("restore journal.jsonl from a backup or version control; `ldt log verify` lists every "
                            "bad line")});
}

void Context::journal_unmasked(std::string target) {
  WriteSet writes(root_);  // stages nothing until commit, which takes the exclusive lock
  commit_always(writes, std::move(target));
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
