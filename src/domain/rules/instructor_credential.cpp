// instructor-credential — Measures Art. 6: who may teach (credentials, years, project cases).
#include <fmt/format.h>

#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

bool is_accepted_credential(CredentialKind kind) { return kind != CredentialKind::other; }

namespace {
Finding credential_finding(const Instructor& instructor, const char* field, std::string message, std::string hint) {
  Finding finding{"instructor-credential", Severity::error, "6"};
  finding.instructor = instructor.id;
  finding.provider = instructor.provider;
  finding.file = fmt::format("instructors/{}.toml", instructor.id);
  finding.field = field;
  finding.message = std::move(message);
  finding.hint = std::move(hint);
  return finding;
}
}  // namespace

std::vector<Finding> check_instructor_credential(const Instructor& instructor, Date day, int min_practice_years) {
  std::vector<Finding> findings;
  switch (instructor.role) {
    case InstructorRole::lecturer: {
      bool valid = false;
      for (const auto& credential : instructor.credentials) {
        bool started = day_number(credential.valid_from) <= day_number(day);
        bool current = !credential.valid_until || day_number(day) <= day_number(*credential.valid_until);
        valid = valid || (is_accepted_credential(credential.kind) && started && current);
      }
      if (!valid) {
        findings.push_back(credential_finding(
            instructor, "credentials",
            fmt::format(fmt::runtime(tr("lecturer {} has no accepted credential valid on {} (Art. 6: "
                                        "county or international e-commerce lecturer certificate, "
                                        "Taobao University, or an appointment letter)")),
                        instructor.id, format_date(day)),
            tr("add a valid credential to the instructor's file")));
      }
      break;
    }
    case InstructorRole::practical:
      if (instructor.practice_years < min_practice_years) {
        findings.push_back(credential_finding(
            instructor, "practice_years",
            fmt::format(fmt::runtime(tr("practical instructor {} has {} years of e-commerce operation; "
                                        "at least {} are required (Art. 6)")),
                        instructor.id, instructor.practice_years, min_practice_years),
            tr("record the years of e-commerce operation (practice_years) in the instructor's file, or choose "
               "another instructor")));
      }
      break;
    case InstructorRole::social_commerce:
      if (instructor.project_cases.empty()) {
        findings.push_back(credential_finding(
            instructor, "project_cases",
            fmt::format(fmt::runtime(tr("social-commerce instructor {} lists no project case (Art. 6)")),
                        instructor.id),
            tr("add the instructor's project cases (project_cases) to the instructor's file")));
      }
      break;
  }
  return findings;
}

namespace rules {
void evaluate_instructor_credential(const CheckFacts& facts, std::vector<Finding>& findings) {
  for (const auto& session : facts.sessions) {
    for (const auto& id : session.instructors) {
      const Instructor* instructor = facts.instructor(id);
      if (instructor == nullptr) continue;
      for (auto& finding :
           check_instructor_credential(*instructor, session.start.date, facts.rules.min_practice_years)) {
        finding.session = session.id;
        findings.push_back(std::move(finding));
      }
    }
  }
}
}  // namespace rules

}  // namespace ldt
