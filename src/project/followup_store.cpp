// followups/<yyyy>.csv (include/ldt/project/followup_store.hpp; Measures Art. 7, 8.3.4).
#include "ldt/project/followup_store.hpp"

#include <fmt/format.h>

#include "canonical.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& followup_columns() {
  static const std::vector<std::string> k_columns = {
      "trainee",       "date",     "method",  "staff", "shop_opened",   "shop_name",   "platform",    "shop_url",
      "monthly_sales", "employed", "service", "note",  "source_sha256", "source_line", "recorded_at", "by"};
  return k_columns;
}

std::string yes_no(const std::optional<bool>& value) {
  if (!value) return {};
  return *value ? "yes" : "no";
}

std::optional<bool> read_yes_no(const std::string& cell, std::string_view display, int line, std::string_view field) {
  if (cell.empty()) return std::nullopt;
  if (cell == "yes") return true;
  if (cell == "no") return false;
  throw bad_row(display, line, field, fmt::format(fmt::runtime(tr("\"{}\" is not yes, no or empty")), cell));
}
}  // namespace

std::string followups_file(const std::vector<Followup>& followups) {
  std::string out = csv_line(followup_columns());
  for (const auto& f : followups) {
    out += safe_csv_line({f.trainee, format_date(f.date), std::string(to_string(f.method)), f.staff,
                          yes_no(f.shop_opened), f.shop_name, f.platform, f.shop_url,
                          f.monthly_sales ? format_sales(*f.monthly_sales) : std::string(), yes_no(f.employed),
                          f.service, f.note, f.source_sha256,
                          f.source_line > 0 ? std::to_string(f.source_line) : std::string(), f.recorded_at, f.by});
  }
  return out;
}

void read_followups(const fs::path& path, std::string_view display, int year,
                    const std::function<void(Followup&&)>& fn) {
  read_canonical(path, display, followup_columns(), [&](std::vector<std::string>& c, int line) {
    Followup f;
    if (c[0].size() != 18 || gb11643_check_char(std::string_view(c[0]).substr(0, 17)) != c[0][17]) {
      throw bad_row(display, line, "trainee", tr("not a valid 18-character ID number"));
    }
    f.trainee = std::move(c[0]);
    auto date = parse_iso_date(c[1]);
    if (!date) throw bad_row(display, line, "date", fmt::format(fmt::runtime(tr("not a date: \"{}\"")), c[1]));
    if (year > 0 && static_cast<int>(date->year()) != year) {
      throw bad_row(display, line, "date",
                    fmt::format(fmt::runtime(tr("{} is not in {}, the year this file holds")), c[1], year));
    }
    f.date = *date;
    auto method = followup_method_from(c[2]);
    if (!method || to_string(*method) != c[2]) {
      throw bad_row(display, line, "method",
                    fmt::format(fmt::runtime(tr("\"{}\" is not phone, visit, online or wechat")), c[2]));
    }
    f.method = *method;
    f.staff = std::move(c[3]);
    f.shop_opened = read_yes_no(c[4], display, line, "shop_opened");
    f.shop_name = std::move(c[5]);
    f.platform = std::move(c[6]);
    f.shop_url = std::move(c[7]);
    if (!c[8].empty()) {
      auto sales = sales_from(c[8]);
      if (!sales) {
        throw bad_row(display, line, "monthly_sales", fmt::format(fmt::runtime(tr("not an amount: \"{}\"")), c[8]));
      }
      f.monthly_sales = *sales;
    }
    f.employed = read_yes_no(c[9], display, line, "employed");
    f.service = std::move(c[10]);
    f.note = std::move(c[11]);
    f.source_sha256 = std::move(c[12]);
    f.source_line = c[13].empty() ? 0 : static_cast<int>(to_number(c[13], display, line, "source_line"));
    f.recorded_at = std::move(c[14]);
    f.by = std::move(c[15]);
    fn(std::move(f));
  });
}

}  // namespace ldt
