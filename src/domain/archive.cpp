// A session's document archive and its deadlines (Measures Art. 7, 8.2.4, 8.3.2, 8.3.3, 8.4.2).
#include "ldt/domain/archive.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace ldt {

namespace {
constexpr std::array<std::pair<DocumentKind, std::string_view>, 13> k_kinds{{
    {DocumentKind::notice, "notice"},
    {DocumentKind::roster, "roster"},
    {DocumentKind::signin_sheet, "signin_sheet"},
    {DocumentKind::photo, "photo"},
    {DocumentKind::group_photo, "group_photo"},
    {DocumentKind::courseware, "courseware"},
    {DocumentKind::instructor_bio, "instructor_bio"},
    {DocumentKind::news, "news"},
    {DocumentKind::summary, "summary"},
    {DocumentKind::survey_form, "survey_form"},
    {DocumentKind::followup_form, "followup_form"},
    {DocumentKind::video, "video"},
    {DocumentKind::other, "other"},
}};
}  // namespace

std::string_view to_string(DocumentKind kind) {
  for (const auto& [value, name] : k_kinds) {
    if (value == kind) return name;
  }
  return {};
}

std::optional<DocumentKind> document_kind_from(std::string_view text) {
  for (const auto& [value, name] : k_kinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::optional<DocumentKind> document_kind_from_words(std::string_view text) {
  if (auto kind = document_kind_from(text)) return kind;
  // What staff call them (Measures Art. 7, 8), as `session show` shows them.
  static constexpr std::pair<std::string_view, DocumentKind> k_words[] = {
      {"培训通知", DocumentKind::notice},
      {"通知", DocumentKind::notice},
      {"学员名册", DocumentKind::roster},
      {"名册", DocumentKind::roster},
      {"花名册", DocumentKind::roster},
      {"签到表", DocumentKind::signin_sheet},
      {"现场照片", DocumentKind::photo},
      {"照片", DocumentKind::photo},
      {"合影", DocumentKind::group_photo},
      {"集体照", DocumentKind::group_photo},
      {"课件", DocumentKind::courseware},
      {"讲师简介", DocumentKind::instructor_bio},
      {"简介", DocumentKind::instructor_bio},
      {"新闻稿", DocumentKind::news},
      {"培训总结", DocumentKind::summary},
      {"总结", DocumentKind::summary},
      {"满意度调查表", DocumentKind::survey_form},
      {"调查表", DocumentKind::survey_form},
      {"跟踪孵化记录表", DocumentKind::followup_form},
      {"视频", DocumentKind::video},
      {"其他", DocumentKind::other},
  };
  for (const auto& [word, kind] : k_words) {
    if (word == text) return kind;
  }
  return std::nullopt;
}

const std::vector<DocumentKind>& document_kinds() {
  static const std::vector<DocumentKind> k_all = [] {
    std::vector<DocumentKind> all;
    all.reserve(k_kinds.size());
    for (const auto& entry : k_kinds) all.push_back(entry.first);
    return all;
  }();
  return k_all;
}

bool is_bound(DocumentKind kind) { return kind != DocumentKind::video; }

std::vector<MissingDocument> missing_documents(const Session& session, const std::vector<ArchivedDocument>& documents,
                                               int min_photos) {
  auto count = [&](DocumentKind kind, std::string_view instructor = {}) {
    return static_cast<int>(std::count_if(documents.begin(), documents.end(), [&](const ArchivedDocument& d) {
      return d.kind == kind && (instructor.empty() || d.instructor == instructor);
    }));
  };
  std::vector<MissingDocument> missing;
  auto need = [&](DocumentKind kind, int n) {
    int have = count(kind);
    if (have < n) missing.push_back({kind, {}, have, n});
  };
  need(DocumentKind::notice, 1);
  need(DocumentKind::roster, 1);
  need(DocumentKind::signin_sheet, 1);
  need(DocumentKind::photo, std::max(min_photos, 1));
  need(DocumentKind::courseware, 1);
  for (const auto& instructor : session.instructors) {
    if (count(DocumentKind::instructor_bio, instructor) == 0) {
      missing.push_back({DocumentKind::instructor_bio, instructor, 0, 1});
    }
  }
  need(DocumentKind::group_photo, 1);
  need(DocumentKind::news, 1);
  need(DocumentKind::summary, 1);
  return missing;
}

DateTime session_end(const Session& session) {
  return session.status == SessionStatus::closed && session.ended_at ? *session.ended_at : session.end;
}

SessionDeadlines session_deadlines(const Session& session, const std::vector<ArchivedDocument>& documents,
                                   const Settings::Rules& rules, const WorkdayCalendar& calendar) {
  SessionDeadlines out;
  out.end = session_end(session);
  out.news_due = datetime_from_epoch(epoch_seconds(out.end) + 3600LL * rules.news_deadline_hours);
  auto due = calendar.workdays_after(out.end.date, rules.summary_deadline_workdays);
  if (due.due) {
    out.summary_due = DateTime{*due.due, 86399};
  } else {
    out.calendar_missing_year = due.missing_year;
  }
  auto earliest = [&](DocumentKind kind) {
    std::optional<DateTime> first;
    for (const auto& document : documents) {
      if (document.kind == kind && (!first || document.at < *first)) first = document.at;
    }
    return first;
  };
  out.news_at = earliest(DocumentKind::news);
  out.summary_at = earliest(DocumentKind::summary);
  if (out.news_at) out.news_met = !(out.news_due < *out.news_at);
  if (out.summary_at && out.summary_due) out.summary_met = !(*out.summary_due < *out.summary_at);
  return out;
}

std::optional<long long> stated_person_times(const std::vector<ArchivedDocument>& documents) {
  const ArchivedDocument* latest = nullptr;
  for (const auto& document : documents) {
    if (document.kind != DocumentKind::summary || !document.person_times) continue;
    if (latest == nullptr || !(document.at < latest->at)) latest = &document;
  }
  if (latest == nullptr) return std::nullopt;
  return latest->person_times;
}

std::string archive_stored_name(std::string_view sha256, std::string_view file) {
  constexpr std::size_t k_max = 200;
  std::string prefix = fmt::format("{}-", sha256.substr(0, 12));
  std::size_t room = k_max - prefix.size();
  if (file.size() <= room) return prefix + std::string(file);
  auto dot = file.rfind('.');
  std::string_view extension = dot != std::string_view::npos && file.size() - dot <= 16 ? file.substr(dot) : "";
  std::string_view stem = file.substr(0, file.size() - extension.size());
  std::size_t keep = room - extension.size();
  // Back to a character boundary: never cut a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (keep > 0 && (static_cast<unsigned char>(stem[keep]) & 0xC0U) == 0x80U) --keep;
  return prefix + std::string(stem.substr(0, keep)) + std::string(extension);
}

}  // namespace ldt
