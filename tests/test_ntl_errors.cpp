// NTL's errors become ResourceError or InternalError in every thread, the runners' workers included.
#include <NTL/GF2X.h>
#include <NTL/ZZ.h>
#include <NTL/tools.h>

#include <catch2/catch.hpp>
#include <exception>
#include <string>
#include <thread>

#include "lfsr/error.hpp"
#include "errors/ntl_errors.hpp"
#include "lfsr/runner.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

namespace {

// Inside libntl: 2 has no inverse mod 4, which NTL reports through TerminalError.
void ntl_logic_error() { (void)NTL::InvMod(2, 4); }

// Inside libntl: GF2X refuses a length whose size overflows, with "excessive length".
void ntl_memory_error() {
  NTL::GF2X huge;
  huge.SetLength(long{1} << 62);
}

// Runs `what` in a std::thread of its own and hands back what it threw.
template <class What>
std::exception_ptr thrown_in_a_thread(What what, bool with_scope) {
  std::exception_ptr thrown;
  std::thread thread([&] {
    try {
      if (with_scope) {
        const NtlErrorScope ntl_errors;
        what();
      } else {
        what();
      }
    } catch (...) {
      thrown = std::current_exception();
    }
  });
  thread.join();
  return thrown;
}

// Each chunk calls NTL, which fails.
struct FailingWorker final : ChunkWorker {
  std::string run_chunk(std::uint64_t) override {
    ntl_logic_error();
    return {};
  }
};
struct FailingJob final : ChunkJob {
  std::unique_ptr<ChunkWorker> make_worker() override { return std::make_unique<FailingWorker>(); }
};
const bool registered =
    (register_job_kind("test.ntl_fails",
                       [](std::string_view) -> std::unique_ptr<ChunkJob> { return std::make_unique<FailingJob>(); }),
     true);

}  // namespace

TEST_CASE("an NTL error in a std::thread becomes the exception of its kind", "[ntl_errors]") {
  const std::exception_ptr logic = thrown_in_a_thread(ntl_logic_error, true);
  REQUIRE(logic);
  CHECK_THROWS_MATCHES(std::rethrow_exception(logic), InternalError,
                       Catch::Matchers::Message("NTL reported: InvMod: inverse undefined"));
  const std::exception_ptr memory = thrown_in_a_thread(ntl_memory_error, true);
  REQUIRE(memory);
  CHECK_THROWS_MATCHES(std::rethrow_exception(memory), ResourceError,
                       Catch::Matchers::Message("out of memory in NTL: GF2X::SetLength: excessive length"));
}

TEST_CASE("an NTL error scope puts the callbacks of the thread back", "[ntl_errors]") {
  const auto message_callback = NTL::ErrorMsgCallback;
  const auto callback = NTL::ErrorCallback;
  {
    const NtlErrorScope ntl_errors;
    CHECK(NTL::ErrorMsgCallback != message_callback);
    CHECK_THROWS_AS(ntl_logic_error(), InternalError);
  }
  CHECK(NTL::ErrorMsgCallback == message_callback);
  CHECK(NTL::ErrorCallback == callback);
  // Another thread starts without this thread's callbacks: NTL keeps them per thread.
  std::thread([] { CHECK(NTL::ErrorMsgCallback == nullptr); }).join();
}

TEST_CASE("an NTL error in a runner's worker reaches the caller as its kind", "[ntl_errors][runner]") {
  const JobDescription job{"test.ntl_fails", "", 8, next_run_id(), {}, {}};
  for (const bool threads : {false, true}) {
    CAPTURE(threads);
    const std::unique_ptr<Runner> runner = threads ? make_thread_runner(3) : make_sequential_runner();
    CHECK_THROWS_MATCHES(runner->run(job), InternalError,
                         Catch::Matchers::Message("NTL reported: InvMod: inverse undefined"));
  }
  const std::unique_ptr<Runner> fork = make_fork_runner(2);
  CHECK_THROWS_MATCHES(fork->run({"test.ntl_fails", "", 4, next_run_id(), {}, {}}), InternalError,
                       Catch::Matchers::Message("NTL reported: InvMod: inverse undefined"));
}

TEST_CASE("NTL's messages about memory and sizes are told from the others", "[ntl_errors]") {
  for (const char* message :
       {"out of memory", "excessive length in vector::SetLength", "negative length in vector::SetLength",
        "number too big", "overflow in GF2EX KronMul", "GF2X::SetLength: excessive length"})
    CHECK(is_ntl_memory_message(message));
  for (const char* message : {"InvMod: inverse undefined", "DivRem: division by zero", "unexpected exception"})
    CHECK_FALSE(is_ntl_memory_message(message));
}
