// The batch job: whole registers as the tasks of one job for any runner, streamed back in order.
#include "many/batch.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <exception>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <utility>

#include "algebra/flint_library.hpp"
#include "algebra/method_check.hpp"
#include "engine/enumerate_on.hpp"
#include "engine/small_enumeration.hpp"
#include "errors/ntl_errors.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/report.hpp"
#include "lfsr/state_period.hpp"
#include "many/number_bytes.hpp"
#include "many/scan.hpp"
#include "registers/feedback_refusals.hpp"
#include "report/json_line.hpp"
#include "report/run_info.hpp"
#include "runners/byte_io.hpp"
#include "runners/child_process.hpp"
#include "runners/shared_arena.hpp"

namespace lfsr {

namespace {

constexpr const char* batch_job = "batch.registers";

// resolve_method for an LFSR, without wrapping it in a BatchRegister (a copy of its polynomial).
std::string linear_method(const std::string& method, const Lfsr& lfsr) {
  if (method != "auto") return method;
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), lfsr.field().q(), static_cast<unsigned long>(lfsr.degree()));
  return automatic_method(states);
}

// A JSON line written in the worker is all the caller needs of a register: the result stays there.
void put_outcome(ByteWriter& out, const BatchOutcome& outcome) {
  out.put(outcome.error_code)
      .put(outcome.seconds)
      .put_bytes(outcome.method)
      .put_bytes(outcome.error)
      .put_bytes(outcome.json_keys)
      .put(outcome.summarized);
  if (!outcome.ok() || !outcome.json_keys.empty() || outcome.summarized) return;
  const CycleStructure& r = outcome.result;
  put_number(out, r.states);
  put_number(out, r.cyclic_states);
  put_number(out, r.transient_states);
  put_number(out, r.max_tail);
  out.put(r.cycles.size());
  for (const auto& [length, count] : r.cycles) {
    put_number(out, length);
    put_number(out, count);
  }
  out.put(r.representatives.size());
  for (const auto& [length, representative] : r.representatives) {
    put_number(out, length);
    put_number(out, representative.state);
    out.put(representative.minimal_polynomial.size());
    for (const std::uint32_t c : representative.minimal_polynomial) out.put(c);
  }
  out.put(r.longest_tail_state.has_value());
  if (r.longest_tail_state) put_number(out, *r.longest_tail_state);
  out.put(r.cycle_list.size());
  for (const ListedCycle& cycle : r.cycle_list) out.put(cycle);
}

BatchOutcome get_outcome(ByteReader& in) {
  BatchOutcome outcome;
  outcome.error_code = in.get<ExitCode>();
  outcome.seconds = in.get<double>();
  outcome.method = in.get_bytes();
  outcome.error = in.get_bytes();
  outcome.json_keys = in.get_bytes();
  outcome.summarized = in.get<bool>();
  if (!outcome.ok() || !outcome.json_keys.empty() || outcome.summarized) return outcome;
  CycleStructure& r = outcome.result;
  r.states = get_number(in);
  r.cyclic_states = get_number(in);
  r.transient_states = get_number(in);
  r.max_tail = get_number(in);
  for (auto lengths = in.get<std::size_t>(); lengths > 0; --lengths) {
    mpz_class length = get_number(in);
    r.cycles.emplace(std::move(length), get_number(in));
  }
  for (auto lengths = in.get<std::size_t>(); lengths > 0; --lengths) {
    mpz_class length = get_number(in);
    CycleRepresentative representative{get_number(in), {}};
    representative.minimal_polynomial.resize(in.get<std::size_t>());
    for (std::uint32_t& c : representative.minimal_polynomial) c = in.get<std::uint32_t>();
    r.representatives.emplace(std::move(length), std::move(representative));
  }
  if (in.get<bool>()) r.longest_tail_state = get_number(in);
  for (auto cycles = in.get<std::size_t>(); cycles > 0; --cycles) r.cycle_list.push_back(in.get<ListedCycle>());
  return outcome;
}

// What a register's JSON line says about the run besides the register and its analysis.
struct RunnerKeys {
  std::string mode;
  int workers = 1;
  int ranks = 0;  // under mpirun
};

// With BatchOptions::json_lines: the register's JSON keys into outcome.json_keys, its result
// dropped. The keys say the method, mode, workers and seconds as a single run's report does.
void write_json_keys(const BatchRegister& batch_register, const RunnerKeys& runner, BatchOutcome& outcome) {
  if (!outcome.ok()) return;
  Report report{batch_register.run_info(), std::move(outcome.result), {}};
  report.run.method = outcome.method;
  report.run.mode = runner.mode;
  report.run.workers = runner.workers;
  report.run.ranks = runner.ranks;
  report.run.seconds = outcome.seconds;
  // A degree-10 register's line takes about 600 bytes: grown from empty, the string would be
  // copied six times on the way.
  outcome.json_keys.reserve(1024);
  append_report_json_keys(outcome.json_keys, report);
  outcome.result = CycleStructure{};
}

