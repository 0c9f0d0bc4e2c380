#include "ldt/util/fs.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <functional>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
Error unreadable(const fs::path& path, std::string_view display_name) {
  return input_error(fmt::format(fmt::runtime(tr("cannot read the file: {}")), std::strerror(errno)),
                     tr("check the path and its permissions"),
                     display_name.empty() ? path.string() : std::string(display_name));
}

void fsync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}
}  // namespace

namespace {
FileModes g_modes;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables): set once per command
}  // namespace

void set_file_modes(const FileModes& modes) { g_modes = modes; }
const FileModes& file_modes() { return g_modes; }

void apply_file_mode(const fs::path& path, bool directory) {
  // Best effort on files ldt just made: a file system without modes (a USB stick) keeps its own.
  if (::chmod(path.c_str(), directory ? g_modes.directory : g_modes.file) != 0) return;
  if (g_modes.group >= 0 && ::chown(path.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(g_modes.group)) != 0) {
    return;
  }
}

void make_directories(const fs::path& dir) {
  if (dir.empty()) return;
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
  make_directories(dir.parent_path());
  if (::mkdir(dir.c_str(), g_modes.directory) != 0) {
    if (errno == EEXIST && fs::is_directory(dir, ec)) return;
    if (errno == EEXIST || errno == ENOTDIR) {
      throw input_error(tr("this is not a directory (a file?), so ldt cannot write into it"),
                        tr("move it out of the way and run the command again"), dir.string());
    }
    throw write_failure(dir, errno);
  }
  apply_file_mode(dir, true);
}

Error write_failure(const fs::path& path, int error_number) {
  if (error_number == ENOSPC || error_number == EDQUOT) {
    return state_error(tr("no space left on the device holding the project; nothing was written"),
                       tr("free some space (or raise the quota) and run the command again"), path.string());
  }
  if (error_number == EROFS || error_number == EACCES || error_number == EPERM) {
    return state_error(
        fmt::format(fmt::runtime(tr("the project cannot be written here: {}")), std::strerror(error_number)),
        tr("run the command where the project is writable (a read-only copy can only be read)"), path.string());
  }
  return internal_error(
      fmt::format(fmt::runtime(tr("cannot write {}: {}")), path.string(), std::strerror(error_number)));
}

void require_no_link(const fs::path& root, const fs::path& relative) {
  fs::path walked;
  for (const auto& part : relative) {
    walked /= part;
    struct stat info {};
    if (::lstat((root / walked).c_str(), &info) != 0) return;  // not there (yet): nothing to follow
    if (S_ISLNK(info.st_mode)) {
      throw input_error(tr("this is a symbolic link: the project never reads or writes its record through a link, "
                           "which could lead out of it"),
                        tr("replace the link with the file or directory itself"), walked.generic_string());
    }
  }
}

namespace {
/// Opens an existing regular file for reading; `size` (when given) gets its size at opening.
std::FILE* open_regular(const fs::path& path, std::string_view display_name, long long* size) {
  // O_NONBLOCK: a FIFO swapped in for the file never blocks the open (the lock may be held);
  // fstat on what was opened, not on the name, so nothing can be swapped in between.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw unreadable(path, display_name);
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    throw input_error(tr("not a regular file (a directory, a pipe or a device)"), tr("give the path of a file"),
                      display_name.empty() ? path.string() : std::string(display_name));
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (size != nullptr) *size = info.st_size;
  std::FILE* file = ::fdopen(fd, "rb");
  if (file == nullptr) {
    ::close(fd);
    throw unreadable(path, display_name);
  }
  return file;
}
}  // namespace

std::string read_file(const fs::path& path, std::string_view display_name) {
  std::FILE* file = open_regular(path, display_name, nullptr);
  std::string content;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) content.append(buffer, n);
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw unreadable(path, display_name);
  return content;
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr) != 1) {
    throw internal_error("OpenSSL SHA-256 initialisation failed");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

void Sha256::update(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), bytes.data(), bytes.size());
}

std::string Sha256::hex_digest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest, &length);
  std::string hex;
  hex.reserve(static_cast<std::size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.hex_digest();
}

