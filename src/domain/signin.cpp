#include "ldt/domain/signin.hpp"

#include <algorithm>

#include "ldt/domain/date.hpp"

namespace ldt {

std::uint64_t pack_id_number(std::string_view id_number) {
  std::uint64_t value = 0;
  for (size_t i = 0; i < 17 && i < id_number.size(); ++i)
    value = value * 10 + static_cast<unsigned>(id_number[i] - '0');
  char check = id_number.size() == 18 ? id_number[17] : '0';
  return value * 11 + (check == 'X' ? 10U : static_cast<unsigned>(check - '0'));
}

SigninKey signin_key(std::string_view id_number, std::string_view day) {
  return {pack_id_number(id_number), day_number(*parse_iso_date(day))};
}

std::vector<std::string> reject_ids(const std::vector<StoredReject>& rejects) {
  std::vector<std::string_view> sources;
  sources.reserve(rejects.size());
  for (const auto& r : rejects) sources.emplace_back(r.source_sha256);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  std::size_t digits = 8;
  auto unique_at = [&](std::size_t n) {
    for (std::size_t i = 1; i < sources.size(); ++i) {
      if (sources[i - 1].substr(0, n) == sources[i].substr(0, n)) return false;
    }
    return true;
  };
  while (digits < 64 && !unique_at(digits)) ++digits;
  std::vector<std::string> ids;
  ids.reserve(rejects.size());
  for (const auto& r : rejects) {
    std::string id = r.source_sha256.substr(0, digits);
    if (!r.sheet.empty()) id += ":" + r.sheet;
    ids.push_back(id + ":" + std::to_string(r.line));
  }
  return ids;
}

}  // namespace ldt
