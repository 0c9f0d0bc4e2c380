#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "ldt/domain/signin.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/index.hpp"

namespace ldt {

namespace {
/// Appends "AND <column> op ?" clauses for the non-empty parts of a report filter.
struct FilterSql {
  std::string where;
  std::vector<std::string> values;
};

FilterSql filter_sql(const ReportFilter& filter, const char* session_column) {
  FilterSql out;
  auto add = [&](const std::string& value, const std::string& clause) {
    if (value.empty()) return;
    out.where += " AND " + clause;
    out.values.push_back(value);
  };
  add(filter.session, fmt::format("{} = ?", session_column));
  add(filter.provider, "p.provider = ?");
  add(filter.from, "substr(s.start, 1, 10) >= ?");
  add(filter.to, "substr(s.start, 1, 10) <= ?");
  return out;
}

void bind_all(SQLite::Statement& statement, const std::vector<std::string>& values, int first = 1) {
  for (const auto& value : values) statement.bind(first++, value);
}

SessionRow session_from(SQLite::Statement& q) {
  SessionRow row;
  row.id = q.getColumn(0).getString();
  row.plan = q.getColumn(1).getString();
  row.provider = q.getColumn(2).getString();
  row.start = q.getColumn(3).getString();
  row.end = q.getColumn(4).getString();
  row.location = q.getColumn(5).getString();
  row.mode = q.getColumn(6).getString();
  row.status = q.getColumn(7).getString();
  row.person_times = q.getColumn(8).getInt64();
  row.signin_days = q.getColumn(9).getInt64();
  row.open_rejects = q.getColumn(10).getInt64();
  return row;
}

constexpr const char* k_session_select =
    "SELECT s.id, s.plan, coalesce(p.provider, ''), s.start, s.end, s.location, s.mode, s.status, "
    "(SELECT count(DISTINCT id_number) FROM signin WHERE session = s.id), "
    "(SELECT count(*) FROM signin WHERE session = s.id), "
    "(SELECT count(*) FROM reject WHERE session = s.id) "
    "FROM session s LEFT JOIN plan p ON p.id = s.plan WHERE 1 = 1";

PlanRow plan_from(SQLite::Statement& q) {
  PlanRow row;
  row.id = q.getColumn(0).getString();
  row.provider = q.getColumn(1).getString();
  row.title = q.getColumn(2).getString();
  row.window_start = q.getColumn(3).getString();
  row.window_end = q.getColumn(4).getString();
  row.status = q.getColumn(5).getString();
  row.file_sha256 = q.getColumn(6).getString();
  row.approved_sha256 = q.getColumn(7).getString();
  row.decided_at = q.getColumn(8).getString();
  return row;
}

constexpr const char* k_plan_select =
    "SELECT p.id, p.provider, p.title, p.window_start, p.window_end, coalesce(d.status, 'submitted'), "
    "f.sha256, coalesce(d.approved_sha256, ''), coalesce(d.decided_at, '') "
    "FROM plan p JOIN file f ON f.id = p.file_id LEFT JOIN plan_decision d ON d.plan = p.id";
}  // namespace

std::vector<ProviderRow> Index::providers() {
  std::vector<ProviderRow> rows;
  SQLite::Statement q(*db_, "SELECT id, name FROM provider ORDER BY id");
  while (q.executeStep()) rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return rows;
}

std::vector<InstructorRow> Index::instructors() {
  std::vector<InstructorRow> rows;
  SQLite::Statement q(*db_, "SELECT id, name, role, provider, credentials FROM instructor ORDER BY id");
  while (q.executeStep()) {
    rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getInt()});
  }
  return rows;
}

std::vector<PlanRow> Index::plans() {
  std::vector<PlanRow> rows;
  SQLite::Statement q(*db_, fmt::format("{} ORDER BY p.id", k_plan_select));
  while (q.executeStep()) rows.push_back(plan_from(q));
  return rows;
}

std::optional<PlanRow> Index::plan(std::string_view id) {
  SQLite::Statement q(*db_, fmt::format("{} WHERE p.id = ?", k_plan_select));
  q.bind(1, std::string(id));
  if (!q.executeStep()) return std::nullopt;
  return plan_from(q);
}

