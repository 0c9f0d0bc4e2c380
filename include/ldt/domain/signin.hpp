#pragma once
/// The sign-in record of a session as plain data: stored sign-ins (one per trainee and day),
/// open rejects and imported sources, and the compact identity of a sign-in. No I/O: the
/// canonical CSV files are read and written by project/signin_store.hpp.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ldt {

/// One stored sign-in: a trainee present at a session on one day. Dates ISO 8601, times CST.
struct StoredSignin {
  std::string day;        ///< "2021-03-10"
  std::string id_number;  ///< 18 characters, valid GB 11643
  std::string name;
  std::string gender;      ///< "M" or "F", from the ID number
  std::string birth_date;  ///< "1987-07-14", from the ID number
  std::string phone;       ///< "13812345678", "0660-3312345" or empty
  std::string address;
  std::string town;
  std::string village;
  std::string categories;  ///< category ids joined by ';' in the order of Measures Art. 3
  std::string signed_at;   ///< "2021-03-10T09:02:00+08:00" when the sheet gave a time
  std::string note;
  std::string extra;  ///< JSON object of the sheet's other columns (header → cell)
  std::string source_sha256;
  int source_line = 0;
  std::string imported_at;
  std::string updated_at;  ///< when a repeated row last changed phone or address
};

/// One open reject: a row of an imported file that was refused, kept until fixed.
struct StoredReject {
  std::string source_file;  ///< file name as imported
  std::string source_sha256;
  std::string sheet;  ///< the workbook sheet it came from; empty for a CSV source
  int line = 0;       ///< physical line in the source, 1-based
  std::string field;
  std::string code;  ///< reject code (README "Importing sign-in sheets")
  std::string message;
  std::string imported_at;
  std::vector<std::string> header;  ///< the source's header cells
  std::vector<std::string> cells;   ///< the row's cells as they came
};

/// A reject closed by `ldt signin rejects --dismiss` (README "The fix loop"): kept, with who
/// dismissed it, when and why; nothing is lost.
struct DismissedReject {
  StoredReject reject;
  std::string dismissed_at, dismissed_by, reason;
};

/// How `signin rejects` names each reject, for `--dismiss`: the first 8 hex digits of its
/// source's SHA-256 (more when two sources of `rejects` share them), the sheet when there is
/// one, and the line: "1095d257:12", "1095d257:第2天:7". Unique across the session's sources.
std::vector<std::string> reject_ids(const std::vector<StoredReject>& rejects);

/// One imported source file, archived byte-for-byte as sources/<sha256><ext>.
struct StoredSource {
  std::string sha256;
  std::string file;       ///< name as given by the user
  std::string stored_as;  ///< file name under sources/
  std::string encoding;
  std::string imported_at;
  std::string imported_by;
  int header_line = 0;
  long long rows = 0, accepted = 0, duplicates = 0, updated = 0, rejected = 0;
  std::string title;  ///< text of the title rows above the header, joined by " / "
};

/// 18-character ID → 64-bit key (17 digits × 11 + check value). Exact and collision-free.
std::uint64_t pack_id_number(std::string_view id_number);

/// A sign-in's identity: (pack_id_number of the trainee, day_number of the day).
using SigninKey = std::pair<std::uint64_t, std::int32_t>;

/// The key of a stored sign-in (`day` is ISO "YYYY-MM-DD", already validated).
SigninKey signin_key(std::string_view id_number, std::string_view day);

/// Hash for SigninKey in unordered containers.
struct SigninKeyHash {
  std::size_t operator()(const SigninKey& key) const noexcept {
    return std::hash<std::uint64_t>()(key.first * 1000003ULL ^ static_cast<std::uint64_t>(key.second));
  }
};

}  // namespace ldt
