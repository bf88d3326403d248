#include "mctpkit/analysis/analyzer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
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
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/output/fields.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/output.hpp"
#include "analysis/decoded_records.hpp"
#include "analysis/held_output.hpp"
#include "analysis/progress.hpp"
#include "mctp/detail/message_in_packet.hpp"

namespace mctpkit::analysis {

namespace {

// Packets of messages still being reassembled that the filter did not keep, held for -w in case
// the whole message matches; more than this and the oldest are forgotten.
constexpr std::size_t kMaxHeldPackets = 4096;

bool standard_input_is_file() {
  struct stat st {};
  return ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
}

const FieldHandle kSom{"som"}, kEom{"eom"}, kTo{"to"};

// Whether a packet is one of several of a message (not SOM and EOM both).
bool is_fragment(const Frame& frame) {
  for (const Layer& l : frame.layers) {
    if (l.is(mctp::kTransport)) return !(l.num(kSom) == 1 && l.num(kEom) == 1);
  }
  return false;
}

// The links of a message as printed. A request whose response this pass has still to read leaves
// a hole in the output instead.
struct Linked {
  MessageLink link;
  std::uint64_t frame = 0;  // the frame of the message's last packet
  bool awaiting = false;    // a request waiting for its response

  void clear() {
    link.response_in.reset();
    link.response_to.reset();
    link.response_time_ns.reset();
    link.request_command.clear();  // keeps its storage for the next message
    frame = 0;
    awaiting = false;
  }
};

const Linked kNoLink;

// A column of -T fields output, told apart once rather than by name per packet.
struct Column {
  enum class Kind : std::uint8_t { Number, Time, Link, Length, MessageFrames, LinkField, Field };
  Kind kind;
  output::FieldRef field;  // the name as given

  static Column of(const std::string& name) {
    auto is = [&](Kind kind) { return Column{kind, output::FieldRef(name)}; };
    if (name == "frame.number") return is(Kind::Number);
    if (name == "frame.time") return is(Kind::Time);
    if (name == "frame.link") return is(Kind::Link);
    if (name == "frame.len") return is(Kind::Length);
    if (name == "frame.message_frames") return is(Kind::MessageFrames);
    if (link_field(MessageLink{}, name)) return is(Kind::LinkField);
    return is(Kind::Field);
  }
};

bool is_outgoing(const Frame& frame) {
  bool outgoing = false;
  for (const Layer& l : frame.layers) {
    if (l.is(mctp::kTransport)) outgoing = l.num(kTo) == 1;
  }
  return outgoing;
}

class Run {
  using LinkStyle = HeldOutput::LinkStyle;

 public:
  Run(const AnalyzeOptions& options, std::ostream& out, std::ostream& err, const Registry& registry)
      : options_(options), out_(out), err_(err), registry_(registry), reassembler_(registry),
        // Summary lines (and field lines without mctp.request_command) show no command names:
        // the matcher is there to decode responses in their request's context, and for links.
        links_(Matcher::Limits{4096, 1024, shows(options, "mctp.request_command")}, registry), output_(out, err) {
    if (options_.stats) stats_.emplace();
    // A message of one packet is read from the packet's frame, which is decoded anyway.
    reassembler_.leave_messages_in_packets(true);
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
      for (const std::string& name : options_.fields) columns_.push_back(Column::of(name));
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
    choose_scope();
    return true;
  }

  // How much of each packet the run reads. Summary lines, trees, JSON, the links and the
  // statistics read every layer; otherwise (-q, or -T fields without a link column) the run
  // reads the filter's layers, the field columns' and the MCTP transport layer (reassembly, -w),
  // and decodes no further (DecodeScope).
  void choose_scope() {
    const bool link_columns = std::any_of(columns_.begin(), columns_.end(),
                                          [](const Column& c) { return c.kind == Column::Kind::LinkField; });
    const bool whole_output = !options_.quiet && (options_.format != OutputFormat::Fields || link_columns);
    if (whole_output) return;
    scope_.emplace(registry_, [this](const LayerDef& def) {
      if (&def == &mctp::kTransport || (filter_ && filter_->reads_layer(def))) return true;
      return !options_.quiet && std::any_of(columns_.begin(), columns_.end(), [&](const Column& c) {
               return c.kind == Column::Kind::Field && c.field.reads_layer(def);
             });
    });
    // A response that reads its request decodes differently in the request's context from its
    // first such layer on: a run that reads one of those layers (or one after it) matches
    // requests and responses as a run that prints the links does, to see the same packets.
    const std::vector<const LayerDef*> all = registry_.layers();
    matches_requests_ = scope_->whole() || std::any_of(all.begin(), all.end(), [&](const LayerDef* def) {
                          return reads_request(*def) && scope_->enters(*def);
                        });
    if (matches_requests_ || options_.stats || scope_->whole()) {
      scope_.reset();
      return;
    }
    reassembler_.decode_within(&*scope_);
  }

