#pragma once
/// trainees/renames.csv: corrections of trainees' names (`ldt trainee rename`), one row per
/// correction, oldest first — id_number, name (the current name from then on), previous,
/// reason, at (ISO 8601 +08:00), by. The sign-ins keep what their sources said; the latest row
/// of an ID number is the trainee's current name. UTF-8, written by ldt, editable by hand.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// One correction of a trainee's name.
struct TraineeRename {
  std::string id_number;  ///< 18 characters
  std::string name;       ///< the corrected name
  std::string previous;   ///< the name before
  std::string reason;
  DateTime at;
  std::string by;
};

/// The whole renames.csv for these rows, header first.
std::string renames_file(const std::vector<TraineeRename>& renames);
/// Reads renames.csv, calling `fn` for each row. Throws Error (exit 2) naming file, line and
/// field for a row that is not valid (an ID number that fails GB 11643, an empty name).
void read_renames(const fs::path& path, std::string_view display, const std::function<void(TraineeRename&&)>& fn);

}  // namespace ldt
