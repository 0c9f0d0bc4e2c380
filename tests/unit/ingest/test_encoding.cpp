#include <doctest/doctest.h>

#include "ldt/ingest/encoding.hpp"
#include "test_support.hpp"

using namespace ldt;
using ldt::test::encode;

namespace {

std::string repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_SUITE("ingest/encoding") {
  TEST_CASE("names and --encoding values") {
    CHECK(encoding_name(Encoding::utf8) == "utf-8");
    CHECK(encoding_name(Encoding::gb18030) == "gb18030");
    CHECK(encoding_name(Encoding::utf16le) == "utf-16");
    CHECK(encoding_name(Encoding::utf16be) == "utf-16");
    CHECK(parse_encoding_choice("auto") == EncodingChoice::auto_detect);
    CHECK(parse_encoding_choice("utf-8") == EncodingChoice::utf8);
    CHECK(parse_encoding_choice("UTF8") == EncodingChoice::utf8);
    CHECK(parse_encoding_choice("gb18030") == EncodingChoice::gb18030);
    CHECK(parse_encoding_choice("GBK") == EncodingChoice::gb18030);
    CHECK(parse_encoding_choice("utf-16") == EncodingChoice::utf16);
    CHECK(parse_encoding_choice("utf16") == EncodingChoice::utf16);
    CHECK_FALSE(parse_encoding_choice("latin1").has_value());
    CHECK_FALSE(parse_encoding_choice("").has_value());
  }

  TEST_CASE("auto: a BOM decides and is skipped") {
    auto d = choose_encoding("\xEF\xBB\xBF姓名", true, EncodingChoice::auto_detect);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.bom_length == 3);
    d = choose_encoding("\xFF\xFE\x01\x59", true, EncodingChoice::auto_detect);
    CHECK(d.encoding == Encoding::utf16le);
    CHECK(d.bom_length == 2);
    d = choose_encoding("\xFE\xFF\x59\x01", true, EncodingChoice::auto_detect);
    CHECK(d.encoding == Encoding::utf16be);
    CHECK(d.bom_length == 2);
  }

