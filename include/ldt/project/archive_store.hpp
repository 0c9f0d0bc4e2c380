#pragma once
/// sessions/<id>/archive/manifest.csv: the documents of a session's archive (培训档案; Measures
/// Art. 7, 8.4.2), one row each — kind, file (as given), stored (its name beside the manifest),
/// sha256, size (bytes), at, attached_at (ISO 8601 +08:00), by, person_times (summary only),
/// instructor (instructor_bio only). UTF-8, written by ldt, editable by hand.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/archive.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// The whole manifest for these documents, header first.
std::string archive_manifest_file(const std::vector<ArchivedDocument>& documents);
/// Reads a manifest, calling `fn` for each row. Throws Error (exit 2) naming file, line and
/// field for a row that is not valid (an unknown kind, a hash that is not 64 hex digits, a
/// stored name that is not a plain file name, a time that is not ISO 8601).
void read_archive_manifest(const fs::path& path, std::string_view display,
                           const std::function<void(ArchivedDocument&&)>& fn);

}  // namespace ldt
