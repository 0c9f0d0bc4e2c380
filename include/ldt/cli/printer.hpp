#pragma once
/// The one printer: renders a command's result on stdout in the chosen format, and every
/// diagnostic on stderr as one line `ldt: LEVEL: file:line: field: message; hint`, with
/// personal data in messages masked.
#include <string>

#include "ldt/report/document.hpp"
#include "ldt/report/render.hpp"
#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// Options of the printer that come from the global options.
struct PrintOptions {
  Format format = Format::table;
  bool quiet = false;  ///< -q: nothing but errors
};

/// The one line a diagnostic prints as, with its level prefix ("ldt: warning: …").
std::string diagnostic_line(const Diagnostic& diagnostic);
/// Prints a diagnostic on stderr (warnings and notes only when not quiet).
void print_diagnostic(const Diagnostic& diagnostic, const PrintOptions& options);
/// Prints a result: the document on stdout (unless quiet), then its diagnostics; returns its
/// exit code.
ExitCode print_result(const Result& result, const PrintOptions& options);

}  // namespace ldt
