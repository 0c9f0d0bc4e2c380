// Writing a zip archive with libzip (include/ldt/util/zip_writer.hpp).
#include "ldt/util/zip_writer.hpp"

#include <fmt/format.h>
#include <zip.h>

#include "ldt/util/diagnostic.hpp"

namespace ldt {

namespace {
[[noreturn]] void zip_failed(zip_error_t* error, std::string_view what) {
  throw internal_error(fmt::format("zip: {}: {}", what, zip_error_strerror(error)));
}

/// A regular file readable and writable by its owner only (st_mode 0100600), as the zip's Unix
/// external attributes hold it (the high 16 bits).
constexpr zip_uint32_t k_owner_only = 0100600U << 16U;
}  // namespace

void write_zip(const std::filesystem::path& output, const std::vector<ZipMember>& members, long long mtime) {
  int code = 0;
  zip_t* archive = zip_open(output.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    zip_failed(&error, output.string());
  }
  const auto fail = [&](std::string_view what) {
    zip_error_t error;
    zip_error_init(&error);
    zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), zip_error_code_system(zip_get_error(archive)));
    zip_discard(archive);
    zip_failed(&error, what);
  };
  for (const auto& member : members) {
    // libzip reads a file source only while zip_close writes the archive, one member at a time.
    zip_source_t* source = member.file.empty() ? zip_source_buffer(archive, member.bytes.data(), member.bytes.size(), 0)
                                               : zip_source_file(archive, member.file.c_str(), 0, -1);
    if (source == nullptr) fail(member.path);
    const zip_int64_t index = zip_file_add(archive, member.path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      fail(member.path);
    }
    const auto at = static_cast<zip_uint64_t>(index);
    if (zip_file_set_mtime(archive, at, static_cast<time_t>(mtime), 0) != 0 ||
        zip_set_file_compression(archive, at, ZIP_CM_DEFLATE, 9) != 0 ||
        zip_file_set_external_attributes(archive, at, 0, ZIP_OPSYS_UNIX, k_owner_only) != 0) {
      fail(member.path);
    }
  }
  if (zip_close(archive) != 0) fail("close");
}

}  // namespace ldt