// How a register of a job's spec is written: the kind, then its form and coefficients or its
// serialized feedback function.
enum class SpecKind : std::uint8_t { lfsr, feedback };

// The field goes by its order and modulus, the registers by kind and description, or, from a
// scan, by their first position in it and their count (`first_position`).
std::string batch_spec(const std::vector<const BatchRegister*>& registers, const BatchOptions& options,
                       const RunnerKeys& runner, std::size_t per_chunk, std::optional<std::uint64_t> first_position) {
  ByteWriter out;
  const Field& field = registers.front()->field();
  out.put_bytes(options.method)
      .put(options.factor_seconds)
      .put(options.named_states)
      .put(options.json_lines)
      .put(options.summary)
      .put_bytes(runner.mode)
      .put(runner.workers)
      .put(runner.ranks)
      .put(per_chunk)
      .put(field.q())
      .put_bytes(field.modulus_text())
      .put(registers.size())
      .put(first_position.has_value());
  if (first_position) {
    out.put(options.scan->degree)
        .put(options.scan->nonsingular)
        .put(registers.front()->lfsr()->form)
        .put(*first_position);
    return out.take();
  }
  for (const BatchRegister* batch_register : registers) {
    if (const Feedback* feedback = batch_register->feedback()) {
      out.put(SpecKind::feedback).put_bytes(feedback->serialize());
      continue;
    }
    const Lfsr& lfsr = *batch_register->lfsr();
    out.put(SpecKind::lfsr).put(lfsr.form).put(lfsr.polynomial.coefficients().size());
    for (const std::uint32_t c : lfsr.polynomial.coefficients()) out.put(c);
  }
  return out.take();
}

