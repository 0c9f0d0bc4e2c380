// sessions/<id>/archive/manifest.csv (include/ldt/project/archive_store.hpp; Measures Art. 7, 8.4.2).
#include "ldt/project/archive_store.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "canonical.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& archive_columns() {
  static const std::vector<std::string> k_columns = {"kind", "file",        "stored", "sha256",       "size",
                                                     "at",   "attached_at", "by",     "person_times", "instructor"};
  return k_columns;
}

bool is_sha256(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// A plain file name: no directory, not the manifest itself, not "." or "..".
bool is_plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name != "manifest.csv" &&
         name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}
}  // namespace

std::string archive_manifest_file(const std::vector<ArchivedDocument>& documents) {
  std::string out = csv_line(archive_columns());
  for (const auto& d : documents) {
    out += safe_csv_line({std::string(to_string(d.kind)), d.file, d.stored, d.sha256, std::to_string(d.size),
                          format_datetime(d.at), format_datetime(d.attached_at), d.by,
                          d.person_times ? std::to_string(*d.person_times) : std::string(), d.instructor});
  }
  return out;
}

void read_archive_manifest(const fs::path& path, std::string_view display,
                           const std::function<void(ArchivedDocument&&)>& fn) {
  std::set<std::string> rows;                 // kind, sha256, instructor: one document once
  std::map<std::string, std::string> stored;  // stored name → sha256: one name, one content
  read_canonical(path, display, archive_columns(), [&](std::vector<std::string>& c, int line) {
    ArchivedDocument d;
    auto kind = document_kind_from(c[0]);
    if (!kind) throw bad_row(display, line, "kind", fmt::format(fmt::runtime(tr("unknown kind \"{}\"")), c[0]));
    d.kind = *kind;
    d.file = std::move(c[1]);
    if (!is_plain_name(c[2])) {
      throw bad_row(display, line, "stored", tr("not the name of a file beside the manifest"));
    }
    d.stored = std::move(c[2]);
    if (!is_sha256(c[3])) throw bad_row(display, line, "sha256", tr("not a SHA-256 (64 lower-case hex digits)"));
    d.sha256 = std::move(c[3]);
    d.size = to_number(c[4], display, line, "size");
    auto time = [&](const std::string& text, std::string_view field) {
      auto value = parse_datetime(text);
      if (!value) throw bad_row(display, line, field, fmt::format(fmt::runtime(tr("not a time: \"{}\"")), text));
      return *value;
    };
    d.at = time(c[5], "at");
    d.attached_at = time(c[6], "attached_at");
    d.by = std::move(c[7]);
    if (!c[8].empty()) d.person_times = to_number(c[8], display, line, "person_times");
    d.instructor = std::move(c[9]);
    if (!rows.insert(fmt::format("{} {} {}", to_string(d.kind), d.sha256, d.instructor)).second) {
      throw bad_row(display, line, "sha256", tr("this document is listed twice"));
    }
    if (auto [it, fresh] = stored.emplace(d.stored, d.sha256); !fresh && it->second != d.sha256) {
      throw bad_row(display, line, "stored", tr("two different contents under one stored name"));
    }
    fn(std::move(d));
  });
}

}  // namespace ldt
