// journal-chain — ldt's own rule (no article): every change is journalled in a hash chain, so
// an edit of journal.jsonl is detected.
#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

std::vector<Finding> check_journal_chain(const std::vector<JournalBreak>& breaks) {
  std::vector<Finding> findings;
  for (const auto& broken : breaks) {
    Finding finding{"journal-chain", Severity::error, "—"};
    finding.file = "journal.jsonl";
    finding.line = broken.line;
    finding.message = broken.problem;
    finding.hint = tr("the journal was edited by hand; restore it from a backup");
    findings.push_back(std::move(finding));
  }
  return findings;
}

namespace rules {
void evaluate_journal_chain(const CheckFacts& facts, std::vector<Finding>& findings) {
  for (auto& finding : check_journal_chain(facts.journal_breaks)) findings.push_back(std::move(finding));
}
}  // namespace rules

}  // namespace ldt
