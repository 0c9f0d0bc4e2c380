// .xlsx workbooks (README "Workbooks"): a streaming reader on libzip and expat. The package is
// followed as ECMA-376 Part 2 says — [Content_Types].xml names the main part, _rels/.rels points
// at the workbook, the workbook's relationships at its sheets, shared strings and styles — so
// no part name is assumed. Elements and attributes are matched by local name, so transitional
// and strict namespaces read alike.
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <exception>
#include <map>
#include <optional>

#include "ldt/ingest/cell_text.hpp"
#include "ldt/ingest/line_reader.hpp"
#include "ldt/ingest/workbook.hpp"
#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

constexpr std::size_t k_chunk_bytes = std::size_t{64} * 1024;
constexpr std::size_t k_max_columns = 16384;  // XFD, Excel's last column
constexpr int k_max_rows = 1048576;           // Excel's last row
/// Cells beyond this column are kept after the row's other cells, not at their place: no sign-in
/// sheet is this wide, and a row of one far cell would otherwise hold 16,384 strings.
constexpr std::size_t k_max_dense_columns = 1024;
constexpr std::size_t k_rows_ahead = 64;  // rows parsed ahead of the import
/// A workbook with more sheets, or more shared strings, is no sign-in sheet.
constexpr std::size_t k_max_sheets = 1000;
constexpr std::size_t k_max_shared_strings = std::size_t{8} << 20U;

Error damaged(const std::string& display_name, const std::string& what) {
  return workbook_damaged_error(display_name, what);
}

bool ends_with(std::string_view text, std::string_view tail) { return text.ends_with(tail); }

/// The local name of an expat name "namespace|local" (or "local").
std::string_view local_name(const char* name) {
  std::string_view text(name);
  const std::size_t bar = text.rfind('|');
  return bar == std::string_view::npos ? text : text.substr(bar + 1);
}

/// The value of attribute `local` (no namespace, or any namespace when `namespaced`), or "".
std::string_view attribute(const char** attributes, std::string_view local, bool namespaced = false) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    std::string_view name(a[0]);
    const bool has_namespace = name.find('|') != std::string_view::npos;
    if (has_namespace == namespaced && local_name(a[0]) == local) return a[1];
  }
  return {};
}

/// A package part name from a relationship target: relative to `base` (the directory of the
/// part holding the relationship) or absolute; `..` resolved, %XX decoded.
std::string resolve_part(std::string_view base, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size()) {
      unsigned value = 0;
      auto [end, error] = std::from_chars(target.data() + i + 1, target.data() + i + 3, value, 16);
      if (error == std::errc() && end == target.data() + i + 3) {
        decoded.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    decoded.push_back(target[i] == '\\' ? '/' : target[i]);
  }
  std::string path = decoded.starts_with('/') ? decoded.substr(1) : std::string(base) + decoded;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string piece = path.substr(start, slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(std::move(piece));
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

/// Appends `piece` to `text` up to `limit` + 1 bytes: a text over the limit stays over it, so
/// its row is too long (row-too-long) instead of silently cut.
void append_capped(std::string& text, std::string_view piece, std::size_t limit) {
  if (text.size() > limit) return;
  text.append(piece.substr(0, limit + 1 - text.size()));
}

std::string directory_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

/// The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
std::string relationships_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return directory_of(part) + "_rels/" + std::string(name) + ".rels";
}

/// SAX callbacks by local name. Exceptions thrown by them end the parse and are rethrown by
/// `XmlParser::feed` (never through expat's C frames).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view /*name*/, const char** /*attributes*/) {}
  virtual void end(std::string_view /*name*/) {}
  virtual void text(std::string_view /*text*/) {}
  /// True once the handler has all it needs: the rest of the part is not read.
  [[nodiscard]] virtual bool done() const { return false; }
  /// True when the handler holds enough for now: parsing pauses until `XmlParser::resume`.
  [[nodiscard]] virtual bool full() const { return false; }
};

