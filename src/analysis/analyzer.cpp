#include "mctpkit/analysis/analyzer.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <ostream>

#include "mctpkit/analysis/statistics.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/output/fields.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/output.hpp"
#include "analysis/progress.hpp"

namespace mctpkit::analysis {

namespace {

constexpr std::uint32_t kLinuxSll = 113;
constexpr std::uint32_t kLinuxSll2 = 276;

std::string time_prefix(std::optional<std::int64_t> time_ns) {
  return time_ns ? iso_time(*time_ns) + ": " : std::string();
}

class Run {
 public:
  Run(const AnalyzeOptions& options, std::ostream& out, std::ostream& err, const Registry& registry)
      : options_(options), out_(out), err_(err), registry_(registry), reassembler_(registry) {}

  bool prepare(AnalyzeResult& result) {
    if (auto problem = capture::validate_text_time(options_.open.text_time)) {
      err_ << *problem << "\n";
      result.usage_error = true;
      return false;
    }
    if (!options_.filter.empty()) {
      auto parsed = output::parse_filter(options_.filter, &registry_);
      if (auto* e = std::get_if<output::FilterError>(&parsed)) {
        err_ << "Error: bad filter: " << output::format_filter_error(*e) << "\n";
        result.usage_error = true;
        return false;
      }
      filter_.emplace(std::get<output::Filter>(std::move(parsed)));
    }
    if (!options_.write_path.empty()) {
      auto opened = capture::PcapWriter::open(options_.write_path);
      if (!opened.writer) {
        err_ << opened.error << "\n";  // already "Error: ..."
        result.cannot_open = true;
        return false;
      }
      writer_ = std::move(opened.writer);
    }
    return true;
  }

  void file(const std::string& path, AnalyzeResult& result) {
    capture::OpenResult opened = capture::open_capture(path, options_.open);
    if (!opened) {
      err_ << opened.error << "\n";
      result.cannot_open = true;
      return;
    }
    capture::CaptureReader& reader = *opened.reader;
    // The count needs a first pass over the input: only a regular file can be read twice (a pipe
    // or FIFO would lose what the count read), and only when the count is shown.
    const bool header = options_.format == OutputFormat::Summary && !options_.quiet;
    std::optional<std::uint64_t> total;
    if ((header || options_.progress) && is_regular_file(path)) total = count_packets(path);
    if (header) {
      out_ << fmt::format("Analyzing {} ({})\n", path, reader.format_name());
      if (total) out_ << fmt::format("Total packets: {}\n", *total);
    }
    Progress progress(err_, options_.progress ? total : std::nullopt);
    while (!done()) {
      std::optional<capture::CaptureRecord> record = reader.next();
      report_diagnostics(path, reader, result);
      if (!record) break;
      if (record->link.empty()) {
        stats_.add_skipped_record();
        continue;
      }
      ++result.packets;
      progress.tick(result.packets);
      packet(*record);
    }
    report_diagnostics(path, reader, result);
    if (reader.failed()) result.input_damaged = true;
    reassembly_events(reassembler_.flush(), std::nullopt, 0);
    progress.finish();
  }

  void finish(AnalyzeResult& result) {
    if (writer_ && !writer_->close()) write_failed();
    if (write_failed_) result.cannot_open = true;
    if (options_.stats) out_ << stats_.report();
  }

 private:
  bool done() const { return options_.count && read_ >= *options_.count; }

  std::optional<std::uint64_t> count_packets(const std::string& path) {
    capture::OpenResult again = capture::open_capture(path, options_.open);
    if (!again) return std::nullopt;
    std::uint64_t n = 0;
    while (auto record = again.reader->next()) {
      if (!record->link.empty()) ++n;
      if (options_.count && n >= *options_.count) break;
    }
    return n;
  }

  // The writer's error is reported once and the writing stops; the analysis goes on.
  void write_failed() {
    err_ << writer_->error() << "\n";
    write_failed_ = true;
    writer_.reset();
  }

  static bool is_regular_file(const std::string& path) {
    struct stat st {};
    return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  }

  void report_diagnostics(const std::string& path, capture::CaptureReader& reader, AnalyzeResult& result) {
    for (const capture::CaptureDiagnostic& d : reader.take_diagnostics()) {
      err_ << fmt::format("{}:{}: {}{}\n", path, d.line_or_record, d.fatal ? "error: " : "warning: ", d.message);
      result.input_damaged = true;
    }
  }

