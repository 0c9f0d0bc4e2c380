// README "Workbooks": the text of number, date and string cells.
#include <doctest/doctest.h>

#include "ldt/ingest/cell_text.hpp"

using namespace ldt;

TEST_SUITE("ingest/cell_text") {
  TEST_CASE("an integer of at most 15 digits reads as its digits") {
    CHECK(read_number_text("13812345678").text == "13812345678");
    CHECK(read_number_text("1.3812345678E10").text == "13812345678");
    CHECK(read_number_text("1.3812345678e+10").text == "13812345678");
    CHECK(read_number_text("13812345678.0").text == "13812345678");
    CHECK(read_number_text("4.41523900101123E14").text == "441523900101123");
    CHECK(read_number_text("999999999999999").text == "999999999999999");
    CHECK(read_number_text("-5.0").text == "-5");
    CHECK(read_number_text("0").text == "0");
    CHECK(read_number_text("0.000").text == "0");
    CHECK(read_number_text("007").text == "7");
    CHECK(read_number_text("1E3").text == "1000");
    CHECK_FALSE(read_number_text("13812345678").beyond_15_digits);
  }
  TEST_CASE("other numbers keep the text of <v>") {
    CHECK(read_number_text("44265.375").text == "44265.375");
    CHECK(read_number_text("0.5").text == "0.5");
    CHECK(read_number_text("1.5E-3").text == "1.5E-3");
    NumberText big = read_number_text("4.41523199106045E+17");
    CHECK(big.valid);
    CHECK(big.text == "4.41523199106045E+17");
    CHECK(big.beyond_15_digits);
  }
  TEST_CASE("10^15 and more is beyond what a number cell keeps, whatever the digits") {
    CHECK(read_number_text("1000000000000000").beyond_15_digits);
    CHECK(read_number_text("441523199001011234").beyond_15_digits);
    CHECK(read_number_text("-441523199001011234").beyond_15_digits);
    CHECK(read_number_text("1E999999999999").beyond_15_digits);
    CHECK_FALSE(read_number_text("999999999999999.9").beyond_15_digits);
    CHECK_FALSE(read_number_text("1E-999999999999").beyond_15_digits);
  }
  TEST_CASE("text that is not a decimal number is kept and marked") {
    for (const char* text : {"", "-", ".", "1e", "1e+", "0x10", " 12", "12 ", "NaN", "inf", "1.2.3", "１２"}) {
      CAPTURE(text);
      NumberText number = read_number_text(text);
      CHECK_FALSE(number.valid);
      CHECK(number.text == text);
    }
  }
  TEST_CASE("an .xls double reads as the shortest text") {
    CHECK(number_text_of(13812345678.0).text == "13812345678");
    CHECK(number_text_of(441523199001011234.0).beyond_15_digits);
    CHECK(number_text_of(0.1).text == "0.1");
  }
  TEST_CASE("date formats: built-in ids and codes with y, m, d or h outside quotes and brackets") {
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 57, 58}) {
      CAPTURE(id);
      CHECK(is_date_format(id, ""));
    }
    for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164}) {
      CAPTURE(id);
      CHECK_FALSE(is_date_format(id, ""));
    }
    CHECK(is_date_format(164, "yyyy\"年\"m\"月\"d\"日\""));
    CHECK(is_date_format(164, "[$-804]yyyy/m/d"));
    CHECK(is_date_format(164, "h:mm"));
    CHECK(is_date_format(164, "[h]:mm:ss"));
    CHECK(is_date_format(14, "YYYY-MM-DD"));
    CHECK_FALSE(is_date_format(164, "General"));
    CHECK_FALSE(is_date_format(164, "0.00_);[Red]\\(0.00\\)"));
    CHECK_FALSE(is_date_format(164, "\"day\" 0"));
    CHECK_FALSE(is_date_format(164, "0\\d"));
    CHECK_FALSE(is_date_format(164, "[DBNum1]0"));
    CHECK_FALSE(is_date_format(164, "#,##0_d"));
    CHECK_FALSE(is_date_format(164, "@"));
    CHECK_FALSE(is_date_format(14, "0.00"));  // a workbook's own code for the id wins
  }
  TEST_CASE("serials as ISO text in the 1900 and 1904 systems") {
    CHECK(serial_date_text(44265.375, false) == "2021-03-10 09:00:00");
    CHECK(serial_date_text(44265, false) == "2021-03-10");
    CHECK(serial_date_text(44265.3541666667, false) == "2021-03-10 08:30:00");
    CHECK(serial_date_text(0.375, false) == "09:00:00");
    CHECK(serial_date_text(0.99999999, false) == "23:59:59");
    CHECK(serial_date_text(42804.375, true) == "2021-03-11 09:00:00");
    CHECK(serial_date_text(1, false) == "1900-01-01");
    CHECK(serial_date_text(59, false) == "1900-02-28");
    CHECK(serial_date_text(60, false) == "1900-02-29");
    CHECK(serial_date_text(61, false) == "1900-03-01");
    CHECK(serial_date_text(1, true) == "1904-01-02");
    CHECK(serial_date_text(2958465, false) == "9999-12-31");
    CHECK(serial_date_text(2958465, true).empty());
    CHECK(serial_date_text(-1, false).empty());
    CHECK(serial_date_text(1e300, false).empty());
  }
  TEST_CASE("_xHHHH_ escapes") {
    CHECK(decode_ooxml_escapes("张_x4E09_") == "张三");
    CHECK(decode_ooxml_escapes("a_x000D__x000A_b") == "a\r\nb");
    CHECK(decode_ooxml_escapes("_x005F_x0041_") == "_x0041_");
    CHECK(decode_ooxml_escapes("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
    CHECK(decode_ooxml_escapes("_xD83D_") == "\xEF\xBF\xBD");
    CHECK(decode_ooxml_escapes("_xDE00_") == "\xEF\xBF\xBD");
    CHECK(decode_ooxml_escapes("a_x0000_b") == "ab");
    CHECK(decode_ooxml_escapes("_x12_ _xZZZZ_ _x004") == "_x12_ _xZZZZ_ _x004");
    CHECK(decode_ooxml_escapes("plain") == "plain");
  }
}
