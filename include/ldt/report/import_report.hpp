#pragma once
/// The report of `ldt signin import`: per file the encoding, header line and counts, the
/// reasons grouped by code with their lines (for people), every reject and warning (JSON).
#include <string>
#include <vector>

#include "ldt/ingest/import_run.hpp"
#include "ldt/report/document.hpp"

namespace ldt {

/// The import report of `session` (empty for follow-ups, which belong to no session). `dry_run`:
/// nothing was written; `written`: the rows were stored (so the fix-loop hint applies, naming
/// `rejects_command`, default `ldt signin rejects SESSION`). Also the report of `survey import`
/// and `followup import`.
Document import_report(const std::string& session, const std::vector<FileReport>& reports, bool dry_run, bool written,
                       const std::string& rejects_command = {});

}  // namespace ldt