  void file(const std::string& path, AnalyzeResult& result) {
    capture::OpenResult opened = capture::open_capture(path, options_.open);
    if (!opened) {
      err_ << options_.error_prefix << opened.error << "\n";
      result.cannot_open = true;
      return;
    }
    capture::CaptureReader& reader = *opened.reader;
    // Requests name their responses when the file can be read twice (Wireshark's first pass):
    // as it is read, holding output back until the responses come (or the window has passed),
    // or by a second reader running ahead. Both see the file alone, from its first packet, up to
    // the packet count; the second reader sees as many packets as this pass only for the first
    // file.
    responses_.reset();
    one_pass_ = false;
    response_matcher_.reset();
    path_ = path;
    if (!options_.quiet && shows(options_, "mctp.response_in") && is_regular_file(path)) {
      if (options_.count && read_ != 0) {
        responses_ = index_responses(path, options_.open, options_.count, registry_, options_.response_window);
      } else {
        // The matcher of the links sees this file alone when it has seen nothing yet.
        one_pass_ = true;
        if (links_used_) response_matcher_.emplace(Matcher::Limits{4096, 0, false}, registry_);
      }
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
    // Up to the packet count; with a second thread, reading and decoding run ahead of the rest
    // (not for live input, whose packets are shown as they come).
    std::optional<std::uint64_t> limit;
    if (options_.count) limit = *options_.count - std::min(read_, *options_.count);
    // Read ahead, the text of each packet's frame is made where the packet was decoded.
    const detail::DecodedRecords::Prepare prepare = frame_text_maker();
    detail::DecodedRecords records(reader, registry_, limit, options_.threads > 1 && !live, prepare,
                                   scope_ ? &*scope_ : nullptr);
    for (;;) {
      detail::DecodedRecords::Item& item = records.next();
      report_diagnostics(path, item.diagnostics, result);
      if (!item.read) break;
      const capture::CaptureRecord& record = item.record;
      if (record.link.empty()) {
        if (stats_) stats_->add_skipped_record();
        record_done(record.number, live);
        continue;
      }
      ++result.packets;
      progress.tick(result.packets);
      packet_text_ = item.is_prepared ? &item.prepared : nullptr;
      packet(record, item.frame);
      packet_text_ = nullptr;
      record_done(record.number, live);
      if (live) out_.flush();
    }
    packet_frame_ = &no_packet_;
    report_diagnostics(path, reader.take_diagnostics(), result);
    if (reader.failed()) result.input_damaged = true;
    // The requests still waiting get no response: the file has ended, or the count was reached.
    output_.unanswered_before(std::numeric_limits<std::uint64_t>::max());
    one_pass_ = false;
    response_matcher_.reset();
    reassembly_events(reassembler_.flush(), {}, std::nullopt, 0);
    output_.commit(true);
    held_.clear();
    progress.finish();
  }

  void finish(AnalyzeResult& result) {
    if (writer_ && !writer_->close()) write_failed();
    if (write_failed_) result.cannot_open = true;
    if (stats_) out_ << stats_->report();
  }

 private:
  // Whether the output shows a link pseudo-field: tree and JSON show every one, field lines
  // those asked for, summary lines none.
  static bool shows(const AnalyzeOptions& options, std::string_view link_field) {
    switch (options.format) {
      case OutputFormat::Summary: return false;
      case OutputFormat::Tree:
      case OutputFormat::Json: return true;
      case OutputFormat::Fields: break;
    }
    return std::find(options.fields.begin(), options.fields.end(), link_field) != options.fields.end();
  }

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
    bool carries_mctp = false;
    while (again.reader->skip(carries_mctp)) {
      if (carries_mctp) ++n;
      if (options_.count && n >= *options_.count) break;
    }
    return n;
  }

  // The writer's error is reported once and the writing stops; the analysis goes on.
  void write_failed() {
    output_.error(options_.error_prefix + writer_->error() + "\n");
    write_failed_ = true;
    writer_.reset();
  }

