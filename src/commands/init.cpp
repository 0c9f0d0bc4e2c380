// ldt init [DIR] --county NAME --region-code CODE [--office NAME]
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
struct InitOptions {
  std::string directory = ".";
  std::string county, region_code, office;
};

Result run_init(Context& context, const InitOptions& options) {
  fs::path root = options.directory;
  if (!context.options.directory.empty() && options.directory == ".") root = context.options.directory;
  if (options.region_code.size() != 6 || options.region_code.find_first_not_of("0123456789") != std::string::npos) {
    throw input_error(fmt::format(fmt::runtime(tr("region code \"{}\" is not 6 digits")), options.region_code),
                      tr("give the county's GB/T 2260 code, e.g. --region-code 441523"), {}, 0, "--region-code");
  }
  if (!is_known_region_code(options.region_code) || options.region_code.ends_with("00")) {
    throw input_error(
        fmt::format(fmt::runtime(tr("region code \"{}\" is not a county of GB/T 2260")), options.region_code),
        tr("give the county's own 6-digit code, e.g. --region-code 441523 (陆河县); a code ending in 00 is a "
           "province or prefecture"),
        {}, 0, "--region-code");
  }
  if (fs::exists(root / paths::k_settings)) {
    throw state_error(fmt::format(fmt::runtime(tr("{} is already an ldt project")), root.string()),
                      tr("use the existing project, or choose another directory"));
  }
  make_directories(root);  // 0700: the project will hold personal data
  Settings settings;
  settings.county = options.county;
  settings.language = "zh";  // the users' language (README "Language"); --lang/$LDT_LANG override it
  settings.region_code = options.region_code;
  settings.office =
      options.office.empty() ? options.county + "电子商务进农村综合示范工作领导小组办公室" : options.office;
  WriteSet writes(root);
  writes.put(paths::k_settings, write_settings(settings));
  writes.put(".gitignore", ".ldt/\n.ldt-staging/\n");
  commit_journalled(root, writes, context.journal_entry(options.region_code));
  return commands::message_result(fmt::format(fmt::runtime(tr("created project {} ({} {})")), root.string(),
                                              settings.county, settings.region_code));
}
}  // namespace

void register_init(CommandTable& table) {
  auto options = std::make_shared<InitOptions>();
  auto* app = table.root().add_subcommand("init", tr("create a new project"));
  app->add_option("dir", options->directory, tr("directory of the new project (default: current)"));
  app->add_option("--county", options->county, tr("county name, e.g. 陆河县"))->required();
  app->add_option("--region-code", options->region_code, tr("6-digit region code, e.g. 441523"))->required();
  app->add_option("--office", options->office, tr("name of the county e-commerce office"));
  table.add(app, "init", Access::none, [options](Context& context) { return run_init(context, *options); });
}

}  // namespace ldt
