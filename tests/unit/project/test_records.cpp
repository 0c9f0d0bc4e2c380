#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "ldt/project/records.hpp"

using namespace ldt;

namespace {
std::string fixture(const std::string& name) {
  auto path =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "fixtures" / "registry" / name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Date day(int y, int m, int d) { return *make_date(y, m, d); }
DateTime at(int y, int m, int d, int hour, int minute, int second = 0) {
  return DateTime{day(y, m, d), hour * 3600 + minute * 60 + second};
}

std::vector<Diagnostic> diagnostics_of(auto&& read) {
  try {
    read();
  } catch (const Error& error) {
    CHECK(error.exit_code() == ExitCode::input);
    return error.diagnostics();
  }
  FAIL("no exception");
  return {};
}

auto fields(const Provider& p) {
  return std::tie(p.id, p.name, p.credit_code, p.contact, p.phone, p.address, p.contract);
}
auto fields(const Credential& c) { return std::tie(c.kind, c.number, c.issuer, c.valid_from, c.valid_until); }
auto fields(const ScheduleItem& s) { return std::tie(s.topic, s.method, s.hours, s.instructor); }
auto fields(const Amendment& a) {
  return std::tie(a.number, a.replace_old, a.replace_new, a.reason, a.requested_at, a.requested_by, a.approved_at,
                  a.approved_by);
}
template <typename T>
bool same_list(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (fields(a[i]) != fields(b[i])) return false;
  }
  return true;
}
bool same(const Instructor& a, const Instructor& b) {
  return std::tie(a.id, a.name, a.role, a.provider, a.phone, a.practice_years, a.project_cases, a.bio) ==
             std::tie(b.id, b.name, b.role, b.provider, b.phone, b.practice_years, b.project_cases, b.bio) &&
         same_list(a.credentials, b.credentials);
}
bool same(const Plan& a, const Plan& b) {
  return std::tie(a.id, a.provider, a.title, a.target_groups, a.window_start, a.window_end, a.outline, a.materials,
                  a.objectives, a.planned_trainees,
                  a.instructors) == std::tie(b.id, b.provider, b.title, b.target_groups, b.window_start, b.window_end,
                                             b.outline, b.materials, b.objectives, b.planned_trainees, b.instructors) &&
         same_list(a.schedule, b.schedule);
}
bool same(const PlanDecision& a, const PlanDecision& b) {
  return std::tie(a.plan, a.submitted_at, a.submitted_by, a.submitted_sha256, a.status, a.decided_at, a.decided_by,
                  a.approved_sha256, a.reason) == std::tie(b.plan, b.submitted_at, b.submitted_by, b.submitted_sha256,
                                                           b.status, b.decided_at, b.decided_by, b.approved_sha256,
                                                           b.reason) &&
         same_list(a.amendments, b.amendments);
}
bool same(const Session& a, const Session& b) {
  return std::tie(a.id, a.plan, a.start, a.end, a.location, a.mode, a.head_teacher, a.instructors, a.status,
                  a.opened_at, a.opened_by, a.closed_at,
                  a.ended_at) == std::tie(b.id, b.plan, b.start, b.end, b.location, b.mode, b.head_teacher,
                                          b.instructors, b.status, b.opened_at, b.opened_by, b.closed_at, b.ended_at);
}
auto fields(const Settings::Rules& r) {
  return std::tie(r.pass_threshold, r.sample_rate, r.min_sample, r.unreachable_counts, r.min_photos,
                  r.rejects_grace_days, r.min_survey_coverage, r.news_deadline_hours, r.summary_deadline_workdays,
                  r.followup_due_days, r.audit_due_days, r.min_practice_years, r.max_trainees_per_phone, r.min_age,
                  r.max_age, r.lock_timeout_seconds);
}
bool same(const Settings& a, const Settings& b) {
  return std::tie(a.county, a.region_code, a.office) == std::tie(b.county, b.region_code, b.office) &&
         fields(a.rules) == fields(b.rules) && a.calendar.years == b.calendar.years &&
         a.calendar.off == b.calendar.off && a.calendar.workdays == b.calendar.workdays;
}
// Text that exercises the string writer: quotes, backslashes, tabs, CR, line breaks, CJK.
const std::string k_awkward = "他说：\"会上网、会开店\"\\ 路径 C:\\tmp\t制表\r回车\n第二行\"\"\"";
}  // namespace

