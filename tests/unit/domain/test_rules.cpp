#include <doctest/doctest.h>

#include "ldt/domain/rules.hpp"

using namespace ldt;

TEST_SUITE("domain/rules") {
  TEST_CASE("a lecturer needs an accepted credential valid on the day (Art. 6)") {
    Instructor lecturer;
    lecturer.id = "l";
    lecturer.role = InstructorRole::lecturer;
    CHECK(check_instructor_credential(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    lecturer.credentials.push_back({CredentialKind::other, "1", "x", *make_date(2020, 1, 1), std::nullopt});
    CHECK(check_instructor_credential(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    lecturer.credentials.push_back(
        {CredentialKind::county_ecommerce_lecturer, "2", "x", *make_date(2020, 1, 1), *make_date(2021, 3, 9)});
    CHECK(check_instructor_credential(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    CHECK(check_instructor_credential(lecturer, *make_date(2021, 3, 9), 3).empty());
  }

  TEST_CASE("practical instructors need years, social-commerce instructors a case") {
    Instructor practical;
    practical.role = InstructorRole::practical;
    practical.practice_years = 2;
    CHECK(check_instructor_credential(practical, *make_date(2021, 3, 10), 3).size() == 1);
    practical.practice_years = 3;
    CHECK(check_instructor_credential(practical, *make_date(2021, 3, 10), 3).empty());
    Instructor social;
    social.role = InstructorRole::social_commerce;
    CHECK(check_instructor_credential(social, *make_date(2021, 3, 10), 3).size() == 1);
    social.project_cases = {"陆河青梅微商团队"};
    CHECK(check_instructor_credential(social, *make_date(2021, 3, 10), 3).empty());
  }

  TEST_CASE("instructor-credential findings name the rule, article, instructor and file") {
    Instructor social;
    social.id = "zhuo";
    social.role = InstructorRole::social_commerce;
    auto findings = check_instructor_credential(social, *make_date(2021, 3, 10), 3);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "instructor-credential");
    CHECK(findings[0].article == "6");
    CHECK(findings[0].instructor == "zhuo");
    CHECK(findings[0].file == "instructors/zhuo.toml");
    CHECK(to_diagnostic(findings[0]).code == "instructor-credential");
  }

  PlanDecision decision(PlanStatus status, std::optional<DateTime> decided_at = std::nullopt) {
    PlanDecision d;
    d.plan = "p1";
    d.status = status;
    d.decided_at = decided_at;
    return d;
  }

  Session session_at(const char* start, std::vector<std::string> instructors = {}) {
    Session s;
    s.id = "s1";
    s.plan = "p1";
    s.start = DateTime{*parse_iso_date(start), 9 * 3600};
    s.instructors = std::move(instructors);
    return s;
  }

  TEST_CASE("plan-approved: a session needs an approved plan (Art. 10.2)") {
    auto approved_on = [](const char* day) { return DateTime{*parse_iso_date(day), 0}; };
    CHECK(check_plan_approved(session_at("2021-03-10"), decision(PlanStatus::submitted)).has_value());
    CHECK(check_plan_approved(session_at("2021-03-10"), decision(PlanStatus::rejected)).has_value());
    CHECK_FALSE(
        check_plan_approved(session_at("2021-03-10"), decision(PlanStatus::approved, approved_on("2021-03-01"))));
    // Entered afterwards: the approval is recorded when it is entered, so it is not compared.
    CHECK_FALSE(
        check_plan_approved(session_at("2021-03-10"), decision(PlanStatus::approved, approved_on("2026-12-01"))));
    auto finding = check_plan_approved(session_at("2021-03-10"), decision(PlanStatus::submitted));
    REQUIRE(finding.has_value());
    CHECK(finding->rule == "plan-approved");
    CHECK(finding->session == "s1");
    CHECK(finding->file == "plans/p1.toml");
  }

  TEST_CASE("instructor-approved: the plan's instructors, or approved amendments dated before the session") {
    Plan plan;
    plan.id = "p1";
    plan.instructors = {"a", "b"};
    PlanDecision d = decision(PlanStatus::approved);
    Amendment change;
    change.number = 1;
    change.replace_old = "b";
    change.replace_new = "c";
    change.approved_at = DateTime{*parse_iso_date("2021-03-05"), 0};
    d.amendments.push_back(change);
    CHECK(check_instructor_approved(session_at("2021-03-10", {"a", "c"}), plan, d).empty());
    auto before = check_instructor_approved(session_at("2021-03-01", {"a", "c"}), plan, d);
    REQUIRE(before.size() == 1);
    CHECK(before[0].instructor == "c");
    CHECK(check_instructor_approved(session_at("2021-03-10", {"b", "x"}), plan, d).size() == 2);
    CHECK(allowed_instructors(plan, d, session_at("2021-03-10").start) == std::vector<std::string>{"a", "c"});
  }

  TEST_CASE("plan-frozen: an approved plan whose file changed") {
    PlanRecord record{Plan{}, decision(PlanStatus::approved), "aaa"};
    record.plan.id = "p1";
    CHECK_FALSE(check_plan_frozen(record).has_value());
    record.decision.approved_sha256 = "aaa";
    CHECK_FALSE(check_plan_frozen(record).has_value());
    record.file_sha256 = "bbb";
    auto finding = check_plan_frozen(record);
    REQUIRE(finding.has_value());
    CHECK(finding->plan == "p1");
  }

  TEST_CASE("journal-chain: one finding per broken line, located in journal.jsonl") {
    auto findings = check_journal_chain({{3, "content does not match its hash"}, {4, "does not chain"}});
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].file == "journal.jsonl");
    CHECK(findings[1].line == 4);
  }

  TEST_CASE("the catalogue runs every registered rule over the project's facts") {
    CHECK(find_rule("plan-frozen") != nullptr);
    CHECK(find_rule("no-such-rule") == nullptr);
    CheckFacts facts;
    facts.plans.push_back(PlanRecord{Plan{}, decision(PlanStatus::submitted), ""});
    facts.plans[0].plan.id = "p1";
    facts.sessions.push_back(session_at("2021-03-10", {"zhuo"}));
    Instructor zhuo;
    zhuo.id = "zhuo";
    zhuo.role = InstructorRole::social_commerce;
    facts.instructors.push_back(zhuo);
    facts.journal_breaks.push_back({2, "does not chain"});
    std::vector<std::string> rules;
    for (const auto& finding : run_rules(facts)) rules.push_back(finding.rule);
    CHECK(rules ==
          std::vector<std::string>{"plan-approved", "instructor-approved", "instructor-credential", "journal-chain"});
    CHECK(run_rules(facts, {"journal-chain"}).size() == 1);
  }
}
