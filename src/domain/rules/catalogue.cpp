// The one list of compliance rules (RULES.md catalogue). Adding a rule: its file in this
// directory (the pure function, its evaluation, its article in the doc comment), its test,
// and one declaration and one line here.
#include <algorithm>

#include "ldt/domain/rules.hpp"

namespace ldt {

namespace rules {
void evaluate_plan_approved(const CheckFacts& facts, std::vector<Finding>& findings);
void evaluate_plan_frozen(const CheckFacts& facts, std::vector<Finding>& findings);
void evaluate_instructor_approved(const CheckFacts& facts, std::vector<Finding>& findings);
void evaluate_instructor_credential(const CheckFacts& facts, std::vector<Finding>& findings);
void evaluate_journal_chain(const CheckFacts& facts, std::vector<Finding>& findings);
}  // namespace rules

const std::vector<Rule>& rule_catalogue() {
  static const std::vector<Rule> k_rules = {
      {"plan-approved", "10.2", Severity::error, rules::evaluate_plan_approved},
      {"plan-frozen", "10.2", Severity::error, rules::evaluate_plan_frozen},
      {"instructor-approved", "10.3", Severity::error, rules::evaluate_instructor_approved},
      {"instructor-credential", "6", Severity::error, rules::evaluate_instructor_credential},
      {"journal-chain", "—", Severity::error, rules::evaluate_journal_chain},
  };
  return k_rules;
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = rule_catalogue();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::vector<Finding> run_rules(const CheckFacts& facts, const std::vector<std::string>& only) {
  std::vector<Finding> findings;
  for (const Rule& rule : rule_catalogue()) {
    if (only.empty() || std::find(only.begin(), only.end(), rule.id) != only.end()) rule.evaluate(facts, findings);
  }
  return findings;
}

Diagnostic to_diagnostic(const Finding& finding) {
  return Diagnostic{finding.severity, finding.rule,    finding.file, finding.line,
                    finding.field,    finding.message, finding.hint};
}

std::vector<Diagnostic> to_diagnostics(const std::vector<Finding>& findings) {
  std::vector<Diagnostic> diagnostics;
  diagnostics.reserve(findings.size());
  for (const auto& finding : findings) diagnostics.push_back(to_diagnostic(finding));
  return diagnostics;
}

const PlanRecord* CheckFacts::plan(std::string_view id) const {
  auto it = std::find_if(plans.begin(), plans.end(), [&](const PlanRecord& record) { return record.plan.id == id; });
  return it == plans.end() ? nullptr : &*it;
}

const Instructor* CheckFacts::instructor(std::string_view id) const {
  auto it = std::find_if(instructors.begin(), instructors.end(), [&](const Instructor& i) { return i.id == id; });
  return it == instructors.end() ? nullptr : &*it;
}

}  // namespace ldt
