#include "ldt/cli/printer.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "ldt/domain/masking.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

std::string diagnostic_line(const Diagnostic& diagnostic) {
  const char* level = diagnostic.severity == Severity::error     ? tr("error")
                      : diagnostic.severity == Severity::warning ? tr("warning")
                                                                 : tr("note");
  return fmt::format("ldt: {}: {}\n", level, escape_controls(mask_personal_text(format_diagnostic(diagnostic))));
}

void print_diagnostic(const Diagnostic& diagnostic, const PrintOptions& options) {
  if (options.quiet && diagnostic.severity != Severity::error) return;
  std::string line = diagnostic_line(diagnostic);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

ExitCode print_result(const Result& result, const PrintOptions& options) {
  if (!options.quiet) {
    std::fwrite(result.raw_text.data(), 1, result.raw_text.size(), stdout);
    render(result.document, RenderOptions{options.format, result.unmask, false},
           [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  }
  for (const auto& diagnostic : result.diagnostics) print_diagnostic(diagnostic, options);
  return result.exit_code;
}

}  // namespace ldt
