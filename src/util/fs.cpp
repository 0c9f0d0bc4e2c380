#include "ldt/util/fs.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

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

std::string read_file(const fs::path& path, std::string_view display_name) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw unreadable(path, display_name);
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
  if (context_ == nullptr ||
      EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr) != 1) {
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
  hex.reserve(length * 2);
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
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw internal_error(fmt::format("cannot create {}: {}", temp_path_.string(), std::strerror(errno)));
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

StagedFile::~StagedFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void StagedFile::write(std::string_view bytes) {
  hash_.update(bytes);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw internal_error(fmt::format("cannot write {}: {}", temp_path_.string(), std::strerror(errno)));
  }
}

void StagedFile::finish() {
  if (file_ == nullptr) return;
  bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (!ok) throw internal_error(fmt::format("cannot write {}: {}", temp_path_.string(), std::strerror(errno)));
  sha256_ = hash_.hex_digest();
}

WriteSet::WriteSet(fs::path root) : root_(std::move(root)) {
  staging_ = root_ / ".ldt" / "staging" / fmt::format("{}", ::getpid());
  fs::create_directories(staging_);
}

WriteSet::~WriteSet() {
  std::error_code ignored;
  files_.clear();
  fs::remove_all(staging_, ignored);
}

StagedFile& WriteSet::open(const fs::path& relative) {
  auto temp = staging_ / fmt::format("{}.tmp", files_.size());
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

void WriteSet::put(const fs::path& relative, std::string_view content) {
  StagedFile& file = open(relative);
  file.write(content);
  file.finish();
}

void WriteSet::copy_from(const fs::path& relative, const fs::path& source) {
  std::FILE* in = std::fopen(source.c_str(), "rb");
  if (in == nullptr) throw unreadable(source, {});
  StagedFile& file = open(relative);
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) file.write({buffer, n});
  std::fclose(in);
  file.finish();
}

void WriteSet::finish_all() {
  for (auto& file : files_) file->finish();
}

void WriteSet::commit() {
  finish_all();
  std::vector<fs::path> directories;
  for (auto& file : files_) {
    fs::create_directories(file->final_path().parent_path());
    fs::rename(file->temp_path(), file->final_path());
    directories.push_back(file->final_path().parent_path());
  }
  for (const auto& dir : directories) fsync_directory(dir);
  committed_ = true;
}

std::vector<std::pair<std::string, std::string>> WriteSet::written() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < files_.size(); ++i) {
    out.emplace_back(relatives_[i].generic_string(), files_[i]->sha256());
  }
  return out;
}

}  // namespace ldt
