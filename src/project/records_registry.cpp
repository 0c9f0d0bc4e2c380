// Providers and instructors: providers/<id>.toml, instructors/<id>.toml.
#include <fmt/format.h>

#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "records_toml.hpp"

namespace ldt {

Provider read_provider(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "provider", file);
  Provider provider;
  provider.id = records::text(doc, "id");
  provider.name = records::text(doc, "name");
  provider.credit_code = records::text(doc, "credit_code");
  provider.contact = records::text(doc, "contact");
  provider.phone = records::text(doc, "phone");
  provider.address = records::text(doc, "address");
  provider.contract = records::text(doc, "contract");
  return provider;
}

std::string write_provider(const Provider& provider) {
  records::Writer out;
  out.text("id", provider.id);
  out.text("name", provider.name);
  out.optional_text("credit_code", provider.credit_code);
  out.optional_text("contact", provider.contact);
  out.optional_text("phone", provider.phone);
  out.optional_text("address", provider.address);
  out.optional_text("contract", provider.contract);
  return out.str();
}

Instructor read_instructor(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "instructor", file);
  Instructor instructor;
  instructor.id = records::text(doc, "id");
  instructor.name = records::text(doc, "name");
  instructor.role = instructor_role_from(records::text(doc, "role")).value_or(InstructorRole::lecturer);
  instructor.provider = records::text(doc, "provider");
  instructor.phone = records::text(doc, "phone");
  instructor.practice_years = static_cast<int>(records::integer(doc, "practice_years", 0));
  instructor.project_cases = records::texts(doc, "project_cases");
  instructor.bio = records::text(doc, "bio");
  std::vector<Diagnostic> problems;
  int position = 0;
  for (const toml::table* item : records::tables(doc, "credentials")) {
    ++position;
    Credential credential;
    credential.kind = credential_kind_from(records::text(*item, "kind")).value_or(CredentialKind::other);
    credential.number = records::text(*item, "number");
    credential.issuer = records::text(*item, "issuer");
    credential.valid_from = records::date(*item, "valid_from").value_or(Date{});
    credential.valid_until = records::date(*item, "valid_until");
    if (credential.valid_until && *credential.valid_until < credential.valid_from) {
      problems.push_back(
          Diagnostic{Severity::error, "date-order", std::string(file), records::line_of(*item, "valid_until"),
                     fmt::format("credentials[{}].valid_until", position), tr("valid_until is before valid_from"),
                     fmt::format(fmt::runtime(tr("use a day on or after {}")), format_date(credential.valid_from))});
    }
    instructor.credentials.push_back(std::move(credential));
  }
  records::throw_if_any(std::move(problems));
  return instructor;
}

std::string write_instructor(const Instructor& instructor) {
  records::Writer out;
  out.text("id", instructor.id);
  out.text("name", instructor.name);
  out.text("role", to_string(instructor.role));
  out.optional_text("provider", instructor.provider);
  out.optional_text("phone", instructor.phone);
  if (instructor.practice_years != 0) out.integer("practice_years", instructor.practice_years);
  out.texts("project_cases", instructor.project_cases);
  out.optional_text("bio", instructor.bio);
  for (const Credential& credential : instructor.credentials) {
    out.array_table("credentials");
    out.text("kind", to_string(credential.kind));
    out.optional_text("number", credential.number);
    out.optional_text("issuer", credential.issuer);
    out.date("valid_from", credential.valid_from);
    if (credential.valid_until) out.date("valid_until", *credential.valid_until);
  }
  return out.str();
}

}  // namespace ldt
