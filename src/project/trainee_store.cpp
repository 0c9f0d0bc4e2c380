// trainees/renames.csv (include/ldt/project/trainee_store.hpp).
#include "ldt/project/trainee_store.hpp"

#include <fmt/format.h>

#include "canonical.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& rename_columns() {
  static const std::vector<std::string> k_columns = {"id_number", "name", "previous", "reason", "at", "by"};
  return k_columns;
}
}  // namespace

std::string renames_file(const std::vector<TraineeRename>& renames) {
  std::string out = csv_line(rename_columns());
  for (const auto& r : renames) {
    out += safe_csv_line({r.id_number, r.name, r.previous, r.reason, format_datetime(r.at), r.by});
  }
  return out;
}

void read_renames(const fs::path& path, std::string_view display, const std::function<void(TraineeRename&&)>& fn) {
  read_canonical(path, display, rename_columns(), [&](std::vector<std::string>& c, int line) {
    TraineeRename r;
    auto at = parse_datetime(c[4]);
    if (!at) throw bad_row(display, line, "at", fmt::format(fmt::runtime(tr("not a time: \"{}\"")), c[4]));
    r.at = *at;
    auto id = parse_id_number(c[0], r.at.date, 0, 200);
    if (!id.id || id.id->value != c[0]) {
      throw bad_row(display, line, "id_number", tr("not a valid 18-character ID number"));
    }
    auto name = parse_person_name(c[1]);
    if (name.reject || name.name != c[1]) {
      throw bad_row(display, line, "name", tr("not a name as ldt stores it (no digits, no leading = + - @)"));
    }
    r.id_number = std::move(c[0]);
    r.name = std::move(c[1]);
    r.previous = std::move(c[2]);
    r.reason = std::move(c[3]);
    r.by = std::move(c[5]);
    fn(std::move(r));
  });
}

}  // namespace ldt
