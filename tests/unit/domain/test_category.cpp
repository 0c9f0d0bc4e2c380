#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ldt/domain/category.hpp"

namespace {

using ldt::Category;

std::vector<Category> categories_of(std::string_view cell) {
  auto result = ldt::parse_categories(cell);
  REQUIRE_MESSAGE(!result.reject.has_value(), std::string(cell));
  return result.categories;
}

}  // namespace

TEST_SUITE("domain/category") {
  TEST_CASE("identifiers and labels round-trip") {
    CHECK(ldt::category_id(Category::poor_household) == "poor_household");
    CHECK(ldt::category_id(Category::enterprise_staff) == "enterprise_staff");
    CHECK(ldt::category_label_zh(Category::grower) == "特色农产品种养专业大户");
    CHECK(ldt::category_label_zh(Category::cadre) == "县镇村干部");
    for (int i = 0; i < ldt::k_category_count; ++i) {
      auto c = static_cast<Category>(i);
      CHECK(ldt::category_from_id(ldt::category_id(c)) == c);
      CHECK_FALSE(ldt::category_label_zh(c).empty());
    }
    CHECK_FALSE(ldt::category_from_id("Poor_Household"));
    CHECK_FALSE(ldt::category_from_id(""));
  }

  TEST_CASE("every word of Measures Art. 3 is recognised") {
    const std::vector<std::pair<std::string_view, Category>> words = {
        {"建档立卡贫困户", Category::poor_household},
        {"贫困户", Category::poor_household},
        {"残疾人", Category::disabled},
        {"农村青年", Category::rural_youth},
        {"务工返乡人员", Category::returnee},
        {"返乡人员", Category::returnee},
        {"返乡农民", Category::returnee},
        {"退伍军人", Category::veteran},
        {"农村妇女", Category::rural_woman},
        {"大学生村官", Category::village_official},
        {"农民专业合作社成员", Category::cooperative_member},
        {"合作社成员", Category::cooperative_member},
        {"特色农产品种养专业大户", Category::grower},
        {"种养专业大户", Category::grower},
        {"种养大户", Category::grower},
        {"农产品运销经纪人", Category::broker},
        {"运销经纪人", Category::broker},
        {"县镇村干部", Category::cadre},
        {"村干部", Category::cadre},
        {"干部", Category::cadre},
        {"政府工作人员", Category::civil_servant},
        {"镇村站点运营人员", Category::site_operator},
        {"站点运营人员", Category::site_operator},
        {"个体工商户", Category::merchant},
        {"企业电商运营人员", Category::enterprise_staff},
    };
    for (const auto& [word, category] : words) {
      CHECK_MESSAGE(categories_of(word) == std::vector<Category>{category}, std::string(word));
    }
  }

  TEST_CASE("English identifiers, case-insensitive") {
    CHECK(categories_of("veteran") == std::vector<Category>{Category::veteran});
    CHECK(categories_of("Site_Operator, MERCHANT") ==
          std::vector<Category>{Category::site_operator, Category::merchant});
  }

  TEST_CASE("separators, sorting and duplicates (categories case)") {
    CHECK(categories_of("务工返乡人员、退伍军人") == std::vector<Category>{Category::returnee, Category::veteran});
    CHECK(categories_of("农村妇女，建档立卡贫困户") ==
          std::vector<Category>{Category::poor_household, Category::rural_woman});
    CHECK(categories_of("大学生村官;农村青年") ==
          std::vector<Category>{Category::rural_youth, Category::village_official});
    CHECK(categories_of("个体工商户 种养专业大户") == std::vector<Category>{Category::grower, Category::merchant});
    CHECK(categories_of("农村妇女/残疾人") == std::vector<Category>{Category::disabled, Category::rural_woman});
    CHECK(categories_of("镇村站点运营人员") == std::vector<Category>{Category::site_operator});
    CHECK(categories_of(" 残疾人；贫困户\u3000残疾人 ,, 建档立卡贫困户／") ==
          std::vector<Category>{Category::poor_household, Category::disabled});
  }

  TEST_CASE("empty cell is an empty list") {
    for (std::string_view cell : {"", "  ", "\u3000", "、"}) {
      auto result = ldt::parse_categories(cell);
      CHECK(result.categories.empty());
      CHECK_FALSE(result.reject);
    }
  }

  TEST_CASE("an unknown word is category-unknown naming it and the known words") {
    auto result = ldt::parse_categories("外星访客");
    REQUIRE(result.reject);
    CHECK(result.reject->code == "category-unknown");
    CHECK(result.reject->field == "category");
    CHECK(result.reject->message.find("外星访客") != std::string::npos);
    CHECK(result.reject->message.find("建档立卡贫困户") != std::string::npos);
    CHECK(result.reject->message.find("种养大户") != std::string::npos);
    CHECK(result.categories.empty());
    auto mixed = ldt::parse_categories("残疾人、学生");
    REQUIRE(mixed.reject);
    CHECK(mixed.reject->message.find("学生") != std::string::npos);
  }

  TEST_CASE("yes/no flags") {
    for (std::string_view yes : {"是", "√", "✓", "1", "Y", "y", "有", " 是 ", "１", "Ｙ"}) {
      CHECK_MESSAGE(ldt::parse_flag(yes) == ldt::FlagValue::yes, std::string(yes));
    }
    for (std::string_view no : {"否", "×", "0", "N", "n", "无", "", "  ", "\u3000"}) {
      CHECK_MESSAGE(ldt::parse_flag(no) == ldt::FlagValue::no, std::string(no));
    }
    for (std::string_view other : {"是的", "yes", "no", "2", "?", "x", "✔"}) {
      CHECK_MESSAGE(ldt::parse_flag(other) == ldt::FlagValue::invalid, std::string(other));
    }
  }
}