  TEST_CASE("auto: UTF-8 validity, else GB18030") {
    CHECK(choose_encoding("a,b\n1,2\n", true, EncodingChoice::auto_detect).encoding == Encoding::utf8);
    CHECK(choose_encoding("姓名,电话\n", true, EncodingChoice::auto_detect).encoding == Encoding::utf8);
    const std::string gbk = encode("姓名,身份证号,联系电话\n张三,1,2\n", "GBK");
    const auto d = choose_encoding(gbk, true, EncodingChoice::auto_detect);
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.bom_length == 0);
  }

  TEST_CASE("auto: valid UTF-8 except for a few bytes is UTF-8 (valid >= 4x invalid)") {
    // 8 valid multi-byte characters, 2 invalid bytes: UTF-8.
    CHECK(choose_encoding("姓名电话地址备注\xFF\xFE", true, EncodingChoice::auto_detect).encoding == Encoding::utf8);
    // 7 valid, 2 invalid: below 4x, GB18030.
    CHECK(choose_encoding("姓名电话地址备\xFF,\xFF", true, EncodingChoice::auto_detect).encoding == Encoding::gb18030);
    // A character cut by the end of a partial sample is not counted as invalid.
    CHECK(choose_encoding("姓\xE5\x90", false, EncodingChoice::auto_detect).encoding == Encoding::utf8);
    CHECK(choose_encoding("\xE5\x90", true, EncodingChoice::auto_detect).encoding == Encoding::gb18030);
  }

  TEST_CASE("auto: only the first 64 KiB are examined") {
    std::string bytes = repeat("abc,def\n", 9000);  // 72,000 bytes of ASCII
    bytes += encode("姓名", "GBK");
    CHECK(choose_encoding(bytes, true, EncodingChoice::auto_detect).encoding == Encoding::utf8);
  }

  TEST_CASE("auto: UTF-16 without BOM by its NUL pattern") {
    CHECK(choose_encoding(encode("a\tb\r\n1\t2\r\n", "UTF-16LE"), true, EncodingChoice::auto_detect).encoding ==
          Encoding::utf16le);
    CHECK(choose_encoding(encode("a\tb\r\n1\t2\r\n", "UTF-16BE"), true, EncodingChoice::auto_detect).encoding ==
          Encoding::utf16be);
  }

  TEST_CASE("explicit choices are obeyed") {
    auto d = choose_encoding(
        "\xEF\xBB\xBF"
        "abc",
        true, EncodingChoice::utf8);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.bom_length == 3);
    d = choose_encoding("姓名", true, EncodingChoice::gb18030);
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.bom_length == 0);
    d = choose_encoding(
        "\xFE\xFF\x00"
        "a",
        true, EncodingChoice::utf16);
    CHECK(d.encoding == Encoding::utf16be);
    CHECK(d.bom_length == 2);
    d = choose_encoding(
        "a\x00"
        "b\x00",
        true, EncodingChoice::utf16);
    CHECK(d.encoding == Encoding::utf16le);
    CHECK(d.bom_length == 0);
  }

  TEST_CASE("UTF-8 decoding: valid text is not copied") {
    LineDecoder decoder(Encoding::utf8);
    const std::string raw = "姓名,电话";
    std::string_view text;
    CHECK(decoder.decode(raw, text) == std::string_view::npos);
    CHECK(text.data() == raw.data());
    CHECK(text == raw);
  }

  TEST_CASE("UTF-8 decoding: bad bytes become U+FFFD, position out of band") {
    LineDecoder decoder(Encoding::utf8);
    std::string_view text;
    CHECK(decoder.decode("ab\xFF"
                         "c",
                         text) == 2);
    CHECK(text ==
          "ab\xEF\xBF\xBD"
          "c");
    // A broken sequence (maximal subpart) is one U+FFFD.
    CHECK(decoder.decode("\xE5\x90"
                         "a\xE5\x90\x8D",
                         text) == 0);
    CHECK(text ==
          "\xEF\xBF\xBD"
          "a名");
    // Overlong form and surrogate are invalid; a genuine U+FFFD in the input is not a problem.
    CHECK(decoder.decode("\xC0\xAF", text) == 0);
    CHECK(text == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(decoder.decode("\xED\xA0\x80", text) == 0);
    CHECK(decoder.decode("x\xEF\xBF\xBD", text) == std::string_view::npos);
    CHECK(utf8_sequence_length("名", 0) == 3);
    CHECK(utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0);
  }

  TEST_CASE("GB18030 decoding through iconv") {
    LineDecoder decoder(Encoding::gb18030);
    std::string_view text;
    CHECK(decoder.decode(encode("姓名,张三", "GBK"), text) == std::string_view::npos);
    CHECK(text == "姓名,张三");
    // Four-byte GB18030 (CJK Ext B, outside GBK).
    CHECK(decoder.decode(encode("陈𠈌", "GB18030"), text) == std::string_view::npos);
    CHECK(text == "陈𠈌");
    const std::string raw = encode("张", "GBK") + "\x80" + encode("三", "GBK") + "\xFF";
    CHECK(decoder.decode(raw, text) == 2);
    CHECK(text == "张\xEF\xBF\xBD三\xEF\xBF\xBD");
    // A lead byte cut by the line end.
    CHECK(decoder.decode(encode("张", "GBK") + "\xD5", text) == 2);
    CHECK(text == "张\xEF\xBF\xBD");
  }

  TEST_CASE("UTF-16 decoding through iconv") {
    LineDecoder little(Encoding::utf16le);
    LineDecoder big(Encoding::utf16be);
    std::string_view text;
    CHECK(little.decode(encode("姓名\t𠈌", "UTF-16LE"), text) == std::string_view::npos);
    CHECK(text == "姓名\t𠈌");
    CHECK(big.decode(encode("姓名\t1", "UTF-16BE"), text) == std::string_view::npos);
    CHECK(text == "姓名\t1");
    // A lone surrogate is one bad unit; an odd final byte is bad too.
    CHECK(little.decode(std::string("a\0\x00\xD8"
                                    "b\0",
                                    6),
                        text) == 2);
    CHECK(text ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(little.decode(std::string("a\0b", 3), text) == 2);
    CHECK(text == "a\xEF\xBF\xBD");
  }
}
