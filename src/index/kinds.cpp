// The registry of record kinds and their readers (file → index rows). README "Design".
#include "ldt/index/kinds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "ldt/index/index.hpp"
#include "ldt/project/archive_store.hpp"
#include "ldt/project/followup_store.hpp"
#include "ldt/project/leave_store.hpp"
#include "ldt/project/project.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/removal_store.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/project/survey_store.hpp"
#include "ldt/project/trainee_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

/// The readers of the kinds; friends of Index, so that only they and Index write its tables.
struct KindLoaders {
  static void require_id_matches(std::string_view id, const KindFile& file) {
    if (id != file.id) {
      throw input_error(fmt::format(fmt::runtime(tr("id \"{}\" does not match the file name \"{}\"")), id, file.id),
                        tr("rename the file or change the id so that they agree"), file.relative, 0, "id");
    }
  }

  static std::string text(const KindFile& file) { return read_file(file.path, file.relative); }

  static void settings(Index&, const KindFile& file) { read_settings(text(file), file.relative); }

  static void provider(Index& index, const KindFile& file) {
    Provider provider = read_provider(text(file), file.relative);
    require_id_matches(provider.id, file);
    index.insert_row("INSERT INTO provider (id, name, file_id) VALUES (?, ?, ?)", {provider.id, provider.name},
                     file.file_id);
  }

  static void instructor(Index& index, const KindFile& file) {
    Instructor instructor = read_instructor(text(file), file.relative);
    require_id_matches(instructor.id, file);
    index.insert_row(
        "INSERT INTO instructor (id, name, role, provider, credentials, file_id) VALUES (?, ?, ?, ?, ?, ?)",
        {instructor.id, instructor.name, std::string(to_string(instructor.role)), instructor.provider,
         std::to_string(instructor.credentials.size())},
        file.file_id);
  }

