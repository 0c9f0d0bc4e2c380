#pragma once
/// The import engine: exports of one session → normalised rows, duplicates and conflicts
/// decided, rejects kept and closed (the fix loop), contacts updated (README "Importing
/// sign-in sheets"). It holds the run's state; the caller gives it the session's stored
/// record, takes the accepted sign-ins through a sink, and writes the files. No project files,
/// no index: the command wires those.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ldt/domain/signin.hpp"
#include "ldt/ingest/deduper.hpp"
#include "ldt/ingest/encoding.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/import_run.hpp"
#include "ldt/ingest/signin_rows.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// Receives every newly accepted sign-in, in file order.
using SigninSink = std::function<void(const StoredSignin&)>;

class SigninImport {
 public:
  /// `columns` is the sheet's vocabulary; `now` and `actor` are recorded with what is stored;
  /// `lookup` answers what the project knows of a trainee outside the session (may be empty).
  SigninImport(ImportSession session, const ColumnVocabulary& columns, EncodingChoice encoding, std::string now,
               std::string actor, SigninDeduper::Lookup lookup);

  /// The session's stored record, before any file: sign-ins, open rejects, imported sources.
  void add_stored(const StoredSignin& signin);
  void add_open_reject(StoredReject reject);
  void add_source(StoredSource source);

  /// Imports one export: each accepted sign-in goes to `sink`. `bytes` is the file read (the
  /// staged copy, so that what is parsed is what is archived), `given` the path the user gave
  /// (its name is recorded; messages name it), `sha256` the hash of `bytes`. Throws Error (exit
  /// 2) naming the file when it cannot be read, or has no header with a name and an ID number column.
  const FileReport& import_file(const fs::path& bytes, const std::string& given, const std::string& sha256,
                                const SigninSink& sink);
  /// The sheets of a workbook to import (`--sheet`): names, or `#N` for the N-th sheet. Empty:
  /// every visible sheet with a header. A name that no sheet has refuses the file (exit 2).
  void choose_sheets(std::vector<std::string> sheets) { chosen_sheets_ = std::move(sheets); }

  /// The same, reading and hashing the file at `path` itself.
  const FileReport& import_file(const std::string& path, const SigninSink& sink) {
    return import_file(path, path, sha256_file(path), sink);
  }

  /// Applies the newest phone and address that repeated rows brought to `signin`; true when
  /// this import changed it (its `updated_at` is then set).
  bool apply_update(StoredSignin& signin) const;
  [[nodiscard]] bool has_updates() const { return !updates_.empty(); }

  [[nodiscard]] const std::vector<StoredReject>& open_rejects() const { return open_rejects_; }
  [[nodiscard]] const std::vector<StoredSource>& sources() const { return sources_; }
  [[nodiscard]] const std::vector<FileReport>& reports() const { return reports_; }
  [[nodiscard]] const ImportSession& session() const { return session_; }
  /// Rejected rows over all files of the run.
  [[nodiscard]] long long rejected() const;

 private:
  using Origin = RejectOrigin;
  /// Where the rows being imported come from: their file's report, sheet (empty for CSV) and
  /// the session facts with the sheet's day.
  struct Place {
    FileReport& report;
    const std::string& sheet;
    const ImportSession& session;
  };
  /// The header among the first records of a file or sheet, or why there is none.
  struct HeaderSearch {
    std::optional<HeaderMap> header;
    std::string problem, hint;
    int line = 0;
  };
  [[nodiscard]] HeaderSearch search_header(const std::vector<Record>& head) const;
  /// Imports the records after the header: those read ahead in `head`, then the rest from `next`.
  void import_rows(const Place& place, const HeaderMap& header, const std::vector<Record>& head,
                   const std::function<bool(Record&)>& next, const SigninSink& sink);
  void import_workbook(FileReport& report, SourceFormat format, const fs::path& bytes, const std::string& given,
                       const SigninSink& sink);
  void import_record(const Place& place, const HeaderMap& header, const Record& record, const SigninSink& sink);
  /// True when the fix-file row `record` is the row `reject` kept: the same name or the same
  /// ID number (a correction changes one of them at most).
  [[nodiscard]] bool same_row(const StoredReject& reject, const HeaderMap& header, const Record& record) const;

  ImportSession session_;
  const ColumnVocabulary& columns_;
  EncodingChoice encoding_;
  std::string now_, actor_;
  SigninDeduper deduper_;
  std::vector<StoredReject> open_rejects_;
  std::vector<StoredSource> sources_;
  /// (id_number, day) → the row carrying a new phone or address.
  std::map<std::pair<std::string, std::string>, StoredSignin> updates_;
  std::vector<FileReport> reports_;
  std::vector<std::string> chosen_sheets_;
};

}  // namespace ldt
