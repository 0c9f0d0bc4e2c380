#pragma once
/// Instructor qualification, Measures Art. 6.
#include <string>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/registry.hpp"

namespace ldt {

/// Whether a credential kind is one Art. 6 accepts (county / international e-commerce lecturer,
/// Taobao University, a training company's appointment letter); `other` is not.
bool is_accepted_credential(CredentialKind kind);

/// Reasons (translated) why `instructor` may not teach on `day`; empty when qualified.
/// Lecturers need an accepted credential valid on `day`; practical instructors at least
/// `min_practice_years` years of e-commerce operation; social-commerce instructors at least one
/// project case (Measures Art. 6; RULES.md instructor-credential).
std::vector<std::string> qualification_problems(const Instructor& instructor, Date day, int min_practice_years);

}  // namespace ldt
