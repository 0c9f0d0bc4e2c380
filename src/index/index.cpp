#include "ldt/index/index.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <map>

#include "ldt/domain/category.hpp"
#include "ldt/project/project.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/resources.hpp"

namespace ldt {

namespace {
constexpr int k_schema_version = 1;

struct DiskFile {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<DiskFile> stat_file(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return DiskFile{info.st_size, static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

/// The files the index is built from, relative to the root.
std::map<std::string, DiskFile> scan(const fs::path& root) {
  std::map<std::string, DiskFile> files;
  auto add = [&](const fs::path& relative) {
    if (auto disk = stat_file(root / relative)) files.emplace(relative.generic_string(), *disk);
  };
  add(paths::k_settings);
  auto toml_files = [&](const char* dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root / dir, ec)) {
      if (entry.path().extension() == ".toml") add(fs::path(dir) / entry.path().filename());
    }
  };
  toml_files("providers");
  toml_files("instructors");
  toml_files("plans");
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root / "sessions", ec)) {
    if (!entry.is_directory()) continue;
    auto id = entry.path().filename().string();
    add(paths::session(id));
    add(paths::signins(id));
    add(paths::rejects(id));
    add(paths::sources_manifest(id));
  }
  return files;
}

std::string stem_before(const std::string& name, std::string_view suffix) {
  return name.substr(0, name.size() - suffix.size());
}

void require_id_matches(std::string_view id, std::string_view expected, const std::string& relative) {
  if (id != expected) {
    throw input_error(fmt::format(fmt::runtime(tr("id \"{}\" does not match the file name \"{}\"")), id, expected),
                      tr("rename the file or change the id so that they agree"), relative, 0, "id");
  }
}
}  // namespace

bool is_indexed_path(std::string_view relative) {
  fs::path path(relative);
  auto name = path.filename().string();
  auto top = path.begin()->string();
  if (relative == paths::k_settings) return true;
  if (top == "providers" || top == "instructors" || top == "plans") {
    return path.extension() == ".toml" && std::distance(path.begin(), path.end()) == 2;
  }
  if (top != "sessions") return false;
  auto depth = std::distance(path.begin(), path.end());
  if (depth == 3) return name == "session.toml" || name == "signins.csv" || name == "rejects.csv";
  return depth == 4 && name == "manifest.csv" && path.parent_path().filename() == "sources";
}

std::uint32_t category_mask(std::string_view ids) {
  std::uint32_t mask = 0;
  while (!ids.empty()) {
    auto end = ids.find(';');
    auto word = ids.substr(0, end);
    if (auto category = category_from_id(word)) mask |= 1U << static_cast<int>(*category);
    if (end == std::string_view::npos) break;
    ids.remove_prefix(end + 1);
  }
  return mask;
}

std::string category_ids(std::uint32_t mask) {
  std::string out;
  for (int i = 0; i < k_category_count; ++i) {
    if ((mask & (1U << i)) == 0) continue;
    if (!out.empty()) out += ';';
    out += category_id(static_cast<Category>(i));
  }
  return out;
}

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
  SQLite::Statement update(*db_, "UPDATE signin SET phone = ?, address = ?, updated_at = ? "
                                 "WHERE session = ? AND id_number = ? AND day = ?");
  update.bind(1, signin.phone);
  update.bind(2, signin.address);
  update.bind(3, signin.updated_at);
  update.bind(4, std::string(session));
  update.bind(5, signin.id_number);
  update.bind(6, signin.day);
  update.exec();
}

std::unique_ptr<Index> Index::open_unrefreshed(const fs::path& root) {
  std::unique_ptr<Index> index(new Index(root));
  fs::create_directories(root / paths::k_index_dir);
  auto path = root / paths::k_index_dir / "index.sqlite";
  index->db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  index->db_->setBusyTimeout(30000);
  // A 64 MiB page cache keeps the sign-in keys of a large import in memory instead of spilling
  // them to the WAL mid-transaction (bench/README.md).
  index->db_->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; "
                   "PRAGMA cache_size=-65536;");
  return index;
}