  static void plan_decision(Index& index, const KindFile& file) {
    PlanDecision decision = read_plan_decision(text(file), file.relative);
    require_id_matches(decision.plan, file);
    index.insert_row(
        "INSERT INTO plan_decision (plan, status, submitted_at, decided_at, approved_sha256, file_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {decision.plan, std::string(to_string(decision.status)), format_datetime(decision.submitted_at),
         decision.decided_at ? format_datetime(*decision.decided_at) : std::string(), decision.approved_sha256},
        file.file_id);
  }

  static void plan(Index& index, const KindFile& file) {
    Plan plan = read_plan(text(file), file.relative);
    require_id_matches(plan.id, file);
    index.insert_row(
        "INSERT INTO plan (id, provider, title, window_start, window_end, file_id) VALUES (?, ?, ?, ?, ?, ?)",
        {plan.id, plan.provider, plan.title, format_date(plan.window_start), format_date(plan.window_end)},
        file.file_id);
    for (const auto& instructor : plan.instructors) {
      index.insert_row("INSERT INTO plan_instructor (plan, instructor, file_id) VALUES (?, ?, ?)",
                       {plan.id, instructor}, file.file_id);
    }
  }

  static void session(Index& index, const KindFile& file) {
    Session session = read_session(text(file), file.relative);
    require_id_matches(session.id, file);
    index.insert_row(
        "INSERT INTO session (id, plan, start, end, location, mode, status, file_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {session.id, session.plan, format_datetime(session.start), format_datetime(session.end), session.location,
         std::string(to_string(session.mode)), std::string(to_string(session.status))},
        file.file_id);
    for (const auto& instructor : session.instructors) {
      index.insert_row("INSERT INTO session_instructor (session, instructor, file_id) VALUES (?, ?, ?)",
                       {session.id, instructor}, file.file_id);
    }
  }

  static void signins(Index& index, const KindFile& file) {
    index.begin_signins(file.id, file.file_id);
    read_signins_of(file.path, file.relative, index.session_days(file.id),
                    [&](StoredSignin&& signin) { index.add_signin(signin); });
  }

  static void rejects(Index& index, const KindFile& file) {
    std::vector<StoredReject> rejects;
    read_rejects(file.path, file.relative, [&](StoredReject&& reject) { rejects.push_back(std::move(reject)); });
    index.replace_rejects(file.id, file.file_id, rejects);
  }

  /// Dismissed rejects are not indexed (nothing counts them); the file is checked all the same.
  static void dismissed(Index&, const KindFile& file) {
    read_dismissed(file.path, file.relative, [](DismissedReject&&) {});
  }

  static void archive(Index& index, const KindFile& file) {
    long long ord = 0;
    read_archive_manifest(file.path, file.relative, [&](ArchivedDocument&& d) {
      index.insert_row(
          "INSERT INTO archive_document (session, kind, file, stored, sha256, size, at, attached_at, by, "
          "person_times, instructor, ord, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?)",
          {file.id, std::string(to_string(d.kind)), d.file, d.stored, d.sha256, std::to_string(d.size),
           format_datetime(d.at), format_datetime(d.attached_at), d.by,
           d.person_times ? std::to_string(*d.person_times) : std::string(), d.instructor, std::to_string(ord++)},
          file.file_id);
    });
  }

  static void leave(Index& index, const KindFile& file) {
    auto days = index.session_days(file.id);
    read_leave(file.path, file.relative, [&](Leave&& l) {
      if (days && (day_number(l.day) < day_number(days->first) || day_number(days->second) < day_number(l.day))) {
        throw input_error(fmt::format(fmt::runtime(tr("{} is not a day of the session ({}..{})")), format_date(l.day),
                                      format_date(days->first), format_date(days->second)),
                          tr("fix the day in an editor, or remove the row"), file.relative, 0, "day");
      }
      index.insert_row(
          "INSERT INTO leave (session, id_number, day, reason, recorded_at, by, file_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {file.id, l.id_number, format_date(l.day), l.reason, format_datetime(l.recorded_at), l.by}, file.file_id);
    });
  }

  static void renames(Index& index, const KindFile& file) {
    long long ord = 0;
    read_renames(file.path, file.relative, [&](TraineeRename&& r) {
      index.insert_row("INSERT INTO trainee_name (id_number, name, ord, file_id) VALUES (?, ?, ?, ?)",
                       {r.id_number, r.name, std::to_string(ord++)}, file.file_id);
    });
  }

  /// Removed imports are not indexed (the import reads them); the file is checked all the same.
  static void removals(Index&, const KindFile& file) {
    read_removals(file.path, file.relative, [](SourceRemoval&&) {});
  }

  static void surveys(Index& index, const KindFile& file) {
    long long ord = 0;
    read_surveys(file.path, file.relative, [&](SurveyResponse&& r) {
      std::string answers;
      for (const auto& [id, value] : r.answers) {
        if (!answers.empty()) answers += '\x1f';
        answers.append(id).append("=").append(value);
      }
      index.insert_row(
          "INSERT INTO survey_response (session, trainee, submitted_at, serial, recorded_at, answers, ord, file_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {file.id, r.trainee, r.submitted_at, r.serial, r.recorded_at, answers, std::to_string(ord++)}, file.file_id);
    });
  }

  static void survey_sources(Index& index, const KindFile& file) {
    read_sources(file.path, file.relative, [&](StoredSource&& s) {
      index.insert_row("INSERT INTO survey_source (session, sha256, file, stored_as, file_id) VALUES (?, ?, ?, ?, ?)",
                       {file.id, s.sha256, s.file, s.stored_as}, file.file_id);
    });
  }

  /// Open survey rejects are not indexed (the import and `survey rejects` read them); checked all the same.
  static void survey_rejects(Index&, const KindFile& file) {
    read_rejects(file.path, file.relative, [](StoredReject&&) {});
  }

  static void followups(Index& index, const KindFile& file) {
    int year = 0;
    auto [end, ec] = std::from_chars(file.id.data(), file.id.data() + file.id.size(), year);
    if (file.id.size() != 4 || ec != std::errc() || end != file.id.data() + file.id.size()) {
      throw input_error(
          fmt::format(fmt::runtime(tr("\"{}\" is not a year: follow-ups are kept in followups/YYYY.csv")), file.id),
          tr("rename the file after the year of its follow-ups, e.g. followups/2021.csv"), file.relative);
    }
    long long ord = 0;
    read_followups(file.path, file.relative, year, [&](Followup&& f) {
      index.insert_row(
          "INSERT INTO followup (trainee, date, method, staff, shop_opened, shop_name, platform, shop_url, "
          "monthly_sales, employed, service, note, recorded_at, by, ord, file_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {f.trainee, format_date(f.date), std::string(to_string(f.method)), f.staff,
           f.shop_opened ? (*f.shop_opened ? "yes" : "no") : "", f.shop_name, f.platform, f.shop_url,
           f.monthly_sales ? format_sales(*f.monthly_sales) : "", f.employed ? (*f.employed ? "yes" : "no") : "",
           f.service, f.note, f.recorded_at, f.by, std::to_string(ord++)},
          file.file_id);
    });
  }

  static void followup_sources(Index& index, const KindFile& file) {
    read_sources(file.path, file.relative, [&](StoredSource&& s) {
      index.insert_row("INSERT INTO followup_source (sha256, file, stored_as, file_id) VALUES (?, ?, ?, ?)",
                       {s.sha256, s.file, s.stored_as}, file.file_id);
    });
  }

  /// Open follow-up rejects are not indexed (the import and `followup rejects` read them); checked all the same.
  static void followup_rejects(Index&, const KindFile& file) {
    read_rejects(file.path, file.relative, [](StoredReject&&) {});
  }

  static void sources(Index& index, const KindFile& file) {
    std::vector<StoredSource> sources;
    read_sources(file.path, file.relative, [&](StoredSource&& source) { sources.push_back(std::move(source)); });
    index.replace_sources(file.id, file.file_id, sources);
  }
};

