// --merge: each part read once (a FIFO will do), its lines kept in a temporary file until every
// part has been read and checked, then written out in the order of the parts.
#include "merge_parts.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include "input_stream.hpp"
#include "lfsr/error.hpp"
#include "lfsr/report.hpp"
#include "many/shard_label.hpp"
#include "many/shard_merge.hpp"
#include "many_registers.hpp"
#include "report/exact_json.hpp"
#include "search/search_summary.hpp"
#include "termination_signals.hpp"

namespace lfsr::cli {

namespace {

// A summary is read into memory whole; beyond this a file is no summary of this program's.
constexpr std::size_t max_summary_bytes = std::size_t{256} << 20;
// The first line of a part is its header (or a summary's "{"): a longer one is not a part.
constexpr std::size_t max_first_line_bytes = std::size_t{1} << 16;

constexpr std::string_view header_start = R"({"shard":)";
constexpr std::string_view end_start = R"({"shard_end":)";
constexpr std::string_view register_start = R"({"line":)";

// The summaries of a search's parts or of a scan's or batch's, as the first part's is.
nlohmann::ordered_json merge_any_summaries(const std::vector<const nlohmann::ordered_json*>& in_order) {
  return is_search_summary(*in_order.front()) ? merge_search_summaries(in_order) : merge_summaries(in_order);
}

std::string how_to_shard() { return "run the parts with --shard I/N --format json"; }

// Lines of an input, each with whether a newline ended it (the last line of a part cut short
// has none).
class LineReader {
 public:
  explicit LineReader(InputStream& in) : in_(in) {}

  // The next line without its newline, at most `limit` bytes of it kept; false at the end.
  bool next(std::string& line, bool& terminated, std::size_t limit = std::string::npos) {
    line.clear();
    for (;;) {
      if (next_ == buffer_.size() && !fill()) {
        terminated = false;
        return !line.empty();
      }
      const char* const start = buffer_.data() + next_;
      const std::size_t left = buffer_.size() - next_;
      const void* const newline = std::memchr(start, '\n', left);
      const std::size_t length = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : left;
      line.append(start, std::min(length, limit - std::min(limit, line.size())));
      next_ += length;
      if (newline) {
        ++next_;
        terminated = true;
        return true;
      }
    }
  }

  // What is left of the input, appended to `text`; false past `limit` bytes in all.
  bool rest(std::string& text, std::size_t limit) {
    for (;;) {
      text.append(buffer_, next_, std::string::npos);
      next_ = buffer_.size();
      if (text.size() > limit) return false;
      if (!fill()) return true;
    }
  }

 private:
  bool fill() {
    buffer_.resize(std::size_t{1} << 16);
    buffer_.resize(in_.read(buffer_.data(), buffer_.size()));
    next_ = 0;
    return !buffer_.empty();
  }

  InputStream& in_;
  std::string buffer_;
  std::size_t next_ = 0;
};

// The lines of every JSON Lines part, in the order the parts were read, in an unnamed file.
class TemporaryLines {
 public:
  TemporaryLines() {
    const char* const directory = std::getenv("TMPDIR");
    std::string name = fmt::format("{}/lfsr-merge-XXXXXX", directory && *directory ? directory : "/tmp");
    const int fd = mkstemp(name.data());
    if (fd < 0)
      throw WorkerError(fmt::format("--merge: cannot create a temporary file {}: {}", name, std::strerror(errno)));
    unlink(name.c_str());  // gone when the process ends, however it ends
    file_ = fdopen(fd, "w+");
    if (file_ == nullptr) {
      close(fd);
      throw WorkerError(fmt::format("--merge: cannot open a temporary file: {}", std::strerror(errno)));
    }
  }
  ~TemporaryLines() { std::fclose(file_); }
  TemporaryLines(const TemporaryLines&) = delete;
  TemporaryLines& operator=(const TemporaryLines&) = delete;

  void add(std::string_view line) {
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fputc('\n', file_) == EOF) failed();
    size_ += line.size() + 1;
  }
  std::uint64_t size() const { return size_; }

  // Bytes [from, from + count) to standard output.
  void write_out(std::uint64_t from, std::uint64_t count) {
    if (std::fflush(file_) != 0) failed();
    std::string buffer(std::size_t{1} << 20, '\0');
    while (count > 0) {
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(count, buffer.size()));
      const ssize_t got = pread(fileno(file_), buffer.data(), want, static_cast<off_t>(from));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) failed();
      const auto size = static_cast<std::size_t>(got);
      write_whole(std::string_view(buffer.data(), size));
      from += size;
      count -= size;
    }
  }

  static void write_whole(std::string_view text) {
    const WholeWrite whole;  // a signal waits until the piece is out
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      throw WorkerError(fmt::format("writing the output: {}", std::strerror(errno)));
  }

 private:
  [[noreturn]] static void failed() {
    throw WorkerError(fmt::format("--merge: the temporary file of the merged lines: {}", std::strerror(errno)));
  }

  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
};

