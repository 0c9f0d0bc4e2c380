// .xls workbooks (BIFF8, Excel 97–2003, and WPS .et files that are BIFF): FreeXL reads the cells
// (README "Workbooks"). What FreeXL 1.0.6 cannot do is said, not hidden: it cannot tell a hidden
// sheet (every sheet with a header imports) and keeps no formula result (such a cell reads
// empty; its row is rejected with a hint to save the workbook as .xlsx). FreeXL runs in a child
// process (read_isolated): a crafted file that makes it misbehave costs the child, not ldt.
#include <fcntl.h>
#include <fmt/format.h>
#include <freexl.h>
#ifdef LDT_FUZZ_SMALL_BUFFERS
#include <sanitizer/common_interface_defs.h>
#endif
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "ldt/ingest/cell_text.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

constexpr std::size_t k_ole2_entry_bytes = 128;
constexpr std::size_t k_ole2_header_bytes = 512;
/// The names of the OLE2 directory entries of the file at `path` (a compound file), read from
/// every 128-byte-aligned slot after the 512-byte header that has the shape of a directory
/// entry: a name of 2–64 bytes of UTF-16LE ending in U+0000, an entry type of storage (1),
/// stream (2) or root (5). Only ASCII names are kept. The file is read in chunks (memory stays
/// flat) and the directory is not walked through the FAT: FreeXL reads the file; this only tells
/// what kind of compound file it is, so a message can say so.
std::vector<std::string> ole2_entry_names(const std::string& path) {
  std::vector<std::string> names;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return names;
  std::array<unsigned char, std::size_t{512} * k_ole2_entry_bytes> chunk{};
  bool header = true;
  while (true) {
    std::size_t filled = 0;
    while (filled < chunk.size()) {
      const ssize_t count = ::read(descriptor, chunk.data() + filled, chunk.size() - filled);
      if (count <= 0) break;
      filled += static_cast<std::size_t>(count);
    }
    for (std::size_t at = header ? k_ole2_header_bytes : 0; at + k_ole2_entry_bytes <= filled;
         at += k_ole2_entry_bytes) {
      const unsigned char* entry = chunk.data() + at;
      const unsigned length = entry[64] | (entry[65] << 8U);
      const unsigned type = entry[66];
      if (length < 4 || length > 64 || length % 2 != 0 || (type != 1 && type != 2 && type != 5)) continue;
      if (entry[length - 2] != 0 || entry[length - 1] != 0) continue;
      std::string name;
      bool ascii = true;
      for (unsigned i = 0; i + 2 < length; i += 2) {
        if (entry[i + 1] != 0 || entry[i] < 0x20 || entry[i] > 0x7E) ascii = false;
        name.push_back(static_cast<char>(entry[i]));
      }
      if (ascii) names.push_back(std::move(name));
    }
    header = false;
    // A real directory has a few dozen entries; a file of nothing but entry-shaped slots stops here.
    if (filled < chunk.size() || names.size() > 4096) break;
  }
  ::close(descriptor);
  return names;
}

Error freexl_failure(const std::string& display_name, int code) {
  return workbook_damaged_error(display_name,
                                fmt::format(fmt::runtime(tr("FreeXL cannot read this .xls (error {})")), code));
}

/// The text and kind of one FreeXL cell (README "Workbooks": the number rules of .xlsx hold for
/// the doubles of an .xls).
void cell_text(const FreeXL_CellValue& value, std::string& text, CellKind& kind) {
  kind = CellKind::text;
  switch (value.type) {
    case FREEXL_CELL_INT:
      text = std::to_string(value.value.int_value);
      kind = CellKind::number;
      return;
    case FREEXL_CELL_DOUBLE: {
      NumberText number = number_text_of(value.value.double_value);
      text = std::move(number.text);
      if (number.valid) kind = number.beyond_15_digits ? CellKind::long_number : CellKind::number;
      return;
    }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      text = value.value.text_value == nullptr ? "" : value.value.text_value;
      return;
    default:
      text.clear();
  }
}

#if defined(__SANITIZE_ADDRESS__)
#define LDT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LDT_SANITIZED 1
#endif
#endif

/// The CPU seconds FreeXL may spend on one file (5 in the fuzz build, where a slow input is a
/// finding after 10 s).
#ifdef LDT_FUZZ_SMALL_BUFFERS
constexpr rlim_t k_child_cpu_seconds = 5;
#else
constexpr rlim_t k_child_cpu_seconds = 60;
#endif

/// What FreeXL read of a workbook, as the child process sends it to the parent.
struct XlsContent {
  std::string encoding = "utf-16";
  std::vector<SheetInfo> sheets;
  std::vector<std::vector<Record>> rows;  // per sheet
};