std::vector<SessionRow> Index::sessions(const ReportFilter& filter) {
  auto sql = filter_sql(filter, "s.id");
  SQLite::Statement q(*db_, fmt::format("{}{} ORDER BY s.start, s.id", k_session_select, sql.where));
  bind_all(q, sql.values);
  std::vector<SessionRow> rows;
  while (q.executeStep()) rows.push_back(session_from(q));
  return rows;
}

std::optional<SessionRow> Index::session(std::string_view id) {
  SQLite::Statement q(*db_, fmt::format("{} AND s.id = ?", k_session_select));
  q.bind(1, std::string(id));
  if (!q.executeStep()) return std::nullopt;
  return session_from(q);
}

bool Index::has_trainees() { return db_->execAndGet("SELECT EXISTS (SELECT 1 FROM signin)").getInt() != 0; }

std::optional<TraineeContact> Index::trainee(std::string_view id_number) {
  // One pass over the trainee's rows (few), newest first: the name of the latest import, and the
  // latest non-empty phone and address.
  if (!trainee_query_) {
    trainee_query_ =
        std::make_unique<SQLite::Statement>(*db_,
                                            "SELECT name, phone, address FROM signin WHERE id_number = ? "
                                            "ORDER BY imported_at DESC, updated_at DESC, session DESC, ord DESC");
  }
  auto& q = *trainee_query_;
  q.reset();
  q.bind(1, std::string(id_number));
  std::optional<TraineeContact> contact;
  while (q.executeStep()) {
    if (!contact) contact = TraineeContact{q.getColumn(0).getString(), {}, {}};
    if (contact->phone.empty()) contact->phone = q.getColumn(1).getString();
    if (contact->address.empty()) contact->address = q.getColumn(2).getString();
    if (!contact->phone.empty() && !contact->address.empty()) break;
  }
  q.reset();
  if (contact) {
    SQLite::Statement renamed(*db_, "SELECT name FROM trainee_name WHERE id_number = ? ORDER BY ord DESC LIMIT 1");
    renamed.bind(1, std::string(id_number));
    if (renamed.executeStep()) contact->name = renamed.getColumn(0).getString();
  }
  return contact;
}

std::vector<TraineeRow> Index::trainees(int category, std::string_view id_number) {
  // One trainee by the ID index, or every trainee by one scan.
  const char* where = id_number.empty() ? "" : " WHERE id_number = ?";
  SQLite::Statement q(*db_, fmt::format("SELECT id_number, name, phone, address, town, categories FROM signin{} "
                                        "ORDER BY id_number, imported_at, updated_at, session, ord",
                                        where));
  SQLite::Statement count(
      *db_, fmt::format("SELECT id_number, COUNT(DISTINCT session) FROM signin{} GROUP BY id_number ORDER BY id_number",
                        where));
  if (!id_number.empty()) {
    q.bind(1, std::string(id_number));
    count.bind(1, std::string(id_number));
  }
  std::vector<TraineeRow> out;
  while (q.executeStep()) {
    auto id = q.getColumn(0).getString();
    if (out.empty() || out.back().id_number != id) {
      out.push_back({id, {}, {}, {}, {}, 0, 0, 0});
    }
    auto& t = out.back();
    t.name = q.getColumn(1).getString();  // the latest import's
    if (auto phone = q.getColumn(2).getString(); !phone.empty()) t.phone = phone;
    if (auto address = q.getColumn(3).getString(); !address.empty()) t.address = address;
    if (auto town = q.getColumn(4).getString(); !town.empty()) t.town = town;
    t.categories |= static_cast<std::uint32_t>(q.getColumn(5).getInt64());
    ++t.days;
  }
  // Distinct sessions per trainee, by the grouped query.
  std::size_t i = 0;
  while (count.executeStep() && i < out.size()) {
    if (out[i].id_number == count.getColumn(0).getString()) out[i++].sessions = count.getColumn(1).getInt64();
  }
  auto names = current_names();
  std::vector<TraineeRow> kept;
  for (auto& t : out) {
    if (auto it = names.find(t.id_number); it != names.end()) t.name = it->second;
    if (category < 0 || (t.categories & (1U << static_cast<unsigned>(category))) != 0) kept.push_back(std::move(t));
  }
  return kept;
}