  static bool is_regular_file(const std::string& path) {
    struct stat st {};
    return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  }

  void report_diagnostics(const std::string& path, const std::vector<capture::CaptureDiagnostic>& diagnostics,
                          AnalyzeResult& result) {
    for (const capture::CaptureDiagnostic& d : diagnostics) {
      output_.error(fmt::format("{}:{}: {}{}\n", path, d.line_or_record, d.fatal ? "error: " : "warning: ", d.message));
      result.input_damaged = true;
    }
  }

  // After each record read: requests a window of packets back get no response any more (as the
  // second reader would not have found one), and what waits for no response is written.
  void record_done(std::uint64_t number, bool live) {
    if (one_pass_) {
      const std::uint64_t window = options_.response_window;
      if (number + 1 > window) output_.unanswered_before(number + 1 - window);
      if (output_.waiting() && output_.held() > options_.max_held_output) look_responses_up();
    }
    output_.commit(live);
  }

  // Too much output waits: the responses of the waiting requests, and of every later one in this
  // file, come from a second reader from here on.
  void look_responses_up() {
    responses_ = index_responses(path_, options_.open, options_.count, registry_, options_.response_window);
    output_.resolve([this](std::uint64_t request) {
      return responses_ ? responses_->response_of(request) : std::optional<std::uint64_t>();
    });
    one_pass_ = false;
    response_matcher_.reset();
  }

  // `frame`: the record decoded.
  void packet(const capture::CaptureRecord& record, Frame& frame) {
    ++read_;
    packet_frame_ = &frame;
    std::vector<mctp::Event> events = reassembler_.push(frame, record.time_ns, record.number);
    // Link every whole message first: a packet that is a message by itself is printed with its
    // links, and decoded again in its request's context when that says more.
    std::vector<Linked>& links = event_links_;
    if (links.size() < events.size()) links.resize(events.size());
    const Linked* packet_link = &kNoLink;
    for (std::size_t i = 0; i < events.size(); ++i) {
      mctp::Event& e = events[i];
      links[i].clear();
      if (e.kind != mctp::EventKind::Message) continue;
      const bool answers_request = link_message(message_layers(e), e.packet, record.time_ns, record.number, links[i]);
      if (e.packets.size() == 1) packet_link = &links[i];
      if (!answers_request) continue;
      if (e.packets.size() == 1) {
        decode_response_into(frame, record.data, record.link, request_frame_, registry_);
        packet_text_ = nullptr;  // made from the decoding this one replaces
        // The message stays in its packet when the packet's new decoding still holds it alone.
        if (e.in_packet && mctp::detail::message_stands_in_packet(frame, e.packet)) continue;
      }
      decode_response_into(e.message, e.packet, "mctp", request_frame_, registry_);
      e.in_packet = false;
    }
    const bool shown = !filter_ || filter_->matches(frame, {record.number, record.time_ns});
    // The packet's command as the statistics number it, for a message that is this packet.
    std::optional<Statistics::CommandId> packet_command;
    if (shown) {
      if (stats_) packet_command = stats_->add_packet(frame, record.number);
      if (!options_.quiet) {
        print(frame, record.time_ns, record.number, record.link == capture::kLinkMctp, nullptr, *packet_link);
      }
    }
    if (writer_) {
      const PacketToWrite p{record.time_ns, record.link, record.data, mctp::packet_bytes(frame), is_outgoing(frame)};
      if (shown) {
        write(p);
      } else if (is_fragment(frame)) {
        // Kept until its message completes: a matching message is written with all its packets.
        if (held_.size() == kMaxHeldPackets) held_.erase(held_.begin());
        held_.emplace(record.number, HeldPacket(p));
      }
    }
    reassembly_events(events, links, record.time_ns, record.number, packet_command);
    reassembler_.recycle(std::move(events));
  }

  // What -w needs of a packet: its bytes as captured and as a bare MCTP packet, where they lie.
  struct PacketToWrite {
    std::optional<std::int64_t> time_ns;
    std::string_view link;
    ByteView data;  // as the record held it (an SMBus frame for link smbus)
    ByteView mctp;  // the MCTP packet alone
    bool outgoing = false;
  };
  // The same kept (a fragment, until its message is known to match or not).
  struct HeldPacket {
    std::optional<std::int64_t> time_ns;
    std::string link;
    Bytes data, mctp;
    bool outgoing = false;

