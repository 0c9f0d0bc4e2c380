// calendar-unknown — Measures Art. 8.3.3: a working-day deadline needs the year's holiday
// schedule; a year neither the shipped calendar nor [calendar] covers is named, never guessed.
#include <fmt/format.h>

#include "ldt/domain/rules.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

Finding calendar_unknown(int year, std::string_view session) {
  Finding finding{"calendar-unknown", Severity::error, "8.3.3"};
  finding.session = session;
  finding.file = "ldt.toml";
  finding.field = "calendar";
  finding.message =
      fmt::format(fmt::runtime(tr("calendar unknown for {}: the summary deadline cannot be counted")), year);
  finding.hint = fmt::format(fmt::runtime(tr("add the year's State Council holiday notice to [calendar] in ldt.toml: "
                                             "years = [{}], off = [...], workdays = [...]")),
                             year);
  return finding;
}

}  // namespace ldt
