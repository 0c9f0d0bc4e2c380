#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ldt/project/project.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

namespace {
using Json = nlohmann::ordered_json;
constexpr std::string_view k_zero_hash = "0000000000000000000000000000000000000000000000000000000000000000";

Json body_of(const JournalEntry& entry) {
  Json files = Json::array();
  for (const auto& [path, sha] : entry.files) files.push_back({{"path", path}, {"sha256", sha}});
  return Json{{"seq", entry.seq},       {"time", entry.time}, {"actor", entry.actor}, {"command", entry.command},
              {"target", entry.target}, {"files", files},     {"prev", entry.prev}};
}

std::string hash_of(const JournalEntry& entry) { return sha256_hex(entry.prev + body_of(entry).dump()); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

JournalEntry parse_entry(const std::string& line, int number) {
  try {
    Json json = Json::parse(line);
    JournalEntry entry;
    entry.seq = json.at("seq").get<long long>();
    entry.time = json.at("time").get<std::string>();
    entry.actor = json.at("actor").get<std::string>();
    entry.command = json.at("command").get<std::string>();
    entry.target = json.at("target").get<std::string>();
    for (const auto& file : json.at("files")) {
      entry.files.emplace_back(file.at("path").get<std::string>(), file.at("sha256").get<std::string>());
    }
    entry.prev = json.at("prev").get<std::string>();
    entry.hash = json.at("hash").get<std::string>();
    return entry;
  } catch (const nlohmann::json::exception&) {
    throw input_error(tr("journal line is not a valid entry"),
                      tr("restore journal.jsonl from a backup or version control"), paths::k_journal, number);
  }
}
}  // namespace

std::vector<JournalEntry> read_journal(const fs::path& root) {
  std::vector<JournalEntry> entries;
  if (!fs::exists(root / paths::k_journal)) return entries;
  auto lines = lines_of(read_file(root / paths::k_journal, paths::k_journal));
  for (size_t i = 0; i < lines.size(); ++i) entries.push_back(parse_entry(lines[i], static_cast<int>(i + 1)));
  return entries;
}

namespace {
/// The journal's size and its last non-empty line, read from the end: the cost of a command
/// does not grow with the project's history.
struct JournalTail {
  long long size = 0;
  std::string last_line;
  bool ends_with_newline = true;
};

JournalTail read_tail(const fs::path& path) {
  JournalTail tail;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return tail;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return JournalTail{-1, {}, true};
  struct Closer {
    std::FILE* f;
    ~Closer() { std::fclose(f); }
  } closer{file};
  if (std::fseek(file, 0, SEEK_END) != 0) return JournalTail{-1, {}, true};
  tail.size = std::ftell(file);
  // Read ever larger pieces of the end until one holds the whole last line (or the whole file).
  std::string buffer;
  for (long long chunk = 4096;; chunk *= 2) {
    long long start = std::max(0LL, tail.size - chunk);
    buffer.assign(static_cast<std::size_t>(tail.size - start), '\0');
    if (std::fseek(file, start, SEEK_SET) != 0 || std::fread(buffer.data(), 1, buffer.size(), file) != buffer.size()) {
      return JournalTail{-1, {}, true};
    }
    tail.ends_with_newline = buffer.empty() || buffer.back() == '\n';
    auto last = buffer.find_last_not_of('\n');
    auto newline = last == std::string::npos ? std::string::npos : buffer.rfind('\n', last);
    if (newline == std::string::npos && start > 0) continue;  // the line starts before this piece
    if (last == std::string::npos) return tail;               // empty, or only newlines
    auto first = newline == std::string::npos ? 0 : newline + 1;
    tail.last_line = buffer.substr(first, last - first + 1);
    return tail;
  }
}
}  // namespace

void stage_journal_entry(const fs::path& root, WriteSet& writes, JournalEntry entry) {
  JournalTail tail = read_tail(root / paths::k_journal);
  if (tail.size < 0) {
    // Unreadable from the end: read it whole, which reports why.
    read_file(root / paths::k_journal, paths::k_journal);
  }
  long long last_seq = 0;
  if (!tail.last_line.empty()) {
    // The chain was verified before this is called (Context::require_sound_journal); a last line
    // that does not parse is counted instead.
    try {
      last_seq = Json::parse(tail.last_line).at("seq").get<long long>();
    } catch (const nlohmann::json::exception&) {
      last_seq = static_cast<long long>(lines_of(read_file(root / paths::k_journal, paths::k_journal)).size());
    }
  }
  entry.seq = last_seq + 1;
  entry.prev = tail.last_line.empty() ? std::string(k_zero_hash) : sha256_hex(tail.last_line);
  entry.hash = hash_of(entry);
  Json json = body_of(entry);
  json["hash"] = entry.hash;
  std::string line = json.dump() + "\n";
  if (!tail.ends_with_newline) line.insert(0, "\n");
  writes.append(paths::k_journal, tail.size, line);
}

std::vector<std::pair<std::string, std::string>> commit_journalled(const fs::path& root, WriteSet& writes,
                                                                   JournalEntry entry) {
  writes.finish_all();
  auto files = writes.written();
  entry.files = files;
  stage_journal_entry(root, writes, std::move(entry));
  writes.commit();
  return files;
}

std::vector<JournalBreak> verify_journal(const fs::path& root) {
  std::vector<JournalBreak> breaks;
  if (!fs::exists(root / paths::k_journal)) return breaks;
  auto lines = lines_of(read_file(root / paths::k_journal, paths::k_journal));
  std::string expected_prev(k_zero_hash);
  for (size_t i = 0; i < lines.size(); ++i) {
    int number = static_cast<int>(i + 1);
    auto fail = [&](const char* problem) { breaks.push_back(JournalBreak{number, problem}); };
    JournalEntry entry;
    try {
      entry = parse_entry(lines[i], number);
    } catch (const Error&) {
      fail(tr("line is not a valid journal entry"));
      expected_prev = sha256_hex(lines[i]);
      continue;
    }
    if (entry.seq != number) fail(tr("sequence number out of order"));
    if (entry.prev != expected_prev) fail(tr("does not chain to the previous line"));
    if (entry.hash != hash_of(entry)) fail(tr("content does not match its hash"));
    expected_prev = sha256_hex(lines[i]);
  }
  return breaks;
}

std::string journal_head(const fs::path& root) {
  if (!fs::exists(root / paths::k_journal)) return {};
  auto lines = lines_of(read_file(root / paths::k_journal, paths::k_journal));
  if (lines.empty()) return {};
  return fmt::format("{} {}", lines.size(), sha256_hex(lines.back()));
}

bool journal_keeps_head(const fs::path& root, const std::string& head) {
  auto space = head.find(' ');
  if (space == std::string::npos) return true;
  std::size_t seq = std::stoul(head.substr(0, space));
  std::vector<std::string> lines;
  if (fs::exists(root / paths::k_journal)) lines = lines_of(read_file(root / paths::k_journal, paths::k_journal));
  return seq >= 1 && lines.size() >= seq && sha256_hex(lines[seq - 1]) == head.substr(space + 1);
}

int journal_line_of(const fs::path& root, std::string_view line_sha256) {
  if (!fs::exists(root / paths::k_journal)) return 0;
  auto lines = lines_of(read_file(root / paths::k_journal, paths::k_journal));
  for (size_t i = 0; i < lines.size(); ++i) {
    if (sha256_hex(lines[i]) == line_sha256) return static_cast<int>(i + 1);
  }
  return 0;
}

}  // namespace ldt
