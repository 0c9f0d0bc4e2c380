#pragma once
/// Diagnostics are data: every problem the tool reports is one of these, printed by one printer.
#include <stdexcept>
#include <string>
#include <vector>

namespace ldt {

/// Process exit codes (README "Exit codes").
enum class ExitCode : int {
  ok = 0,        ///< done; nothing rejected, no violation
  findings = 1,  ///< done, with findings (rejected rows, violations, failed audit)
  input = 2,     ///< usage or input error; nothing written
  state = 3,     ///< refused by state (not approved, closed, locked, duplicate id); nothing written
  internal = 4,  ///< internal error (a bug); nothing half-written
};

enum class Severity { error, warning, info };

/// One problem, located where possible. `line` is 1-based, 0 when unknown.
/// Printed as `file:line: field: message; hint` (empty parts left out).
struct Diagnostic {
  Diagnostic() = default;
  Diagnostic(Severity severity_, std::string code_, std::string file_, int line_, std::string field_,
             std::string message_, std::string hint_ = {})
      : severity(severity_),
        code(std::move(code_)),
        file(std::move(file_)),
        line(line_),
        field(std::move(field_)),
        message(std::move(message_)),
        hint(std::move(hint_)) {}
  /// A problem with one value (domain/issue.hpp): an error with code, field and message.
  Diagnostic(std::string code_, std::string field_, std::string message_)
      : code(std::move(code_)), field(std::move(field_)), message(std::move(message_)) {}

  Severity severity = Severity::error;
  std::string code;  ///< stable code, e.g. "schema-unknown-key", "id-checksum"
  std::string file;  ///< path as the user gave it or relative to the project root
  int line = 0;
  std::string sheet;  ///< the workbook sheet `line` is a row of (README "Workbooks"); empty for a text file
  std::string field;
  std::string message;  ///< what was wrong (translated)
  std::string hint;     ///< how to fix it (translated); may be empty
};

/// Formats one diagnostic as one line: `file:line: field: message; hint`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// The typed exception every layer throws; caught once in `main` and mapped to its exit code.
/// Carries one or more diagnostics (a TOML file with three errors carries three).
class Error : public std::runtime_error {
 public:
  Error(ExitCode exit_code, std::vector<Diagnostic> diagnostics);
  Error(ExitCode exit_code, Diagnostic diagnostic);
  [[nodiscard]] ExitCode exit_code() const { return exit_code_; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ExitCode exit_code_;
  std::vector<Diagnostic> diagnostics_;
};

/// Bad flags or invalid input file: exit 2.
Error input_error(std::string message, std::string hint = {}, std::string file = {}, int line = 0,
                  std::string field = {});
/// Refused by the project's state: exit 3.
Error state_error(std::string message, std::string hint = {}, std::string file = {});
/// A bug or an environment failure the user cannot fix by changing input: exit 4.
Error internal_error(std::string message);

}  // namespace ldt
