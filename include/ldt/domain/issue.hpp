#pragma once
/// A finding about one value during normalisation: a reject (the row is refused) or a warning.
#include <string>

namespace ldt {

/// `code` is stable (SPEC §5 reject codes, or a warning code such as "id-region-unknown");
/// `field` names the column's field ("id_number", "phone", …); `message` is translated text
/// that says what was wrong and how to fix it, and never contains a full ID number or phone.
struct Issue {
  std::string code;
  std::string field;
  std::string message;
};

}  // namespace ldt
