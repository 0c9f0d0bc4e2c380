#pragma once
/// sessions/<id>/leave.csv: excused absences (Measures Art. 9), one row per trainee and day —
/// id_number, day (YYYY-MM-DD), reason, recorded_at (ISO 8601 +08:00), by. UTF-8, written by
/// ldt, editable by hand.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/attendance.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// The whole leave.csv for these rows, header first.
std::string leave_file(const std::vector<Leave>& leave);
/// Reads leave.csv, calling `fn` for each row. Throws Error (exit 2) naming file, line and
/// field for a row that is not valid (an ID number that fails GB 11643, a day that is no date,
/// a trainee and day listed twice).
void read_leave(const fs::path& path, std::string_view display, const std::function<void(Leave&&)>& fn);

}  // namespace ldt
