// Input files by name or standard input, read with read(2): a FIFO is opened without waiting for
// a writer, so that a FIFO nobody writes to is refused instead of blocking the run forever.
#include "input_stream.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "lfsr/error.hpp"

namespace lfsr::cli {

InputStream::InputStream(const std::string& path, std::string_view what)
    : name_(fmt::format("{} {}", what, path == "-" ? "(standard input)" : path)) {
  if (path == "-") return;  // fd 0, not ours to close
  const auto refuse = [&](std::string_view why) {
    return InputError(fmt::format("cannot read {} {}: {}", what, path, why));
  };
  struct stat status {};
  if (stat(path.c_str(), &status) != 0) throw refuse(std::strerror(errno));
  if (S_ISDIR(status.st_mode)) throw refuse("it is a directory");
  fifo_ = S_ISFIFO(status.st_mode);
  // A FIFO opened for reading blocks until a writer opens it; O_NONBLOCK returns at once, and a
  // writer that is already waiting in its own open counts as one from now on.
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC | (fifo_ ? O_NONBLOCK : 0));
  if (fd_ < 0) throw refuse(std::strerror(errno));
  owned_ = true;
  if (fifo_ && fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) & ~O_NONBLOCK) != 0) {
    const int error = errno;
    close(fd_);
    throw refuse(std::strerror(error));
  }
}

InputStream::~InputStream() {
  if (owned_) close(fd_);
}

std::size_t InputStream::read_some(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
    if (got == 0 && fifo_ && !anything_) {
      // An empty blocking read of a FIFO means no writer holds it open: none was waiting.
      throw InputError(fmt::format("cannot read {}: a FIFO with no writer (start the writer first)", name_));
    }
    anything_ = anything_ || got > 0;
    return static_cast<std::size_t>(got);
  }
}

std::size_t InputStream::read(char* buffer, std::size_t size) {
  if (next_ < buffer_.size()) {
    const std::size_t taken = std::min(size, buffer_.size() - next_);
    std::memcpy(buffer, buffer_.data() + next_, taken);
    next_ += taken;
    return taken;
  }
  return read_some(buffer, size);
}

int InputStream::get() {
  if (next_ == buffer_.size()) {
    buffer_.resize(1 << 16);
    buffer_.resize(read_some(buffer_.data(), buffer_.size()));
    next_ = 0;
    if (buffer_.empty()) return -1;
  }
  return static_cast<unsigned char>(buffer_[next_++]);
}

}  // namespace lfsr::cli