class XmlParser {
 public:
  XmlParser(XmlHandler& handler, std::string part, std::string display_name)
      : parser_(XML_ParserCreateNS(nullptr, '|')),
        handler_(handler),
        part_(std::move(part)),
        display_name_(std::move(display_name)) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, on_start, on_end);
    XML_SetCharacterDataHandler(parser_, on_text);
    // A spreadsheet part has no document type: one is refused, so no entity can expand.
    XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
  }
  ~XmlParser() { XML_ParserFree(parser_); }
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  void feed(const char* bytes, std::size_t size, bool final) {
    if (stopped_) return;
    check(XML_Parse(parser_, bytes, static_cast<int>(size), final ? XML_TRUE : XML_FALSE));
  }
  /// True when the handler was full: `resume` goes on with the bytes already fed.
  [[nodiscard]] bool paused() const { return paused_; }
  void resume() {
    paused_ = false;
    check(XML_ResumeParser(parser_));
  }
  /// True when the handler said it was done (the part need not be read further).
  [[nodiscard]] bool stopped() const { return stopped_; }

 private:
  void check(XML_Status status) {
    if (failure_) std::rethrow_exception(failure_);
    if (stopped_ || status == XML_STATUS_SUSPENDED) return;
    if (status != XML_STATUS_OK) {
      throw damaged(display_name_,
                    fmt::format(fmt::runtime(tr("{} line {}: {}")), part_, XML_GetCurrentLineNumber(parser_),
                                XML_ErrorString(XML_GetErrorCode(parser_))));
    }
  }

  template <typename Call>
  static void guarded(void* data, Call call) {
    auto* self = static_cast<XmlParser*>(data);
    if (self->failure_ || self->stopped_) return;
    try {
      call(self->handler_);
      if (self->handler_.done()) {
        self->stopped_ = true;
        XML_StopParser(self->parser_, XML_FALSE);
      } else if (!self->paused_ && self->handler_.full()) {
        self->paused_ = true;
        XML_StopParser(self->parser_, XML_TRUE);  // resumable
      }
    } catch (...) {
      self->failure_ = std::current_exception();
      XML_StopParser(self->parser_, XML_FALSE);
    }
  }
  static void XMLCALL on_start(void* data, const char* name, const char** attributes) {
    guarded(data, [&](XmlHandler& h) { h.start(local_name(name), attributes); });
  }
  static void XMLCALL on_end(void* data, const char* name) {
    guarded(data, [&](XmlHandler& h) { h.end(local_name(name)); });
  }
  static void XMLCALL on_text(void* data, const char* text, int length) {
    guarded(data, [&](XmlHandler& h) { h.text(std::string_view(text, static_cast<std::size_t>(length))); });
  }
  static void XMLCALL on_doctype(void* data, const char* /*name*/, const char* /*system*/, const char* /*public*/,
                                 int /*internal*/) {
    auto* self = static_cast<XmlParser*>(data);
    guarded(data, [&](XmlHandler&) {
      throw damaged(
          self->display_name_,
          fmt::format(fmt::runtime(tr("{} declares a document type, which no workbook part has")), self->part_));
    });
  }

  XML_Parser parser_;
  XmlHandler& handler_;
  std::string part_, display_name_;
  std::exception_ptr failure_;
  bool stopped_ = false, paused_ = false;
};

