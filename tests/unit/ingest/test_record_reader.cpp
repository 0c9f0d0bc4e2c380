#include <doctest/doctest.h>

#include <string>

#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/diagnostic.hpp"
#include "test_support.hpp"

using namespace ldt;
using ldt::test::Cells;
using ldt::test::encode;
using ldt::test::read_all;

namespace {

using Problem = Record::Problem;

/// The diagnostic text of the input error reading `bytes` throws.
std::string open_error(std::string bytes) {
  try {
    RecordReader::from_bytes(std::move(bytes), EncodingChoice::auto_detect, "sheet.csv");
  } catch (const Error& error) {
    CHECK(error.exit_code() == ExitCode::input);
    return error.what();
  }
  return "no error";
}

constexpr const char* k_header = "姓名,身份证号,电话\n";

}  // namespace

TEST_SUITE("ingest/record_reader") {
  TEST_CASE("CRLF, LF and CR alone each end one physical line") {
    const auto records = read_all("姓名,电话\r\n张三,1\r李四,2\n王五,3\r\n\r\n赵六,4");
    REQUIRE(records.size() == 6);
    CHECK(records[0].cells == Cells{"姓名", "电话"});
    CHECK(records[1].line == 2);
    CHECK(records[1].cells == Cells{"张三", "1"});
    CHECK(records[2].line == 3);
    CHECK(records[3].line == 4);
    CHECK(records[4].line == 5);
    CHECK(records[4].cells == Cells{""});  // blank line: one empty cell
    CHECK(records[5].line == 6);
    CHECK(records[5].cells == Cells{"赵六", "4"});
    for (const Record& record : records) {
      CHECK(record.line_count == 1);
      CHECK(record.problem == Problem::none);
      CHECK(record.problem_line == record.line);
    }
  }

  TEST_CASE("a final line end adds no record") {
    CHECK(read_all("姓名,电话\n1,2\n").size() == 2);
    CHECK(read_all("姓名,电话\r\n1,2\r\n").size() == 2);
    CHECK(read_all("姓名,电话\r1,2\r").size() == 2);
  }

  TEST_CASE("quoted cells: separators, \"\" escapes, line breaks counted as lines") {
    const auto records = read_all(std::string(k_header) +
                                  "\"张,三\",\"1\"\"2\",\"\"\n"
                                  "李四,\"广东省\r\n陆河县\n河田镇\",3\r\n"
                                  "王五,ab\"c,\"x\"\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1].cells == Cells{"张,三", "1\"2", ""});
    CHECK(records[1].line == 2);
    CHECK(records[2].cells == Cells{"李四", "广东省\n陆河县\n河田镇", "3"});
    CHECK(records[2].line == 3);
    CHECK(records[2].line_count == 3);
    CHECK(records[3].line == 6);  // after the three lines of the previous record
    CHECK(records[3].cells == Cells{"王五", "ab\"c", "x"});
  }

  TEST_CASE("cells are not trimmed; trailing empty columns are kept") {
    const auto records = read_all(std::string(k_header) + " 张三 ,1,,\n,,\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].cells == Cells{" 张三 ", "1", "", ""});
    CHECK(records[2].cells == Cells{"", "", ""});
  }

  TEST_CASE("unbalanced quote reaching the end of the file") {
    const auto records = read_all(std::string(k_header) + "张三,\"4415,2\n李四,1,2\n王五,3,4");
    REQUIRE(records.size() == 4);
    CHECK(records[1].problem == Problem::quote);
    CHECK(records[1].unbalanced_quote);
    CHECK(records[1].line == 2);
    CHECK(records[1].problem_line == 2);
    CHECK(records[1].line_count == 1);
    CHECK(records[1].cells == Cells{"张三", "\"4415", "2"});  // the raw line, split naively
    // Reading resumes on the next physical line.
    CHECK(records[2].line == 3);
    CHECK(records[2].cells == Cells{"李四", "1", "2"});
    CHECK(records[2].problem == Problem::none);
    CHECK(records[3].line == 4);
    CHECK(records[3].cells == Cells{"王五", "3", "4"});
  }

  TEST_CASE("unbalanced quote: closing quote followed by text") {
    const auto records = read_all(std::string(k_header) + "张三,\"44\"15,2\r\n李四,1,2\r\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::quote);
    CHECK(records[1].line == 2);
    CHECK(records[1].cells == Cells{"张三", "\"44\"15", "2"});
    CHECK(records[2].line == 3);
    CHECK(records[2].cells == Cells{"李四", "1", "2"});
  }

  TEST_CASE("unbalanced quote spanning lines: resumes after the line where it opened") {
    const auto records = read_all(std::string(k_header) + "张三,\"a\nb\"x,2\n李四,1,2\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1].problem == Problem::quote);
    CHECK(records[1].line == 2);
    CHECK(records[1].line_count == 1);
    CHECK(records[1].cells == Cells{"张三", "\"a"});
    CHECK(records[2].line == 3);  // `b"x,2` read as a row of its own
    CHECK(records[2].cells == Cells{"b\"x", "2"});
    CHECK(records[3].line == 4);
  }

  TEST_CASE("unbalanced quote opening on a later line of the row") {
    const auto records = read_all(std::string(k_header) + "张三,\"a\nb\",\"c\n李四,1,2\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::quote);
    CHECK(records[1].line == 2);
    CHECK(records[1].problem_line == 3);  // where the unbalanced quote opened
    CHECK(records[1].line_count == 2);
    CHECK(records[1].cells == Cells{"张三", "\"a\nb\"", "\"c"});
    CHECK(records[2].line == 4);
    CHECK(records[2].cells == Cells{"李四", "1", "2"});
  }

  TEST_CASE("a long stray quote does not swallow the file") {
    std::string bytes = std::string(k_header) + "张三,\"1,2\n";
    for (int i = 0; i < 20000; ++i) bytes += "李四,441523199001011234,13800000000\n";
    const auto records = read_all(bytes);
    REQUIRE(records.size() == 20002);
    CHECK(records[1].problem == Problem::quote);
    CHECK(records[20001].line == 20002);
    CHECK(records[20001].cells == Cells{"李四", "441523199001011234", "13800000000"});
  }

  TEST_CASE("a quoted cell longer than the limit is one too-long record; reading goes on after it") {
    const std::string big(600 << 10, 'x');  // two lines of 600 KiB: a 1.2 MiB cell
    const auto records = read_all(std::string(k_header) + "张三,\"" + big + "\n" + big + "\",1\n李四,2,3\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::too_long);
    CHECK(records[1].cells == Cells{""});
    CHECK(records[1].line_count == 2);
    CHECK(records[2].line == 4);
    CHECK(records[2].cells == Cells{"李四", "2", "3"});
  }

  TEST_CASE("a quoted cell just under the limit is kept whole") {
    const std::string half(400 << 10, 'x');
    const auto records = read_all(std::string(k_header) + "张三,\"" + half + "\n" + half + "\",1\n");
    REQUIRE(records.size() == 2);
    CHECK(records[1].problem == Problem::none);
    CHECK(records[1].cells[1] == half + "\n" + half);
  }

  TEST_CASE("a line longer than 1 MiB is one too-long record, skipped in bounded memory; reading goes on") {
    const std::string huge(50 << 20, 'x');
    const auto records = read_all(std::string(k_header) + "张三," + huge + "\n李四,2,3\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::too_long);
    CHECK(records[1].line == 2);
    CHECK(records[1].cells == Cells{""});
    CHECK(records[2].line == 3);
    CHECK(records[2].cells == Cells{"李四", "2", "3"});
  }

  TEST_CASE("UTF-8 BOM is not part of the first cell") {
    RecordReader reader =
        RecordReader::from_bytes("\xEF\xBB\xBF姓名,电话\n1,2\n", EncodingChoice::auto_detect, "t.csv");
    CHECK(reader.encoding() == Encoding::utf8);
    Record record;
    REQUIRE(reader.next(record));
    CHECK(record.cells == Cells{"姓名", "电话"});
    CHECK(record.line == 1);
  }

  TEST_CASE("GBK bytes are read as GB18030") {
    const std::string bytes = encode("培训签到表,,\r\n姓名,身份证号,电话\r\n张三,4415,138\r\n", "GBK");
    RecordReader reader = RecordReader::from_bytes(bytes, EncodingChoice::auto_detect, "t.csv");
    CHECK(reader.encoding() == Encoding::gb18030);
    CHECK(reader.separator() == ',');
    Record record;
    REQUIRE(reader.next(record));
    CHECK(record.cells == Cells{"培训签到表", "", ""});
    REQUIRE(reader.next(record));
    REQUIRE(reader.next(record));
    CHECK(record.line == 3);
    CHECK(record.cells == Cells{"张三", "4415", "138"});
    CHECK_FALSE(reader.next(record));
  }

  TEST_CASE("UTF-16 LE and BE with BOM, tab separated") {
    const std::string text = "姓名\t身份证号\t电话\r\n张三\t4415\t\"1\t3\"\r\n";
    for (const char* name : {"UTF-16LE", "UTF-16BE"}) {
      const bool little = std::string(name) == "UTF-16LE";
      const std::string bom = little ? "\xFF\xFE" : "\xFE\xFF";
      RecordReader reader = RecordReader::from_bytes(bom + encode(text, name), EncodingChoice::auto_detect, "t.txt");
      CHECK(reader.encoding() == (little ? Encoding::utf16le : Encoding::utf16be));
      CHECK(reader.separator() == '\t');
      Record record;
      REQUIRE(reader.next(record));
      CHECK(record.cells == Cells{"姓名", "身份证号", "电话"});
      REQUIRE(reader.next(record));
      CHECK(record.line == 2);
      CHECK(record.cells == Cells{"张三", "4415", "1\t3"});
      CHECK_FALSE(reader.next(record));
    }
  }

  TEST_CASE("a bad byte rejects its row only, with the byte offset") {
    const std::string head = std::string(k_header) + "张三,441523,13800000000\n";
    const std::string bad_row = "李\xFF四,441524,13900000000\n";
    const auto records = read_all(head + bad_row + "王五,441525,13700000000\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1].problem == Problem::none);
    CHECK(records[2].problem == Problem::encoding);
    CHECK(records[2].byte_offset == static_cast<long long>(head.size() + 3));
    CHECK(records[2].cells[0] == "李\xEF\xBF\xBD四");
    CHECK(records[2].line == 3);
    CHECK(records[3].problem == Problem::none);
    CHECK(records[3].byte_offset == -1);
  }

  TEST_CASE("a bad byte in a GB18030 file; offsets count from the file start") {
    const std::string head = encode("姓名,身份证号\r\n", "GBK");
    const std::string row = encode("张", "GBK") + "\x80" + encode("三,1\r\n王五,2\r\n", "GBK");
    const auto records = read_all(head + row);
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::encoding);
    CHECK(records[1].byte_offset == static_cast<long long>(head.size() + 2));
    CHECK(records[1].cells == Cells{"张\xEF\xBF\xBD三", "1"});
    CHECK(records[2].problem == Problem::none);
    CHECK(records[2].cells == Cells{"王五", "2"});
  }

  TEST_CASE("encoding wins over quote, the row still ends as for quote") {
    const auto records = read_all(std::string(k_header) + "张\xFF三,\"1,2\n李四,1,2\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1].problem == Problem::encoding);
    CHECK(records[1].unbalanced_quote);
    CHECK(records[2].cells == Cells{"李四", "1", "2"});
  }

  TEST_CASE("separator: semicolon and tab files") {
    RecordReader semicolon =
        RecordReader::from_bytes("姓名;身份证号;电话\n张三;1,5;2\n", EncodingChoice::auto_detect, "t.csv");
    CHECK(semicolon.separator() == ';');
    Record record;
    REQUIRE(semicolon.next(record));
    REQUIRE(semicolon.next(record));
    CHECK(record.cells == Cells{"张三", "1,5", "2"});
    CHECK(RecordReader::from_bytes("标题,说明\n姓名\t身份证号\t电话\n", EncodingChoice::auto_detect, "t.csv")
              .separator() == '\t');
  }

  TEST_CASE("separator: ties go to the one occurring most on the best line") {
    // ',' and ';' both score 2; the earliest best line is line 1, where ';' occurs most.
    CHECK(RecordReader::from_bytes("性别;备注;;;\n姓名,电话\n", EncodingChoice::auto_detect, "t.csv").separator() ==
          ';');
    CHECK(RecordReader::from_bytes("姓名,电话\n性别;备注;;;\n", EncodingChoice::auto_detect, "t.csv").separator() ==
          ',');
    // Nothing scores: the one occurring most on the first 30 lines; equal counts → ','.
    CHECK(RecordReader::from_bytes("a;b;c\n1;2,3;4\n", EncodingChoice::auto_detect, "t.csv").separator() == ';');
    CHECK(RecordReader::from_bytes("a\n", EncodingChoice::auto_detect, "t.csv").separator() == ',');
  }

  TEST_CASE("unusable files are input errors (exit 2)") {
    CHECK(open_error("") ==
          "sheet.csv: the file is empty (no rows); export the sign-in sheet "
          "again and check that it has rows");
    CHECK(open_error("\xEF\xBB\xBF").find("empty") != std::string::npos);
    CHECK(open_error("\xFF\xFE\r\0\n\0").find("empty") != std::string::npos);
    CHECK(open_error(" \r\n\t\n").find("empty") != std::string::npos);
    CHECK(open_error(std::string(300000, '\n')).find("empty") != std::string::npos);
    CHECK(open_error(std::string("PK\x03\x04\x14\0\x06\0", 8)) ==
          "sheet.csv: this is an Excel workbook (or another zip/Office file), not a CSV file; "
          "open it in Excel/WPS and save as CSV (UTF-8)");
    CHECK(open_error("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").find("Excel") != std::string::npos);
    CHECK(open_error(std::string("姓名,电话\n\0\0\x01", 17)) ==
          "sheet.csv: this is not a text file (it holds binary data); export the sign-in sheet as "
          "CSV (UTF-8) or Unicode text");
    CHECK(open_error("\x01\x02\x03\x04\x05\x06 abc").find("not a text file") != std::string::npos);
  }

  TEST_CASE("paths: reading a file, a missing file, a directory") {
    const std::string path = "/tmp/ldt_test_record_reader.csv";
    {
      std::FILE* file = std::fopen(path.c_str(), "wb");
      REQUIRE(file != nullptr);
      std::fputs("姓名,电话\r\n张三,1\r\n", file);
      std::fclose(file);
    }
    RecordReader reader(path, EncodingChoice::auto_detect, "a.csv");
    Record record;
    REQUIRE(reader.next(record));
    REQUIRE(reader.next(record));
    CHECK(record.cells == Cells{"张三", "1"});
    CHECK_FALSE(reader.next(record));
    std::remove(path.c_str());
    try {
      RecordReader missing("/nonexistent/x.csv", EncodingChoice::auto_detect, "x.csv");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.exit_code() == ExitCode::input);
      CHECK(std::string(error.what()) ==
            "x.csv: cannot open the file: No such file or directory; check the path and that you "
            "may read the file");
    }
    CHECK_THROWS_AS(RecordReader("/tmp", EncodingChoice::auto_detect, "tmp"), Error);
  }

  TEST_CASE("explicit encoding overrides detection") {
    const std::string gbk = encode("姓名,电话\n张三,1\n", "GBK");
    RecordReader reader = RecordReader::from_bytes(gbk, EncodingChoice::utf8, "t.csv");
    CHECK(reader.encoding() == Encoding::utf8);
    Record record;
    REQUIRE(reader.next(record));
    CHECK(record.problem == Problem::encoding);
    CHECK(record.byte_offset == 0);
  }
}
