// What people read for the identifiers ldt shows them (util/i18n.hpp label_of).
#include <string>
#include <string_view>
#include <utility>

#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
/// The label of `key` in `labels`, or the key itself.
template <std::size_t N>
std::string lookup(const std::pair<std::string_view, const char*> (&labels)[N], std::string_view key) {
  const std::string_view base = key.substr(0, key.find('['));  // "credentials[1]" keeps its "[1]"
  for (const auto& [name, msgid] : labels) {
    if (name == base) return std::string(tr(msgid)) + std::string(key.substr(base.size()));
  }
  return std::string(key);
}
}  // namespace

std::string value_label(std::string_view value) {
  // The values of statuses, modes and roles (domain/registry.cpp to_string), and the dimensions
  // of report stats.
  static constexpr std::pair<std::string_view, const char*> k_labels[] = {
      {"F", tr_noop("female (gender)")},
      {"M", tr_noop("male (gender)")},
      {"appointment_letter", tr_noop("appointment_letter (credential)")},
      {"approved", tr_noop("approved (status)")},
      {"category", tr_noop("category (dimension)")},
      {"month", tr_noop("month (dimension)")},
      {"provider", tr_noop("provider (dimension)")},
      {"separately", tr_noop("separately (dimension)")},
      {"total", tr_noop("total (dimension)")},
      {"town", tr_noop("town (dimension)")},
      {"closed", tr_noop("closed (status)")},
      {"county_ecommerce_lecturer", tr_noop("county_ecommerce_lecturer (credential)")},
      {"international_ecommerce_lecturer", tr_noop("international_ecommerce_lecturer (credential)")},
      {"other", tr_noop("other (credential)")},
      {"taobao_university", tr_noop("taobao_university (credential)")},
      {"lecturer", tr_noop("lecturer (role)")},
      {"mixed", tr_noop("mixed (mode)")},
      {"offline", tr_noop("offline (mode)")},
      {"online", tr_noop("online (mode)")},
      {"open", tr_noop("open (status)")},
      {"practical", tr_noop("practical (role)")},
      {"rejected", tr_noop("rejected (status)")},
      {"social-commerce", tr_noop("social-commerce (role)")},
      {"submitted", tr_noop("submitted (status)")},
      {"notice", tr_noop("notice (document)")},
      {"roster", tr_noop("roster (document)")},
      {"signin_sheet", tr_noop("signin_sheet (document)")},
      {"photo", tr_noop("photo (document)")},
      {"group_photo", tr_noop("group_photo (document)")},
      {"courseware", tr_noop("courseware (document)")},
      {"instructor_bio", tr_noop("instructor_bio (document)")},
      {"news", tr_noop("news (document)")},
      {"summary", tr_noop("summary (document)")},
      {"survey_form", tr_noop("survey_form (document)")},
      {"followup_form", tr_noop("followup_form (document)")},
      {"video", tr_noop("video (document)")},
      {"signin_export", tr_noop("signin_export (document)")},
      {"survey_export", tr_noop("survey_export (document)")},
      {"followup_export", tr_noop("followup_export (document)")},
      {"phone", tr_noop("phone (method)")},
      {"visit", tr_noop("visit (method)")},
      {"online", tr_noop("online (method)")},
      {"wechat", tr_noop("wechat (method)")},
      {"archived", tr_noop("archived (result)")},
      {"unchanged", tr_noop("unchanged (result)")},
      {"restored", tr_noop("restored (result)")},
      {"ok", tr_noop("ok (state)")},
      {"missing", tr_noop("missing (state)")},
      {"altered", tr_noop("altered (state)")},
      {"unlisted", tr_noop("unlisted (state)")},
  };
  if (current_language() == Language::en) return std::string(value);  // the msgids carry a context
  return lookup(k_labels, value);
}

std::string label_of(std::string_view key) {
  // Identifiers shown to people (record field keys and record kinds: stable in JSON) and what
  // people read for them.
  static constexpr std::pair<std::string_view, const char*> k_labels[] = {
      {"instructor", tr_noop("instructor")},
      {"session", tr_noop("session")},
      {"trainee", tr_noop("trainee")},
      {"actor", tr_noop("actor")},
      {"address", tr_noop("address")},
      {"amendment", tr_noop("amendment")},
      {"archive", tr_noop("archive")},
      {"bio", tr_noop("bio")},
      {"command", tr_noop("command")},
      {"contact", tr_noop("contact")},
      {"contract", tr_noop("contract")},
      {"credentials", tr_noop("credentials")},
      {"category", tr_noop("category")},
      {"closed_at", tr_noop("closed at")},
      {"credit_code", tr_noop("credit code")},
      {"damaged", tr_noop("damaged")},
      {"dangling", tr_noop("dangling references")},
      {"disabled", tr_noop("disabled")},
      {"end", tr_noop("end")},
      {"ended_at", tr_noop("ended at")},
      {"file_matches_approval", tr_noop("file matches approval")},
      {"file", tr_noop("file")},
      {"files", tr_noop("files")},
      {"gender", tr_noop("gender")},
      {"head_teacher", tr_noop("head teacher")},
      {"id", tr_noop("id")},
      {"id_number", tr_noop("ID number")},
      {"approved_sha256", tr_noop("approved SHA-256")},
      {"decided", tr_noop("decided")},
      {"sha256", tr_noop("SHA-256")},
      {"instructors", tr_noop("instructors")},
      {"invalid", tr_noop("invalid")},
      {"location", tr_noop("location")},
      {"missing", tr_noop("missing")},
      {"mode", tr_noop("mode")},
      {"name", tr_noop("name")},
      {"note", tr_noop("note (column)")},
      {"ok", tr_noop("ok")},
      {"open_rejects", tr_noop("open rejects")},
      {"opened", tr_noop("opened")},
      {"person_times", tr_noop("person_times")},
      {"phone", tr_noop("phone")},
      {"plan", tr_noop("plan")},
      {"poor_household", tr_noop("poor household")},
      {"practice_years", tr_noop("practice years")},
      {"project_cases", tr_noop("project cases")},
      {"provider", tr_noop("provider")},
      {"reason", tr_noop("reason")},
      {"role", tr_noop("role")},
      {"seq", tr_noop("seq")},
      {"signed_at", tr_noop("signed at")},
      {"signin_days", tr_noop("signin_days")},
      {"stale", tr_noop("stale")},
      {"start", tr_noop("start")},
      {"status", tr_noop("status")},
      {"submitted", tr_noop("submitted")},
      {"target", tr_noop("target")},
      {"target_groups", tr_noop("target groups")},
      {"time", tr_noop("time")},
      {"title", tr_noop("title")},
      {"town", tr_noop("town")},
      {"unindexed", tr_noop("unindexed")},
      {"village", tr_noop("village")},
      {"window", tr_noop("window")},
  };
  return lookup(k_labels, key);
}

}  // namespace ldt
