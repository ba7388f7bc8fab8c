// NTL's error callbacks, per thread, turned into ResourceError and InternalError.
#include "errors/ntl_errors.hpp"

#include <NTL/tools.h>
#include <fmt/format.h>

#include <array>
#include <exception>
#include <string>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// The error this thread's callback threw last. NTL is built without NTL_EXCEPTIONS: a few of its
// scope guards (NTL/vector.h) report an exception passing through them as a second error,
// "unexpected exception", from a destructor while the first is in flight. Nothing can be thrown
// there (std::terminate follows), so the second error throws the first again, and the terminate
// handler of the program ends with the first error's exit code.
thread_local bool last_was_memory = false;
thread_local std::string last_message;

[[noreturn]] void throw_ntl_error(const char* message) {
  if (std::uncaught_exceptions() == 0 || last_message.empty()) {
    last_message = message != nullptr ? message : "an error without a message";
    last_was_memory = is_ntl_memory_message(last_message);
  }
  if (last_was_memory) throw ResourceError(fmt::format("out of memory in NTL: {}", last_message));
  throw InternalError(fmt::format("NTL reported: {}", last_message));
}

// NTL calls ErrorMsgCallback first and ErrorCallback only when that returns; ours never returns.
void ntl_error_without_message() { throw_ntl_error(nullptr); }

}  // namespace

NtlErrorScope::NtlErrorScope()
    : previous_message_callback_(NTL::ErrorMsgCallback), previous_callback_(NTL::ErrorCallback) {
  NTL::ErrorMsgCallback = throw_ntl_error;
  NTL::ErrorCallback = ntl_error_without_message;
}

NtlErrorScope::~NtlErrorScope() {
  NTL::ErrorMsgCallback = previous_message_callback_;
  NTL::ErrorCallback = previous_callback_;
}

bool is_ntl_memory_message(std::string_view message) {
  // MemoryError's message, the overflow checks before an allocation (vector, GF2X, raw arrays,
  // ZZ), and "negative length in vector::SetLength", which NTL reaches when the length computed
  // for a product of huge operands overflows a long.
  static constexpr std::array patterns{
      "out of memory", "excessive length", "length too big", "number too big",
      "overflow",      "too large",        "arg too big",    "negative length in vector::SetLength"};
  for (const std::string_view pattern : patterns)
    if (message.find(pattern) != std::string_view::npos) return true;
  return false;
}

}  // namespace lfsr
