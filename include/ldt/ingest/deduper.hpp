#pragma once
/// Duplicates, updates and ID/name conflicts of sign-ins (README "How each row and cell is read": Duplicates and the
/// precise reading of conflicts). Holds compact keys only, so a 1,000,000-row file fits in memory.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "ldt/domain/issue.hpp"
#include "ldt/domain/signin.hpp"

namespace ldt {

/// What the project already knows of a trainee (latest contact across sessions).
struct KnownTrainee {
  std::string name, phone, address;
};

/// The verdict on one normalised row.
enum class SigninVerdict {
  accepted,   ///< a new (trainee, day) of the session: stored
  duplicate,  ///< the (trainee, day) is already there and the row brings nothing new
  updated,    ///< the (trainee, day) is already there and the row brings a new phone or address
  conflict,   ///< the ID is known under another name: rejected as id-name-conflict
};

struct SigninDecision {
  SigninVerdict verdict = SigninVerdict::accepted;
  std::optional<Issue> reject;      ///< for conflict
  std::optional<Issue> warning;     ///< e.g. trainee-updated (new contact across sessions)
  bool updates_stored_row = false;  ///< for updated: the row was stored before this import
};

class SigninDeduper {
 public:
  /// `lookup` answers what the project knows of an ID outside this session (may be empty).
  using Lookup = std::function<std::optional<KnownTrainee>(const std::string& id_number)>;
  explicit SigninDeduper(Lookup lookup);

  /// Registers a sign-in already stored in the session, before any import row.
  void add_existing(const StoredSignin& signin);
  /// Starts a new source file: "the first accepted row of the same file" is per file.
  void start_file();
  /// Decides on a normalised row. Accepted and updated rows change the state: later rows
  /// compare with them. Rejected rows establish nothing.
  SigninDecision decide(const StoredSignin& signin);

 private:
  struct Trainee {
    std::uint64_t name_hash = 0;
    bool known = false;                              ///< a name is established (stored, or accepted in this file)
    bool from_project = false;                       ///< established by the project rather than this file
    std::uint64_t phone_hash = 0, address_hash = 0;  ///< latest known contact, 0 = none
    std::uint32_t file_generation = 0;
  };
  struct Contact {
    std::uint64_t phone_hash = 0, address_hash = 0;
    bool stored = false;
  };
  Trainee& trainee(const std::string& id_number, std::uint64_t packed);

  Lookup lookup_;
  std::unordered_map<std::uint64_t, Trainee> trainees_;
  std::unordered_map<SigninKey, Contact, SigninKeyHash> days_;
  std::uint32_t generation_ = 0;
};

}  // namespace ldt
