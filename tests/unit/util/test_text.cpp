#include <doctest/doctest.h>

#include "ldt/util/text.hpp"

using namespace ldt;

TEST_SUITE("util/text") {
  TEST_CASE("control characters are shown escaped, never sent to a terminal") {
    CHECK(escape_controls("云商\x1b[31m红字\x07") == "云商\\x1B[31m红字\\x07");
    CHECK(escape_controls("a\tb\nc\rd") == "a\\tb\\nc\\rd");
    CHECK(escape_controls("a\nb", true) == "a\nb");
    CHECK(escape_controls("DEL\x7f") == "DEL\\x7F");
    CHECK(escape_controls("C1 \xc2\x9b"
                          "31m") == "C1 \\u009B31m");
    CHECK(escape_controls("阿依古丽·买买提 plain") == "阿依古丽·买买提 plain");
    CHECK(escape_controls("a\u202Eb\u2028c\u2066d") == "a\\u202Eb\\u2028c\\u2066d");
    CHECK(escape_controls("—‘’…") == "—‘’…");  // other E2 80 xx punctuation stays
    // Bytes that are not UTF-8 (a lone 0x9B is an 8-bit CSI to some terminals) are shown as hex.
    CHECK(escape_controls("a\x9b"
                          "b\xff\xfe") == "a\\x9Bb\\xFF\\xFE");
    CHECK(escape_controls("\xe6\x88") == "\\xE6\\x88");  // a cut sequence
  }
}

TEST_SUITE("util/text") {
  TEST_CASE("a cell a spreadsheet would evaluate gets a leading ', and reads back as it was") {
    for (const char* cell : {"=HYPERLINK(\"http://evil.example/x\",\"点我\")", "@SUM(A1:A9)", "-1+cmd|' /C calc'!A0",
                             "+河口镇", "\tx", "\rx"}) {
      CHECK(neutralize_formula(cell) == std::string("'") + cell);
      CHECK(restore_formula(neutralize_formula(cell)) == cell);
    }
    CHECK(neutralize_formula("河田镇") == "河田镇");
    CHECK(neutralize_formula("") == "");
    CHECK(restore_formula("'河田镇") == "'河田镇");  // only a guard before a formula character is ldt's
    CHECK(restore_formula("'") == "'");
  }
}
