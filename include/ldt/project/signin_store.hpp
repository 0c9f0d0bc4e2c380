#pragma once
/// The canonical CSV files of a session (README "The project directory"): signins.csv (one row per trainee and day),
/// rejects.csv (open rejects with reasons) and sources/manifest.csv (imported files).
/// All are UTF-8, comma-separated, with a header row; written by ldt, editable by hand.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// Quotes one CSV field when needed (RFC 4180).
std::string csv_field(std::string_view value);
/// Joins fields into one CSV line ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);
/// The same with every field a spreadsheet could evaluate written with a leading `'`
/// (neutralize_formula): how ldt writes its canonical files, which people open in Excel too.
/// Their readers strip it again (restore_formula).
std::string safe_csv_line(const std::vector<std::string>& fields);

std::string signins_header_line();
std::string signin_line(const StoredSignin& signin);
std::string rejects_header_line();
std::string reject_line(const StoredReject& reject);
std::string sources_header_line();
std::string source_line(const StoredSource& source);

/// sessions/<id>/dismissed.csv: rejects closed by `signin rejects --dismiss`, with why.
std::string dismissed_line(const DismissedReject& dismissed);
std::string dismissed_file(const std::vector<DismissedReject>& dismissed);
void read_dismissed(const fs::path& path, std::string_view display, const std::function<void(DismissedReject&&)>& fn);

/// The whole rejects.csv / sources/manifest.csv for these rows, header first.
std::string rejects_file(const std::vector<StoredReject>& rejects);
std::string sources_file(const std::vector<StoredSource>& sources);

/// Writes the staged signins.csv `staged` again as `relative`, each row passed through `update`
/// (which may change it in place); the first staged copy is dropped. Returns the new one.
StagedFile& restage_signins(WriteSet& writes, StagedFile& staged, const fs::path& relative,
                            const std::function<void(StoredSignin&)>& update);

/// Reads a canonical file, calling `fn` for each row. Throws Error (exit 2) naming file, line
/// and field for a row that is not valid (hand edits are checked, README "The project directory").
void read_signins(const fs::path& path, std::string_view display, const std::function<void(StoredSignin&&)>& fn);
/// read_signins, also refusing a day outside `days` (the session's first and last day).
void read_signins_of(const fs::path& path, std::string_view display, const std::optional<std::pair<Date, Date>>& days,
                     const std::function<void(StoredSignin&&)>& fn);
void read_rejects(const fs::path& path, std::string_view display, const std::function<void(StoredReject&&)>& fn);
void read_sources(const fs::path& path, std::string_view display, const std::function<void(StoredSource&&)>& fn);

/// A plan's attachments manifest (plans/<id>.files/manifest.csv): kind, file, sha256, time, by.
struct StoredAttachment {
  std::string kind, file, sha256, time, by;
};
std::string attachments_header_line();
std::string attachment_line(const StoredAttachment& attachment);
void read_attachments(const fs::path& path, std::string_view display,
                      const std::function<void(StoredAttachment&&)>& fn);

}  // namespace ldt