std::unique_ptr<Index> Index::open(const fs::path& root, bool rebuild) {
  auto path = root / paths::k_index_dir / "index.sqlite";
  int version = 0;
  if (!rebuild && fs::exists(path)) {
    std::unique_ptr<Index> index;
    try {
      index = open_unrefreshed(root);
      version = index->db_->execAndGet("PRAGMA user_version").getInt();
    } catch (const SQLite::Exception&) {
      version = -1;  // not a database (damaged): rebuilt from the files below
    }
    if (version == k_schema_version) {
      index->refresh(false);
      return index;
    }
  }
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
  auto index = open_unrefreshed(root);
  index->create_schema(false);
  index->refresh(true);
  return index;
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
                    Known{query.getColumn(0).getInt64(), query.getColumn(2).getInt64(),
                          query.getColumn(3).getInt64(), query.getColumn(4).getString()});
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
  fs::path path(relative);
  auto name = path.filename().string();
  if (relative.starts_with("sessions/") && name != "session.toml") {
    auto session = path.parent_path().filename().string();
    const char* table = name == "signins.csv" ? "signin" : name == "rejects.csv" ? "reject" : "source";
    if (name == "manifest.csv") session = path.parent_path().parent_path().filename().string();
    delete_session_rows(table, session);
    return;
  }
  for (const char* table : {"provider", "instructor", "plan", "plan_instructor", "plan_decision", "session",
                            "session_instructor"}) {
    SQLite::Statement drop(*db_, fmt::format("DELETE FROM {} WHERE file_id = ?", table));
    drop.bind(1, file_id);
    drop.exec();
  }
}

void Index::index_file(const std::string& relative, std::int64_t file_id) {
  fs::path path(relative);
  auto name = path.filename().string();
  auto exec = [&](const char* sql, std::initializer_list<std::string> values) {
    SQLite::Statement statement(*db_, sql);
    int i = 1;
    for (const auto& value : values) statement.bind(i++, value);
    statement.bind(i, file_id);
    statement.exec();
  };
  if (relative == paths::k_settings) {
    read_settings(read_file(root_ / relative, relative), relative);
  } else if (relative.starts_with("providers/")) {
    Provider provider = read_provider(read_file(root_ / relative, relative), relative);
    require_id_matches(provider.id, stem_before(name, ".toml"), relative);
    exec("INSERT INTO provider (id, name, file_id) VALUES (?, ?, ?)", {provider.id, provider.name});
  } else if (relative.starts_with("instructors/")) {
    Instructor instructor = read_instructor(read_file(root_ / relative, relative), relative);
    require_id_matches(instructor.id, stem_before(name, ".toml"), relative);
    exec("INSERT INTO instructor (id, name, role, provider, credentials, file_id) VALUES (?, ?, ?, ?, ?, ?)",
         {instructor.id, instructor.name, std::string(to_string(instructor.role)), instructor.provider,
          std::to_string(instructor.credentials.size())});
  } else if (relative.starts_with("plans/") && name.ends_with(".decision.toml")) {
    PlanDecision decision = read_plan_decision(read_file(root_ / relative, relative), relative);
    require_id_matches(decision.plan, stem_before(name, ".decision.toml"), relative);
    exec("INSERT INTO plan_decision (plan, status, submitted_at, decided_at, approved_sha256, file_id) "
         "VALUES (?, ?, ?, ?, ?, ?)",
         {decision.plan, std::string(to_string(decision.status)), format_datetime(decision.submitted_at),
          decision.decided_at ? format_datetime(*decision.decided_at) : std::string(), decision.approved_sha256});
  } else if (relative.starts_with("plans/")) {
    Plan plan = read_plan(read_file(root_ / relative, relative), relative);
    require_id_matches(plan.id, stem_before(name, ".toml"), relative);
    exec("INSERT INTO plan (id, provider, title, window_start, window_end, file_id) VALUES (?, ?, ?, ?, ?, ?)",
         {plan.id, plan.provider, plan.title, format_date(plan.window_start), format_date(plan.window_end)});
    for (const auto& instructor : plan.instructors) {
      exec("INSERT INTO plan_instructor (plan, instructor, file_id) VALUES (?, ?, ?)", {plan.id, instructor});
    }
  } else if (name == "session.toml") {
    Session session = read_session(read_file(root_ / relative, relative), relative);
    require_id_matches(session.id, path.parent_path().filename().string(), relative);
    exec("INSERT INTO session (id, plan, start, end, location, mode, status, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {session.id, session.plan, format_datetime(session.start), format_datetime(session.end), session.location,
          std::string(to_string(session.mode)), std::string(to_string(session.status))});
    for (const auto& instructor : session.instructors) {
      exec("INSERT INTO session_instructor (session, instructor, file_id) VALUES (?, ?, ?)",
           {session.id, instructor});
    }
  } else if (name == "signins.csv") {
    begin_session_signins(path.parent_path().filename().string());
    read_signins(root_ / relative, relative, [&](StoredSignin&& signin) { add_signin(signin); });
  } else if (name == "rejects.csv") {
    std::vector<StoredReject> rejects;
    read_rejects(root_ / relative, relative, [&](StoredReject&& reject) { rejects.push_back(std::move(reject)); });
    replace_session_rejects(path.parent_path().filename().string(), rejects);
  } else if (name == "manifest.csv") {
    std::vector<StoredSource> sources;
    read_sources(root_ / relative, relative, [&](StoredSource&& source) { sources.push_back(std::move(source)); });
    replace_session_sources(path.parent_path().parent_path().filename().string(), sources);
  }
}