const std::vector<RecordKind>& record_kinds() {
  // The first matching pattern wins: plans/*.decision.toml before plans/*.toml.
  static const std::vector<RecordKind> k_kinds = {
      {"settings", paths::k_settings, "project", {}, KindLoaders::settings},
      {"provider", "providers/*.toml", "provider", {"provider"}, KindLoaders::provider},
      {"instructor", "instructors/*.toml", "instructor", {"instructor"}, KindLoaders::instructor},
      {"plan_decision", "plans/*.decision.toml", "decision", {"plan_decision"}, KindLoaders::plan_decision},
      {"plan", "plans/*.toml", "plan", {"plan", "plan_instructor"}, KindLoaders::plan},
      {"session", "sessions/*/session.toml", "session", {"session", "session_instructor"}, KindLoaders::session},
      {"signins", "sessions/*/signins.csv", {}, {"signin"}, KindLoaders::signins},
      {"rejects", "sessions/*/rejects.csv", {}, {"reject"}, KindLoaders::rejects},
      {"sources", "sessions/*/sources/manifest.csv", {}, {"source"}, KindLoaders::sources},
      {"dismissed", "sessions/*/dismissed.csv", {}, {}, KindLoaders::dismissed},
      {"renames", "trainees/renames.csv", {}, {"trainee_name"}, KindLoaders::renames},
      {"removed", "sessions/*/removed.csv", {}, {}, KindLoaders::removals},
      {"leave", "sessions/*/leave.csv", {}, {"leave"}, KindLoaders::leave},
      {"archive", "sessions/*/archive/manifest.csv", {}, {"archive_document"}, KindLoaders::archive},
      {"surveys", "sessions/*/surveys.csv", {}, {"survey_response"}, KindLoaders::surveys},
      {"survey_sources", "sessions/*/survey_sources/manifest.csv", {}, {"survey_source"}, KindLoaders::survey_sources},
      {"survey_rejects", "sessions/*/survey_rejects.csv", {}, {}, KindLoaders::survey_rejects},
      {"survey_dismissed", "sessions/*/survey_dismissed.csv", {}, {}, KindLoaders::dismissed},
      // followups/rejects.csv and dismissed.csv before followups/*.csv, which would take it for a year.
      {"followup_rejects", "followups/rejects.csv", {}, {}, KindLoaders::followup_rejects},
      {"followup_dismissed", "followups/dismissed.csv", {}, {}, KindLoaders::dismissed},
      {"followup_sources", "followups/sources/manifest.csv", {}, {"followup_source"}, KindLoaders::followup_sources},
      {"followups", "followups/*.csv", {}, {"followup"}, KindLoaders::followups},
  };
  return k_kinds;
}

