#include "ldt/project/signin_store.hpp"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "canonical.hpp"
#include "ldt/domain/category.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/ingest/record_reader.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& signin_csv_columns() {
  static const std::vector<std::string> k_columns = {
      "day",     "id_number",     "name",        "gender",      "birth_date", "phone",
      "address", "town",          "village",     "categories",  "signed_at",  "note",
      "extra",   "source_sha256", "source_line", "imported_at", "updated_at"};
  return k_columns;
}
const std::vector<std::string>& reject_csv_columns() {
  static const std::vector<std::string> k_columns = {"source_file", "source_sha256", "sheet",       "line",   "field",
                                                     "code",        "message",       "imported_at", "header", "cells"};
  return k_columns;
}
/// rejects.csv as ldt 0.1 wrote it, without `sheet`: still read (a project keeps working).
const std::vector<std::string>& reject_csv_columns_v1() {
  static const std::vector<std::string> k_columns = {"source_file", "source_sha256", "line",   "field", "code",
                                                     "message",     "imported_at",   "header", "cells"};
  return k_columns;
}
/// dismissed.csv: a reject's columns, then who dismissed it, when and why.
const std::vector<std::string>& dismissed_csv_columns() {
  static const std::vector<std::string> k_columns = [] {
    auto columns = reject_csv_columns();
    columns.insert(columns.end(), {"dismissed_at", "dismissed_by", "reason"});
    return columns;
  }();
  return k_columns;
}
const std::vector<std::string>& source_csv_columns() {
  static const std::vector<std::string> k_columns = {
      "sha256", "file",     "stored_as",  "encoding", "imported_at", "imported_by", "header_line",
      "rows",   "accepted", "duplicates", "updated",  "rejected",    "title"};
  return k_columns;
}

const std::vector<std::string>& attachment_csv_columns() {
  static const std::vector<std::string> k_columns = {"kind", "file", "sha256", "time", "by"};
  return k_columns;
}

std::string json_array(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> parse_json_array(const std::string& text, std::string_view display, int line,
                                          std::string_view field) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw bad_row(display, line, field, tr("not a JSON array of strings"));
  }
}
}  // namespace

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos && !value.starts_with(' ') && !value.ends_with(' ')) {
    return std::string(value);
  }
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += '\n';
  return out;
}

std::string safe_csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(neutralize_formula(fields[i]));
  }
  out += '\n';
  return out;
}

std::string signins_header_line() { return csv_line(signin_csv_columns()); }
std::string rejects_header_line() { return csv_line(reject_csv_columns()); }
std::string sources_header_line() { return csv_line(source_csv_columns()); }

std::string signin_line(const StoredSignin& s) {
  return safe_csv_line({s.day, s.id_number, s.name, s.gender, s.birth_date, s.phone, s.address, s.town, s.village,
                        s.categories, s.signed_at, s.note, s.extra, s.source_sha256, std::to_string(s.source_line),
                        s.imported_at, s.updated_at});
}

namespace {
std::vector<std::string> reject_fields(const StoredReject& r) {
  return {r.source_file, r.source_sha256, r.sheet,       std::to_string(r.line), r.field,
          r.code,        r.message,       r.imported_at, json_array(r.header),   json_array(r.cells)};
}

/// A reject from cells in reject_csv_columns() order (v1: without sheet).
StoredReject reject_from(std::vector<std::string>& c, bool v1, std::string_view display, int line) {
  if (v1) c.insert(c.begin() + 2, std::string());
  StoredReject r;
  r.source_file = std::move(c[0]);
  r.source_sha256 = std::move(c[1]);
  r.sheet = std::move(c[2]);
  r.line = static_cast<int>(to_number(c[3], display, line, "line"));
  r.field = std::move(c[4]);
  r.code = std::move(c[5]);
  r.message = std::move(c[6]);
  r.imported_at = std::move(c[7]);
  r.header = parse_json_array(c[8], display, line, "header");
  r.cells = parse_json_array(c[9], display, line, "cells");
  return r;
}
}  // namespace

std::string reject_line(const StoredReject& r) { return safe_csv_line(reject_fields(r)); }

std::string dismissed_line(const DismissedReject& d) {
  auto fields = reject_fields(d.reject);
  fields.insert(fields.end(), {d.dismissed_at, d.dismissed_by, d.reason});
  return safe_csv_line(fields);
}

std::string dismissed_file(const std::vector<DismissedReject>& dismissed) {
  std::string text = csv_line(dismissed_csv_columns());
  for (const auto& d : dismissed) text += dismissed_line(d);
  return text;
}