void Index::begin_session_signins(std::string_view session) {
  begin();
  if (!bulk_loading_) delete_session_rows("signin", session);  // a rebuild starts empty, without keys
  loading_session_ = session;
  loading_ord_ = 0;
  if (!insert_signin_) {
    insert_signin_ = std::make_unique<SQLite::Statement>(
        *db_,
        "INSERT INTO signin (session, day, id_number, name, gender, birth_date, phone, address, town, village, "
        "categories, signed_at, imported_at, updated_at, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
  insert.exec();
}

void Index::delete_session_rows(const char* table, std::string_view session) {
  begin();
  SQLite::Statement drop(*db_, fmt::format("DELETE FROM {} WHERE session = ?", table));
  drop.bind(1, std::string(session));
  drop.exec();
}

void Index::replace_session_rejects(std::string_view session, const std::vector<StoredReject>& rejects) {
  delete_session_rows("reject", session);
  SQLite::Statement insert(*db_,
                           "INSERT INTO reject (session, source_file, source_sha256, line, field, code, message, "
                           "imported_at, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int ord = 0;
  for (const auto& r : rejects) {
    insert.reset();
    insert.bind(1, std::string(session));
    insert.bind(2, r.source_file);
    insert.bind(3, r.source_sha256);
    insert.bind(4, r.line);
    insert.bind(5, r.field);
    insert.bind(6, r.code);
    insert.bind(7, r.message);
    insert.bind(8, r.imported_at);
    insert.bind(9, ord++);
    insert.exec();
  }
}

void Index::replace_session_sources(std::string_view session, const std::vector<StoredSource>& sources) {
  delete_session_rows("source", session);
  SQLite::Statement insert(*db_,
                           "INSERT INTO source (session, sha256, file, stored_as, encoding, imported_at, accepted, "
                           "duplicates, updated, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    insert.exec();
  }
}

void Index::commit_files(const std::vector<std::pair<std::string, std::string>>& written) {
  begin();
  for (const auto& [relative, sha256] : written) {
    if (!is_indexed_path(relative)) continue;
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
    bool loaded = !loading_session_.empty() && relative == paths::signins(loading_session_).generic_string();
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
    if (it == disk.end()) result.missing.push_back(relative);
    else if (it->second.size != entry.first || sha256_file(root_ / relative) != entry.second)
      result.stale.push_back(relative);
  }
  for (const auto& [relative, state] : disk) {
    if (known.count(relative) == 0) result.unindexed.push_back(relative);
  }
  return result;
}

}  // namespace ldt
