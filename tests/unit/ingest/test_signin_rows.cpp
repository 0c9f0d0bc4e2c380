#include <doctest/doctest.h>

#include "ldt/domain/masking.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/signin_rows.hpp"

using namespace ldt;

namespace {
ImportSession march_session() { return ImportSession{"s1", *make_date(2021, 3, 10), *make_date(2021, 3, 12), 14, 90}; }

/// Reads a UTF-8 CSV from memory and normalises its data rows (the header is found as in an import).
std::vector<NormalizedRow> rows_of(const std::string& csv) {
  auto reader = RecordReader::from_bytes(csv, EncodingChoice::utf8, "test.csv");
  std::vector<Record> records;
  Record record;
  while (reader.next(record)) records.push_back(record);
  auto header = find_header(records);
  REQUIRE(header);
  std::vector<NormalizedRow> out;
  for (size_t i = header->record_index + 1; i < records.size(); ++i) {
    if (is_blank_row(records[i]) || is_footer_row(records[i])) continue;
    out.push_back(normalize_row(*header, records[i], march_session()));
  }
  return out;
}

const char* k_header = "姓名,身份证号码,联系电话,家庭住址,人员类别,是否贫困户,签到时间\n";
}  // namespace

TEST_SUITE("ingest/signin_rows") {
  TEST_CASE("extra columns keep their order; repeated headers get #2, #3") {
    auto rows = rows_of("姓名,身份证号码,备注,备注,备注,,序号\n彭燕,441523198707149716,a,b,c,d,1\n");
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].signin);
    CHECK(rows[0].signin->note == "a");  // the first 备注 is the note column
    CHECK(rows[0].signin->extra == R"({"备注":"b","备注#2":"c","column6":"d","序号":"1"})");
  }

  TEST_CASE("a clean row becomes a sign-in with derived fields") {
    auto rows =
        rows_of(std::string(k_header) + "彭燕,441523198707149716,19776317066,河田镇,农村妇女,否,2021-03-10 08:50\n");
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].signin);
    const auto& s = *rows[0].signin;
    CHECK(s.day == "2021-03-10");
    CHECK(s.id_number == "441523198707149716");
    CHECK(s.gender == "M");
    CHECK(s.birth_date == "1987-07-14");
    CHECK(s.phone == "19776317066");
    CHECK(s.categories == "rural_woman");
    CHECK(s.signed_at == "2021-03-10T08:50:00+08:00");
    CHECK(s.source_line == 2);
    CHECK(rows[0].warnings.empty());
  }

  TEST_CASE("a yes flag adds its category, in the order of Measures Art. 3") {
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149716,19776317066,河田镇,农村妇女,是,2021-03-10\n");
    REQUIRE(rows[0].signin);
    CHECK(rows[0].signin->categories == "poor_household;rural_woman");
  }

  TEST_CASE("one reject per row: missing name comes before a bad ID") {
    auto rows = rows_of(std::string(k_header) + ",4415231987071497XX,19776317066,河田镇,,,2021-03-10\n");
    REQUIRE(rows[0].reject);
    CHECK(rows[0].reject->code == "missing-field");
    CHECK(rows[0].reject->field == "name");
  }

  TEST_CASE("ID problems come before phone and date problems") {
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149717,123,河田镇,,,2099-01-01\n");
    REQUIRE(rows[0].reject);
    CHECK(rows[0].reject->code == "id-checksum");
  }

  TEST_CASE("phone before category before date") {
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149716,123,河田镇,外星人,,2099-01-01\n" +
                        "彭燕,441523198707149716,19776317066,河田镇,外星人,,2099-01-01\n" +
                        "彭燕,441523198707149716,19776317066,河田镇,农村妇女,也许,2099-01-01\n" +
                        "彭燕,441523198707149716,19776317066,河田镇,农村妇女,否,2099-01-01\n");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].reject->code == "phone-format");
    CHECK(rows[1].reject->code == "category-unknown");
    CHECK(rows[2].reject->code == "category-unknown");
    CHECK(rows[3].reject->code == "date-outside-session");
  }

  TEST_CASE("a value beyond the header's columns is row-shape") {
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149716,19776317066,河田镇,,,2021-03-10,,多余\n" +
                        "彭燕,441523198707149716,19776317066,河田镇,,,2021-03-10,,\n");
    CHECK(rows[0].reject->code == "row-shape");
    CHECK_FALSE(rows[1].reject);
  }

  TEST_CASE("missing phone and address are warnings, not rejects") {
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149716,,,,,2021-03-11\n");
    REQUIRE(rows[0].signin);
    std::vector<std::string> codes;
    for (const auto& w : rows[0].warnings) codes.push_back(w.code);
    CHECK(codes == std::vector<std::string>{"phone-missing", "address-missing"});
  }

  TEST_CASE("footer and blank rows are recognised") {
    Record footer{5, 1, {"", "合计：25人", ""}};
    Record blank{6, 1, {"", " ", "\xE3\x80\x80"}};
    Record data{7, 1, {"1", "彭燕"}};
    CHECK(is_footer_row(footer));
    CHECK(is_blank_row(blank));
    CHECK_FALSE(is_footer_row(data));
    CHECK_FALSE(is_blank_row(data));
  }

  TEST_CASE("unknown columns are kept as extra fields") {
    auto rows = rows_of("序号,姓名,身份证号码,培训意向\n1,彭燕,441523198707149716,直播带货\n");
    REQUIRE(rows[0].signin);
    CHECK(rows[0].signin->extra == R"({"序号":"1","培训意向":"直播带货"})");
  }
}

TEST_SUITE("ingest/signin_rows masking") {
  TEST_CASE("messages never carry a full ID number or phone") {
    CHECK(mask_digit_runs("时间 \"441502196608024001\" 无法识别") == "时间 \"441502********4001\" 无法识别");
    CHECK(mask_digit_runs("phone 13912345678 and 2021") == "phone 139****5678 and 2021");
    CHECK(mask_digit_runs("44150219730216564X") == "441502********564X");
    auto rows = rows_of(std::string(k_header) + "彭燕,441523198707149716,19776317066,河田镇,,,441502196608024001\n");
    REQUIRE(rows[0].reject);
    CHECK(rows[0].reject->code == "date-format");
    CHECK(rows[0].reject->message.find("441502196608024001") == std::string::npos);
  }
}
