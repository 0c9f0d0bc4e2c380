#include "ldt/util/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <clocale>
#include <cstdlib>
#include <filesystem>

namespace ldt {
namespace {
Language g_language = Language::zh;
constexpr const char* k_domain = "ldt";

std::string_view env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

/// The directory of the running binary (symlinks resolved), empty when unknown.
std::filesystem::path binary_directory() {
  std::array<char, 4096> buffer{};
  const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return {};
  return std::filesystem::path(std::string(buffer.data(), static_cast<size_t>(length))).parent_path();
}
}  // namespace

std::optional<Language> language_named(std::string_view name) {
  auto names = [&](std::string_view code) {
    const bool prefix = name.size() >= 2 && std::tolower(static_cast<unsigned char>(name[0])) == code[0] &&
                        std::tolower(static_cast<unsigned char>(name[1])) == code[1];
    return prefix && (name.size() == code.size() || name[code.size()] == '_' || name[code.size()] == '-' ||
                      name[code.size()] == '.' || name[code.size()] == '@');
  };
  if (names("zh")) return Language::zh;
  if (names("en")) return Language::en;
  return std::nullopt;
}

Language choose_language(const LanguageSources& sources) {
  for (std::string_view source :
       {sources.option, sources.environment, sources.project, sources.lc_all, sources.lc_messages, sources.lang}) {
    if (auto language = language_named(source)) return *language;
  }
  return Language::zh;
}

LanguageSources environment_language_sources(std::string_view option, std::string_view project) {
  return LanguageSources{option, env("LDT_LANG"), project, env("LC_ALL"), env("LC_MESSAGES"), env("LANG")};
}

std::string locale_directory() {
  const std::filesystem::path binary = binary_directory();
  if (!binary.empty()) {
    for (const auto& candidate : {binary / "locale", binary.parent_path() / "share" / "locale"}) {
      std::error_code ec;
      if (std::filesystem::is_regular_file(candidate / "zh_CN" / "LC_MESSAGES" / "ldt.mo", ec)) {
        return candidate.string();
      }
    }
  }
  return LDT_LOCALEDIR;
}

void set_language(Language language) {
  g_language = language;
  if (language == Language::en) return;
  // gettext ignores LANGUAGE under the "C" locale, but not under "C.UTF-8", which every
  // Debian has built in; no zh_CN locale needs to be generated.
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  // The C library's own texts (strerror) come in Chinese too; under LC_CTYPE "C" it would turn
  // them into question marks.
  std::setlocale(LC_CTYPE, "C.UTF-8");
  setenv("LANGUAGE", "zh_CN", 1);
  static const std::string directory = locale_directory();
  bindtextdomain(k_domain, directory.c_str());
  bind_textdomain_codeset(k_domain, "UTF-8");
}

Language current_language() { return g_language; }

const char* tr(const char* msgid) {
  if (g_language == Language::en) return msgid;
  return dgettext(k_domain, msgid);
}

}  // namespace ldt
