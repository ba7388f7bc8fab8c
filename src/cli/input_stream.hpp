// An input file opened for reading: a regular file, standard input ("-"), or a FIFO whose writer
// is already there; a directory, a missing file or a FIFO with no writer is refused at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lfsr::cli {

class InputStream {
 public:
  // Throws InputError "cannot read <what> <path>: <why>".
  InputStream(const std::string& path, std::string_view what);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Up to `size` bytes; 0 at the end of the input. Throws InputError when a read fails.
  std::size_t read(char* buffer, std::size_t size);
  // The next byte, or -1 at the end (buffered).
  int get();
  // "matrix file m.txt", "batch file (standard input)": for messages.
  const std::string& name() const { return name_; }

 private:
  std::size_t read_some(char* buffer, std::size_t size);

  int fd_ = 0;
  bool owned_ = false;
  bool fifo_ = false;      // a FIFO opened by name: its first read tells whether it has a writer
  bool anything_ = false;  // some byte was read
  std::string name_;
  std::string buffer_;
  std::size_t next_ = 0;
};

}  // namespace lfsr::cli
