#include "ldt/cli/parse_errors.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

/// The command path of `app` as typed: "ldt", "ldt plan", "ldt signin import".
std::string command_path(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* at = app; at != nullptr; at = at->get_parent()) names.push_back(at->get_name());
  std::string path;
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    if (!path.empty()) path += ' ';
    path += *it;
  }
  return path;
}

/// The deepest subcommand that was parsed (the root when none).
const CLI::App* deepest_parsed(const CLI::App& root) {
  const CLI::App* at = &root;
  for (bool descended = true; descended;) {
    descended = false;
    for (const CLI::App* sub : at->get_subcommands({})) {
      if (sub->parsed()) {
        at = sub;
        descended = true;
        break;
      }
    }
  }
  return at;
}

std::vector<std::string> subcommand_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app->get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

/// Every long and short option name usable at `app`: its own and, by fallthrough, its parents'.
std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* at = app; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* option : at->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

Diagnostic usage_error(std::string message, std::string hint) {
  return Diagnostic{Severity::error, "usage", {}, 0, {}, std::move(message), std::move(hint)};
}

std::string help_hint(const CLI::App* app) {
  return fmt::format(fmt::runtime(tr("see `{} --help`")), command_path(app));
}

/// "unknown command 'sesion'; did you mean 'session'?" or the list of the group's commands.
Diagnostic unknown_command(const CLI::App* group, const std::string& word) {
  const auto names = subcommand_names(group);
  if (auto match = closest_match(word, names)) {
    return usage_error(fmt::format(fmt::runtime(tr("unknown command '{}'")), word),
                       fmt::format(fmt::runtime(tr("did you mean '{}'?")), *match));
  }
  return usage_error(
      fmt::format(fmt::runtime(tr("unknown command '{}'")), word),
      fmt::format(fmt::runtime(tr("the commands of `{}` are: {}")), command_path(group), fmt::join(names, ", ")));
}

Diagnostic unknown_option(const CLI::App* app, const std::string& option) {
  const std::string name = option.substr(0, option.find('='));
  if (name.find_first_not_of('-') == std::string::npos) {  // "--", "--=x", "-=1": no option named
    return usage_error(fmt::format(fmt::runtime(tr("unexpected argument '{}'")), option), help_hint(app));
  }
  if (auto match = closest_match(name, option_names(app))) {
    return usage_error(fmt::format(fmt::runtime(tr("unknown option '{}'")), name),
                       fmt::format(fmt::runtime(tr("did you mean '{}'?")), *match));
  }
  return usage_error(fmt::format(fmt::runtime(tr("unknown option '{}'")), name), help_hint(app));
}

/// CLI11's other messages, matched by their English text (CLI11 2.1, CLI/Error.hpp) and said
/// again in the chosen language; the text itself when none matches.
std::string translated(const std::string& what) {
  struct Pattern {
    std::regex english;
    const char* msgid;      // placeholders take the captures in order
    bool labelled = false;  // the capture is a name people read (a positional's "session")
  };
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> list;
    auto add = [&](const char* english, const char* msgid, bool labelled = false) {
      list.push_back({std::regex(english), msgid, labelled});
    };
    add(R"(^(\S+) is required$)", tr_noop("{} is required"), true);
    add(R"(^(\S+): \d+ required \S+ missing$)", tr_noop("{} needs a value"));
    add(R"(^(\S+): (.*) not in \{(.*)\}$)", tr_noop("{}: '{}' is not one of {}"));
    add(R"(^Could not convert: (\S+) = (.*)$)", tr_noop("{}: '{}' is not a valid value"));
    add(R"(^The value (.*) is not an allowed value for (\S+)$)", tr_noop("'{}' is not an allowed value for {}"));
    add(R"(^(\S+): too many inputs for a flag$)", tr_noop("{} takes no value"));
    add(R"(^(\S+) requires (\S+)$)", tr_noop("{} needs {} as well"));
    add(R"(^(\S+) excludes (\S+)$)", tr_noop("{} cannot be used with {}"));
    add(R"(^Expected (?:exactly|at least) (\d+) arguments? to (\S+), got (\d+)$)",
        tr_noop("{} values were expected for {}, but {} were given"));
    add(R"(^(\S+): At Most (\d+) required but received (\d+)$)", tr_noop("{} takes at most {} values, not {}"));
    add(R"(^(\S+): At least (\d+) required but received (\d+)$)", tr_noop("{} takes at least {} values, not {}"));
    return list;
  }();
  // std::regex recurses per character: a huge value (a 30 KB --lang) would overflow the stack.
  constexpr std::size_t k_longest_matched = 1024;
  if (what.size() > k_longest_matched) return tr("a value on the command line is too long");
  for (const auto& pattern : patterns) {
    std::smatch match;
    if (!std::regex_match(what, match, pattern.english)) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    // A positional's name ("session", "files") is a word people read; an option stays as typed.
    for (std::size_t i = 1; i < match.size(); ++i) {
      args.push_back(pattern.labelled ? label_of(match[i].str()) : match[i].str());
    }
    return fmt::vformat(tr(pattern.msgid), args);
  }
  return what;
}

