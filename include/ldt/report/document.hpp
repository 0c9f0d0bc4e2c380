#pragma once
/// What a command returns for people and scripts: a document of titled sections — tables of
/// typed cells, key/value records, paragraphs — rendered by one renderer per format
/// (report/render.hpp). Commands never format output themselves; masking of personal data
/// happens in the renderers, from the cell type (README "Design").
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// Output formats of the global `--format` option (README "Commands").
enum class Format { table, json, csv, md };

/// Parses a --format value; nullopt when unknown.
std::optional<Format> parse_format(std::string_view text);

/// What a cell holds. The renderers format it by its type: JSON gets numbers, booleans and
/// arrays; ID numbers, phones and addresses are masked unless the user asked `--unmask`; free
/// text is masked by what it holds (an ID number or phone typed into a message).
enum class CellType {
  empty,      ///< nothing: an empty cell for people, the key left out of JSON objects
  null,       ///< no value where one may be: an empty cell for people, `null` in JSON
  text,       ///< free text (names, messages, titles): masked by content
  literal,    ///< identifiers, codes, hashes, dates, business contacts: shown as they are
  label,      ///< a stable identifier (status, mode, role): JSON gets it, people its value_label
  key,        ///< a field or kind identifier ("id_number"): JSON gets it, people its label_of
  integer,    ///< `integer`
  decimal,    ///< `decimal`, shown with `places` decimals
  datetime,   ///< ISO 8601 CST in `text`; people see minute precision, JSON the whole value
  id_number,  ///< a resident ID number (masked 441523********123X)
  phone,      ///< a trainee's phone (masked 138****5678)
  address,    ///< a trainee's address (masked ***)
  flag,       ///< `flag`; people see `text` ("yes"/"NO"), JSON a boolean
  list,       ///< `items`; people see `text` if set, else the items joined by `separator`; JSON an array of strings
  table,      ///< a nested table (JSON only; people see nothing)
};

struct Table;

/// One typed value. Build cells with the functions below.
struct Cell {
  CellType type = CellType::empty;
  std::string text;
  long long integer = 0;
  double decimal = 0;
  int places = 0;
  bool flag = false;
  std::vector<std::string> items;
  std::string separator;
  std::shared_ptr<const Table> table;
};

Cell empty_cell();
Cell null_cell();
Cell text_cell(std::string text);
Cell literal_cell(std::string text);
Cell label_cell(std::string key);
Cell key_cell(std::string key);
Cell integer_cell(long long value);
Cell decimal_cell(double value, int places);
Cell datetime_cell(std::string iso);
Cell id_number_cell(std::string id_number);
Cell phone_cell(std::string phone);
Cell address_cell(std::string address);
Cell flag_cell(bool value, std::string shown);
Cell list_cell(std::vector<std::string> items, std::string separator);
Cell table_cell(Table table);

/// A column: `key` is its JSON key (stable, English), `label` its heading for people
/// (translated). `human`/`data` say whether table/csv/md and JSON show it.
struct Column {
  std::string key;
  std::string label;
  bool human = true;
  bool data = true;
};

using Row = std::vector<Cell>;

/// Rows under columns. Rows come from `rows`, then from `stream` until it returns false, so a
/// listing of a million sign-ins is rendered in bounded memory by csv and json (the aligned
/// table buffers to size its columns).
struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
  /// More rows, pulled one at a time after `rows`; fills its argument, false at the end.
  std::function<bool(Row&)> stream;
  /// Order of the columns for people (indexes into `columns`); empty: the columns' own order.
  std::vector<std::size_t> human_order;
};

/// One field of a record (a `show` command): key, and the value for people and JSON.
struct RecordField {
  std::string key;  ///< JSON key (stable, English)
  Cell value;
  std::string label;  ///< what people read; empty: label_of(key) (util/i18n.hpp)
};

/// A titled part of a document: paragraphs, then a table or a record.
struct Section {
  std::string key;                      ///< JSON key; empty for the document's only data, or fields merged at the top
  std::string title;                    ///< heading for people; may be empty
  std::vector<std::string> paragraphs;  ///< prose for people, one line each (free text)
  std::optional<Table> table;
  std::optional<std::vector<RecordField>> record;
  std::string empty_text;  ///< what the aligned table shows instead of a table without rows
  bool human = true;       ///< shown in table/csv/md
  bool data = true;        ///< shown in JSON
};

/// A command's document. JSON: one data section without key → its table (array) or record
/// (object); otherwise an object of the sections by key (records without key merged in).
/// Nothing at all when no section has data.
struct Document {
  std::vector<Section> sections;

  /// Appends a section with one table and returns it.
  Section& add_table(Table table, std::string key = {});
  /// Appends a section with one record.
  Section& add_record(std::vector<RecordField> fields, std::string key = {});
  /// Appends paragraphs for people (one section, not in JSON).
  Section& add_paragraphs(std::vector<std::string> paragraphs);
};

/// What a command returns: its document, the diagnostics to show beside it (warnings, notes,
/// or the error that decided the exit code), and the exit code. The printer (cli/printer.hpp)
/// renders the document on stdout and the diagnostics on stderr.
struct Result {
  Document document;
  std::vector<Diagnostic> diagnostics;
  ExitCode exit_code = ExitCode::ok;
  bool unmask = false;  ///< the user asked --unmask: personal data shown (and journalled)
  /// Text printed as it is, before the document, in every format: generated programs such as
  /// the completion script. Never personal data (it is not masked).
  std::string raw_text;
};

}  // namespace ldt
