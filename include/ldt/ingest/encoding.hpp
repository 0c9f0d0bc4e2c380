#pragma once
/// Text encodings of sign-in exports: choosing one (README "How each row and cell is read": Encodings) and decoding the
/// raw bytes of one physical line to UTF-8 while recording where undecodable bytes were.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ldt {

/// An encoding a sign-in file can be read in. README "How each row and cell is read".
enum class Encoding { utf8, gb18030, utf16le, utf16be };

/// The name reported to the user and in JSON: "utf-8", "gb18030" or "utf-16" (both byte
/// orders). README "How each row and cell is read" (`"encoding"` of `signin import --format json`).
std::string_view encoding_name(Encoding encoding);

/// What the user asked for with `--encoding`.
enum class EncodingChoice { auto_detect, utf8, gb18030, utf16 };

/// Parses an `--encoding` value: "auto", "utf-8"/"utf8", "gb18030"/"gbk", "utf-16"/"utf16"
/// (ASCII case-insensitive). nullopt for anything else.
std::optional<EncodingChoice> parse_encoding_choice(std::string_view text);

/// The encoding a file is read in and the length of the byte-order mark that precedes the text
/// (0, 2 or 3 bytes; the mark is never part of the first cell).
struct EncodingDecision {
  Encoding encoding = Encoding::utf8;
  std::size_t bom_length = 0;
};

/// How many leading bytes `choose_encoding` looks at: 64 KiB (256 bytes in the fuzz build).
#ifdef LDT_FUZZ_SMALL_BUFFERS
inline constexpr std::size_t k_encoding_sample_bytes = 256;
#else
inline constexpr std::size_t k_encoding_sample_bytes = std::size_t{64} * 1024;
#endif

/// Chooses the encoding from the first bytes of a file (`head`, at most
/// `k_encoding_sample_bytes` are examined; `whole_file` says whether `head` is the entire file,
/// so that a multi-byte character cut by the end of the sample is not counted as invalid).
///
/// `auto_detect`, README "How each row and cell is read" ("auto picks by BOM, then UTF-8 validity, else GB18030"):
///  1. BOM: EF BB BF → UTF-8; FF FE → UTF-16LE; FE FF → UTF-16BE.
///  2. No BOM but NUL bytes in the pattern of UTF-16 text (mostly at odd offsets → LE, mostly
///     at even offsets → BE): UTF-16 without BOM.
///  3. UTF-8 if the sample has no invalid UTF-8 sequence, or if its valid multi-byte characters
///     are at least 4× its invalid sequences ("valid UTF-8 except for a few bytes").
///  4. Otherwise GB18030 (which includes GBK and GB2312).
/// An explicit choice is obeyed; for `utf8` a UTF-8 BOM is skipped, for `utf16` the BOM (or,
/// without one, the NUL pattern; little-endian by default) gives the byte order.
EncodingDecision choose_encoding(std::string_view head, bool whole_file, EncodingChoice choice);

/// Decodes the raw bytes of one physical line (line terminator excluded) to UTF-8.
///
/// Bytes that do not decode are replaced by U+FFFD and the position of the first one is
/// returned out of band (U+FFFD may also occur legitimately in valid input). UTF-8 uses the
/// "maximal subpart" rule (one U+FFFD per broken sequence); GB18030 and UTF-16 (glibc iconv)
/// replace one byte (one 16-bit unit for UTF-16) at a time. Throws `internal_error` when iconv
/// lacks the conversion.
class LineDecoder {
 public:
  explicit LineDecoder(Encoding encoding);
  ~LineDecoder();
  LineDecoder(LineDecoder&& other) noexcept;
  LineDecoder& operator=(LineDecoder&& other) noexcept;
  LineDecoder(const LineDecoder&) = delete;
  LineDecoder& operator=(const LineDecoder&) = delete;

  /// Decodes `raw`. On return `text` views the UTF-8 text: either `raw` itself (valid UTF-8
  /// input, no copy) or this decoder's scratch buffer, valid until the next call. Returns the
  /// index into `raw` of the first undecodable byte, or `std::string_view::npos`.
  std::size_t decode(std::string_view raw, std::string_view& text);

  [[nodiscard]] Encoding encoding() const { return encoding_; }

 private:
  std::size_t decode_utf8(std::string_view raw, std::string_view& text);
  std::size_t decode_iconv(std::string_view raw, std::string_view& text);

  Encoding encoding_;
  void* iconv_ = nullptr;  ///< iconv_t, opened for GB18030 and UTF-16 only
  std::string scratch_;
};

/// Length of the valid UTF-8 sequence starting at `text[index]` (1–4), or 0 when the bytes there
/// are not a complete valid sequence. Overlong forms, surrogates and code points above U+10FFFF
/// are invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t index);

}  // namespace ldt
