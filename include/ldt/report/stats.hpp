#pragma once
/// `ldt report stats`: person_times and persons by category, town, month and provider
/// (README "Statistics"; Measures Art. 7: rural youth and returnees counted separately).
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ldt/index/index.hpp"
#include "ldt/report/document.hpp"

namespace ldt {

/// One count: person_times = (session, trainee) pairs; persons = distinct trainees.
struct Count {
  long long person_times = 0;
  long long persons = 0;
};

/// The statistics of a set of attendances. Maps are ordered, so output is deterministic.
struct Stats {
  long long sessions = 0;
  Count total;
  std::map<int, Count> by_category;  ///< key: Category as int; only categories that occur
  long long uncategorised_person_times = 0;
  std::map<std::string, Count> by_town;   ///< "" = town not given
  std::map<std::string, Count> by_month;  ///< "YYYY-MM" of the session's start
  std::map<std::string, Count> by_provider;
};

/// Folds attendances (one per session and trainee) into statistics.
class StatsBuilder {
 public:
  void add(const AttendanceRow& row);
  Stats finish();

 private:
  Stats stats_;
  std::unordered_set<std::string> sessions_;
  /// Trainees by packed ID number (pack_id_number): categories seen over all their sessions.
  std::unordered_map<std::uint64_t, std::uint32_t> person_categories_;
  /// (key, person) pairs per dimension; sorted and made unique once in finish().
  std::map<std::string, std::vector<std::uint64_t>> town_persons_, month_persons_, provider_persons_;
};

/// The statistics as one table: dimension, key, label, person_times, persons (counts as
/// integers, so JSON has numbers).
Table stats_table(const Stats& stats);

}  // namespace ldt