/// The zip package, read-only.
class Package {
 public:
  Package(const std::string& path, std::string display_name) : display_name_(std::move(display_name)) {
    int error = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip_ == nullptr) {
      zip_error_t details;
      zip_error_init_with_code(&details, error);
      const std::string what = zip_error_strerror(&details);
      zip_error_fini(&details);
      throw damaged(display_name_, fmt::format(fmt::runtime(tr("the zip archive cannot be opened ({})")), what));
    }
  }
  ~Package() { zip_discard(zip_); }
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  [[nodiscard]] std::optional<zip_uint64_t> find(const std::string& part) const {
    const zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  }
  [[nodiscard]] const std::string& display_name() const { return display_name_; }

  /// Streams part `name` through `handler` in chunks, to its end or until the handler is done.
  void parse(const std::string& name, XmlHandler& handler) const {
    auto index = find(name);
    if (!index) throw damaged(display_name_, fmt::format(fmt::runtime(tr("the part {} is missing")), name));
    PartReader reader(*this, *index, name);
    XmlParser parser(handler, name, display_name_);
    std::string chunk(k_chunk_bytes, '\0');
    while (true) {
      const std::size_t count = reader.read(chunk.data(), chunk.size());
      parser.feed(chunk.data(), count, count == 0);
      if (count == 0 || parser.stopped()) return;
    }
  }

  /// One part's bytes as they are inflated, at most k_max_part_bytes.
  class PartReader {
   public:
    PartReader(const Package& package, zip_uint64_t index, std::string name)
        : package_(package), name_(std::move(name)) {
      zip_stat_t stat;
      zip_stat_init(&stat);
      if (zip_stat_index(package.zip_, index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0 &&
          stat.size > k_max_part_bytes) {
        throw too_large();
      }
      if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
        throw workbook_password_error(package.display_name_);
      }
      file_ = zip_fopen_index(package.zip_, index, 0);
      if (file_ == nullptr) {
        throw damaged(package.display_name_, fmt::format(fmt::runtime(tr("the part {} cannot be read ({})")), name_,
                                                         zip_strerror(package.zip_)));
      }
    }
    ~PartReader() { zip_fclose(file_); }
    PartReader(const PartReader&) = delete;
    PartReader& operator=(const PartReader&) = delete;

    /// Up to `size` bytes; 0 at the part's end. Throws when the data is damaged or the part
    /// inflates beyond the limit.
    std::size_t read(char* destination, std::size_t size) {
      const zip_int64_t count = zip_fread(file_, destination, size);
      if (count < 0) {
        throw damaged(package_.display_name_, fmt::format(fmt::runtime(tr("the part {} cannot be read ({})")), name_,
                                                          zip_file_strerror(file_)));
      }
      total_ += static_cast<unsigned long long>(count);
      if (total_ > k_max_part_bytes) throw too_large();
      return static_cast<std::size_t>(count);
    }

   private:
    [[nodiscard]] Error too_large() const {
      return input_error(
          fmt::format(fmt::runtime(tr("the part {} of this workbook inflates to more than {} MiB, more than any "
                                      "sign-in sheet holds (a damaged file, or a zip bomb); it was not read")),
                      name_, k_max_part_bytes >> 20U),
          tr("open the workbook in Excel/WPS, keep only the sign-in sheet and save it again"), package_.display_name_);
    }
    const Package& package_;
    std::string name_;
    zip_file_t* file_ = nullptr;
    unsigned long long total_ = 0;
  };

 private:
  zip_t* zip_ = nullptr;
  std::string display_name_;
};

/// [Content_Types].xml: the content type of each part (Override) or extension (Default).
class ContentTypes final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "Override") {
      overrides.emplace_back(resolve_part("", attribute(attributes, "PartName")),
                             std::string(attribute(attributes, "ContentType")));
    }
  }
  std::vector<std::pair<std::string, std::string>> overrides;  // part name → content type
};

/// A relationships part: Id → (Type, resolved Target).
class Relationships final : public XmlHandler {
 public:
  explicit Relationships(std::string base) : base_(std::move(base)) {}
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship" || attribute(attributes, "TargetMode") == "External") return;
    entries.push_back({std::string(attribute(attributes, "Id")), std::string(attribute(attributes, "Type")),
                       resolve_part(base_, attribute(attributes, "Target"))});
  }
  struct Entry {
    std::string id, type, target;
  };
  [[nodiscard]] std::optional<Entry> of_type(std::string_view type_tail) const {
    for (const auto& entry : entries) {
      if (ends_with(entry.type, type_tail)) return entry;
    }
    return std::nullopt;
  }
  std::vector<Entry> entries;

 private:
  std::string base_;
};

