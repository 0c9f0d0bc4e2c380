// The index kept up from the project's files: which files count, noticing changes
// (size + mtime, then SHA-256), reading a changed file into its tables, and `index verify`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/project.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt {

namespace {
/// A file's stamp: a change of any part means its bytes may have changed.
struct DiskFile {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::int64_t inode = 0;
  bool operator==(const DiskFile&) const = default;
};

std::optional<DiskFile> stat_file(const fs::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; };
  return DiskFile{info.st_size, ns(info.st_mtim), ns(info.st_ctim), static_cast<std::int64_t>(info.st_ino)};
}

DiskFile stamp_of(SQLite::Statement& query, int first) {
  return DiskFile{query.getColumn(first).getInt64(), query.getColumn(first + 1).getInt64(),
                  query.getColumn(first + 2).getInt64(), query.getColumn(first + 3).getInt64()};
}

void bind_stamp(SQLite::Statement& statement, int first, const DiskFile& stamp) {
  statement.bind(first, stamp.size);
  statement.bind(first + 1, stamp.mtime_ns);
  statement.bind(first + 2, stamp.ctime_ns);
  statement.bind(first + 3, stamp.inode);
}

/// The files the index is built from, relative to the root, with their stamps.
std::map<std::string, DiskFile> scan(const fs::path& root) {
  std::map<std::string, DiskFile> files;
  for (const auto& [relative, kind] : scan_record(root)) {
    if (auto disk = stat_file(root / relative)) files.emplace(relative, *disk);
  }
  return files;
}

std::string stamp_text(const DiskFile& stamp) {
  return fmt::format("{} {} {} {}", stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode);
}
}  // namespace

bool Index::needs_refresh(const fs::path& root) {
  auto path = location(root);
  if (path.empty() || !fs::exists(path)) return true;
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    if (db.execAndGet("PRAGMA user_version").getInt() != k_schema_version) return true;
    auto disk = scan(root);
    SQLite::Statement query(db, "SELECT path, size, mtime_ns, ctime_ns, inode FROM file");
    std::size_t known = 0;
    while (query.executeStep()) {
      ++known;
      auto it = disk.find(query.getColumn(0).getString());
      if (it == disk.end() || !(it->second == stamp_of(query, 1))) return true;
    }
    return known != disk.size();
  } catch (const SQLite::Exception&) {
    return true;  // damaged: the refresh rebuilds it
  }
}

