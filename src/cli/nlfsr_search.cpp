// --search-nlfsr: the family's members over the runner, findings streamed in member order.
#include "nlfsr_search.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "lfsr/error.hpp"
#include "lfsr/feedback_family.hpp"
#include "lfsr/report.hpp"
#include "lfsr/version.hpp"
#include "many/run_identity.hpp"
#include "many/shard.hpp"
#include "many/shard_label.hpp"
#include "output_lines.hpp"
#include "report/csv.hpp"
#include "runner_choice.hpp"
#include "search/maximum_period_job.hpp"
#include "search/search_summary.hpp"

namespace lfsr::cli {

namespace {

// "2^12-1" or "2^12" for a maximum period of n bits.
std::string period_name(std::uint64_t period, int bits) {
  return period == (std::uint64_t{1} << bits) ? fmt::format("2^{}", bits) : fmt::format("2^{}-1", bits);
}

// The published term-list notation, which writes no constant term: empty for a de Bruijn
// register's F = 1 + x0 + ...
std::string terms_of(const Feedback& feedback) {
  const bool constant = !feedback.monomials().empty() && feedback.monomials().front() == 0;
  return constant ? std::string() : feedback.to_term_list();
}

// One found member as a JSON line: "line" (its position in the search, from 1, as a scan's
// registers are numbered), then what it is.
std::string member_json_line(const FeedbackFamily& family, const MaximumPeriodMember& member) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["line"] = member.index + 1;
  json["schema_version"] = json_schema_version;
  json["version"] = version();
  json["search"] = family.name();
  json["bits"] = family.bits();
  json["index"] = member.index;
  json["feedback"] = member.feedback.to_string();
  const std::string terms = terms_of(member.feedback);
  json["terms"] = terms.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(terms);
  json["period"] = member.period;
  json["de_bruijn"] = member.period == (std::uint64_t{1} << family.bits());
  return json.dump() + "\n";
}

std::string member_text_line(const FeedbackFamily& family, const MaximumPeriodMember& member) {
  return fmt::format("{:>12}  {:<8}  {:<26}  {}\n", member.index, period_name(member.period, family.bits()),
                     terms_of(member.feedback).empty() ? "-" : terms_of(member.feedback), member.feedback.to_string());
}

std::string member_csv_row(const FeedbackFamily& family, const MaximumPeriodMember& member) {
  return csv_row({std::to_string(member.index), std::to_string(member.period),
                  member.period == (std::uint64_t{1} << family.bits()) ? "true" : "false", terms_of(member.feedback),
                  member.feedback.to_string()});
}

std::string summary_text(const SearchSummary& summary) {
  return fmt::format(
      "maximum-period NLFSRs of {}, n = {}: {} of {} members searched\n"
      "maximum period  {}\n"
      "period 2^{}-1   {}\n"
      "de Bruijn 2^{}  {}\n"
      "searched in {:.3f} s ({}, {} worker{}): {} rejected by a short cycle, {} walks of {} steps\n",
      summary.family, summary.bits, summary.searched, summary.candidates, summary.nonzero_cycle + summary.de_bruijn,
      summary.bits, summary.nonzero_cycle, summary.bits, summary.de_bruijn, summary.seconds, summary.mode,
      summary.workers, summary.workers == 1 ? "" : "s", summary.counts.short_cycle_rejects, summary.counts.walks,
      summary.counts.walk_steps);
}

std::string summary_csv(const nlohmann::ordered_json& json) {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  for (const auto& [key, value] : json.items()) {
    keys.push_back(key);
    values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
  }
  return csv_row(keys) + csv_row(values);
}

}  // namespace

int run_nlfsr_search(const Options& options) {
  if (!options.bits) throw InputError("--search-nlfsr needs --bits N, the register length of the family's members");
  const FeedbackFamily family(*options.search_nlfsr, *options.bits);
  const Shard shard = options.shard ? parse_shard(*options.shard) : Shard{};
  const auto [begin, end] = shard.range(family.count());
  std::optional<PartLabel> part;
  if (options.shard) {
    RunSettings settings;
    settings.method = "enumerate";
    settings.bits = family.bits();
    settings.search_family = family.name();
    part = PartLabel{shard, run_identity(settings), begin + 1, end};
  }
  const std::unique_ptr<Runner> runner = runner_for(options, many_registers_work);
  const bool json = options.format == "json";
  const bool csv = options.format == "csv";

  if (!options.summary) {
    if (json && part) write_lines(part_header_line(*part) + "\n");
    if (csv) write_lines(csv_row({"index", "period", "de_bruijn", "terms", "feedback"}));
    if (options.format == "text")
      write_lines(fmt::format("maximum-period NLFSRs of {}, n = {}: {}\n\n{:>12}  {:<8}  {:<26}  {}\n", family.name(),
                              family.bits(),
                              begin == end ? fmt::format("none of the {} members", family.count())
                                           : fmt::format("members {}..{} of {}", begin, end - 1, family.count()),
                              "member", "period", "terms", "feedback"));
  }
  SearchSummary summary{family.name(), family.bits(), family.count(), end - begin, 0, 0, {}, "", 1, 0, 0};
  const auto start = std::chrono::steady_clock::now();
  summary.counts = search_maximum_period_on(family, begin, end, *runner, [&](std::vector<MaximumPeriodMember>&& found) {
    std::string lines;
    for (const MaximumPeriodMember& member : found) {
      (member.period == (std::uint64_t{1} << family.bits()) ? summary.de_bruijn : summary.nonzero_cycle) += 1;
      if (options.summary) continue;
      lines += json  ? member_json_line(family, member)
               : csv ? member_csv_row(family, member)
                     : member_text_line(family, member);
    }
    if (!lines.empty()) write_lines(lines);
  });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.mode = std::string(mode_name(runner->mode()));
  summary.workers = runner->workers();
  summary.ranks = runner->mode() == Mode::mpi ? runner->ranks() : 0;

  const std::uint64_t found = summary.nonzero_cycle + summary.de_bruijn;
  if (options.summary) {
    nlohmann::ordered_json object = search_summary_json(summary);
    if (part) object["shard"] = part_summary_json(*part, PartEnd{found, 0, {}});
    if (json)
      write_lines(dump_json(object, 2) + "\n");
    else if (csv)
      write_lines(summary_csv(search_summary_json(summary)));
    else
      write_lines(summary_text(summary));
  } else if (json && part) {
    write_lines(part_end_line(*part, PartEnd{found, 0, {}}) + "\n");
  } else if (options.format == "text") {
    write_lines(
        fmt::format("\n{} of {} members have maximum period ({} of period 2^{}-1, {} de Bruijn); {:.3f} s "
                    "({}, {} worker{})\n",
                    found, end - begin, summary.nonzero_cycle, family.bits(), summary.de_bruijn, summary.seconds,
                    summary.mode, summary.workers, summary.workers == 1 ? "" : "s"));
  }
  return static_cast<int>(ExitCode::success);
}

}  // namespace lfsr::cli