void read_dismissed(const fs::path& path, std::string_view display, const std::function<void(DismissedReject&&)>& fn) {
  read_canonical(path, display, dismissed_csv_columns(), [&](std::vector<std::string>& c, int line) {
    DismissedReject d;
    d.dismissed_at = std::move(c[10]);
    d.dismissed_by = std::move(c[11]);
    d.reason = std::move(c[12]);
    c.resize(10);
    d.reject = reject_from(c, false, display, line);
    fn(std::move(d));
  });
}

std::string source_line(const StoredSource& s) {
  return safe_csv_line({s.sha256, s.file, s.stored_as, s.encoding, s.imported_at, s.imported_by,
                        std::to_string(s.header_line), std::to_string(s.rows), std::to_string(s.accepted),
                        std::to_string(s.duplicates), std::to_string(s.updated), std::to_string(s.rejected), s.title});
}

std::string rejects_file(const std::vector<StoredReject>& rejects) {
  std::string text = rejects_header_line();
  for (const auto& reject : rejects) text += reject_line(reject);
  return text;
}

std::string sources_file(const std::vector<StoredSource>& sources) {
  std::string text = sources_header_line();
  for (const auto& source : sources) text += source_line(source);
  return text;
}

StagedFile& restage_signins(WriteSet& writes, StagedFile& staged, const fs::path& relative,
                            const std::function<void(StoredSignin&)>& update) {
  staged.finish();
  StagedFile& rewritten = writes.open(relative);
  rewritten.write(signins_header_line());
  read_signins(staged.temp_path(), relative.generic_string(), [&](StoredSignin&& signin) {
    update(signin);
    rewritten.write(signin_line(signin));
  });
  writes.drop(staged);
  return rewritten;
}

namespace {
bool is_iso_datetime(std::string_view text) { return text.size() >= 19 && parse_datetime(text).has_value(); }

/// A hand-edited row is checked like an imported one (README "The project directory"): every
/// field in the form ldt writes it, consistent with the ID number and, when known, the
/// session's days; a problem is a file:line: field: error, never a silent drop from the counts.
void check_signin(const StoredSignin& s, std::string_view display, int line,
                  const std::optional<std::pair<Date, Date>>& days) {
  auto fail = [&](std::string_view field, std::string message) {
    return bad_row(display, line, field, std::move(message));
  };
  auto day = parse_iso_date(s.day);
  if (!day || format_date(*day) != s.day) throw fail("day", tr("not a date YYYY-MM-DD"));
  if (days && (day_number(*day) < day_number(days->first) || day_number(*day) > day_number(days->second))) {
    throw fail("day", fmt::format(fmt::runtime(tr("{} is not a day of the session ({} to {})")), s.day,
                                  format_date(days->first), format_date(days->second)));
  }
  if (s.id_number.size() != 18 || s.id_number.find_first_not_of("0123456789") < 17 ||
      gb11643_check_char(std::string_view(s.id_number).substr(0, 17)) != s.id_number[17]) {
    throw fail("id_number", tr("not a valid 18-character ID number (GB 11643 check digit)"));
  }
  auto name = parse_person_name(s.name);
  if (name.reject || name.name != s.name) {
    throw fail("name", name.reject ? name.reject->message : tr("not in the normalised form ldt writes (spaces?)"));
  }
  int sex_digit = s.id_number[16] - '0';
  if (s.gender != "M" && s.gender != "F") throw fail("gender", tr("must be M or F"));
  if (s.gender != (sex_digit % 2 == 1 ? "M" : "F")) {
    throw fail("gender", tr("contradicts the ID number (its 17th digit is odd for M, even for F)"));
  }
  std::string birth = s.id_number.substr(6, 4) + "-" + s.id_number.substr(10, 2) + "-" + s.id_number.substr(12, 2);
  auto born = parse_iso_date(birth);
  if (!born || format_date(*born) != birth) throw fail("id_number", tr("its birth date is not a real day"));
  if (s.birth_date != birth)
    throw fail("birth_date", fmt::format(fmt::runtime(tr("must be {}, from the ID number")), birth));
  if (!s.phone.empty()) {
    auto phone = parse_phone(s.phone);
    if (phone.reject || phone.phone != s.phone || !phone.extra.empty()) {
      throw fail("phone", tr("not a phone number in the form ldt writes (11 digits for a mobile, or an area code, a "
                             "dash and the number)"));
    }
  }
  if (!s.categories.empty()) {
    std::size_t start = 0;
    while (start <= s.categories.size()) {
      auto end = std::min(s.categories.find(';', start), s.categories.size());
      auto id = std::string_view(s.categories).substr(start, end - start);
      if (!category_from_id(id)) {
        throw fail("categories", fmt::format(fmt::runtime(tr("unknown category \"{}\"; use the ids of Measures "
                                                             "Art. 3 joined by ';', e.g. poor_household;disabled")),
                                             id));
      }
      start = end + 1;
    }
  }
  if (!s.signed_at.empty()) {
    if (!is_iso_datetime(s.signed_at)) throw fail("signed_at", tr("not a time like 2021-03-10T09:02:00+08:00"));
    if (format_date(parse_datetime(s.signed_at)->date) != s.day) {
      throw fail("signed_at", tr("its day is not the row's day"));
    }
  }
  if (!is_iso_datetime(s.imported_at)) throw fail("imported_at", tr("not a time like 2021-03-10T09:02:00+08:00"));
  if (!s.updated_at.empty() && !is_iso_datetime(s.updated_at)) {
    throw fail("updated_at", tr("not a time like 2021-03-10T09:02:00+08:00"));
  }
  if (s.source_sha256.size() != 64 || s.source_sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    throw fail("source_sha256", tr("not a SHA-256 (64 lower-case hex digits)"));
  }
}
}  // namespace

