#include "ldt/ingest/encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "ldt/util/diagnostic.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

/// One step of UTF-8 validation at `index`: the length of a valid sequence, or the length of
/// the maximal subpart of a broken one (at least 1) and whether the text ended inside it.
struct Utf8Step {
  std::size_t length = 1;
  bool valid = true;
  bool truncated = false;
};

Utf8Step utf8_step(std::string_view text, std::size_t index) {
  const auto lead = static_cast<unsigned char>(text[index]);
  if (lead < 0x80) return {1, true, false};
  std::size_t trail_count = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail_count = 1;
  } else if (lead == 0xE0) {
    trail_count = 2;
    low = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    trail_count = 2;
  } else if (lead == 0xED) {
    trail_count = 2;
    high = 0x9F;  // no UTF-16 surrogates
  } else if (lead == 0xF0) {
    trail_count = 3;
    low = 0x90;  // no overlong forms
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    trail_count = 3;
  } else if (lead == 0xF4) {
    trail_count = 3;
    high = 0x8F;  // nothing above U+10FFFF
  } else {
    return {1, false, false};
  }
  for (std::size_t k = 1; k <= trail_count; ++k) {
    if (index + k >= text.size()) return {k, false, true};
    const auto trail = static_cast<unsigned char>(text[index + k]);
    const bool in_range = k == 1 ? (trail >= low && trail <= high) : (trail >= 0x80 && trail <= 0xBF);
    if (!in_range) return {k, false, false};
  }
  return {trail_count + 1, true, false};
}

/// Index of the first byte at or after `index` that is not ASCII (8 bytes at a time).
std::size_t skip_ascii(std::string_view text, std::size_t index) {
  const char* data = text.data();
  const std::size_t size = text.size();
  while (index + 8 <= size) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + index, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
    index += 8;
  }
  while (index < size && static_cast<unsigned char>(data[index]) < 0x80) ++index;
  return index;
}

/// UTF-16 byte order from the NUL pattern of text without a BOM: ASCII characters have a zero
/// high byte, so NULs at odd offsets mean little-endian, at even offsets big-endian.
std::optional<Encoding> guess_utf16_order(std::string_view sample) {
  const std::size_t units = sample.size() / 2;
  std::size_t nul_even = 0;
  std::size_t nul_odd = 0;
  for (std::size_t i = 0; i < units; ++i) {
    if (sample[2 * i] == '\0') ++nul_even;
    if (sample[2 * i + 1] == '\0') ++nul_odd;
  }
  const std::size_t enough = units / 10 > 0 ? units / 10 : 1;
  if (nul_odd >= enough && nul_even * 10 <= nul_odd) return Encoding::utf16le;
  if (nul_even >= enough && nul_odd * 10 <= nul_even) return Encoding::utf16be;
  return std::nullopt;
}

/// README "How each row and cell is read": valid UTF-8 except for a few bytes: no invalid sequence, or valid multi-byte
/// characters at least 4× the invalid sequences. A sequence cut by the end of a partial sample
/// is not counted.
bool looks_like_utf8(std::string_view sample, bool whole_file) {
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  std::size_t index = skip_ascii(sample, 0);
  while (index < sample.size()) {
    const Utf8Step step = utf8_step(sample, index);
    if (step.truncated && !whole_file) break;
    if (step.valid) {
      ++valid_multibyte;
    } else {
      ++invalid;
    }
    index = skip_ascii(sample, index + step.length);
  }
  return invalid == 0 || valid_multibyte >= 4 * invalid;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "utf-8";
    case Encoding::gb18030:
      return "gb18030";
    case Encoding::utf16le:
    case Encoding::utf16be:
      return "utf-16";
  }
  return "utf-8";
}

std::optional<EncodingChoice> parse_encoding_choice(std::string_view text) {
  std::string lower;
  for (char c : text) lower.push_back(ascii_lower(c));
  if (lower == "auto") return EncodingChoice::auto_detect;
  if (lower == "utf-8" || lower == "utf8") return EncodingChoice::utf8;
  if (lower == "gb18030" || lower == "gbk") return EncodingChoice::gb18030;
  if (lower == "utf-16" || lower == "utf16") return EncodingChoice::utf16;
  return std::nullopt;
}

EncodingDecision choose_encoding(std::string_view head, bool whole_file, EncodingChoice choice) {
  if (head.size() > k_encoding_sample_bytes) {
    head = head.substr(0, k_encoding_sample_bytes);
    whole_file = false;
  }
  const bool utf8_bom = head.starts_with("\xEF\xBB\xBF");
  std::optional<Encoding> utf16_bom;
  if (head.starts_with("\xFF\xFE")) utf16_bom = Encoding::utf16le;
  if (head.starts_with("\xFE\xFF")) utf16_bom = Encoding::utf16be;

  switch (choice) {
    case EncodingChoice::utf8:
      return {Encoding::utf8, utf8_bom ? 3U : 0U};
    case EncodingChoice::gb18030:
      return {Encoding::gb18030, 0};
    case EncodingChoice::utf16:
      if (utf16_bom) return {*utf16_bom, 2};
      return {guess_utf16_order(head).value_or(Encoding::utf16le), 0};
    case EncodingChoice::auto_detect:
      break;
  }
  if (utf8_bom) return {Encoding::utf8, 3};
  if (utf16_bom) return {*utf16_bom, 2};
  if (head.find('\0') != std::string_view::npos) {
    if (auto order = guess_utf16_order(head)) return {*order, 0};
  }
  if (looks_like_utf8(head, whole_file)) return {Encoding::utf8, 0};
  return {Encoding::gb18030, 0};
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t index) {
  const Utf8Step step = utf8_step(text, index);
  return step.valid ? step.length : 0;
}

