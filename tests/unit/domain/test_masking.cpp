#include <doctest/doctest.h>

#include "ldt/domain/masking.hpp"

using namespace ldt;

TEST_SUITE("domain/masking") {
  TEST_CASE("unbroken runs: 11 digits as a phone, longer as an ID number") {
    CHECK(mask_digit_runs("phone 13912345678 and 2021") == "phone 139****5678 and 2021");
    CHECK(mask_digit_runs("44150219730216564X") == "441502********564X");
    CHECK(mask_digit_runs("河田镇13812345678") == "河田镇138****5678");
    CHECK(mask_digit_runs("phone13812345678") == "phone138****5678");
  }

  TEST_CASE("numbers written in groups are masked too") {
    CHECK(mask_digit_runs("时间 \"138-1234-5678\" 无法识别") == "时间 \"138****5678\" 无法识别");
    CHECK(mask_digit_runs("138 1234 5678") == "138****5678");
    CHECK(mask_digit_runs("441523 19870714 9716") == "441523********9716");
    CHECK(mask_digit_runs("441523-19870714-971X.") == "441523********971X.");
    CHECK(mask_digit_runs("138-1234-5678 2021") == "138****5678 2021");
  }

  TEST_CASE("dates, times, session ids and landlines are not personal data") {
    CHECK(mask_digit_runs("2021-03-10 09:41") == "2021-03-10 09:41");
    CHECK(mask_digit_runs("opened session luhe-2021-01-20210310") == "opened session luhe-2021-01-20210310");
    CHECK(mask_digit_runs("days 2021-03-10 2021-03-11") == "days 2021-03-10 2021-03-11");
    CHECK(mask_digit_runs("0660-3312345") == "0660-3312345");
  }

  TEST_CASE("hashes are kept whole") {
    CHECK(mask_digit_runs("submitted plan p (sha256 28909035960f)") == "submitted plan p (sha256 28909035960f)");
    std::string sha = "016d1460a04129ad4e5c57a941e75a03fbb7c1974d2852c64aab7c44b7390379";
    CHECK(mask_digit_runs(sha) == sha);
    CHECK(mask_digit_runs("x 12345678901234a5") == "x 12345678901234a5");
  }

  TEST_CASE("free text: full-width digits count, also beside bytes that are not UTF-8") {
    CHECK(mask_personal_text("电话１３９１２３４５６７８") == "电话139****5678");
    CHECK(mask_personal_text("\xb2４４１５２３１９８７０７１４９７１６.csv") ==
          "\xb2"
          "441523********9716.csv");
    CHECK(mask_personal_text("陆河县２０２１年") == "陆河县２０２１年");
    CHECK(mask_personal_text("no digits") == "no digits");
  }
}
