// An Excel workbook of a document's tables (libxlsxwriter; README "The fix loop": the fix file as
// .xlsx). Every cell is a text cell with number format @, so Excel and WPS keep ID numbers and
// phones as typed (no green triangles, no 4.41523E+17), and nothing is ever a formula.
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "ldt/report/render.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"
#include "render_support.hpp"

namespace ldt {

namespace {

constexpr double k_min_width = 6;
constexpr double k_max_width = 60;

/// A file name that exists until this object ends, for libxlsxwriter to write into.
class TemporaryFile {
 public:
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ldt-xlsx-XXXXXX").string();
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor < 0) throw write_failure(pattern, errno);
    ::close(descriptor);
    path_ = pattern;
  }
  ~TemporaryFile() { ::unlink(path_.c_str()); }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::size_t utf8_length(std::string_view text);

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_name(std::string title, std::size_t index) {
  for (char& c : title) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  }
  if (title.empty() || utf8_length(title) > 31) title = fmt::format("Sheet{}", index + 1);
  return title;
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

/// `text` as a cell may hold it in the XML libxlsxwriter writes: U+FFFE and U+FFFF, which XML
/// forbids, written as the escapes `_xFFFE_`/`_xFFFF_`, and a literal `_xHHHH_` in the text kept
/// literal by escaping its underscore (`_x005F_`), so the import reads back exactly the text.
/// libxlsxwriter escapes C0 controls itself.
std::string cell_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\xEF\xBF\xBE") || rest.starts_with("\xEF\xBF\xBF")) {
      out += rest[2] == '\xBE' ? "_xFFFE_" : "_xFFFF_";
      i += 2;
      continue;
    }
    const bool escape = rest.size() >= 7 && rest[0] == '_' && rest[1] == 'x' && rest[6] == '_' &&
                        std::all_of(rest.begin() + 2, rest.begin() + 6,
                                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    out += escape ? "_x005F_" : std::string(1, text[i]);
  }
  return out;
}

}  // namespace

std::string render_xlsx(const Document& document, const RenderOptions& options) {
  const TemporaryFile file;
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) throw internal_error("libxlsxwriter could not start a workbook");
  lxw_format* text = workbook_add_format(workbook);
  format_set_num_format(text, "@");
  lxw_format* heading = workbook_add_format(workbook);
  format_set_num_format(heading, "@");
  format_set_bold(heading);
  std::size_t sheet_count = 0;
  render_support::for_each_human_part(
      document, options, [](std::string_view) {}, [](const std::string& title) { return title; },
      [&](const Section& section, const Table& table) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name(section.title, sheet_count++).c_str());
        const auto columns = render_support::human_columns(table);
        std::vector<int> widths(columns.size(), 0);
        const auto labels = render_support::labels(table, columns);
        for (std::size_t c = 0; c < columns.size(); ++c) {
          worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), cell_text(labels[c]).c_str(), heading);
          widths[c] = display_width(labels[c]);
        }
        lxw_row_t row_number = 0;
        render_support::for_each_row(table, [&](const Row& row) {
          ++row_number;
          for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c] >= row.size()) continue;
            const std::string shown = display_text(row[columns[c]], options.unmask);
            if (shown.empty()) continue;
            worksheet_write_string(sheet, row_number, static_cast<lxw_col_t>(c), cell_text(shown).c_str(), text);
            widths[c] = std::max(widths[c], display_width(shown));
          }
        });
        for (std::size_t c = 0; c < columns.size(); ++c) {
          // Widths are in characters of the default font: a CJK character is two.
          const double width = std::clamp(static_cast<double>(widths[c]) + 2, k_min_width, k_max_width);
          worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, text);
        }
        worksheet_freeze_panes(sheet, 1, 0);
      });
  if (sheet_count == 0) workbook_add_worksheet(workbook, nullptr);
  const lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    throw internal_error(fmt::format("libxlsxwriter could not write the workbook: {}", lxw_strerror(status)));
  }
  return read_file(file.path());
}

}  // namespace ldt
