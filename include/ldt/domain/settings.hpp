#pragma once
/// Project settings as plain data: the contents of `ldt.toml` at the project root ([project], [rules],
/// [calendar]). Read and written by project/records.hpp; schema: schemas/project.schema.json.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"

namespace ldt {

/// How a sampled trainee who cannot be reached counts in an audit (Measures Art. 11).
enum class UnreachableCounts {
  failed,    ///< counts as not passed (default)
  excluded,  ///< left out of the pass rate's denominator
};

std::string_view to_string(UnreachableCounts value);
std::optional<UnreachableCounts> unreachable_counts_from(std::string_view text);

/// Everything `ldt.toml` holds. Defaults are Luhe County's (陆电商办发〔2021〕6号).
struct Settings {
  std::string county;       ///< county name, e.g. 陆河县
  std::string region_code;  ///< six-digit GB/T 2260 code, e.g. 441523
  std::string office;       ///< the county e-commerce office; may be empty
  std::string language;     ///< "zh" or "en": the project's language of messages; may be empty

  /// Every number of the measures, `[rules]` in ldt.toml (shared/RULES.md).
  struct Rules {
    double pass_threshold = 0.75;  ///< Art. 11: effective when passed / sampled >= this
    double sample_rate = 0.1;      ///< Art. 11: share of trainees sampled for return visits
    int min_sample = 5;            ///< Art. 11: at least this many sampled (capped at trainees)
    UnreachableCounts unreachable_counts = UnreachableCounts::failed;  ///< Art. 11
    int min_photos = 3;                                                ///< Art. 7: on-site photos per closed session
    int rejects_grace_days = 3;         ///< Art. 7, 8.4.1: days open rejects are tolerated
    double min_survey_coverage = 0.8;   ///< Art. 8.3.1: share of trainees surveyed
    int news_deadline_hours = 1;        ///< Art. 8.3.2: hours after the end
    int summary_deadline_workdays = 3;  ///< Art. 8.3.3: China working days after the end day
    int followup_due_days = 30;         ///< Art. 7, 8.3.4: days after the end
    int audit_due_days = 30;            ///< Art. 11: days after closing
    int min_practice_years = 3;         ///< Art. 6: practical instructors' years of operation
    int max_trainees_per_phone = 3;     ///< Art. 7: more trainees per phone is reported
    int min_age = 14;                   ///< sign-in import: younger at the start is a warning
    int max_age = 90;                   ///< sign-in import: older at the start is a warning
    int lock_timeout_seconds = 10;      ///< wait for another writer, then exit 3 (README "The project directory")
  };

  /// `[calendar]` additions to the shipped holiday table; they win over it (CALENDAR.md).
  struct CalendarOverrides {
    std::vector<int> years;      ///< years fully described here (e.g. one the table lacks)
    std::vector<Date> off;       ///< extra days off (regional holidays)
    std::vector<Date> workdays;  ///< make-up working days on a Saturday or Sunday
  };

  Rules rules;
  CalendarOverrides calendar;
  /// `[survey] questionnaire`: the project's own questionnaire file, relative to the root; empty:
  /// the default of schemas/questionnaire.toml (Measures Art. 8.3.1).
  std::string questionnaire;
  /// `[security] shared_group`: a group that may read the project's files (0640/0750); empty:
  /// only the owner (0600/0700) (README "Personal data on disk").
  std::string shared_group;
};

}  // namespace ldt
