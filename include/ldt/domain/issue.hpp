#pragma once
/// A problem with one value during normalisation (a reject, or a warning) is a Diagnostic of
/// the one shape every problem of ldt has (util/diagnostic.hpp): stable code, field, message,
/// hint; the importer adds the file and line.
#include "ldt/util/diagnostic.hpp"

namespace ldt {

/// `code` is stable (a reject code such as "id-checksum", or a warning code such as
/// "id-region-unknown"); `field` names the column's field ("id_number", "phone", …); `message`
/// is translated text that says what was wrong and how to fix it, and never contains a full ID
/// number or phone. Built as Issue{code, field, message}: severity error (a reject); the
/// importer marks the warnings it keeps.
using Issue = Diagnostic;

}  // namespace ldt
