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
  }
}
