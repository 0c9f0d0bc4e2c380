#include "ldt/util/i18n.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>

namespace ldt {
namespace {
Language g_language = Language::en;
constexpr const char* k_domain = "ldt";
}  // namespace

Language choose_language(std::string_view lang_option) {
  if (lang_option == "zh") return Language::zh;
  if (lang_option == "en") return Language::en;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
      return std::string_view(value).starts_with("zh") ? Language::zh : Language::en;
    }
  }
  return Language::en;
}

void set_language(Language language) {
  g_language = language;
  // gettext consults LANGUAGE only when the locale is not "C"; C.UTF-8 is always present.
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", language == Language::zh ? "zh_CN" : "en", 1);
  bindtextdomain(k_domain, LDT_LOCALEDIR);
  bind_textdomain_codeset(k_domain, "UTF-8");
}

Language current_language() { return g_language; }

const char* tr(const char* msgid) {
  if (g_language == Language::en) return msgid;
  return dgettext(k_domain, msgid);
}

}  // namespace ldt