  void packet(const capture::CaptureRecord& record) {
    ++read_;
    Frame frame = decode(record.data, record.link, registry_);
    bool shown = !filter_ || filter_->matches(frame);
    if (shown) {
      stats_.add_packet(frame);
      if (!options_.quiet) print(frame, record.time_ns, record.number, record.link_type, nullptr);
      if (writer_) {
        ByteView packet = mctp::packet_bytes(frame);
        bool outgoing = false;
        for (const Layer& l : frame.layers) {
          if (l.is(mctp::kTransport)) outgoing = l.num("to") == 1;
        }
        if (!writer_->write(packet, record.time_ns, outgoing)) write_failed();
      }
    }
    reassembly_events(reassembler_.push(frame, record.time_ns, record.number), record.time_ns, record.number);
  }

  void reassembly_events(std::vector<mctp::Event> events, std::optional<std::int64_t> time_ns, std::uint64_t number) {
    for (mctp::Event& e : events) {
      if (e.kind != mctp::EventKind::Message) {
        stats_.add_reassembly_event(e);
        if (!options_.quiet && options_.reassemble && options_.format == OutputFormat::Summary) {
          out_ << time_prefix(time_ns) << "reassembly " << mctp::to_string(e.kind) << ": " << e.text << "\n";
        }
        continue;
      }
      if (filter_ && !filter_->matches(e.message)) continue;
      stats_.add_message(e.message, time_ns, number);
      if (e.packets.size() > 1 && options_.reassemble && !options_.quiet) print(e.message, time_ns, number, 0, &e);
    }
  }

  void print(const Frame& frame, std::optional<std::int64_t> time_ns, std::uint64_t number, std::uint32_t link_type,
             const mctp::Event* message) {
    std::string frames;
    if (message) {
      for (std::size_t p : message->packets) frames += fmt::format("{}{}", frames.empty() ? "" : ", ", p);
    }
    switch (options_.format) {
      case OutputFormat::Summary: {
        std::string line = time_prefix(time_ns);
        if (message) line += fmt::format("message from frames {} ({} bytes): ", frames, message->body().size());
        if (link_type == kLinuxSll || link_type == kLinuxSll2) line += fmt::format("[{:3}] / ", frame.data.size());
        out_ << line << output::summary(frame) << "\n";
        if (options_.hexdump) out_ << output::hexdump(frame.data) << "\n";
        break;
      }
      case OutputFormat::Tree: {
        out_ << (message ? fmt::format("Message from frames {}", frames) : fmt::format("Packet {}", number));
        if (time_ns) out_ << " at " << iso_time(*time_ns);
        out_ << "\n" << output::tree(frame);
        if (options_.hexdump) out_ << output::hexdump(frame.data);
        out_ << "\n";
        break;
      }
      case OutputFormat::Json: {
        std::string head = fmt::format("{{\"frame\":{}", number);
        if (message) head += fmt::format(",\"message_frames\":[{}]", frames);
        if (time_ns) head += fmt::format(",\"time\":\"{}\"", iso_time(*time_ns));
        std::string body = output::json(frame);
        out_ << head << "," << body.substr(1) << "\n";
        break;
      }
      case OutputFormat::Fields: {
        std::string line;
        for (std::size_t i = 0; i < options_.fields.size(); ++i) {
          const std::string& name = options_.fields[i];
          if (i) line += "\t";
          if (name == "frame.number") {
            line += std::to_string(number);
          } else if (name == "frame.time") {
            if (time_ns) line += iso_time(*time_ns);
          } else if (name == "frame.link") {
            line += frame.link;
          } else if (name == "frame.len") {
            line += std::to_string(frame.data.size());
          } else {
            line += output::fields_line(frame, {name});
          }
        }
        out_ << line << "\n";
        break;
      }
    }
  }

  const AnalyzeOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  const Registry& registry_;
  mctp::Reassembler reassembler_;
  Statistics stats_;
  std::optional<output::Filter> filter_;
  std::unique_ptr<capture::PcapWriter> writer_;
  std::uint64_t read_ = 0;
  bool write_failed_ = false;
};

}  // namespace

AnalyzeResult analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options, std::ostream& out,
                      std::ostream& err, const Registry& registry) {
  AnalyzeResult result;
  Run run(options, out, err, registry);
  if (!run.prepare(result)) return result;
  for (const std::string& path : paths) run.file(path, result);
  run.finish(result);
  return result;
}

}  // namespace mctpkit::analysis
