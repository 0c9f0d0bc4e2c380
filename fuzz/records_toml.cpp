// Fuzz target: the TOML record readers and writers (project/records.hpp).
//
// Input: byte 0 picks the kind ('0' ldt.toml, '1' provider, '2' instructor, '3' plan,
// '4' plan decision, '5' session; else byte % 6); the rest is the TOML text. A reader either
// returns the record or throws Error(ExitCode::input); what it returns must write out as TOML
// that reads back (README "Design": write_* then read_* is the identity), and writing that
// again must give the same text.
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ldt/project/records.hpp"
#include "ldt/util/diagnostic.hpp"

namespace {

template <typename Read, typename Write>
void round_trip(std::string_view text, Read read, Write write) {
  std::string written;
  try {
    written = write(read(text, "fuzz.toml"));
  } catch (const ldt::Error& error) {
    LDT_FUZZ_CHECK(error.exit_code() == ldt::ExitCode::input);
    LDT_FUZZ_CHECK(!error.diagnostics().empty());
    return;
  }
  // No exception may escape from here on: what ldt wrote must read back.
  const std::string again = write(read(written, "written.toml"));
  LDT_FUZZ_CHECK(again == written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::Input input(data, size, 1);
  const std::string_view text = input.rest;
  switch (input.options[0] % 6) {
    case 0:
      round_trip(text, ldt::read_settings, ldt::write_settings);
      break;
    case 1:
      round_trip(text, ldt::read_provider, ldt::write_provider);
      break;
    case 2:
      round_trip(text, ldt::read_instructor, ldt::write_instructor);
      break;
    case 3:
      round_trip(text, ldt::read_plan, ldt::write_plan);
      break;
    case 4:
      round_trip(text, ldt::read_plan_decision, ldt::write_plan_decision);
      break;
    default:
      round_trip(text, ldt::read_session, ldt::write_session);
      break;
  }
  LDT_FUZZ_CHECK(ldt::toml_key_line(text, "id") >= 0);
  return 0;
}