std::string sha256_file(const fs::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw unreadable(path, {});
  Sha256 hash;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) hash.update({buffer, n});
  std::fclose(file);
  return hash.hex_digest();
}

StagedFile::StagedFile(fs::path final_path, fs::path temp_path)
    : final_path_(std::move(final_path)), temp_path_(std::move(temp_path)) {
  int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, g_modes.file);
  if (fd < 0) throw write_failure(final_path_, errno);
  // The mode exactly as the project says, whatever the umask (README "Personal data on disk").
  if (::fchmod(fd, g_modes.file) != 0 ||
      (g_modes.group >= 0 && ::fchown(fd, static_cast<uid_t>(-1), static_cast<gid_t>(g_modes.group)) != 0)) {
    int error_number = errno;
    ::close(fd);
    throw write_failure(final_path_, error_number);
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    throw write_failure(final_path_, errno);
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

StagedFile::~StagedFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void StagedFile::write(std::string_view bytes) {
  hash_.update(bytes);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) throw write_failure(final_path_, errno);
}

void StagedFile::finish() {
  if (file_ == nullptr) return;
  bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (!ok) throw write_failure(final_path_, errno);
  sha256_ = hash_.hex_digest();
}

WriteSet::WriteSet(fs::path root) : root_(std::move(root)) {
  staging_ = root_ / k_staging_dir / fmt::format("{}", ::getpid());
}

WriteSet::~WriteSet() {
  std::error_code ignored;
  files_.clear();
  append_.reset();
  if (!staged_) return;
  fs::remove_all(staging_, ignored);
  fs::remove(staging_.parent_path(), ignored);  // only when empty: another writer's staging stays
}

void WriteSet::ensure_staging() {
  // Created only when the first file is staged: a command makes its staging directory while it
  // holds the exclusive lock, so another command never mistakes it for an interrupted commit.
  if (staged_) return;
  require_staging_root(root_);
  make_directories(staging_);
  staged_ = true;
}

StagedFile& WriteSet::open(const fs::path& relative) {
  require_no_link(root_, relative);
  ensure_staging();
  auto temp = staging_ / fmt::format("{}.tmp", next_temp_++);
  files_.push_back(std::make_unique<StagedFile>(root_ / relative, temp));
  relatives_.push_back(relative);
  return *files_.back();
}

void WriteSet::drop(const StagedFile& file) {
  for (size_t i = 0; i < files_.size(); ++i) {
    if (files_[i].get() != &file) continue;
    std::error_code ignored;
    fs::path temp = files_[i]->temp_path();
    files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(i));
    relatives_.erase(relatives_.begin() + static_cast<std::ptrdiff_t>(i));
    fs::remove(temp, ignored);
    return;
  }
}

void WriteSet::append(const fs::path& relative, long long offset, std::string_view bytes) {
  if (append_) throw internal_error("one append per WriteSet");
  require_no_link(root_, relative);
  ensure_staging();
  auto temp = staging_ / fmt::format("{}.tmp", next_temp_++);
  append_ = Append{relative, offset, std::make_unique<StagedFile>(root_ / relative, temp)};
  append_->bytes->write(bytes);
  append_->bytes->finish();
}

void WriteSet::put(const fs::path& relative, std::string_view content) {
  StagedFile& file = open(relative);
  file.write(content);
  file.finish();
}

StagedFile& WriteSet::copy_from(const fs::path& relative, const fs::path& source) {
  long long size = 0;
  std::FILE* in = open_regular(source, {}, &size);
  StagedFile& file = open(relative);
  // The bytes the file had when it was opened: one that grows meanwhile is copied as it was.
  char buffer[1 << 16];
  size_t n = 0;
  auto left = static_cast<unsigned long long>(size);
  while (left > 0 && (n = std::fread(buffer, 1, std::min<unsigned long long>(sizeof buffer, left), in)) > 0) {
    file.write({buffer, n});
    left -= n;
  }
  bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) throw unreadable(source, {});
  file.finish();
  return file;
}

