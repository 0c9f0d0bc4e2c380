/// Every real-shaped sample in the shared cases directory must read: expected format and
/// encoding, a header with name and ID number (in every sheet of a workbook), no damaged rows,
/// and as many data rows as the case expects.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ldt/ingest/header.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/ingest/workbook.hpp"

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
      const auto& expect = spec.at("expect");
      const SourceFormat format = detect_format(input.string(), input.filename().string());
      CHECK(format_name(format) == expect.value("format", std::string("csv")));
      // The records of the file, or of each sheet of a workbook, each read by the reader of its kind.
      std::vector<std::vector<Record>> sheets;
      Record record;
      if (format == SourceFormat::csv) {
        RecordReader reader(input.string(), EncodingChoice::auto_detect, input.filename().string());
        CHECK(encoding_name(reader.encoding()) == expect.at("encoding").get<std::string>());
        auto& records = sheets.emplace_back();
        while (reader.next(record)) records.push_back(record);
      } else {
        auto workbook = open_workbook(input.string(), format, input.filename().string());
        for (std::size_t i = 0; i < workbook->sheets().size(); ++i) {
          if (workbook->sheets()[i].hidden) continue;  // not imported unless chosen
          auto reader = workbook->open_sheet(i);
          auto& records = sheets.emplace_back();
          while (reader->next(record)) records.push_back(record);
        }
      }
      std::size_t data_rows = 0;
      std::size_t with_header = 0;
      for (const auto& records : sheets) {
        for (const auto& row : records) CHECK(row.problem == Record::Problem::none);
        const auto header = find_header(records);
        if (!header && sheets.size() > 1) continue;  // a 汇总 sheet beside the sign-in sheets
        REQUIRE(header.has_value());
        ++with_header;
        CHECK(header->column(Field::name).has_value());
        CHECK(header->column(Field::id_number).has_value());
        CHECK(header->names.front().find("\xEF\xBB\xBF") == std::string::npos);
        for (std::size_t i = header->record_index + 1; i < records.size(); ++i) {
          if (!is_footer_or_blank(records[i])) ++data_rows;
        }
      }
      std::size_t expected = expect.at("accepted").get<std::size_t>() + expect.at("duplicates").get<std::size_t>();
      for (const auto& [code, count] : expect.at("rejected").items()) {
        expected += count.get<std::size_t>();
      }
      CHECK(with_header > 0);
      CHECK(data_rows == expected);
      ++cases;
    }
    CHECK(cases > 0);
  }
}
