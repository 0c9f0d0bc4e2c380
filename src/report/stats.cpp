#include "ldt/report/stats.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ldt/domain/category.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

void StatsBuilder::add(const AttendanceRow& row) {
  sessions_.insert(row.session);
  std::uint64_t person = pack_id_number(row.id_number);
  ++stats_.total.person_times;
  person_categories_[person] |= row.categories;
  for (int i = 0; i < k_category_count; ++i) {
    if (row.categories & (1U << i)) ++stats_.by_category[i].person_times;
  }
  if (row.categories == 0) ++stats_.uncategorised_person_times;
  ++stats_.by_town[row.town].person_times;
  ++stats_.by_month[row.month].person_times;
  ++stats_.by_provider[row.provider].person_times;
  town_persons_[row.town].push_back(person);
  month_persons_[row.month].push_back(person);
  provider_persons_[row.provider].push_back(person);
}

Stats StatsBuilder::finish() {
  stats_.sessions = static_cast<long long>(sessions_.size());
  stats_.total.persons = static_cast<long long>(person_categories_.size());
  for (const auto& [id, mask] : person_categories_) {
    for (int i = 0; i < k_category_count; ++i) {
      if (mask & (1U << i)) ++stats_.by_category[i].persons;
    }
  }
  auto distinct = [](std::vector<std::uint64_t>& persons) {
    std::sort(persons.begin(), persons.end());
    return static_cast<long long>(std::unique(persons.begin(), persons.end()) - persons.begin());
  };
  for (auto& [town, persons] : town_persons_) stats_.by_town[town].persons = distinct(persons);
  for (auto& [month, persons] : month_persons_) stats_.by_month[month].persons = distinct(persons);
  for (auto& [provider, persons] : provider_persons_) stats_.by_provider[provider].persons = distinct(persons);
  return stats_;
}

Table stats_table(const Stats& stats) {
  Table table{{{"dimension", tr("dimension")},
               {"key", tr("key")},
               {"label", tr("label")},
               {"person_times", tr("person_times")},
               {"persons", tr("persons")}},
              {},
              {},
              {}};
  auto row = [&](const char* dimension, const std::string& key, const std::string& label, const Count& count) {
    table.rows.push_back({label_cell(dimension), text_cell(key), text_cell(label), integer_cell(count.person_times),
                          integer_cell(count.persons)});
  };
  row("total", "", fmt::format(fmt::runtime(tr("sessions: {}")), stats.sessions), stats.total);
  // Art. 7: rural youth and returnees are counted separately; poor households and disabled
  // trainees have their own registers.
  for (Category category : {Category::rural_youth, Category::returnee, Category::poor_household, Category::disabled}) {
    auto it = stats.by_category.find(static_cast<int>(category));
    row("separately", std::string(category_id(category)), std::string(category_label_zh(category)),
        it == stats.by_category.end() ? Count{} : it->second);
  }
  for (const auto& [category, count] : stats.by_category) {
    auto c = static_cast<Category>(category);
    row("category", std::string(category_id(c)), std::string(category_label_zh(c)), count);
  }
  for (const auto& [town, count] : stats.by_town) row("town", town, town.empty() ? tr("(not given)") : town, count);
  for (const auto& [month, count] : stats.by_month) row("month", month, month, count);
  for (const auto& [provider, count] : stats.by_provider) row("provider", provider, provider, count);
  return table;
}

}  // namespace ldt