TEST_SUITE("project/records") {
  TEST_CASE("fixtures parse, and are written back byte for byte") {
    auto provider = read_provider(fixture("provider.toml"), "provider.toml");
    CHECK(provider.name == "陆河县云商电子商务服务有限公司");
    CHECK(write_provider(provider) == fixture("provider.toml"));
    for (const char* name : {"instructor-lecturer.toml", "instructor-practical.toml", "instructor-social.toml"}) {
      CAPTURE(name);
      CHECK(write_instructor(read_instructor(fixture(name), name)) == fixture(name));
    }
    auto lecturer = read_instructor(fixture("instructor-lecturer.toml"), "x");
    REQUIRE(lecturer.credentials.size() == 2);
    CHECK(lecturer.credentials[0].kind == CredentialKind::county_ecommerce_lecturer);
    CHECK(lecturer.credentials[0].valid_until == day(2024, 5, 31));
    CHECK(!lecturer.credentials[1].valid_until);
    CHECK(read_instructor(fixture("instructor-social.toml"), "x").role == InstructorRole::social_commerce);
    auto plan = read_plan(fixture("plan.toml"), "plan.toml");
    CHECK(plan.schedule.size() == 4);
    CHECK(plan.schedule[2].hours == 3.5);
    CHECK(plan.window_end == day(2021, 4, 30));
    CHECK(write_plan(plan) == fixture("plan.toml"));
    auto decision = read_plan_decision(fixture("plan.decision.toml"), "x");
    CHECK(decision.status == PlanStatus::approved);
    CHECK(decision.amendments.at(0).approved_at == at(2021, 3, 15, 14, 5));
    CHECK(write_plan_decision(decision) == fixture("plan.decision.toml"));
    auto session = read_session(fixture("session.toml"), "x");
    CHECK(session.status == SessionStatus::closed);
    CHECK(session.start == at(2021, 3, 10, 9, 0));
    CHECK(write_session(session) == fixture("session.toml"));
    auto settings = read_settings(fixture("ldt.toml"), "ldt.toml");
    CHECK(settings.region_code == "441523");
    CHECK(settings.calendar.off == std::vector<Date>{day(2025, 9, 24)});
    CHECK(write_settings(settings) == fixture("ldt.toml"));
  }

  TEST_CASE("provider round-trip, empty optional strings left out") {
    Provider full{"p-1", "公司 " + k_awkward, "91441523MA55K8XQ3R", "联系人", "0660-1234567", "地址", "HT-1"};
    CHECK(fields(read_provider(write_provider(full), "x")) == fields(full));
    Provider bare;
    bare.id = "p2";
    bare.name = "陆河县某公司";
    CHECK(write_provider(bare) == "id = \"p2\"\nname = \"陆河县某公司\"\n");
    CHECK(fields(read_provider(write_provider(bare), "x")) == fields(bare));
  }

  TEST_CASE("instructor round-trip") {
    Instructor full;
    full.id = "i-1";
    full.name = "阿依古丽·买买提";
    full.role = InstructorRole::practical;
    full.provider = "p-1";
    full.phone = "13800138000";
    full.practice_years = 7;
    full.project_cases = {"案例一", k_awkward, "一个很长的项目案例名称，用来把数组写成多行的形式以便阅读和修改"};
    full.bio = k_awkward;
    full.credentials = {
        Credential{CredentialKind::appointment_letter, "N1", "发证", day(2020, 2, 29), day(2022, 2, 28)},
        Credential{CredentialKind::other, "", "", day(2019, 1, 1), std::nullopt}};
    auto text = write_instructor(full);
    CHECK(same(read_instructor(text, "x"), full));
    CHECK(write_instructor(read_instructor(text, "x")) == text);
    Instructor bare;
    bare.id = "i2";
    bare.name = "张三";
    CHECK(write_instructor(bare) == "id = \"i2\"\nname = \"张三\"\nrole = \"lecturer\"\n");
    CHECK(same(read_instructor(write_instructor(bare), "x"), bare));
  }

  TEST_CASE("plan round-trip") {
    Plan full;
    full.id = "plan-1";
    full.provider = "p-1";
    full.title = "计划";
    full.target_groups = {"disabled", "veteran"};
    full.window_start = day(2021, 3, 1);
    full.window_end = day(2021, 3, 1);
    full.outline = "一、\n二、\n";
    full.materials = {"教材"};
    full.objectives = k_awkward;
    full.planned_trainees = 40;
    full.instructors = {"i-1", "i-2"};
    full.schedule = {ScheduleItem{"直播", "online", 0.1, "i-1"}, ScheduleItem{"论坛", "", 0, ""},
                     ScheduleItem{"实操", "hands-on", 1e-3, ""}};
    auto text = write_plan(full);
    CHECK(same(read_plan(text, "x"), full));
    Plan bare;
    bare.id = "b";
    bare.provider = "p";
    bare.title = "t";
    bare.window_start = day(2021, 1, 1);
    bare.window_end = day(2021, 12, 31);
    CHECK(write_plan(bare) ==
          "id = \"b\"\nprovider = \"p\"\ntitle = \"t\"\nwindow_start = 2021-01-01\n"
          "window_end = 2021-12-31\n");
    CHECK(same(read_plan(write_plan(bare), "x"), bare));
  }

  TEST_CASE("decision round-trip") {
    PlanDecision full;
    full.plan = "plan-1";
    full.submitted_at = at(2021, 2, 26, 23, 59, 59);
    full.submitted_by = "提交人";
    full.submitted_sha256 = std::string(64, 'f');
    full.status = PlanStatus::rejected;
    full.decided_at = at(2021, 2, 27, 0, 0);
    full.decided_by = "审批人";
    full.reason = k_awkward;
    full.amendments = {Amendment{1, "a", "b", "", at(2021, 3, 1, 8, 0), "x", std::nullopt, ""},
                       Amendment{2, "b", "c", "理由", at(2021, 3, 2, 8, 0), "x", at(2021, 3, 2, 9, 0), "y"}};
    CHECK(same(read_plan_decision(write_plan_decision(full), "x"), full));
  }

  TEST_CASE("session round-trip") {
    Session full;
    full.id = "s-1";
    full.plan = "plan-1";
    full.start = at(2021, 3, 10, 9, 0);
    full.end = at(2021, 3, 12, 17, 30);
    full.location = "河田镇";
    full.mode = SessionMode::mixed;
    full.head_teacher = "班主任";
    full.instructors = {"i-1"};
    full.status = SessionStatus::closed;
    full.opened_at = at(2021, 3, 1, 10, 0, 5);
    full.opened_by = "x";
    full.closed_at = at(2021, 3, 12, 18, 0);
    full.ended_at = at(2021, 3, 12, 16, 45);
    CHECK(same(read_session(write_session(full), "x"), full));
  }

  TEST_CASE("offset date-times are converted to China Standard Time") {
    auto session = read_session(
        "id = \"s\"\nplan = \"p\"\nstart = 2021-03-10T01:00:00Z\n"
        "end = 2021-03-10T17:00:00+09:00\nlocation = \"x\"\n"
        "opened_at = 2021-03-09T20:30:00-05:00\nopened_by = \"x\"\n",
        "x");
    CHECK(session.start == at(2021, 3, 10, 9, 0));
    CHECK(session.end == at(2021, 3, 10, 16, 0));
    CHECK(session.opened_at == at(2021, 3, 10, 9, 30));
    CHECK(session.mode == SessionMode::offline);
    CHECK(session.status == SessionStatus::open);
    CHECK(write_session(session).find("start = 2021-03-10T09:00:00+08:00\n") != std::string::npos);
  }

  TEST_CASE("settings defaults are Luhe's") {
    auto settings = read_settings("[project]\ncounty = \"陆河县\"\nregion_code = \"441523\"\n", "ldt.toml");
    CHECK(settings.office.empty());
    Settings::Rules luhe;
    CHECK(fields(settings.rules) == fields(luhe));
    CHECK(settings.rules.pass_threshold == 0.75);
    CHECK(settings.rules.sample_rate == 0.1);
    CHECK(settings.rules.min_sample == 5);
    CHECK(settings.rules.unreachable_counts == UnreachableCounts::failed);
    CHECK(settings.rules.min_photos == 3);
    CHECK(settings.rules.rejects_grace_days == 3);
    CHECK(settings.rules.min_survey_coverage == 0.8);
    CHECK(settings.rules.news_deadline_hours == 1);
    CHECK(settings.rules.summary_deadline_workdays == 3);
    CHECK(settings.rules.followup_due_days == 30);
    CHECK(settings.rules.audit_due_days == 30);
    CHECK(settings.rules.min_practice_years == 3);
    CHECK(settings.rules.max_trainees_per_phone == 3);
    CHECK(settings.rules.min_age == 14);
    CHECK(settings.rules.max_age == 90);
    CHECK(settings.rules.lock_timeout_seconds == 10);
    CHECK(settings.calendar.years.empty());
    auto partial = read_settings(
        "[project]\ncounty = \"x\"\nregion_code = \"441523\"\n"
        "[rules]\npass_threshold = 1\nunreachable_counts = \"excluded\"\n",
        "ldt.toml");
    CHECK(partial.rules.pass_threshold == 1.0);
    CHECK(partial.rules.unreachable_counts == UnreachableCounts::excluded);
    CHECK(partial.rules.min_sample == 5);
  }

  TEST_CASE("settings round-trip") {
    Settings settings;
    settings.county = "陆河县";
    settings.region_code = "441523";
    settings.rules.pass_threshold = 0.8;
    settings.rules.sample_rate = 0.15;
    settings.rules.unreachable_counts = UnreachableCounts::excluded;
    settings.rules.max_age = 70;
    settings.calendar.years = {2027, 2028};
    settings.calendar.workdays = {day(2027, 2, 13)};
    auto text = write_settings(settings);
    CHECK(text.find("[calendar]\nyears = [2027, 2028]\nworkdays = [2027-02-13]\n") != std::string::npos);
    CHECK(same(read_settings(text, "x"), settings));
    Settings plain;
    plain.county = "x";
    plain.region_code = "000000";
    CHECK(write_settings(plain).find("[calendar]") == std::string::npos);
  }

  TEST_CASE("readers report every schema problem and throw exit 2") {
    auto found = diagnostics_of(
        [] { (void)read_instructor("id = \"x\"\nrole = \"lecturer\"\nphone = 13800138000\nfoo = 1\n", "i.toml"); });
    REQUIRE(found.size() == 3);
    CHECK(found[0].field == "name");
    CHECK(found[1].field == "phone");
    CHECK(found[2].field == "foo");
    CHECK(found[2].line == 4);
    CHECK(found[2].file == "i.toml");
  }

  TEST_CASE("cross-field checks") {
    auto window = diagnostics_of([] {
      (void)read_plan(
          "id = \"a\"\nprovider = \"p\"\ntitle = \"t\"\nwindow_start = 2021-03-01\n"
          "window_end = 2021-02-28\n",
          "plan.toml");
    });
    REQUIRE(window.size() == 1);
    CHECK(window[0].line == 5);
    CHECK(window[0].field == "window_end");
    auto times = diagnostics_of([] {
      (void)read_session(
          "id = \"s\"\nplan = \"p\"\nstart = 2021-03-10T09:00:00+08:00\n"
          "end = 2021-03-10T09:00:00+08:00\nlocation = \"x\"\n"
          "opened_at = 2021-03-01T09:00:00+08:00\nopened_by = \"x\"\n",
          "x");
    });
    REQUIRE(times.size() == 1);
    CHECK(times[0].field == "end");
    auto credential = diagnostics_of([] {
      (void)read_instructor(
          "id = \"i\"\nname = \"n\"\nrole = \"lecturer\"\n[[credentials]]\n"
          "kind = \"other\"\nvalid_from = 2021-01-01\nvalid_until = 2020-12-31\n",
          "x");
    });
    REQUIRE(credential.size() == 1);
    CHECK(credential[0].field == "credentials[1].valid_until");
    CHECK(credential[0].line == 7);
    auto numbers = diagnostics_of([] {
      (void)read_plan_decision(
          "plan = \"a\"\nsubmitted_at = 2021-02-26T10:15:00+08:00\nsubmitted_by = \"x\"\n"
          "submitted_sha256 = \"" +
              std::string(64, '0') +
              "\"\nstatus = \"approved\"\n"
              "[[amendments]]\nnumber = 1\nreplace_old = \"a\"\nreplace_new = \"b\"\n"
              "requested_at = 2021-03-01T09:00:00+08:00\nrequested_by = \"x\"\n"
              "[[amendments]]\nnumber = 1\nreplace_old = \"b\"\nreplace_new = \"c\"\n"
              "requested_at = 2021-03-02T09:00:00+08:00\nrequested_by = \"x\"\n",
          "x");
    });
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].field == "amendments[2].number");
    auto ages = diagnostics_of([] {
      (void)read_settings(
          "[project]\ncounty = \"x\"\nregion_code = \"441523\"\n[rules]\nmin_age = 50\nmax_age = "
          "40\n",
          "x");
    });
    REQUIRE(ages.size() == 1);
    CHECK(ages[0].field == "rules.max_age");
  }

  TEST_CASE("writers refuse text that is not UTF-8") {
    Provider provider{"p", "\xC4\xE3\xBA\xC3", "", "", "", "", ""};  // 你好 in GBK
    CHECK_THROWS_AS(write_provider(provider), Error);
  }
}
