#pragma once
/// Attendance per day and excused absence (Measures Art. 9: instructors record leave and
/// absence, and it counts in assessment). Pure: the sign-ins and leave come from the index.
#include <string>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/registry.hpp"

namespace ldt {

/// An excused absence of one trainee on one day of a session (sessions/<id>/leave.csv).
struct Leave {
  std::string id_number;  ///< 18 characters
  Date day;
  std::string reason;
  DateTime recorded_at;
  std::string by;
};

/// One trainee's days in a session: each day of the session up to `through` is exactly one of
/// present (a sign-in), on leave, or absent. Days are ascending.
struct TraineeAttendance {
  std::string id_number;
  std::string name;
  std::vector<Date> present, leave, absent;
};

/// The days of a session, from its first to its last day inclusive.
std::vector<Date> session_days(Date first, Date last);

/// The attendance of a trainee who signed in on `present` days (at least one: only trainees of
/// the session have attendance) with `leave` days excused, over `days` (session_days) counted
/// through `through` (today for a running session, so that days to come are not absent yet).
/// A day both signed in and on leave counts as present.
TraineeAttendance attendance_of(std::string id_number, std::string name, const std::vector<Date>& days,
                                const std::vector<Date>& present, const std::vector<Date>& leave, Date through);

/// attendance_of over the days of `session`, counted through its last day when it is closed,
/// else through `today` (days to come are not absent yet).
TraineeAttendance session_attendance(const Session& session, std::string id_number, std::string name,
                                     const std::vector<Date>& present, const std::vector<Date>& leave, Date today);

}  // namespace ldt
