#include "ldt/ingest/line_reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

constexpr std::size_t k_npos = std::string_view::npos;

Error read_error(const std::string& display_name, int error_number) {
  return input_error(fmt::format(fmt::runtime(tr("cannot read the file: {}")), std::strerror(error_number)),
                     tr("check the path and that you may read the file"), display_name);
}

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* destination, std::size_t size) override {
    const std::size_t count = std::min(size, bytes_.size() - position_);
    std::memcpy(destination, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }
  void seek(long long offset) override { position_ = std::min(static_cast<std::size_t>(offset), bytes_.size()); }

 private:
  std::string bytes_;
  std::size_t position_ = 0;
};

class FileSource final : public ByteSource {
 public:
  FileSource(int descriptor, std::string display_name)
      : descriptor_(descriptor), display_name_(std::move(display_name)) {}
  ~FileSource() override { ::close(descriptor_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(char* destination, std::size_t size) override {
    while (true) {
      const ssize_t count = ::read(descriptor_, destination, size);
      if (count >= 0) return static_cast<std::size_t>(count);
      if (errno != EINTR) throw read_error(display_name_, errno);
    }
  }
  void seek(long long offset) override {
    if (::lseek(descriptor_, static_cast<off_t>(offset), SEEK_SET) < 0) {
      throw read_error(display_name_, errno);
    }
  }

 private:
  int descriptor_;
  std::string display_name_;
};

}  // namespace

std::unique_ptr<ByteSource> open_file_source(const std::string& path, const std::string& display_name) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    const int error_number = errno;
    throw input_error(fmt::format(fmt::runtime(tr("cannot open the file: {}")), std::strerror(error_number)),
                      tr("check the path and that you may read the file"), display_name);
  }
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    const int error_number = errno;
    ::close(descriptor);
    throw read_error(display_name, error_number);
  }
  if (S_ISDIR(status.st_mode)) {
    ::close(descriptor);
    throw input_error(tr("this is a directory, not a file"), tr("give the path of the exported sign-in file"),
                      display_name);
  }
  auto file = std::make_unique<FileSource>(descriptor, display_name);
  if (S_ISREG(status.st_mode)) return file;
  // A pipe cannot seek back; keep its bytes so the reader can re-read them.
  std::string bytes;
  std::string chunk(k_line_buffer_bytes, '\0');
  while (const std::size_t count = file->read(chunk.data(), chunk.size())) {
    bytes.append(chunk.data(), count);
  }
  return make_memory_source(std::move(bytes));
}