void WriteSet::relocate(const StagedFile& file, const fs::path& relative) {
  require_no_link(root_, relative);
  for (size_t i = 0; i < files_.size(); ++i) {
    if (files_[i].get() == &file) {
      relatives_[i] = relative;
      files_[i]->relocate(root_ / relative);
    }
  }
}

void WriteSet::finish_all() {
  for (auto& file : files_) file->finish();
}

void WriteSet::drop_unchanged() {
  finish_all();
  std::vector<const StagedFile*> unchanged;
  for (const auto& file : files_) {
    std::error_code ec;
    auto size = fs::file_size(file->final_path(), ec);
    if (ec || fs::is_symlink(file->final_path(), ec) || size != fs::file_size(file->temp_path(), ec)) continue;
    if (sha256_file(file->final_path()) == file->sha256()) unchanged.push_back(file.get());
  }
  for (const auto* file : unchanged) drop(*file);
}

namespace {
constexpr const char* k_commit_list = "commit.list";

/// A path in the commit list: every byte below 0x21, '%' and 0x7f as %XX, so that no file name
/// (a newline, a tab) can change the list's structure. The list is ldt's own; names are data.
std::string encode_list_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == '%' || byte == 0x7f)
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

std::string decode_list_name(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned value = 0;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ptr == text.data() + i + 3) {
      out += static_cast<char>(value);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

/// Throws Error when `relative` cannot land as a file: a link on the way (exit 2), or something
/// other than a file already there (a directory). The one check of commit and roll_forward.
void require_file_target(const fs::path& root, const fs::path& relative) {
  require_no_link(root, relative);
  std::error_code ec;
  auto target = fs::symlink_status(root / relative, ec);
  if (fs::exists(target) && !fs::is_regular_file(target)) {
    throw input_error(tr("this is not a file (a directory?), so ldt cannot write it"),
                      tr("move it out of the way and run the command again"), relative.generic_string());
  }
}

/// True for a commit-list entry ldt could have written: a plain temp name ("3.tmp") and a
/// relative target inside the project, outside `.ldt-staging/` and `.ldt/`.
bool is_confined(const std::string& temp_name, const fs::path& relative) {
  if (temp_name.empty() || temp_name.find('/') != std::string::npos || temp_name == "." || temp_name == "..") {
    return false;
  }
  if (relative.empty() || relative.is_absolute() || relative.has_root_path()) return false;
  for (const auto& part : relative) {
    if (part == ".." || part == ".") return false;
  }
  auto top = relative.begin()->string();
  return top != k_staging_dir && top != ".ldt";
}

/// Does the append of a commit-list entry "OFFSET TEMP RELATIVE" (WriteSet::append): the file
/// must be OFFSET bytes long, or hold a prefix of the bytes (or all of them) after OFFSET,
/// as a killed command may have left it. Anything else is skipped. True when bytes were written.
bool append_bytes(const fs::path& staging, const fs::path& root, const std::string& entry) {
  auto first = entry.find(' ');
  auto second = first == std::string::npos ? std::string::npos : entry.find(' ', first + 1);
  if (second == std::string::npos) return false;
  long long offset = -1;
  auto offset_text = std::string_view(entry).substr(0, first);
  auto [ptr, parse_error] = std::from_chars(offset_text.data(), offset_text.data() + offset_text.size(), offset);
  if (parse_error != std::errc() || ptr != offset_text.data() + offset_text.size() || offset < 0) return false;
  auto temp_name = decode_list_name(entry.substr(first + 1, second - first - 1));
  fs::path relative = fs::path(decode_list_name(entry.substr(second + 1))).lexically_normal();
  if (!is_confined(temp_name, relative)) return false;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(staging / temp_name, ec))) return false;
  try {
    require_file_target(root, relative);
  } catch (const Error&) {
    return false;
  }
  std::string bytes = read_file(staging / temp_name);
  int fd = ::open((root / relative).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, g_modes.file);
  if (fd < 0) throw write_failure(root / relative, errno);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  auto size = static_cast<long long>(st.st_size);
  auto end = offset + static_cast<long long>(bytes.size());
  if (size < offset || size > end) return false;
  // What a killed command wrote after OFFSET must be the start of these bytes.
  std::string there(static_cast<std::size_t>(size - offset), '\0');
  if (!there.empty() && ::pread(fd, there.data(), there.size(), offset) != static_cast<ssize_t>(there.size())) {
    return false;
  }
  if (bytes.compare(0, there.size(), there) != 0) return false;
  if (size == end) return false;  // already complete
  std::string_view rest = std::string_view(bytes).substr(there.size());
  auto at = static_cast<off_t>(size);
  while (!rest.empty()) {
    ssize_t n = ::pwrite(fd, rest.data(), rest.size(), at);
    if (n < 0) {
      int error_number = errno;
      // Nothing half-written stays: the journal is cut back to where it was.
      if (::ftruncate(fd, static_cast<off_t>(offset)) != 0) {
        // The next command completes or refuses it (a cut line breaks the chain).
      }
      throw write_failure(root / relative, error_number);
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
    at += n;
  }
  if (::fsync(fd) != 0) throw write_failure(root / relative, errno);
  if (size == 0 && offset == 0) fsync_directory((root / relative).parent_path());
  return true;
}

