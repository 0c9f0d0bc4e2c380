#pragma once
/// Registration of every command into the command table, one function per command file.
#include "ldt/cli/context.hpp"

namespace ldt {

void register_commands(CommandTable& table);

void register_init(CommandTable& table);
void register_provider(CommandTable& table);
void register_instructor(CommandTable& table);
void register_plan(CommandTable& table);
void register_session(CommandTable& table);
void register_archive(CommandTable& table);
void register_attendance(CommandTable& table);
void register_trainee(CommandTable& table);
void register_survey(CommandTable& table);
void register_followup(CommandTable& table);
void register_signin_remove(CommandTable& table);
void register_signin_import(CommandTable& table);
void register_signin_list(CommandTable& table);
void register_index(CommandTable& table);
void register_report_stats(CommandTable& table);
void register_log(CommandTable& table);
void register_completion(CommandTable& table);

}  // namespace ldt
