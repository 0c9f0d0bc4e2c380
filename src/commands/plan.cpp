// ldt plan submit|approve|reject|amend|list|show — Measures Art. 8.1, 10.
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/rules.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/records.hpp"
#include "ldt/project/signin_store.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

struct SubmitOptions {
  std::string file;
  std::vector<std::string> courseware;
  std::string application;
};

struct DecideOptions {
  std::string id, reason, replace;
  int amendment = 0;
};

Result submit(Context& context, const SubmitOptions& options) {
  std::string text = read_file(options.file, options.file);
  Plan plan = read_plan(text, options.file);
  commands::require_absent(context, record_path("plan", plan.id), "plan", plan.id);
  commands::require_present(context, record_path("provider", plan.provider), "provider", plan.provider, options.file,
                            toml_key_line(text, "provider"), "provider");
  if (day_number(plan.window_end) < day_number(plan.window_start)) {
    throw input_error(tr("the plan's window ends before it starts"), tr("check window_start and window_end"),
                      options.file, 0, "window_end");
  }
  std::vector<Diagnostic> unqualified;
  for (const auto& id : plan.instructors) {
    commands::require_present(context, record_path("instructor", id), "instructor", id, options.file,
                              toml_key_line(text, "instructors"), "instructors");
    Instructor instructor = commands::load_instructor(context, id);
    for (auto& diagnostic : to_diagnostics(
             check_instructor_credential(instructor, plan.window_start, context.settings().rules.min_practice_years))) {
      unqualified.push_back(std::move(diagnostic));
    }
  }
  if (!unqualified.empty()) throw Error(ExitCode::state, std::move(unqualified));

  WriteSet writes(context.root());
  writes.put(record_path("plan", plan.id), text);
  std::string manifest;
  auto attach = [&](const std::string& kind, const std::string& file) {
    // Copied first, then named by the copy's hash: the archived bytes are the hashed bytes.
    auto name = fs::path(file).filename().string();
    StagedFile& copy = writes.copy_from(paths::plan_files(plan.id) / name, file);
    std::string sha = copy.sha256();
    auto relative = paths::plan_attachment(plan.id, sha, name);
    writes.relocate(copy, relative);
    manifest +=
        attachment_line({kind, relative.filename().string(), sha, format_datetime(context.now()), context.actor()});
  };
  for (const auto& file : options.courseware) attach("courseware", file);
  if (!options.application.empty()) attach("application", options.application);
  if (!manifest.empty()) {
    writes.put(paths::plan_files(plan.id) / "manifest.csv", attachments_header_line() + manifest);
  }
  PlanDecision decision;
  decision.plan = plan.id;
  decision.submitted_at = context.now();
  decision.submitted_by = context.actor();
  decision.submitted_sha256 = sha256_hex(text);
  writes.put(record_path("plan_decision", plan.id), write_plan_decision(decision));
  context.commit(writes, plan.id);
  return commands::message_result(
      fmt::format(fmt::runtime(tr("submitted plan {} (sha256 {})")), plan.id, decision.submitted_sha256.substr(0, 12)));
}

void save_decision(Context& context, const PlanDecision& decision) {
  WriteSet writes(context.root());
  writes.put(record_path("plan_decision", decision.plan), write_plan_decision(decision));
  context.commit(writes, decision.plan);
}

Result approve(Context& context, const DecideOptions& options) {
  PlanDecision decision = commands::load_plan_decision(context, options.id);
  if (options.amendment > 0) {
    if (decision.status != PlanStatus::approved || options.amendment > static_cast<int>(decision.amendments.size())) {
      throw state_error(
          fmt::format(fmt::runtime(tr("plan {} has no amendment {} to approve")), options.id, options.amendment),
          tr("see `ldt plan show` for its amendments"));
    }
    auto& amendment = decision.amendments[static_cast<size_t>(options.amendment - 1)];
    if (amendment.approved_at) {
      throw state_error(tr("this amendment is already approved"), {});
    }
    amendment.approved_at = context.now();
    amendment.approved_by = context.actor();
    save_decision(context, decision);
    return commands::message_result(fmt::format(fmt::runtime(tr("approved amendment {} of plan {}: {} → {}")),
                                                options.amendment, options.id, amendment.replace_old,
                                                amendment.replace_new));
  }
  if (decision.status != PlanStatus::submitted) {
    throw state_error(
        fmt::format(fmt::runtime(tr("plan {} is already {}")), options.id, value_label(to_string(decision.status))),
        tr("a decided plan is frozen; submit a new plan or request an amendment"));
  }
  decision.status = PlanStatus::approved;
  decision.decided_at = context.now();
  decision.decided_by = context.actor();
  decision.approved_sha256 = sha256_file(context.root() / record_path("plan", options.id));
  save_decision(context, decision);
  return commands::message_result(fmt::format(fmt::runtime(tr("approved plan {} (sha256 {} recorded; the file is "
                                                              "now frozen)")),
                                              options.id, decision.approved_sha256.substr(0, 12)));
}

