#include <doctest/doctest.h>

#include "ldt/domain/category.hpp"
#include "ldt/report/render.hpp"
#include "ldt/report/stats.hpp"

using namespace ldt;

TEST_SUITE("report/render") {
  Table two_columns(std::vector<Row> rows) { return Table{{{"name", "name"}, {"n", "n"}}, std::move(rows), {}, {}}; }

  Document one_table(Table table) {
    Document document;
    document.add_table(std::move(table));
    return document;
  }

  TEST_CASE("CJK characters are two columns wide") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("河田镇") == 6);
    CHECK(display_width("陈𠈌") == 4);
  }

  TEST_CASE("text tables align CJK cells") {
    auto document =
        one_table(two_columns({{text_cell("河田镇"), integer_cell(1)}, {text_cell("ab"), integer_cell(22)}}));
    CHECK(render_to_string(document, {Format::table}) == "name    n\n------  --\n河田镇  1\nab      22\n");
  }

  TEST_CASE("text tables align cells mixing CJK, full-width, ASCII and the middle dot") {
    auto document = one_table(two_columns({{text_cell("阿依古丽·买买提"), integer_cell(1)},
                                           {text_cell("ＡＢ河田"), integer_cell(22)},
                                           {text_cell("Li Wei"), integer_cell(333)},
                                           {text_cell("（河口镇）"), integer_cell(4)}}));
    CHECK(render_to_string(document, {Format::table}) ==
          "name             n\n"
          "---------------  ---\n"
          "阿依古丽·买买提  1\n"
          "ＡＢ河田         22\n"
          "Li Wei           333\n"
          "（河口镇）       4\n");
  }

  TEST_CASE("CSV for Excel starts with a BOM and keeps ID numbers as text") {
    Table table{{{"a", "a"}, {"id", "id"}}, {{text_cell("x,y"), id_number_cell("44152319870714971X")}}, {}, {}};
    CHECK(render_to_string(one_table(table), {Format::csv, true, true}) ==
          "\xEF\xBB\xBF"
          "a,id\n\"x,y\",\"=\"\"44152319870714971X\"\"\"\n");
  }

  TEST_CASE("personal data is masked by cell type unless unmasked") {
    Table table{{{"id", "id"}, {"phone", "phone"}, {"address", "address"}, {"note", "note"}},
                {{id_number_cell("441523198707149716"), phone_cell("13812345678"), address_cell("河口镇东联村93号"),
                  text_cell("电话１３９１２３４５６７８")}},
                {},
                {}};
    CHECK(render_to_string(one_table(table), {Format::csv}) ==
          "id,phone,address,note\n441523********9716,138****5678,***,电话139****5678\n");
    CHECK(render_to_string(one_table(table), {Format::csv, true}) ==
          "id,phone,address,note\n441523198707149716,13812345678,河口镇东联村93号,电话１３９１２３４５６７８\n");
  }

  TEST_CASE("JSON types cells and leaves empty cells out") {
    Table table{
        {{"n", "n"}, {"ok", "ok", true, true}, {"tags", "tags"}, {"gone", "gone"}, {"people", "people", true, false}},
        {{integer_cell(3), flag_cell(true, "yes"), list_cell({"a", "b"}, ";"), empty_cell(), text_cell("x")}},
        {},
        {}};
    CHECK(render_to_string(one_table(table), {Format::json}) ==
          "[\n  {\n    \"n\": 3,\n    \"ok\": true,\n    \"tags\": [\n      \"a\",\n      \"b\"\n    ]\n  }\n]\n");
    CHECK(render_to_string(one_table(table), {Format::table}) ==
          "n  ok   tags  gone  people\n-  ---  ----  ----  ------\n3  yes  a;b         x\n");
  }

  TEST_CASE("a streamed table renders as the same JSON as a buffered one") {
    Table buffered = two_columns({{text_cell("a"), integer_cell(1)}, {text_cell("b"), integer_cell(2)}});
    Table streamed = two_columns({});
    int next = 0;
    streamed.stream = [&](Row& row) {
      if (next == 2) return false;
      row = buffered.rows[static_cast<size_t>(next++)];
      return true;
    };
    CHECK(render_to_string(one_table(streamed), {Format::json}) ==
          render_to_string(one_table(buffered), {Format::json}));
    Table none = two_columns({});
    none.stream = [](Row&) { return false; };
    CHECK(render_to_string(one_table(none), {Format::json}) == "[]\n");
  }

  TEST_CASE("a table without rows may say so instead") {
    Document document;
    document.add_table(two_columns({})).empty_text = "nothing here";
    CHECK(render_to_string(document, {Format::table}) == "nothing here\n");
    CHECK(render_to_string(document, {Format::csv}) == "name,n\n");
  }

  TEST_CASE("records are objects in JSON and field/value tables for people; paragraphs are for people") {
    Document document;
    document.add_paragraphs({"opened session s1"});
    document.add_record({{"id", literal_cell("s1")}, {"status", literal_cell("open")}}).human = false;
    CHECK(render_to_string(document, {Format::json}) == "{\n  \"id\": \"s1\",\n  \"status\": \"open\"\n}\n");
    CHECK(render_to_string(document, {Format::table}) == "opened session s1\n");
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
