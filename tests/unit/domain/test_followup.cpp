// Follow-up values as people write them (Measures Art. 7, 8.3.4).
#include <doctest/doctest.h>

#include "ldt/domain/followup.hpp"

using namespace ldt;

TEST_CASE("monthly sales: amounts in yuan, never a guess") {
  CHECK(sales_from("3000") == 3000);
  CHECK(sales_from("3,000") == 3000);
  CHECK(sales_from("12,345.5") == 12345.5);
  CHECK(sales_from("3000元") == 3000);
  CHECK(sales_from("¥ 3 000") == 3000);
  CHECK(sales_from("0.3万") == 3000);
  CHECK(sales_from("３０００") == 3000);
  CHECK_FALSE(sales_from("3,00"));
  CHECK_FALSE(sales_from("3.000,5"));
  CHECK_FALSE(sales_from("1,2,3"));
  CHECK_FALSE(sales_from(",5"));
  CHECK_FALSE(sales_from("1e17"));
  CHECK_FALSE(sales_from("-5"));
  CHECK_FALSE(sales_from("三千"));
  CHECK_FALSE(sales_from("99999999999999999999999"));
  CHECK(format_sales(3500) == "3500");
  CHECK(format_sales(3000.555) == "3000.56");
}

TEST_CASE("follow-up method and yes/no in the words staff write") {
  CHECK(followup_method_from("电话") == FollowupMethod::phone);
  CHECK(followup_method_from("走访") == FollowupMethod::visit);
  CHECK(followup_method_from("微信") == FollowupMethod::wechat);
  CHECK_FALSE(followup_method_from("写信"));
  CHECK(yes_no_from("是") == true);
  CHECK(yes_no_from("未开店") == false);
  CHECK_FALSE(yes_no_from("不知道"));
}
