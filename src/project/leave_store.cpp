// sessions/<id>/leave.csv (include/ldt/project/leave_store.hpp; Measures Art. 9).
#include "ldt/project/leave_store.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "canonical.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& leave_columns() {
  static const std::vector<std::string> k_columns = {"id_number", "day", "reason", "recorded_at", "by"};
  return k_columns;
}
}  // namespace

std::string leave_file(const std::vector<Leave>& leave) {
  std::string out = csv_line(leave_columns());
  for (const auto& l : leave) {
    out += safe_csv_line({l.id_number, format_date(l.day), l.reason, format_datetime(l.recorded_at), l.by});
  }
  return out;
}

void read_leave(const fs::path& path, std::string_view display, const std::function<void(Leave&&)>& fn) {
  std::set<std::pair<std::string, int>> seen;
  read_canonical(path, display, leave_columns(), [&](std::vector<std::string>& c, int line) {
    Leave l;
    auto day = parse_iso_date(c[1]);
    if (!day) throw bad_row(display, line, "day", fmt::format(fmt::runtime(tr("not a date: \"{}\"")), c[1]));
    l.day = *day;
    auto id = parse_id_number(c[0], l.day);
    if (!id.id || id.id->value != c[0]) {
      throw bad_row(display, line, "id_number", tr("not a valid 18-character ID number"));
    }
    l.id_number = std::move(c[0]);
    if (!seen.emplace(l.id_number, day_number(l.day)).second) {
      throw bad_row(display, line, "day", tr("this trainee's leave on this day is listed twice"));
    }
    l.reason = std::move(c[2]);
    auto recorded = parse_datetime(c[3]);
    if (!recorded) {
      throw bad_row(display, line, "recorded_at", fmt::format(fmt::runtime(tr("not a time: \"{}\"")), c[3]));
    }
    l.recorded_at = *recorded;
    l.by = std::move(c[4]);
    fn(std::move(l));
  });
}

}  // namespace ldt