std::optional<std::string> Index::journal_stamp() {
  SQLite::Statement query(*db_, "SELECT value FROM state WHERE key = 'journal'");
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

std::optional<std::string> Index::disk_journal_stamp() const {
  auto stamp = stat_file(root_ / paths::k_journal);
  if (!stamp) return std::nullopt;
  return stamp_text(*stamp);
}

void Index::record_journal_stamp(const std::string& head) {
  auto stamp = disk_journal_stamp();
  if (!stamp) return;
  begin();
  SQLite::Statement upsert(*db_,
                           "INSERT INTO state (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"journal", *stamp}, {"journal_head", head}}) {
    upsert.reset();
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.exec();
  }
}

std::string Index::recorded_journal_head() {
  SQLite::Statement query(*db_, "SELECT value FROM state WHERE key = 'journal_head'");
  return query.executeStep() ? query.getColumn(0).getString() : std::string();
}

void Index::refresh(bool bulk) {
  bulk_loading_ = bulk;
  auto disk = scan(root_);
  struct Known {
    std::int64_t id;
    DiskFile stamp;
    std::string sha256;
  };
  std::map<std::string, Known> known;
  {
    SQLite::Statement query(*db_, "SELECT id, path, size, mtime_ns, ctime_ns, inode, sha256 FROM file");
    while (query.executeStep()) {
      known.emplace(query.getColumn(1).getString(),
                    Known{query.getColumn(0).getInt64(), stamp_of(query, 2), query.getColumn(6).getString()});
    }
  }
  try {
    for (const auto& [relative, entry] : known) {
      if (disk.count(relative) == 0) {
        begin();
        forget_file(entry.id, relative);
        SQLite::Statement drop(*db_, "DELETE FROM file WHERE id = ?");
        drop.bind(1, entry.id);
        drop.exec();
      }
    }
    for (const auto& [relative, state] : disk) {
      auto it = known.find(relative);
      if (it != known.end() && it->second.stamp == state) continue;
      begin();
      // Only a file whose stamp changed is hashed, and only one whose bytes changed is read.
      std::string sha = sha256_file(root_ / relative);
      std::int64_t file_id = 0;
      if (it != known.end()) {
        file_id = it->second.id;
        SQLite::Statement update(*db_,
                                 "UPDATE file SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, sha256 = ? "
                                 "WHERE id = ?");
        bind_stamp(update, 1, state);
        update.bind(5, sha);
        update.bind(6, file_id);
        update.exec();
        if (it->second.sha256 == sha) continue;
        forget_file(file_id, relative);
      } else {
        SQLite::Statement insert(*db_,
                                 "INSERT INTO file (path, size, mtime_ns, ctime_ns, inode, sha256) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, relative);
        bind_stamp(insert, 2, state);
        insert.bind(6, sha);
        insert.exec();
        file_id = db_->getLastInsertRowid();
      }
      if (invalid_ == nullptr) {
        index_file(relative, file_id);
        continue;
      }
      // Verifying: every invalid file is listed, and its partial rows are taken back.
      db_->exec("SAVEPOINT one_file");
      try {
        index_file(relative, file_id);
        db_->exec("RELEASE one_file");
      } catch (const Error& error) {
        db_->exec("ROLLBACK TO one_file");
        db_->exec("RELEASE one_file");
        for (const auto& diagnostic : error.diagnostics()) invalid_->push_back(diagnostic);
      }
    }
  } catch (...) {
    if (in_transaction_) {
      db_->exec("ROLLBACK");
      in_transaction_ = false;
    }
    throw;
  }
  if (bulk) {
    begin();
    db_->exec(std::string(*resource("index-keys.sql")));
    db_->exec(fmt::format("PRAGMA user_version = {}", k_schema_version));
  }
  if (in_transaction_) {
    db_->exec("COMMIT");
    in_transaction_ = false;
  }
  bulk_loading_ = false;
  // Statistics for the query planner after a bulk load (incremental refreshes keep them).
  if (bulk) db_->exec("ANALYZE");
}

void Index::forget_file(std::int64_t file_id, const std::string& relative) {
  auto kind = kind_of(relative);
  if (!kind) return;
  for (std::string_view table : kind->first->tables) {
    SQLite::Statement drop(*db_, fmt::format("DELETE FROM {} WHERE file_id = ?", table));
    drop.bind(1, file_id);
    drop.exec();
  }
}

void Index::index_file(const std::string& relative, std::int64_t file_id) {
  auto kind = kind_of(relative);
  if (!kind) return;
  kind->first->load(*this, KindFile{relative, root_ / relative, kind->second, file_id});
}

void Index::commit_files(const std::vector<std::pair<std::string, std::string>>& written) {
  begin();
  for (const auto& [relative, sha256] : written) {
    if (!kind_of(relative)) continue;
    auto state = stat_file(root_ / relative);
    if (!state) continue;
    SQLite::Statement upsert(
        *db_,
        "INSERT INTO file (path, size, mtime_ns, ctime_ns, inode, sha256) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
        "ctime_ns = excluded.ctime_ns, inode = excluded.inode, sha256 = excluded.sha256 "
        "RETURNING id");
    upsert.bind(1, relative);
    bind_stamp(upsert, 2, *state);
    upsert.bind(6, sha256);
    upsert.executeStep();
    std::int64_t file_id = upsert.getColumn(0).getInt64();
    upsert.reset();
    // The sign-ins an import loaded row by row are already indexed; everything else is read back.
    bool loaded = !loading_session_.empty() && relative == record_path("signins", loading_session_).generic_string();
    if (!loaded) {
      forget_file(file_id, relative);
      index_file(relative, file_id);
    }
  }
  insert_signin_.reset();
  loading_session_.clear();
  db_->exec("COMMIT");
  in_transaction_ = false;
}

namespace {
/// Every row of `table` as text with the path of its file, in `schema` (main or fresh).
std::string rows_query(SQLite::Database& db, std::string_view table, std::string_view schema) {
  std::vector<std::string> columns;
  SQLite::Statement info(db, fmt::format("PRAGMA {}.table_info({})", schema, table));
  while (info.executeStep()) {
    std::string name = info.getColumn(1).getString();
    if (name != "file_id") columns.push_back("t." + name);
  }
  return fmt::format("SELECT {}, f.path FROM {}.{} t JOIN {}.file f ON f.id = t.file_id", fmt::join(columns, ", "),
                     schema, table, schema);
}
}  // namespace

VerifyResult Index::verify() {
  VerifyResult result;
  auto disk = scan(root_);
  // 1. The files: every hash, whatever the stamps say.
  std::map<std::string, std::string> known;
  {
    SQLite::Statement query(*db_, "SELECT path, sha256 FROM file ORDER BY path");
    while (query.executeStep()) known.emplace(query.getColumn(0).getString(), query.getColumn(1).getString());
  }
  for (const auto& [relative, sha256] : known) {
    if (disk.count(relative) == 0)
      result.missing.push_back(relative);
    else if (sha256_file(root_ / relative) != sha256)
      result.stale.push_back(relative);
  }
  for (const auto& [relative, state] : disk) {
    if (known.count(relative) == 0) result.unindexed.push_back(relative);
  }
  // 2. The rows: an index built afresh from the files (listing every invalid file) against this one.
  auto scratch = fs::temp_directory_path() / fmt::format("ldt-verify-{}.sqlite", ::getpid());
  std::error_code ec;
  fs::remove(scratch, ec);
  {
    Index fresh(root_);
    fresh.db_ = std::make_unique<SQLite::Database>(scratch.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    fresh.create_schema(false);
    fresh.invalid_ = &result.invalid;
    fresh.refresh(true);
    fresh.check_references(result.dangling);
    fresh.check_archive(result.archive);
  }
  try {
    SQLite::Statement attach(*db_, "ATTACH DATABASE ? AS fresh");
    attach.bind(1, scratch.string());
    attach.exec();
    std::vector<std::string_view> tables;
    for (const auto& kind : record_kinds()) tables.insert(tables.end(), kind.tables.begin(), kind.tables.end());
    for (auto table : tables) {
      auto here = rows_query(*db_, table, "main");
      auto there = rows_query(*db_, table, "fresh");
      auto count = [&](const std::string& sql) { return db_->execAndGet(sql).getInt64(); };
      if (count(fmt::format("SELECT COUNT(*) FROM ({} EXCEPT {})", here, there)) > 0 ||
          count(fmt::format("SELECT COUNT(*) FROM ({} EXCEPT {})", there, here)) > 0 ||
          count(fmt::format("SELECT COUNT(*) FROM main.{}", table)) !=
              count(fmt::format("SELECT COUNT(*) FROM fresh.{}", table))) {
        result.damaged.emplace_back(table);
      }
    }
    db_->exec("DETACH DATABASE fresh");
  } catch (...) {
    fs::remove(scratch, ec);
    throw;
  }
  fs::remove(scratch, ec);
  return result;
}

void Index::check_references(std::vector<std::string>& out) {
  // (file of the referring record, its id, the missing id, what is missing)
  struct Reference {
    const char* sql;
    const char* what;
  };
  static const Reference k_references[] = {
      {"SELECT f.path, t.plan FROM session t JOIN file f ON f.id = t.file_id WHERE t.plan NOT IN (SELECT id FROM plan)",
       tr_noop("plan")},
      {"SELECT f.path, t.provider FROM plan t JOIN file f ON f.id = t.file_id "
       "WHERE t.provider NOT IN (SELECT id FROM provider)",
       tr_noop("provider")},
      {"SELECT f.path, t.provider FROM instructor t JOIN file f ON f.id = t.file_id "
       "WHERE t.provider <> '' AND t.provider NOT IN (SELECT id FROM provider)",
       tr_noop("provider")},
      {"SELECT f.path, t.instructor FROM plan_instructor t JOIN file f ON f.id = t.file_id "
       "WHERE t.instructor NOT IN (SELECT id FROM instructor)",
       tr_noop("instructor")},
      {"SELECT f.path, t.instructor FROM session_instructor t JOIN file f ON f.id = t.file_id "
       "WHERE t.instructor NOT IN (SELECT id FROM instructor)",
       tr_noop("instructor")},
      {"SELECT f.path, t.plan FROM plan_decision t JOIN file f ON f.id = t.file_id "
       "WHERE t.plan NOT IN (SELECT id FROM plan)",
       tr_noop("plan")},
      {"SELECT DISTINCT f.path, t.session FROM signin t JOIN file f ON f.id = t.file_id "
       "WHERE t.session NOT IN (SELECT id FROM session)",
       tr_noop("session")},
      {"SELECT f.path, t.id || '.decision.toml' FROM plan t JOIN file f ON f.id = t.file_id "
       "WHERE t.id NOT IN (SELECT plan FROM plan_decision)",
       tr_noop("decision file")},
  };
  for (const auto& reference : k_references) {
    SQLite::Statement query(*db_, reference.sql);
    while (query.executeStep()) {
      out.push_back(fmt::format(fmt::runtime(tr("{}: refers to {} \"{}\", which does not exist")),
                                query.getColumn(0).getString(), tr(reference.what), query.getColumn(1).getString()));
    }
  }
  // Frozen means frozen (Measures Art. 8.1): an approved plan whose file changed since.
  SQLite::Statement edited(*db_,
                           "SELECT f.path FROM plan p JOIN file f ON f.id = p.file_id JOIN plan_decision d "
                           "ON d.plan = p.id WHERE d.status = 'approved' AND d.approved_sha256 <> f.sha256");
  while (edited.executeStep()) {
    out.push_back(fmt::format("{}: {}", edited.getColumn(0).getString(),
                              tr("changed after its approval (its SHA-256 no longer matches the decision)")));
  }
}

std::vector<ArchiveFileState> Index::archive_states(std::string_view only) {
  using State = ArchiveFileState::State;
  std::vector<ArchiveFileState> out;
  // `size` is the manifest's (documents), -1 when it has none (imported exports).
  auto check = [&](ArchiveFileState entry, long long size) {
    auto path = root_ / entry.path;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(path, ec))) {
      entry.state = State::missing;
    } else if ((size >= 0 && static_cast<long long>(fs::file_size(path, ec)) != size) ||
               sha256_file(path) != entry.sha256) {
      entry.state = State::altered;
    }
    out.push_back(std::move(entry));
  };
  std::vector<std::string> sessions;
  {
    SQLite::Statement q(*db_, "SELECT id FROM session WHERE ? = '' OR id = ? ORDER BY id");
    q.bind(1, std::string(only));
    q.bind(2, std::string(only));
    while (q.executeStep()) sessions.push_back(q.getColumn(0).getString());
  }
  SQLite::Statement documents(
      *db_, "SELECT kind, file, stored, sha256, size FROM archive_document WHERE session = ? ORDER BY ord");
  SQLite::Statement sources(*db_, "SELECT file, stored_as, sha256 FROM source WHERE session = ? ORDER BY stored_as");
  SQLite::Statement survey_sources(
      *db_, "SELECT file, stored_as, sha256 FROM survey_source WHERE session = ? ORDER BY stored_as");
  for (const auto& session : sessions) {
    // Files no manifest lists (a manifest deleted or cut): the record lost track of them.
    auto unlisted = [&](const fs::path& dir, const std::set<std::string>& listed, std::string_view kind) {
      std::error_code ec;
      std::vector<std::string> names;
      for (const auto& entry : fs::directory_iterator(root_ / dir, ec)) {
        auto name = entry.path().filename().string();
        if (name != "manifest.csv" && listed.count(name) == 0) names.push_back(name);
      }
      std::sort(names.begin(), names.end());
      for (const auto& name : names) {
        out.push_back({session, std::string(kind), {}, (dir / name).generic_string(), {}, true, State::unlisted});
      }
    };
    auto archive_dir = record_path("archive", session).parent_path();
    std::set<std::string> listed;
    documents.reset();
    documents.bind(1, session);
    while (documents.executeStep()) {
      auto kind = documents.getColumn(0).getString();
      auto stored = documents.getColumn(2).getString();
      // Two rows may name one stored file (the same bytes archived under two kinds): hashed once each.
      listed.insert(stored);
      check({session, kind, documents.getColumn(1).getString(), (archive_dir / stored).generic_string(),
             documents.getColumn(3).getString(), is_bound(document_kind_from(kind).value_or(DocumentKind::other)),
             State::ok},
            documents.getColumn(4).getInt64());
    }
    unlisted(archive_dir, listed, "other");
    // Imported exports (sign-in sheets, survey downloads): hashed, named by hash, no size kept.
    auto exports = [&](SQLite::Statement& statement, std::string_view manifest_kind, std::string_view kind) {
      auto dir = record_path(manifest_kind, session).parent_path();
      std::set<std::string> stored_names;
      statement.reset();
      statement.bind(1, session);
      while (statement.executeStep()) {
        auto stored = statement.getColumn(1).getString();
        stored_names.insert(stored);
        check({session, std::string(kind), statement.getColumn(0).getString(), (dir / stored).generic_string(),
               statement.getColumn(2).getString(), true, State::ok},
              -1);
      }
      unlisted(dir, stored_names, kind);
    };
    exports(sources, "sources", "signin_export");
    exports(survey_sources, "survey_sources", "survey_export");
  }
  if (!only.empty()) return out;
  // The follow-up sheets belong to no session (followups/sources/).
  const auto followup_dir = record_path("followup_sources").parent_path();
  std::set<std::string> followup_names;
  SQLite::Statement followups(*db_, "SELECT file, stored_as, sha256 FROM followup_source ORDER BY stored_as");
  while (followups.executeStep()) {
    auto stored = followups.getColumn(1).getString();
    followup_names.insert(stored);
    check({{},
           "followup_export",
           followups.getColumn(0).getString(),
           (followup_dir / stored).generic_string(),
           followups.getColumn(2).getString(),
           true,
           State::ok},
          -1);
  }
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root_ / followup_dir, ec)) {
    auto name = entry.path().filename().string();
    if (name != "manifest.csv" && followup_names.count(name) == 0) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    out.push_back({{}, "followup_export", {}, (followup_dir / name).generic_string(), {}, true, State::unlisted});
  }
  return out;
}

