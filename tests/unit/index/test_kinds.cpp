#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "ldt/index/kinds.hpp"
#include "ldt/util/resources.hpp"

using namespace ldt;

TEST_SUITE("index/kinds") {
  TEST_CASE("a kind's path is its pattern with the id") {
    CHECK(record_path("provider", "luhe-yunshang") == fs::path("providers/luhe-yunshang.toml"));
    CHECK(record_path("signins", "s1") == fs::path("sessions/s1/signins.csv"));
    CHECK(record_path("sources", "s1") == fs::path("sessions/s1/sources/manifest.csv"));
    CHECK(record_path("settings") == fs::path("ldt.toml"));
  }

  TEST_CASE("a path is of the first kind whose pattern matches, with the id the star matched") {
    auto decision = kind_of("plans/luhe-2021-01.decision.toml");
    REQUIRE(decision.has_value());
    CHECK(decision->first->name == "plan_decision");
    CHECK(decision->second == "luhe-2021-01");
    CHECK(kind_of("plans/luhe-2021-01.toml")->first->name == "plan");
    CHECK(kind_of("sessions/s1/sources/manifest.csv")->second == "s1");
    CHECK_FALSE(kind_of("sessions/s1/sources/abc.csv").has_value());
    CHECK_FALSE(kind_of("plans/luhe-2021-01.files/manifest.csv").has_value());
    CHECK_FALSE(kind_of("providers/.toml").has_value());
    CHECK_FALSE(kind_of("providers/a/b.toml").has_value());
  }

  TEST_CASE("every TOML kind has its JSON Schema built in, every kind owns its tables") {
    for (const auto& kind : record_kinds()) {
      if (!kind.schema.empty()) CHECK(resource(std::string(kind.schema) + ".schema.json").has_value());
      // Settings, dismissed rejects and removed imports are checked when they change but feed no table.
      CHECK((kind.name == "settings" || kind.name == "dismissed" || kind.name == "removed" ||
             kind.name == "survey_rejects" || kind.name == "followup_rejects" || kind.name == "survey_dismissed" ||
             kind.name == "followup_dismissed" || !kind.tables.empty()));
    }
  }

  TEST_CASE("the record's top-level names are what --output may not overwrite") {
    auto names = record_top_level_names();
    for (const char* name : {"ldt.toml", "journal.jsonl", ".ldt", ".gitignore", "providers", "instructors", "plans",
                             "sessions", "trainees"}) {
      CHECK(std::find(names.begin(), names.end(), std::string(name)) != names.end());
    }
  }

  TEST_CASE("scanning finds the files of every kind, sorted, and nothing else") {
    fs::path root = fs::temp_directory_path() / "ldt-test-kinds";
    fs::remove_all(root);
    for (const char* file : {"ldt.toml", "providers/p.toml", "plans/a.toml", "plans/a.decision.toml",
                             "plans/a.files/manifest.csv", "sessions/s1/session.toml", "sessions/s1/signins.csv",
                             "sessions/s1/sources/manifest.csv", "sessions/s1/sources/x.csv", "notes.txt"}) {
      fs::create_directories((root / file).parent_path());
      std::ofstream(root / file) << "x";
    }
    std::vector<std::string> found;
    for (const auto& [relative, kind] : scan_record(root)) found.push_back(relative + " " + std::string(kind->name));
    CHECK(found == std::vector<std::string>{"ldt.toml settings", "plans/a.decision.toml plan_decision",
                                            "plans/a.toml plan", "providers/p.toml provider",
                                            "sessions/s1/session.toml session", "sessions/s1/signins.csv signins",
                                            "sessions/s1/sources/manifest.csv sources"});
    fs::remove_all(root);
  }
}
