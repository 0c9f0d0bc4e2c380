#pragma once
// Shared by the records_*.cpp readers and writers: typed access to a validated toml::table,
// and a writer that emits TOML in a fixed key order (toml++ tables sort their keys).
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/date.hpp"
#include "ldt/util/diagnostic.hpp"

namespace ldt::records {

/// parse_toml + validate_toml; throws Error(ExitCode::input) with all diagnostics.
toml::table load(std::string_view text, std::string_view schema_name, std::string_view file);

/// Throws Error(ExitCode::input) when `diagnostics` is not empty.
void throw_if_any(std::vector<Diagnostic> diagnostics);

// Accessors for a table that passed its schema: a missing key gives the fallback.
std::string text(const toml::table& table, std::string_view key);
std::vector<std::string> texts(const toml::table& table, std::string_view key);
long long integer(const toml::table& table, std::string_view key, long long fallback);
double number(const toml::table& table, std::string_view key, double fallback);
std::optional<Date> date(const toml::table& table, std::string_view key);
std::vector<Date> dates(const toml::table& table, std::string_view key);
/// An offset date-time converted to China Standard Time.
std::optional<DateTime> datetime(const toml::table& table, std::string_view key);
/// The tables of an array of tables ([[key]]); empty when the key is absent.
std::vector<const toml::table*> tables(const toml::table& table, std::string_view key);
/// 1-based line of `key`'s value, else of the table itself.
int line_of(const toml::table& table, std::string_view key);

/// Appends `key = value` lines in the order called.
class Writer {
 public:
  void text(std::string_view key, std::string_view value);                   ///< always written
  void optional_text(std::string_view key, std::string_view value);          ///< left out when empty
  void texts(std::string_view key, const std::vector<std::string>& values);  ///< out when empty
  void integer(std::string_view key, long long value);
  void number(std::string_view key, double value);
  void date(std::string_view key, Date value);
  void dates(std::string_view key, const std::vector<Date>& values);    ///< out when empty
  void integers(std::string_view key, const std::vector<int>& values);  ///< out when empty
  void datetime(std::string_view key, const DateTime& value);
  void optional_datetime(std::string_view key, const std::optional<DateTime>& value);
  /// `[name]` or `[[name]]`, after a blank line.
  void table(std::string_view name);
  void array_table(std::string_view name);
  /// A `# comment` at the end of the last line written.
  void comment(std::string_view text);
  [[nodiscard]] std::string str() const { return out_; }

 private:
  void list(std::string_view key, const std::vector<std::string>& rendered);
  void line(std::string_view key, std::string_view rendered);
  std::string out_;
};

}  // namespace ldt::records