void Index::check_archive(std::vector<std::string>& out) {
  for (const auto& entry : archive_states()) {
    switch (entry.state) {
      case ArchiveFileState::State::ok:
        break;
      case ArchiveFileState::State::missing:
        out.push_back(fmt::format("{}: {}", entry.path, tr("archived file is missing")));
        break;
      case ArchiveFileState::State::altered:
        out.push_back(fmt::format("{}: {}", entry.path,
                                  tr("archived file was altered (its SHA-256 no longer matches the manifest)")));
        break;
      case ArchiveFileState::State::unlisted:
        out.push_back(fmt::format(fmt::runtime(tr("{}: archived, but no manifest lists it ({} deleted or cut?)")),
                                  entry.path, fs::path(entry.path).parent_path().generic_string() + "/manifest.csv"));
        break;
    }
  }
  auto check = [&](const fs::path& relative, const std::string& sha256) {
    auto path = root_ / relative;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(path, ec))) {
      out.push_back(fmt::format("{}: {}", relative.generic_string(), tr("archived file is missing")));
    } else if (sha256_file(path) != sha256) {
      out.push_back(fmt::format("{}: {}", relative.generic_string(),
                                tr("archived file was altered (its SHA-256 no longer matches the manifest)")));
    }
  };
  SQLite::Statement plans(*db_, "SELECT id FROM plan ORDER BY id");
  while (plans.executeStep()) {
    auto dir = paths::plan_files(plans.getColumn(0).getString());
    if (!fs::exists(root_ / dir / "manifest.csv")) continue;
    try {
      read_attachments(root_ / dir / "manifest.csv", (dir / "manifest.csv").generic_string(),
                       [&](StoredAttachment&& a) { check(dir / a.file, a.sha256); });
    } catch (const Error& error) {
      for (const auto& diagnostic : error.diagnostics()) out.push_back(format_diagnostic(diagnostic));
    }
  }
}

}  // namespace ldt
