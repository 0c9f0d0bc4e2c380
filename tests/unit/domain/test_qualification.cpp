#include <doctest/doctest.h>

#include "ldt/domain/qualification.hpp"

using namespace ldt;

TEST_SUITE("domain/qualification") {
  TEST_CASE("a lecturer needs an accepted credential valid on the day (Art. 6)") {
    Instructor lecturer;
    lecturer.id = "l";
    lecturer.role = InstructorRole::lecturer;
    CHECK(qualification_problems(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    lecturer.credentials.push_back({CredentialKind::other, "1", "x", *make_date(2020, 1, 1), std::nullopt});
    CHECK(qualification_problems(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    lecturer.credentials.push_back(
        {CredentialKind::county_ecommerce_lecturer, "2", "x", *make_date(2020, 1, 1), *make_date(2021, 3, 9)});
    CHECK(qualification_problems(lecturer, *make_date(2021, 3, 10), 3).size() == 1);
    CHECK(qualification_problems(lecturer, *make_date(2021, 3, 9), 3).empty());
  }

  TEST_CASE("practical instructors need years, social-commerce instructors a case") {
    Instructor practical;
    practical.role = InstructorRole::practical;
    practical.practice_years = 2;
    CHECK(qualification_problems(practical, *make_date(2021, 3, 10), 3).size() == 1);
    practical.practice_years = 3;
    CHECK(qualification_problems(practical, *make_date(2021, 3, 10), 3).empty());
    Instructor social;
    social.role = InstructorRole::social_commerce;
    CHECK(qualification_problems(social, *make_date(2021, 3, 10), 3).size() == 1);
    social.project_cases = {"陆河青梅微商团队"};
    CHECK(qualification_problems(social, *make_date(2021, 3, 10), 3).empty());
  }
}
