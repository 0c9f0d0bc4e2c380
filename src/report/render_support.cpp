#include "render_support.hpp"

#include "ldt/domain/masking.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt::render_support {

std::vector<std::size_t> human_columns(const Table& table) {
  std::vector<std::size_t> order;
  if (!table.human_order.empty()) return table.human_order;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].human) order.push_back(i);
  }
  return order;
}

std::vector<std::string> labels(const Table& table, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  out.reserve(columns.size());
  for (std::size_t c : columns) out.push_back(table.columns[c].label);
  return out;
}

void for_each_row(const Table& table, const std::function<void(const Row&)>& fn) {
  for (const auto& row : table.rows) fn(row);
  if (!table.stream) return;
  Row row;
  while (table.stream(row)) fn(row);
}

std::string field_label(std::string_view key) {
  // The keys of the records commands return (JSON keys, stable) and what people read for them.
  static constexpr std::pair<std::string_view, const char*> k_labels[] = {
      {"actor", tr_noop("actor")},
      {"address", tr_noop("address")},
      {"amendment", tr_noop("amendment")},
      {"archive", tr_noop("archive")},
      {"bio", tr_noop("bio")},
      {"command", tr_noop("command")},
      {"contact", tr_noop("contact")},
      {"contract", tr_noop("contract")},
      {"credentials", tr_noop("credentials")},
      {"credit_code", tr_noop("credit code")},
      {"damaged", tr_noop("damaged")},
      {"dangling", tr_noop("dangling references")},
      {"end", tr_noop("end")},
      {"file_matches_approval", tr_noop("file matches approval")},
      {"files", tr_noop("files")},
      {"head_teacher", tr_noop("head teacher")},
      {"id", tr_noop("id")},
      {"instructors", tr_noop("instructors")},
      {"invalid", tr_noop("invalid")},
      {"location", tr_noop("location")},
      {"missing", tr_noop("missing")},
      {"mode", tr_noop("mode")},
      {"name", tr_noop("name")},
      {"ok", tr_noop("ok")},
      {"open_rejects", tr_noop("open rejects")},
      {"opened", tr_noop("opened")},
      {"person_times", tr_noop("person_times")},
      {"phone", tr_noop("phone")},
      {"plan", tr_noop("plan")},
      {"practice_years", tr_noop("practice years")},
      {"project_cases", tr_noop("project cases")},
      {"provider", tr_noop("provider")},
      {"reason", tr_noop("reason")},
      {"role", tr_noop("role")},
      {"seq", tr_noop("seq")},
      {"signin_days", tr_noop("signin_days")},
      {"stale", tr_noop("stale")},
      {"start", tr_noop("start")},
      {"status", tr_noop("status")},
      {"submitted", tr_noop("submitted")},
      {"target", tr_noop("target")},
      {"target_groups", tr_noop("target groups")},
      {"time", tr_noop("time")},
      {"title", tr_noop("title")},
      {"unindexed", tr_noop("unindexed")},
      {"window", tr_noop("window")},
  };
  const std::string_view base = key.substr(0, key.find('['));  // "credentials[1]" keeps its "[1]"
  for (const auto& [name, msgid] : k_labels) {
    if (name == base) return std::string(tr(msgid)) + std::string(key.substr(base.size()));
  }
  return std::string(key);
}

Table record_table(const std::vector<RecordField>& fields) {
  Table table{{{"field", tr("field")}, {"value", tr("value")}}, {}, {}, {}};
  for (const auto& field : fields) table.rows.push_back({literal_cell(field_label(field.key)), field.value});
  return table;
}

void for_each_human_part(const Document& document, const RenderOptions& options, const Sink& sink,
                         const std::function<std::string(const std::string&)>& heading,
                         const std::function<void(const Section&, const Table&)>& table_fn) {
  for (const auto& section : document.sections) {
    if (!section.human) continue;
    // Control characters of the data are shown escaped in every human format.
    if (!section.title.empty()) {
      sink(heading(escape_controls(options.unmask ? section.title : mask_personal_text(section.title))));
    }
    for (const auto& paragraph : section.paragraphs) {
      sink(escape_controls(options.unmask ? paragraph : mask_personal_text(paragraph), true));
      sink("\n");
    }
    if (section.table) table_fn(section, *section.table);
    if (section.record) table_fn(section, record_table(*section.record));
  }
}

}  // namespace ldt::render_support