Result reject(Context& context, const DecideOptions& options) {
  PlanDecision decision = commands::load_plan_decision(context, options.id);
  if (decision.status != PlanStatus::submitted) {
    throw state_error(
        fmt::format(fmt::runtime(tr("plan {} is already {}")), options.id, value_label(to_string(decision.status))),
        {});
  }
  decision.status = PlanStatus::rejected;
  decision.decided_at = context.now();
  decision.decided_by = context.actor();
  decision.reason = options.reason;
  save_decision(context, decision);
  return commands::message_result(fmt::format(fmt::runtime(tr("rejected plan {}")), options.id));
}

Result amend(Context& context, const DecideOptions& options) {
  PlanDecision decision = commands::load_plan_decision(context, options.id);
  if (decision.status != PlanStatus::approved) {
    throw state_error(fmt::format(fmt::runtime(tr("plan {} is not approved")), options.id),
                      tr("an instructor change applies to an approved plan; edit a submitted plan instead"));
  }
  auto equals = options.replace.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == options.replace.size()) {
    throw input_error(tr("--replace must be OLD=NEW (instructor ids)"), {}, {}, 0, "--replace");
  }
  Amendment amendment;
  amendment.number = static_cast<int>(decision.amendments.size()) + 1;
  amendment.replace_old = options.replace.substr(0, equals);
  amendment.replace_new = options.replace.substr(equals + 1);
  if (amendment.replace_old == amendment.replace_new) {
    throw input_error(fmt::format(fmt::runtime(tr("--replace {} replaces an instructor by themself")), options.replace),
                      tr("give the instructor leaving, then the one taking over: OLD=NEW"), {}, 0, "--replace");
  }
  Plan plan = commands::load_plan(context, options.id);
  if (std::find(plan.instructors.begin(), plan.instructors.end(), amendment.replace_old) == plan.instructors.end()) {
    throw input_error(
        fmt::format(fmt::runtime(tr("instructor {} is not in plan {}")), amendment.replace_old, options.id), {}, {}, 0,
        "--replace");
  }
  commands::require_present(context, record_path("instructor", amendment.replace_new), "instructor",
                            amendment.replace_new);
  amendment.reason = options.reason;
  amendment.requested_at = context.now();
  amendment.requested_by = context.actor();
  decision.amendments.push_back(amendment);
  save_decision(context, decision);
  return commands::message_result(fmt::format(fmt::runtime(tr("requested amendment {} of plan {}; the office "
                                                              "approves it with `ldt plan approve {} --amendment {}`")),
                                              amendment.number, options.id, options.id, amendment.number));
}

/// Whether the plan file still matches its approval (plan-frozen, Art. 10.2): "yes", "NO", or an
/// empty cell when the plan is not approved.
Cell frozen_cell(const PlanRow& row) {
  if (row.approved_sha256.empty()) return empty_cell();
  bool matches = row.approved_sha256 == row.file_sha256;
  return flag_cell(matches, matches ? tr("yes") : tr("NO"));
}

Result list(Context& context) {
  Table table{{{"id", tr("id")},
               {"provider", tr("provider")},
               {"status", tr("status")},
               {"window", tr("window"), true, false},
               {"window_start", "window_start", false},
               {"window_end", "window_end", false},
               {"title", tr("title")},
               {"sha256", "sha256", false},
               {"file_matches_approval", tr("file matches approval")}},
              {},
              {},
              {0, 1, 2, 3, 8, 6}};
  for (const auto& row : context.index().plans()) {
    table.rows.push_back({literal_cell(row.id), literal_cell(row.provider), label_cell(row.status),
                          literal_cell(fmt::format(fmt::runtime(tr("{}..{}")), row.window_start, row.window_end)),
                          literal_cell(row.window_start), literal_cell(row.window_end), text_cell(row.title),
                          literal_cell(row.file_sha256), frozen_cell(row)});
  }
  Result result;
  result.document.add_table(std::move(table));
  return result;
}