const RecordKind& record_kind(std::string_view name) {
  for (const auto& kind : record_kinds()) {
    if (kind.name == name) return kind;
  }
  throw internal_error(fmt::format("no record kind \"{}\"", name));
}

fs::path record_path(std::string_view kind, std::string_view id) { return record_kind(kind).path(id); }

namespace {
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    auto end = path.find('/', start);
    out.push_back(path.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

/// Matches one name against one pattern segment; the part `*` matched goes to `id`.
bool match_segment(std::string_view pattern, std::string_view name, std::string& id) {
  auto star = pattern.find('*');
  if (star == std::string_view::npos) return pattern == name;
  auto prefix = pattern.substr(0, star);
  auto suffix = pattern.substr(star + 1);
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) || !name.ends_with(suffix)) {
    return false;
  }
  id = std::string(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
  return id.find('/') == std::string::npos;
}
}  // namespace

fs::path RecordKind::path(std::string_view id) const {
  std::string out(pattern);
  if (auto star = out.find('*'); star != std::string::npos) out.replace(star, 1, id);
  return fs::path(out);
}

std::optional<std::string> RecordKind::match(std::string_view relative) const {
  auto want = segments(pattern);
  auto have = segments(relative);
  if (want.size() != have.size()) return std::nullopt;
  std::string id;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!match_segment(want[i], have[i], id)) return std::nullopt;
  }
  return id;
}

std::optional<std::pair<const RecordKind*, std::string>> kind_of(std::string_view relative) {
  for (const auto& kind : record_kinds()) {
    if (auto id = kind.match(relative)) return std::make_pair(&kind, *id);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, const RecordKind*>> scan_record(const fs::path& root) {
  std::vector<std::pair<std::string, const RecordKind*>> files;
  for (const auto& kind : record_kinds()) {
    // Walk the pattern: literal segments descend, the segment with `*` lists its directory.
    std::vector<std::string> found = {""};
    auto parts = segments(kind.pattern);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      std::vector<std::string> next;
      bool last = i + 1 == parts.size();
      for (const auto& prefix : found) {
        auto join = [&](std::string_view name) {
          return prefix.empty() ? std::string(name) : prefix + "/" + std::string(name);
        };
        if (parts[i].find('*') == std::string_view::npos) {
          next.push_back(join(parts[i]));
          continue;
        }
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(root / prefix, ec)) {
          std::string id;
          auto name = entry.path().filename().string();
          if (!match_segment(parts[i], name, id)) continue;
          if (entry.is_symlink(ec)) require_no_link(root, join(name));
          if (last || entry.is_directory(ec)) next.push_back(join(name));
        }
      }
      found = std::move(next);
    }
    for (auto& relative : found) {
      std::error_code ec;
      if (!fs::exists(fs::symlink_status(root / relative, ec))) continue;
      require_no_link(root, relative);
      // The first kind matching a path owns it (a decision file is not also a plan).
      if (fs::is_regular_file(root / relative, ec) && kind_of(relative)->first == &kind) {
        files.emplace_back(std::move(relative), &kind);
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> record_top_level_names() {
  std::vector<std::string> names = {paths::k_journal, paths::k_index_dir, k_staging_dir, ".gitignore"};
  for (const auto& kind : record_kinds()) {
    auto top = std::string(segments(kind.pattern).front());
    if (std::find(names.begin(), names.end(), top) == names.end()) names.push_back(top);
  }
  return names;
}

}  // namespace ldt
