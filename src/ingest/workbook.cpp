#include "ldt/ingest/workbook.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::string_view format_name(SourceFormat format) {
  switch (format) {
    case SourceFormat::xlsx:
      return "xlsx";
    case SourceFormat::xls:
      return "xls";
    case SourceFormat::csv:
      break;
  }
  return "csv";
}

SourceFormat detect_format(const std::string& path, const std::string& display_name) {
  std::array<char, 8> head{};
  std::size_t filled = 0;
  if (const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); descriptor >= 0) {
    while (filled < head.size()) {
      const ssize_t count = ::read(descriptor, head.data() + filled, head.size() - filled);
      if (count <= 0) break;
      filled += static_cast<std::size_t>(count);
    }
    ::close(descriptor);
  }
  const std::string_view bytes(head.data(), filled);
  // An empty zip (PK\5\6) is a zip too: it holds no workbook, and says so.
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    check_xlsx_zip(path, display_name);
    return SourceFormat::xlsx;
  }
  if (bytes == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    check_xls_ole2(path, display_name);
    return SourceFormat::xls;
  }
  return SourceFormat::csv;  // the text reader refuses what is not text
}

std::unique_ptr<Workbook> open_workbook(const std::string& path, SourceFormat format, const std::string& display_name) {
  return format == SourceFormat::xls ? open_xls(path, display_name) : open_xlsx(path, display_name);
}

Error workbook_password_error(const std::string& display_name) {
  return input_error(tr("this workbook is protected by a password, so it cannot be read"),
                     tr("open it in Excel/WPS, remove the password (文件 → 信息 → 保护工作簿 → 用密码进行加密: "
                        "clear it) and save it again"),
                     display_name);
}

Error workbook_save_as_error(const std::string& display_name, const std::string& what) {
  return input_error(what, tr("open it in Excel/WPS and save the sign-in sheet as .xlsx (Excel 工作簿) or CSV (UTF-8)"),
                     display_name);
}

Error workbook_damaged_error(const std::string& display_name, const std::string& what) {
  return input_error(fmt::format(fmt::runtime(tr("the workbook is damaged or incomplete: {}")), what),
                     tr("open it in Excel/WPS and save it again as .xlsx, or save it as CSV (UTF-8)"), display_name);
}

}  // namespace ldt
