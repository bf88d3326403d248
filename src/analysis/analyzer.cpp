#include "mctpkit/analysis/analyzer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "mctpkit/analysis/event_json.hpp"
#include "mctpkit/analysis/links.hpp"
#include "mctpkit/analysis/statistics.hpp"
#include "mctpkit/capture/link_types.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/capture/time_zone.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/output/fields.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/output.hpp"
#include "analysis/progress.hpp"

namespace mctpkit::analysis {

namespace {

// Packets of messages still being reassembled that the filter did not keep, held for -w in case
// the whole message matches; more than this and the oldest are forgotten.
constexpr std::size_t kMaxHeldPackets = 4096;

bool standard_input_is_file() {
  struct stat st {};
  return ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
}

// Whether a packet is one of several of a message (not SOM and EOM both).
bool is_fragment(const Frame& frame) {
  for (const Layer& l : frame.layers) {
    if (l.is(mctp::kTransport)) return !(l.num("som") == 1 && l.num("eom") == 1);
  }
  return false;
}

bool is_outgoing(const Frame& frame) {
  bool outgoing = false;
  for (const Layer& l : frame.layers) {
    if (l.is(mctp::kTransport)) outgoing = l.num("to") == 1;
  }
  return outgoing;
}

class Run {
 public:
  Run(const AnalyzeOptions& options, std::ostream& out, std::ostream& err, const Registry& registry)
      : options_(options), out_(out), err_(err), registry_(registry), reassembler_(registry),
        // Summary lines show no links: the matcher is there only to decode responses in their
        // request's context, and needs no command names.
        links_(Matcher::Limits{4096, 1024, options.format != OutputFormat::Summary}, registry) {
    if (options_.stats) stats_.emplace();
  }

