#include "ldt/util/diagnostic.hpp"

#include <fmt/format.h>

#include "ldt/util/i18n.hpp"

namespace ldt {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out;
  if (!diagnostic.file.empty()) {
    out += diagnostic.file;
    if (!diagnostic.sheet.empty()) out += fmt::format(" [{}]", diagnostic.sheet);
    if (diagnostic.line > 0) out += fmt::format(":{}", diagnostic.line);
    out += ": ";
  }
  if (!diagnostic.field.empty()) out += diagnostic.field + ": ";
  out += diagnostic.message;
  // TRANSLATORS: between what was wrong and how to fix it; Chinese uses the full-width "；".
  if (!diagnostic.hint.empty()) out += tr("; ") + diagnostic.hint;
  return out;
}

namespace {
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  return diagnostics.empty() ? std::string("error") : format_diagnostic(diagnostics.front());
}
}  // namespace

Error::Error(ExitCode exit_code, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), exit_code_(exit_code), diagnostics_(std::move(diagnostics)) {}

Error::Error(ExitCode exit_code, Diagnostic diagnostic)
    : Error(exit_code, std::vector<Diagnostic>{std::move(diagnostic)}) {}

Error input_error(std::string message, std::string hint, std::string file, int line, std::string field) {
  return Error(ExitCode::input, Diagnostic{Severity::error, "input", std::move(file), line, std::move(field),
                                           std::move(message), std::move(hint)});
}

Error state_error(std::string message, std::string hint, std::string file) {
  return Error(ExitCode::state,
               Diagnostic{Severity::error, "state", std::move(file), 0, {}, std::move(message), std::move(hint)});
}

Error internal_error(std::string message) {
  return Error(ExitCode::internal, Diagnostic{Severity::error, "internal", {}, 0, {}, std::move(message), {}});
}

}  // namespace ldt