// The child's message: a status (0, the FreeXL error, or k_password), then for status 0 the
// encoding, the sheet count and per sheet its name, row count and rows (line, cell count, per
// cell its column, kind and text, a too-long flag). Integers little-endian as written by this
// same binary; strings length-prefixed.
constexpr std::int32_t k_password = 1;
/// A workbook with more sheets is no sign-in sheet (and FreeXL spends seconds per thousand).
constexpr std::uint32_t k_max_sheets = 1000;

class Writer {
 public:
  void u32(std::uint32_t value) { bytes.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    bytes.append(value);
  }
  std::string bytes;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::uint32_t u32() {
    std::uint32_t value = 0;
    if (bytes_.size() < sizeof value) throw std::runtime_error("short");
    std::memcpy(&value, bytes_.data(), sizeof value);
    bytes_.remove_prefix(sizeof value);
    return value;
  }
  std::string text() {
    const std::uint32_t size = u32();
    if (bytes_.size() < size) throw std::runtime_error("short");
    std::string value(bytes_.substr(0, size));
    bytes_.remove_prefix(size);
    return value;
  }

 private:
  std::string_view bytes_;
};

/// Runs in the child: FreeXL reads the file at `path`; the message goes to `out`.
void read_with_freexl(const std::string& path, Writer& out) {
  const void* handle = nullptr;
  int status = freexl_open(path.c_str(), &handle);
  unsigned int info = 0;
  if (status == FREEXL_OK && freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    status = k_password;
  }
  out.u32(static_cast<std::uint32_t>(status));
  if (status != FREEXL_OK) {
    freexl_close(handle);
    return;
  }
  info = 0;
  freexl_get_info(handle, FREEXL_BIFF_CODEPAGE, &info);
  out.text(info == FREEXL_BIFF_UTF16LE || info == 0 ? "utf-16" : fmt::format("cp{}", info));
  unsigned int count = 0;
  freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count);
  count = std::min(count, k_max_sheets + 1);  // one more than is read: the parent refuses the file
  out.u32(count);
  for (unsigned int sheet = 0; sheet < count; ++sheet) {
    const auto index = static_cast<unsigned short>(sheet);
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, index, &name) != FREEXL_OK || name == nullptr) name = "";
    out.text(*name == '\0' ? fmt::format("#{}", sheet + 1) : std::string(name));
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle, index) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) {
      rows = 0;
    }
    out.u32(rows);
    std::string text;
    CellKind kind = CellKind::text;
    for (unsigned int row = 0; row < rows; ++row) {
      Writer cells;
      std::uint32_t cell_count = 0;
      std::size_t bytes = 0;
      bool too_long = false;
      for (unsigned short column = 0; column < columns && !too_long; ++column) {
        FreeXL_CellValue value{};
        if (freexl_get_cell_value(handle, row, column, &value) != FREEXL_OK) continue;
        cell_text(value, text, kind);
        if (text.empty()) continue;
        bytes += text.size();
        too_long = bytes > k_max_line_bytes;
        if (too_long) break;
        cells.u32(column);
        cells.u32(static_cast<std::uint32_t>(kind));
        cells.text(text);
        ++cell_count;
      }
      out.u32(row + 1);
      out.u32(too_long ? 1 : 0);
      out.u32(too_long ? 0 : cell_count);
      if (!too_long) out.bytes += cells.bytes;
    }
  }
  freexl_close(handle);
}

XlsContent decode(std::string_view message, const std::string& display_name) {
  Reader in(message);
  XlsContent content;
  const auto status = static_cast<std::int32_t>(in.u32());
  if (status == k_password) throw workbook_password_error(display_name);
  if (status != FREEXL_OK) throw freexl_failure(display_name, status);
  content.encoding = in.text();
  const std::uint32_t sheets = in.u32();
  if (sheets > k_max_sheets) {
    throw workbook_damaged_error(
        display_name, fmt::format(fmt::runtime(tr("it lists {} sheets, more than {}")), sheets, k_max_sheets));
  }
  for (std::uint32_t sheet = 0; sheet < sheets; ++sheet) {
    std::string name = in.text();
    // Rows are known by (file, sheet, line): two sheets of one name would share their rejects.
    for (const auto& seen : content.sheets) {
      if (seen.name == name) {
        throw workbook_damaged_error(display_name, fmt::format(fmt::runtime(tr("two sheets are named \"{}\"")), name));
      }
    }
    content.sheets.push_back({std::move(name), false, true});
    auto& rows = content.rows.emplace_back();
    const std::uint32_t row_count = in.u32();
    for (std::uint32_t r = 0; r < row_count; ++r) {
      Record record;
      record.line = static_cast<int>(in.u32());
      record.problem_line = record.line;
      const bool too_long = in.u32() != 0;
      const std::uint32_t cells = in.u32();
      for (std::uint32_t c = 0; c < cells; ++c) {
        const std::uint32_t column = std::min(in.u32(), 0xFFFFU);
        const auto kind = static_cast<CellKind>(std::min(in.u32(), 2U));
        if (record.cells.size() <= column) {
          record.cells.resize(column + 1U);
          record.kinds.resize(column + 1U, CellKind::text);
        }
        record.cells[column] = in.text();
        record.kinds[column] = kind;
      }
      if (too_long) record.problem = Record::Problem::too_long;
      if (record.cells.empty()) {
        record.cells.emplace_back();
        record.kinds.push_back(CellKind::text);
      }
      rows.push_back(std::move(record));
    }
  }
  return content;
}

