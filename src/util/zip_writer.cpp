// Writing a zip archive with libzip (include/ldt/util/zip_writer.hpp).
#include "ldt/util/zip_writer.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

namespace {
[[noreturn]] void zip_failed(zip_error_t* error, std::string_view what) {
  throw internal_error(fmt::format("zip: {}: {}", what, zip_error_strerror(error)));
}
}  // namespace

std::string zip_bytes(const std::vector<ZipMember>& members, long long mtime) {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is built in memory: a buffer source opened for writing, kept after zip_close.
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) zip_failed(&error, "buffer");
  zip_source_keep(buffer);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) zip_failed(&error, "open");
  for (const auto& member : members) {
    zip_source_t* source = zip_source_buffer(archive, member.bytes.data(), member.bytes.size(), 0);
    if (source == nullptr) zip_failed(zip_get_error(archive), member.path);
    const zip_int64_t index = zip_file_add(archive, member.path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      zip_failed(zip_get_error(archive), member.path);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime), 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    zip_failed(zip_get_error(archive), "close");
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0) zip_failed(zip_source_error(buffer), "stat");
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  if (zip_source_open(buffer) != 0) zip_failed(zip_source_error(buffer), "reopen");
  const zip_int64_t read = zip_source_read(buffer, out.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) zip_failed(zip_source_error(buffer), "read");
  return out;
}

}  // namespace ldt