  bool prepare(AnalyzeResult& result) {
    if (auto problem = capture::validate_text_time(options_.open.text_time)) {
      err_ << options_.error_prefix << *problem << "\n";
      result.usage_error = true;
      return false;
    }
    if (options_.local_times) zone_ = capture::TimeZone::locate(options_.open.text_time.timezone);
    if (!options_.filter.empty()) {
      auto parsed = output::parse_filter(options_.filter, &registry_);
      if (auto* e = std::get_if<output::FilterError>(&parsed)) {
        err_ << options_.error_prefix << "bad filter: " << output::format_filter_error(*e);  // ends with a newline
        result.usage_error = true;
        return false;
      }
      filter_.emplace(std::get<output::Filter>(std::move(parsed)));
    }
    if (options_.format == OutputFormat::Fields) {
      if (!check_fields(result)) return false;
      if (options_.fields_header && !options_.quiet) {
        std::string header;
        for (const std::string& name : options_.fields) header += (header.empty() ? "" : "\t") + name;
        out_ << header << "\n";
      }
    }
    if (!options_.write_path.empty()) {
      auto opened = capture::PcapWriter::open(options_.write_path);
      if (!opened.writer) {
        err_ << options_.error_prefix << opened.error << "\n";
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
      err_ << options_.error_prefix << opened.error << "\n";
      result.cannot_open = true;
      return;
    }
    capture::CaptureReader& reader = *opened.reader;
    // Requests name their responses when the file can be read twice (Wireshark's first pass).
    responses_.reset();
    if (!options_.quiet && options_.format != OutputFormat::Summary && is_regular_file(path)) {
      responses_ = index_responses(path, options_.open, options_.count, registry_);
    }
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
    // Packets read from a pipe or a terminal (tcpdump -U -w - | mctpkit analyze -) are shown as
    // they come; files are written in large blocks.
    const bool live = path == "-" && !standard_input_is_file();
    capture::CaptureRecord& record = record_;
    while (!done()) {
      const bool read = reader.next(record);
      report_diagnostics(path, reader, result);
      if (!read) break;
      if (record.link.empty()) {
        if (stats_) stats_->add_skipped_record();
        continue;
      }
      ++result.packets;
      progress.tick(result.packets);
      packet(record);
      if (live) out_.flush();
    }
    report_diagnostics(path, reader, result);
    if (reader.failed()) result.input_damaged = true;
    reassembly_events(reassembler_.flush(), {}, std::nullopt, 0);
    held_.clear();
    progress.finish();
  }

  void finish(AnalyzeResult& result) {
    if (writer_ && !writer_->close()) write_failed();
    if (write_failed_) result.cannot_open = true;
    if (stats_) out_ << stats_->report();
  }

 private:
  bool done() const { return options_.count && read_ >= *options_.count; }

  // Every -e must name something: a field or layer abbreviation, or one of the frame and link
  // pseudo-fields (as tshark refuses an unknown field).
  bool check_fields(AnalyzeResult& result) {
    static const std::vector<std::string> kPseudo = {
        "frame.number", "frame.time", "frame.link", "frame.len", "frame.message_frames",
        "mctp.response_in", "mctp.response_to", "mctp.response_time", "mctp.request_command"};
    std::vector<std::string> known;
    for (const std::string& name : options_.fields) {
      if (std::find(kPseudo.begin(), kPseudo.end(), name) != kPseudo.end()) continue;
      if (!output::find_field_defs(registry_, name).empty()) continue;
      if (known.empty()) {
        known = output::filter_names(registry_);
        known.insert(known.end(), kPseudo.begin(), kPseudo.end());
      }
      if (std::binary_search(known.begin(), known.end() - static_cast<std::ptrdiff_t>(kPseudo.size()), name)) continue;
      const std::string best = closest_name(name, known);
      err_ << options_.error_prefix << "-T fields: unknown field '" << name << "'"
           << (best.empty() ? "" : " (did you mean " + best + "?)") << "\n";
      result.usage_error = true;
      return false;
    }
    return true;
  }

  std::optional<std::uint64_t> count_packets(const std::string& path) {
    capture::OpenResult again = capture::open_capture(path, options_.open);
    if (!again) return std::nullopt;
    std::uint64_t n = 0;
    capture::CaptureRecord& record = record_;
    while (again.reader->next(record)) {
      if (!record.link.empty()) ++n;
      if (options_.count && n >= *options_.count) break;
    }
    return n;
  }

  // The writer's error is reported once and the writing stops; the analysis goes on.
  void write_failed() {
    err_ << options_.error_prefix << writer_->error() << "\n";
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
    Frame& frame = packet_frame_;
    decode_into(frame, record.data, record.link, registry_);
    std::vector<mctp::Event> events = reassembler_.push(frame, record.time_ns, record.number);
    // Link every whole message first: a packet that is a message by itself is printed with its
    // links, and decoded again in its request's context when that says more.
    std::vector<MessageLink> links(events.size());
    MessageLink packet_link;
    for (std::size_t i = 0; i < events.size(); ++i) {
      mctp::Event& e = events[i];
      if (e.kind != mctp::EventKind::Message) continue;
      std::optional<Frame> request;
      links[i] = link_message(e.message, record.time_ns, record.number, request);
      if (!request) continue;
      e.message = decode_response(e.packet, "mctp", *request, registry_);
      if (e.packets.size() == 1) frame = decode_response(record.data, record.link, *request, registry_);
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (events[i].kind == mctp::EventKind::Message && events[i].packets.size() == 1) packet_link = links[i];
    }
    const bool shown = !filter_ || filter_->matches(frame, {record.number, record.time_ns});
    if (shown) {
      if (stats_) stats_->add_packet(frame, record.number);
      if (!options_.quiet) {
        print(frame, record.time_ns, record.number, record.link == capture::kLinkMctp, nullptr, packet_link);
      }
    }
    if (writer_) {
      HeldPacket held{record.time_ns, record.link, record.data, Bytes(), is_outgoing(frame)};
      const ByteView mctp_bytes = mctp::packet_bytes(frame);
      held.mctp.assign(mctp_bytes.begin(), mctp_bytes.end());
      if (shown) {
        write(held);
      } else if (is_fragment(frame)) {
        // Kept until its message completes: a matching message is written with all its packets.
        if (held_.size() == kMaxHeldPackets) held_.erase(held_.begin());
        held_.emplace(record.number, std::move(held));
      }
    }
    reassembly_events(events, links, record.time_ns, record.number);
    reassembler_.recycle(std::move(events));
  }

  // What -w needs of a packet: its bytes as captured and as a bare MCTP packet.
  struct HeldPacket {
    std::optional<std::int64_t> time_ns;
    std::string link;
    Bytes data;  // as the record held it (an SMBus frame for link smbus)
    Bytes mctp;  // the MCTP packet alone
    bool outgoing = false;
  };

  // The file keeps the link of the first packet written: Linux I2C for SMBus frames (their
  // addresses and PEC are kept), else Linux cooked capture. Bare MCTP packets cannot go into an
  // I2C file: they are left out with one warning.
  void write(const HeldPacket& p) {
    if (!writer_) return;
    const bool smbus = p.link == capture::kLinkSmbus;
    if (!writer_->started() && smbus) writer_->set_link_type(capture::kDltI2cLinux);
    const bool i2c = writer_->link_type() == capture::kDltI2cLinux;
    if (i2c && !smbus) {
      if (!warned_link_) {
        err_ << options_.write_path << ": warning: packets without SMBus framing are left out of this Linux I2C capture\n";
        warned_link_ = true;
      }
      return;
    }
    if (!writer_->write(i2c ? p.data : p.mctp, p.time_ns, p.outgoing)) write_failed();
  }

  // A reassembled message matched the filter: its packets the filter passed over are written now.
  void write_held(const std::vector<std::size_t>& packets) {
    for (std::size_t number : packets) {
      auto it = held_.find(number);
      if (it == held_.end()) continue;
      write(it->second);
      held_.erase(it);
    }
  }

  void forget_held(const std::vector<std::size_t>& packets) {
    for (std::size_t number : packets) held_.erase(number);
  }

  // The links of a whole message; `request` is set to the decoded request a response answers,
  // when it was kept.
  MessageLink link_message(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t number,
                           std::optional<Frame>& request) {
    MessageLink link;
    if (options_.quiet) return link;
    MatchResult m = links_.add(message, time_ns, number);
    if (m.kind == MatchResult::Kind::Request && responses_) link.response_in = responses_->response_of(number);
    if (m.kind != MatchResult::Kind::Response) return link;
    link.response_to = m.request->frame;
    if (m.request->time_ns && time_ns) link.response_time_ns = *time_ns - *m.request->time_ns;
    link.request_command = m.request->command;
    // Decoded again in its request's context only when a layer of the response reads the request.
    if (!m.request->message.empty() && reads_request(message)) request = decode(m.request->message, "mctp", registry_);
    return link;
  }

  void reassembly_events(const std::vector<mctp::Event>& events, const std::vector<MessageLink>& links,
                         std::optional<std::int64_t> time_ns, std::uint64_t number) {
    for (std::size_t i = 0; i < events.size(); ++i) {
      const mctp::Event& e = events[i];
      if (e.kind != mctp::EventKind::Message) {
        forget_held(e.packets);
        if (stats_) stats_->add_reassembly_event(e);
        if (!options_.quiet && options_.reassemble) {
          if (options_.format == OutputFormat::Json) {
            out_ << event_json(e, time_string(time_ns)) << "\n";
          } else if (options_.format != OutputFormat::Fields) {
            out_ << line_start(number, time_ns) << "reassembly " << mctp::to_string(e.kind) << ": " << e.text << "\n";
          }
        }
        continue;
      }
      if (filter_ && !filter_->matches(e.message, {number, time_ns})) {
        forget_held(e.packets);
        continue;
      }
      write_held(e.packets);
      if (stats_) stats_->add_message(e.message, time_ns, number);
      if (e.packets.size() > 1 && options_.reassemble && !options_.quiet) {
        print(e.message, time_ns, number, 0, &e, i < links.size() ? links[i] : MessageLink{});
      }
    }
  }

  // "2024-03-20T17:34:56+00:00" in UTC, or local time with --local-times.
  std::string time_text(std::int64_t utc_ns) const {
    std::string out;
    append_time_text(out, utc_ns);
    return out;
  }

  void append_time_text(std::string& out, std::int64_t utc_ns) const {
    append_iso_time(out, utc_ns, zone_ ? zone_->offset_seconds(utc_ns) : 0);
  }

  std::optional<std::string> time_string(std::optional<std::int64_t> time_ns) const {
    if (!time_ns) return std::nullopt;
    return time_text(*time_ns);
  }

  // The start of a summary line: the frame number with -N, then the time.
  std::string line_start(std::uint64_t number, std::optional<std::int64_t> time_ns) const {
    std::string out;
    append_line_start(out, number, time_ns);
    return out;
  }

  void append_line_start(std::string& out, std::uint64_t number, std::optional<std::int64_t> time_ns) const {
    if (options_.numbers && number != 0) fmt::format_to(std::back_inserter(out), "{} ", number);
    if (time_ns) {
      append_time_text(out, *time_ns);
      out += ": ";
    }
  }

  // `length_layer`: a bare MCTP packet, shown after its length like PyMCTP shows the packets of a
  // cooked capture ("[  9] / MCTP ..."), whichever container (pcap, pcapng, text dump) held it.
  void print(const Frame& frame, std::optional<std::int64_t> time_ns, std::uint64_t number, bool length_layer,
             const mctp::Event* message, const MessageLink& link) {
    std::string frames;
    if (message) {
      for (std::size_t p : message->packets) frames += fmt::format("{}{}", frames.empty() ? "" : ", ", p);
    }
    switch (options_.format) {
      case OutputFormat::Summary: {
        // One buffer, reused line after line, holds the whole line.
        std::string& line = line_;
        line.clear();
        append_line_start(line, number, time_ns);
        if (message) fmt::format_to(std::back_inserter(line), "message from frames {} ({} bytes): ", frames, message->body().size());
        if (length_layer) {
          // "[  9] / ": the length right-aligned in three places.
          const std::size_t length = frame.data.size();
          line += '[';
          if (length < 100) line.append(length < 10 ? 2 : 1, ' ');
          append_decimal(line, length);
          line += "] / ";
        }
        output::append_summary(frame, line);
        if (!frame.diagnostics.empty()) line += output::markers(frame);
        line += '\n';
        out_.write(line.data(), static_cast<std::streamsize>(line.size()));
        if (options_.diagnostics) {
          for (const Diagnostic& d : frame.diagnostics) out_ << "    " << describe(d) << "\n";
        }
        if (options_.hexdump) out_ << output::hexdump(frame.data) << "\n";
        break;
      }
      case OutputFormat::Tree: {
        out_ << (message ? fmt::format("Message from frames {}", frames) : fmt::format("Packet {}", number));
        if (time_ns) out_ << " at " << time_text(*time_ns);
        out_ << "\n" << output::tree(frame) << link_tree(link);
        if (options_.hexdump) out_ << output::hexdump(frame.data);
        out_ << "\n";
        break;
      }
      case OutputFormat::Json: {
        if (message) {
          out_ << message_json(*message, time_string(time_ns), "message_frames", fmt::format("\"frame\":{}{}", number, link_json(link)))
               << "\n";
          break;
        }
        // Our members first, then the frame's object from its first member on, in one buffer.
        std::string& line = line_;
        line.clear();
        fmt::format_to(std::back_inserter(line), "{{\"frame\":{}", number);
        line += link_json(link);
        if (time_ns) {
          line += ",\"time\":\"";
          append_time_text(line, *time_ns);
          line += '"';
        }
        const std::size_t brace = line.size();
        output::append_json(frame, line);
        line[brace] = ',';  // the object's opening brace: its members continue ours
        line += '\n';
        out_.write(line.data(), static_cast<std::streamsize>(line.size()));
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
            if (time_ns) line += time_text(*time_ns);
          } else if (name == "frame.link") {
            line += frame.link;
          } else if (name == "frame.len") {
            line += std::to_string(frame.data.size());
          } else if (name == "frame.message_frames") {
            if (message) line += fmt::format("{}", fmt::join(message->packets, ","));
          } else if (auto value = link_field(link, name)) {
            line += *value;
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
  Matcher links_;
  std::optional<ResponseIndex> responses_;
  // Kept only when the report is asked for: counting costs as much as printing.
  std::optional<Statistics> stats_;
  std::optional<output::Filter> filter_;
  std::unique_ptr<capture::PcapWriter> writer_;
  std::map<std::uint64_t, HeldPacket> held_;  // by frame number
  bool warned_link_ = false;
  std::optional<capture::TimeZone> zone_;
  std::uint64_t read_ = 0;
  bool write_failed_ = false;
  capture::CaptureRecord record_;  // read into again for each record, so that its storage is reused
  Frame packet_frame_;  // decoded into again for each packet, so that its storage is reused
  std::string line_;    // the summary line being printed
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
