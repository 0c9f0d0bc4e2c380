#pragma once
/// The survey record of a session (Measures Art. 8.3.1; README "Satisfaction surveys"):
/// - sessions/<id>/surveys.csv, one row per response: trainee (ID number, empty for an anonymous
///   form), submitted_at, serial, source_sha256, source_line, recorded_at, by, then one column
///   per question id (its score 1–5, or the text) — UTF-8, written by ldt, editable by hand;
/// - sessions/<id>/survey_rejects.csv (the rows of rejects.csv's shape) and
///   sessions/<id>/survey_sources/ (the imported exports, named by hash, with manifest.csv).
/// And the questionnaire: schemas/questionnaire.toml, or the project's own file.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/survey.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// The whole surveys.csv: the fixed columns, then the questionnaire's question ids (and any
/// other id a response answers), one row per response.
std::string surveys_file(const Questionnaire& questionnaire, const std::vector<SurveyResponse>& responses);
/// Reads surveys.csv, calling `fn` per response (answers in column order, empty cells left out).
/// Throws Error (exit 2) naming file, line and field for a row that is not valid: a trainee cell
/// that is not an 18-character ID number, a trainee listed twice, a column name that is no
/// question id; with `questionnaire`, a scale answer that is not a score 1..scale_max; with
/// `roster` (the session's trainees), a trainee not among them.
void read_surveys(const fs::path& path, std::string_view display, const std::function<void(SurveyResponse&&)>& fn,
                  const Questionnaire* questionnaire = nullptr, const std::vector<std::string>* roster = nullptr);

/// Reads a questionnaire file (schemas/questionnaire.schema.json). Throws Error (exit 2) with
/// every problem: schema violations, a repeated question id, an option that is no label.
Questionnaire read_questionnaire(std::string_view text, std::string_view file);

}  // namespace ldt