std::unique_ptr<ByteSource> make_memory_source(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

LineReader::LineReader(std::unique_ptr<ByteSource> source, Encoding encoding, long long start_offset)
    : source_(std::move(source)),
      decoder_(encoding),
      wide_(encoding == Encoding::utf16le || encoding == Encoding::utf16be) {
  buffer_.resize(k_line_buffer_bytes);
  source_->seek(start_offset);
  buffer_offset_ = start_offset;
}

bool LineReader::fill() {
  if (position_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + position_, length_ - position_);
    length_ -= position_;
    buffer_offset_ += static_cast<long long>(position_);
    position_ = 0;
  }
  if (length_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const std::size_t count = source_->read(buffer_.data() + length_, buffer_.size() - length_);
  if (count == 0) end_of_file_ = true;
  length_ += count;
  cache_valid_ = false;
  return count > 0;
}

std::size_t LineReader::find_terminator_8bit(std::size_t from) {
  // Cached per buffer so that a file using only CR (or only LF) is not rescanned per line.
  const auto refresh = [&](std::size_t& cached, char wanted) {
    if (cache_valid_ && (cached == k_npos || cached >= from)) return;
    const void* hit = std::memchr(buffer_.data() + from, wanted, length_ - from);
    cached = hit == nullptr ? k_npos : static_cast<std::size_t>(static_cast<const char*>(hit) - buffer_.data());
  };
  refresh(next_lf_, '\n');
  refresh(next_cr_, '\r');
  cache_valid_ = true;
  return std::min(next_lf_, next_cr_);
}

std::size_t LineReader::find_terminator_16bit(std::size_t from) const {
  const bool little = decoder_.encoding() == Encoding::utf16le;
  const auto* bytes = reinterpret_cast<const unsigned char*>(buffer_.data());
  for (std::size_t i = from; i + 1 < length_; i += 2) {
    const unsigned unit = little ? (bytes[i] | (bytes[i + 1] << 8U)) : ((bytes[i] << 8U) | bytes[i + 1]);
    if (unit == 0x0A || unit == 0x0D) return i;
  }
  return k_npos;
}

bool LineReader::next(PhysicalLine& line) {
  const std::size_t unit = wide_ ? 2 : 1;
  std::size_t end = 0;
  std::size_t terminator = 0;
  const long long start = buffer_offset_ + static_cast<long long>(position_);
  bool too_long = false;
  while (true) {
    if (position_ == length_ && end_of_file_ && !too_long) return false;
    end = wide_ ? find_terminator_16bit(position_) : find_terminator_8bit(position_);
    if (end == k_npos) {
      if (!end_of_file_) {
        // Whole units only: a 16-bit terminator whose first byte has come is not yet a byte of
        // the line, so a line of exactly the limit is not judged by how the reads fell.
        const std::size_t whole = (length_ - position_) - (length_ - position_) % unit;
        if (whole > k_max_line_bytes) {
          // Longer than any record may be: its bytes are dropped as they come (keeping a whole
          // 16-bit unit), so the buffer stays at its size while the terminator is sought.
          too_long = true;
          position_ += whole;
        }
        fill();
        continue;
      }
      end = length_;  // last line, no terminator
      terminator = 0;
      break;
    }
    terminator = unit;
    const bool is_cr =
        wide_ ? (decoder_.encoding() == Encoding::utf16le ? buffer_[end] == '\r' && buffer_[end + 1] == '\0'
                                                          : buffer_[end] == '\0' && buffer_[end + 1] == '\r')
              : buffer_[end] == '\r';
    if (!is_cr) break;
    if (end + 2 * unit > length_ && !end_of_file_) {  // CR at the buffer's end: LF may follow
      fill();
      continue;
    }
    if (end + 2 * unit <= length_) {
      const char* after = buffer_.data() + end + unit;
      const bool lf = wide_ ? (decoder_.encoding() == Encoding::utf16le ? after[0] == '\n' && after[1] == '\0'
                                                                        : after[0] == '\0' && after[1] == '\n')
                            : after[0] == '\n';
      if (lf) terminator = 2 * unit;
    }
    break;
  }
  // Too long is a property of the line, not of how the reads fell: a line found whole in the
  // buffer is judged by the same length as one whose start was dropped while it was sought.
  if (end - position_ > k_max_line_bytes) too_long = true;
  const std::string_view raw(buffer_.data() + position_, too_long ? 0 : end - position_);
  line.number = line_number_++;
  line.offset = too_long ? start : buffer_offset_ + static_cast<long long>(position_);
  line.terminated = terminator > 0;
  line.too_long = too_long;
  const std::size_t bad = decoder_.decode(raw, line.text);
  line.bad_offset = bad == k_npos ? -1 : line.offset + static_cast<long long>(bad);
  position_ = end + terminator;
  line.next_offset = buffer_offset_ + static_cast<long long>(position_);
  return true;
}

void LineReader::seek(long long offset, int line_number) {
  if (offset >= buffer_offset_ && offset <= buffer_offset_ + static_cast<long long>(length_)) {
    position_ = static_cast<std::size_t>(offset - buffer_offset_);
  } else {
    source_->seek(offset);
    buffer_offset_ = offset;
    length_ = 0;
    position_ = 0;
    end_of_file_ = false;
  }
  line_number_ = line_number;
  cache_valid_ = false;
}

}  // namespace ldt
