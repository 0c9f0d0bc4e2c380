// sessions/<id>/surveys.csv and the questionnaire (include/ldt/project/survey_store.hpp; Measures Art. 8.3.1).
#include "ldt/project/survey_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "canonical.hpp"
#include "ldt/domain/date.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"
#include "records_toml.hpp"

namespace ldt {

namespace {
const std::vector<std::string>& fixed_columns() {
  static const std::vector<std::string> k_columns = {"trainee",     "submitted_at", "serial", "source_sha256",
                                                     "source_line", "recorded_at",  "by"};
  return k_columns;
}

bool is_question_id(std::string_view id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}
}  // namespace

std::string surveys_file(const Questionnaire& questionnaire, const std::vector<SurveyResponse>& responses) {
  std::vector<std::string> ids;
  ids.reserve(questionnaire.questions.size());
  for (const auto& question : questionnaire.questions) ids.push_back(question.id);
  for (const auto& response : responses) {
    for (const auto& [id, value] : response.answers) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  std::vector<std::string> header = fixed_columns();
  header.insert(header.end(), ids.begin(), ids.end());
  std::string out = csv_line(header);
  for (const auto& r : responses) {
    std::vector<std::string> cells{r.trainee,
                                   r.submitted_at,
                                   r.serial,
                                   r.source_sha256,
                                   r.source_line > 0 ? std::to_string(r.source_line) : std::string(),
                                   r.recorded_at,
                                   r.by};
    for (const auto& id : ids) cells.push_back(r.answer(id).value_or(std::string()));
    out += safe_csv_line(cells);
  }
  return out;
}

void read_surveys(const fs::path& path, std::string_view display, const std::function<void(SurveyResponse&&)>& fn,
                  const Questionnaire* questionnaire, const std::vector<std::string>* roster) {
  const auto& fixed = fixed_columns();
  std::set<std::string> seen;
  read_canonical_open(
      path, display, fixed, [&](const std::vector<std::string>& header, std::vector<std::string>& c, int line) {
        SurveyResponse r;
        if (!c[0].empty()) {
          if (c[0].size() != 18 || gb11643_check_char(std::string_view(c[0]).substr(0, 17)) != c[0][17]) {
            throw bad_row(display, line, "trainee", tr("not a valid 18-character ID number"));
          }
        }
        if (!c[0].empty() && !seen.insert(c[0]).second) {
          throw bad_row(display, line, "trainee", tr("this trainee's response is listed twice; keep the later one"));
        }
        if (!c[0].empty() && roster != nullptr && std::find(roster->begin(), roster->end(), c[0]) == roster->end()) {
          throw bad_row(display, line, "trainee", tr("this trainee has no sign-in in the session"));
        }
        r.trainee = std::move(c[0]);
        if (!c[1].empty() && !parse_datetime(c[1])) {
          throw bad_row(display, line, "submitted_at", fmt::format(fmt::runtime(tr("not a time: \"{}\"")), c[1]));
        }
        r.submitted_at = std::move(c[1]);
        r.serial = std::move(c[2]);
        r.source_sha256 = std::move(c[3]);
        r.source_line = c[4].empty() ? 0 : static_cast<int>(to_number(c[4], display, line, "source_line"));
        r.recorded_at = std::move(c[5]);
        r.by = std::move(c[6]);
        for (std::size_t i = fixed.size(); i < header.size(); ++i) {
          if (!is_question_id(header[i])) {
            throw bad_row(display, line, header[i], tr("a column name must be a question id (lower case, a-z 0-9 _)"));
          }
          if (c[i].empty()) continue;
          if (questionnaire != nullptr) {
            const int q = questionnaire->index_of(header[i]);
            if (q >= 0 && questionnaire->questions[static_cast<std::size_t>(q)].kind == QuestionKind::scale) {
              const std::string& v = c[i];
              const bool score = v.size() <= 2 && v.find_first_not_of("0123456789") == std::string::npos &&
                                 std::stoi(v) >= 1 && std::stoi(v) <= questionnaire->scale_max;
              if (!score) {
                throw bad_row(
                    display, line, header[i],
                    fmt::format(fmt::runtime(tr("\"{}\" is not a score from 1 to {}")), v, questionnaire->scale_max));
              }
            }
          }
          r.answers.emplace_back(header[i], std::move(c[i]));
        }
        fn(std::move(r));
      });
}

Questionnaire read_questionnaire(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "questionnaire", file);
  Questionnaire q;
  q.scale_max = static_cast<int>(records::integer(doc, "scale_max", q.scale_max));
  q.options = records::texts(doc, "options");
  q.no_answer = records::texts(doc, "no_answer");
  for (const toml::table* label : records::tables(doc, "labels")) {
    q.labels.push_back({records::text(*label, "text"), static_cast<int>(records::integer(*label, "score", 0))});
  }
  std::vector<Diagnostic> problems;
  for (const toml::table* entry : records::tables(doc, "questions")) {
    Question question;
    question.id = records::text(*entry, "id");
    question.label = records::text(*entry, "label");
    question.kind = records::text(*entry, "kind") == "text" ? QuestionKind::text : QuestionKind::scale;
    question.words = records::texts(*entry, "words");
    if (q.index_of(question.id) >= 0) {
      problems.push_back(Diagnostic{Severity::error, "questionnaire", std::string(file), records::line_of(*entry, "id"),
                                    "questions.id",
                                    fmt::format(fmt::runtime(tr("question id \"{}\" is used twice")), question.id),
                                    tr("give each question its own id")});
    }
    q.questions.push_back(std::move(question));
  }
  auto problem = [&](int line, const char* field, std::string message, std::string hint) {
    problems.push_back(Diagnostic{Severity::error, "questionnaire", std::string(file), line, field, std::move(message),
                                  std::move(hint)});
  };
  const int overall = q.index_of("overall");
  if (overall < 0 || q.questions[static_cast<std::size_t>(overall)].kind != QuestionKind::scale) {
    problem(0, "questions", tr("the questionnaire has no scale question with id \"overall\""),
            tr("keep a question overall (总体满意度): the 满意率 is the share of its top two scores"));
  }
  for (std::size_t i = 0; i < q.labels.size(); ++i) {
    const auto& label = q.labels[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (q.labels[j].text == label.text) {
        problem(0, "labels.text", fmt::format(fmt::runtime(tr("label \"{}\" is listed twice")), label.text),
                tr("list each label once, with its score"));
      }
    }
    if (!label.text.empty() && label.text.find_first_not_of("0123456789０１２３４５６７８９") == std::string::npos) {
      problem(0, "labels.text",
              fmt::format(fmt::runtime(tr("label \"{}\" is a number: digits are scores or option "
                                          "numbers already")),
                          label.text),
              tr("give labels as words, e.g. 非常满意"));
    }
    if (std::find(q.no_answer.begin(), q.no_answer.end(), label.text) != q.no_answer.end()) {
      problem(0, "no_answer", fmt::format(fmt::runtime(tr("\"{}\" is both a label and no answer")), label.text),
              tr("remove it from one of labels and no_answer"));
    }
  }
  for (const auto& label : q.labels) {
    if (label.score > q.scale_max) {
      problems.push_back(Diagnostic{
          Severity::error, "questionnaire", std::string(file), 0, "labels.score",
          fmt::format(fmt::runtime(tr("the score of \"{}\" is above scale_max {}")), label.text, q.scale_max),
          tr("use a score from 1 to scale_max")});
    }
  }
  for (const auto& option : q.options) {
    bool known = std::any_of(q.labels.begin(), q.labels.end(), [&](const ScaleLabel& l) { return l.text == option; });
    if (!known) {
      problems.push_back(Diagnostic{Severity::error, "questionnaire", std::string(file),
                                    records::line_of(doc, "options"), "options",
                                    fmt::format(fmt::runtime(tr("option \"{}\" is not one of the labels")), option),
                                    tr("list each option under labels with its score")});
    }
  }
  records::throw_if_any(std::move(problems));
  return q;
}

}  // namespace ldt