/// xl/workbook.xml: the sheets in order (name, state, relationship id) and the date system.
class WorkbookPart final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      const std::string_view state = attribute(attributes, "state");
      sheets.push_back({std::string(attribute(attributes, "name")), std::string(attribute(attributes, "id", true)),
                        state == "hidden" || state == "veryHidden"});
    } else if (name == "workbookPr") {
      const std::string_view value = attribute(attributes, "date1904");
      date1904 = value == "1" || value == "true";
    }
  }
  struct Sheet {
    std::string name, relationship;
    bool hidden = false;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
};

/// xl/styles.xml: for each cell format (cellXfs/xf, by index), whether it shows a date.
class Styles final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      int id = 0;
      std::string_view text = attribute(attributes, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      codes_[id] = std::string(attribute(attributes, "formatCode"));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      int id = 0;
      std::string_view text = attribute(attributes, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      auto code = codes_.find(id);
      date_styles.push_back(is_date_format(id, code == codes_.end() ? std::string_view() : code->second));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<bool> date_styles;

 private:
  std::map<int, std::string> codes_;
  bool in_cell_xfs_ = false;
};

/// Text of <t> elements inside `container` (si, is), phonetic runs (rPh) dropped, rich-text
/// runs joined; escapes decoded when the container ends.
class StringText {
 public:
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    if (name == "t") in_t_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_t_ = false;
  }
  void text(std::string_view piece, std::size_t limit) {
    if (in_t_ && phonetic_ == 0) append_capped(text_, piece, limit);
  }
  std::string take() {
    std::string out = decode_ooxml_escapes(text_);
    text_.clear();
    phonetic_ = 0;
    in_t_ = false;
    return out;
  }

 private:
  std::string text_;
  int phonetic_ = 0;
  bool in_t_ = false;
};

/// xl/sharedStrings.xml, all of it (cells refer to strings by index).
class SharedStrings final : public XmlHandler {
 public:
  explicit SharedStrings(std::string display_name) : display_name_(std::move(display_name)) {}
  void start(std::string_view name, const char** /*attributes*/) override {
    if (name == "si") in_si_ = true;
    if (in_si_) text_.start(name);
  }
  void end(std::string_view name) override {
    if (!in_si_) return;
    text_.end(name);
    if (name == "si") {
      if (strings.size() >= k_max_shared_strings) {
        throw input_error(fmt::format(fmt::runtime(tr("this workbook holds more than {} different texts, more than "
                                                      "any sign-in sheet")),
                                      k_max_shared_strings),
                          tr("open the workbook in Excel/WPS, keep only the sign-in sheet and save it again"),
                          display_name_);
      }
      strings.push_back(text_.take());
      in_si_ = false;
    }
  }
  void text(std::string_view piece) override {
    if (in_si_) text_.text(piece, k_max_line_bytes);
  }
  std::vector<std::string> strings;

 private:
  std::string display_name_;
  StringText text_;
  bool in_si_ = false;
};

class XlsxWorkbook;

/// One worksheet part, parsed as it is read: rows queue up as expat completes them.
class XlsxSheet final : public SheetReader, private XmlHandler {
 public:
  XlsxSheet(const Package& package, const std::string& part, const std::vector<std::string>& strings,
            const std::vector<bool>& date_styles, bool date1904)
      : package_(package),
        part_(part),
        strings_(strings),
        date_styles_(date_styles),
        date1904_(date1904),
        reader_(package, *find_part(package, part), part),
        parser_(*this, part, package.display_name()),
        chunk_(k_chunk_bytes, '\0') {}

