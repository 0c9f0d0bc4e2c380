// instructor-approved — Measures Art. 10.3: changing an instructor needs the office's approval first.
#include <fmt/format.h>

#include <algorithm>

#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::vector<std::string> allowed_instructors(const Plan& plan, const PlanDecision& decision, const DateTime& start) {
  std::vector<std::string> allowed = plan.instructors;
  for (const auto& amendment : decision.amendments) {
    if (!amendment.approved_at || !(*amendment.approved_at <= start)) continue;
    std::replace(allowed.begin(), allowed.end(), amendment.replace_old, amendment.replace_new);
    if (std::find(allowed.begin(), allowed.end(), amendment.replace_new) == allowed.end()) {
      allowed.push_back(amendment.replace_new);
    }
  }
  return allowed;
}

std::vector<Finding> check_instructor_approved(const Session& session, const Plan& plan, const PlanDecision& decision) {
  std::vector<Finding> findings;
  auto allowed = allowed_instructors(plan, decision, session.start);
  for (const auto& instructor : session.instructors) {
    if (std::find(allowed.begin(), allowed.end(), instructor) != allowed.end()) continue;
    Finding finding{"instructor-approved", Severity::error, "10.3"};
    finding.session = session.id;
    finding.plan = plan.id;
    finding.instructor = instructor;
    finding.message =
        fmt::format(fmt::runtime(tr("instructor {} is not approved for plan {} (Art. 10.3)")), instructor, plan.id);
    finding.hint = tr("request an instructor change with `ldt plan amend` and have it approved first");
    findings.push_back(std::move(finding));
  }
  return findings;
}

namespace rules {
void evaluate_instructor_approved(const CheckFacts& facts, std::vector<Finding>& findings) {
  for (const auto& session : facts.sessions) {
    const PlanRecord* record = facts.plan(session.plan);
    if (record == nullptr) continue;
    for (auto& finding : check_instructor_approved(session, record->plan, record->decision)) {
      finding.file = fmt::format("sessions/{}/session.toml", session.id);
      findings.push_back(std::move(finding));
    }
  }
}
}  // namespace rules

}  // namespace ldt
