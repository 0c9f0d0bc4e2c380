#pragma once
/// One data row of a sign-in export → a normalised sign-in, or the one reason it is refused
/// (README "How each row and cell is read"). Pure: no files, no index. Duplicates and ID/name conflicts need the
/// project's state and are decided by SigninImport (signin_import.hpp).
#include <optional>
#include <string>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/domain/issue.hpp"
#include "ldt/domain/signin.hpp"
#include "ldt/ingest/header.hpp"
#include "ldt/ingest/record_reader.hpp"

namespace ldt {

/// The facts of a session that reading its sign-ins needs. Days are CST, inclusive.
struct ImportSession {
  std::string id;
  Date first_day;
  Date last_day;
  int min_age = 14;
  int max_age = 90;
  /// The day the workbook sheet being read is named by (README "Workbooks": one sheet per day):
  /// its rows with no date, or only a time, are of that day.
  std::optional<Date> sheet_day;
};

/// Outcome of normalising one row: `signin` set when it passes, else `reject`.
/// `signin.source_line` is the record's line; source and import fields are left empty.
struct NormalizedRow {
  std::optional<StoredSignin> signin;
  std::optional<Issue> reject;
  std::vector<Issue> warnings;
};

/// True for a footer row: its first non-empty cell starts with 合计, 制表人, 填表人 or 审核人.
bool is_footer_row(const Record& record);
/// True when every cell is empty or white space.
bool is_blank_row(const Record& record);

/// Normalises a data row read under `header`. Checks in the order of README "How each row and cell is read": encoding,
/// quote, row-shape, missing-field, id-*, name-format, phone-format, category-unknown, date-*; the first failing one is
/// the reject. Warnings: those of each value, plus phone-missing and address-missing (the attendance is real; `ldt
/// check` reports the roster incomplete).
NormalizedRow normalize_row(const HeaderMap& header, const Record& record, const ImportSession& session);

}  // namespace ldt
