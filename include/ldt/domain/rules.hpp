#pragma once
/// The compliance rules of the measures (RULES.md catalogue; README "Design": the one place for
/// a rule). Each rule is one small pure function over typed inputs, in its own file under
/// src/domain/rules/, registered in the one list of rule_catalogue(). Commands that refuse
/// (session open, plan submit) call the same functions `ldt check` runs, so a refusal and a
/// finding can never disagree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/registry.hpp"
#include "ldt/domain/settings.hpp"
#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// One finding of a rule: what is wrong, about whom, and what would fix it. The subjects that
/// apply are set (ids; a trainee's ID number is masked by the printer); `file` and `line`
/// locate it in the record when there is one place to look.
struct Finding {
  std::string rule;  ///< rule id, e.g. "plan-approved"
  Severity severity = Severity::error;
  std::string article;  ///< article of the measures, e.g. "10.2"; "—" for ldt's own rules
  std::string session, plan, provider, instructor, trainee;
  std::string file;  ///< relative to the project root; may be empty
  int line = 0;
  std::string field;    ///< the key or column at fault; may be empty
  std::string message;  ///< translated
  std::string hint;     ///< translated; what would fix it
};

/// The finding as a diagnostic of the one problem shape (code = rule id).
Diagnostic to_diagnostic(const Finding& finding);
/// The same for each finding, in order.
std::vector<Diagnostic> to_diagnostics(const std::vector<Finding>& findings);

/// A line of journal.jsonl that does not verify (input of journal-chain).
struct JournalBreak {
  int line = 0;         ///< 1-based
  std::string problem;  ///< translated: what is wrong with the line
};

/// An approved plan's record with the hash its file has now (input of plan-frozen).
struct PlanRecord {
  Plan plan;
  PlanDecision decision;
  std::string file_sha256;  ///< SHA-256 of plans/<id>.toml as it is now
};

/// Everything the rules look at, read from the project by the caller. Pure data.
struct CheckFacts {
  DateTime as_of;
  Settings::Rules rules;
  std::vector<PlanRecord> plans;
  std::vector<Session> sessions;
  std::vector<Instructor> instructors;
  std::vector<JournalBreak> journal_breaks;

  [[nodiscard]] const PlanRecord* plan(std::string_view id) const;
  [[nodiscard]] const Instructor* instructor(std::string_view id) const;
};

/// A rule of the catalogue: id, article, severity, and its evaluation over the whole project.
struct Rule {
  std::string_view id;
  std::string_view article;
  Severity severity;
  /// Appends the rule's findings over `facts` (one per rule and subject).
  void (*evaluate)(const CheckFacts& facts, std::vector<Finding>& findings);
};

/// The catalogue, in RULES.md order: the one list every rule is registered in.
const std::vector<Rule>& rule_catalogue();
/// The rule with `id`; nullptr when there is none.
const Rule* find_rule(std::string_view id);
/// Runs every rule of the catalogue (or those in `only`, when not empty) over `facts`.
std::vector<Finding> run_rules(const CheckFacts& facts, const std::vector<std::string>& only = {});

// The rules as functions of their typed inputs, for the commands that refuse.

/// plan-approved (Measures Art. 10.2): a session may only run under a plan the office approved.
/// A finding when `decision` is not approved. (The catalogue's "before the session started"
/// needs the office's own decision date, which decisions do not record yet.)
std::optional<Finding> check_plan_approved(const Session& session, const PlanDecision& decision);

/// The instructors a plan allows at `start`: the plan's own, with the approved amendments
/// dated before `start` applied in order (Measures Art. 10.3).
std::vector<std::string> allowed_instructors(const Plan& plan, const PlanDecision& decision, const DateTime& start);

/// instructor-approved (Measures Art. 10.3): one finding per instructor of `session` that is
/// neither in `plan` nor in an approved amendment dated before the session.
std::vector<Finding> check_instructor_approved(const Session& session, const Plan& plan, const PlanDecision& decision);

/// plan-frozen (Measures Art. 10.2): a finding when an approved plan's file no longer matches
/// the SHA-256 recorded at approval.
std::optional<Finding> check_plan_frozen(const PlanRecord& record);

/// instructor-credential (Measures Art. 6): why `instructor` may not teach on `day`. Lecturers
/// need an accepted credential valid on `day`; practical instructors at least
/// `min_practice_years` years of e-commerce operation; social-commerce instructors at least
/// one project case. Empty when qualified.
std::vector<Finding> check_instructor_credential(const Instructor& instructor, Date day, int min_practice_years);

/// Whether a credential kind is one Art. 6 accepts (county / international e-commerce lecturer,
/// Taobao University, a training company's appointment letter); `other` is not.
bool is_accepted_credential(CredentialKind kind);

/// calendar-unknown (Measures Art. 8.3.3): the finding for a deadline of `session` that needs
/// `year`, which neither the shipped calendar nor `[calendar]` in ldt.toml covers.
Finding calendar_unknown(int year, std::string_view session);

/// journal-chain (ldt's own rule): one finding per line of journal.jsonl that does not verify.
std::vector<Finding> check_journal_chain(const std::vector<JournalBreak>& breaks);

}  // namespace ldt