/// CLI11's formatter, with the option column padded by display width (util/text.hpp) instead
/// of bytes, so that a Chinese "文本 必填" does not pull its description out of line.
class AlignedFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* option, bool is_positional) const override {
    const std::string name = "  " + make_option_name(option, is_positional) + make_option_opts(option);
    const std::string description = make_option_desc(option);
    const auto width = static_cast<int>(get_column_width());
    std::string out = name;
    if (!description.empty()) {
      const int used = display_width(name);
      out += used >= width ? "\n" + std::string(static_cast<std::size_t>(width), ' ')
                           : std::string(static_cast<std::size_t>(width - used), ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out += std::string(static_cast<std::size_t>(width), ' ');
      }
    }
    return out + "\n";
  }
};

}  // namespace

void translate_help(CLI::App& app) {
  auto formatter = std::make_shared<AlignedFormatter>();
  for (const char* label : {tr_noop("Usage"), tr_noop("OPTIONS"), tr_noop("SUBCOMMAND"), tr_noop("SUBCOMMANDS"),
                            tr_noop("Positionals"), tr_noop("REQUIRED"), tr_noop("TEXT"), tr_noop("INT"),
                            tr_noop("UINT"), tr_noop("FLOAT"), tr_noop("Needs"), tr_noop("Excludes"), tr_noop("Env")}) {
    formatter->label(label, tr(label));
  }
  std::vector<CLI::App*> apps{&app};
  for (std::size_t i = 0; i < apps.size(); ++i) {
    CLI::App* at = apps[i];
    at->formatter(formatter);
    for (CLI::Option* option : at->get_options()) {
      if (option->get_group() == "Options") option->group(tr("Options"));
    }
    for (CLI::App* sub : at->get_subcommands({})) {
      if (sub->get_group() == "Subcommands") sub->group(tr("Commands"));
      apps.push_back(sub);
    }
  }
}

ParseErrorReport describe_parse_error(const CLI::ParseError& error, const CLI::App& root) {
  const CLI::App* at = deepest_parsed(root);
  const std::vector<std::string> left = root.remaining(true);
  // get_name() is not the error's type for every CLI11 error (ExtrasError carries the app's).
  const bool extras = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr;
  const bool required = dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    // "files: x.csv: no such file": a positional's name ("files", "file") is a word people read.
    std::string what = translated(error.what());
    if (const auto colon = what.find(": "); colon != std::string::npos && what[0] != '-') {
      what = label_of(what.substr(0, colon)) + what.substr(colon);
    }
    return {usage_error(what, {}), {}};  // the check says how to fix it
  }
  const bool is_group = !at->get_subcommands({}).empty();
  if (extras || required) {
    // An unknown option is the first thing to fix: its value may look like a command.
    for (const auto& arg : left) {
      if (arg.size() > 1 && arg[0] == '-') return {unknown_option(at, arg), {}};
    }
    if (is_group && !left.empty()) return {unknown_command(at, left.front()), {}};
    if (is_group && required) {
      return {usage_error(fmt::format(fmt::runtime(tr("`{}` needs a command")), command_path(at)), {}),
              at->help(at->get_parent() != nullptr ? command_path(at->get_parent()) : std::string())};
    }
    if (extras && !left.empty()) {
      return {usage_error(fmt::format(fmt::runtime(tr("unexpected argument '{}'")), left.front()), help_hint(at)), {}};
    }
  }
  return {usage_error(translated(error.what()), help_hint(at)), {}};
}

}  // namespace ldt
