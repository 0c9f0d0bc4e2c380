// plan-frozen — Measures Art. 10.2: an approved plan is followed strictly; its file is frozen.
#include <fmt/format.h>

#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::optional<Finding> check_plan_frozen(const PlanRecord& record) {
  const auto& approved = record.decision.approved_sha256;
  if (approved.empty() || approved == record.file_sha256) return std::nullopt;
  Finding finding{"plan-frozen", Severity::error, "10.2"};
  finding.plan = record.plan.id;
  finding.provider = record.plan.provider;
  finding.file = fmt::format("plans/{}.toml", record.plan.id);
  finding.message = tr("the plan file changed after approval (Art. 10.2)");
  finding.hint = tr("restore the approved version; changes need a new plan or an amendment");
  return finding;
}

namespace rules {
void evaluate_plan_frozen(const CheckFacts& facts, std::vector<Finding>& findings) {
  for (const auto& record : facts.plans) {
    if (auto finding = check_plan_frozen(record)) findings.push_back(std::move(*finding));
  }
}
}  // namespace rules

}  // namespace ldt
