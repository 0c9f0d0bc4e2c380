#include "ldt/ingest/deduper.hpp"

#include <fmt/format.h>

#include "ldt/domain/date.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
/// FNV-1a; 0 is reserved for "no value".
std::uint64_t text_hash(std::string_view text) {
  if (text.empty()) return 0;
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return hash == 0 ? 1 : hash;
}

}  // namespace

SigninDeduper::SigninDeduper(Lookup lookup) : lookup_(std::move(lookup)) {}

SigninDeduper::Trainee& SigninDeduper::trainee(const std::string& id_number, std::uint64_t packed) {
  auto [it, inserted] = trainees_.try_emplace(packed);
  if (inserted && lookup_) {
    if (auto known = lookup_(id_number)) {
      it->second.name_hash = text_hash(known->name);
      it->second.known = true;
      it->second.from_project = true;
      it->second.phone_hash = text_hash(known->phone);
      it->second.address_hash = text_hash(known->address);
    }
  }
  return it->second;
}

void SigninDeduper::add_existing(const StoredSignin& signin) {
  std::uint64_t packed = pack_id_number(signin.id_number);
  Trainee& t = trainees_[packed];
  t.name_hash = text_hash(signin.name);
  t.known = true;
  t.from_project = true;
  if (!signin.phone.empty()) t.phone_hash = text_hash(signin.phone);
  if (!signin.address.empty()) t.address_hash = text_hash(signin.address);
  days_[signin_key(signin.id_number, signin.day)] = Contact{text_hash(signin.phone), text_hash(signin.address), true};
}

void SigninDeduper::start_file() {
  // Rows accepted from earlier files of the same run count as stored from now on.
  for (auto& [packed, t] : trainees_) t.from_project = t.known;
  ++generation_;
}

SigninDecision SigninDeduper::decide(const StoredSignin& signin) {
  SigninDecision decision;
  std::uint64_t packed = pack_id_number(signin.id_number);
  Trainee& t = trainee(signin.id_number, packed);
  std::uint64_t name = text_hash(signin.name);
  // The stored trainee, else the first accepted row of the same file, fixes the name.
  bool established = t.known && (t.from_project || t.file_generation == generation_);
  if (established && t.name_hash != name) {
    decision.verdict = SigninVerdict::conflict;
    decision.reject = Issue{"id-name-conflict", "name",
                            tr("this ID number is already recorded under another name; check the ID number and the "
                               "name on the paper sheet (a typo in either one)")};
    return decision;
  }
  std::uint64_t phone = text_hash(signin.phone);
  std::uint64_t address = text_hash(signin.address);
  bool new_contact = (phone != 0 && phone != t.phone_hash) || (address != 0 && address != t.address_hash);
  if (!t.known || !established) {
    t.name_hash = name;
    t.known = true;
    t.file_generation = generation_;
  }
  auto [day, inserted] = days_.try_emplace(signin_key(signin.id_number, signin.day), Contact{phone, address, false});
  if (inserted) {
    if (t.from_project && new_contact && (t.phone_hash != 0 || t.address_hash != 0)) {
      decision.warning = Issue{"trainee-updated", "phone",
                               tr("this trainee's phone or address differs from the one recorded before; the new "
                                  "one is kept")};
    }
  } else {
    bool day_new_contact =
        (phone != 0 && phone != day->second.phone_hash) || (address != 0 && address != day->second.address_hash);
    if (!day_new_contact) {
      decision.verdict = SigninVerdict::duplicate;
      return decision;
    }
    decision.verdict = SigninVerdict::updated;
    decision.updates_stored_row = day->second.stored;
    if (phone != 0) day->second.phone_hash = phone;
    if (address != 0) day->second.address_hash = address;
  }
  if (phone != 0) t.phone_hash = phone;
  if (address != 0) t.address_hash = address;
  return decision;
}

}  // namespace ldt
