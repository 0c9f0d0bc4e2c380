#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "ldt/cli/commands.hpp"
#include "ldt/cli/context.hpp"
#include "ldt/cli/parse_errors.hpp"
#include "ldt/cli/printer.hpp"
#include "ldt/project/project.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const char* exit_codes_help() {
  return tr(
      "Exit codes: 0 done, nothing rejected, no violation; 1 done with findings (rows rejected, "
      "violations, a failed audit); 2 usage or input error, nothing written; 3 refused by state "
      "(not approved, closed, project locked, duplicate id), nothing written; 4 internal error.");
}

const char* language_help() {
  return tr(
      "Language: --lang zh|en, else $LDT_LANG, else `language` in the project's ldt.toml (ldt init writes "
      "\"zh\"), else a zh or en locale in LC_ALL, LC_MESSAGES or LANG, else Chinese.");
}

/// Prints what went wrong as diagnostics, one line each (cli/printer.hpp).
int fail(ExitCode code, const std::vector<Diagnostic>& diagnostics, const PrintOptions& options) {
  for (const auto& diagnostic : diagnostics) print_diagnostic(diagnostic, options);
  return static_cast<int>(code);
}

Diagnostic error_line(std::string message, std::string hint = {}) {
  return Diagnostic{Severity::error, "error", {}, 0, {}, std::move(message), std::move(hint)};
}

/// The exit code once standard output is flushed: a failed write (a full disk, a closed pipe)
/// is an error (3, like any write that fails), never a silent 0 with half the output.
int flushed(int code) {
  if (std::fflush(stdout) == 0 && std::ferror(stdout) == 0) return code;
  const int error_number = errno;
  print_diagnostic(
      error_line(fmt::format(fmt::runtime(tr("the output could not be written: {}")), std::strerror(error_number)),
                 tr("check the disk or the pipe the output goes to")),
      PrintOptions{Format::table, false});
  return std::max(code, static_cast<int>(ExitCode::state));
}

/// The value of option `name` (e.g. "--lang", "-C") found before parsing, so that --help is
/// already in the chosen language; empty when not given.
std::string early_option(int argc, char** argv, std::string_view name) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc) return argv[i + 1];
    if (arg.starts_with(name) && arg.size() > name.size()) {
      if (!name.starts_with("--")) return std::string(arg.substr(name.size()));  // -Cdir (CLI11: -C=p is "=p")
      if (arg[name.size()] == '=') return std::string(arg.substr(name.size() + 1));
    }
  }
  return {};
}

/// README "Language": --lang > $LDT_LANG > the project's language > the locale > Chinese.
Language early_language(int argc, char** argv) {
  const std::string option = early_option(argc, argv, "--lang");
  LanguageSources sources = environment_language_sources(option, {});
  if (language_named(sources.option) || language_named(sources.environment)) return choose_language(sources);
  const std::string project = project_language(early_option(argc, argv, "-C"));
  sources.project = project;
  return choose_language(sources);
}
}  // namespace

int run(int argc, char** argv) {
  set_language(early_language(argc, argv));
  GlobalOptions global;
  CLI::App app(tr("ldt — archive and compliance tool for county rural e-commerce training programmes"), "ldt");
  app.set_help_flag("-h,--help", tr("print this help and exit"));  // subcommands inherit it
  app.footer(fmt::format("{}\n\n{}", language_help(), exit_codes_help()));
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ldt ") + LDT_VERSION, tr("print the version and exit"));
  app.add_option("-C", global.directory, tr("run in this project directory"))->option_text("DIR");
  app.add_option("--format", global.format, tr("output format: table, json, csv or md"))
      ->check(CLI::IsMember({"table", "json", "csv", "md"}));
  app.add_option("--lang", global.lang, tr("language of messages: zh or en"))->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("-q,--quiet", global.quiet, tr("print nothing but errors"));
  app.add_option("--by", global.by, tr("actor recorded in the journal (default $LDT_ACTOR, else $USER)"))
      ->option_text("NAME");

  CommandTable table(app);
  register_commands(table);
  translate_help(app);

  PrintOptions quiet_unknown{Format::table, false};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      app.exit(error);
      return flushed(0);
    }
    const ParseErrorReport report = describe_parse_error(error, app);
    const int code = fail(ExitCode::input, {report.diagnostic}, quiet_unknown);
    std::fputs(report.help.c_str(), stderr);
    return code;
  }

  const CommandTable::Entry* chosen = nullptr;
  for (const auto& entry : table.entries()) {
    if (entry.app->parsed()) chosen = &entry;
  }
  if (chosen == nullptr) {
    return fail(ExitCode::input, {error_line(tr("no command given; see `ldt --help`"))}, quiet_unknown);
  }
  // A damaged index is rebuilt from the files and the command run again, once: the index is a
  // cache, and nothing of the record was written yet (README "The project directory").
  for (int attempt = 0;; ++attempt) {
    Context context(global);
    context.format = *parse_format(global.format);
    context.command = chosen->name;
    const PrintOptions options = context.print_options();
    try {
      context.load(chosen->access);
      return flushed(static_cast<int>(print_result(chosen->action(context), options)));
    } catch (const Error& error) {
      return fail(error.exit_code(), error.diagnostics(), options);
    } catch (const SQLite::Exception& error) {
      if (error.getErrorCode() == SQLITE_FULL) {
        return fail(ExitCode::state, write_failure(Index::location(context.root()), ENOSPC).diagnostics(), options);
      }
      if (attempt == 0 && !context.root().empty() && !context.committed()) {
        context.close_index();
        Index::discard(context.root());
        context.note(index_rebuilt_notice());
        continue;
      }
      return fail(ExitCode::internal,
                  {error_line(context.committed() ? tr("the change was written, but the index could not be updated")
                                                  : tr("the index could not be used, even rebuilt from the files"),
                              tr("run `ldt index rebuild`; the files are not affected"))},
                  options);
    } catch (const std::filesystem::filesystem_error& error) {
      if (error.code() == std::errc::no_space_on_device || error.code() == std::errc::read_only_file_system ||
          error.code() == std::errc::permission_denied) {
        return fail(ExitCode::state, write_failure(error.path1(), error.code().value()).diagnostics(), options);
      }
      return fail(ExitCode::internal,
                  {error_line(fmt::format("{}: {}", error.path1().string(), error.code().message()))}, options);
    } catch (const std::exception& error) {
      return fail(ExitCode::internal,
                  {error_line(fmt::format("{}: {}: {}", tr("internal error"), error.what(),
                                          tr("please report this; nothing was half-written")))},
                  options);
    }
  }
}

}  // namespace ldt
