#pragma once
/// Finding the header row of an export (sign-ins, surveys, follow-ups) and mapping its columns to fields.
/// README "How each row and cell is read": header aliases, header row; "Satisfaction surveys": question columns.
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
  // Surveys (Measures Art. 8.3.1): a 问卷星 download's fixed columns, and the question columns.
  serial,        ///< 序号: the response's number in a 问卷星 download
  submitted_at,  ///< 提交答卷时间
  wjx_fixed,     ///< 所用时间, 来源, 来源详情, 来自IP: the rest of 问卷星's six fixed columns
  question,      ///< a questionnaire's question; HeaderMap::questions says which
  // Follow-ups (跟踪孵化记录表, Measures Art. 7, 8.3.4).
  followup_date,  ///< 回访时间/跟踪时间
  method,         ///< 回访方式/跟踪方式
  shop_opened,    ///< 是否开店
  shop_name,      ///< 店铺名称
  shop_url,       ///< 店铺网址
  platform,       ///< 平台
  monthly_sales,  ///< 月销售额 (CNY)
  employed,       ///< 是否就业
  service,        ///< 孵化服务内容/服务内容
  staff,          ///< 回访人
  extra,          ///< any other column: kept with the row, never dropped (README "How each row and cell is read")
};

/// One header name a column may carry (after normalize_header_cell), and its field.
struct ColumnAlias {
  std::string_view text;
  Field field;
};

/// A word a header may contain (README "Satisfaction surveys": columns map by words): a column whose
/// prepared header (`strip_question_number`) contains `text` maps to `field` (and `question`, an
/// index into the questionnaire, for Field::question).
struct ColumnWord {
  std::string text;
  Field field;
  int question = -1;
};

/// What a header cell maps to.
struct ColumnMatch {
  Field field;
  int question = -1;  ///< for Field::question: the question's index in the questionnaire
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
  /// Words a header may contain, tried in order after the exact aliases (empty for sign-ins).
  std::vector<ColumnWord> words;
  /// Headers carry question numbers (`第5题(…)`, `5、…：`): they are stripped before matching.
  bool numbered = false;
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

/// A survey header prepared for matching (README "Satisfaction surveys"): normalize_header_cell without dropping the
/// bracketed note, then a leading question number — `第5题`, `5、`, `5.`, `5．`, `5 `, `5` before a non-digit, `(1)`,
/// `（1）` — and a trailing colon (`:` or `：`) removed; a bracketed part at the end (`(培训内容)`) is the matrix row,
/// and only it is returned. "第4题(授课讲师)" → "授课讲师"; "1、您的姓名：" → "您的姓名".
std::string strip_question_number(std::string_view cell);

/// What the cell maps to in `columns`: an alias equal to the normalised cell (for a numbered
/// vocabulary, to the stripped cell), else the first word the stripped cell contains; nullopt
/// otherwise. Never `extra`, never the fix-file columns.
std::optional<ColumnMatch> match_column(std::string_view cell, const ColumnVocabulary& columns);

/// The field of `match_column`, or nullopt.
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
  std::vector<int> questions;      ///< per column: the question index for Field::question, else -1
  int score = 0;                   ///< number of alias matches (`header_score`)
  /// A rejects fix file: its first columns are source_file, source_sha256, sheet, line, field,
  /// code, message (README "The fix loop"); `fix_width` is how many (7; 5 for a fix file of
  /// ldt before 0.2, without source_sha256 and sheet).
  bool is_fix_file = false;
  std::size_t fix_width = 0;

  /// Column of `field`, if the header has it (the leftmost for reject_info).
  [[nodiscard]] std::optional<std::size_t> column(Field field) const;
  /// Column of question `index` (its leftmost), if the header has it.
  [[nodiscard]] std::optional<std::size_t> question_column(int index) const;
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
