#pragma once
/// The registry of record kinds: every kind of file the project's record holds and the index is
/// built from — its path pattern, its schema, the index tables it owns and its reader (file →
/// rows). Scanning, change detection, forgetting and re-reading a file, the paths commands
/// use and the record `--output` may never overwrite all come from this one list (README
/// "Design": adding a kind is one entry here, its reader, its JSON Schema and its tables in
/// schemas/index.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/util/fs.hpp"

namespace ldt {

class Index;

/// A file of a kind being read into the index.
struct KindFile {
  std::string relative;  ///< path relative to the root, '/' separated
  fs::path path;         ///< absolute path
  std::string id;        ///< what the pattern's `*` matched (the record's id, or its session's)
  std::int64_t file_id = 0;
};

/// One kind of record file.
struct RecordKind {
  std::string_view name;  ///< "provider", "signins", …
  /// Relative path; one path segment may hold one `*`, which matches the id (non-empty, no '/').
  std::string_view pattern;
  std::string_view schema;               ///< schemas/<schema>.schema.json for a TOML kind; empty for CSV kinds
  std::vector<std::string_view> tables;  ///< index tables it owns: their rows carry `file_id`
  /// Reads the file into the kind's tables. Throws Error (exit 2) with file:line: field when the
  /// file is invalid.
  void (*load)(Index& index, const KindFile& file);

  /// The path of the record with `id`: the pattern with `*` replaced.
  [[nodiscard]] fs::path path(std::string_view id = {}) const;
  /// The id when `relative` is a file of this kind; nullopt otherwise.
  [[nodiscard]] std::optional<std::string> match(std::string_view relative) const;
};

/// Every kind, in the order they are matched (the first match wins) and indexed.
const std::vector<RecordKind>& record_kinds();
/// The kind called `name`; throws internal_error for an unknown name (a bug).
const RecordKind& record_kind(std::string_view name);
/// The kind of a relative path, with the id it matched; nullopt when the index ignores it.
std::optional<std::pair<const RecordKind*, std::string>> kind_of(std::string_view relative);
/// Shorthand: record_kind(kind).path(id), e.g. record_path("session", "s1") = sessions/s1/session.toml.
fs::path record_path(std::string_view kind, std::string_view id = {});
/// The project's files of every kind that exist, relative to the root, with their kind.
std::vector<std::pair<std::string, const RecordKind*>> scan_record(const fs::path& root);
/// The top-level names of the record (ldt.toml, journal.jsonl, providers, sessions, …, .ldt):
/// what an --output file must never land in.
std::vector<std::string> record_top_level_names();

}  // namespace ldt
