// Sessions: sessions/<id>/session.toml.
#include <fmt/format.h>

#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"
#include "records_toml.hpp"

namespace ldt {

Session read_session(std::string_view text, std::string_view file) {
  const toml::table doc = records::load(text, "session", file);
  Session session;
  session.id = records::text(doc, "id");
  session.plan = records::text(doc, "plan");
  session.start = records::datetime(doc, "start").value_or(DateTime{});
  session.end = records::datetime(doc, "end").value_or(DateTime{});
  session.location = records::text(doc, "location");
  session.mode = session_mode_from(records::text(doc, "mode")).value_or(SessionMode::offline);
  session.head_teacher = records::text(doc, "head_teacher");
  session.instructors = records::texts(doc, "instructors");
  session.status = session_status_from(records::text(doc, "status")).value_or(SessionStatus::open);
  session.opened_at = records::datetime(doc, "opened_at").value_or(DateTime{});
  session.opened_by = records::text(doc, "opened_by");
  session.closed_at = records::datetime(doc, "closed_at");
  session.ended_at = records::datetime(doc, "ended_at");
  if (session.end <= session.start) {
    records::throw_if_any(
        {Diagnostic{Severity::error, "date-order", std::string(file), records::line_of(doc, "end"), "end",
                    tr("the end is not after the start"),
                    fmt::format(fmt::runtime(tr("use a time after {}")), format_datetime(session.start))}});
  }
  return session;
}

std::string write_session(const Session& session) {
  records::Writer out;
  out.text("id", session.id);
  out.text("plan", session.plan);
  out.datetime("start", session.start);
  out.datetime("end", session.end);
  out.text("location", session.location);
  out.text("mode", to_string(session.mode));
  out.optional_text("head_teacher", session.head_teacher);
  out.texts("instructors", session.instructors);
  out.text("status", to_string(session.status));
  out.datetime("opened_at", session.opened_at);
  out.text("opened_by", session.opened_by);
  out.optional_datetime("closed_at", session.closed_at);
  out.optional_datetime("ended_at", session.ended_at);
  return out.str();
}

}  // namespace ldt
