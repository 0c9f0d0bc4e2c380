#pragma once
/// The registered kinds of a project: provider, instructor (with credentials), plan, plan
/// decision and session. Plain data parsed from TOML at the edge (project/records.hpp).
#include <optional>
#include <string>
#include <vector>

#include "ldt/domain/date.hpp"

namespace ldt {

/// 培训服务商: a company contracted to run trainings.
struct Provider {
  std::string id;           ///< [a-z0-9][a-z0-9-]*, unique in the project
  std::string name;         ///< company name
  std::string credit_code;  ///< 统一社会信用代码, 18 characters; may be empty
  std::string contact;      ///< contact person
  std::string phone;
  std::string address;
  std::string contract;  ///< contract number with the county office; may be empty
};

/// Kinds of credential accepted by Measures Art. 6.
enum class CredentialKind {
  county_ecommerce_lecturer,         ///< 中国县域电商讲师
  international_ecommerce_lecturer,  ///< 国际电子商务讲师证书
  taobao_university,                 ///< 淘宝大学 (certificate or appointment)
  appointment_letter,                ///< other training company's appointment letter (聘书)
  other,                             ///< recorded, but not accepted for Art. 6
};

/// One certificate or appointment letter. Dates are CST calendar days, inclusive.
struct Credential {
  CredentialKind kind = CredentialKind::other;
  std::string number;
  std::string issuer;
  Date valid_from;
  std::optional<Date> valid_until;  ///< none: does not expire
};

/// Instructor roles, Measures Art. 6 (讲师 / 实操讲师 / 微商讲师).
enum class InstructorRole { lecturer, practical, social_commerce };

/// 讲师: a person who teaches.
struct Instructor {
  std::string id;
  std::string name;
  InstructorRole role = InstructorRole::lecturer;
  std::string provider;  ///< provider id; may be empty (independent instructor)
  std::string phone;
  int practice_years = 0;                  ///< years of e-commerce operation (practical instructors, Art. 6)
  std::vector<std::string> project_cases;  ///< social-commerce project cases (Art. 6)
  std::string bio;
  std::vector<Credential> credentials;
};

/// One item of a plan's schedule (课程安排).
struct ScheduleItem {
  std::string topic;
  std::string method;  ///< lecture | hands-on | site-visit | online | forum (Art. 5)
  double hours = 0;
  std::string instructor;  ///< instructor id; may be empty
};

/// 培训计划 / 实施方案, Measures Art. 8.1 and 10.
struct Plan {
  std::string id;
  std::string provider;
  std::string title;
  std::vector<std::string> target_groups;  ///< category ids (Measures Art. 3)
  Date window_start;                       ///< first day sessions may run, inclusive
  Date window_end;                         ///< last day sessions may run, inclusive
  std::string outline;
  std::vector<std::string> materials;
  std::string objectives;
  int planned_trainees = 0;
  std::vector<std::string> instructors;  ///< instructor ids
  std::vector<ScheduleItem> schedule;
};

enum class PlanStatus { submitted, approved, rejected };

/// An instructor change request on an approved plan (Art. 10.3).
struct Amendment {
  int number = 0;  ///< 1, 2, …
  std::string replace_old;
  std::string replace_new;
  std::string reason;
  DateTime requested_at;
  std::string requested_by;
  std::optional<DateTime> approved_at;
  std::string approved_by;
};

/// The office's record of a plan: submission, decision, amendments.
/// Kept in plans/<id>.decision.toml next to plans/<id>.toml.
struct PlanDecision {
  std::string plan;
  DateTime submitted_at;
  std::string submitted_by;
  std::string submitted_sha256;  ///< SHA-256 of plans/<id>.toml when submitted
  PlanStatus status = PlanStatus::submitted;
  std::optional<DateTime> decided_at;
  std::string decided_by;
  std::string approved_sha256;  ///< SHA-256 of plans/<id>.toml at approval (Art. 10.2: frozen)
  std::string reason;           ///< rejection reason
  std::vector<Amendment> amendments;
};

enum class SessionMode { offline, online, mixed };
enum class SessionStatus { open, closed };

/// 培训班: one run of training. Times are CST.
struct Session {
  std::string id;
  std::string plan;
  DateTime start;
  DateTime end;
  std::string location;
  SessionMode mode = SessionMode::offline;
  std::string head_teacher;
  std::vector<std::string> instructors;
  SessionStatus status = SessionStatus::open;
  DateTime opened_at;
  std::string opened_by;
  std::optional<DateTime> closed_at;
  std::optional<DateTime> ended_at;  ///< actual end when it differs from `end`
};

std::string_view to_string(CredentialKind kind);
std::string_view to_string(InstructorRole role);
std::string_view to_string(PlanStatus status);
std::string_view to_string(SessionMode mode);
std::string_view to_string(SessionStatus status);
std::optional<CredentialKind> credential_kind_from(std::string_view text);
std::optional<InstructorRole> instructor_role_from(std::string_view text);
std::optional<PlanStatus> plan_status_from(std::string_view text);
std::optional<SessionMode> session_mode_from(std::string_view text);
std::optional<SessionStatus> session_status_from(std::string_view text);

}  // namespace ldt