enum class PartKind { json_lines, summary };

struct Part {
  ReadPart read;
  PartKind kind = PartKind::json_lines;
  std::uint64_t offset = 0;  // JSON Lines: its lines in the temporary file
  std::uint64_t size = 0;
  std::uint64_t errors = 0;        // JSON Lines: its error lines
  nlohmann::ordered_json summary;  // a summary part's object
};

// The object of a header, end or summary's JSON; InputError naming the file when it is none.
nlohmann::ordered_json parse_object(std::string_view text, const std::string& file, std::string_view what) {
  try {
    nlohmann::ordered_json value = parse_exact_json(text);
    if (value.is_object()) return value;
  } catch (const nlohmann::json::exception&) {
  }
  throw InputError(fmt::format("--merge: {}: {} is not a JSON object", file, what));
}

template <class Parse>
auto with_file(const std::string& file, Parse&& parse) {
  try {
    return parse();
  } catch (const InputError& error) {
    throw InputError(fmt::format("--merge: {}: {}", file, error.what()));
  }
}

// The line number a register or error line starts with; nothing for another line.
std::optional<std::uint64_t> line_number(std::string_view line) {
  if (!line.starts_with(register_start) || !line.ends_with('}')) return std::nullopt;
  const char* const begin = line.data() + register_start.size();
  std::uint64_t number = 0;
  const auto [stop, error] = std::from_chars(begin, line.data() + line.size(), number);
  if (error != std::errc{} || stop == begin || *stop != ',') return std::nullopt;
  return number;
}

// A JSON Lines part after its header: register and error lines up to its end line, the lines kept in `lines`.
void read_lines_part(LineReader& reader, Part& part, TemporaryLines& lines) {
  const std::string& file = part.read.file;
  const PartLabel& label = part.read.label;
  part.offset = lines.size();
  std::string line;
  bool terminated = false;
  std::uint64_t previous = 0;
  std::uint64_t number = 1;  // of the line in the file
  bool ended = false;
  std::uint64_t errors = 0;
  while (reader.next(line, terminated)) {
    ++number;
    if (ended) throw InputError(fmt::format("--merge: {}: line {} comes after the part's end line", file, number));
    if (!terminated) {
      throw InputError(
          fmt::format("--merge: {}: its last line is cut short (no newline): the part did not finish; "
                      "run it again",
                      file));
    }
    if (line.starts_with(end_start)) {
      const nlohmann::ordered_json end_line = parse_object(line, file, fmt::format("line {}", number));
      const nlohmann::ordered_json shard_end = end_line.value("shard_end", nlohmann::ordered_json());
      const PartLabel end_label = with_file(file, [&] { return parse_part_label(shard_end); });
      const PartEnd end = with_file(file, [&] { return parse_part_end(shard_end); });
      part.read.end.lines = end.lines;
      part.read.end.exit_code = end.exit_code;
      if (end_label.run != label.run || end_label.shard.index != label.shard.index ||
          end_label.shard.count != label.shard.count) {
        throw InputError(fmt::format("--merge: {}: its end line is not that of the part its first line names", file));
      }
      if (part.read.end.lines != number - 2) {
        throw InputError(fmt::format("--merge: {}: it holds {} lines of registers but its end line counts {}", file,
                                     number - 2, part.read.end.lines));
      }
      ended = true;
      continue;
    }
    const std::optional<std::uint64_t> register_line = line_number(line);
    if (!register_line) {
      throw InputError(
          fmt::format("--merge: {}: line {} is not a line of a register of a JSON Lines part", file, number));
    }
    if (*register_line <= previous || *register_line < label.first_line || *register_line > label.last_line) {
      throw InputError(
          fmt::format("--merge: {}: line {} is register line {}, out of order or outside the part's "
                      "lines {} to {}",
                      file, number, *register_line, label.first_line, label.last_line));
    }
    previous = *register_line;
    // {"line":N,"error":"..."}: a line that failed, as the stderr message names it.
    if (std::string_view(line)
            .substr(register_start.size() + std::to_string(*register_line).size())
            .starts_with(R"(,"error":)")) {
      ++errors;
      if (part.read.end.failed_lines.size() < named_failed_lines) part.read.end.failed_lines.push_back(*register_line);
    }
    lines.add(line);
  }
  if (!ended) {
    throw InputError(
        fmt::format("--merge: {}: it has no {{\"shard_end\": ...}} last line: the part did not finish; run "
                    "it again",
                    file));
  }
  part.size = lines.size() - part.offset;
  part.errors = errors;
}

