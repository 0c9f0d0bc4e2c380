#include "ldt/domain/masking.hpp"

#include "ldt/domain/id_number.hpp"
#include "ldt/domain/phone.hpp"
#include "ldt/util/text.hpp"

namespace ldt {

std::string mask_digit_runs(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j < text.size() && j - i == 17 && (text[j] == 'X' || text[j] == 'x')) ++j;
    if (j - i >= 11) {
      std::string_view run = text.substr(i, j - i);
      out += run.size() == 11 ? mask_phone(run) : mask_id_number(run);
      i = j;
    } else if (j > i) {
      out += text.substr(i, j - i);
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string mask_personal_text(std::string_view text) {
  bool digits = false;
  bool ascii = true;
  for (unsigned char c : text) {
    digits = digits || (c >= '0' && c <= '9');
    ascii = ascii && c < 0x80;
  }
  if (ascii) return digits ? mask_digit_runs(text) : std::string(text);
  // Full-width digits (０-９) become ASCII under NFKC; only then is a run of them visible.
  std::string normalized = nfkc(text);
  std::string masked = mask_digit_runs(normalized);
  return masked == normalized ? std::string(text) : masked;
}

}  // namespace ldt
