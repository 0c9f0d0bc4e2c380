#include "ldt/domain/category.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "ldt/util/i18n.hpp"
#include "ldt/util/text.hpp"

namespace ldt {
namespace {

struct CategoryName {
  std::string_view id;
  std::string_view label_zh;
};

// Indexed by the enum's value.
constexpr std::array<CategoryName, k_category_count> k_names = {{
    {"poor_household", "建档立卡贫困户"},
    {"disabled", "残疾人"},
    {"rural_youth", "农村青年"},
    {"returnee", "务工返乡人员"},
    {"veteran", "退伍军人"},
    {"rural_woman", "农村妇女"},
    {"village_official", "大学生村官"},
    {"cooperative_member", "农民专业合作社成员"},
    {"grower", "特色农产品种养专业大户"},
    {"broker", "农产品运销经纪人"},
    {"cadre", "县镇村干部"},
    {"civil_servant", "政府工作人员"},
    {"site_operator", "镇村站点运营人员"},
    {"merchant", "个体工商户"},
    {"enterprise_staff", "企业电商运营人员"},
}};

struct CategoryWord {
  std::string_view word;
  Category category;
};

// What staff write (Art. 3 of the measures), full names first.
constexpr std::array<CategoryWord, 25> k_words = {{
    {"建档立卡贫困户", Category::poor_household},
    {"贫困户", Category::poor_household},
    {"残疾人", Category::disabled},
    {"农村青年", Category::rural_youth},
    {"务工返乡人员", Category::returnee},
    {"返乡人员", Category::returnee},
    {"返乡农民", Category::returnee},
    {"退伍军人", Category::veteran},
    {"农村妇女", Category::rural_woman},
    {"大学生村官", Category::village_official},
    {"农民专业合作社成员", Category::cooperative_member},
    {"合作社成员", Category::cooperative_member},
    {"特色农产品种养专业大户", Category::grower},
    {"种养专业大户", Category::grower},
    {"种养大户", Category::grower},
    {"农产品运销经纪人", Category::broker},
    {"运销经纪人", Category::broker},
    {"县镇村干部", Category::cadre},
    {"村干部", Category::cadre},
    {"干部", Category::cadre},
    {"政府工作人员", Category::civil_servant},
    {"镇村站点运营人员", Category::site_operator},
    {"站点运营人员", Category::site_operator},
    {"个体工商户", Category::merchant},
    {"企业电商运营人员", Category::enterprise_staff},
}};

// Words of a cell after NFKC, split at separators and white space; stray bytes stay in words.
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words(1);
  const auto* begin = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(begin + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    size_t len = n > 0 ? static_cast<size_t>(n) : 1;
    bool separator = n > 0 && (cp == 0x3001 || cp == ',' || cp == ';' || cp == '/' || is_blank_codepoint(cp));
    if (separator) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back().append(text.substr(pos, len));
    }
    pos += len;
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::optional<Category> category_of_word(std::string_view word) {
  for (const auto& entry : k_words) {
    if (entry.word == word) return entry.category;
  }
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return category_from_id(lower);
}

std::string known_words() {
  std::string list;
  for (const auto& entry : k_words) {
    if (!list.empty()) list += "、";
    list += entry.word;
  }
  return list;
}

std::string trim_blanks_nfkc(std::string_view cell) { return trim_blanks(nfkc(cell)); }

}  // namespace

std::string_view category_id(Category c) { return k_names[static_cast<size_t>(c)].id; }

std::optional<Category> category_from_id(std::string_view id) {
  for (size_t i = 0; i < k_names.size(); ++i) {
    if (k_names[i].id == id) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::string_view category_label_zh(Category c) { return k_names[static_cast<size_t>(c)].label_zh; }

CategoryResult parse_categories(std::string_view cell) {
  CategoryResult result;
  for (const auto& word : split_words(nfkc(cell))) {
    auto category = category_of_word(word);
    if (!category) {
      result.categories.clear();
      result.reject = Issue{"category-unknown", "category",
                            fmt::format(fmt::runtime(tr("Unknown trainee category \"{}\". Use one of: {} "
                                                        "(several may be separated by 、 , ; / or spaces).")),
                                        word, known_words())};
      return result;
    }
    result.categories.push_back(*category);
  }
  std::sort(result.categories.begin(), result.categories.end());
  result.categories.erase(std::unique(result.categories.begin(), result.categories.end()), result.categories.end());
  return result;
}

FlagValue parse_flag(std::string_view cell) {
  std::string text = trim_blanks_nfkc(cell);
  // TRUE/FALSE: a workbook's boolean cell (README "Workbooks"), as Excel shows it.
  for (std::string_view yes : {"是", "√", "✓", "1", "Y", "y", "有", "TRUE"}) {
    if (text == yes) return FlagValue::yes;
  }
  for (std::string_view no : {"否", "×", "0", "N", "n", "无", "", "FALSE"}) {
    if (text == no) return FlagValue::no;
  }
  return FlagValue::invalid;
}

std::uint32_t category_mask(const std::vector<Category>& categories) {
  std::uint32_t mask = 0;
  for (Category category : categories) mask |= 1U << static_cast<int>(category);
  return mask;
}

std::uint32_t category_mask(std::string_view ids) {
  std::uint32_t mask = 0;
  while (!ids.empty()) {
    auto end = ids.find(';');
    if (auto category = category_from_id(ids.substr(0, end))) mask |= 1U << static_cast<int>(*category);
    if (end == std::string_view::npos) break;
    ids.remove_prefix(end + 1);
  }
  return mask;
}

std::string category_ids(std::uint32_t mask) {
  std::string out;
  for (int i = 0; i < k_category_count; ++i) {
    if ((mask & (1U << i)) == 0) continue;
    if (!out.empty()) out += ';';
    out += category_id(static_cast<Category>(i));
  }
  return out;
}

}  // namespace ldt
