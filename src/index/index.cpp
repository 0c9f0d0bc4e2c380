#include "ldt/index/index.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "ldt/domain/category.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/project.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt {

Index::Index(fs::path root) : root_(std::move(root)) {}
Index::~Index() {
  if (in_transaction_) {
    try {
      rollback();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the index stays as it was
    }
  }
}

void Index::rollback() {
  if (!in_transaction_) return;
  insert_signin_.reset();
  db_->exec("ROLLBACK");
  in_transaction_ = false;
}

void Index::update_signin_contact(std::string_view session, const StoredSignin& signin) {
  begin();
  SQLite::Statement update(*db_,
                           "UPDATE signin SET phone = ?, address = ?, updated_at = ? "
                           "WHERE session = ? AND id_number = ? AND day = ?");
  update.bind(1, signin.phone);
  update.bind(2, signin.address);
  update.bind(3, signin.updated_at);
  update.bind(4, std::string(session));
  update.bind(5, signin.id_number);
  update.bind(6, signin.day);
  update.exec();
}

fs::path Index::location(const fs::path& root) {
  auto dir = root / paths::k_index_dir;
  std::error_code ec;
  require_no_link(root, paths::k_index_dir);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw state_error(tr("`.ldt` is not a directory, so the index cannot live there"),
                      tr("delete .ldt (it holds only the disposable index) and run the command again"), dir.string());
  }
  bool writable = fs::exists(dir, ec) ? ::access(dir.c_str(), W_OK) == 0 : ::access(root.c_str(), W_OK) == 0;
  if (writable) return dir / "index.sqlite";
  // A read-only project (a CD, an archive share): the index goes to the user's cache, keyed by
  // the project's path; when that cannot be written either, it lives in memory for one command.
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  fs::path base = cache != nullptr && *cache != '\0' ? fs::path(cache)
                  : home != nullptr && *home != '\0' ? fs::path(home) / ".cache"
                                                     : fs::path();
  if (base.empty()) return {};
  auto cached = base / "ldt" / sha256_hex(fs::absolute(root).string()).substr(0, 16);
  try {
    make_directories(cached);  // 0700: the index holds personal data
  } catch (const Error&) {
    return {};
  }
  if (::access(cached.c_str(), W_OK) != 0) return {};
  return cached / "index.sqlite";
}

std::unique_ptr<Index> Index::open_unrefreshed(const fs::path& root) {
  std::unique_ptr<Index> index(new Index(root));
  auto path = location(root);
  if (path.empty()) {
    index->db_ = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    return index;
  }
  if (path.parent_path() == root / paths::k_index_dir) make_directories(path.parent_path());
  bool created = !fs::exists(path);
  index->db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  if (created) apply_file_mode(path, false);
  index->db_->setBusyTimeout(30000);
  // A 64 MiB page cache keeps the sign-in keys of a large import in memory instead of spilling
  // them to the WAL mid-transaction (bench/README.md).
  index->db_->exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; "
      "PRAGMA cache_size=-65536;");
  return index;
}

std::unique_ptr<Index> Index::open(const fs::path& root, bool rebuild, bool* damaged) {
  auto path = location(root);
  int version = 0;
  if (!rebuild && !path.empty() && fs::exists(path)) {
    std::unique_ptr<Index> index;
    try {
      index = open_unrefreshed(root);
      version = index->db_->execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception&) {
      version = -1;  // not a database (damaged): rebuilt from the files below
      if (damaged != nullptr) *damaged = true;
    }
    if (version == k_schema_version) {
      index->refresh(false);
      return index;
    }
  }
  discard(root);
  auto index = open_unrefreshed(root);
  index->create_schema(false);
  index->refresh(true);
  return index;
}

bool Index::needs_rebuild(const fs::path& root) {
  auto path = location(root);
  if (path.empty() || !fs::exists(path)) return true;
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt() != k_schema_version ||
           db.execAndGet("PRAGMA quick_check(1)").getString() != "ok";
  } catch (const SQLite::Exception&) {
    return true;
  }
}

void Index::discard(const fs::path& root) {
  auto path = location(root);
  if (path.empty()) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
}

void Index::create_schema(bool with_keys) {
  db_->exec(std::string(*resource("index.sql")));
  if (with_keys) db_->exec(std::string(*resource("index-keys.sql")));
  db_->exec(fmt::format("PRAGMA user_version = {}", with_keys ? k_schema_version : 0));
}

void Index::begin() {
  if (!in_transaction_) {
    db_->exec("BEGIN IMMEDIATE");
    in_transaction_ = true;
  }
}

