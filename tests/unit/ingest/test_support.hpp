#pragma once
/// Helpers shared by the ingest unit tests.
#include <iconv.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ldt/ingest/record_reader.hpp"

namespace ldt::test {

/// `utf8` converted to `encoding` with glibc iconv (e.g. "GBK", "UTF-16LE").
inline std::string encode(std::string_view utf8, const char* encoding) {
  iconv_t handle = iconv_open(encoding, "UTF-8");
  if (handle == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open");
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_pointer = out.data();
  std::size_t out_left = out.size();
  const std::size_t result = iconv(handle, &in, &in_left, &out_pointer, &out_left);
  iconv_close(handle);
  if (result == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv");
  out.resize(out.size() - out_left);
  return out;
}

/// Every record of `bytes`, read with `choice`.
inline std::vector<Record> read_all(std::string bytes, EncodingChoice choice = EncodingChoice::auto_detect) {
  RecordReader reader = RecordReader::from_bytes(std::move(bytes), choice, "test.csv");
  std::vector<Record> records;
  Record record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

/// Shorthand for the expected cells of a record.
using Cells = std::vector<std::string>;

}  // namespace ldt::test
