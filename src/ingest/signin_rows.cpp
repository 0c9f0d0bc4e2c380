#include "ldt/ingest/signin_rows.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "ldt/domain/category.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/masking.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/ingest/import_run.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {
/// Empty, or only white space and invisible characters (README "How each row and cell is read": U+3000, NBSP, U+200B…).
bool is_space_only(std::string_view text) { return trim_blanks(text).empty(); }

Issue issue(const char* code, const char* field, std::string message) { return Issue{code, field, std::move(message)}; }

/// The cell under `field`'s column, or "" when the header lacks it or the row is short.
std::string_view cell_of(const HeaderMap& header, const Record& record, Field field) {
  auto column = header.column(field);
  if (!column || *column >= record.cells.size()) return {};
  return record.cells[*column];
}

/// The sheet's other columns as one JSON object, header → cell, in column order; a repeated
/// header gets #2, #3, …. Linear in the row's width (10,000 columns cost 10,000 steps, not
/// 10,000² key lookups).
std::string extra_json(const HeaderMap& header, const Record& record, const std::string& phone_extra) {
  auto quoted = [](const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  std::string out;
  std::unordered_set<std::string> used;
  std::unordered_map<std::string, int> next_suffix;
  auto add = [&](std::string key, const std::string& value) {
    if (!used.insert(key).second) {
      int& n = next_suffix.try_emplace(key, 2).first->second;
      std::string base = key;
      do key = fmt::format("{}#{}", base, n++);
      while (!used.insert(key).second);
    }
    out += out.empty() ? "{" : ",";
    out += quoted(key) + ":" + quoted(value);
  };
  for (size_t i = 0; i < header.width && i < record.cells.size(); ++i) {
    if (header.fields[i] != Field::extra || is_space_only(record.cells[i])) continue;
    add(header.names[i].empty() ? fmt::format("column{}", i + 1) : header.names[i], record.cells[i]);
  }
  if (!phone_extra.empty()) add("phone_extra", phone_extra);
  if (out.empty()) return {};
  return out + "}";
}

std::optional<Issue> flag_categories(std::string_view cell, Category category, const char* column,
                                     std::vector<Category>& categories) {
  switch (parse_flag(cell)) {
    case FlagValue::yes:
      categories.push_back(category);
      return std::nullopt;
    case FlagValue::no:
      return std::nullopt;
    case FlagValue::invalid:
      break;
  }
  return issue("category-unknown", column,
               fmt::format(fmt::runtime(tr("\"{}\" is not a yes/no value; write 是/否 (also √, 1/0, Y/N, 有/无)")),
                           trim_blanks(cell)));
}
}  // namespace

bool is_blank_row(const Record& record) {
  for (const auto& cell : record.cells) {
    if (!is_space_only(cell)) return false;
  }
  return true;
}

bool is_footer_row(const Record& record) {
  for (const auto& cell : record.cells) {
    if (is_space_only(cell)) continue;
    std::string text = trim_blanks(cell);
    for (const char* word : {"合计", "制表人", "填表人", "审核人"}) {
      if (std::string_view(text).starts_with(word)) return true;
    }
    return false;
  }
  return false;
}

NormalizedRow normalize_row(const HeaderMap& header, const Record& record, const ImportSession& session) {
  NormalizedRow out;
  auto reject = [&](Issue reason) {
    reason.message = mask_digit_runs(reason.message);
    out.reject = std::move(reason);
    out.signin.reset();
    return out;
  };
  if (auto problem = row_problem(header, record)) return reject(std::move(*problem));
  std::string_view raw_name = cell_of(header, record, Field::name);
  std::string_view raw_id = cell_of(header, record, Field::id_number);
  if (is_space_only(raw_name)) {
    return reject(issue("missing-field", "name", tr("the name is empty; fill it in from the paper sheet")));
  }
  if (clean_id_text(raw_id).empty()) {
    return reject(issue("missing-field", "id_number", tr("the ID number is empty; fill it in from the paper sheet")));
  }
  if (auto column = header.column(Field::id_number);
      column && *column < record.kinds.size() && record.kinds[*column] == CellKind::long_number) {
    return reject(issue("id-excel-damaged", "id_number",
                        tr("Excel destroyed this ID number: the cell holds a number, and a number keeps at most 15 "
                           "significant digits, so the last digits of an 18-digit ID are lost whatever they look "
                           "like. Type it again from the paper sheet; next time format the ID column as 文本/Text "
                           "before typing (or start the cell with ').")));
  }
  IdNumberResult id = parse_id_number(raw_id, session.first_day, session.min_age, session.max_age);
  if (id.reject) return reject(*id.reject);
  NameResult name = parse_person_name(raw_name);
  if (name.reject) return reject(*name.reject);
  PhoneResult phone = parse_phone(cell_of(header, record, Field::phone));
  if (phone.reject) return reject(*phone.reject);

  CategoryResult categories = parse_categories(cell_of(header, record, Field::category));
  if (categories.reject) return reject(*categories.reject);
  if (auto problem = flag_categories(cell_of(header, record, Field::poor_household), Category::poor_household,
                                     "poor_household", categories.categories)) {
    return reject(*problem);
  }
  if (auto problem = flag_categories(cell_of(header, record, Field::disabled), Category::disabled, "disabled",
                                     categories.categories)) {
    return reject(*problem);
  }
  SigninDateResult date = parse_signin_date(cell_of(header, record, Field::signed_at), session.first_day,
                                            session.last_day, session.sheet_day);
  if (date.reject) return reject(*date.reject);

  StoredSignin s;
  s.day = format_date(date.day);
  s.id_number = id.id->value;
  s.name = name.name;
  s.gender = std::string(1, id.id->gender);
  s.birth_date = format_date(id.id->birth_date);
  s.phone = phone.phone;
  s.address = trim_blanks(cell_of(header, record, Field::address));
  s.town = trim_blanks(cell_of(header, record, Field::town));
  s.village = trim_blanks(cell_of(header, record, Field::village));
  s.categories = category_ids(category_mask(categories.categories));
  if (date.seconds_of_day) s.signed_at = format_datetime(DateTime{date.day, *date.seconds_of_day});
  s.note = trim_blanks(cell_of(header, record, Field::note));
  s.extra = extra_json(header, record, phone.extra);
  s.source_line = record.line;

  for (auto* warnings : {&id.warnings, &name.warnings, &phone.warnings, &date.warnings}) {
    for (auto& warning : *warnings) {
      warning.message = mask_digit_runs(warning.message);
      out.warnings.push_back(std::move(warning));
    }
  }
  std::string gender_cell = trim_blanks(cell_of(header, record, Field::gender));
  if ((gender_cell == "男" && s.gender == "F") || (gender_cell == "女" && s.gender == "M")) {
    out.warnings.push_back(issue("gender-mismatch", "gender",
                                 tr("the sheet's gender differs from the one the ID number encodes; the ID's is "
                                    "kept — check the ID number on the paper sheet")));
  }
  if (s.phone.empty()) {
    out.warnings.push_back(issue("phone-missing", "phone",
                                 tr("no phone number: the statistics table (Art. 8.4.1) stays incomplete until it "
                                    "is filled in")));
  }
  if (s.address.empty() && s.town.empty() && s.village.empty()) {
    out.warnings.push_back(issue("address-missing", "address",
                                 tr("no address: the statistics table (Art. 8.4.1) stays incomplete until it is "
                                    "filled in")));
  }
  out.signin = std::move(s);
  return out;
}

}  // namespace ldt
