#pragma once
/// The report of `ldt signin import`: per file the encoding, header line and counts, the
/// reasons grouped by code with their lines (for people), every reject and warning (JSON).
#include <string>
#include <vector>

#include "ldt/ingest/signin_import.hpp"
#include "ldt/report/document.hpp"

namespace ldt {

/// The import report of `session`. `dry_run`: nothing was written; `written`: the rows were
/// stored (so the fix-loop hint applies).
Document import_report(const std::string& session, const std::vector<FileReport>& reports, bool dry_run, bool written);

}  // namespace ldt
