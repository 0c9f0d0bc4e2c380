-- ldt index schema. The index is a disposable cache of the project's files (README "The project
-- directory"). Every table is owned by one record kind (index/kinds.cpp); its rows carry the
-- file_id of the file they were read from, so a changed file is forgotten by file_id.
-- Its version is PRAGMA user_version; on mismatch ldt drops and rebuilds it from the files.
-- Secondary indexes live in index-keys.sql so a rebuild can load first and index after.
-- A file's stamp (size, mtime, ctime, inode) as last indexed: a changed stamp means "hash it
-- again"; a same-size edit with its mtime restored (touch -r) still changes the ctime.
CREATE TABLE file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,      -- relative to the project root, '/' separated
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  ctime_ns INTEGER NOT NULL,
  inode INTEGER NOT NULL,
  sha256 TEXT NOT NULL
);
-- What the index knows of files that are not record kinds, by name: 'journal' holds the stamp
-- of journal.jsonl whose hash chain was last verified (value: "size mtime ctime inode").
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE provider (id TEXT PRIMARY KEY, name TEXT NOT NULL, file_id INTEGER NOT NULL);
CREATE TABLE instructor (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, provider TEXT NOT NULL,
  credentials INTEGER NOT NULL, file_id INTEGER NOT NULL
);
CREATE TABLE plan (
  id TEXT PRIMARY KEY, provider TEXT NOT NULL, title TEXT NOT NULL,
  window_start TEXT NOT NULL, window_end TEXT NOT NULL, file_id INTEGER NOT NULL
);
CREATE TABLE plan_instructor (plan TEXT NOT NULL, instructor TEXT NOT NULL, file_id INTEGER NOT NULL);
CREATE TABLE plan_decision (
  plan TEXT PRIMARY KEY, status TEXT NOT NULL, submitted_at TEXT NOT NULL, decided_at TEXT,
  approved_sha256 TEXT, file_id INTEGER NOT NULL
);
CREATE TABLE session (
  id TEXT PRIMARY KEY, plan TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
  location TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, file_id INTEGER NOT NULL
);
CREATE TABLE session_instructor (session TEXT NOT NULL, instructor TEXT NOT NULL, file_id INTEGER NOT NULL);
-- One row per trainee and day (sessions/<id>/signins.csv). categories: bit i = Category i.
CREATE TABLE signin (
  session TEXT NOT NULL, day TEXT NOT NULL, id_number TEXT NOT NULL, name TEXT NOT NULL,
  gender TEXT NOT NULL, birth_date TEXT NOT NULL, phone TEXT NOT NULL, address TEXT NOT NULL,
  town TEXT NOT NULL, village TEXT NOT NULL, categories INTEGER NOT NULL, signed_at TEXT NOT NULL,
  imported_at TEXT NOT NULL, updated_at TEXT NOT NULL, ord INTEGER NOT NULL, file_id INTEGER NOT NULL
);
CREATE TABLE reject (
  session TEXT NOT NULL, source_file TEXT NOT NULL, source_sha256 TEXT NOT NULL, sheet TEXT NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, imported_at TEXT NOT NULL,
  ord INTEGER NOT NULL, file_id INTEGER NOT NULL
);
CREATE TABLE source (
  session TEXT NOT NULL, sha256 TEXT NOT NULL, file TEXT NOT NULL, stored_as TEXT NOT NULL,
  encoding TEXT NOT NULL, imported_at TEXT NOT NULL, accepted INTEGER NOT NULL,
  duplicates INTEGER NOT NULL, updated INTEGER NOT NULL, rejected INTEGER NOT NULL, file_id INTEGER NOT NULL
);
-- Corrections of trainees' names (trainees/renames.csv), oldest first.
CREATE TABLE trainee_name (id_number TEXT NOT NULL, name TEXT NOT NULL, ord INTEGER NOT NULL, file_id INTEGER NOT NULL);
-- One row per excused absence (sessions/<id>/leave.csv).
CREATE TABLE leave (
  session TEXT NOT NULL, id_number TEXT NOT NULL, day TEXT NOT NULL, reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL, by TEXT NOT NULL, file_id INTEGER NOT NULL
);
-- One row per archived document (sessions/<id>/archive/manifest.csv), in manifest order.
CREATE TABLE archive_document (
  session TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL, stored TEXT NOT NULL, sha256 TEXT NOT NULL,
  size INTEGER NOT NULL, at TEXT NOT NULL, attached_at TEXT NOT NULL, by TEXT NOT NULL, person_times INTEGER,
  instructor TEXT NOT NULL, ord INTEGER NOT NULL, file_id INTEGER NOT NULL
);
-- One row per survey response (sessions/<id>/surveys.csv); answers as "id=value" joined by U+001F.
CREATE TABLE survey_response (
  session TEXT NOT NULL, trainee TEXT NOT NULL, submitted_at TEXT NOT NULL, serial TEXT NOT NULL,
  recorded_at TEXT NOT NULL, answers TEXT NOT NULL, ord INTEGER NOT NULL, file_id INTEGER NOT NULL
);
-- Imported survey exports (sessions/<id>/survey_sources/manifest.csv).
CREATE TABLE survey_source (
  session TEXT NOT NULL, sha256 TEXT NOT NULL, file TEXT NOT NULL, stored_as TEXT NOT NULL, file_id INTEGER NOT NULL
);
-- One row per follow-up (跟踪孵化记录, followups/<yyyy>.csv).
CREATE TABLE followup (
  trainee TEXT NOT NULL, date TEXT NOT NULL, method TEXT NOT NULL, staff TEXT NOT NULL, shop_opened TEXT NOT NULL,
  shop_name TEXT NOT NULL, platform TEXT NOT NULL, shop_url TEXT NOT NULL, monthly_sales TEXT NOT NULL,
  employed TEXT NOT NULL, service TEXT NOT NULL, note TEXT NOT NULL, recorded_at TEXT NOT NULL, by TEXT NOT NULL,
  ord INTEGER NOT NULL, file_id INTEGER NOT NULL
);
-- Imported follow-up sheets (followups/sources/manifest.csv).
CREATE TABLE followup_source (sha256 TEXT NOT NULL, file TEXT NOT NULL, stored_as TEXT NOT NULL, file_id INTEGER NOT NULL);