  bool next(Record& out) override {
    while (rows_.empty() && !finished_) {
      if (parser_.paused()) {
        parser_.resume();
      } else {
        const std::size_t count = reader_.read(chunk_.data(), chunk_.size());
        last_chunk_ = count == 0;
        parser_.feed(chunk_.data(), count, last_chunk_);
      }
      if (!parser_.paused() && (last_chunk_ || parser_.stopped())) finished_ = true;
    }
    if (rows_.empty()) return false;
    out = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

 private:
  static std::optional<zip_uint64_t> find_part(const Package& package, const std::string& part) {
    auto index = package.find(part);
    if (!index) throw damaged(package.display_name(), fmt::format(fmt::runtime(tr("the part {} is missing")), part));
    return index;
  }

  void start(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
      return;
    }
    if (!in_data_) return;
    if (name == "row") {
      const std::string_view r = attribute(attributes, "r");
      int number = 0;
      auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), number);
      // Rows go down the sheet: a row without a number, or numbered at or above the one before
      // (a hand-made file), is the next row — so no two rows share a line (a reject's identity).
      const bool numbered = error == std::errc() && end == r.data() + r.size() && number > last_row_;
      row_.line = numbered ? number : last_row_ + 1;
      if (row_.line > k_max_rows) {
        throw damaged(package_.display_name(),
                      fmt::format(fmt::runtime(tr("{}: a row below Excel's last row {}")), part_, k_max_rows));
      }
      last_row_ = row_.line;
      row_.cells.clear();
      row_.kinds.clear();
      row_bytes_ = 0;
      row_too_long_ = false;
      column_ = 0;
    } else if (name == "c") {
      const std::string_view reference = attribute(attributes, "r");
      std::size_t column = 0;
      std::size_t i = 0;
      for (; i < reference.size(); ++i) {
        const char letter =
            reference[i] >= 'a' && reference[i] <= 'z' ? static_cast<char>(reference[i] - 32) : reference[i];
        if (letter < 'A' || letter > 'Z') break;
        column = column * 26 + static_cast<std::size_t>(letter - 'A' + 1);
        if (column > k_max_columns) break;
      }
      column_ = i > 0 ? column : column_ + 1;
      if (column_ > k_max_columns) {
        throw damaged(
            package_.display_name(),
            fmt::format(fmt::runtime(tr("{} row {}: a cell beyond Excel's last column XFD")), part_, row_.line));
      }
      type_ = std::string(attribute(attributes, "t"));
      const std::string_view style = attribute(attributes, "s");
      style_ = 0;
      std::from_chars(style.data(), style.data() + style.size(), style_);
      value_.clear();
      in_cell_ = true;
      in_v_ = in_is_ = false;
    } else if (in_cell_ && name == "v") {
      in_v_ = true;
    } else if (in_cell_ && name == "is") {
      in_is_ = true;
    } else if (in_is_) {
      inline_.start(name);
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
      done_ = true;  // merged cells and the rest after the data are not needed
      return;
    }
    if (!in_data_) return;
    if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_is_ = false;
      value_ = inline_.take();
    } else if (in_is_) {
      inline_.end(name);
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      store_cell();
    } else if (name == "row") {
      if (row_too_long_) {
        row_.cells.assign(1, std::string());
        row_.kinds.assign(1, CellKind::text);
        row_.problem = Record::Problem::too_long;
      } else {
        row_.problem = Record::Problem::none;
      }
      row_.problem_line = row_.line;
      row_.line_count = 1;
      row_.byte_offset = -1;
      row_.unbalanced_quote = false;
      if (row_.cells.empty()) row_.cells.emplace_back();  // a row of styles only: blank
      if (row_.kinds.size() < row_.cells.size()) row_.kinds.resize(row_.cells.size(), CellKind::text);
      rows_.push_back(std::move(row_));
      row_ = Record{};
    }
  }

  void text(std::string_view piece) override {
    if (in_is_) {
      inline_.text(piece, k_max_line_bytes);
    } else if (in_v_) {
      append_capped(value_, piece, k_max_line_bytes);
    }
  }

  [[nodiscard]] bool done() const override { return done_; }
  /// A few rows at a time: a chunk of 64 KiB may hold thousands.
  [[nodiscard]] bool full() const override { return rows_.size() >= k_rows_ahead; }

  void store_cell() {
    std::string text;
    CellKind kind = CellKind::text;
    if (type_ == "s") {
      std::size_t index = 0;
      auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (value_.empty()) {
        text.clear();
      } else if (error != std::errc() || end != value_.data() + value_.size() || index >= strings_.size()) {
        throw damaged(package_.display_name(),
                      fmt::format(fmt::runtime(tr("{} row {}: a cell names shared string {}, which does not exist")),
                                  part_, row_.line, value_));
      } else {
        text = strings_[index];
      }
    } else if (type_ == "inlineStr" || type_ == "e" || type_ == "d") {
      text = value_;  // an inline string's text, an error's (#N/A), an ISO date's
    } else if (type_ == "str") {
      text = decode_ooxml_escapes(value_);
    } else if (type_ == "b") {
      text = value_ == "1" || value_ == "true" ? "TRUE" : "FALSE";
      if (value_.empty()) text.clear();
    } else if (!value_.empty()) {
      NumberText number = read_number_text(value_);
      std::string date;
      if (number.valid && style_ < date_styles_.size() && date_styles_[style_]) {
        double serial = 0;
        auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), serial);
        if (error == std::errc() && end == value_.data() + value_.size()) date = serial_date_text(serial, date1904_);
      }
      if (!date.empty()) {
        text = std::move(date);
      } else {
        text = std::move(number.text);
        if (number.valid) kind = number.beyond_15_digits ? CellKind::long_number : CellKind::number;
      }
    }
    if (text.empty() || row_too_long_) return;
    row_bytes_ += text.size();
    if (row_bytes_ > k_max_line_bytes) {
      row_too_long_ = true;
      return;
    }
    const std::size_t place =
        column_ <= k_max_dense_columns ? column_ : std::max(row_.cells.size(), k_max_dense_columns) + 1;
    if (row_.cells.size() < place) {
      row_.cells.resize(place);
      row_.kinds.resize(place, CellKind::text);
    }
    row_.cells[place - 1] = std::move(text);
    row_.kinds[place - 1] = kind;
  }

  const Package& package_;
  std::string part_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  Package::PartReader reader_;
  XmlParser parser_;
  std::string chunk_;
  std::deque<Record> rows_;
  bool finished_ = false, done_ = false, last_chunk_ = false;

  Record row_;
  int last_row_ = 0;
  std::size_t row_bytes_ = 0, column_ = 0, style_ = 0;
  bool row_too_long_ = false, in_data_ = false, in_cell_ = false, in_v_ = false, in_is_ = false;
  std::string type_, value_;
  StringText inline_;
};

