#include "ldt/cli/commands.hpp"

namespace ldt {

void register_commands(CommandTable& table) {
  register_init(table);
  register_provider(table);
  register_instructor(table);
  register_plan(table);
  register_session(table);
  register_archive(table);
  register_signin_import(table);
  register_signin_list(table);
  register_attendance(table);
  register_signin_remove(table);
  register_trainee(table);
  register_survey(table);
  register_followup(table);
  register_index(table);
  register_report_stats(table);
  register_log(table);
  register_completion(table);
}

}  // namespace ldt
