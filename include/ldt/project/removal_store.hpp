#pragma once
/// sessions/<id>/removed.csv: imports undone by `ldt signin remove` — sha256 (of the archived
/// export, which stays in sources/), file (as imported), reason, at (ISO 8601 +08:00), by,
/// signins and rejects (how many left the session). UTF-8, written by ldt, editable by hand.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// One import removed from a session.
struct SourceRemoval {
  std::string sha256;
  std::string file;
  std::string reason;
  DateTime at;
  std::string by;
  long long signins = 0, rejects = 0;
};

/// The whole removed.csv for these rows, header first.
std::string removals_file(const std::vector<SourceRemoval>& removals);
/// Reads removed.csv, calling `fn` for each row; throws Error (exit 2) at file:line: field.
void read_removals(const fs::path& path, std::string_view display, const std::function<void(SourceRemoval&&)>& fn);

}  // namespace ldt
