#include <doctest/doctest.h>

#include "ldt/ingest/header.hpp"
#include "test_support.hpp"

using namespace ldt;
using ldt::test::Cells;

namespace {

std::vector<Record> rows(const std::vector<Cells>& cells) {
  std::vector<Record> records;
  int line = 1;
  for (const Cells& row : cells) {
    Record record;
    record.line = line++;
    record.cells = row;
    records.push_back(record);
  }
  return records;
}

}  // namespace

TEST_SUITE("ingest/header") {
  TEST_CASE("field ids") {
    CHECK(field_id(Field::name) == "name");
    CHECK(field_id(Field::id_number) == "id_number");
    CHECK(field_id(Field::poor_household) == "poor_household");
    CHECK(field_id(Field::signed_at) == "signed_at");
    CHECK(field_id(Field::reject_source_file) == "source_file");
    CHECK(field_id(Field::reject_line) == "line");
    CHECK(field_id(Field::extra) == "extra");
  }

  TEST_CASE("normalisation removes spaces, line breaks, BOM and one trailing bracketed note") {
    CHECK(normalize_header_cell(" 姓 名 ") == "姓名");
    CHECK(normalize_header_cell("\xE3\x80\x80姓名\xC2\xA0") == "姓名");
    CHECK(normalize_header_cell("身份证号码\r\n（必填）") == "身份证号码");
    CHECK(normalize_header_cell("联系电话(手机)") == "联系电话");
    CHECK(normalize_header_cell("姓名【必填】") == "姓名");
    CHECK(normalize_header_cell("电话 [手机]") == "电话");
    CHECK(normalize_header_cell("\xEF\xBB\xBF序号") == "序号");
    CHECK(normalize_header_cell("电话(手机(主))") == "电话");
    CHECK(normalize_header_cell("电话(a)(b)") == "电话(a)");  // only one note
    CHECK(normalize_header_cell("（备注）") == "（备注）");   // the note is the whole cell
    CHECK(normalize_header_cell("备注)") == "备注)");
    CHECK(normalize_header_cell("(必填)姓名") == "(必填)姓名");  // not trailing
    CHECK(normalize_header_cell("   ").empty());
  }

  TEST_CASE("the header aliases of the README") {
    const std::vector<std::pair<const char*, Field>> aliases{
        {"姓名", Field::name},
        {"学员姓名", Field::name},
        {"名字", Field::name},
        {"身份证号", Field::id_number},
        {"身份证号码", Field::id_number},
        {"证件号码", Field::id_number},
        {"公民身份号码", Field::id_number},
        {"联系电话", Field::phone},
        {"手机", Field::phone},
        {"手机号", Field::phone},
        {"手机号码", Field::phone},
        {"电话", Field::phone},
        {"家庭住址", Field::address},
        {"住址", Field::address},
        {"地址", Field::address},
        {"镇", Field::town},
        {"乡镇", Field::town},
        {"所在镇", Field::town},
        {"村", Field::village},
        {"所在村", Field::village},
        {"人员类别", Field::category},
        {"类别", Field::category},
        {"学员类型", Field::category},
        {"是否贫困户", Field::poor_household},
        {"贫困户", Field::poor_household},
        {"是否残疾人", Field::disabled},
        {"残疾", Field::disabled},
        {"签到时间", Field::signed_at},
        {"时间", Field::signed_at},
        {"日期", Field::signed_at},
        {"性别", Field::gender},
        {"备注", Field::note},
    };
    for (const auto& [alias, field] : aliases) {
      CAPTURE(alias);
      CHECK(match_header(alias) == field);
    }
    CHECK(match_header(" 手机号码（必填） ") == Field::phone);
    CHECK_FALSE(match_header("序号").has_value());
    CHECK_FALSE(match_header("签名").has_value());
    CHECK_FALSE(match_header("姓名：").has_value());  // exact match only
    CHECK_FALSE(match_header("source_file").has_value());
    CHECK(header_score({"序号", "姓名", "姓名", "签名"}) == 2);
  }

  TEST_CASE("the row with most matches among the first 30, title rows above") {
    const auto records =
        rows({{"陆河县培训签到表", "", ""},
              {"培训时间：2021年3月10日", "", "地点：电商中心"},
              {""},
              {"序号", "姓名", "性别", "身份证号", "手机", "镇", "地址", "类别", "时间", "签名", "", ""},
              {"1", "张三", "男", "441523", "138", "河田镇", "x", "农村青年", "", "", "", ""}});
    const auto header = find_header(records);
    REQUIRE(header.has_value());
    CHECK(header->record_index == 3);
    CHECK(header->line == 4);
    CHECK(header->score == 8);
    CHECK(header->width == 10);  // ends at the last non-empty header cell
    CHECK(header->names == Cells{"序号", "姓名", "性别", "身份证号", "手机", "镇", "地址", "类别", "时间", "签名"});
    CHECK(header->fields == std::vector<Field>{Field::extra, Field::name, Field::gender, Field::id_number, Field::phone,
                                               Field::town, Field::address, Field::category, Field::signed_at,
                                               Field::extra});
    CHECK_FALSE(header->is_fix_file);
    CHECK(header->column(Field::phone) == 4u);
    CHECK_FALSE(header->column(Field::village).has_value());
  }

  TEST_CASE("at least two matches; ties go to the earliest; only the first 30 rows") {
    CHECK_FALSE(find_header(rows({{"姓名", "x"}, {"张三", "1"}})).has_value());
    const auto tie = find_header(rows({{"a"}, {"姓名", "电话"}, {"性别", "备注"}}));
    REQUIRE(tie.has_value());
    CHECK(tie->record_index == 1);
    std::vector<Cells> many(30, Cells{"x"});
    many.push_back({"姓名", "电话", "性别"});
    CHECK_FALSE(find_header(rows(many)).has_value());
    many[29] = {"姓名", "电话"};
    CHECK(find_header(rows(many))->record_index == 29);
  }

  TEST_CASE("duplicates: the leftmost column is the field, the others extra; blanks are extra") {
    const auto header = find_header(rows({{"姓名", "手机", "", "电话", "学员姓名", " "}}));
    REQUIRE(header.has_value());
    CHECK(header->score == 4);
    CHECK(header->width == 5);
    CHECK(header->fields == std::vector<Field>{Field::name, Field::phone, Field::extra, Field::extra, Field::extra});
  }

  TEST_CASE("the rejects fix file") {
    const auto header =
        find_header(rows({{"source_file", "line", "field", "code", "message", "序号", "姓名", "身份证号码"}}));
    REQUIRE(header.has_value());
    CHECK(header->is_fix_file);
    CHECK(header->score == 2);
    CHECK(header->fields == std::vector<Field>{Field::reject_source_file, Field::reject_line, Field::reject_info,
                                               Field::reject_info, Field::reject_info, Field::extra, Field::name,
                                               Field::id_number});
    // The five columns alone are no header.
    CHECK_FALSE(find_header(rows({{"source_file", "line", "field", "code", "message"}})).has_value());
  }
}
