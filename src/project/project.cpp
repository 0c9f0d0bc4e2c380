#include "ldt/project/project.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <sys/file.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "ldt/util/i18n.hpp"

namespace ldt {

fs::path locate_project(std::string_view dash_c) {
  auto has_settings = [](const fs::path& dir) {
    std::error_code ec;  // a name too long, a loop of links, a directory not entered: no project there
    return fs::is_regular_file(dir / paths::k_settings, ec);
  };
  auto explicit_dir = [&](const fs::path& dir, const char* source) {
    if (!has_settings(dir)) {
      throw input_error(fmt::format(fmt::runtime(tr("{} is not an ldt project (no ldt.toml there)")), dir.string()),
                        fmt::format(fmt::runtime(tr("check {} or create a project with `ldt init`")), source));
    }
    return fs::absolute(dir);
  };
  if (!dash_c.empty()) return explicit_dir(fs::path(dash_c), "-C");
  if (const char* env = std::getenv("LDT_PROJECT"); env != nullptr && *env != '\0') {
    return explicit_dir(fs::path(env), "$LDT_PROJECT");
  }
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (has_settings(dir)) return dir;
    if (dir == dir.parent_path()) break;
  }
  throw input_error(tr("no ldt project here (no ldt.toml in this directory or any parent)"),
                    tr("use -C DIR, set LDT_PROJECT, or create one with `ldt init`"));
}

std::string project_language(std::string_view dash_c) {
  try {
    const fs::path settings = locate_project(dash_c) / paths::k_settings;
    const toml::table doc = toml::parse(read_file(settings));  // refuses links and non-regular files
    const std::string language(doc["project"]["language"].value_or(std::string_view()));
    return language == "zh" || language == "en" ? language : std::string();  // the schema's values
  } catch (const std::exception&) {
    return {};  // the command reads ldt.toml again and reports what is wrong with it
  }
}

namespace paths {
fs::path plan_files(std::string_view plan_id) { return fs::path("plans") / fmt::format("{}.files", plan_id); }
fs::path plan_attachment(std::string_view plan_id, std::string_view sha256, std::string_view name) {
  return plan_files(plan_id) / fmt::format("{}-{}", sha256.substr(0, 12), name);
}
}  // namespace paths

void require_writable(const fs::path& root) {
  if (::access(root.c_str(), W_OK) == 0) return;
  throw state_error(tr("the project is read-only here: it can be read and reported on, but not changed"),
                    tr("run the command on a writable copy of the project"), root.string());
}

FileModes project_file_modes(const Settings& settings, std::string_view file) {
  FileModes modes;
  if (settings.shared_group.empty()) return modes;
  const group* entry = ::getgrnam(settings.shared_group.c_str());
  if (entry == nullptr) {
    throw input_error(fmt::format(fmt::runtime(tr("no group \"{}\" on this machine")), settings.shared_group),
                      tr("create the group (groupadd), or correct or remove [security] shared_group"),
                      std::string(file), 0, "security.shared_group");
  }
  modes.file = 0640;
  modes.directory = 0750;
  modes.group = static_cast<long>(entry->gr_gid);
  return modes;
}

ProjectLock::ProjectLock(const fs::path& root, Mode mode, double timeout_seconds)
    : path_(root), timeout_seconds_(timeout_seconds) {
  // The lock is on the project directory itself: no file to create (a read-only copy locks
  // too) and none to delete (removing .ldt/ mid-command never lets a second writer in).
  fd_ = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) {
    throw internal_error(fmt::format(fmt::runtime(tr("cannot open {}: {}")), path_.string(), std::strerror(errno)));
  }
  acquire(mode);
}

void ProjectLock::change(Mode mode) {
  if (mode != mode_) acquire(mode);
}

void ProjectLock::acquire(Mode mode) {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long long>(timeout_seconds_ * 1000));
  int operation = (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  while (::flock(fd_, operation) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      throw internal_error(fmt::format(fmt::runtime(tr("cannot lock {}: {}")), path_.string(), std::strerror(errno)));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw state_error(
          fmt::format(fmt::runtime(tr("the project is locked by another ldt command (waited {} s)")), timeout_seconds_),
          tr("wait for the other command to finish and try again; raise [rules] "
             "lock_timeout_seconds in ldt.toml if imports are long"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  mode_ = mode;
}

ProjectLock::~ProjectLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace ldt