void read_signins(const fs::path& path, std::string_view display, const std::function<void(StoredSignin&&)>& fn) {
  read_signins_of(path, display, std::nullopt, fn);
}

void read_signins_of(const fs::path& path, std::string_view display, const std::optional<std::pair<Date, Date>>& days,
                     const std::function<void(StoredSignin&&)>& fn) {
  std::unordered_set<SigninKey, SigninKeyHash> seen;
  read_canonical(path, display, signin_csv_columns(), [&](std::vector<std::string>& c, int line) {
    StoredSignin s{std::move(c[0]),  std::move(c[1]),  std::move(c[2]),  std::move(c[3]),  std::move(c[4]),
                   std::move(c[5]),  std::move(c[6]),  std::move(c[7]),  std::move(c[8]),  std::move(c[9]),
                   std::move(c[10]), std::move(c[11]), std::move(c[12]), std::move(c[13]), 0,
                   std::move(c[15]), std::move(c[16])};
    s.source_line = static_cast<int>(to_number(c[14], display, line, "source_line"));
    check_signin(s, display, line, days);
    if (!seen.insert(signin_key(s.id_number, s.day)).second) {
      throw bad_row(display, line, "id_number", tr("the same trainee and day appear twice; delete one of the rows"));
    }
    if (!s.extra.empty() && !nlohmann::json::accept(s.extra)) {
      throw bad_row(display, line, "extra", tr("not a JSON object of the sheet's other columns"));
    }
    fn(std::move(s));
  });
}

void read_rejects(const fs::path& path, std::string_view display, const std::function<void(StoredReject&&)>& fn) {
  bool v1 = false;
  read_canonical(
      path, display, reject_csv_columns(),
      [&](std::vector<std::string>& c, int line) { fn(reject_from(c, v1, display, line)); }, &reject_csv_columns_v1(),
      &v1);
}

void read_sources(const fs::path& path, std::string_view display, const std::function<void(StoredSource&&)>& fn) {
  read_canonical(path, display, source_csv_columns(), [&](std::vector<std::string>& c, int line) {
    StoredSource s;
    s.sha256 = std::move(c[0]);
    s.file = std::move(c[1]);
    s.stored_as = std::move(c[2]);
    s.encoding = std::move(c[3]);
    s.imported_at = std::move(c[4]);
    s.imported_by = std::move(c[5]);
    s.header_line = static_cast<int>(to_number(c[6], display, line, "header_line"));
    s.rows = to_number(c[7], display, line, "rows");
    s.accepted = to_number(c[8], display, line, "accepted");
    s.duplicates = to_number(c[9], display, line, "duplicates");
    s.updated = to_number(c[10], display, line, "updated");
    s.rejected = to_number(c[11], display, line, "rejected");
    s.title = std::move(c[12]);
    fn(std::move(s));
  });
}

std::string attachments_header_line() { return csv_line(attachment_csv_columns()); }
std::string attachment_line(const StoredAttachment& a) {
  return safe_csv_line({a.kind, a.file, a.sha256, a.time, a.by});
}

void read_attachments(const fs::path& path, std::string_view display,
                      const std::function<void(StoredAttachment&&)>& fn) {
  read_canonical(path, display, attachment_csv_columns(), [&](std::vector<std::string>& c, int) {
    fn(StoredAttachment{std::move(c[0]), std::move(c[1]), std::move(c[2]), std::move(c[3]), std::move(c[4])});
  });
}

}  // namespace ldt
