#pragma once
/// followups/<yyyy>.csv: the 跟踪孵化记录 of the trainees (Measures Art. 7, 8.3.4), one file per
/// year of the follow-up's date, one row per follow-up — trainee (ID number), date, method
/// (phone|visit|online|wechat), staff, shop_opened (yes|no|empty), shop_name, platform,
/// shop_url, monthly_sales (CNY), employed (yes|no|empty), service, note, source_sha256,
/// source_line, recorded_at, by. UTF-8, written by ldt, editable by hand. Imported sheets are
/// kept in followups/sources/ (manifest.csv), their open rejects in followups/rejects.csv.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/followup.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// The whole followups/<yyyy>.csv for these rows, header first.
std::string followups_file(const std::vector<Followup>& followups);
/// Reads a followups/<yyyy>.csv, calling `fn` per row. Throws Error (exit 2) naming file, line
/// and field for a row that is not valid (an ID number failing GB 11643, a date that is no date or
/// of another year than `year` when given, an unknown method, a yes/no cell that is neither).
void read_followups(const fs::path& path, std::string_view display, int year,
                    const std::function<void(Followup&&)>& fn);

}  // namespace ldt
