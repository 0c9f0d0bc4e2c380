#include <doctest/doctest.h>

#include <string>

#include "ldt/domain/person_name.hpp"

namespace {

std::string name_of(std::string_view raw) {
  auto result = ldt::parse_person_name(raw);
  REQUIRE_MESSAGE(!result.reject.has_value(), std::string(raw));
  return result.name;
}

std::string reject_code(std::string_view raw) {
  auto result = ldt::parse_person_name(raw);
  return result.reject ? result.reject->code : std::string("accepted");
}

bool damaged(std::string_view raw) {
  auto result = ldt::parse_person_name(raw);
  return result.warnings.size() == 1 && result.warnings[0].code == "name-damaged";
}

}  // namespace

TEST_SUITE("domain/person_name") {
  TEST_CASE("trimming ASCII, ideographic and no-break spaces (messy-digits case)") {
    CHECK(name_of(" 钟洋英\u3000") == "钟洋英");
    CHECK(name_of(" 刘强磊\u3000") == "刘强磊");
    CHECK(name_of("\u00A0\t彭燕\r\n") == "彭燕");
    CHECK(ldt::parse_person_name(" 钟洋英\u3000").warnings.empty());
  }

  TEST_CASE("spaces between CJK characters are removed, others fold to one") {
    CHECK(name_of("王  小 明") == "王小明");
    CHECK(name_of("王\u3000小明") == "王小明");
    CHECK(name_of("John   Smith") == "John Smith");
    CHECK(name_of("John\u3000\u00A0Smith") == "John Smith");
    CHECK(name_of("王 John") == "王 John");
    CHECK(name_of("\u200B王\uFEFF小明") == "王小明");
  }

  TEST_CASE("middle dots of minority names become U+00B7") {
    CHECK(name_of("阿依古丽·买买提") == "阿依古丽·买买提");
    CHECK(name_of("努尔•艾力") == "努尔·艾力");               // U+2022
    CHECK(name_of("巴特尔・其其格") == "巴特尔·其其格");      // U+30FB
    CHECK(name_of("巴特尔‧其其格") == "巴特尔·其其格");       // U+2027
    CHECK(name_of("巴特尔．其其格") == "巴特尔·其其格");      // U+FF0E
    CHECK(name_of("巴特尔･其其格") == "巴特尔·其其格");       // U+FF65
    CHECK(name_of("巴特尔\u22C5其其格") == "巴特尔·其其格");  // U+22C5
    CHECK(name_of("阿依古丽 • 买买提") == "阿依古丽·买买提");
  }

  TEST_CASE("characters outside GBK are kept, no NFKC") {
    CHECK(name_of("陈𠈌") == "陈𠈌");  // U+2020C, Ext B
    CHECK(name_of("李䶮") == "李䶮");  // U+4DAE, Ext A
    CHECK(name_of("王堃") == "王堃");
    CHECK(name_of("张\U00030000") == "张\U00030000");  // Ext G
    CHECK(name_of("ＡＢＣ") == "ＡＢＣ");
    CHECK(ldt::parse_person_name("陈𠈌").warnings.empty());
  }

  TEST_CASE("empty name is missing-field") {
    for (std::string_view raw : {"", "  ", "\u3000", "\u200B"}) {
      auto result = ldt::parse_person_name(raw);
      REQUIRE(result.reject);
      CHECK(result.reject->code == "missing-field");
      CHECK(result.reject->field == "name");
    }
  }

  TEST_CASE("name-format: no CJK or Latin letter, or a digit") {
    CHECK(reject_code("张三1") == "name-format");
    CHECK(reject_code("张三１") == "name-format");
    CHECK(reject_code("441523199403121532") == "name-format");
    CHECK(reject_code("·") == "name-format");
    CHECK(reject_code("???") == "name-format");
    CHECK(reject_code("-") == "name-format");
    CHECK(reject_code("Ивaн") == "accepted");  // holds a Latin 'a'
    CHECK(reject_code("Иван") == "name-format");
    CHECK(reject_code("José") == "accepted");
  }

  TEST_CASE("name-damaged warning") {
    CHECK(damaged("陈?"));
    CHECK(damaged("陈？"));
    CHECK(damaged("陈\uFFFD"));
    CHECK(damaged("陈\uE000"));
    CHECK(damaged("陈\U000F0001"));
    CHECK(damaged("陈[亻+乃]"));
    // Precise readings: any digit is name-format, even inside a marker.
    CHECK(reject_code("陈[U+2020C]") == "name-format");
    CHECK(damaged("陈[?]"));
    CHECK(damaged("陈\xFF"));  // a byte that does not decode
    CHECK_FALSE(damaged("陈["));
    CHECK_FALSE(damaged("陈明"));
    CHECK(name_of("陈?") == "陈?");
  }
}