std::vector<TraineeSession> Index::trainee_sessions(std::string_view id_number) {
  SQLite::Statement q(*db_,
                      "SELECT g.session, s.start, g.day FROM signin g JOIN session s ON s.id = g.session "
                      "WHERE g.id_number = ? ORDER BY s.start, g.session, g.day");
  q.bind(1, std::string(id_number));
  std::vector<TraineeSession> out;
  while (q.executeStep()) {
    auto session = q.getColumn(0).getString();
    if (out.empty() || out.back().session != session) out.push_back({session, q.getColumn(1).getString(), {}});
    if (auto day = parse_iso_date(q.getColumn(2).getString())) out.back().days.push_back(*day);
  }
  return out;
}

std::unordered_map<std::string, std::string> Index::current_names() {
  std::unordered_map<std::string, std::string> names;
  SQLite::Statement q(*db_, "SELECT id_number, name FROM trainee_name ORDER BY ord");
  while (q.executeStep()) names[q.getColumn(0).getString()] = q.getColumn(1).getString();
  return names;
}

std::function<bool(StoredSignin&)> Index::signin_cursor(std::string_view session) {
  // The sort by day spills to a temporary file past the page cache instead of growing in
  // memory: a million sign-ins list in bounded memory (README "Limits").
  db_->exec("PRAGMA temp_store=FILE; PRAGMA cache_size=-16384");
  auto q = std::make_shared<SQLite::Statement>(
      *db_,
      "SELECT day, id_number, name, gender, birth_date, phone, address, town, village, categories, "
      "signed_at, imported_at, updated_at FROM signin WHERE session = ? ORDER BY day, ord");
  q->bind(1, std::string(session));
  return [q](StoredSignin& s) {
    if (!q->executeStep()) return false;
    s.day = q->getColumn(0).getString();
    s.id_number = q->getColumn(1).getString();
    s.name = q->getColumn(2).getString();
    s.gender = q->getColumn(3).getString();
    s.birth_date = q->getColumn(4).getString();
    s.phone = q->getColumn(5).getString();
    s.address = q->getColumn(6).getString();
    s.town = q->getColumn(7).getString();
    s.village = q->getColumn(8).getString();
    s.categories = category_ids(static_cast<std::uint32_t>(q->getColumn(9).getInt64()));
    s.signed_at = q->getColumn(10).getString();
    s.imported_at = q->getColumn(11).getString();
    s.updated_at = q->getColumn(12).getString();
    return true;
  };
}

std::vector<RejectRow> Index::rejects(std::string_view session) {
  SQLite::Statement q(*db_,
                      "SELECT source_file, source_sha256, field, code, message, imported_at, line FROM reject "
                      "WHERE session = ? ORDER BY ord");
  q.bind(1, std::string(session));
  std::vector<RejectRow> rows;
  while (q.executeStep()) {
    rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                    q.getColumn(6).getInt()});
  }
  return rows;
}

