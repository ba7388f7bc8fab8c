// Which exception is which exit code.
#include "lfsr/error.hpp"

#include <exception>
#include <new>

namespace lfsr {

Failure current_failure() {
  try {
    if (const std::exception_ptr current = std::current_exception()) std::rethrow_exception(current);
    return {ExitCode::internal, "internal error: the program ended without an exception to report"};
  } catch (const InputError& error) {
    return {ExitCode::usage, error.what()};
  } catch (const ResourceError& error) {
    return {ExitCode::resources, error.what()};
  } catch (const std::bad_alloc&) {
    return {ExitCode::resources, "out of memory"};
  } catch (const MismatchError& error) {
    return {ExitCode::mismatch, error.what()};
  } catch (const WorkerError& error) {
    return {ExitCode::worker_failed, error.what()};
  } catch (const std::exception& error) {
    return {ExitCode::internal, std::string("internal error: ") + error.what()};
  } catch (...) {
    return {ExitCode::internal, "internal error: an exception of unknown type"};
  }
}

}  // namespace lfsr
