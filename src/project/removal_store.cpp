// sessions/<id>/removed.csv (include/ldt/project/removal_store.hpp).
#include "ldt/project/removal_store.hpp"

#include <fmt/format.h>

#include "canonical.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& removal_columns() {
  static const std::vector<std::string> k_columns = {"sha256", "file", "reason", "at", "by", "signins", "rejects"};
  return k_columns;
}
}  // namespace

std::string removals_file(const std::vector<SourceRemoval>& removals) {
  std::string out = csv_line(removal_columns());
  for (const auto& r : removals) {
    out += safe_csv_line({r.sha256, r.file, r.reason, format_datetime(r.at), r.by, std::to_string(r.signins),
                          std::to_string(r.rejects)});
  }
  return out;
}

void read_removals(const fs::path& path, std::string_view display, const std::function<void(SourceRemoval&&)>& fn) {
  read_canonical(path, display, removal_columns(), [&](std::vector<std::string>& c, int line) {
    SourceRemoval r;
    if (c[0].size() != 64 || c[0].find_first_not_of("0123456789abcdef") != std::string::npos) {
      throw bad_row(display, line, "sha256", tr("not a SHA-256 (64 lower-case hex digits)"));
    }
    auto at = parse_datetime(c[3]);
    if (!at) throw bad_row(display, line, "at", fmt::format(fmt::runtime(tr("not a time: \"{}\"")), c[3]));
    r.sha256 = std::move(c[0]);
    r.file = std::move(c[1]);
    r.reason = std::move(c[2]);
    r.at = *at;
    r.by = std::move(c[4]);
    r.signins = to_number(c[5], display, line, "signins");
    r.rejects = to_number(c[6], display, line, "rejects");
    fn(std::move(r));
  });
}

}  // namespace ldt
