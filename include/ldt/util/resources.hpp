#pragma once
/// Text files of `schemas/` compiled into the binary (index.sql, JSON Schemas, tables).
#include <optional>
#include <string_view>

namespace ldt {
/// The bytes of `schemas/<name>` as built into the binary, or nullopt when there is none.
std::optional<std::string_view> resource(std::string_view name);
}  // namespace ldt
