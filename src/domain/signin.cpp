#include "ldt/domain/signin.hpp"

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

}  // namespace ldt
