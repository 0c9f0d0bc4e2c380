#include <doctest/doctest.h>

#include <string>

#include "ldt/project/schema.hpp"
#include "ldt/util/diagnostic.hpp"

using namespace ldt;

namespace {
std::vector<Diagnostic> check(std::string_view text, std::string_view schema) {
  return validate_toml(parse_toml(text, "f.toml"), schema, "f.toml");
}
}  // namespace

TEST_SUITE("project/schema") {
  TEST_CASE("every schema loads, and a valid minimal file passes") {
    CHECK(check("id = \"p1\"\nname = \"公司\"\n", "provider").empty());
    CHECK(check("id = \"i1\"\nname = \"张三\"\nrole = \"practical\"\n", "instructor").empty());
    CHECK(check("id = \"a\"\nprovider = \"p\"\ntitle = \"t\"\nwindow_start = 2021-03-01\n"
                "window_end = 2021-04-30\n",
                "plan")
              .empty());
    CHECK(check("plan = \"a\"\nsubmitted_at = 2021-02-26T10:15:00+08:00\nsubmitted_by = \"x\"\n"
                "submitted_sha256 = \"" +
                    std::string(64, 'a') + "\"\nstatus = \"submitted\"\n",
                "decision")
              .empty());
    CHECK(check("id = \"s\"\nplan = \"a\"\nstart = 2021-03-10T09:00:00+08:00\n"
                "end = 2021-03-10T17:00:00+08:00\nlocation = \"x\"\n"
                "opened_at = 2021-03-01T09:00:00+08:00\nopened_by = \"x\"\n",
                "session")
              .empty());
    CHECK(check("[project]\ncounty = \"陆河县\"\nregion_code = \"441523\"\n", "project").empty());
    CHECK_THROWS_AS(check("", "no-such-kind"), Error);
  }

  TEST_CASE("an unknown key is reported at its line with the allowed keys") {
    auto found = check("id = \"p1\"\nname = \"公司\"\n\nwebsite = \"x\"\n", "provider");
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "schema-unknown-key");
    CHECK(found[0].line == 4);
    CHECK(found[0].field == "website");
    CHECK(found[0].file == "f.toml");
    CHECK(format_diagnostic(found[0]) ==
          "f.toml:4: website: unknown key \"website\"; allowed keys: id, name, credit_code, "
          "contact, phone, address, contract");
  }

  TEST_CASE("a misspelt key suggests the near one") {
    auto found = check("id = \"p1\"\nname = \"公司\"\nadress = \"x\"\n", "provider");
    REQUIRE(found.size() == 1);
    CHECK(found[0].hint.starts_with("did you mean \"address\"? allowed keys: "));
  }

  TEST_CASE("three errors in one file give three diagnostics in line order") {
    auto found = check(
        "id = \"Bad Id\"\n"
        "name = \"张三\"\n"
        "role = \"teacher\"\n"
        "practice_years = \"5\"\n",
        "instructor");
    REQUIRE(found.size() == 3);
    CHECK(found[0].line == 1);
    CHECK(found[0].code == "schema-pattern");
    CHECK(found[0].field == "id");
    CHECK(found[0].hint.find("lower-case") != std::string::npos);
    CHECK(found[1].line == 3);
    CHECK(found[1].code == "schema-enum");
    CHECK(found[1].hint == "allowed values: lecturer, practical, social-commerce");
    CHECK(found[2].line == 4);
    CHECK(found[2].code == "schema-type");
    CHECK(found[2].message == "expected a whole number, found text");
    CHECK(found[2].hint == "write the number without quotes");
  }

  TEST_CASE("nested paths use 1-based positions") {
    auto found = check(
        "id = \"i1\"\nname = \"张三\"\nrole = \"lecturer\"\n"
        "[[credentials]]\nkind = \"taobao_university\"\nvalid_from = 2020-01-01\n"
        "[[credentials]]\nkind = \"taobao_university\"\nvalid_from = \"2020-01-01\"\n",
        "instructor");
    REQUIRE(found.size() == 1);
    CHECK(found[0].field == "credentials[2].valid_from");
    CHECK(found[0].line == 9);
    CHECK(found[0].message == "expected a date such as 2021-03-10, found text");
    CHECK(found[0].hint == "write it without quotes, e.g. 2021-03-10");
  }

  TEST_CASE("a missing key is reported at the line of its table") {
    auto found = check("# settings\n\n[project]\ncounty = \"陆河县\"\n", "project");
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "schema-missing-key");
    CHECK(found[0].line == 3);
    CHECK(found[0].field == "project.region_code");
    CHECK(found[0].hint == "add the key \"region_code\" (text in quotes)");
    auto root = check("county = \"x\"\n", "project");
    REQUIRE(root.size() == 2);  // unknown county at the root, [project] missing
    CHECK(root[1].hint == "add a [project] table");
    CHECK(root[1].line == 1);
  }

  TEST_CASE("missing required keys are all reported") {
    auto found = check("title = \"计划\"\n", "plan");
    std::vector<std::string> fields;
    for (const auto& d : found) fields.push_back(d.field);
    CHECK(fields == std::vector<std::string>{"id", "provider", "window_start", "window_end"});
  }

  TEST_CASE("wrong types get a hint that fixes them") {
    auto region = check("[project]\ncounty = \"陆河县\"\nregion_code = 441523\n", "project");
    REQUIRE(region.size() == 1);
    CHECK(region[0].message == "expected text in quotes, found a whole number");
    CHECK(region[0].hint == "put it in double quotes: \"441523\"");

    auto local = check(
        "id = \"s\"\nplan = \"a\"\nstart = 2021-03-10T09:00:00\n"
        "end = 2021-03-10\nlocation = \"x\"\n"
        "opened_at = 2021-03-01T09:00:00+08:00\nopened_by = \"x\"\n",
        "session");
    REQUIRE(local.size() == 2);
    CHECK(local[0].field == "start");
    CHECK(local[0].message.ends_with("found a date and time without offset"));
    CHECK(local[0].hint.starts_with("add the offset +08:00"));
    CHECK(local[1].field == "end");
    CHECK(local[1].hint.starts_with("add the time and the offset"));

    auto list = check(
        "id = \"a\"\nprovider = \"p\"\ntitle = \"t\"\nwindow_start = 2021-03-01\n"
        "window_end = 2021-04-30\ntarget_groups = \"rural_youth\"\n"
        "planned_trainees = 60.5\n",
        "plan");
    REQUIRE(list.size() == 2);
    CHECK(list[0].field == "target_groups");
    CHECK(list[0].message == "expected a list in brackets [ ], found text");
    CHECK(list[1].hint == "write a whole number, e.g. 3");

    auto table = check("project = \"陆河县\"\n", "project");
    REQUIRE(table.size() == 1);
    CHECK(table[0].message == "expected a table, found text");
  }

  TEST_CASE("enum values inside lists are checked one by one") {
    auto found = check(
        "id = \"a\"\nprovider = \"p\"\ntitle = \"t\"\nwindow_start = 2021-03-01\n"
        "window_end = 2021-04-30\ntarget_groups = [\"rural_youth\", \"贫困户\"]\n",
        "plan");
    REQUIRE(found.size() == 1);
    CHECK(found[0].field == "target_groups[2]");
    CHECK(found[0].message == "\"贫困户\" is not an allowed value");
    CHECK(found[0].hint.starts_with("allowed values: poor_household, disabled, rural_youth"));
  }

  TEST_CASE("ranges, lengths and patterns") {
    auto found = check(
        "[project]\ncounty = \"\"\nregion_code = \"44152\"\n"
        "[rules]\npass_threshold = 1.5\nmin_sample = 0\n",
        "project");
    REQUIRE(found.size() == 4);
    CHECK(found[0].message == "must not be empty");
    CHECK(found[1].code == "schema-pattern");
    CHECK(found[1].hint == "write six digits in quotes, e.g. \"441523\"");
    CHECK(found[2].message == "1.5 is out of range");
    CHECK(found[2].hint == "use a value from 0 to 1");
    CHECK(found[3].hint == "use a value from 1 to 10000");
    auto hash = check(
        "plan = \"a\"\nsubmitted_at = 2021-02-26T10:15:00Z\nsubmitted_by = \"x\"\n"
        "submitted_sha256 = \"ABC\"\nstatus = \"submitted\"\n",
        "decision");
    REQUIRE(hash.size() == 1);
    CHECK(hash[0].hint == "write 64 lower-case hexadecimal digits (SHA-256)");
    auto provider = check("id = \"" + std::string(65, 'a') + "\"\nname = \"x\"\ncredit_code = \"abc\"\n", "provider");
    REQUIRE(provider.size() == 2);
    CHECK(provider[0].message == "is longer than 64 characters");
    CHECK(provider[1].hint.starts_with("write the 18-character code"));
    // Too long for its pattern to be run at all (std::regex recursed per character, out of stack).
    auto huge = check("id = \"" + std::string(1'000'000, 'a') + "\"\nname = \"x\"\n", "provider");
    REQUIRE(huge.size() == 1);
    CHECK(huge[0].message == "is longer than 64 characters");
    auto nan = check("[project]\ncounty = \"x\"\nregion_code = \"441523\"\n[rules]\nsample_rate = nan\n", "project");
    REQUIRE(nan.size() == 1);
    CHECK(nan[0].code == "schema-type");
  }

  TEST_CASE("an offset time must stay within the years 0000-9999 once in China Standard Time") {
    const auto session = [](std::string_view end) {
      return check("id = \"s\"\nplan = \"a\"\nstart = 0000-01-01T08:00:00+08:00\nend = " + std::string(end) +
                       "\nlocation = \"x\"\nopened_at = 2021-03-01T09:00:00+08:00\nopened_by = \"x\"\n",
                   "session");
    };
    CHECK(session("9999-12-31T15:59:59Z").empty());          // 23:59:59 in CST, the last second
    const auto late = session("9999-12-31T23:59:59-01:00");  // the year 10000 in CST: written back, unreadable
    REQUIRE(late.size() == 1);
    CHECK(late[0].code == "schema-range");
    CHECK(late[0].line == 4);
    CHECK(late[0].field == "end");
    CHECK(session("0000-01-01T00:00:00+08:00").empty());
    const auto early = session("0000-01-01T00:00:00+09:00");  // the year -1 in CST
    REQUIRE(early.size() == 1);
    CHECK(early[0].code == "schema-range");
  }

  TEST_CASE("parse errors carry the line and column") {
    try {
      (void)parse_toml("id = \"p1\"\nname = 公司\n", "providers/p1.toml");
      FAIL("no exception");
    } catch (const Error& error) {
      CHECK(error.exit_code() == ExitCode::input);
      REQUIRE(error.diagnostics().size() == 1);
      const Diagnostic& d = error.diagnostics()[0];
      CHECK(d.code == "toml-syntax");
      CHECK(d.file == "providers/p1.toml");
      CHECK(d.line == 2);
      CHECK(d.message.starts_with("invalid TOML at column 8: "));
    }
    try {
      (void)parse_toml("a = 1\nb = 2\na = 3\n", "x.toml");
      FAIL("no exception");
    } catch (const Error& error) {
      CHECK(error.diagnostics()[0].line == 3);
    }
  }

  TEST_CASE("a UTF-8 byte order mark is accepted") {
    CHECK(check("\xEF\xBB\xBFid = \"p1\"\nname = \"公司\"\n", "provider").empty());
  }
}
