#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "ldt/project/project.hpp"
#include "ldt/project/signin_store.hpp"

using namespace ldt;

namespace {
/// A scratch directory removed at the end of the test.
struct Scratch {
  fs::path path;
  Scratch()
      : path(fs::temp_directory_path() / ("ldt-unit-" + std::to_string(::getpid()) + "-" +
                                          std::to_string(reinterpret_cast<std::uintptr_t>(this)))) {
    fs::create_directories(path);
  }
  ~Scratch() { fs::remove_all(path); }
};
}  // namespace

TEST_SUITE("project/signin_store") {
  TEST_CASE("csv_field quotes only what needs it") {
    CHECK(csv_field("河田镇") == "河田镇");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field(" padded") == "\" padded\"");
  }

  TEST_CASE("sign-ins round-trip through the canonical file") {
    Scratch scratch;
    StoredSignin s{"2021-03-10",
                   "441523198707149716",
                   "彭燕",
                   "M",
                   "1987-07-14",
                   "19776317066",
                   "广东省汕尾市陆河县河田镇,罗庚村 35号",
                   "河田镇",
                   "罗庚村",
                   "poor_household;rural_woman",
                   "2021-03-10T08:50:00+08:00",
                   "",
                   R"({"序号":"1"})",
                   std::string(64, 'a'),
                   2,
                   "2021-03-10T18:00:00+08:00",
                   ""};
    {
      std::ofstream out(scratch.path / "signins.csv", std::ios::binary);
      out << signins_header_line() << signin_line(s);
    }
    std::vector<StoredSignin> read;
    // A hand edit is checked like an imported row (README "The project directory").
    SUBCASE("a gender that contradicts the ID number is refused at its line and field") {
      StoredSignin bad = s;
      bad.gender = "F";
      {
        std::ofstream out(scratch.path / "signins.csv", std::ios::binary);
        out << signins_header_line() << signin_line(bad);
      }
      CHECK_THROWS_WITH_AS(read_signins(scratch.path / "signins.csv", "signins.csv", [](StoredSignin&&) {}),
                           doctest::Contains("signins.csv:2: gender:"), Error);
      return;
    }
    SUBCASE("a town a spreadsheet would run is written with ' and read back as it was") {
      s.town = "@SUM(A1:A9)";
      {
        std::ofstream out(scratch.path / "signins.csv", std::ios::binary);
        out << signins_header_line() << signin_line(s);
      }
      CHECK(signin_line(s).find(",'@SUM(A1:A9),") != std::string::npos);
    }
    read_signins(scratch.path / "signins.csv", "signins.csv", [&](StoredSignin&& r) { read.push_back(r); });
    REQUIRE(read.size() == 1);
    CHECK(read[0].address == s.address);
    CHECK(read[0].extra == s.extra);
    CHECK(read[0].source_line == 2);
  }

  TEST_CASE("a hand-edited row with a bad value names file, line and field") {
    Scratch scratch;
    {
      std::ofstream out(scratch.path / "signins.csv", std::ios::binary);
      out << signins_header_line() << "2021-13-10,441523198707149716,彭燕,M,1987-07-14,,,,,,,,,x,2,t,\n";
    }
    try {
      read_signins(scratch.path / "signins.csv", "sessions/s1/signins.csv", [](StoredSignin&&) {});
      FAIL("expected an error");
    } catch (const Error& error) {
      CHECK(error.exit_code() == ExitCode::input);
      CHECK(error.diagnostics()[0].line == 2);
      CHECK(error.diagnostics()[0].field == "day");
    }
  }
}

