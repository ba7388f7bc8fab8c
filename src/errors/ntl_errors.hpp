// NTL's errors as the tool's exceptions, in every thread that calls NTL.
#pragma once

#include <string_view>

namespace lfsr {

// While it lives, an error NTL reports in this thread throws instead of printing and aborting:
// ResourceError when NTL ran out of memory or met a size it cannot hold (is_ntl_memory_message),
// InternalError otherwise (the input is validated before NTL sees it, so that is a bug). NTL keeps
// its error callbacks per thread (thread-local in NTL 11.5), so every thread that may call NTL,
// the main thread included, opens one; the destructor puts the previous callbacks back.
class NtlErrorScope {
 public:
  NtlErrorScope();
  ~NtlErrorScope();
  NtlErrorScope(const NtlErrorScope&) = delete;
  NtlErrorScope& operator=(const NtlErrorScope&) = delete;

 private:
  void (*previous_message_callback_)(const char*);
  void (*previous_callback_)();
};

// True for the messages with which NTL says that memory ran out or that a size is beyond what it
// can allocate ("out of memory", "excessive length in vector::SetLength", ...).
bool is_ntl_memory_message(std::string_view message);

}  // namespace lfsr
