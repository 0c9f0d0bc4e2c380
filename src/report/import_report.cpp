#include "ldt/report/import_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
/// How many line numbers a summary line names for one reason; the rest are counted.
constexpr std::size_t k_summary_lines = 20;

/// One line per (code, message): "rejected id-checksum ×2 (line 3, 9): message". A reason that
/// recurs thousands of times names its first 20 lines and how many more (the rejects listing
/// and the fix file have them all).
void grouped(const std::vector<Diagnostic>& issues, const char* label, std::vector<std::string>& lines) {
  // A row of a workbook is named with its sheet: "[3月16日] line 12" (zh "[3月16日] 第 12 行").
  const bool sheets = std::any_of(issues.begin(), issues.end(), [](const Diagnostic& d) { return !d.sheet.empty(); });
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_reason;
  for (const auto& issue : issues) {
    by_reason[{issue.code, issue.message}].push_back(
        sheets ? fmt::format(fmt::runtime(tr("[{}] line {}")), issue.sheet, issue.line) : std::to_string(issue.line));
  }
  for (const auto& [reason, numbers] : by_reason) {
    auto shown = std::min(numbers.size(), k_summary_lines);
    // TRANSLATORS: between the line numbers of a summary line; Chinese lists with "、".
    std::string where = fmt::format(
        "{}", fmt::join(numbers.begin(), numbers.begin() + static_cast<long>(shown), std::string_view(tr(", "))));
    if (numbers.size() > shown) {
      where += fmt::format(fmt::runtime(tr(" and {} more")), numbers.size() - shown);
    }
    // TRANSLATORS: rejected/duplicate, the code, how many, the line numbers (or the sheets and
    // lines of a workbook), the message.
    lines.push_back(fmt::format(fmt::runtime(sheets ? tr("  {} {} ×{} ({}): {}") : tr("  {} {} ×{} (line {}): {}")),
                                label, reason.first, numbers.size(), where, reason.second));
  }
}

Table issues_table(const std::vector<Diagnostic>& issues, bool with_field, bool with_sheet) {
  Table table{{{"sheet", tr("sheet"), true, with_sheet},
               {"line", tr("line")},
               {"code", tr("code")},
               {"field", tr("field"), true, with_field},
               {"message", tr("message")}},
              {},
              {},
              {}};
  for (const auto& issue : issues) {
    table.rows.push_back({text_cell(issue.sheet), integer_cell(issue.line), literal_cell(issue.code),
                          key_cell(issue.field), text_cell(issue.message)});
  }
  return table;
}

std::vector<std::string> summary_lines(const std::string& rejects_command, const std::vector<FileReport>& reports,
                                       bool dry_run, bool written) {
  std::vector<std::string> lines;
  long long rejected = 0;
  for (const auto& r : reports) {
    // A workbook is named by its format (and an .xls by its code page too), a text file by its encoding.
    const std::string kind = r.format == "csv"   ? r.encoding
                             : r.format == "xls" ? fmt::format("xls {}", r.encoding)
                                                 : r.format;
    lines.push_back(fmt::format(
        fmt::runtime(tr("{}: {}, header on line {}: {} accepted, {} duplicates, {} updated, {} rejected{}")), r.file,
        kind, r.header_line, r.accepted, r.duplicates, r.updated, r.rejected,
        r.skipped > 0 ? fmt::format(fmt::runtime(tr(", {} footer rows skipped")), r.skipped) : ""));
    for (const auto& sheet : r.sheets) {
      if (!sheet.skipped.empty()) {
        lines.push_back(fmt::format(fmt::runtime(tr("  sheet {}: skipped: {}")), sheet.name, sheet.skipped));
      } else if (r.sheets.size() > 1) {
        lines.push_back(fmt::format(fmt::runtime(tr("  sheet {}: header on line {}: {} accepted, {} duplicates, {} "
                                                    "updated, {} rejected")),
                                    sheet.name, sheet.header_line, sheet.accepted, sheet.duplicates, sheet.updated,
                                    sheet.rejected));
      }
    }
    grouped(r.rejects, tr("rejected"), lines);
    grouped(r.warnings, tr("warning"), lines);
    rejected += r.rejected;
  }
  if (dry_run) lines.emplace_back(tr("dry run: nothing was written"));
  if (rejected > 0 && written) {
    // Who sent a workbook gets the fix file as one.
    const bool workbook =
        std::any_of(reports.begin(), reports.end(), [](const FileReport& r) { return r.format != "csv"; });
    lines.push_back(fmt::format(fmt::runtime(tr("rejected rows are kept: `{} --output {}` writes them for correcting "
                                                "in Excel/WPS; import the corrected file again")),
                                rejects_command, workbook ? "fix.xlsx" : "fix.csv"));
  }
  return lines;
}
}  // namespace

Document import_report(const std::string& session, const std::vector<FileReport>& reports, bool dry_run, bool written,
                       const std::string& rejects_command) {
  Table files{{{"file", "file"},
               {"sha256", "sha256"},
               {"format", "format"},
               {"encoding", "encoding"},
               {"header_line", "header_line"},
               {"title", "title"},
               {"rows", "rows"},
               {"accepted", "accepted"},
               {"duplicates", "duplicates"},
               {"updated", "updated"},
               {"rejected", "rejected"},
               {"skipped", "skipped"},
               {"sheets", "sheets"},
               {"rejects", "rejects"},
               {"warnings", "warnings"}},
              {},
              {},
              {}};
  for (const auto& r : reports) {
    const bool workbook = r.format != "csv";
    Table sheets{{{"name", "name"},
                  {"header_line", "header_line"},
                  {"accepted", "accepted"},
                  {"duplicates", "duplicates"},
                  {"updated", "updated"},
                  {"rejected", "rejected"},
                  {"skipped", "skipped"}},
                 {},
                 {},
                 {}};
    for (const auto& sheet : r.sheets) {
      sheets.rows.push_back({text_cell(sheet.name), integer_cell(sheet.header_line), integer_cell(sheet.accepted),
                             integer_cell(sheet.duplicates), integer_cell(sheet.updated), integer_cell(sheet.rejected),
                             sheet.skipped.empty() ? null_cell() : text_cell(sheet.skipped)});
    }
    files.rows.push_back(
        {text_cell(r.file), literal_cell(r.sha256), literal_cell(r.format), literal_cell(r.encoding),
         integer_cell(r.header_line), text_cell(r.title), integer_cell(r.rows), integer_cell(r.accepted),
         integer_cell(r.duplicates), integer_cell(r.updated), integer_cell(r.rejected), integer_cell(r.skipped),
         workbook ? table_cell(std::move(sheets)) : empty_cell(), table_cell(issues_table(r.rejects, true, workbook)),
         table_cell(issues_table(r.warnings, false, workbook))});
  }
  Document document;
  document.add_paragraphs(
      summary_lines(rejects_command.empty() ? fmt::format("ldt signin rejects {}", session) : rejects_command, reports,
                    dry_run, written));
  document.add_record({{"session", literal_cell(session)}, {"files", table_cell(std::move(files))}}).human = false;
  return document;
}

}  // namespace ldt
