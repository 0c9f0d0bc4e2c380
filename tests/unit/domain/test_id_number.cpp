#include <doctest/doctest.h>

#include <string>

#include "ldt/domain/id_number.hpp"

namespace {

using ldt::Date;

const Date k_first_day = *ldt::make_date(2021, 3, 10);

std::string reject_code(std::string_view raw) {
  auto result = ldt::parse_id_number(raw, k_first_day);
  return result.reject ? result.reject->code : std::string("accepted");
}

std::string accepted_value(std::string_view raw) {
  auto result = ldt::parse_id_number(raw, k_first_day);
  REQUIRE_MESSAGE(result.id.has_value(), std::string(raw));
  CHECK_FALSE(result.reject.has_value());
  return result.id->value;
}

bool has_warning(const ldt::IdNumberResult& result, std::string_view code) {
  for (const auto& issue : result.warnings) {
    if (issue.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("domain/id_number") {
  TEST_CASE("GB 11643 check character") {
    CHECK(ldt::gb11643_check_char("44152319940312153") == '2');
    CHECK(ldt::gb11643_check_char("44150219730216564") == 'X');
    CHECK(ldt::gb11643_check_char("44152319900104000") == '0');
    CHECK(ldt::gb11643_check_char("4415231994031215") == '\0');
    CHECK(ldt::gb11643_check_char("4415231994031215A") == '\0');
  }

  TEST_CASE("cleaning: wrappers, white space, format characters, NFKC, final x") {
    CHECK(ldt::clean_id_text("=\"441502198407082482\"") == "441502198407082482");
    CHECK(ldt::clean_id_text("'441523199403121532") == "441523199403121532");
    CHECK(ldt::clean_id_text("\u2019441523199403121532") == "441523199403121532");
    CHECK(ldt::clean_id_text(" 441523 19640503 4025 ") == "441523196405034025");
    CHECK(ldt::clean_id_text("441521199\u200B904121626") == "441521199904121626");
    CHECK(ldt::clean_id_text("\uFEFF4415\u30002319\u00A0940312\t1532\u001F") == "441523199403121532");
    CHECK(ldt::clean_id_text("４４１５２３１９９５０８０８２２３４") == "441523199508082234");
    CHECK(ldt::clean_id_text("44152319880612117x") == "44152319880612117X");
    CHECK(ldt::clean_id_text("44152319880612117ｘ") == "44152319880612117X");
    // Only one wrapper and one apostrophe are stripped.
    CHECK(ldt::clean_id_text("''441523199403121532") == "'441523199403121532");
    CHECK(ldt::clean_id_text(" \u3000 ").empty());
  }

  TEST_CASE("messy-digits case cells are accepted") {
    CHECK(accepted_value("４４１５２３１９９５０８０８２２３４") == "441523199508082234");
    CHECK(accepted_value(" 441523 19640503 4025 ") == "441523196405034025");
    CHECK(accepted_value("'441523199403121532") == "441523199403121532");
    CHECK(accepted_value("441521199\u200B904121626") == "441521199904121626");
    CHECK(accepted_value("=\"441502198407082482\"") == "441502198407082482");
    CHECK(accepted_value("44152319880612117x") == "44152319880612117X");
  }

  TEST_CASE("derived fields: birth date and gender") {
    auto result = ldt::parse_id_number("441523198707149716", k_first_day);
    REQUIRE(result.id);
    CHECK(ldt::format_date(result.id->birth_date) == "1987-07-14");
    CHECK(result.id->gender == 'M');
    CHECK(result.warnings.empty());
    auto female = ldt::parse_id_number("44150219730216564X", k_first_day);
    REQUIRE(female.id);
    CHECK(female.id->gender == 'F');
    CHECK(ldt::format_date(female.id->birth_date) == "1973-02-16");
  }

  TEST_CASE("empty cell is missing-field") {
    auto result = ldt::parse_id_number(" \u3000\u200B ", k_first_day);
    REQUIRE(result.reject);
    CHECK(result.reject->code == "missing-field");
    CHECK(result.reject->field == "id_number");
    CHECK_FALSE(result.id);
  }

  TEST_CASE("Excel damage") {
    CHECK(reject_code("4.41523E+17") == "id-excel-damaged");
    CHECK(reject_code("4.41581E+17") == "id-excel-damaged");
    CHECK(reject_code("4,41523e17") == "id-excel-damaged");
    CHECK(reject_code("441523E12") == "id-excel-damaged");
    auto zeroed = ldt::parse_id_number("441521199501072000", k_first_day);
    REQUIRE(zeroed.reject);
    CHECK(zeroed.reject->code == "id-excel-damaged");
    CHECK(zeroed.reject->message.find("Excel") != std::string::npos);
    CHECK(zeroed.reject->message.find("Text") != std::string::npos);
    CHECK(zeroed.reject->message.find("441521199501072000") == std::string::npos);
  }

  TEST_CASE("a valid ID ending in 000 is only a warning") {
    auto result = ldt::parse_id_number("441523199001040000", k_first_day);
    REQUIRE(result.id);
    CHECK(result.id->gender == 'F');
    CHECK(has_warning(result, "id-maybe-truncated"));
  }

  TEST_CASE("look-alikes of X are id-format, not repaired") {
    CHECK(reject_code("44152319880612117\u00D7") == "id-format");
    CHECK(reject_code("44152319880612117\u0425") == "id-format");
    CHECK(reject_code("44152319880612117\u0445") == "id-format");
  }

  TEST_CASE("other shapes are id-format") {
    CHECK(reject_code("4415231988030682") == "id-format");     // 16 digits
    CHECK(reject_code("4415231994031215320") == "id-format");  // 19 digits
    CHECK(reject_code("44152319940312153A") == "id-format");
    CHECK(reject_code("4415231994031215X2") == "id-format");
    CHECK(reject_code("unknown") == "id-format");
    auto result = ldt::parse_id_number("4415231988030682", k_first_day);
    REQUIRE(result.reject);
    CHECK(result.reject->message.find("16") != std::string::npos);
    CHECK(result.reject->message.find("4415231988030682") == std::string::npos);
  }

  TEST_CASE("fifteen-digit IDs are upgraded with a warning") {
    auto result = ldt::parse_id_number("441523730220813", k_first_day);
    REQUIRE(result.id);
    CHECK(result.id->value == "441523197302208138");
    CHECK(result.id->gender == 'M');
    CHECK(ldt::format_date(result.id->birth_date) == "1973-02-20");
    CHECK(has_warning(result, "id-upgraded"));
    CHECK(accepted_value("441523850627598") == "441523198506275986");
    CHECK(accepted_value("441523810930930") == "441523198109309302");
    CHECK(ldt::parse_id_number("441523810930930", k_first_day).id->gender == 'F');
    CHECK(reject_code("441523810230930") == "id-birthdate");  // 1981-02-30
  }

  TEST_CASE("checks in order: checksum, province, birth date") {
    CHECK(reject_code("441502196706309245") == "id-checksum");
    CHECK(reject_code("441523199403121533") == "id-checksum");
    CHECK(reject_code("991502197504287466") == "id-region");
    CHECK(reject_code("44158119990231587X") == "id-birthdate");  // 31 February
    CHECK(reject_code("441581209901019688") == "id-birthdate");  // after the first day
    // A wrong check digit wins over a bad province.
    CHECK(reject_code("991502197504287467") == "id-checksum");
    for (std::string_view province :
         {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "83"}) {
      std::string first17 = std::string(province) + "0000199001011234";
      first17.resize(17);
      CHECK_MESSAGE(reject_code(first17 + ldt::gb11643_check_char(first17)) == "accepted", province);
    }
    for (std::string_view province :
         {"10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80", "84", "99"}) {
      std::string first17 = std::string(province) + "0000199001011234";
      first17.resize(17);
      CHECK_MESSAGE(reject_code(first17 + ldt::gb11643_check_char(first17)) == "id-region", province);
    }
  }

  TEST_CASE("birth date on the first day is not in the future") {
    std::string first17 = "44152320210310123";
    auto result = ldt::parse_id_number(first17 + ldt::gb11643_check_char(first17), k_first_day);
    CHECK(result.id);
    CHECK(has_warning(result, "age-outside-range"));
  }

  TEST_CASE("region codes") {
    CHECK(ldt::is_known_region_code("441523"));
    CHECK(ldt::is_known_region_code("441521"));
    CHECK(ldt::is_known_region_code("441581"));
    CHECK(ldt::is_known_region_code("441502"));
    CHECK(ldt::is_known_region_code("441500"));
    CHECK(ldt::is_known_region_code("440000"));
    CHECK(ldt::is_known_region_code("110101"));
    CHECK_FALSE(ldt::is_known_region_code("342401"));
    CHECK_FALSE(ldt::is_known_region_code("44152"));
    CHECK_FALSE(ldt::is_known_region_code("44152a"));
    auto abolished = ldt::parse_id_number("342401200108031218", k_first_day);
    REQUIRE(abolished.id);
    CHECK(has_warning(abolished, "id-region-unknown"));
    CHECK_FALSE(has_warning(ldt::parse_id_number("441523199403121532", k_first_day), "id-region-unknown"));
  }

  TEST_CASE("age warning outside [min_age, max_age] on the first day") {
    CHECK_FALSE(has_warning(ldt::parse_id_number("44152320070310123X", k_first_day),
                            "age-outside-range"));  // 14 today
    CHECK(has_warning(ldt::parse_id_number("441523200703111235", k_first_day),
                      "age-outside-range"));  // 13 until tomorrow
    CHECK(has_warning(ldt::parse_id_number("441523192001011232", k_first_day),
                      "age-outside-range"));  // 101
    CHECK_FALSE(has_warning(ldt::parse_id_number("441523192001011232", k_first_day, 14, 110), "age-outside-range"));
  }

  TEST_CASE("age_on") {
    auto d = [](int y, int m, int day) { return *ldt::make_date(y, m, day); };
    CHECK(ldt::age_on(d(1990, 3, 10), d(2021, 3, 10)) == 31);
    CHECK(ldt::age_on(d(1990, 3, 11), d(2021, 3, 10)) == 30);
    CHECK(ldt::age_on(d(2000, 2, 29), d(2021, 2, 28)) == 20);
    CHECK(ldt::age_on(d(2000, 2, 29), d(2021, 3, 1)) == 21);
    CHECK(ldt::age_on(d(2022, 1, 1), d(2021, 3, 10)) == -1);
  }

  TEST_CASE("masking") {
    CHECK(ldt::mask_id_number("44152319880612117X") == "441523********117X");
    CHECK(ldt::mask_id_number("441523199403121532") == "441523********1532");
    CHECK(ldt::mask_id_number("4415231988030682") == "****************");
    CHECK(ldt::mask_id_number("") == "");
  }

  TEST_CASE("messages never hold the full number") {
    for (std::string_view raw : {"441502196706309245", "991502197504287466", "441581209901019688", "342401200108031218",
                                 "441523192001011232", "441523730220813"}) {
      auto result = ldt::parse_id_number(raw, k_first_day);
      std::string value = result.id ? result.id->value : std::string(raw);
      if (result.reject) CHECK(result.reject->message.find(value) == std::string::npos);
      for (const auto& warning : result.warnings) {
        CHECK(warning.message.find(value) == std::string::npos);
        CHECK(warning.field == "id_number");
      }
    }
  }
}
