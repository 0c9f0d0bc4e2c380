#pragma once
#include <cstdint>
/// Trainee categories (人员类别, Art. 3 of the measures) and yes/no flag cells.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/domain/issue.hpp"

namespace ldt {

/// The trainee categories, in the order of Art. 3 of the measures. The order is
/// the sort order of category lists.
enum class Category : int {
  poor_household,
  disabled,
  rural_youth,
  returnee,
  veteran,
  rural_woman,
  village_official,
  cooperative_member,
  grower,
  broker,
  cadre,
  civil_servant,
  site_operator,
  merchant,
  enterprise_staff
};
inline constexpr int k_category_count = 15;

/// The stable identifier used in files and JSON: "poor_household", … (Measures Art. 3).
std::string_view category_id(Category c);

/// The category of an identifier as returned by category_id; nullopt for anything else
/// (exact, case-sensitive match).
std::optional<Category> category_from_id(std::string_view id);

/// The full Chinese name of the measures (Art. 3): 建档立卡贫困户, 残疾人, … (UTF-8).
std::string_view category_label_zh(Category c);

/// The outcome of reading a 类别 cell: `categories` is unique and sorted by enum order.
struct CategoryResult {
  std::vector<Category> categories;
  std::optional<Issue> reject;
};

/// Reads a 类别 cell (Measures Art. 3; README "How each row and cell is read": categories): NFKC, then words separated
/// by 、，,;；/／ or white space (ASCII or full-width). Each word must be one of the words of Measures Art. 3 (e.g.
/// 贫困户, 返乡农民, 种养大户, 村干部) or an English identifier (case-insensitive). An empty cell gives an empty list.
/// An unknown word rejects the cell as category-unknown (field "category"); the message names the word and lists the
/// known words.
CategoryResult parse_categories(std::string_view cell);

/// The value of a yes/no flag cell (是否贫困户, 是否残疾人).
enum class FlagValue { yes, no, invalid };

/// Reads a flag cell after NFKC and trimming (README "How each row and cell is read": Flags):
/// yes = 是 √ ✓ 1 Y y 有 TRUE; no = 否 × 0 N n 无 FALSE or empty (TRUE/FALSE: a workbook's
/// boolean cell); anything else is `invalid` (the caller
/// rejects the row as category-unknown).
FlagValue parse_flag(std::string_view cell);

/// Bitmask of categories: bit i = Category i.
std::uint32_t category_mask(const std::vector<Category>& categories);
/// Bitmask of category ids joined by ';' (as stored in signins.csv); unknown ids are ignored.
std::uint32_t category_mask(std::string_view ids);
/// Category ids of a bitmask joined by ';', in the order of Measures Art. 3 ("poor_household;rural_woman").
std::string category_ids(std::uint32_t mask);

}  // namespace ldt