/// The main part's content type, or an explanation of what the zip is instead.
enum class ZipKind { workbook, binary_workbook, word, presentation, other };

ZipKind kind_of(std::string_view content_type) {
  for (std::string_view tail :
       {"spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml", "ms-excel.sheet.macroEnabled.main+xml",
        "ms-excel.template.macroEnabled.main+xml", "ms-excel.addin.macroEnabled.main+xml"}) {
    if (ends_with(content_type, tail)) return ZipKind::workbook;
  }
  if (ends_with(content_type, "ms-excel.sheet.binary.macroEnabled.main")) return ZipKind::binary_workbook;
  if (content_type.find("wordprocessingml") != std::string_view::npos) return ZipKind::word;
  if (content_type.find("presentationml") != std::string_view::npos) return ZipKind::presentation;
  return ZipKind::other;
}

/// The main (workbook) part of the package, after checking it is a spreadsheet.
std::string main_part(const Package& package) {
  const std::string& display_name = package.display_name();
  if (!package.find("[Content_Types].xml")) {
    if (package.find("mimetype") && package.find("content.xml")) {
      throw workbook_save_as_error(display_name,
                                   tr("this is an OpenDocument file (.ods, LibreOffice/WPS), which ldt does not "
                                      "read"));
    }
    throw workbook_save_as_error(display_name, tr("this is a zip archive, not an Excel workbook"));
  }
  ContentTypes types;
  package.parse("[Content_Types].xml", types);
  std::optional<std::string> main;
  ZipKind found = ZipKind::other;
  for (const auto& [part, type] : types.overrides) {
    const ZipKind kind = kind_of(type);
    if (kind == ZipKind::workbook) {
      main = part;
      found = kind;
      break;
    }
    if (kind != ZipKind::other) found = kind;
  }
  switch (found) {
    case ZipKind::workbook:
      break;
    case ZipKind::binary_workbook:
      throw workbook_save_as_error(display_name,
                                   tr("this is a binary Excel workbook (.xlsb), which ldt does not read"));
    case ZipKind::word:
      throw workbook_save_as_error(display_name, tr("this is a Word document, not an Excel workbook"));
    case ZipKind::presentation:
      throw workbook_save_as_error(display_name, tr("this is a PowerPoint presentation, not an Excel workbook"));
    case ZipKind::other:
      throw workbook_save_as_error(display_name, tr("this zip file is an Office package but holds no Excel workbook"));
  }
  // The package relationships name the workbook; the content types are the fallback.
  if (package.find("_rels/.rels")) {
    Relationships root("");
    package.parse("_rels/.rels", root);
    if (auto office = root.of_type("/officeDocument"); office && package.find(office->target)) return office->target;
  }
  return *main;
}

