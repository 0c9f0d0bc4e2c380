// Satisfaction surveys (Measures Art. 8.3.1): answers, respondents, the figures of `survey show`.
#include "ldt/domain/survey.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

int Questionnaire::index_of(std::string_view id) const {
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (questions[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string Questionnaire::accepted_values() const {
  std::vector<std::string> values{fmt::format("1–{}", scale_max)};
  values.reserve(labels.size() + 1);
  for (const auto& label : labels) values.push_back(label.text);
  return fmt::format("{}", fmt::join(values, tr(", ")));
}

namespace {
/// A whole number written with ASCII or full-width digits only, or nullopt.
std::optional<int> whole_number(const std::string& text) {
  const std::string ascii = nfkc(text);
  int value = 0;
  auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  if (ec != std::errc() || end != ascii.data() + ascii.size() || ascii.empty() || ascii.front() == '-') {
    return std::nullopt;
  }
  return value;
}

Issue answer_problem(const Question& question, std::string_view cell, const std::string& accepted) {
  return Issue{Severity::error,
               "survey-answer",
               {},
               0,
               question.id,
               fmt::format(fmt::runtime(tr("\"{}\" is not an answer to {} ({}): accepted are {}, or (空)/(跳过) for "
                                           "no answer")),
                           cell, question.label, question.id, accepted),
               tr("correct the cell to one of the accepted answers, or leave it empty")};
}
}  // namespace

ParsedAnswer parse_answer(const Question& question, std::string_view cell, const Questionnaire& questionnaire,
                          SurveyCoding coding) {
  ParsedAnswer parsed;
  const std::string text = trim_blanks(cell);
  if (text.empty() || std::find(questionnaire.no_answer.begin(), questionnaire.no_answer.end(), text) !=
                          questionnaire.no_answer.end()) {
    return parsed;
  }
  if (question.kind == QuestionKind::text) {
    parsed.value = text;
    return parsed;
  }
  for (const auto& label : questionnaire.labels) {
    if (label.text == text) {
      parsed.value = std::to_string(label.score);
      return parsed;
    }
  }
  if (auto number = whole_number(text)) {
    parsed.digits = true;
    if (coding == SurveyCoding::option) {
      const auto count = static_cast<int>(questionnaire.options.size());
      if (*number >= 1 && *number <= count) {
        const std::string& option = questionnaire.options[static_cast<std::size_t>(*number - 1)];
        for (const auto& label : questionnaire.labels) {
          if (label.text == option) parsed.value = std::to_string(label.score);
        }
        if (parsed.value) return parsed;
      }
      parsed.problem =
          answer_problem(question, cell,
                         fmt::format(fmt::runtime(tr("option numbers 1–{} (按序号: 1 is {})")), count,
                                     questionnaire.options.empty() ? std::string() : questionnaire.options.front()));
      return parsed;
    }
    if (*number >= 1 && *number <= questionnaire.scale_max) {
      parsed.value = std::to_string(*number);
      return parsed;
    }
  }
  parsed.problem = answer_problem(question, cell, questionnaire.accepted_values());
  return parsed;
}

std::optional<std::string> match_respondent(const Respondent& respondent, const std::vector<RosterEntry>& roster) {
  if (!respondent.id_number.empty()) {
    for (const auto& entry : roster) {
      if (entry.id_number == respondent.id_number) return entry.id_number;
    }
    return std::nullopt;
  }
  if (respondent.name.empty()) return std::nullopt;
  if (!respondent.phone.empty()) {
    for (const auto& entry : roster) {
      if (entry.name == respondent.name && entry.phone == respondent.phone) return entry.id_number;
    }
  }
  std::optional<std::string> only;
  for (const auto& entry : roster) {
    if (entry.name != respondent.name) continue;
    if (only) return std::nullopt;  // two trainees of that name: no guess
    only = entry.id_number;
  }
  return only;
}

NoMatch why_no_match(const Respondent& respondent, const std::vector<RosterEntry>& roster) {
  if (!respondent.id_number.empty() || respondent.name.empty()) return NoMatch::unknown;
  auto same =
      std::count_if(roster.begin(), roster.end(), [&](const RosterEntry& e) { return e.name == respondent.name; });
  return same > 1 ? NoMatch::ambiguous_name : NoMatch::unknown;
}

std::optional<std::string> SurveyResponse::answer(std::string_view id) const {
  for (const auto& [question, value] : answers) {
    if (question == id) return value;
  }
  return std::nullopt;
}

SurveySummary summarize_survey(const Questionnaire& questionnaire, const std::vector<SurveyResponse>& responses,
                               const std::vector<std::string>& roster) {
  SurveySummary summary;
  summary.trainees = static_cast<long long>(roster.size());
  std::set<std::string> answered;
  for (const auto& response : responses) {
    ++summary.responses;
    if (response.trainee.empty()) {
      ++summary.anonymous;
    } else {
      ++summary.matched;
      answered.insert(response.trainee);
    }
  }
  if (summary.trainees > 0) {
    summary.response_rate =
        std::min(1.0, static_cast<double>(summary.responses) / static_cast<double>(summary.trainees));
  }
  for (const auto& question : questionnaire.questions) {
    if (question.kind != QuestionKind::scale) continue;
    long long count = 0, sum = 0, top = 0;
    for (const auto& response : responses) {
      auto value = response.answer(question.id);
      if (!value) continue;
      auto score = whole_number(*value);
      if (!score) continue;
      ++count;
      sum += *score;
      if (*score >= questionnaire.scale_max - 1) ++top;
    }
    std::optional<double> mean;
    if (count > 0) mean = static_cast<double>(sum) / static_cast<double>(count);
    summary.means.emplace_back(question.id, mean);
    if (question.id == "overall" && count > 0) {
      summary.satisfaction_rate = static_cast<double>(top) / static_cast<double>(count);
    }
  }
  for (const auto& id : roster) {
    if (answered.count(id) == 0) summary.non_respondents.push_back(id);
  }
  return summary;
}

}  // namespace ldt
