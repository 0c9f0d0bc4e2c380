// ldt provider add|list|show · ldt instructor add|list|show
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/rules.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

// Business contacts (a company's or an instructor's registered phone) are shown as registered;
// free text is masked by what it holds.
std::vector<RecordField> fields_of(const Provider& p) {
  return {{"id", literal_cell(p.id)},
          {"name", text_cell(p.name), tr("company name")},
          {"credit_code", literal_cell(p.credit_code)},
          {"contact", text_cell(p.contact)},
          {"phone", literal_cell(p.phone)},
          {"address", text_cell(p.address), tr("company address")},
          {"contract", literal_cell(p.contract)}};
}

std::vector<RecordField> fields_of(const Instructor& i) {
  std::vector<RecordField> fields = {{"id", literal_cell(i.id)},
                                     {"name", text_cell(i.name)},
                                     {"role", label_cell(std::string(to_string(i.role)))},
                                     {"provider", literal_cell(i.provider)},
                                     {"phone", literal_cell(i.phone)},
                                     {"practice_years", literal_cell(std::to_string(i.practice_years))},
                                     {"project_cases", text_cell(fmt::format("{}", fmt::join(i.project_cases, "; ")))},
                                     {"bio", text_cell(i.bio)}};
  for (size_t n = 0; n < i.credentials.size(); ++n) {
    const auto& c = i.credentials[n];
    fields.push_back({fmt::format("credentials[{}]", n + 1),
                      text_cell(fmt::format(fmt::runtime(tr("{} {} ({}) {}..{}")), value_label(to_string(c.kind)),
                                            c.number, c.issuer, format_date(c.valid_from),
                                            c.valid_until ? format_date(*c.valid_until) : ""))});
  }
  return fields;
}

/// What differs between the two registered kinds.
template <typename T>
struct Kind;

template <>
struct Kind<Provider> {
  static constexpr const char* name = "provider";
  static Provider read(const std::string& text, const std::string& file) { return read_provider(text, file); }
  static fs::path path(std::string_view id) { return record_path("provider", id); }
  static void check(Context&, const Provider&, const std::string&, const std::string&) {}
  static Table list(Context& context) {
    Table table{{{"id", tr("id")}, {"name", tr("company name")}}, {}, {}, {}};
    for (const auto& row : context.index().providers()) {
      table.rows.push_back({literal_cell(row.id), text_cell(row.name)});
    }
    return table;
  }
};

template <>
struct Kind<Instructor> {
  static constexpr const char* name = "instructor";
  static Instructor read(const std::string& text, const std::string& file) { return read_instructor(text, file); }
  static fs::path path(std::string_view id) { return record_path("instructor", id); }
  static void check(Context& context, const Instructor& instructor, const std::string& text, const std::string& file) {
    if (!instructor.provider.empty()) {
      commands::require_present(context, record_path("provider", instructor.provider), "provider", instructor.provider,
                                file, toml_key_line(text, "provider"), "provider");
    }
    // Judged on the day the latest accepted credential starts: plans may be for any year.
    Date day = context.now().date;
    bool any = false;
    for (const auto& credential : instructor.credentials) {
      if (!is_accepted_credential(credential.kind)) continue;
      if (!any || day_number(credential.valid_from) > day_number(day)) day = credential.valid_from;
      any = true;
    }
    for (const auto& finding :
         check_instructor_credential(instructor, day, context.settings().rules.min_practice_years)) {
      context.note(Diagnostic{Severity::warning,
                              finding.rule,
                              {},
                              0,
                              {},
                              finding.message,
                              tr("plans naming this instructor will be refused until this is fixed")});
    }
  }
  static Table list(Context& context) {
    Table table{{{"id", tr("id")},
                 {"name", tr("name")},
                 {"role", tr("role")},
                 {"provider", tr("provider")},
                 {"credentials", tr("credentials")}},
                {},
                {},
                {}};
    for (const auto& row : context.index().instructors()) {
      table.rows.push_back({literal_cell(row.id), text_cell(row.name), label_cell(row.role), literal_cell(row.provider),
                            integer_cell(row.credentials)});
    }
    return table;
  }
};

template <typename T>
void register_kind(CommandTable& table, const char* description) {
  using K = Kind<T>;
  auto* group = table.group(K::name, description);
  auto file = std::make_shared<std::string>();
  auto* add = group->add_subcommand("add", tr("register from a TOML file"));
  add->add_option("file", *file, tr("TOML file"))
      ->required()
      ->check(commands::input_file(commands::k_max_record_bytes));
  table.add(add, fmt::format("{} add", K::name), Access::write, [file](Context& context) {
    std::string text = read_file(*file, *file);
    T record = K::read(text, *file);
    commands::require_absent(context, K::path(record.id), K::name, record.id);
    K::check(context, record, text, *file);
    WriteSet writes(context.root());
    writes.put(K::path(record.id), text);
    context.commit(writes, record.id);
    return commands::message_result(fmt::format(fmt::runtime(tr("registered {} {}")), label_of(K::name), record.id));
  });

  auto* list = group->add_subcommand("list", tr("list registered ones"));
  table.add(list, fmt::format("{} list", K::name), Access::read, [](Context& context) {
    Result result;
    result.document.add_table(K::list(context));
    return result;
  });

  auto id = std::make_shared<std::string>();
  auto* show = group->add_subcommand("show", tr("show one"));
  show->add_option("id", *id, tr("id"))->required();
  table.add(show, fmt::format("{} show", K::name), Access::read, [id](Context& context) {
    commands::require_present(context, K::path(*id), K::name, *id);
    auto relative = K::path(*id).generic_string();
    T record = K::read(read_file(context.root() / relative, relative), relative);
    return commands::record_result(fields_of(record));
  });
}
}  // namespace

void register_provider(CommandTable& table) { register_kind<Provider>(table, tr("training providers (培训服务商)")); }

void register_instructor(CommandTable& table) {
  register_kind<Instructor>(table, tr("instructors and their credentials (讲师资质, Art. 6)"));
}

}  // namespace ldt
