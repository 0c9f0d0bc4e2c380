#pragma once
/// Finding the header row of a sign-in export and mapping its columns to fields.
/// README "How each row and cell is read": header aliases, header row.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/ingest/record_reader.hpp"

namespace ldt {

/// What a column holds.
enum class Field {
  name,
  id_number,
  phone,
  address,
  town,
  village,
  category,
  poor_household,
  disabled,
  signed_at,
  gender,
  note,
  reject_source_file,    ///< `source_file` column of a rejects fix file (`signin rejects --output`)
  reject_source_sha256,  ///< its `source_sha256` column: with sheet and line, which reject a row fixes
  reject_sheet,          ///< its `sheet` column (empty for a CSV source)
  reject_line,           ///< its `line` column
  reject_info,           ///< its `field`, `code` and `message` columns
  extra,  ///< any other column: kept with the row, never dropped (README "How each row and cell is read")
};

/// One header name a column may carry (after normalize_header_cell), and its field.
struct ColumnAlias {
  std::string_view text;
  Field field;
};

/// A column the import needs or names in its messages: the field, and how messages show it.
struct ExpectedColumn {
  Field field;
  std::string_view shown;           ///< e.g. "联系电话 (手机/手机号码/电话)"
  bool required = false;            ///< a header without it is refused
  const char* required_label = "";  ///< msgid, e.g. "姓名 (name)", for the refusal (translated there)
};

/// The columns an import understands, as data: each import (sign-ins now; surveys and
/// follow-ups later) passes its own to the header functions and the record reader.
struct ColumnVocabulary {
  std::vector<ColumnAlias> aliases;      ///< exact names, each mapping to a field
  std::vector<ExpectedColumn> expected;  ///< in the order messages list them
  /// "姓名, 身份证号码 (身份证号/…), …": the expected columns for messages.
  [[nodiscard]] std::string expected_columns() const;
};

/// The sign-in sheet's vocabulary (the header aliases of the README's import rules): 姓名/学员姓名/
/// 名字; 身份证号/身份证号码/证件号码/公民身份号码; 联系电话/手机/手机号/手机号码/电话; 家庭住址/住址/地址;
/// 镇/乡镇/所在镇; 村/所在村; 人员类别/类别/学员类型; 是否贫困户/贫困户; 是否残疾人/残疾;
/// 签到时间/时间/日期; 性别; 备注. Name and ID number are required.
const ColumnVocabulary& signin_columns();

/// Stable identifier of a field: "name", "id_number", "phone", "address", "town", "village",
/// "category", "poor_household", "disabled", "signed_at", "gender", "note", "source_file",
/// "line", "reject_info", "extra".
std::string_view field_id(Field field);

/// A header cell prepared for alias matching (README "How each row and cell is read"): removes every space (ASCII white
/// space, U+3000, U+00A0), line break and BOM (U+FEFF), then one trailing note in brackets — `(…)`, `（…）`, `[…]` or
/// `【…】`, nested brackets allowed — unless the note is the whole cell. "联系电话（手机）" → "联系电话"; " 姓 名 " →
/// "姓名". No NFKC.
std::string normalize_header_cell(std::string_view cell);

/// The field whose alias in `columns` equals the normalised cell exactly; nullopt otherwise.
/// Only aliases match: never `extra`, never the fix-file columns.
std::optional<Field> match_header(std::string_view cell, const ColumnVocabulary& columns = signin_columns());

/// Number of cells of a row that match an alias: its score as a header candidate. Every
/// matching cell counts, also when two name the same field.
int header_score(const std::vector<std::string>& cells, const ColumnVocabulary& columns = signin_columns());

/// The header row and its columns.
struct HeaderMap {
  std::size_t record_index = 0;    ///< index of the header among the records examined
  int line = 0;                    ///< its physical line
  std::size_t width = 0;           ///< columns up to the last non-blank header cell
  std::vector<std::string> names;  ///< header cells as written, `width` of them
  std::vector<Field> fields;       ///< per column; a field's leftmost column wins, the others
                                   ///< (and blank or unknown cells) are `Field::extra`
  int score = 0;                   ///< number of alias matches (`header_score`)
  /// A rejects fix file: its first columns are source_file, source_sha256, sheet, line, field,
  /// code, message (README "The fix loop"); `fix_width` is how many (7; 5 for a fix file of
  /// ldt before 0.2, without source_sha256 and sheet).
  bool is_fix_file = false;
  std::size_t fix_width = 0;

  /// Column of `field`, if the header has it (the leftmost for reject_info).
  [[nodiscard]] std::optional<std::size_t> column(Field field) const;
};

/// How many leading records may hold the header: 30 (README "How each row and cell is read").
inline constexpr std::size_t k_header_search_records = 30;

/// Finds the header among the first `k_header_search_records` records (README "How each row and cell is read"): the one
/// with the highest `header_score`, at least 2; ties go to the earliest. A blank header cell (white space only) counts
/// as empty when finding the last column. A rejects fix file's first five columns map to the reject_* fields and do not
/// count toward the score. nullopt when no record scores 2.
std::optional<HeaderMap> find_header(const std::vector<Record>& records,
                                     const ColumnVocabulary& columns = signin_columns());

}  // namespace ldt
