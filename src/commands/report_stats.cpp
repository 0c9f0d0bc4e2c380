// ldt report stats [--session ID] [--provider ID] [--from D] [--to D] [--output FILE]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/signin_date.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/report/stats.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
struct StatsOptions {
  ReportFilter filter;
  std::string output;
};

std::string date_option(const std::string& text, const char* flag) {
  if (text.empty()) return text;
  auto date = parse_date(text);
  if (!date) {
    throw input_error(fmt::format(fmt::runtime(tr("not a date: \"{}\"")), text), tr("use e.g. 2021-03-01"), {}, 0,
                      flag);
  }
  return format_date(*date);
}

Result stats(Context& context, StatsOptions options) {
  options.filter.from = date_option(options.filter.from, "--from");
  options.filter.to = date_option(options.filter.to, "--to");
  if (!options.filter.from.empty() && !options.filter.to.empty() && options.filter.to < options.filter.from) {
    throw input_error(fmt::format(fmt::runtime(tr("--from {} is after --to {}: no day is in between")),
                                  options.filter.from, options.filter.to),
                      tr("swap them, or give the first day with --from and the last with --to"), {}, 0, "--from");
  }
  if (!options.filter.session.empty()) {
    commands::require_present(context, record_path("session", options.filter.session), "session",
                              options.filter.session);
  }
  if (!options.filter.provider.empty()) {
    commands::require_present(context, record_path("provider", options.filter.provider), "provider",
                              options.filter.provider);
  }
  StatsBuilder builder;
  context.index().for_each_attendance(options.filter, [&](const AttendanceRow& row) { builder.add(row); });
  Result result;
  result.document.add_table(stats_table(builder.finish()));
  if (options.output.empty()) return result;
  commands::write_output(context, options.output, result.document, RenderOptions{context.format, false, true});
  return commands::message_result(fmt::format(fmt::runtime(tr("wrote {}")), options.output));
}
}  // namespace

void register_report_stats(CommandTable& table) {
  auto* group = table.group("report", tr("reports: statistics table (人次/人数)"));
  auto options = std::make_shared<StatsOptions>();
  auto* app = group->add_subcommand("stats", tr("person_times and persons by category, town, month, provider"));
  app->add_option("--session", options->filter.session, tr("only this session"));
  app->add_option("--provider", options->filter.provider, tr("only this provider"));
  app->add_option("--from", options->filter.from, tr("sessions starting on or after this day"));
  app->add_option("--to", options->filter.to, tr("sessions starting on or before this day"));
  app->add_option("--output", options->output, tr("write to this file (CSV gets a UTF-8 BOM for Excel/WPS)"));
  table.add(app, "report stats", Access::read, [options](Context& context) { return stats(context, *options); });
}

}  // namespace ldt