Result show(Context& context, const std::string& id) {
  Plan plan = commands::load_plan(context, id);
  PlanDecision decision = commands::load_plan_decision(context, id);
  auto row = context.index().plan(id);
  std::vector<RecordField> fields = {
      {"id", literal_cell(plan.id)},
      {"provider", literal_cell(plan.provider)},
      {"title", text_cell(plan.title)},
      {"status", label_cell(std::string(to_string(decision.status)))},
      {"window", literal_cell(fmt::format(fmt::runtime(tr("{}..{}")), format_date(plan.window_start),
                                          format_date(plan.window_end)))},
      {"target_groups", literal_cell(fmt::format("{}", fmt::join(plan.target_groups, ", ")))},  // JSON: one string
      {"instructors", literal_cell(fmt::format("{}", fmt::join(plan.instructors, ", ")))},
      {"submitted", text_cell(format_datetime(decision.submitted_at) + " " + decision.submitted_by)},
      {"decided",
       text_cell(decision.decided_at ? format_datetime(*decision.decided_at) + " " + decision.decided_by : "")},
      {"sha256", literal_cell(row ? row->file_sha256 : "")},
      {"approved_sha256", literal_cell(decision.approved_sha256)},
      {"file_matches_approval", literal_cell(row ? frozen_cell(*row).text : "")},
      {"reason", text_cell(decision.reason)}};
  for (const auto& a : decision.amendments) {
    fields.push_back({fmt::format("amendment[{}]", a.number),
                      text_cell(fmt::format(
                          "{} → {} ({}) {}", a.replace_old, a.replace_new, a.reason,
                          a.approved_at ? fmt::format(fmt::runtime(tr("approved {}")), format_datetime(*a.approved_at))
                                        : std::string(tr("requested"))))});
  }
  Result result = commands::record_result(std::move(fields));
  if (row) {
    // Shown as a warning here: the plan is only being looked at; `ldt check` reports it as an error.
    if (auto finding = check_plan_frozen(PlanRecord{plan, decision, row->file_sha256})) {
      Diagnostic warning = to_diagnostic(*finding);
      warning.severity = Severity::warning;
      result.diagnostics.push_back(std::move(warning));
    }
  }
  return result;
}
}  // namespace

void register_plan(CommandTable& table) {
  auto* group = table.group("plan", tr("training plans (培训计划): submit, decide, amend"));
  auto submit_options = std::make_shared<SubmitOptions>();
  auto* submit_app = group->add_subcommand("submit", tr("submit a plan (Art. 8.1)"));
  submit_app->add_option("file", submit_options->file, tr("plan TOML file"))
      ->required()
      ->check(commands::input_file(commands::k_max_record_bytes));
  submit_app->add_option("--courseware", submit_options->courseware, tr("courseware files to archive"))
      ->check(commands::input_file());
  submit_app->add_option("--application", submit_options->application, tr("application form to archive"))
      ->check(commands::input_file());
  table.add(submit_app, "plan submit", Access::write,
            [submit_options](Context& context) { return submit(context, *submit_options); });

  auto decide = std::make_shared<DecideOptions>();
  auto* approve_app = group->add_subcommand("approve", tr("approve a submitted plan, or an amendment"));
  approve_app->add_option("id", decide->id, tr("plan id"))->required();
  approve_app->add_option("--amendment", decide->amendment, tr("approve amendment N instead"));
  table.add(approve_app, "plan approve", Access::write,
            [decide](Context& context) { return approve(context, *decide); });

  auto* reject_app = group->add_subcommand("reject", tr("reject a submitted plan"));
  reject_app->add_option("id", decide->id, tr("plan id"))->required();
  reject_app->add_option("--reason", decide->reason, tr("why"))->required();
  table.add(reject_app, "plan reject", Access::write, [decide](Context& context) { return reject(context, *decide); });

  auto* amend_app = group->add_subcommand("amend", tr("request an instructor change on an approved plan (Art. 10)"));
  amend_app->add_option("id", decide->id, tr("plan id"))->required();
  amend_app->add_option("--replace", decide->replace, tr("OLD=NEW instructor ids"))->required();
  amend_app->add_option("--reason", decide->reason, tr("why"))->required();
  table.add(amend_app, "plan amend", Access::write, [decide](Context& context) { return amend(context, *decide); });

  auto* list_app = group->add_subcommand("list", tr("list plans with status and hash check"));
  table.add(list_app, "plan list", Access::read, [](Context& context) { return list(context); });

  auto id = std::make_shared<std::string>();
  auto* show_app = group->add_subcommand("show", tr("show a plan; says if the file still matches its approval"));
  show_app->add_option("id", *id, tr("plan id"))->required();
  table.add(show_app, "plan show", Access::read, [id](Context& context) { return show(context, *id); });
}

}  // namespace ldt
