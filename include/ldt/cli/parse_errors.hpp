#pragma once
/// The command line in the user's language: CLI11's help labels and parse errors translated,
/// and a suggestion for a mistyped command or option (README "Commands").
#include <CLI/CLI.hpp>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// Translates the help of `app` and of every subcommand: headings (用法, 选项, 子命令 …),
/// the option and subcommand groups (the --help flag's text is set on the root before the
/// commands, which inherit it). Call after every command is registered.
void translate_help(CLI::App& app);

/// What went wrong on the command line: one diagnostic in the chosen language, and the help to
/// show after it (a command group given no command: its commands), or empty.
struct ParseErrorReport {
  Diagnostic diagnostic;
  std::string help;
};

/// A mistyped command or option gets "did you mean …?"; CLI11's other messages are said
/// again in the chosen language. `root` has just thrown `error` from parse.
ParseErrorReport describe_parse_error(const CLI::ParseError& error, const CLI::App& root);

}  // namespace ldt
