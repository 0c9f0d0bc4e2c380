// The index kept up from the project's files: which files count, noticing changes
// (size + mtime, then SHA-256), reading a changed file into its tables, and `index verify`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <map>

#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/project.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt {

namespace {
struct DiskFile {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<DiskFile> stat_file(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return DiskFile{info.st_size, static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

/// The files the index is built from, relative to the root, with their size and mtime.
std::map<std::string, DiskFile> scan(const fs::path& root) {
  std::map<std::string, DiskFile> files;
  for (const auto& [relative, kind] : scan_record(root)) {
    if (auto disk = stat_file(root / relative)) files.emplace(relative, *disk);
  }
  return files;
}
}  // namespace

bool Index::needs_refresh(const fs::path& root) {
  auto path = root / paths::k_index_dir / "index.sqlite";
  if (!fs::exists(path)) return true;
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    if (db.execAndGet("PRAGMA user_version").getInt() != k_schema_version) return true;
    auto disk = scan(root);
    SQLite::Statement query(db, "SELECT path, size, mtime_ns FROM file");
    std::size_t known = 0;
    while (query.executeStep()) {
      ++known;
      auto it = disk.find(query.getColumn(0).getString());
      if (it == disk.end() || it->second.size != query.getColumn(1).getInt64() ||
          it->second.mtime_ns != query.getColumn(2).getInt64()) {
        return true;
      }
    }
    return known != disk.size();
  } catch (const SQLite::Exception&) {
    return true;  // damaged: the refresh rebuilds it
  }
}

void Index::refresh(bool bulk) {
  bulk_loading_ = bulk;
  auto disk = scan(root_);
  struct Known {
    std::int64_t id, size, mtime_ns;
    std::string sha256;
  };
  std::map<std::string, Known> known;
  {
    SQLite::Statement query(*db_, "SELECT id, path, size, mtime_ns, sha256 FROM file");
    while (query.executeStep()) {
      known.emplace(query.getColumn(1).getString(),
                    Known{query.getColumn(0).getInt64(), query.getColumn(2).getInt64(), query.getColumn(3).getInt64(),
                          query.getColumn(4).getString()});
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
      if (it != known.end() && it->second.size == state.size && it->second.mtime_ns == state.mtime_ns) continue;
      begin();
      std::string sha = sha256_file(root_ / relative);
      std::int64_t file_id = 0;
      if (it != known.end()) {
        file_id = it->second.id;
        SQLite::Statement update(*db_, "UPDATE file SET size = ?, mtime_ns = ?, sha256 = ? WHERE id = ?");
        update.bind(1, state.size);
        update.bind(2, state.mtime_ns);
        update.bind(3, sha);
        update.bind(4, file_id);
        update.exec();
        if (it->second.sha256 == sha) continue;
        forget_file(file_id, relative);
      } else {
        SQLite::Statement insert(*db_, "INSERT INTO file (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)");
        insert.bind(1, relative);
        insert.bind(2, state.size);
        insert.bind(3, state.mtime_ns);
        insert.bind(4, sha);
        insert.exec();
        file_id = db_->getLastInsertRowid();
      }
      index_file(relative, file_id);
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
    SQLite::Statement upsert(*db_,
                             "INSERT INTO file (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
                             "sha256 = excluded.sha256 RETURNING id");
    upsert.bind(1, relative);
    upsert.bind(2, state->size);
    upsert.bind(3, state->mtime_ns);
    upsert.bind(4, sha256);
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

VerifyResult Index::verify() {
  VerifyResult result;
  auto disk = scan(root_);
  std::map<std::string, std::pair<std::int64_t, std::string>> known;
  SQLite::Statement query(*db_, "SELECT path, size, sha256 FROM file ORDER BY path");
  while (query.executeStep()) {
    known.emplace(query.getColumn(0).getString(),
                  std::make_pair(query.getColumn(1).getInt64(), query.getColumn(2).getString()));
  }
  for (const auto& [relative, entry] : known) {
    auto it = disk.find(relative);
    if (it == disk.end())
      result.missing.push_back(relative);
    else if (it->second.size != entry.first || sha256_file(root_ / relative) != entry.second)
      result.stale.push_back(relative);
  }
  for (const auto& [relative, state] : disk) {
    if (known.count(relative) == 0) result.unindexed.push_back(relative);
  }
  return result;
}

}  // namespace ldt
