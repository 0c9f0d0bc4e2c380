#pragma once
/// The one translation function. Every user-facing string goes through `tr`, so that a
/// zh_CN catalogue (po/zh_CN.po, gettext domain "ldt") and English can both be complete.
#include <string>
#include <string_view>

namespace ldt {

enum class Language { en, zh };

/// Chooses the language of messages: `--lang` if given, else LC_ALL/LC_MESSAGES/LANG
/// (zh when the first set one starts with "zh"). README "Commands".
Language choose_language(std::string_view lang_option);

/// Makes `tr` answer in `language` from now on.
void set_language(Language language);
Language current_language();

/// Translates an English msgid. Returns the msgid itself when no catalogue entry exists.
const char* tr(const char* msgid);

}  // namespace ldt
