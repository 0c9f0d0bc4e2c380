#include <doctest/doctest.h>

#include "ldt/domain/person_name.hpp"
#include "ldt/domain/signin.hpp"

using namespace ldt;

TEST_SUITE("domain/signin") {
  TEST_CASE("a reject is named by 8 hex digits of its source, the sheet if any, and the line") {
    StoredReject a;
    a.source_sha256 = std::string("1095d257") + std::string(56, 'a');
    a.line = 12;
    StoredReject b = a;
    b.sheet = "第2天";
    b.line = 7;
    CHECK(reject_ids({a, b}) == std::vector<std::string>{"1095d257:12", "1095d257:第2天:7"});
  }

  TEST_CASE("two sources sharing 8 hex digits get as many more as tell them apart") {
    StoredReject a;
    a.source_sha256 = std::string("1095d2570") + std::string(55, 'a');
    a.line = 3;
    StoredReject b;
    b.source_sha256 = std::string("1095d2571") + std::string(55, 'b');
    b.line = 3;
    CHECK(reject_ids({a, b}) == std::vector<std::string>{"1095d2570:3", "1095d2571:3"});
  }

  TEST_CASE("a name that starts like a spreadsheet formula is name-format") {
    for (const char* raw : {"=HYPERLINK(\"http://evil.example/x\",\"点我\")", "@张三", "+李四", "-王五"}) {
      auto result = parse_person_name(raw);
      REQUIRE(result.reject);
      CHECK(result.reject->code == "name-format");
    }
    CHECK_FALSE(parse_person_name("阿依古丽·买买提").reject);
  }
}