/// Renames what a commit list names; a temp already gone was renamed before. An entry that
/// cannot be what ldt wrote (outside the project, through a link, onto a directory) is
/// skipped. Returns how many files it renamed.
int roll_forward(const fs::path& staging, const fs::path& root) {
  int renamed = 0;
  std::string list = read_file(staging / k_commit_list);
  size_t start = 0;
  std::vector<fs::path> directories;
  while (start < list.size()) {
    size_t end = list.find('\n', start);
    if (end == std::string::npos) break;
    std::string line = list.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("append ")) {
      if (append_bytes(staging, root, line.substr(7))) ++renamed;
      continue;
    }
    auto space = line.find(' ');
    if (space == std::string::npos) continue;
    // A list is ldt's own, but it is a file anyone who can write the project could plant: its
    // temp names stay in the staging directory and its targets inside the project, never in
    // the staging or index directories, never through a link.
    auto temp_name = decode_list_name(line.substr(0, space));
    fs::path relative = fs::path(decode_list_name(line.substr(space + 1))).lexically_normal();
    if (!is_confined(temp_name, relative)) continue;
    fs::path temp = staging / temp_name;
    fs::path final_path = root / relative;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(temp, ec))) continue;
    try {
      require_file_target(root, relative);
      make_directories(final_path.parent_path());
    } catch (const Error&) {
      continue;
    }
    fs::rename(temp, final_path, ec);
    if (ec) continue;
    ++renamed;
    directories.push_back(final_path.parent_path());
  }
  for (const auto& dir : directories) fsync_directory(dir);
  return renamed;
}
}  // namespace

void WriteSet::commit() {
  ensure_staging();
  finish_all();
  for (const auto& relative : relatives_) {
    require_file_target(root_, relative);  // what roll_forward would skip is refused before anything lands
    // Its directory too: a file where a directory must be (sessions/<id>/archive as a file)
    // refuses the command here, instead of a rename skipped after the journal line.
    for (fs::path dir = relative.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      std::error_code ec;
      auto status = fs::symlink_status(root_ / dir, ec);
      if (fs::exists(status) && !fs::is_directory(status)) {
        throw input_error(tr("this is not a directory (a file?), so ldt cannot write into it"),
                          tr("move it out of the way and run the command again"), dir.generic_string());
      }
    }
    make_directories((root_ / relative).parent_path());
  }
  // The commit list makes the renames one step: once it is on disk, a killed process's commit
  // is completed by the next command; before that, nothing of it is visible.
  // The append comes first: a full disk refuses it (cut back, exception, the staging removed
  // with this WriteSet) before any file has landed; renames need no space.
  std::string list;
  if (append_) {
    require_file_target(root_, append_->relative);
    list += fmt::format("append {} {} {}\n", append_->offset,
                        encode_list_name(append_->bytes->temp_path().filename().string()),
                        encode_list_name(append_->relative.generic_string()));
  }
  for (size_t i = 0; i < files_.size(); ++i) {
    list += encode_list_name(files_[i]->temp_path().filename().string()) + " " +
            encode_list_name(relatives_[i].generic_string()) + "\n";
  }
  list += "end\n";
  {
    StagedFile commit_list(staging_ / k_commit_list, staging_ / (std::string(k_commit_list) + ".tmp"));
    commit_list.write(list);
    commit_list.finish();
    fs::rename(commit_list.temp_path(), commit_list.final_path());
    fsync_directory(staging_);
  }
  roll_forward(staging_, root_);
  committed_ = true;
}