void Index::for_each_attendance(const ReportFilter& filter, const std::function<void(const AttendanceRow&)>& fn) {
  // One scan in table order (no ORDER BY: walking an index and looking up every row is several
  // times slower), aggregated per (session, trainee) here, then sorted once.
  auto sql = filter_sql(filter, "g.session");
  SQLite::Statement q(*db_,
                      fmt::format("SELECT g.session, coalesce(p.provider, ''), substr(s.start, 1, 7), g.id_number, "
                                  "g.town, g.categories, g.day, g.ord FROM signin g "
                                  "JOIN session s ON s.id = g.session LEFT JOIN plan p ON p.id = s.plan "
                                  "WHERE 1 = 1{}",
                                  sql.where));
  bind_all(q, sql.values);
  struct SessionInfo {
    std::string id, provider, month;
  };
  struct Entry {
    std::uint32_t session;
    std::uint64_t person;
    std::uint32_t categories = 0;
    int days = 0;
    std::string town, town_day;
    long long town_ord = -1;
  };
  std::vector<SessionInfo> sessions;
  std::unordered_map<std::string, std::uint32_t> session_index;
  std::unordered_map<std::uint64_t, std::size_t> entry_index;  // (session << 40) ^ person → entries
  std::vector<Entry> entries;
  std::vector<std::string> id_numbers;
  entry_index.reserve(1 << 16);
  std::uint32_t current = 0;
  while (q.executeStep()) {
    std::string_view session = q.getColumn(0).getText();
    if (sessions.empty() || sessions[current].id != session) {
      auto [it, inserted] =
          session_index.try_emplace(std::string(session), static_cast<std::uint32_t>(sessions.size()));
      if (inserted) sessions.push_back({std::string(session), q.getColumn(1).getString(), q.getColumn(2).getString()});
      current = it->second;
    }
    std::string_view id_number = q.getColumn(3).getText();
    std::uint64_t person = pack_id_number(id_number);
    std::uint64_t key = person * 1000003ULL + current;
    auto [slot, fresh] = entry_index.try_emplace(key, entries.size());
    if (fresh) {
      entries.push_back(Entry{current, person});
      id_numbers.emplace_back(id_number);
    }
    Entry& entry = entries[slot->second];
    entry.categories |= static_cast<std::uint32_t>(q.getColumn(5).getInt64());
    ++entry.days;
    std::string_view town = q.getColumn(4).getText();
    std::string_view day = q.getColumn(6).getText();
    long long ord = q.getColumn(7).getInt64();
    if (!town.empty() && (day > entry.town_day || (day == entry.town_day && ord > entry.town_ord))) {
      entry.town = town;
      entry.town_day = day;
      entry.town_ord = ord;
    }
  }
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = entries[a];
    const auto& y = entries[b];
    if (x.session != y.session) return sessions[x.session].id < sessions[y.session].id;
    return x.person < y.person;
  });
  for (std::size_t i : order) {
    const Entry& e = entries[i];
    const SessionInfo& info = sessions[e.session];
    fn(AttendanceRow{info.id, info.provider, info.month, id_numbers[i], e.town, e.categories, e.days});
  }
}

std::optional<std::pair<Date, Date>> Index::session_days(std::string_view session) {
  SQLite::Statement q(*db_, "SELECT substr(start, 1, 10), substr(end, 1, 10) FROM session WHERE id = ?");
  q.bind(1, std::string(session));
  if (!q.executeStep()) return std::nullopt;
  auto first = parse_iso_date(q.getColumn(0).getString());
  auto last = parse_iso_date(q.getColumn(1).getString());
  if (!first || !last) return std::nullopt;
  return std::make_pair(*first, *last);
}

std::vector<TraineeDays> Index::trainee_days(std::string_view session) {
  SQLite::Statement q(*db_,
                      "SELECT id_number, day, name FROM signin WHERE session = ? "
                      "ORDER BY id_number, day, imported_at, updated_at, ord");
  q.bind(1, std::string(session));
  std::vector<TraineeDays> out;
  while (q.executeStep()) {
    auto id = q.getColumn(0).getString();
    if (out.empty() || out.back().id_number != id) out.push_back({id, {}, {}});
    if (auto day = parse_iso_date(q.getColumn(1).getString())) out.back().days.push_back(*day);
    out.back().name = q.getColumn(2).getString();  // the latest day's name
  }
  auto names = current_names();
  for (auto& trainee : out) {
    if (auto it = names.find(trainee.id_number); it != names.end()) trainee.name = it->second;
  }
  return out;
}

