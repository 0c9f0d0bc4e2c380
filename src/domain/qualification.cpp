#include "ldt/domain/qualification.hpp"

#include <fmt/format.h>

#include "ldt/util/i18n.hpp"

namespace ldt {

bool is_accepted_credential(CredentialKind kind) { return kind != CredentialKind::other; }

std::vector<std::string> qualification_problems(const Instructor& instructor, Date day, int min_practice_years) {
  std::vector<std::string> problems;
  switch (instructor.role) {
    case InstructorRole::lecturer: {
      bool valid = false;
      for (const auto& credential : instructor.credentials) {
        bool started = day_number(credential.valid_from) <= day_number(day);
        bool current = !credential.valid_until || day_number(day) <= day_number(*credential.valid_until);
        valid = valid || (is_accepted_credential(credential.kind) && started && current);
      }
      if (!valid) {
        problems.push_back(fmt::format(
            fmt::runtime(tr("lecturer {} has no accepted credential valid on {} (Art. 6: county or international "
                            "e-commerce lecturer certificate, Taobao University, or an appointment letter)")),
            instructor.id, format_date(day)));
      }
      break;
    }
    case InstructorRole::practical:
      if (instructor.practice_years < min_practice_years) {
        problems.push_back(fmt::format(
            fmt::runtime(tr("practical instructor {} has {} years of e-commerce operation; at least {} are required "
                            "(Art. 6)")),
            instructor.id, instructor.practice_years, min_practice_years));
      }
      break;
    case InstructorRole::social_commerce:
      if (instructor.project_cases.empty()) {
        problems.push_back(fmt::format(
            fmt::runtime(tr("social-commerce instructor {} lists no project case (Art. 6)")), instructor.id));
      }
      break;
  }
  return problems;
}

}  // namespace ldt