int recover_staged_writes(const fs::path& root) {
  int recovered = 0;
  std::error_code ec;
  require_staging_root(root);
  auto staging_root = root / k_staging_dir;
  for (const auto& entry : fs::directory_iterator(staging_root, ec)) {
    std::error_code ignored;
    // Only a real directory is a command's staging: a link (or a file) planted here is removed,
    // never followed.
    if (entry.is_directory(ignored) && !entry.is_symlink(ignored)) {
      auto list = entry.path() / k_commit_list;
      if (fs::is_regular_file(fs::symlink_status(list, ignored)) && read_file(list).ends_with("end\n") &&
          roll_forward(entry.path(), root) > 0) {
        ++recovered;
      }
    }
    fs::remove_all(entry.path(), ignored);
  }
  return recovered;
}

void require_staging_root(const fs::path& root) {
  require_no_link(root, k_staging_dir);
  std::error_code ec;
  auto dir = root / k_staging_dir;
  if (fs::exists(fs::symlink_status(dir, ec)) && !fs::is_directory(fs::symlink_status(dir, ec))) {
    throw state_error(tr("`.ldt-staging` is not a directory, so no write can be staged there"),
                      tr("delete .ldt-staging (it holds only unfinished writes) and run the command again"),
                      dir.string());
  }
}

bool has_staged_writes(const fs::path& root) {
  std::error_code ec;
  return fs::directory_iterator(root / k_staging_dir, ec) != fs::directory_iterator();
}

void write_file_atomically(const fs::path& path, const std::function<void(const fs::path& temp)>& write) {
  fs::path directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(directory)) {
    throw input_error(fmt::format(fmt::runtime(tr("the directory {} does not exist")), directory.string()),
                      tr("create it first, or write elsewhere"), path.string());
  }
  fs::path temp = directory / fmt::format(".{}.{}.tmp", path.filename().string(), ::getpid());
  std::error_code ec;
  try {
    write(temp);
  } catch (...) {
    fs::remove(temp, ec);
    throw;
  }
  // An export may hold personal data (a fix file does): the project's file mode, not 0666.
  int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  bool ok = fd >= 0 && ::fchmod(fd, g_modes.file) == 0 && ::fsync(fd) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (ok) fs::rename(temp, path, ec);
  if (!ok || ec) {
    const int saved = errno;
    fs::remove(temp, ec);
    throw input_error(fmt::format(fmt::runtime(tr("cannot write the file: {}")), std::strerror(saved)), {},
                      path.string());
  }
  fsync_directory(directory);
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  write_file_atomically(path, [&](const fs::path& temp) {
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, g_modes.file);
    std::FILE* file = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
    if (file == nullptr && fd >= 0) ::close(fd);
    if (file == nullptr) {
      throw input_error(fmt::format(fmt::runtime(tr("cannot write here: {}")), std::strerror(errno)),
                        tr("choose a directory you may write to"), path.string());
    }
    bool ok = std::fwrite(content.data(), 1, content.size(), file) == content.size();
    ok = std::fclose(file) == 0 && ok;
    if (!ok) {
      throw input_error(fmt::format(fmt::runtime(tr("cannot write the file: {}")), std::strerror(errno)), {},
                        path.string());
    }
  });
}

std::vector<std::pair<std::string, std::string>> WriteSet::written() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < files_.size(); ++i) {
    out.emplace_back(relatives_[i].generic_string(), files_[i]->sha256());
  }
  return out;
}

}  // namespace ldt
