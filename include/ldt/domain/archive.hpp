#pragma once
/// A session's document archive (培训档案) and its deadlines: what a provider must keep for
/// each session and by when (Measures Art. 7, 8.2.4, 8.3.2, 8.3.3, 8.4.2). Pure: the manifest
/// is read and written by project/archive_store.hpp, the calendar is domain/calendar.hpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/calendar.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/registry.hpp"
#include "ldt/domain/settings.hpp"

namespace ldt {

/// What an archived document is (`session attach --kind`).
enum class DocumentKind {
  notice,          ///< 培训通知 (Art. 7, 8.1.3)
  roster,          ///< 学员名册 (Art. 7)
  signin_sheet,    ///< 签到表, the signed paper sheet (Art. 7)
  photo,           ///< 现场照片 (Art. 7, 8.2.3)
  group_photo,     ///< 合影 (Art. 8.2.4)
  courseware,      ///< 课件 (Art. 7)
  instructor_bio,  ///< 讲师简介, one per instructor (Art. 7)
  news,            ///< 新闻稿, due one hour after the end (Art. 8.3.2)
  summary,         ///< 培训总结, due three working days after the end (Art. 8.3.3)
  survey_form,     ///< 满意度调查表 (Art. 8.3.1)
  followup_form,   ///< 跟踪孵化记录表 (Art. 8.3.4)
  video,           ///< recorded, but outside the bound archive (Art. 8.4.2)
  other,
};

std::string_view to_string(DocumentKind kind);
std::optional<DocumentKind> document_kind_from(std::string_view text);
/// The same, also from the Chinese words staff use: 培训通知/通知, 学员名册/名册/花名册, 签到表,
/// 现场照片/照片, 合影/集体照, 课件, 讲师简介/简介, 新闻稿, 培训总结/总结, 满意度调查表/调查表,
/// 跟踪孵化记录表, 视频, 其他.
std::optional<DocumentKind> document_kind_from_words(std::string_view text);
/// Every kind, in the order above.
const std::vector<DocumentKind>& document_kinds();
/// Whether documents of `kind` belong in the bound paper archive: all but video (Art. 8.4.2).
bool is_bound(DocumentKind kind);

/// One row of a session's archive manifest.
struct ArchivedDocument {
  DocumentKind kind = DocumentKind::other;
  std::string file;      ///< the file name as given (no directories)
  std::string stored;    ///< its name in sessions/<id>/archive/
  std::string sha256;    ///< lower-case hex
  long long size = 0;    ///< bytes
  DateTime at;           ///< when the document was produced or submitted (`--at`): deadlines are judged by it
  DateTime attached_at;  ///< when it was attached (the real time, so a back-dated `at` is visible)
  std::string by;        ///< who attached it
  std::optional<long long> person_times;  ///< summary only: the 人次 the summary states
  std::string instructor;                 ///< instructor_bio only: whose bio
};

/// A document a session still lacks: `need` of `kind` (for `instructor` when a bio), `have` present.
struct MissingDocument {
  DocumentKind kind = DocumentKind::other;
  std::string instructor;
  int have = 0;
  int need = 1;
};

/// What the archive of `session` lacks, in the order of the measures: notice, roster, sign-in
/// sheet, at least `min_photos` photos, courseware, a bio for each instructor of the session
/// (Art. 7), group photo (Art. 8.2.4), news (Art. 8.3.2), summary (Art. 8.3.3).
std::vector<MissingDocument> missing_documents(const Session& session, const std::vector<ArchivedDocument>& documents,
                                               int min_photos);

/// The end a session's deadlines count from: its actual end (`--ended-at`) when closed with
/// one, else its planned end.
DateTime session_end(const Session& session);

/// The news and summary deadlines of a session (Art. 8.3.2, 8.3.3; RULES.md interpretations):
/// news within `news_deadline_hours` of the end; summary by 23:59:59 of the
/// `summary_deadline_workdays`-th China working day after the end day.
struct SessionDeadlines {
  DateTime end;
  DateTime news_due;
  std::optional<DateTime> summary_due;  ///< empty when the calendar lacks a year it needs
  int calendar_missing_year = 0;        ///< that year, else 0
  std::optional<DateTime> news_at;      ///< the earliest news article's `at`; empty: none attached
  std::optional<DateTime> summary_at;   ///< the earliest summary's `at`
  std::optional<bool> news_met;         ///< empty until a news article is attached
  std::optional<bool> summary_met;      ///< empty until a summary is attached, or when the due day is unknown
};
SessionDeadlines session_deadlines(const Session& session, const std::vector<ArchivedDocument>& documents,
                                   const Settings::Rules& rules, const WorkdayCalendar& calendar);

/// The person-times the latest summary states, when one states any (Art. 7: compared with the
/// sign-ins by the headcount rule).
std::optional<long long> stated_person_times(const std::vector<ArchivedDocument>& documents);

/// The name a document is stored under in the archive: the first 12 hex digits of its SHA-256,
/// '-', and the given name, cut (at a character boundary, keeping the extension) so the
/// whole stays within 200 bytes, far below the 255 of a file name.
std::string archive_stored_name(std::string_view sha256, std::string_view file);

}  // namespace ldt
