// ldt trainee rename — correcting the record of a trainee (Measures Art. 7: the statistics table
// from the sign-in sheets must name each trainee rightly).
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "ldt/cli/commands.hpp"
#include "ldt/domain/id_number.hpp"
#include "ldt/domain/person_name.hpp"
#include "ldt/index/index.hpp"
#include "ldt/index/kinds.hpp"
#include "ldt/project/trainee_store.hpp"
#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

namespace {

struct RenameOptions {
  std::string trainee, name, reason;
};

Result rename(Context& context, const RenameOptions& options) {
  std::string id = clean_id_text(options.trainee);
  auto known = context.index().trainee(id);
  if (!known) {
    throw state_error(fmt::format(fmt::runtime(tr("no trainee with ID number {} has signed in")), mask_id_number(id)),
                      tr("check the ID number; a trainee is known from their first sign-in"));
  }
  auto name = parse_person_name(options.name);
  if (name.reject) throw input_error(name.reject->message, {}, {}, 0, "--name");
  std::string reason = trim_blanks(options.reason);
  if (reason.empty()) throw input_error(tr("the reason is empty"), tr("say why the name changes"), {}, 0, "--reason");
  if (name.name == known->name) {
    return commands::message_result(fmt::format(fmt::runtime(tr("{} is already the name of {}; nothing was written")),
                                                name.name, mask_id_number(id)));
  }
  std::vector<TraineeRename> renames;
  commands::read_if_present(context, record_path("renames", ""), read_renames,
                            [&](TraineeRename&& r) { renames.push_back(std::move(r)); });
  renames.push_back({id, name.name, known->name, reason, context.now(), context.actor()});
  WriteSet writes(context.root());
  writes.put(record_path("renames", ""), renames_file(renames));
  // The journal holds no personal data: the masked ID number names the trainee.
  context.commit(writes, mask_id_number(id));
  Result result = commands::message_result(fmt::format(fmt::runtime(tr("{} is now named {} (was {}); the sign-ins "
                                                                       "keep what their sheets said")),
                                                       mask_id_number(id), name.name, known->name));
  for (auto& warning : name.warnings) {
    result.diagnostics.push_back(Diagnostic{Severity::warning, warning.code, {}, 0, "--name", warning.message, {}});
  }
  return result;
}

}  // namespace

void register_trainee(CommandTable& table) {
  auto* group = table.group("trainee", tr("trainees (学员)"));
  auto options = std::make_shared<RenameOptions>();
  auto* rename_app = group->add_subcommand("rename", tr("correct a trainee's name (journalled; sign-ins keep theirs)"));
  rename_app->add_option("trainee", options->trainee, tr("the trainee's ID number"))->required();
  rename_app->add_option("--name", options->name, tr("the right name"))->required();
  rename_app->add_option("--reason", options->reason, tr("why, e.g. 第一张签到表写错"))->required();
  table.add(rename_app, "trainee rename", Access::write,
            [options](Context& context) { return rename(context, *options); });
}

}  // namespace ldt
