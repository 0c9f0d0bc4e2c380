#pragma once
/// Writing a zip archive (libzip): `archive export` packs a session's archive for the office.
#include <filesystem>
#include <string>
#include <vector>

namespace ldt {

/// One member of a zip: its path inside the archive ('/' separated, UTF-8) and its content —
/// the file at `file` when set (read while the zip is written, never held in memory whole),
/// else `bytes`.
struct ZipMember {
  std::string path;
  std::string bytes;
  std::filesystem::path file = {};
};

/// Writes a zip holding `members` in order to `output` (a new file, created by libzip):
/// deflated, names flagged UTF-8 (so Windows' Explorer and WPS show Chinese names), every
/// entry dated `mtime` (seconds since 1970, UTC) so that the same members give the same bytes,
/// and unpacked on Unix as mode 0600 (members may hold personal data). Memory stays that of one
/// member's buffers, whatever the total size. Throws internal_error when libzip fails.
void write_zip(const std::filesystem::path& output, const std::vector<ZipMember>& members, long long mtime);

}  // namespace ldt