/// FreeXL in a child process (README "Workbooks": .xls): it has had memory errors on crafted
/// files, so whatever it does to a hostile file ends in the child — a crash, a CPU minute, a
/// GiB of memory — and the parent reports a damaged workbook (exit 2) instead of crashing.
XlsContent read_isolated(const std::string& path, const std::string& display_name) {
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_CLOEXEC) != 0) throw internal_error("pipe() failed");
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
    throw internal_error("fork() failed");
  }
  if (child == 0) {
    ::close(pipe_ends[0]);
#ifdef LDT_FUZZ_SMALL_BUFFERS
    // A FreeXL memory error found by the sanitizer ends this child only; libFuzzer's own crash
    // report (the parent's callback, inherited) would save every such input as ldt's finding.
    __sanitizer_set_death_callback(+[] { ::_exit(99); });
#endif
    const rlimit cpu{k_child_cpu_seconds, k_child_cpu_seconds};
    ::setrlimit(RLIMIT_CPU, &cpu);
#ifndef LDT_SANITIZED  // AddressSanitizer reserves terabytes of address space for its shadow
    const rlimit memory{std::size_t{1} << 30U, std::size_t{1} << 30U};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    int code = 0;
    try {
      Writer out;
      read_with_freexl(path, out);
      std::string_view rest = out.bytes;
      while (!rest.empty()) {
        const ssize_t count = ::write(pipe_ends[1], rest.data(), rest.size());
        if (count <= 0) break;
        rest.remove_prefix(static_cast<std::size_t>(count));
      }
    } catch (...) {
      code = 3;
    }
    ::_exit(code);
  }
  ::close(pipe_ends[1]);
  std::string message;
  std::array<char, 65536> chunk{};
  while (true) {
    const ssize_t count = ::read(pipe_ends[0], chunk.data(), chunk.size());
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) break;
    message.append(chunk.data(), static_cast<std::size_t>(count));
  }
  ::close(pipe_ends[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw workbook_damaged_error(display_name, tr("FreeXL failed on this .xls (the file is damaged or crafted)"));
  }
  try {
    return decode(message, display_name);
  } catch (const std::runtime_error&) {
    throw workbook_damaged_error(display_name, tr("FreeXL failed on this .xls (the file is damaged or crafted)"));
  }
}

/// The rows of one sheet, read before (all of an .xls fits: at most 65,536 rows).
class XlsSheet final : public SheetReader {
 public:
  explicit XlsSheet(std::vector<Record> rows) : rows_(std::move(rows)) {}
  bool next(Record& out) override {
    if (next_ >= rows_.size()) return false;
    out = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<Record> rows_;
  std::size_t next_ = 0;
};

class XlsWorkbook final : public Workbook {
 public:
  explicit XlsWorkbook(XlsContent content) : content_(std::move(content)) {}
  [[nodiscard]] SourceFormat format() const override { return SourceFormat::xls; }
  [[nodiscard]] std::string encoding() const override { return content_.encoding; }
  [[nodiscard]] const std::vector<SheetInfo>& sheets() const override { return content_.sheets; }
  std::unique_ptr<SheetReader> open_sheet(std::size_t index) override {
    return std::make_unique<XlsSheet>(std::move(content_.rows.at(index)));
  }

 private:
  XlsContent content_;
};

}  // namespace

void check_xls_ole2(const std::string& path, const std::string& display_name) {
  const std::vector<std::string> names = ole2_entry_names(path);
  auto has = [&](std::string_view wanted) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& name) { return name == wanted; });
  };
  if (has("EncryptionInfo") || has("EncryptedPackage")) throw workbook_password_error(display_name);
  if (has("Workbook") || has("Book")) return;
  if (has("WordDocument"))
    throw workbook_save_as_error(display_name, tr("this is a Word document, not an Excel workbook"));
  if (has("PowerPoint Document")) {
    throw workbook_save_as_error(display_name, tr("this is a PowerPoint presentation, not an Excel workbook"));
  }
  // No directory at all: the file was cut short (the directory sectors are missing).
  if (names.empty()) {
    throw workbook_damaged_error(display_name, tr("the file ends before its directory (cut short?)"));
  }
  throw workbook_save_as_error(display_name,
                               tr("this is an Office file with no Excel workbook in it (an old WPS .et spreadsheet, or "
                                  "another program's file), which ldt does not read"));
}

std::unique_ptr<Workbook> open_xls(const std::string& path, const std::string& display_name) {
  return std::make_unique<XlsWorkbook>(read_isolated(path, display_name));
}

}  // namespace ldt
