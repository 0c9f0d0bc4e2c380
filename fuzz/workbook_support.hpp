#pragma once
/// Shared by the workbook harnesses (README "Fuzzing"): the bytes as a file the readers open by
/// path (a memfd, /proc/self/fd/N: nothing on disk), and the read of every sheet with the
/// invariants each record keeps. An ldt::Error (exit 2, a clear message) is a correct answer to
/// a damaged workbook; any other exception, a crash or a broken invariant is a finding.
#include <sys/mman.h>
#include <unistd.h>

#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/text.hpp"

namespace ldt::fuzz {

/// A file holding `bytes`, named by a path, for the life of the object.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) : descriptor_(::memfd_create("ldt-fuzz", MFD_CLOEXEC)) {
    LDT_FUZZ_CHECK(descriptor_ >= 0);
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t count = ::write(descriptor_, bytes.data() + written, bytes.size() - written);
      LDT_FUZZ_CHECK(count > 0);
      written += static_cast<std::size_t>(count);
    }
    path_ = "/proc/self/fd/" + std::to_string(descriptor_);
  }
  ~MemoryFile() { ::close(descriptor_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  int descriptor_;
  std::string path_;
};

/// Detects, opens and reads every sheet of the file at `path`; true when it read as a workbook.
inline bool read_every_sheet(const std::string& path) {
  try {
    const SourceFormat format = detect_format(path, "fuzz.xlsx");
    if (format == SourceFormat::csv) return false;
    auto workbook = open_workbook(path, format, "fuzz.xlsx");
    const auto& sheets = workbook->sheets();
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      LDT_FUZZ_CHECK(is_valid_utf8(sheets[i].name));
      if (!sheets[i].worksheet) continue;
      auto reader = workbook->open_sheet(i);
      Record record;
      while (reader->next(record)) {
        LDT_FUZZ_CHECK(record.line > 0);
        LDT_FUZZ_CHECK(!record.cells.empty());
        LDT_FUZZ_CHECK(record.kinds.size() == record.cells.size());
        LDT_FUZZ_CHECK(record.cells.size() <= 16384);
        std::size_t bytes = 0;
        for (const auto& cell : record.cells) {
          LDT_FUZZ_CHECK(is_valid_utf8(cell));
          bytes += cell.size();
        }
        LDT_FUZZ_CHECK(bytes <= k_max_line_bytes);
        LDT_FUZZ_CHECK(record.problem == Record::Problem::none || record.problem == Record::Problem::too_long);
      }
    }
    return true;
  } catch (const Error& error) {
    LDT_FUZZ_CHECK(error.exit_code() == ExitCode::input);
    return false;
  }
}

}  // namespace ldt::fuzz
