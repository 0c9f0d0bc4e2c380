#pragma once
/// The canonical CSV files of a session (SPEC §3): signins.csv (one row per trainee and day),
/// rejects.csv (open rejects with reasons) and sources/manifest.csv (imported files).
/// All are UTF-8, comma-separated, with a header row; written by ldt, editable by hand.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// One stored sign-in: a trainee present at a session on one day. Dates ISO 8601, times CST.
struct StoredSignin {
  std::string day;         ///< "2021-03-10"
  std::string id_number;   ///< 18 characters, valid GB 11643
  std::string name;
  std::string gender;      ///< "M" or "F", from the ID number
  std::string birth_date;  ///< "1987-07-14", from the ID number
  std::string phone;       ///< "13812345678", "0660-3312345" or empty
  std::string address;
  std::string town;
  std::string village;
  std::string categories;  ///< category ids joined by ';' in SPEC §2 order
  std::string signed_at;   ///< "2021-03-10T09:02:00+08:00" when the sheet gave a time
  std::string note;
  std::string extra;       ///< JSON object of the sheet's other columns (header → cell)
  std::string source_sha256;
  int source_line = 0;
  std::string imported_at;
  std::string updated_at;  ///< when a repeated row last changed phone or address
};

/// One open reject: a row of an imported file that was refused, kept until fixed.
struct StoredReject {
  std::string source_file;    ///< file name as imported
  std::string source_sha256;
  int line = 0;               ///< physical line in the source, 1-based
  std::string field;
  std::string code;           ///< SPEC §5 reject code
  std::string message;
  std::string imported_at;
  std::vector<std::string> header;  ///< the source's header cells
  std::vector<std::string> cells;   ///< the row's cells as they came
};

/// One imported source file, archived byte-for-byte as sources/<sha256><ext>.
struct StoredSource {
  std::string sha256;
  std::string file;        ///< name as given by the user
  std::string stored_as;   ///< file name under sources/
  std::string encoding;
  std::string imported_at;
  std::string imported_by;
  int header_line = 0;
  long long rows = 0, accepted = 0, duplicates = 0, updated = 0, rejected = 0;
  std::string title;       ///< text of the title rows above the header, joined by " / "
};

/// Quotes one CSV field when needed (RFC 4180).
std::string csv_field(std::string_view value);
/// Joins fields into one CSV line ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);

std::string signins_header_line();
std::string signin_line(const StoredSignin& signin);
std::string rejects_header_line();
std::string reject_line(const StoredReject& reject);
std::string sources_header_line();
std::string source_line(const StoredSource& source);

/// Reads a canonical file, calling `fn` for each row. Throws Error (exit 2) naming file, line
/// and field for a row that is not valid (hand edits are checked, SPEC §3 invariant 2).
void read_signins(const fs::path& path, std::string_view display, const std::function<void(StoredSignin&&)>& fn);
void read_rejects(const fs::path& path, std::string_view display, const std::function<void(StoredReject&&)>& fn);
void read_sources(const fs::path& path, std::string_view display, const std::function<void(StoredSource&&)>& fn);

}  // namespace ldt
