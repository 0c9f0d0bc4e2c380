#pragma once
/// The one translation function. Every user-facing string goes through `tr`, so that the
/// zh_CN catalogue (po/zh_CN.po, gettext domain "ldt") and English are both complete.
/// README "Language".
#include <optional>
#include <string>
#include <string_view>

namespace ldt {

enum class Language { en, zh };

/// Where the language can come from, strongest first; an empty view is "not given".
struct LanguageSources {
  std::string_view option;       ///< --lang (zh or en)
  std::string_view environment;  ///< $LDT_LANG
  std::string_view project;      ///< `language` in the project's ldt.toml
  std::string_view lc_all;       ///< $LC_ALL
  std::string_view lc_messages;  ///< $LC_MESSAGES
  std::string_view lang;         ///< $LANG
};

/// `zh`/`en` for "zh", "zh_CN.UTF-8", "en", "en_US.UTF-8" …; nullopt for anything else
/// ("C", "C.UTF-8", "POSIX", "fr_FR", "").
std::optional<Language> language_named(std::string_view name);

/// --lang > $LDT_LANG > the project's language > the first of LC_ALL, LC_MESSAGES, LANG
/// that names a zh or en locale > Chinese (SPEC §4).
Language choose_language(const LanguageSources& sources);

/// The sources of this process: `option` and `project` as given, the rest from the
/// environment.
LanguageSources environment_language_sources(std::string_view option, std::string_view project);

/// Makes `tr` answer in `language` from now on. Works without any zh_CN locale installed:
/// the catalogue is found next to the binary (build tree: <dir>/locale; installed:
/// <dir>/../share/locale), else in the install prefix.
void set_language(Language language);
Language current_language();

/// The directory holding zh_CN/LC_MESSAGES/ldt.mo, or the install prefix's when none is found.
std::string locale_directory();

/// Translates an English msgid. Returns the msgid itself when no catalogue entry exists.
const char* tr(const char* msgid);

/// What people read for an identifier shown to them, in the chosen language: a record field's
/// key ("open_rejects" → 待处理的退回行) or a record kind ("session" → 培训班);
/// "credentials[1]" keeps its "[1]"; an unknown one as it is. JSON, files and codes keep the
/// identifier. With value_label, the one place for these labels (util/labels.cpp).
std::string label_of(std::string_view key);

/// What people read for a status, mode or role value ("approved" → 已批准, "offline" → 线下).
std::string value_label(std::string_view value);

/// Marks a msgid for extraction without translating it now (for tables of strings translated
/// later with `tr`).
constexpr const char* tr_noop(const char* msgid) { return msgid; }

}  // namespace ldt
