#include <doctest/doctest.h>

#include <string>

#include "ldt/domain/phone.hpp"

namespace {

std::string phone_of(std::string_view raw) {
  auto result = ldt::parse_phone(raw);
  REQUIRE_MESSAGE(!result.reject.has_value(), std::string(raw));
  return result.phone;
}

std::string reject_code(std::string_view raw) {
  auto result = ldt::parse_phone(raw);
  return result.reject ? result.reject->code : std::string("accepted");
}

bool has_warning(const ldt::PhoneResult& result, std::string_view code) {
  for (const auto& issue : result.warnings) {
    if (issue.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("domain/phone") {
  TEST_CASE("empty cell: no phone, no issue") {
    for (std::string_view raw : {"", "   ", "\u3000", "\t"}) {
      auto result = ldt::parse_phone(raw);
      CHECK(result.phone.empty());
      CHECK(result.extra.empty());
      CHECK_FALSE(result.reject);
      CHECK(result.warnings.empty());
    }
  }

  TEST_CASE("mobiles from the messy-digits case") {
    CHECK(phone_of("１６８４１８４３７０４") == "16841843704");
    CHECK(phone_of("196 9338 8613") == "19693388613");
    CHECK(phone_of("179-3402-8836") == "17934028836");
    CHECK(phone_of("+86 19073685311") == "19073685311");
    CHECK(phone_of("(+86)14591507092") == "14591507092");
    CHECK(phone_of("168 0991 0980") == "16809910980");
    CHECK(phone_of("181-8758-8025") == "18187588025");
    CHECK(ldt::parse_phone("+86 15495013468").warnings.empty());
  }

  TEST_CASE("country prefixes before a mobile") {
    CHECK(phone_of("008613800138000") == "13800138000");
    CHECK(phone_of("8613800138000") == "13800138000");
    CHECK(phone_of("＋８６　１３８００１３８０００") == "13800138000");
    CHECK(phone_of("（138）0013-8000") == "13800138000");
    CHECK(phone_of("138\u20140013\u20148000") == "13800138000");
    CHECK(reject_code("+8606603312345") == "phone-format");
    CHECK(reject_code("+1 13800138000") == "phone-format");
  }

  TEST_CASE("mobile prefixes: 13-19, no whitelist") {
    CHECK(phone_of("13000000000") == "13000000000");
    CHECK(phone_of("19999999999") == "19999999999");
    CHECK(phone_of("14147084381") == "14147084381");
    CHECK(reject_code("12637529131") == "phone-format");
    CHECK(reject_code("10637529131") == "phone-format");
    CHECK(reject_code("1303011344") == "phone-format");  // 10 digits
    CHECK(reject_code("138001380001") == "phone-format");
  }

  TEST_CASE("landlines with area code") {
    CHECK(phone_of("0660-5652172") == "0660-5652172");
    CHECK(phone_of("06603312345") == "0660-3312345");
    CHECK(phone_of("(0660) 331 2345") == "0660-3312345");
    CHECK(phone_of("010-12345678") == "010-12345678");
    CHECK(phone_of("02012345678") == "020-12345678");
    CHECK(phone_of("0755-1234567") == "0755-1234567");
    CHECK(phone_of("075512345678") == "0755-12345678");
    CHECK(reject_code("0660-123456") == "phone-format");     // 6-digit local number
    CHECK(reject_code("0660-123456789") == "phone-format");  // 9-digit local number
    CHECK(reject_code("010-123456") == "phone-format");
    CHECK(ldt::parse_phone("0660-5652172").warnings.empty());
  }

  TEST_CASE("7-8 digits without area code are kept with a warning") {
    auto seven = ldt::parse_phone("331-2345");
    CHECK(seven.phone == "3312345");
    CHECK_FALSE(seven.reject);
    CHECK(has_warning(seven, "phone-no-area-code"));
    CHECK(phone_of("33123456") == "33123456");
    CHECK(reject_code("331234") == "phone-format");
  }

  TEST_CASE("two numbers in one cell: the first counts, the rest is extra") {
    auto result = ldt::parse_phone("16780524249/13800000000");
    CHECK(result.phone == "16780524249");
    CHECK(result.extra == "13800000000");
    CHECK(has_warning(result, "phone-extra"));
    CHECK(ldt::parse_phone("13800138000, 0660-3312345").extra == "0660-3312345");
    CHECK(ldt::parse_phone("13800138000；13900139000").extra == "13900139000");
    CHECK(ldt::parse_phone("13800138000、13900139000").extra == "13900139000");
    CHECK(ldt::parse_phone("13800138000\n13900139000 (家)").extra == "13900139000 (家)");
    CHECK(ldt::parse_phone("13800138000\r\n13900139000").extra == "13900139000");
    auto trailing = ldt::parse_phone("13800138000/");
    CHECK(trailing.phone == "13800138000");
    CHECK(trailing.extra.empty());
    CHECK(trailing.warnings.empty());
    CHECK(ldt::parse_phone("/13800138000").phone == "13800138000");
  }

  TEST_CASE("scientific notation and other text are rejected") {
    auto result = ldt::parse_phone("1.38001E+10");
    REQUIRE(result.reject);
    CHECK(result.reject->code == "phone-format");
    CHECK(result.reject->field == "phone");
    CHECK(reject_code("无") == "phone-format");
    CHECK(reject_code("138-0013-800O") == "phone-format");
    CHECK(reject_code("0660-3312345转801") == "phone-format");
    auto bad = ldt::parse_phone("1380013800/13900139000");
    CHECK(bad.extra.empty());
    CHECK(bad.warnings.empty());
  }

  TEST_CASE("reject messages hold no full number") {
    auto result = ldt::parse_phone("1263752913");
    REQUIRE(result.reject);
    CHECK(result.reject->message.find("1263752913") == std::string::npos);
    CHECK(result.reject->message.find("10") != std::string::npos);
  }

  TEST_CASE("masking") {
    CHECK(ldt::mask_phone("13812345678") == "138****5678");
    CHECK(ldt::mask_phone("0660-3312345") == "0660-****345");
    CHECK(ldt::mask_phone("010-12345678") == "010-*****678");
    CHECK(ldt::mask_phone("3312345") == "*******");
    CHECK(ldt::mask_phone("") == "");
  }
}
