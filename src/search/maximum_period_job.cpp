// The maximum-period search's chunk job: its spec, its workers, and the in-order delivery of findings.
#include "search/maximum_period_job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

namespace {

constexpr const char* search_job_kind = "search.maximum_period";

// The search walks hundreds of members at once (bit-sliced lanes), and each range ends with its
// longest walks in narrower lanes: ranges below about a thousand members lose to that ending.
constexpr std::uint64_t min_chunk_members = 1024;

struct SearchPlan {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t members_per_chunk = 1;

  std::uint64_t chunks() const { return (end - begin + members_per_chunk - 1) / members_per_chunk; }
};

// A chunk's findings: what it did, then (index, period) of each member found; the function is
// rebuilt from its index by the calling process.
std::string encode_findings(const MaximumPeriodSearchCounts& counts, const std::vector<MaximumPeriodMember>& found) {
  ByteWriter out;
  out.put(counts).put(found.size());
  for (const MaximumPeriodMember& member : found) out.put(member.index).put(member.period);
  return out.take();
}

class SearchWorker final : public ChunkWorker {
 public:
  SearchWorker(const FeedbackFamily& family, const SearchPlan& plan) : family_(family), plan_(plan) {}
  std::string run_chunk(std::uint64_t chunk) override {
    const std::uint64_t first = plan_.begin + chunk * plan_.members_per_chunk;
    const std::uint64_t last = std::min(plan_.end, first + plan_.members_per_chunk);
    MaximumPeriodSearchCounts counts;
    const std::vector<MaximumPeriodMember> found = search_maximum_period(family_, first, last, counts);
    return encode_findings(counts, found);
  }

 private:
  FeedbackFamily family_;
  SearchPlan plan_;
};

class SearchJob final : public ChunkJob {
 public:
  SearchJob(FeedbackFamily family, const SearchPlan& plan) : family_(std::move(family)), plan_(plan) {}
  std::unique_ptr<ChunkWorker> make_worker() override { return std::make_unique<SearchWorker>(family_, plan_); }

 private:
  FeedbackFamily family_;
  SearchPlan plan_;
};

std::unique_ptr<ChunkJob> rebuild_search_job(std::string_view spec) {
  ByteReader in(spec);
  const auto plan = in.get<SearchPlan>();
  return std::make_unique<SearchJob>(FeedbackFamily::deserialize(in.get_bytes()), plan);
}

// Registered before main runs, hence before any worker is forked.
const bool registered = [] {
  register_job_kind(search_job_kind, rebuild_search_job);
  return true;
}();

}  // namespace

std::uint64_t maximum_period_chunk_members(std::uint64_t members, int workers) {
  const std::uint64_t wanted_chunks = static_cast<std::uint64_t>(std::max(workers, 1)) * 4;
  const std::uint64_t by_balance = (members + wanted_chunks - 1) / wanted_chunks;
  return std::max(by_balance, std::min<std::uint64_t>(members, min_chunk_members));
}

MaximumPeriodSearchCounts search_maximum_period_on(
    const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end, Runner& runner,
    const std::function<void(std::vector<MaximumPeriodMember>&&)>& found) {
  if (begin > end || end > family.count())
    throw InputError(fmt::format("members {}..{} are not a range of the family's {}", begin, end, family.count()));
  MaximumPeriodSearchCounts total;
  if (begin == end) return total;
  SearchPlan plan{begin, end, maximum_period_chunk_members(end - begin, runner.workers() * runner.ranks())};
  JobDescription job{search_job_kind,
                     ByteWriter().put(plan).put_bytes(family.serialize()).take(),
                     plan.chunks(),
                     next_run_id(),
                     {},
                     {}};
  // Chunks arrive in completion order; each is passed on once every chunk before it has been.
  std::map<std::uint64_t, std::string> waiting;
  std::uint64_t next_chunk = 0;
  job.on_result = [&](std::uint64_t chunk, std::string&& bytes) {
    waiting.emplace(chunk, std::move(bytes));
    for (auto it = waiting.begin(); it != waiting.end() && it->first == next_chunk;
         it = waiting.erase(it), ++next_chunk) {
      ByteReader in(it->second);
      total += in.get<MaximumPeriodSearchCounts>();
      std::vector<MaximumPeriodMember> members;
      for (auto count = in.get<std::size_t>(); count > 0; --count) {
        const auto index = in.get<std::uint64_t>();
        const auto period = in.get<std::uint64_t>();
        members.push_back({index, family.member(index), period});
      }
      if (!members.empty()) found(std::move(members));
    }
  };
  runner.run(job);
  if (next_chunk != plan.chunks())
    throw InternalError(fmt::format("{} of {} search chunks came back", next_chunk, plan.chunks()));
  return total;
}

}  // namespace lfsr
