// ldt completion bash
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <regex>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

/// How the value of an option or positional completes: fixed words, "@session"/"@plan"/
/// "@provider"/"@instructor" (the ids of the current project), "@dir", "@file", or "@text"
/// (free text: nothing to offer).
std::string value_kind(const CLI::Option& option, const std::string& group) {
  const std::string name = option.get_name();  // "--plan", "-C", or a positional's "session"
  static const std::regex k_words(R"(\{([^{}]*)\})");
  std::smatch match;
  const std::string type = option.get_type_name();
  if (std::regex_search(type, match, k_words)) {
    std::string words = match[1].str();
    std::replace(words.begin(), words.end(), ',', ' ');
    return words;
  }
  for (const char* kind : {"session", "plan", "provider", "instructor"}) {
    if (name == kind || name == std::string("--") + kind) return std::string("@") + kind;
  }
  if (name == "id" && !group.empty()) return "@" + group;
  if (name == "-C") return "@dir";
  for (const char* file : {"files", "file", "--courseware", "--application", "--output"}) {
    if (name == file) return "@file";
  }
  return "@text";
}

/// The completion data of every command: its subcommands, options and value kinds.
struct CompletionTable {
  std::map<std::string, std::string> commands;    // path → subcommand names
  std::map<std::string, std::string> options;     // path → option names
  std::map<std::string, std::string> values;      // "path|--option" → value kind
  std::map<std::string, std::string> positional;  // path → value kind of its first positional
};

void collect(const CLI::App& app, const std::string& path, const std::string& group, const std::string& inherited,
             CompletionTable& out) {
  std::string options = inherited;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional()) {
      if (!out.positional.contains(path)) out.positional[path] = value_kind(*option, group);
      continue;
    }
    auto offer = [&](const std::string& word) {  // -h/--help is every command's own, and its parent's
      if ((" " + options + " ").find(" " + word + " ") == std::string::npos) options += " " + word;
    };
    for (const auto& name : option->get_lnames()) offer("--" + name);
    for (const auto& name : option->get_snames()) offer("-" + name);
    if (option->get_expected_max() == 0) continue;  // a flag
    const std::string kind = value_kind(*option, group);
    for (const auto& name : option->get_lnames()) out.values[fmt::format("{}|--{}", path, name)] = kind;
    for (const auto& name : option->get_snames()) out.values[fmt::format("{}|-{}", path, name)] = kind;
  }
  out.options[path] = options;
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : " ") + sub->get_name();
    const std::string sub_path = path.empty() ? sub->get_name() : path + " " + sub->get_name();
    collect(*sub, sub_path, path.empty() ? sub->get_name() : group, options, out);
  }
  if (!names.empty()) out.commands[path] = names;
}

std::string case_function(const char* name, const char* comment, const std::map<std::string, std::string>& entries) {
  std::string out = fmt::format("# {}\n{}() {{\n  case \"$1\" in\n", comment, name);
  for (const auto& [key, value] : entries) out += fmt::format("    \"{}\") echo \"{}\" ;;\n", key, value);
  out += "  esac\n}\n";
  return out;
}

/// The script (README "Shell completion"). Global options complete everywhere, as they work
/// before or after the command.
std::string bash_script(const CLI::App& root) {
  CompletionTable table;
  collect(root, "", "", "", table);
  std::string out =
      "# bash completion for ldt, printed by `ldt completion bash` (README \"Shell completion\").\n"
      "# Completes commands, options, option values and the session, plan, provider and instructor\n"
      "# ids of the current project (or of -C DIR).\n";
  out += case_function("_ldt_commands", "the commands under a command path", table.commands);
  out += case_function("_ldt_options", "the options usable at a command path", table.options);
  out += case_function("_ldt_values", "what the value of \"path|option\" is", table.values);
  out += case_function("_ldt_positional", "what the first positional of a command path is", table.positional);
  out += R"bash(# the ids of the current project: $1 is session, plan, provider or instructor
_ldt_ids() {
  local -a dir=()
  [ -n "$_ldt_dir" ] && dir=(-C "$_ldt_dir")
  command ldt "${dir[@]}" "$1" list --format json 2>/dev/null | sed -n 's/^    "id": "\(.*\)",\{0,1\}$/\1/p'
}
_ldt_reply() {
  case "$1" in
    @dir) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    @file | "") mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    @text) COMPREPLY=() ;;
    @*) mapfile -t COMPREPLY < <(compgen -W "$(_ldt_ids "${1#@}")" -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur") ;;
  esac
}
_ldt() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} path="" word i
  _ldt_dir=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [ "${COMP_WORDS[i - 1]}" = "-C" ]; then
      _ldt_dir=$word
    elif [[ $word != -* && " $(_ldt_commands "$path") " == *" $word "* ]]; then
      path=${path:+$path }$word
    fi
  done
  if [[ $prev == -* ]]; then
    local kind
    kind=$(_ldt_values "$path|$prev")
    [ -n "$kind" ] || kind=$(_ldt_values "|$prev")  # a global option after the command
    if [ -n "$kind" ]; then
      _ldt_reply "$kind"
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_ldt_options "$path")" -- "$cur")
  elif [ -n "$(_ldt_commands "$path")" ]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_ldt_commands "$path")" -- "$cur")
  else
    _ldt_reply "$(_ldt_positional "$path")"
  fi
}
complete -o filenames -o bashdefault -F _ldt ldt
)bash";
  return out;
}

}  // namespace

void register_completion(CommandTable& table) {
  auto* group = table.group("completion", tr("shell completion: `ldt completion bash`"));
  auto* bash = group->add_subcommand("bash", tr("print the bash completion script (install: see README, e.g. into "
                                                "~/.local/share/bash-completion/completions/ldt)"));
  CLI::App* root = &table.root();
  table.add(bash, "completion bash", Access::none, [root](Context&) {
    Result result;
    result.raw_text = bash_script(*root);
    return result;
  });
}

}  // namespace ldt