class XlsxWorkbook final : public Workbook {
 public:
  XlsxWorkbook(const std::string& path, const std::string& display_name) : package_(path, display_name) {
    workbook_part_ = main_part(package_);
    WorkbookPart workbook;
    package_.parse(workbook_part_, workbook);
    date1904_ = workbook.date1904;
    Relationships relationships(directory_of(workbook_part_));
    if (package_.find(relationships_of(workbook_part_)))
      package_.parse(relationships_of(workbook_part_), relationships);
    if (workbook.sheets.size() > k_max_sheets) {
      throw damaged(package_.display_name(), fmt::format(fmt::runtime(tr("it lists {} sheets, more than {}")),
                                                         workbook.sheets.size(), k_max_sheets));
    }
    for (const auto& sheet : workbook.sheets) {
      // Excel never writes two sheets of one name; rows are known by (file, sheet, line).
      for (const auto& seen : sheets_) {
        if (seen.name == sheet.name) {
          throw damaged(package_.display_name(),
                        fmt::format(fmt::runtime(tr("two sheets are named \"{}\"")), sheet.name));
        }
      }
      std::string part;
      bool worksheet = false;
      for (const auto& entry : relationships.entries) {
        if (entry.id != sheet.relationship) continue;
        part = entry.target;
        worksheet = ends_with(entry.type, "/worksheet") && package_.find(part).has_value();
      }
      sheets_.push_back({sheet.name, sheet.hidden, worksheet});
      parts_.push_back(part);
    }
    if (auto styles = relationships.of_type("/styles"); styles && package_.find(styles->target)) {
      Styles parsed;
      package_.parse(styles->target, parsed);
      date_styles_ = std::move(parsed.date_styles);
    }
    if (auto strings = relationships.of_type("/sharedStrings"); strings && package_.find(strings->target)) {
      strings_part_ = strings->target;
    }
  }

  [[nodiscard]] SourceFormat format() const override { return SourceFormat::xlsx; }
  [[nodiscard]] std::string encoding() const override { return "utf-8"; }
  [[nodiscard]] const std::vector<SheetInfo>& sheets() const override { return sheets_; }

  std::unique_ptr<SheetReader> open_sheet(std::size_t index) override {
    if (!strings_loaded_ && !strings_part_.empty()) {
      SharedStrings strings(package_.display_name());
      package_.parse(strings_part_, strings);
      strings_ = std::move(strings.strings);
    }
    strings_loaded_ = true;
    return std::make_unique<XlsxSheet>(package_, parts_.at(index), strings_, date_styles_, date1904_);
  }

 private:
  Package package_;
  std::string workbook_part_, strings_part_;
  std::vector<SheetInfo> sheets_;
  std::vector<std::string> parts_;
  std::vector<bool> date_styles_;
  std::vector<std::string> strings_;
  bool date1904_ = false, strings_loaded_ = false;
};

}  // namespace

void check_xlsx_zip(const std::string& path, const std::string& display_name) {
  const Package package(path, display_name);
  main_part(package);
}

std::unique_ptr<Workbook> open_xlsx(const std::string& path, const std::string& display_name) {
  return std::make_unique<XlsxWorkbook>(path, display_name);
}

}  // namespace ldt
