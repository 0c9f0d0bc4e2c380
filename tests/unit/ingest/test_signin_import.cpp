#include <doctest/doctest.h>

#include <fstream>

#include "ldt/ingest/signin_import.hpp"
#include "ldt/util/fs.hpp"

using namespace ldt;

namespace {
/// A scratch directory for one test's exports, removed afterwards.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / "ldt-test-signin-import";
  Scratch() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  [[nodiscard]] std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

SigninImport engine() {
  return SigninImport(ImportSession{"s1", *make_date(2021, 3, 10), *make_date(2021, 3, 12), 14, 90}, signin_columns(),
                      EncodingChoice::auto_detect, "2021-03-12T18:00:00+08:00", "test", nullptr);
}

const char* k_export =
    "培训签到表\n"
    "姓名,身份证号码,联系电话,签到时间\n"
    "彭燕,441523198707149716,19776317066,2021-03-10 08:50\n"
    "罗艳,44152319880612117X,1303011344,2021-03-10 09:41\n"
    "彭燕,441523198707149716,19776317066,2021-03-10 09:00\n"
    "合计,2人\n";
}  // namespace

TEST_SUITE("ingest/signin_import") {
  TEST_CASE("an export: accepted rows go to the sink, rejects are kept, the source is recorded") {
    Scratch scratch;
    auto run = engine();
    std::vector<StoredSignin> stored;
    const FileReport& report =
        run.import_file(scratch.file("签到表.csv", k_export), [&](const StoredSignin& s) { stored.push_back(s); });
    CHECK(report.file == "签到表.csv");
    CHECK(report.header_line == 2);
    CHECK(report.title == "培训签到表");
    CHECK(report.rows == 3);
    CHECK(report.accepted == 1);
    CHECK(report.duplicates == 1);
    CHECK(report.rejected == 1);
    CHECK(report.skipped == 1);
    REQUIRE(report.rejects.size() == 1);
    CHECK(report.rejects[0].code == "phone-format");
    CHECK(report.rejects[0].line == 4);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].imported_at == "2021-03-12T18:00:00+08:00");
    CHECK(stored[0].source_sha256 == report.sha256);
    REQUIRE(run.open_rejects().size() == 1);
    CHECK(run.open_rejects()[0].line == 4);
    REQUIRE(run.sources().size() == 1);
    CHECK(run.sources()[0].stored_as == report.sha256 + ".csv");
    CHECK(run.rejected() == 1);
  }

  TEST_CASE("a fix-file row that passes closes its reject; re-importing the export adds nothing") {
    Scratch scratch;
    auto first = engine();
    std::vector<StoredSignin> stored;
    auto path = scratch.file("签到表.csv", k_export);
    first.import_file(path, [&](const StoredSignin& s) { stored.push_back(s); });

    auto second = engine();
    for (const auto& s : stored) second.add_stored(s);
    for (const auto& r : first.open_rejects()) second.add_open_reject(r);
    for (const auto& s : first.sources()) second.add_source(s);
    int added = 0;
    const FileReport& again = second.import_file(path, [&](const StoredSignin&) { ++added; });
    CHECK(again.archived_before);
    CHECK(added == 0);
    CHECK(second.open_rejects().size() == 1);
    second.import_file(scratch.file("fix.csv",
                                    "source_file,line,field,code,message,姓名,身份证号码,联系电话,签到时间\n"
                                    "签到表.csv,4,phone,phone-format,x,罗艳,=\"44152319880612117X\",13030113445,"
                                    "2021-03-10 09:41\n"),
                       [&](const StoredSignin&) { ++added; });
    CHECK(added == 1);
    CHECK(second.open_rejects().empty());
  }

  TEST_CASE("a fix-file row that fails again keeps only the original columns") {
    Scratch scratch;
    auto run = engine();
    run.import_file(scratch.file("签到表.csv", k_export), [](const StoredSignin&) {});
    run.import_file(scratch.file("fix.csv",
                                 "source_file,line,field,code,message,姓名,身份证号码,联系电话,签到时间\n"
                                 "签到表.csv,4,phone,phone-format,x,罗艳,=\"44152319880612117X\",130301134,"
                                 "2021-03-10 09:41\n"),
                    [](const StoredSignin&) {});
    REQUIRE(run.open_rejects().size() == 1);
    const auto& reject = run.open_rejects()[0];
    CHECK(reject.source_file == "签到表.csv");
    CHECK(reject.line == 4);
    CHECK(reject.header == std::vector<std::string>{"姓名", "身份证号码", "联系电话", "签到时间"});
    CHECK(reject.cells.front() == "罗艳");
  }

  TEST_CASE("a repeated row with a new phone updates the stored sign-in") {
    Scratch scratch;
    auto run = engine();
    StoredSignin stored;
    stored.day = "2021-03-10";
    stored.id_number = "441523198707149716";
    stored.name = "彭燕";
    stored.phone = "19776317066";
    run.add_stored(stored);
    const FileReport& report = run.import_file(
        scratch.file("b.csv", "姓名,身份证号码,联系电话,签到时间\n彭燕,441523198707149716,13912345678,2021-03-10\n"),
        [](const StoredSignin&) {});
    CHECK(report.updated == 1);
    CHECK(run.has_updates());
    CHECK(run.apply_update(stored));
    CHECK(stored.phone == "13912345678");
    CHECK(stored.updated_at == "2021-03-12T18:00:00+08:00");
  }

  TEST_CASE("a file without a name and ID number header is refused with the expected columns") {
    Scratch scratch;
    auto run = engine();
    CHECK_THROWS_WITH_AS(run.import_file(scratch.file("x.csv", "电话,地址\n1,2\n"), [](const StoredSignin&) {}),
                         doctest::Contains("has no 姓名 (name) column"), Error);
    CHECK(signin_columns().expected_columns().starts_with("姓名, 身份证号码 (身份证号/证件号码/公民身份号码), "));
  }
}
