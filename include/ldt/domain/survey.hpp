#pragma once
/// Satisfaction surveys (满意度调查, Measures Art. 8.3.1): the questionnaire, reading an answer,
/// naming the respondent, and the figures of `survey show`. Pure: no files, no index.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ldt/domain/issue.hpp"

namespace ldt {

enum class QuestionKind { scale, text };

/// One question: a stable id (`overall`, `content`, …; JSON keys and surveys.csv columns), how
/// people call it, and the words a survey export's header may contain to mean it.
struct Question {
  std::string id;
  std::string label;  ///< e.g. 总体满意度
  QuestionKind kind = QuestionKind::scale;
  std::vector<std::string> words;  ///< e.g. 总体, 整体
};

/// A label people write for a score: 非常满意 = 5.
struct ScaleLabel {
  std::string text;
  int score = 0;
};

/// The questionnaire (schemas/questionnaire.toml, or the project's own named in ldt.toml).
struct Questionnaire {
  std::vector<Question> questions;  ///< in the form's order: a column maps to the first that fits
  int scale_max = 5;                ///< scores are 1..scale_max, scale_max best
  std::vector<ScaleLabel> labels;   ///< every label accepted, with its score
  /// The scale's options in the order the form lists them: a 问卷星 按序号 download's 1 is
  /// options[0] (the default lists 非常满意 first, so 1 means 5).
  std::vector<std::string> options;
  std::vector<std::string> no_answer;  ///< cells that are no answer: (空), (跳过)

  /// Index of the question with this id, or -1.
  [[nodiscard]] int index_of(std::string_view id) const;
  /// "1–5, 非常满意, 很满意, …": what a scale answer may be, for messages.
  [[nodiscard]] std::string accepted_values() const;
};

/// How the digits of a survey export are meant (README "Satisfaction surveys"): scores (5 best;
/// a 问卷星 按分数 download, a typed paper form), option positions (按序号), or not said.
enum class SurveyCoding { unknown, score, option };

/// One cell read as an answer: `value` is the score as digits ("5") or the text; nullopt with no
/// problem is no answer. `digits` is true when a scale cell held digits (what `unknown` coding
/// cannot decide in a 问卷星 download).
struct ParsedAnswer {
  std::optional<std::string> value;
  std::optional<Issue> problem;  ///< code survey-answer, with the accepted values
  bool digits = false;
};

/// Reads `cell` as the answer to `question`. Scale: a label of `questionnaire.labels`, or digits
/// (full-width too) meaning a score 1..scale_max (coding score or unknown) or an option position
/// 1..options (coding option); anything else is a survey-answer problem naming what is
/// accepted. Text: the cell trimmed. Empty, white space and `no_answer` cells are no answer.
ParsedAnswer parse_answer(const Question& question, std::string_view cell, const Questionnaire& questionnaire,
                          SurveyCoding coding);

/// One trainee of the session, as respondents are matched against (current name, latest phone).
struct RosterEntry {
  std::string id_number, name, phone;
};

/// Who a response names, as the row gives it: a normalised ID number, name and phone (each may
/// be empty).
struct Respondent {
  std::string id_number, name, phone;
};

/// Why `match_respondent` found no one, for the message: no trainee of that ID, name and phone or
/// name, or a name two or more trainees share (then the row must give the ID number or phone).
enum class NoMatch { unknown, ambiguous_name };
NoMatch why_no_match(const Respondent& respondent, const std::vector<RosterEntry>& roster);

/// The trainee a respondent is (README "Satisfaction surveys"): by ID number when the row has
/// one; else by name and phone; else by name alone when exactly one trainee of the session has
/// it. nullopt when none fits.
std::optional<std::string> match_respondent(const Respondent& respondent, const std::vector<RosterEntry>& roster);

/// One stored response (sessions/<id>/surveys.csv).
struct SurveyResponse {
  std::string trainee;        ///< the respondent's ID number; empty for an anonymous form
  std::string submitted_at;   ///< 提交答卷时间 as ISO 8601 (+08:00); empty when the source has none
  std::string serial;         ///< 问卷星 序号; empty otherwise
  std::string source_sha256;  ///< the export it came from; empty for `survey record`
  int source_line = 0;
  std::string recorded_at, by;
  std::vector<std::pair<std::string, std::string>> answers;  ///< question id → value, answered ones only

  /// The answer to question `id`, or nullopt.
  [[nodiscard]] std::optional<std::string> answer(std::string_view id) const;
};

/// The figures of `survey show`. Rates are in [0,1].
struct SurveySummary {
  long long trainees = 0;   ///< distinct trainees of the session
  long long responses = 0;  ///< matched + anonymous
  long long matched = 0, anonymous = 0;
  /// responses / trainees, at most 1 (what survey-coverage uses); nullopt for a session without trainees.
  std::optional<double> response_rate;
  /// 满意率: share of the answers to `overall` that are 4 or 5 (on a 5-point scale: the top two
  /// scores); nullopt when no response answers it.
  std::optional<double> satisfaction_rate;
  std::vector<std::pair<std::string, std::optional<double>>> means;  ///< per scale question, in order
  std::vector<std::string> non_respondents;                          ///< ID numbers of trainees with no response
};

/// The figures over `responses` of a session whose trainees are `roster` (ID numbers).
SurveySummary summarize_survey(const Questionnaire& questionnaire, const std::vector<SurveyResponse>& responses,
                               const std::vector<std::string>& roster);

}  // namespace ldt