std::vector<Leave> Index::leave(std::string_view session) {
  SQLite::Statement q(*db_,
                      "SELECT id_number, day, reason, recorded_at, by FROM leave WHERE session = ? "
                      "ORDER BY id_number, day");
  q.bind(1, std::string(session));
  std::vector<Leave> out;
  while (q.executeStep()) {
    Leave l;
    l.id_number = q.getColumn(0).getString();
    l.day = parse_iso_date(q.getColumn(1).getString()).value_or(Date{});
    l.reason = q.getColumn(2).getString();
    l.recorded_at = parse_datetime(q.getColumn(3).getString()).value_or(DateTime{});
    l.by = q.getColumn(4).getString();
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<SurveyResponse> Index::survey_responses(std::string_view session) {
  SQLite::Statement q(
      *db_,
      "SELECT trainee, submitted_at, serial, recorded_at, answers FROM survey_response WHERE session = ? "
      "ORDER BY ord");
  q.bind(1, std::string(session));
  std::vector<SurveyResponse> out;
  while (q.executeStep()) {
    SurveyResponse r;
    r.trainee = q.getColumn(0).getString();
    r.submitted_at = q.getColumn(1).getString();
    r.serial = q.getColumn(2).getString();
    r.recorded_at = q.getColumn(3).getString();
    const std::string answers = q.getColumn(4).getString();
    for (std::size_t start = 0; start < answers.size();) {
      std::size_t end = answers.find('\x1f', start);
      if (end == std::string::npos) end = answers.size();
      std::string entry = answers.substr(start, end - start);
      if (auto eq = entry.find('='); eq != std::string::npos)
        r.answers.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
      start = end + 1;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Followup> Index::followups(std::string_view trainee, std::string_view session) {
  SQLite::Statement q(*db_,
                      "SELECT trainee, date, method, staff, shop_opened, shop_name, platform, shop_url, monthly_sales, "
                      "employed, service, note, recorded_at, by FROM followup "
                      "WHERE (?1 = '' OR trainee = ?1) "
                      "AND (?2 = '' OR trainee IN (SELECT id_number FROM signin WHERE session = ?2)) "
                      "ORDER BY date, file_id, ord");
  q.bind(1, std::string(trainee));
  q.bind(2, std::string(session));
  std::vector<Followup> out;
  auto yes_no = [](const std::string& cell) -> std::optional<bool> {
    if (cell.empty()) return std::nullopt;
    return cell == "yes";
  };
  while (q.executeStep()) {
    Followup f;
    f.trainee = q.getColumn(0).getString();
    f.date = parse_iso_date(q.getColumn(1).getString()).value_or(Date{});
    f.method = followup_method_from(q.getColumn(2).getString()).value_or(FollowupMethod::phone);
    f.staff = q.getColumn(3).getString();
    f.shop_opened = yes_no(q.getColumn(4).getString());
    f.shop_name = q.getColumn(5).getString();
    f.platform = q.getColumn(6).getString();
    f.shop_url = q.getColumn(7).getString();
    f.monthly_sales = sales_from(q.getColumn(8).getString());
    f.employed = yes_no(q.getColumn(9).getString());
    f.service = q.getColumn(10).getString();
    f.note = q.getColumn(11).getString();
    f.recorded_at = q.getColumn(12).getString();
    f.by = q.getColumn(13).getString();
    out.push_back(std::move(f));
  }
  return out;
}

std::map<std::string, Date> Index::trainee_first_days() {
  SQLite::Statement q(*db_,
                      "SELECT g.id_number, MIN(s.start) FROM (SELECT DISTINCT id_number, session FROM signin) g "
                      "JOIN session s ON s.id = g.session GROUP BY g.id_number");
  std::map<std::string, Date> out;
  while (q.executeStep()) {
    if (auto start = parse_datetime(q.getColumn(1).getString())) out.emplace(q.getColumn(0).getString(), start->date);
  }
  return out;
}

std::vector<std::string> Index::trainee_survey_sessions(std::string_view id_number) {
  SQLite::Statement q(*db_, "SELECT DISTINCT session FROM survey_response WHERE trainee = ? ORDER BY session");
  q.bind(1, std::string(id_number));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<ArchivedDocument> Index::archive_documents(std::string_view session) {
  SQLite::Statement q(*db_,
                      "SELECT kind, file, stored, sha256, size, at, attached_at, by, person_times, instructor "
                      "FROM archive_document WHERE session = ? ORDER BY ord");
  q.bind(1, std::string(session));
  std::vector<ArchivedDocument> out;
  while (q.executeStep()) {
    ArchivedDocument d;
    // The rows came from a manifest its reader checked: kind and times parse.
    d.kind = document_kind_from(q.getColumn(0).getString()).value_or(DocumentKind::other);
    d.file = q.getColumn(1).getString();
    d.stored = q.getColumn(2).getString();
    d.sha256 = q.getColumn(3).getString();
    d.size = q.getColumn(4).getInt64();
    d.at = parse_datetime(q.getColumn(5).getString()).value_or(DateTime{});
    d.attached_at = parse_datetime(q.getColumn(6).getString()).value_or(DateTime{});
    d.by = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) d.person_times = q.getColumn(8).getInt64();
    d.instructor = q.getColumn(9).getString();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace ldt
