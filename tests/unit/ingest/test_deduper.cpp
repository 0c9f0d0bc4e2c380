#include <doctest/doctest.h>

#include "ldt/ingest/deduper.hpp"

using namespace ldt;

namespace {
StoredSignin signin(const char* id, const char* name, const char* day, const char* phone = "",
                    const char* address = "") {
  StoredSignin s;
  s.id_number = id;
  s.name = name;
  s.day = day;
  s.phone = phone;
  s.address = address;
  return s;
}
}  // namespace

TEST_SUITE("ingest/deduper") {
  TEST_CASE("pack_id_number is exact for X and digits") {
    CHECK(pack_id_number("44150219730216564X") == 44150219730216564ULL * 11 + 10);
    CHECK(pack_id_number("441523198707149716") == 44152319870714971ULL * 11 + 6);
  }

  TEST_CASE("same trainee twice on one day is a duplicate; another day is accepted") {
    SigninDeduper deduper(nullptr);
    deduper.start_file();
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10", "19776317066")).verdict ==
          SigninVerdict::accepted);
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10", "19776317066")).verdict ==
          SigninVerdict::duplicate);
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-11")).verdict == SigninVerdict::accepted);
  }

  TEST_CASE("a repeated day with a new phone is updated, not duplicate") {
    SigninDeduper deduper(nullptr);
    deduper.add_existing(signin("441523198707149716", "彭燕", "2021-03-10", "19776317066"));
    deduper.start_file();
    auto decision = deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10", "13800138000"));
    CHECK(decision.verdict == SigninVerdict::updated);
    CHECK(decision.updates_stored_row);
    // An empty phone brings nothing new.
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10")).verdict == SigninVerdict::duplicate);
  }

  TEST_CASE("the stored trainee's name wins over the file") {
    SigninDeduper deduper([](const std::string&) { return KnownTrainee{"彭燕", "19776317066", ""}; });
    deduper.start_file();
    auto decision = deduper.decide(signin("441523198707149716", "彭艳", "2021-03-10"));
    CHECK(decision.verdict == SigninVerdict::conflict);
    CHECK(decision.reject->code == "id-name-conflict");
  }

  TEST_CASE("else the first accepted row of the file fixes the name; rejected rows establish nothing") {
    SigninDeduper deduper(nullptr);
    deduper.start_file();
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10")).verdict == SigninVerdict::accepted);
    CHECK(deduper.decide(signin("441523198707149716", "彭艳", "2021-03-11")).verdict == SigninVerdict::conflict);
    CHECK(deduper.decide(signin("441523198707149716", "彭燕", "2021-03-11")).verdict == SigninVerdict::accepted);
  }

  TEST_CASE("a new contact across sessions is accepted with a warning") {
    SigninDeduper deduper([](const std::string&) { return KnownTrainee{"彭燕", "19776317066", "河田镇"}; });
    deduper.start_file();
    auto decision = deduper.decide(signin("441523198707149716", "彭燕", "2021-03-10", "13800138000"));
    CHECK(decision.verdict == SigninVerdict::accepted);
    REQUIRE(decision.warning);
    CHECK(decision.warning->code == "trainee-updated");
  }
}
