#pragma once
/// Excel and WPS workbooks read directly (README "Workbooks"): `.xlsx` (Office Open XML,
/// transitional and strict; libzip + expat) and `.xls` (BIFF8; FreeXL), recognised by their
/// content, never by the file name. A workbook yields its sheets; a sheet yields records of
/// cells (ingest/record_reader.hpp `Record`, `line` = the row number Excel shows, `kinds` set)
/// that the import engine reads exactly as the records of a CSV file.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// What a source file is. Its name in JSON (`"format"`): "csv", "xlsx", "xls".
enum class SourceFormat { csv, xlsx, xls };
std::string_view format_name(SourceFormat format);

/// Reads the start of the file at `path` (and, for a zip or an OLE2 file, its directory):
/// a zip whose `[Content_Types].xml` declares a spreadsheet main part is xlsx; an OLE2 file
/// with a `Workbook` (or `Book`) stream is xls (a WPS `.et` that is one, too); anything else
/// is read as text (csv). Throws input_error (exit 2) naming the file, saying what to save it
/// as, for a workbook ldt cannot read: password-protected (an OLE2 file holding
/// `EncryptionInfo`, an encrypted .xls, a zip with encrypted parts), a binary `.xlsb`, an
/// OpenDocument `.ods`, another Office document (Word, PowerPoint), an OLE2 file with no
/// workbook stream (an old WPS `.et`), a zip that is no workbook, a damaged zip.
SourceFormat detect_format(const std::string& path, const std::string& display_name);

/// One sheet as the workbook lists it, in workbook order.
struct SheetInfo {
  std::string name;
  bool hidden = false;    ///< hidden or very hidden in Excel (xlsx only: FreeXL cannot tell)
  bool worksheet = true;  ///< false for a chart sheet, dialog sheet or macro sheet: no cells
};

/// The rows of one sheet, streaming: rows come in sheet order, each with its Excel row
/// number as `line` (rows Excel stores no cell of are not yielded). A row whose cells hold more
/// than k_max_line_bytes in all comes as one record with Problem::too_long.
class SheetReader {
 public:
  virtual ~SheetReader() = default;
  SheetReader() = default;
  SheetReader(const SheetReader&) = delete;
  SheetReader& operator=(const SheetReader&) = delete;
  /// The next row into `out`; false after the last. Throws input_error for a damaged sheet.
  virtual bool next(Record& out) = 0;
};

/// An open workbook. Not thread-safe; its sheet readers must not outlive it.
class Workbook {
 public:
  virtual ~Workbook() = default;
  Workbook() = default;
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  [[nodiscard]] virtual SourceFormat format() const = 0;
  /// "utf-8" for xlsx; the code page of an xls, e.g. "cp936".
  [[nodiscard]] virtual std::string encoding() const = 0;
  [[nodiscard]] virtual const std::vector<SheetInfo>& sheets() const = 0;
  /// Opens sheet `index` (< sheets().size(), a worksheet). Throws input_error when damaged.
  virtual std::unique_ptr<SheetReader> open_sheet(std::size_t index) = 0;
};

/// Opens the workbook at `path` (format from `detect_format`, not csv). Throws input_error
/// (exit 2) naming `display_name` when it cannot be read.
std::unique_ptr<Workbook> open_workbook(const std::string& path, SourceFormat format, const std::string& display_name);

/// The largest part of an .xlsx that is read: 1 GiB uncompressed (a zip bomb declares less
/// and expands more; reading stops at this limit whatever the header claims). 1 MiB in the
/// fuzz build.
#ifdef LDT_FUZZ_SMALL_BUFFERS
inline constexpr unsigned long long k_max_part_bytes = 1ULL << 20U;
#else
inline constexpr unsigned long long k_max_part_bytes = 1ULL << 30U;
#endif

// The readers behind open_workbook and detect_format (ingest/xlsx_reader.cpp, xls_reader.cpp).
std::unique_ptr<Workbook> open_xlsx(const std::string& path, const std::string& display_name);
std::unique_ptr<Workbook> open_xls(const std::string& path, const std::string& display_name);
/// Throws input_error unless the zip at `path` is an xlsx (see detect_format).
void check_xlsx_zip(const std::string& path, const std::string& display_name);
/// Throws input_error unless the OLE2 file at `path` holds a Workbook stream (see detect_format).
void check_xls_ole2(const std::string& path, const std::string& display_name);
/// The readers' errors (exit 2), each naming the file and saying what to do: protected by a
/// password; not a workbook ldt reads (`what` says what it is); damaged (`what` says where).
Error workbook_password_error(const std::string& display_name);
Error workbook_save_as_error(const std::string& display_name, const std::string& what);
Error workbook_damaged_error(const std::string& display_name, const std::string& what);

}  // namespace ldt
