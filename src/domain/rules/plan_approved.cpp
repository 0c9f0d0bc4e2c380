// plan-approved — Measures Art. 10.2: plans are approved by the office, then followed strictly.
// The catalogue reads "approved before the session started"; ldt records an approval at the time
// it is entered, so a programme entered afterwards (2021 sessions typed in later) would always
// fail a comparison of the two. Until decisions carry the office's own date, the rule checks
// that the plan is approved.
#include <fmt/format.h>

#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::optional<Finding> check_plan_approved(const Session& session, const PlanDecision& decision) {
  Finding finding{"plan-approved", Severity::error, "10.2"};
  finding.session = session.id;
  finding.plan = decision.plan;
  finding.file = fmt::format("plans/{}.toml", decision.plan);
  if (decision.status != PlanStatus::approved) {
    finding.message = fmt::format(fmt::runtime(tr("plan {} is {}, not approved (Art. 10.2)")), decision.plan,
                                  value_label(to_string(decision.status)));
    // A rejected plan is decided (frozen): only a new plan can be approved.
    finding.hint =
        decision.status == PlanStatus::rejected
            ? tr("the plan was rejected: submit a corrected plan under a new id and have the office approve it")
            : tr("the office approves it with `ldt plan approve`");
    return finding;
  }
  return std::nullopt;
}

namespace rules {
void evaluate_plan_approved(const CheckFacts& facts, std::vector<Finding>& findings) {
  for (const auto& session : facts.sessions) {
    const PlanRecord* record = facts.plan(session.plan);
    if (record == nullptr) continue;
    if (auto finding = check_plan_approved(session, record->decision)) findings.push_back(std::move(*finding));
  }
}
}  // namespace rules

}  // namespace ldt