std::int64_t Index::file_id_for(const std::string& relative) {
  begin();
  SQLite::Statement upsert(
      *db_,
      "INSERT INTO file (path, size, mtime_ns, ctime_ns, inode, sha256) VALUES (?, -1, -1, -1, -1, '') "
      "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
  upsert.bind(1, relative);
  upsert.executeStep();
  return upsert.getColumn(0).getInt64();
}

void Index::insert_row(const char* sql, std::initializer_list<std::string> values, std::int64_t file_id) {
  SQLite::Statement statement(*db_, sql);
  int i = 1;
  for (const auto& value : values) statement.bind(i++, value);
  statement.bind(i, file_id);
  statement.exec();
}

void Index::begin_session_signins(std::string_view session) {
  begin_signins(session, file_id_for(record_path("signins", session).generic_string()));
}

void Index::begin_signins(std::string_view session, std::int64_t file_id) {
  begin();
  if (!bulk_loading_) forget_file(file_id, record_path("signins", session).generic_string());
  loading_session_ = session;
  loading_file_id_ = file_id;
  loading_ord_ = 0;
  if (!insert_signin_) {
    insert_signin_ = std::make_unique<SQLite::Statement>(
        *db_,
        "INSERT INTO signin (session, day, id_number, name, gender, birth_date, phone, address, town, village, "
        "categories, signed_at, imported_at, updated_at, ord, file_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }
}

void Index::add_signin(const StoredSignin& s) {
  auto& insert = *insert_signin_;
  insert.reset();
  insert.bindNoCopy(1, loading_session_);
  insert.bindNoCopy(2, s.day);
  insert.bindNoCopy(3, s.id_number);
  insert.bindNoCopy(4, s.name);
  insert.bindNoCopy(5, s.gender);
  insert.bindNoCopy(6, s.birth_date);
  insert.bindNoCopy(7, s.phone);
  insert.bindNoCopy(8, s.address);
  insert.bindNoCopy(9, s.town);
  insert.bindNoCopy(10, s.village);
  insert.bind(11, static_cast<std::int64_t>(category_mask(s.categories)));
  insert.bindNoCopy(12, s.signed_at);
  insert.bindNoCopy(13, s.imported_at);
  insert.bindNoCopy(14, s.updated_at);
  insert.bind(15, static_cast<std::int64_t>(loading_ord_++));
  insert.bind(16, loading_file_id_);
  insert.exec();
}

void Index::replace_session_rejects(std::string_view session, const std::vector<StoredReject>& rejects) {
  replace_rejects(session, file_id_for(record_path("rejects", session).generic_string()), rejects);
}

void Index::replace_session_sources(std::string_view session, const std::vector<StoredSource>& sources) {
  replace_sources(session, file_id_for(record_path("sources", session).generic_string()), sources);
}

void Index::replace_rejects(std::string_view session, std::int64_t file_id, const std::vector<StoredReject>& rejects) {
  forget_file(file_id, record_path("rejects", session).generic_string());
  SQLite::Statement insert(*db_,
                           "INSERT INTO reject (session, source_file, source_sha256, sheet, line, field, code, "
                           "message, imported_at, ord, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int ord = 0;
  for (const auto& r : rejects) {
    insert.reset();
    insert.bind(1, std::string(session));
    insert.bind(2, r.source_file);
    insert.bind(3, r.source_sha256);
    insert.bind(4, r.sheet);
    insert.bind(5, r.line);
    insert.bind(6, r.field);
    insert.bind(7, r.code);
    insert.bind(8, r.message);
    insert.bind(9, r.imported_at);
    insert.bind(10, ord++);
    insert.bind(11, file_id);
    insert.exec();
  }
}

void Index::replace_sources(std::string_view session, std::int64_t file_id, const std::vector<StoredSource>& sources) {
  forget_file(file_id, record_path("sources", session).generic_string());
  SQLite::Statement insert(*db_,
                           "INSERT INTO source (session, sha256, file, stored_as, encoding, imported_at, accepted, "
                           "duplicates, updated, rejected, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& s : sources) {
    insert.reset();
    insert.bind(1, std::string(session));
    insert.bind(2, s.sha256);
    insert.bind(3, s.file);
    insert.bind(4, s.stored_as);
    insert.bind(5, s.encoding);
    insert.bind(6, s.imported_at);
    insert.bind(7, static_cast<std::int64_t>(s.accepted));
    insert.bind(8, static_cast<std::int64_t>(s.duplicates));
    insert.bind(9, static_cast<std::int64_t>(s.updated));
    insert.bind(10, static_cast<std::int64_t>(s.rejected));
    insert.bind(11, file_id);
    insert.exec();
  }
}

}  // namespace ldt
