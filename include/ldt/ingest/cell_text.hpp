#pragma once
/// The text of one workbook cell as the import reads it (README "Workbooks"): numbers kept as
/// written, dates and times as ISO text, OOXML `_xHHHH_` escapes decoded. Pure: the xlsx and
/// xls readers (ingest/workbook.hpp) call these; nothing here knows a column.
#include <string>
#include <string_view>

namespace ldt {

/// A number cell's value read from its decimal text (`<v>` of an .xlsx, or a double of an .xls
/// printed exactly): `text` is the digits when the value is an integer of at most 15 digits
/// (`1.3812345678E10` → `13812345678`, `-5.0` → `-5`), else the text as written. `beyond_15_digits`:
/// |value| ≥ 10^15, more digits than a number cell keeps (an 18-digit ID number stored as a
/// number has lost its last digits, whatever they look like). `valid` is false for text that is
/// not a decimal number (then `text` is the input unchanged).
struct NumberText {
  std::string text;
  bool valid = false;
  bool beyond_15_digits = false;
};
NumberText read_number_text(std::string_view text);

/// The shortest decimal text that reads back as `value` (std::to_chars), then `read_number_text`.
NumberText number_text_of(double value);

/// True when a number format shows a date or a time: built-in ids 14–22, 45–47 and the zh-CN
/// built-ins 27–36 and 50–58, or (for any id that has a `code`) a code with y, m, d or h
/// (either case) outside quoted text, `\`-escaped characters, `_`/`*` padding and `[…]`
/// sections (`yyyy"年"m"月"d"日"`, `h:mm`, `[$-804]aaaa` is not: no y/m/d/h outside brackets).
bool is_date_format(int id, std::string_view code);

/// A date-formatted number as ISO text (README "Workbooks": dates): `2021-03-10 09:00:00`, a
/// whole day as `2021-03-10`, a value below 1 as the time alone `09:00:00`. `date1904`: the
/// workbook counts from 1904-01-01 (Mac Excel), else from 1899-12-30 with Excel's 1900-02-29
/// (serial 60) kept as that text. Seconds are rounded; a fraction rounding up to 24:00 is
/// 23:59:59 of its day. Empty when `serial` is negative or past 9999-12-31 (then the number
/// text is kept).
std::string serial_date_text(double serial, bool date1904);

/// Decodes the `_xHHHH_` escapes of OOXML strings (ECMA-376 22.9.2.19): `_x000D_` is a carriage
/// return, `_x005F_` an underscore (so `_x005F_x0041_` reads `_x0041_`), a surrogate pair of
/// two escapes one character; U+0000 is dropped and a lone surrogate becomes U+FFFD.
std::string decode_ooxml_escapes(std::string_view text);

}  // namespace ldt
