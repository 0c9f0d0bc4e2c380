// Attendance per day and excused absence (Measures Art. 9).
#include "ldt/domain/attendance.hpp"

#include <algorithm>

namespace ldt {

std::vector<Date> session_days(Date first, Date last) {
  std::vector<Date> days;
  for (int n = day_number(first); n <= day_number(last); ++n) days.push_back(date_from_day_number(n));
  return days;
}

TraineeAttendance attendance_of(std::string id_number, std::string name, const std::vector<Date>& days,
                                const std::vector<Date>& present, const std::vector<Date>& leave, Date through) {
  TraineeAttendance out{std::move(id_number), std::move(name), {}, {}, {}};
  auto has = [](const std::vector<Date>& list, Date day) {
    return std::find(list.begin(), list.end(), day) != list.end();
  };
  for (Date day : days) {
    if (has(present, day)) {
      out.present.push_back(day);
    } else if (has(leave, day)) {
      out.leave.push_back(day);
    } else if (day_number(day) <= day_number(through)) {
      out.absent.push_back(day);
    }
  }
  return out;
}

TraineeAttendance session_attendance(const Session& session, std::string id_number, std::string name,
                                     const std::vector<Date>& present, const std::vector<Date>& leave, Date today) {
  Date through = session.status == SessionStatus::closed ? session.end.date : today;
  return attendance_of(std::move(id_number), std::move(name), session_days(session.start.date, session.end.date),
                       present, leave, through);
}

}  // namespace ldt
