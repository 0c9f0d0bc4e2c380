#include <doctest/doctest.h>

#include "ldt/domain/category.hpp"
#include "ldt/report/stats.hpp"
#include "ldt/report/table.hpp"

using namespace ldt;

TEST_SUITE("report/table") {
  TEST_CASE("CJK characters are two columns wide") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("河田镇") == 6);
    CHECK(display_width("陈𠈌") == 4);
  }

  TEST_CASE("text tables align CJK cells") {
    Table table{{"name", "n"}, {{"河田镇", "1"}, {"ab", "22"}}};
    CHECK(render_text(table) == "name    n\n------  --\n河田镇  1\nab      22\n");
  }

  TEST_CASE("CSV for Excel starts with a BOM") {
    Table table{{"a"}, {{"x,y"}}};
    CHECK(render_csv(table, true) == "\xEF\xBB\xBF" "a\n\"x,y\"\n");
  }
}

TEST_SUITE("report/stats") {
  TEST_CASE("person_times per session and trainee, persons distinct") {
    auto bit = [](Category c) { return 1U << static_cast<int>(c); };
    StatsBuilder builder;
    builder.add({"s1", "p", "2021-03", "A", "河田镇", bit(Category::rural_youth), 2});
    builder.add({"s1", "p", "2021-03", "B", "", bit(Category::poor_household), 1});
    builder.add({"s2", "p", "2021-04", "A", "河田镇", bit(Category::returnee), 1});
    Stats stats = builder.finish();
    CHECK(stats.sessions == 2);
    CHECK(stats.total.person_times == 3);
    CHECK(stats.total.persons == 2);
    CHECK(stats.by_category[static_cast<int>(Category::rural_youth)].person_times == 1);
    CHECK(stats.by_category[static_cast<int>(Category::returnee)].persons == 1);
    CHECK(stats.by_town["河田镇"].person_times == 2);
    CHECK(stats.by_town["河田镇"].persons == 1);
    CHECK(stats.by_month["2021-04"].person_times == 1);
  }
}