Part read_part(const std::string& file, std::optional<TemporaryLines>& lines) {
  std::optional<InputStream> opened;
  try {
    opened.emplace(file, "part");
  } catch (const InputError& error) {
    throw InputError(fmt::format("--merge: {}", error.what()));
  }
  InputStream& in = *opened;
  LineReader reader(in);
  Part part;
  part.read.file = file;
  std::string first;
  bool terminated = false;
  reader.next(first, terminated, max_first_line_bytes + 1);
  if (first.starts_with(header_start) && terminated) {
    const nlohmann::ordered_json header = parse_object(first, file, "its first line");
    part.read.label = with_file(file, [&] { return parse_part_label(header["shard"]); });
    part.kind = PartKind::json_lines;
    if (!lines) lines.emplace();
    read_lines_part(reader, part, *lines);
    return part;
  }
  if (first == "{" && terminated) {
    std::string text = "{\n";
    if (!reader.rest(text, max_summary_bytes))
      throw InputError(fmt::format("--merge: {}: larger than any summary ({} bytes)", file, max_summary_bytes));
    try {
      part.summary = parse_exact_json(text);
    } catch (const nlohmann::json::exception&) {
      throw InputError(
          fmt::format("--merge: {}: not a whole JSON document: the part was cut short, or is no part", file));
    }
    if (!part.summary.is_object() || !part.summary.contains("shard")) {
      throw InputError(
          fmt::format("--merge: {}: a summary without the key \"shard\": the summary of a whole run, "
                      "not of a part; {}",
                      file, how_to_shard()));
    }
    part.kind = PartKind::summary;
    part.read.label = with_file(file, [&] { return parse_part_label(part.summary["shard"]); });
    part.read.end = with_file(file, [&] { return parse_part_end(part.summary["shard"]); });
    // Every key the merge reads, checked now, when the message can name the file.
    with_file(file, [&] { return merge_any_summaries({&part.summary}); });
    return part;
  }
  if (first.starts_with(register_start)) {
    throw InputError(
        fmt::format("--merge: {}: JSON Lines without a {{\"shard\": ...}} first line: the output of a "
                    "whole run, not of a part; {}",
                    file, how_to_shard()));
  }
  throw InputError(
      fmt::format("--merge: {}: not a part of a sharded run (JSON Lines or a JSON summary); {}", file, how_to_shard()));
}

}  // namespace

int merge_parts(const std::vector<std::string>& files) {
  std::optional<TemporaryLines> lines;
  std::vector<Part> parts;
  for (const std::string& file : files) {
    parts.push_back(read_part(file, lines));
    const Part& first = parts.front();
    if (parts.back().kind != first.kind) {
      const auto kind = [](const Part& part) { return part.kind == PartKind::summary ? "a summary" : "JSON Lines"; };
      throw InputError(fmt::format("--merge: {} holds {} but {} holds {}: merge parts of one kind", file,
                                   kind(parts.back()), first.read.file, kind(first)));
    }
  }
  std::vector<ReadPart> read;
  for (const Part& part : parts) read.push_back(part.read);
  const std::vector<std::size_t> order = order_parts(read);
  std::vector<PartEnd> ends;
  for (const std::size_t i : order) ends.push_back(parts[i].read.end);
  const PartEnd whole = combine_ends(ends, named_failed_lines);
  std::uint64_t errors = 0;
  if (parts.front().kind == PartKind::summary) {
    std::vector<const nlohmann::ordered_json*> summaries;
    for (const std::size_t i : order) summaries.push_back(&parts[i].summary);
    const nlohmann::ordered_json summary = merge_any_summaries(summaries);
    TemporaryLines::write_whole(dump_json(summary, 2) + "\n");
    if (!is_search_summary(summary)) {  // a search has no failed lines
      errors = summary["errors"].get<std::uint64_t>();
      report_failed_lines(errors, summary["registers"].get<std::uint64_t>() + errors, whole.failed_lines);
    }
  } else {
    for (const std::size_t i : order) {
      lines->write_out(parts[i].offset, parts[i].size);
      errors += parts[i].errors;
    }
    report_failed_lines(errors, whole.lines, whole.failed_lines);
  }
  return whole.exit_code;
}

}  // namespace lfsr::cli