// Runs analysis(outcome) and times it; the failures a single run would report become the
// register's outcome rather than the batch's. Inside a worker a WorkerError (a helper process of
// the factoring failed) is the register's too; in the calling process it means a pool worker died,
// which the caller retries.
template <class Analysis>
BatchOutcome recorded(std::string method, bool in_worker, Analysis&& analysis) {
  const auto start = std::chrono::steady_clock::now();
  BatchOutcome outcome;
  outcome.method = std::move(method);
  const auto failed = [&](const std::exception& error, ExitCode code) {
    outcome.error = error.what();
    outcome.error_code = code;
  };
  try {
    analysis(outcome);
  } catch (const InputError& error) {
    failed(error, ExitCode::usage);
  } catch (const ResourceError& error) {
    failed(error, ExitCode::resources);
  } catch (const MismatchError& error) {
    failed(error, ExitCode::mismatch);
  } catch (const std::bad_alloc&) {
    failed(ResourceError("out of memory"), ExitCode::resources);
  } catch (const InternalError& error) {
    failed(error, ExitCode::internal);  // NTL's errors among them: the register fails, not the batch
  } catch (const WorkerError& error) {
    if (!in_worker) throw;
    failed(error, ExitCode::worker_failed);
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

// Thousands of small registers a second: each state's period is proven only where the cross-check
// of the two methods was asked for.
PeriodCheck period_check(const std::string& method) {
  return method == "both" ? PeriodCheck::checked : PeriodCheck::unchecked;
}

// A feedback register whose state space a single run would not enumerate fails as that run does.
void refuse_too_many_states(const BatchRegister& batch_register) {
  if (batch_register.states() > max_enumeration_states)
    throw ResourceError(fmt::format("state space of {}^{} states is too large to enumerate (the limit is 2^{})",
                                    batch_register.field().q(), batch_register.bits(),
                                    std::bit_width(max_enumeration_states) - 1));
}

// The cycle structure of a small state space in this thread: in one tight loop, or by the engine
// on a sequential runner with this thread's memory (other workers analyze theirs at the same time).
CycleStructure enumerate_here(const Transition& map) {
  if (map.state_count() <= small_enumeration_states) return enumerate_small(map);  // no engine set-up
  const PrivateArenaScope private_arena;
  const std::unique_ptr<Runner> here = make_sequential_runner();
  return enumerate(map, *here);
}

// A feedback register analyzed whole in this worker: enumerated, its states named by the
// enumeration alone (they have no minimal polynomial).
BatchOutcome analyze_feedback_here(const BatchRegister& batch_register, const std::string& requested_method) {
  return recorded(resolve_method(requested_method, batch_register), true, [&](BatchOutcome& outcome) {
    refuse_feedback_algebra(outcome.method, *batch_register.feedback());
    outcome.result = enumerate_here(batch_register.transition());
  });
}

// One register analyzed in this worker, with the memory of this thread: other workers analyze
// theirs at the same time. Its factoring has a time budget of its own.
BatchOutcome analyze_whole_here(const Lfsr& lfsr, const std::string& requested_method, bool named_states,
                                double factor_seconds) {
  return recorded(linear_method(requested_method, lfsr), true, [&](BatchOutcome& outcome) {
    const AlgebraOptions algebra = register_algebra_options(factor_seconds);
    if (outcome.method == "algebraic") {
      outcome.result =
          named_states ? algebraic_cycle_structure(lfsr, algebra) : algebraic_cycle_structure(lfsr.polynomial, algebra);
      return;
    }
    outcome.result = enumerate_here(linear_map_of(lfsr));
    if (named_states) add_minimal_polynomials(lfsr, outcome.result, period_check(outcome.method), algebra);
    if (outcome.method == "both") check_against_algebra(lfsr, outcome.result, algebra);
  });
}

// Degree from which a register's algebraic analysis runs in a child process of its own. NTL, as
// Debian builds it, cannot unwind an error raised inside its vector code (running out of memory
// among them): it ends the process. In a child, that ends this register's analysis only, and the
// batch goes on with the others. Below this degree the analysis needs little memory, and a fork
// would cost more than the analysis. Not under ASan or TSan, whose allocators are not safe to fork
// from a process whose other threads allocate (the child may wait on a lock forever).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int isolated_degree = std::numeric_limits<int>::max();
#else
constexpr int isolated_degree = 1000;
#endif

// In the child of analyze_in_child_process: an exception nothing could catch ends it with the exit
// code of its kind, and its message goes to the parent.
[[noreturn]] void isolated_analysis_terminated() {
  const Failure failure = current_failure();
  detail::end_child_process(failure.message, static_cast<int>(failure.code));
}

// The algebraic analysis of one large register in a child process: its outcome comes back through
// the pipe; a child that NTL ended fails this register with the code of its error.
BatchOutcome analyze_in_child_process(const Lfsr& lfsr, bool named_states, double factor_seconds) {
  return recorded("algebraic", true, [&](BatchOutcome& outcome) {
    // The child factors: FLINT is loaded before the fork, not in the child (flint_library.hpp).
    detail::flint();
    const detail::ChildEnd end = detail::run_in_child_process(
        [&] {
          std::set_terminate(isolated_analysis_terminated);
          const NtlErrorScope ntl_errors;
          ByteWriter out;
          put_outcome(out, analyze_whole_here(lfsr, "algebraic", named_states, factor_seconds));
          return out.take();
        },
        "", nullptr);
    const int code = WIFEXITED(end.status) ? WEXITSTATUS(end.status) : -1;
    if (code == 0) {
      ByteReader in(end.text);
      outcome = get_outcome(in);
    } else if (code == static_cast<int>(ExitCode::resources)) {
      throw ResourceError(end.text);
    } else if (code == static_cast<int>(ExitCode::internal)) {
      throw InternalError(end.text);
    } else {
      throw WorkerError(fmt::format("the analysis of {} ended in its child process ({})", lfsr.polynomial.to_string(),
                                    detail::describe_status(end.status)));
    }
  });
}

BatchOutcome analyze_whole(const BatchRegister& batch_register, const std::string& requested_method, bool named_states,
                           double factor_seconds) {
  if (batch_register.feedback()) return analyze_feedback_here(batch_register, requested_method);
  const Lfsr& lfsr = *batch_register.lfsr();
  if (lfsr.degree() >= isolated_degree && linear_method(requested_method, lfsr) == "algebraic")
    return analyze_in_child_process(lfsr, named_states, factor_seconds);
  return analyze_whole_here(lfsr, requested_method, named_states, factor_seconds);
}

// Chunk c of a batch job is registers [c * per_chunk, (c + 1) * per_chunk). Its result is their
// outcomes, then, with BatchOptions::summary, the summary of those summarized.
class BatchJob final : public ChunkJob {
 public:
  explicit BatchJob(std::string_view spec) {
    ByteReader in(spec);
    method_ = in.get_bytes();
    factor_seconds_ = in.get<double>();
    named_states_ = in.get<bool>();
    json_lines_ = in.get<bool>();
    summary_ = in.get<bool>();
    runner_.mode = in.get_bytes();
    runner_.workers = in.get<int>();
    runner_.ranks = in.get<int>();
    per_chunk_ = in.get<std::size_t>();
    const auto q = in.get<std::uint32_t>();
    const std::string modulus(in.get_bytes());
    const Field field = modulus.empty() ? Field::from_order(q) : Field::with_modulus(q, modulus);
    auto count = in.get<std::size_t>();
    if (in.get<bool>()) {  // positions of a scan
      const auto degree = in.get<int>();
      const auto nonsingular = in.get<bool>();
      const auto form = in.get<Form>();
      const auto first = in.get<std::uint64_t>();
      const PolynomialScan scan(field, degree, nonsingular);
      for (std::uint64_t position = first; position < first + count; ++position)
        registers_.push_back(Lfsr{scan.at(position), form});
      return;
    }
    for (; count > 0; --count) {
      if (in.get<SpecKind>() == SpecKind::feedback) {
        registers_.emplace_back(Feedback::deserialize(in.get_bytes()));
        continue;
      }
      const auto form = in.get<Form>();
      std::vector<std::uint32_t> coefficients(in.get<std::size_t>());
      for (std::uint32_t& c : coefficients) c = in.get<std::uint32_t>();
      registers_.push_back(Lfsr{Polynomial(field, std::move(coefficients)), form});
    }
  }

  std::unique_ptr<ChunkWorker> make_worker() override { return std::make_unique<Worker>(*this); }

 private:
  class Worker final : public ChunkWorker {
   public:
    explicit Worker(const BatchJob& job) : job_(job) {}
    std::string run_chunk(std::uint64_t chunk) override {
      ByteWriter out;
      CycleTypeSummary summary;
      const std::size_t begin = chunk * job_.per_chunk_;
      const std::size_t end = std::min(job_.registers_.size(), begin + job_.per_chunk_);
      for (std::size_t i = begin; i < end; ++i) {
        const BatchRegister& batch_register = job_.registers_[i];
        BatchOutcome outcome = analyze_whole(batch_register, job_.method_, job_.named_states_, job_.factor_seconds_);
        if (job_.json_lines_) write_json_keys(batch_register, job_.runner_, outcome);
        if (job_.summary_ && outcome.ok()) {
          summary.add(batch_register, outcome.result);
          outcome.summarized = true;
        }
        put_outcome(out, outcome);
      }
      if (job_.summary_) summary.put(out);
      return out.take();
    }

   private:
    const BatchJob& job_;
  };

  std::string method_;
  double factor_seconds_ = default_factor_seconds;
  bool named_states_ = true;
  bool json_lines_ = false;
  bool summary_ = false;
  RunnerKeys runner_;
  std::size_t per_chunk_ = 1;
  std::vector<BatchRegister> registers_;
};

const bool registered = [] {
  register_job_kind(
      batch_job, [](std::string_view spec) -> std::unique_ptr<ChunkJob> { return std::make_unique<BatchJob>(spec); });
  return true;
}();

// Hands outcomes on in input order, holding back those that arrive early.
class InOrder {
 public:
  explicit InOrder(const std::function<void(std::size_t, BatchOutcome&&)>& report) : report_(report) {}
  void done(std::size_t index, BatchOutcome&& outcome) {
    waiting_.emplace(index, std::move(outcome));
    while (!waiting_.empty() && waiting_.begin()->first == next_) {
      BatchOutcome ready = std::move(waiting_.begin()->second);
      waiting_.erase(waiting_.begin());
      report_(next_++, std::move(ready));
    }
  }
  bool has(std::size_t index) const { return index < next_ || waiting_.contains(index); }

 private:
  const std::function<void(std::size_t, BatchOutcome&&)>& report_;
  std::size_t next_ = 0;
  std::map<std::size_t, BatchOutcome> waiting_;
};

RunnerKeys runner_keys(const Runner& runner) {
  return {std::string(mode_name(runner.mode())), runner.workers(), runner.mode() == Mode::mpi ? runner.ranks() : 0};
}

bool runs_whole(const BatchRegister& batch_register, const BatchOptions& options) {
  if (batch_register.lfsr() && resolve_method(options.method, batch_register) == "algebraic") return true;
  return batch_register.states() <= options.whole_register_states;
}

// A large register: its chunks over all workers, then the algebraic check if asked for. A run whose
// worker died is void as a whole: it runs again, once, on a pool forked afresh.
BatchOutcome analyze_chunked(const BatchRegister& batch_register, Runner& runner, const BatchOptions& options) {
  const std::string method = resolve_method(options.method, batch_register);
  for (int attempt = 0;; ++attempt) {
    try {
      return recorded(method, false, [&](BatchOutcome& outcome) {
        if (batch_register.feedback()) {
          refuse_feedback_algebra(method, *batch_register.feedback());
          refuse_too_many_states(batch_register);
        }
        const Transition map = batch_register.transition();
        if (options.check_memory) options.check_memory(batch_register, map);
        outcome.result = enumerate_on(map, runner);
        const Lfsr* lfsr = batch_register.lfsr();
        if (lfsr == nullptr) return;  // a feedback register's states have no minimal polynomial
        const AlgebraOptions algebra = register_algebra_options(options.factor_seconds);
        if (options.named_states) add_minimal_polynomials(*lfsr, outcome.result, period_check(method), algebra);
        if (method == "both") check_against_algebra(*lfsr, outcome.result, algebra);
      });
    } catch (const WorkerError&) {
      if (attempt > 0) throw;
    }
  }
}

// Runs registers [begin, end), all small, as one job; retries once what a dead worker lost.
void run_whole_registers(const std::vector<BatchRegister>& registers, std::size_t begin, std::size_t end,
                         Runner& runner, const BatchOptions& options, InOrder& in_order) {
  for (int attempt = 0;; ++attempt) {
    std::vector<std::size_t> pending;
    std::vector<const BatchRegister*> items;
    for (std::size_t i = begin; i < end; ++i) {
      if (in_order.has(i)) continue;
      pending.push_back(i);
      items.push_back(&registers[i]);
    }
    if (pending.empty()) return;
    // Tasks of several registers when there are many: a small register takes microseconds, less
    // than a task's round trip to a forked worker; sixteen tasks per worker still balance the load.
    // A retry takes one register per task: the registers left may have gaps between them, and a
    // task's summary is added at its first register's turn, so a task spanning a gap would add
    // later registers' examples before those of the registers in the gap.
    const std::size_t per_chunk =
        attempt > 0 ? 1
                    : std::clamp<std::size_t>(items.size() / (16 * static_cast<std::size_t>(runner.workers())), 1, 64);
    const std::size_t chunks = (items.size() + per_chunk - 1) / per_chunk;
    // A scan's registers go by their positions when those follow one another (always, but after a
    // worker died part-way and only some are analyzed again).
    std::optional<std::uint64_t> first_position;
    if (options.scan && pending.back() - pending.front() + 1 == pending.size())
      first_position = options.scan->first_position + pending.front();
    std::string spec = batch_spec(items, options, runner_keys(runner), per_chunk, first_position);
    JobDescription job{batch_job, std::move(spec), chunks, next_run_id(), {}, {}};
    job.on_result = [&](std::uint64_t chunk, std::string&& bytes) {
      ByteReader in(bytes);
      const std::size_t first = chunk * per_chunk;
      std::vector<BatchOutcome> outcomes;
      for (std::size_t i = first; i < std::min(items.size(), first + per_chunk); ++i)
        outcomes.push_back(get_outcome(in));
      if (options.summary) outcomes.front().task_summary = CycleTypeSummary::get(in);
      for (std::size_t k = 0; k < outcomes.size(); ++k) in_order.done(pending[first + k], std::move(outcomes[k]));
      if (options.on_reported) options.on_reported();
    };
    try {
      runner.run(job);
      return;
    } catch (const WorkerError&) {
      if (attempt > 0) throw;  // the pool is forked afresh for the retry; twice is not chance
    }
  }
}

}  // namespace

std::string resolve_method(const std::string& method, const BatchRegister& batch_register) {
  if (method != "auto") return method;
  if (const Lfsr* lfsr = batch_register.lfsr()) return linear_method(method, *lfsr);
  return "enumerate";
}

void analyze_batch(const std::vector<BatchRegister>& registers, Runner& runner, const BatchOptions& options,
                   const std::function<void(std::size_t, BatchOutcome&&)>& report) {
  InOrder in_order(report);
  for (std::size_t begin = 0; begin < registers.size();) {
    if (!runs_whole(registers[begin], options)) {
      BatchOutcome outcome = analyze_chunked(registers[begin], runner, options);
      if (options.json_lines) write_json_keys(registers[begin], runner_keys(runner), outcome);
      in_order.done(begin, std::move(outcome));
      if (options.on_reported) options.on_reported();
      ++begin;
      continue;
    }
    // A job holds registers of one field only (the spec names it once).
    std::size_t end = begin + 1;
    while (end < registers.size() && runs_whole(registers[end], options) &&
           registers[end].field() == registers[begin].field())
      ++end;
    run_whole_registers(registers, begin, end, runner, options, in_order);
    begin = end;
  }
}

}  // namespace lfsr
