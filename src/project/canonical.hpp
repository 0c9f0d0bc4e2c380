#pragma once
// Reading the canonical CSV files ldt writes (private to src/project): the header must be
// exactly the expected columns, every row as wide, and a bad row is file:line: field (exit 2).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/fs.hpp"

namespace ldt {

/// The error of a canonical file's row that is not valid (hand edits, README "The project directory").
Error bad_row(std::string_view display, int line, std::string_view field, std::string message);

/// Reads a canonical CSV whose header must be exactly `columns` (or `older`, an earlier
/// layout, when given: then `fn` gets cells in `older`'s order and `is_older` says so); calls
/// `fn(cells, line)`. Cells a spreadsheet could evaluate come back without their leading `'`.
void read_canonical(const fs::path& path, std::string_view display, const std::vector<std::string>& columns,
                    const std::function<void(std::vector<std::string>&, int)>& fn,
                    const std::vector<std::string>* older = nullptr, bool* is_older = nullptr);

/// read_canonical for a file whose header starts with `fixed` and may go on with columns of
/// the file's own (surveys.csv: one per question): `fn(header, cells, line)`, every row as wide
/// as the header.
void read_canonical_open(
    const fs::path& path, std::string_view display, const std::vector<std::string>& fixed,
    const std::function<void(const std::vector<std::string>&, std::vector<std::string>&, int)>& fn);

/// A whole decimal number of a canonical cell; bad_row otherwise.
long long to_number(std::string_view text, std::string_view display, int line, std::string_view field);

}  // namespace ldt
