#include <doctest/doctest.h>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

using namespace ldt;

TEST_SUITE("util/i18n") {
  TEST_CASE("a language is named by zh or en, with or without a territory and codeset") {
    CHECK(language_named("zh") == Language::zh);
    CHECK(language_named("zh_CN.UTF-8") == Language::zh);
    CHECK(language_named("zh_TW") == Language::zh);
    CHECK(language_named("en") == Language::en);
    CHECK(language_named("en_US.UTF-8") == Language::en);
    CHECK(language_named("en_GB@euro") == Language::en);
    CHECK(language_named("EN") == Language::en);  // $LDT_LANG=EN is meant as en
    CHECK(language_named("ZH_cn") == Language::zh);
    CHECK_FALSE(language_named("C.UTF-8"));
    CHECK_FALSE(language_named("C"));
    CHECK_FALSE(language_named("POSIX"));
    CHECK_FALSE(language_named("fr_FR.UTF-8"));
    CHECK_FALSE(language_named("english"));
    CHECK_FALSE(language_named("zhx"));
    CHECK_FALSE(language_named(""));
  }

  TEST_CASE("--lang > $LDT_LANG > the project's language > the locale > Chinese (SPEC §4)") {
    CHECK(choose_language({}) == Language::zh);
    CHECK(choose_language({.lang = "C.UTF-8"}) == Language::zh);
    CHECK(choose_language({.lang = "en_US.UTF-8"}) == Language::en);
    CHECK(choose_language({.lc_messages = "zh_CN.UTF-8", .lang = "en_US.UTF-8"}) == Language::zh);
    CHECK(choose_language({.lc_all = "en_US.UTF-8", .lc_messages = "zh_CN.UTF-8"}) == Language::en);
    // A locale that names neither (LC_ALL=C.UTF-8, set by scripts for sorting) lets the next decide.
    CHECK(choose_language({.lc_all = "C.UTF-8", .lang = "en_US.UTF-8"}) == Language::en);
    CHECK(choose_language({.project = "zh", .lc_all = "en_US.UTF-8"}) == Language::zh);
    CHECK(choose_language({.project = "en"}) == Language::en);
    CHECK(choose_language({.environment = "en", .project = "zh"}) == Language::en);
    CHECK(choose_language({.environment = "zh", .project = "en", .lang = "en_US"}) == Language::zh);
    CHECK(choose_language({.option = "en", .environment = "zh", .project = "zh"}) == Language::en);
    CHECK(choose_language({.option = "zh", .environment = "en"}) == Language::zh);
    // A value that names no language is passed over, not an error.
    CHECK(choose_language({.environment = "klingon", .project = "en"}) == Language::en);
  }

  TEST_CASE("labels keep the identifier in English and for unknown keys") {
    set_language(Language::en);
    CHECK(label_of("open_rejects") == "open rejects");
    CHECK(label_of("credentials[2]") == "credentials[2]");
    CHECK(label_of("no_such_key") == "no_such_key");
    CHECK(value_label("approved") == "approved");
    CHECK(value_label("offline") == "offline");
  }
}

TEST_SUITE("util/text") {
  TEST_CASE("display width: CJK and full-width two cells, ASCII and the middle dot one") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("河田镇") == 6);
    CHECK(display_width("ＡＢ１") == 6);            // full-width letters and digits
    CHECK(display_width("阿依古丽·买买提") == 15);  // 7 CJK + U+00B7
    CHECK(display_width("（河田镇）") == 10);       // full-width brackets
    CHECK(display_width("e\xCC\x81") == 1);         // a combining accent takes no cell
    CHECK(display_width("\xFF") == 1);              // an invalid byte counts one
  }

  TEST_CASE("edit distance counts an adjacent transposition as one edit") {
    CHECK(edit_distance("session", "session") == 0);
    CHECK(edit_distance("sesion", "session") == 1);
    CHECK(edit_distance("sesison", "session") == 1);
    CHECK(edit_distance("", "plan") == 4);
    CHECK(edit_distance("plna", "plan") == 1);
    CHECK(edit_distance("report", "import") == 2);
  }

  TEST_CASE("the closest match is suggested only when it is close") {
    const std::vector<std::string> commands{"init",   "provider", "instructor", "plan", "session",
                                            "signin", "index",    "report",     "log"};
    CHECK(closest_match("sesion", commands) == "session");
    CHECK(closest_match("singin", commands) == "signin");
    CHECK(closest_match("plna", commands) == "plan");
    CHECK(closest_match("instr", commands) == "instructor");  // the only command it begins
    CHECK_FALSE(closest_match("in", commands));               // init, instructor, index: ambiguous
    CHECK_FALSE(closest_match("zzzzzz", commands));
    CHECK_FALSE(closest_match("session", commands));  // not a mistake
    CHECK(closest_match("--formt", {"--format", "--from", "--lang"}) == "--format");
  }
}