TEST_SUITE("project/journal") {
  TEST_CASE("the hash chain verifies, and an edit is found at its line") {
    Scratch scratch;
    for (const char* target : {"a", "b", "c"}) {
      WriteSet writes(scratch.path);
      JournalEntry entry;
      entry.time = "2021-03-10T09:00:00+08:00";
      entry.actor = "test";
      entry.command = "plan approve";
      entry.target = target;
      stage_journal_entry(scratch.path, writes, entry);
      writes.commit();
    }
    CHECK(verify_journal(scratch.path).empty());
    auto entries = read_journal(scratch.path);
    REQUIRE(entries.size() == 3);
    CHECK(entries[2].seq == 3);
    std::string text;
    {
      std::ifstream in(scratch.path / "journal.jsonl");
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto at = text.find("\"target\":\"b\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 12, "\"target\":\"x\"");
    {
      std::ofstream out(scratch.path / "journal.jsonl", std::ios::binary);
      out << text;
    }
    auto problems = verify_journal(scratch.path);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].line == 2);
  }

  TEST_CASE("a write set that is not committed leaves nothing behind") {
    Scratch scratch;
    {
      WriteSet writes(scratch.path);
      writes.put("plans/p.toml", "id = \"p\"\n");
    }
    CHECK_FALSE(fs::exists(scratch.path / "plans" / "p.toml"));
  }

  TEST_CASE("file names are data in the commit list: a line break or a tab cannot redirect a write") {
    Scratch scratch;
    {
      WriteSet writes(scratch.path);
      writes.put("ldt.toml", "county = \"陆河县\"\n");
      writes.commit();
    }
    std::string hostile = "kejian\n2.tmp\tldt.toml";
    {
      WriteSet writes(scratch.path);
      writes.put(fs::path("plans") / hostile, "courseware");
      writes.put("100%25 done", "percent");
      writes.commit();
    }
    CHECK(read_file(scratch.path / "ldt.toml") == "county = \"陆河县\"\n");
    CHECK(read_file(scratch.path / "plans" / hostile) == "courseware");
    CHECK(read_file(scratch.path / "100%25 done") == "percent");
  }

  TEST_CASE("an append lands once: a killed command's append is completed, never doubled") {
    Scratch scratch;
    auto journal = scratch.path / "journal.jsonl";
    {
      WriteSet writes(scratch.path);
      writes.append("journal.jsonl", 0, "one\n");
      writes.put("a.txt", "a");
      writes.commit();
    }
    CHECK(read_file(journal) == "one\n");
    CHECK(read_file(scratch.path / "a.txt") == "a");
    // A commit list left by a killed command: the append half done, the rename not done.
    auto plant = [&](const std::string& journal_now) {
      std::ofstream(journal, std::ios::binary | std::ios::trunc) << journal_now;
      auto staging = scratch.path / ".ldt-staging" / "999";
      fs::create_directories(staging);
      std::ofstream(staging / "0.tmp", std::ios::binary) << "two\n";
      std::ofstream(staging / "1.tmp", std::ios::binary) << "b";
      std::ofstream(staging / "commit.list", std::ios::binary) << "append 4 0.tmp journal.jsonl\n1.tmp b.txt\nend\n";
    };
    for (const char* state : {"one\n", "one\ntw", "one\ntwo\n"}) {
      CAPTURE(state);
      plant(state);
      CHECK(recover_staged_writes(scratch.path) == 1);
      CHECK(read_file(journal) == "one\ntwo\n");
      CHECK(read_file(scratch.path / "b.txt") == "b");
      fs::remove(scratch.path / "b.txt");
    }
    // A journal that is not what the append expects (another line there) is left alone.
    plant("one\nxyz\n");
    recover_staged_writes(scratch.path);
    CHECK(read_file(journal) == "one\nxyz\n");
  }

  TEST_CASE("a write set refuses to write through a symbolic link") {
    Scratch scratch;
    Scratch elsewhere;
    fs::create_directories(scratch.path / "sessions" / "s1");
    fs::create_directory_symlink(elsewhere.path, scratch.path / "sessions" / "s1" / "sources");
    WriteSet writes(scratch.path);
    CHECK_THROWS_AS(writes.put("sessions/s1/sources/a.csv", "x"), Error);
    CHECK(fs::is_empty(elsewhere.path));
  }

  TEST_CASE("write failures: no space and read-only are refusals (exit 3), anything else internal (4)") {
    CHECK(write_failure("p", ENOSPC).exit_code() == ExitCode::state);
    CHECK(write_failure("p", EDQUOT).exit_code() == ExitCode::state);
    CHECK(write_failure("p", EROFS).exit_code() == ExitCode::state);
    CHECK(write_failure("p", EIO).exit_code() == ExitCode::internal);
    CHECK(write_failure("p", ENOSPC).diagnostics()[0].message.find("no space left on the device holding the project") !=
          std::string::npos);
  }

  TEST_CASE("a FIFO swapped in for an input is refused at once, never waited on") {
    Scratch scratch;
    auto fifo = scratch.path / "small.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    WriteSet writes(scratch.path);
    CHECK_THROWS_AS(writes.copy_from("sessions/s1/sources/incoming", fifo), Error);
    CHECK_THROWS_AS(read_file(fifo), Error);
  }
}
