#pragma once
/// Writing a zip archive (libzip): `archive export` packs a session's archive for the office.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ldt {

/// One member of a zip: its path inside the archive ('/' separated, UTF-8) and its bytes.
struct ZipMember {
  std::string path;
  std::string bytes;
};

/// The bytes of a zip holding `members` in order, deflated, names flagged UTF-8 (so Windows'
/// Explorer and WPS show Chinese names), every entry dated `mtime` (seconds since 1970, UTC)
/// so that the same members give the same bytes. Throws internal_error when libzip fails.
std::string zip_bytes(const std::vector<ZipMember>& members, long long mtime);

}  // namespace ldt
