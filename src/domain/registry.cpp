#include "ldt/domain/registry.hpp"

#include <array>
#include <utility>

namespace ldt {
namespace {
template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return {};
}

constexpr std::array<std::pair<CredentialKind, std::string_view>, 5> k_credential_kinds{{
    {CredentialKind::county_ecommerce_lecturer, "county_ecommerce_lecturer"},
    {CredentialKind::international_ecommerce_lecturer, "international_ecommerce_lecturer"},
    {CredentialKind::taobao_university, "taobao_university"},
    {CredentialKind::appointment_letter, "appointment_letter"},
    {CredentialKind::other, "other"},
}};
constexpr std::array<std::pair<InstructorRole, std::string_view>, 3> k_roles{{
    {InstructorRole::lecturer, "lecturer"},
    {InstructorRole::practical, "practical"},
    {InstructorRole::social_commerce, "social-commerce"},
}};
constexpr std::array<std::pair<PlanStatus, std::string_view>, 3> k_plan_statuses{{
    {PlanStatus::submitted, "submitted"},
    {PlanStatus::approved, "approved"},
    {PlanStatus::rejected, "rejected"},
}};
constexpr std::array<std::pair<SessionMode, std::string_view>, 3> k_modes{{
    {SessionMode::offline, "offline"},
    {SessionMode::online, "online"},
    {SessionMode::mixed, "mixed"},
}};
constexpr std::array<std::pair<SessionStatus, std::string_view>, 2> k_session_statuses{{
    {SessionStatus::open, "open"},
    {SessionStatus::closed, "closed"},
}};
}  // namespace

std::string_view to_string(CredentialKind kind) { return name_of(k_credential_kinds, kind); }
std::string_view to_string(InstructorRole role) { return name_of(k_roles, role); }
std::string_view to_string(PlanStatus status) { return name_of(k_plan_statuses, status); }
std::string_view to_string(SessionMode mode) { return name_of(k_modes, mode); }
std::string_view to_string(SessionStatus status) { return name_of(k_session_statuses, status); }
std::optional<CredentialKind> credential_kind_from(std::string_view text) { return lookup(k_credential_kinds, text); }
std::optional<InstructorRole> instructor_role_from(std::string_view text) { return lookup(k_roles, text); }
std::optional<PlanStatus> plan_status_from(std::string_view text) { return lookup(k_plan_statuses, text); }
std::optional<SessionMode> session_mode_from(std::string_view text) { return lookup(k_modes, text); }
std::optional<SessionStatus> session_status_from(std::string_view text) { return lookup(k_session_statuses, text); }

}  // namespace ldt
