// .xls workbooks (BIFF8, Excel 97–2003, and WPS .et files that are BIFF): FreeXL reads the cells
// (README "Workbooks"). What FreeXL 1.0.6 cannot do is said, not hidden: it cannot tell a hidden
// sheet (every sheet with a header imports) and keeps no formula result (such a cell reads
// empty; its row is rejected with a hint to save the workbook as .xlsx).
#include <fcntl.h>
#include <fmt/format.h>
#include <freexl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "ldt/ingest/cell_text.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

constexpr std::size_t k_ole2_entry_bytes = 128;
constexpr std::size_t k_ole2_header_bytes = 512;
/// The most of an OLE2 file read to find its streams: an .xls holds at most 65,536 rows.
constexpr std::size_t k_max_ole2_scan_bytes = std::size_t{512} << 20U;

/// The names of the OLE2 directory entries of `bytes` (a compound file), read from every
/// 128-byte-aligned slot after the header that has the shape of a directory entry: a name of
/// 2–64 bytes of UTF-16LE ending in U+0000, an entry type of storage (1), stream (2) or root
/// (5). Only ASCII names are kept. The directory is not walked through the FAT: FreeXL reads
/// the file; this only tells what kind of compound file it is, so a message can say so.
std::vector<std::string> ole2_entry_names(const std::string& bytes) {
  std::vector<std::string> names;
  for (std::size_t at = k_ole2_header_bytes; at + k_ole2_entry_bytes <= bytes.size(); at += k_ole2_entry_bytes) {
    const auto* entry = reinterpret_cast<const unsigned char*>(bytes.data() + at);
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
  return names;
}

std::string read_head(const std::string& path, std::size_t limit) {
  std::string bytes;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return bytes;
  std::array<char, 65536> chunk{};
  while (bytes.size() < limit) {
    const ssize_t count = ::read(descriptor, chunk.data(), chunk.size());
    if (count <= 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(count));
  }
  ::close(descriptor);
  return bytes;
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

class XlsSheet final : public SheetReader {
 public:
  XlsSheet(const void* handle, unsigned short index, std::string display_name)
      : handle_(handle), index_(index), display_name_(std::move(display_name)) {
    int status = freexl_select_active_worksheet(handle_, index_);
    if (status == FREEXL_OK) status = freexl_worksheet_dimensions(handle_, &rows_, &columns_);
    if (status != FREEXL_OK) throw freexl_failure(display_name_, status);
  }

  bool next(Record& out) override {
    if (row_ >= rows_) return false;
    // One sheet is active at a time in FreeXL: this one, whatever was read in between.
    int status = freexl_select_active_worksheet(handle_, index_);
    if (status != FREEXL_OK) throw freexl_failure(display_name_, status);
    out = Record{};
    out.line = static_cast<int>(row_) + 1;
    out.problem_line = out.line;
    std::size_t bytes = 0;
    std::string text;
    CellKind kind = CellKind::text;
    for (unsigned short column = 0; column < columns_; ++column) {
      FreeXL_CellValue value{};
      status = freexl_get_cell_value(handle_, row_, column, &value);
      if (status != FREEXL_OK) throw freexl_failure(display_name_, status);
      cell_text(value, text, kind);
      if (text.empty()) continue;
      bytes += text.size();
      if (bytes > k_max_line_bytes) {
        out.cells.assign(1, std::string());
        out.kinds.assign(1, CellKind::text);
        out.problem = Record::Problem::too_long;
        break;
      }
      out.cells.resize(column + 1U);
      out.kinds.resize(column + 1U, CellKind::text);
      out.cells[column] = std::move(text);
      out.kinds[column] = kind;
    }
    if (out.cells.empty()) {
      out.cells.emplace_back();
      out.kinds.push_back(CellKind::text);
    }
    ++row_;
    return true;
  }

 private:
  const void* handle_;
  unsigned short index_;
  std::string display_name_;
  unsigned int rows_ = 0, row_ = 0;
  unsigned short columns_ = 0;
};

class XlsWorkbook final : public Workbook {
 public:
  XlsWorkbook(const std::string& path, const std::string& display_name) : display_name_(display_name) {
    const int status = freexl_open(path.c_str(), &handle_);
    if (status != FREEXL_OK) {
      freexl_close(handle_);
      handle_ = nullptr;
      throw freexl_failure(display_name, status);
    }
    unsigned int info = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
      throw workbook_password_error(display_name);
    }
    if (freexl_get_info(handle_, FREEXL_BIFF_CODEPAGE, &info) == FREEXL_OK) {
      encoding_ = info == FREEXL_BIFF_UTF16LE ? "utf-16" : fmt::format("cp{}", info);
    }
    unsigned int count = 0;
    freexl_get_info(handle_, FREEXL_BIFF_SHEET_COUNT, &count);
    for (unsigned short i = 0; i < count; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(handle_, i, &name) != FREEXL_OK) name = nullptr;
      sheets_.push_back({name == nullptr ? fmt::format("#{}", i + 1) : std::string(name), false, true});
    }
  }
  ~XlsWorkbook() override {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  XlsWorkbook(const XlsWorkbook&) = delete;
  XlsWorkbook& operator=(const XlsWorkbook&) = delete;

  [[nodiscard]] SourceFormat format() const override { return SourceFormat::xls; }
  [[nodiscard]] std::string encoding() const override { return encoding_; }
  [[nodiscard]] const std::vector<SheetInfo>& sheets() const override { return sheets_; }
  std::unique_ptr<SheetReader> open_sheet(std::size_t index) override {
    return std::make_unique<XlsSheet>(handle_, static_cast<unsigned short>(index), display_name_);
  }

 private:
  const void* handle_ = nullptr;
  std::string display_name_;
  std::string encoding_ = "utf-16";
  std::vector<SheetInfo> sheets_;
};

}  // namespace

void check_xls_ole2(const std::string& path, const std::string& display_name) {
  const std::vector<std::string> names = ole2_entry_names(read_head(path, k_max_ole2_scan_bytes));
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
  throw workbook_save_as_error(display_name,
                               tr("this is an Office file with no Excel workbook in it (an old WPS .et spreadsheet, or "
                                  "another program's file), which ldt does not read"));
}

std::unique_ptr<Workbook> open_xls(const std::string& path, const std::string& display_name) {
  return std::make_unique<XlsWorkbook>(path, display_name);
}

}  // namespace ldt
