/// Every real-shaped sample in the shared cases directory must read: expected encoding, a
/// header with name and ID number, no damaged rows, and as many data rows as the case expects.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ldt/ingest/header.hpp"
#include "ldt/ingest/record_reader.hpp"

using namespace ldt;

namespace {

std::filesystem::path cases_directory() {
  if (const char* configured = std::getenv("LDT_CASES_DIR")) return configured;
  return "/work/shared/cases";
}

bool is_footer_or_blank(const Record& record) {
  for (const std::string& cell : record.cells) {
    if (cell.find_first_not_of(" \t") == std::string::npos) continue;
    for (const char* word : {"合计", "制表人", "填表人", "审核人"}) {
      if (cell.starts_with(word)) return true;
    }
    return false;
  }
  return true;
}

}  // namespace

TEST_SUITE("ingest/cases") {
  TEST_CASE("every shared case file reads with its expected encoding and a header") {
    const auto directory = cases_directory();
    if (!std::filesystem::is_directory(directory)) {
      MESSAGE("no cases directory; skipped");
      return;
    }
    int cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
      const auto case_file = entry.path() / "case.json";
      if (!std::filesystem::exists(case_file)) continue;
      const nlohmann::json spec = nlohmann::json::parse(std::ifstream(case_file));
      const auto input = entry.path() / spec.at("file").get<std::string>();
      CAPTURE(input.string());
      RecordReader reader(input.string(), EncodingChoice::auto_detect, input.filename().string());
      const auto& expect = spec.at("expect");
      CHECK(encoding_name(reader.encoding()) == expect.at("encoding").get<std::string>());

      std::vector<Record> records;
      Record record;
      while (reader.next(record)) {
        CHECK(record.problem == Record::Problem::none);
        records.push_back(record);
      }
      const auto header = find_header(records);
      REQUIRE(header.has_value());
      CHECK(header->column(Field::name).has_value());
      CHECK(header->column(Field::id_number).has_value());
      CHECK(header->names.front().find("\xEF\xBB\xBF") == std::string::npos);

      std::size_t data_rows = 0;
      for (std::size_t i = header->record_index + 1; i < records.size(); ++i) {
        if (!is_footer_or_blank(records[i])) ++data_rows;
      }
      std::size_t expected = expect.at("accepted").get<std::size_t>() + expect.at("duplicates").get<std::size_t>();
      for (const auto& [code, count] : expect.at("rejected").items()) {
        expected += count.get<std::size_t>();
      }
      CHECK(data_rows == expected);
      ++cases;
    }
    CHECK(cases > 0);
  }
}
