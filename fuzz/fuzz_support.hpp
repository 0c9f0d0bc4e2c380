#pragma once
/// Shared by the fuzz harnesses (README "Fuzzing"): the invariant check and the input split.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// A broken invariant is a finding: report it and abort, so that libFuzzer saves the input and
/// the replay test fails.
#define LDT_FUZZ_CHECK(condition)                                                                  \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                                \
    }                                                                                              \
  } while (false)

namespace ldt::fuzz {

/// The input as leading option bytes (each 0 when the input is shorter) and the rest.
struct Input {
  Input(const std::uint8_t* data, std::size_t size, std::size_t option_count)
      : bytes(reinterpret_cast<const char*>(data), size) {
    for (std::size_t i = 0; i < option_count && i < 4; ++i) options[i] = i < size ? data[i] : 0;
    rest = bytes.substr(std::min(option_count, size));
  }
  std::string_view bytes;
  std::uint8_t options[4] = {};
  std::string_view rest;
};

}  // namespace ldt::fuzz
