// Fuzz target: the .xlsx reader (ingest/xlsx_reader.cpp). Mutating a zip mostly breaks its
// checksums, so the input replaces one part of a small valid package instead: byte 0 picks the
// part ([Content_Types].xml, _rels/.rels, the workbook, its relationships, the sheet, the shared
// strings, the styles; 7 = the raw bytes of a whole file), the rest is that part's bytes. The
// package is written uncompressed with libzip into a memfd and read like a user's workbook.
#include <zip.h>

#include <array>

#include "workbook_support.hpp"

namespace {

struct Part {
  const char* name;
  const char* text;
};

std::array<Part, 7> template_parts() {
  return {{{"[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
            "PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
            "sheet.main+xml\"/></Types>"},
           {"_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            "Target=\"xl/workbook.xml\"/></Relationships>"},
           {"xl/workbook.xml",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet "
            "name=\"签到表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
           {"xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
            "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
            "Target=\"styles.xml\"/></Relationships>"},
           {"xl/worksheets/sheet1.xml",
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row "
            "r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" "
            "t=\"s\"><v>2</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>卓文辉</t></is></c><c "
            "r=\"B2\" t=\"s\"><v>3</v></c><c r=\"C2\" s=\"1\"><v>44265.375</v></c></row><row r=\"3\"><c "
            "r=\"A3\" t=\"str\"><f>A2</f><v>彭丽娟</v></c><c r=\"B3\"><v>4.41523199001011E+17</v></c><c "
            "r=\"C3\" t=\"b\"><v>1</v></c></row></sheetData></worksheet>"},
           {"xl/sharedStrings.xml",
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>姓名</t></si><si><r>"
            "<t>身份证</t></r><r><t>号码</t></r><rPh><t>x</t></rPh></si><si><t>签到时间</t></si><si>"
            "<t>441523199001011234_x000D_</t></si></sst>"},
           {"xl/styles.xml",
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts><numFmt "
            "numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellXfs>"
            "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"}}};
}

/// The package with part `replaced` (an index into template_parts) holding `bytes`.
std::string package(std::size_t replaced, std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  LDT_FUZZ_CHECK(buffer != nullptr);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  LDT_FUZZ_CHECK(archive != nullptr);
  zip_source_keep(buffer);
  const auto parts = template_parts();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view text = i == replaced ? bytes : std::string_view(parts[i].text);
    zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
    LDT_FUZZ_CHECK(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, parts[i].name, source, ZIP_FL_OVERWRITE);
    LDT_FUZZ_CHECK(index >= 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  LDT_FUZZ_CHECK(zip_close(archive) == 0);
  LDT_FUZZ_CHECK(zip_source_open(buffer) == 0);
  std::string out;
  std::array<char, 65536> chunk{};
  zip_int64_t count = 0;
  while ((count = zip_source_read(buffer, chunk.data(), chunk.size())) > 0) out.append(chunk.data(), count);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ldt::fuzz::Input input(data, size, 1);
  const std::size_t choice = input.options[0] % 8;
  const std::string bytes = choice == 7 ? std::string(input.rest) : package(choice, input.rest);
  const ldt::fuzz::MemoryFile file(bytes);
  ldt::fuzz::read_every_sheet(file.path());
  return 0;
}