LineDecoder::LineDecoder(Encoding encoding) : encoding_(encoding) {
  const char* from = nullptr;
  switch (encoding) {
    case Encoding::utf8:
      return;
    case Encoding::gb18030:
      from = "GB18030";
      break;
    case Encoding::utf16le:
      from = "UTF-16LE";
      break;
    case Encoding::utf16be:
      from = "UTF-16BE";
      break;
  }
  iconv_t handle = iconv_open("UTF-8", from);
  // iconv_open fails with (iconv_t)-1: compare the handle's value instead of forming that pointer.
  if (reinterpret_cast<std::intptr_t>(handle) == -1) {
    throw internal_error(fmt::format(fmt::runtime(tr("iconv cannot convert from {}: {}")), from, std::strerror(errno)));
  }
  iconv_ = handle;
}

LineDecoder::~LineDecoder() {
  if (iconv_ != nullptr) iconv_close(static_cast<iconv_t>(iconv_));
}

LineDecoder::LineDecoder(LineDecoder&& other) noexcept
    : encoding_(other.encoding_), iconv_(other.iconv_), scratch_(std::move(other.scratch_)) {
  other.iconv_ = nullptr;
}

LineDecoder& LineDecoder::operator=(LineDecoder&& other) noexcept {
  if (this != &other) {
    if (iconv_ != nullptr) iconv_close(static_cast<iconv_t>(iconv_));
    encoding_ = other.encoding_;
    iconv_ = other.iconv_;
    scratch_ = std::move(other.scratch_);
    other.iconv_ = nullptr;
  }
  return *this;
}

std::size_t LineDecoder::decode(std::string_view raw, std::string_view& text) {
  return encoding_ == Encoding::utf8 ? decode_utf8(raw, text) : decode_iconv(raw, text);
}

std::size_t LineDecoder::decode_utf8(std::string_view raw, std::string_view& text) {
  std::size_t index = skip_ascii(raw, 0);
  while (index < raw.size()) {
    const Utf8Step step = utf8_step(raw, index);
    if (!step.valid) break;
    index = skip_ascii(raw, index + step.length);
  }
  if (index == raw.size()) {
    text = raw;
    return std::string_view::npos;
  }
  const std::size_t first_bad = index;
  scratch_.assign(raw.substr(0, index));
  while (index < raw.size()) {
    const Utf8Step step = utf8_step(raw, index);
    if (step.valid) {
      scratch_.append(raw.substr(index, step.length));
    } else {
      scratch_.append(k_replacement);
    }
    index += step.length;
  }
  text = scratch_;
  return first_bad;
}

std::size_t LineDecoder::decode_iconv(std::string_view raw, std::string_view& text) {
  auto* handle = static_cast<iconv_t>(iconv_);
  iconv(handle, nullptr, nullptr, nullptr, nullptr);  // initial shift state for every line
  const std::size_t unit = encoding_ == Encoding::gb18030 ? 1 : 2;
  std::size_t first_bad = std::string_view::npos;
  if (scratch_.size() < raw.size() * 2 + 16) scratch_.resize(raw.size() * 2 + 16);
  std::size_t written = 0;
  char* in = const_cast<char*>(raw.data());  // iconv's signature; the input is not modified
  std::size_t in_left = raw.size();
  while (in_left > 0) {
    char* out = scratch_.data() + written;
    std::size_t out_left = scratch_.size() - written;
    const std::size_t result = iconv(handle, &in, &in_left, &out, &out_left);
    written = scratch_.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      scratch_.resize(scratch_.size() * 2);
      continue;
    }
    // EILSEQ (invalid) or EINVAL (incomplete at the end of the line): replace and go on.
    if (first_bad == std::string_view::npos) {
      first_bad = static_cast<std::size_t>(in - raw.data());
    }
    if (scratch_.size() - written < k_replacement.size()) scratch_.resize(scratch_.size() * 2);
    std::memcpy(scratch_.data() + written, k_replacement.data(), k_replacement.size());
    written += k_replacement.size();
    const std::size_t skip = in_left < unit ? in_left : unit;
    in += skip;
    in_left -= skip;
    iconv(handle, nullptr, nullptr, nullptr, nullptr);
  }
  text = std::string_view(scratch_.data(), written);
  return first_bad;
}

}  // namespace ldt