    explicit HeldPacket(const PacketToWrite& p)
        : time_ns(p.time_ns), link(p.link), data(p.data.begin(), p.data.end()), mctp(p.mctp.begin(), p.mctp.end()),
          outgoing(p.outgoing) {}
    PacketToWrite view() const { return {time_ns, link, data, mctp, outgoing}; }
  };

  // The file keeps the link of the first packet written: Linux I2C for SMBus frames (their
  // addresses and PEC are kept), else Linux cooked capture. Bare MCTP packets cannot go into an
  // I2C file: they are left out with one warning.
  void write(const PacketToWrite& p) {
    if (!writer_) return;
    const bool smbus = p.link == capture::kLinkSmbus;
    if (!writer_->started() && smbus) writer_->set_link_type(capture::kDltI2cLinux);
    const bool i2c = writer_->link_type() == capture::kDltI2cLinux;
    if (i2c && !smbus) {
      if (!warned_link_) {
        output_.error(options_.write_path + ": warning: packets without SMBus framing are left out of this Linux I2C capture\n");
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
      write(it->second.view());
      held_.erase(it);
    }
  }

  void forget_held(const std::vector<std::size_t>& packets) {
    for (std::size_t number : packets) held_.erase(number);
  }

  // The links of a whole message, into `linked`. True when the message is a response that reads
  // its request, which was kept: the request is then decoded in request_frame_.
  // `message`: a frame holding the message's layers (message_layers()), `bytes` the message.
  bool link_message(const Frame& message, ByteView bytes, std::optional<std::int64_t> time_ns, std::uint64_t number,
                    Linked& linked) {
    if (!matches_requests_) return false;
    MessageLink& link = linked.link;
    linked.frame = number;
    const MatchResult m = links_.add_layers(message, bytes, time_ns, number);
    links_used_ = true;
    if (one_pass_) {
      const MatchResult r = response_matcher_ ? response_matcher_->add_layers(message, bytes, std::nullopt, number) : m;
      if (r.kind == MatchResult::Kind::Response) output_.answered(r.request->frame, number);
      // Requests the matcher forgot can get no response any more.
      if (r.replaced_frame) output_.answered(*r.replaced_frame, std::nullopt);
      if (r.evicted_frame) output_.answered(*r.evicted_frame, std::nullopt);
      linked.awaiting = r.awaits_response;
    }
    if (m.kind == MatchResult::Kind::Request && responses_) link.response_in = responses_->response_of(number);
    if (m.kind != MatchResult::Kind::Response) return false;
    link.response_to = m.request->frame;
    if (m.request->time_ns && time_ns) link.response_time_ns = *time_ns - *m.request->time_ns;
    link.request_command = m.request->command;
    // Decoded again in its request's context only when a layer of the response reads the request.
    if (m.request->message.empty() || !reads_request(message)) return false;
    decode_into(request_frame_, m.request->message, "mctp", registry_);
    return true;
  }

  // The link of `linked` in `style` at the end of `out` (the held output's text), or a hole
  // there when its request still waits for its response.
  void append_link(std::string& out, const Linked& linked, LinkStyle style, std::string_view field = {}) {
    if (linked.awaiting) {
      output_.hole(linked.frame, style, field);
    } else {
      append_link_text(out, linked.link, style, field);
    }
  }

  // A frame that holds a message's layers from its MCTP transport layer on: its event's, or the
  // packet's for one left in its packet (for the matcher and the statistics, which read no more).
  const Frame& message_layers(const mctp::Event& e) const { return e.in_packet ? *packet_frame_ : e.message; }

  // Whether the filter takes a message alone (it must not see the binding's fields): its event's
  // frame, or the message's layers of the packet's frame for one left in its packet.
  bool filter_takes_message(const mctp::Event& e, const output::PacketContext& context) const {
    if (!e.in_packet) return filter_->matches(e.message, context);
    const output::MessageInPacket message{mctp::transport_index(*packet_frame_), e.packet.size()};
    return filter_->matches_message(*packet_frame_, message, context);
  }

  // `packet_command`: what the statistics numbered the packet's command, when they counted it.
  void reassembly_events(const std::vector<mctp::Event>& events, const std::vector<Linked>& links,
                         std::optional<std::int64_t> time_ns, std::uint64_t number,
                         std::optional<Statistics::CommandId> packet_command = std::nullopt) {
    for (std::size_t i = 0; i < events.size(); ++i) {
      const mctp::Event& e = events[i];
      if (e.kind != mctp::EventKind::Message) {
        forget_held(e.packets);
        if (stats_) stats_->add_reassembly_event(e);
        if (!options_.quiet && options_.reassemble) {
          if (options_.format == OutputFormat::Json) {
            append_event_json(output_.text(), e, time_view(time_ns));
            output_.text() += '\n';
          } else if (options_.format == OutputFormat::Summary || options_.format == OutputFormat::Tree) {
            std::string& out = output_.text();
            append_line_start(out, number, time_ns);
            out += "reassembly ";
            out += mctp::to_string(e.kind);
            out += ": ";
            out += e.text;
            out += '\n';
          }
        }
        continue;
      }
      if (filter_ && !filter_takes_message(e, {number, time_ns})) {
        forget_held(e.packets);
        continue;
      }
      write_held(e.packets);
      if (stats_) {
        stats_->add_message(message_layers(e), time_ns, number, e.in_packet ? packet_command : std::nullopt);
        stats_->add_message_diagnostics(e, number);
      }
      if (e.packets.size() > 1 && options_.reassemble && !options_.quiet) {
        print(e.message, time_ns, number, 0, &e, i < links.size() ? links[i] : kNoLink);
      }
    }
  }

  // "2024-03-20T17:34:56+00:00" in UTC, or local time with --local-times.
  void append_time_text(std::string& out, std::int64_t utc_ns) const {
    append_iso_time(out, utc_ns, zone_ ? zone_->offset_seconds(utc_ns) : 0);
  }

  // The time's text in a buffer reused from time to time, valid until the next call.
  std::optional<std::string_view> time_view(std::optional<std::int64_t> time_ns) {
    if (!time_ns) return std::nullopt;
    time_text_.clear();
    append_time_text(time_text_, *time_ns);
    return time_text_;
  }

  // The start of a summary line: the frame number with -N, then the time.
  void append_line_start(std::string& out, std::uint64_t number, std::optional<std::int64_t> time_ns) const {
    if (options_.numbers && number != 0) {
      append_decimal(out, number);
      out += ' ';
    }
    if (time_ns) {
      append_time_text(out, *time_ns);
      out.append(": ", 2);
    }
  }

  // A summary line's text after its number, time and length: the frame's summary and the
  // markers of what decoding found wrong.
  static void append_summary_text(const Frame& frame, std::string& out) {
    output::append_summary(frame, out);
    if (!frame.diagnostics.empty()) out += output::markers(frame);
  }

  // What the output shows of a frame that depends on the frame alone, when there is such a
  // part: the reading thread makes it for each packet.
  detail::DecodedRecords::Prepare frame_text_maker() const {
    if (options_.quiet) return nullptr;
    switch (options_.format) {
      case OutputFormat::Summary: return append_summary_text;
      case OutputFormat::Json: return output::append_json;
      case OutputFormat::Tree:
      case OutputFormat::Fields: break;
    }
    return nullptr;
  }

  // The text `make` writes of `frame`: taken from the reading thread when it made it from this
  // very decoding of the packet being handled.
  void append_frame_text(const Frame& frame, const mctp::Event* message, detail::DecodedRecords::Prepare make,
                         std::string& out) const {
    if (packet_text_ != nullptr && message == nullptr && &frame == packet_frame_) {
      out += *packet_text_;
    } else {
      make(frame, out);
    }
  }

  // `length_layer`: a bare MCTP packet, shown after its length like PyMCTP shows the packets of a
  // cooked capture ("[  9] / MCTP ..."), whichever container (pcap, pcapng, text dump) held it.
  void print(const Frame& frame, std::optional<std::int64_t> time_ns, std::uint64_t number, bool length_layer,
             const mctp::Event* message, const Linked& link) {
    // "1, 2, 3": the packets of a reassembled message.
    const auto append_frames = [message](std::string& out) {
      for (std::size_t i = 0; i < message->packets.size(); ++i) {
        if (i != 0) out += ", ";
        append_decimal(out, message->packets[i]);
      }
    };
    switch (options_.format) {
      case OutputFormat::Summary: {
        // Summary lines never wait for a response: they join the held output's text, which
        // goes out in large blocks (a write per line costs more than most lines).
        std::string& line = output_.text();
        append_line_start(line, number, time_ns);
        if (message) {
          line += "message from frames ";
          append_frames(line);
          line += " (";
          append_decimal(line, message->body().size());
          line += " bytes): ";
        }
        if (length_layer) {
          // "[  9] / ": the length right-aligned in three places, put together and appended once.
          const std::size_t length = frame.data.size();
          TextBuffer text(line);
          text.put(length < 10 ? std::string_view("[  ") : length < 100 ? std::string_view("[ ") : std::string_view("["));
          text.decimal(length);
          text.put("] / ");
        }
        append_frame_text(frame, message, append_summary_text, line);
        line += '\n';
        if (options_.diagnostics) {
          for (const Diagnostic& d : frame.diagnostics) {
            line += "    ";
            line += describe(d);
            line += '\n';
          }
        }
        if (options_.hexdump) {
          line += output::hexdump(frame.data);
          line += '\n';
        }
        break;
      }
      case OutputFormat::Tree: {
        std::string& out = output_.text();
        if (message) {
          out += "Message from frames ";
          append_frames(out);
        } else {
          out += "Packet ";
          append_decimal(out, number);
        }
        if (time_ns) {
          out += " at ";
          append_time_text(out, *time_ns);
        }
        out += '\n';
        out += output::tree(frame);
        append_link(out, link, LinkStyle::Tree);
        if (options_.hexdump) out += output::hexdump(frame.data);
        out += '\n';
        break;
      }
      case OutputFormat::Json: {
        // Our members first, then the frame's object from its first member on.
        std::string& line = output_.text();
        fmt::format_to(std::back_inserter(line), FMT_COMPILE("{{\"frame\":{}"), number);
        append_link(line, link, LinkStyle::Json);
        if (message) {
          line += ',';
          append_message_json_members(line, *message, time_view(time_ns));
          line += '\n';
          break;
        }
        if (time_ns) {
          line += ",\"time\":\"";
          append_time_text(line, *time_ns);
          line += '"';
        }
        const std::size_t brace = line.size();
        append_frame_text(frame, message, output::append_json, line);
        line[brace] = ',';  // the object's opening brace: its members continue ours
        line += '\n';
        break;
      }
      case OutputFormat::Fields: {
        std::string& line = output_.text();
        for (std::size_t i = 0; i < columns_.size(); ++i) {
          const Column& column = columns_[i];
          if (i) line += '\t';
          switch (column.kind) {
            case Column::Kind::Number: append_decimal(line, number); break;
            case Column::Kind::Time:
              if (time_ns) append_time_text(line, *time_ns);
              break;
            case Column::Kind::Link: line += frame.link; break;
            case Column::Kind::Length: append_decimal(line, frame.data.size()); break;
            case Column::Kind::MessageFrames:
              if (message) fmt::format_to(std::back_inserter(line), "{}", fmt::join(message->packets, ","));
              break;
            case Column::Kind::LinkField: append_link(line, link, LinkStyle::Field, column.field.text()); break;
            case Column::Kind::Field: output::append_field(line, frame, column.field); break;
          }
        }
        line += '\n';
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
  std::optional<DecodeScope> scope_;  // how far packets are decoded (empty: whole)
  // Whether requests and responses are matched (for the links, or to decode a response in its
  // request's context); not when the run reads no layer that depends on it (choose_scope()).
  bool matches_requests_ = true;
  std::unique_ptr<capture::PcapWriter> writer_;
  std::map<std::uint64_t, HeldPacket> held_;  // by frame number
  bool warned_link_ = false;
  std::optional<capture::TimeZone> zone_;
  std::uint64_t read_ = 0;
  bool write_failed_ = false;
  const Frame no_packet_;
  const Frame* packet_frame_ = &no_packet_;  // the packet being handled, decoded
  // Its summary text, made by the reading thread from that decoding (null: none was made).
  const std::string* packet_text_ = nullptr;
  Frame request_frame_;  // the request of a response that reads it, storage reused likewise
  // The text of every output form, written in blocks, and held back while a request printed
  // waits for its response (its link is written with it).
  HeldOutput output_;
  // Requests of this file learn their responses as it is read (rather than from responses_)...
  bool one_pass_ = false;
  // ...from a matcher of its messages alone: this one, or links_ while it has seen no other file.
  std::optional<Matcher> response_matcher_;
  bool links_used_ = false;
  std::string path_;                  // the file being read
  std::vector<Linked> event_links_;   // per event of a packet, reused
  std::string time_text_;             // a time being printed, reused
  std::vector<Column> columns_;       // -T fields
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
