#pragma once
// Helpers shared by the renderers (private to src/report).
#include <functional>
#include <string>
#include <vector>

#include "ldt/report/render.hpp"

namespace ldt::render_support {

/// Indexes of the columns people see, in their order (Table::human_order, else column order).
std::vector<std::size_t> human_columns(const Table& table);
/// The headings of `columns` (indexes into table.columns), in order.
std::vector<std::string> labels(const Table& table, const std::vector<std::size_t>& columns);
/// Calls `fn` for every row: `rows`, then what `stream` gives.
void for_each_row(const Table& table, const std::function<void(const Row&)>& fn);
/// A record as people see it: a two-column table (field, value).
Table record_table(const std::vector<RecordField>& fields);
/// Renders the parts every human format shares: per section the title (`heading` formats it),
/// the paragraphs, then its table or record through `table_fn`.
void for_each_human_part(const Document& document, const RenderOptions& options, const Sink& sink,
                         const std::function<std::string(const std::string&)>& heading,
                         const std::function<void(const Section&, const Table&)>& table_fn);

}  // namespace ldt::render_support
