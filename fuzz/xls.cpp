// Fuzz target: the .xls reader (FreeXL, ingest/xls_reader.cpp) and the OLE2 sniffing of
// detect_format (ingest/workbook.hpp). Input: the file's bytes. The corpus starts from the .xls
// cases; FreeXL is Debian's library (uninstrumented), its calls checked through ASan's interceptors
// and by what it hands back.
#include "workbook_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data), size));
  ldt::fuzz::read_every_sheet(file.path());
  return 0;
}
