#pragma once
/// The renderers: one per output format, each turning a Document into text. The only place
/// output is formatted and personal data masked (README "Design": a new format is one new
/// renderer here, touching no command).
#include <functional>
#include <string>
#include <string_view>

#include "ldt/report/document.hpp"
#include "ldt/util/text.hpp"  // display_width

namespace ldt {

/// How to render: the format, whether personal data is shown (`--unmask`), and whether the
/// output is a file for Excel/WPS (CSV then starts with a UTF-8 BOM and ID numbers are written
/// as ="…" so that Excel keeps them as text).
struct RenderOptions {
  Format format = Format::table;
  bool unmask = false;
  bool for_excel = false;
};

/// Where rendered text goes, piece by piece (stdout, or a buffer for --output files).
using Sink = std::function<void(std::string_view)>;

/// Renders `document` in `options.format` into `sink`. Tables with a `stream` are pulled row
/// by row: csv and json write each row as it comes.
void render(const Document& document, const RenderOptions& options, const Sink& sink);
/// The same into a string.
std::string render_to_string(const Document& document, const RenderOptions& options);

/// One renderer per format (report/render_*.cpp), called by `render`.
void render_text(const Document& document, const RenderOptions& options, const Sink& sink);
void render_csv(const Document& document, const RenderOptions& options, const Sink& sink);
void render_markdown(const Document& document, const RenderOptions& options, const Sink& sink);
void render_json(const Document& document, const RenderOptions& options, const Sink& sink);

/// The document's tables as an Excel workbook (.xlsx bytes, libxlsxwriter; report/render_xlsx.cpp):
/// one sheet per table, headings in bold on a frozen first row, every cell a text cell (number
/// format @) so that ID numbers and phones stay as typed, column widths fitting their text (a
/// CJK character counts two). Throws Error (exit 4) when the workbook cannot be written.
std::string render_xlsx(const Document& document, const RenderOptions& options);

/// What people see of a cell in table, csv and md: masked by its type unless `unmask`.
std::string display_text(const Cell& cell, bool unmask);

}  // namespace ldt
