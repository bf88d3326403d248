// Captures from Python: read_capture() streams packets (and reassembled messages) with their
// times; analyze() runs a whole capture into statistics. Both are the library's reader, decoder,
// display filter, reassembler and statistics, put together as `mctpkit analyze` does.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <deque>

#include "handles.hpp"
#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/analysis/statistics.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::python {

namespace {

// A filter error's text with the expression and caret, without the final newline.
std::string filter_error_text(const output::FilterError& error) {
  std::string text = output::format_filter_error(error);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

constexpr std::size_t kMaxKeptNotes = 1000;  // reassembly problems and reader diagnostics kept

class CaptureStream {
 public:
  CaptureStream(py::handle source, const std::string& timezone, std::optional<std::string> date,
                const std::string& link, const std::string& filter, bool messages)
      : registry_(default_registry()), reassembler_(registry_), messages_(messages) {
    capture::OpenOptions options;
    options.force_link = link;
    options.text_time.timezone = timezone;
    options.text_time.date = std::move(date);
    if (auto problem = capture::validate_text_time(options.text_time)) throw py::value_error(*problem);
    if (!filter.empty()) {
      auto parsed = output::parse_filter(filter, &registry_);
      if (auto* e = std::get_if<output::FilterError>(&parsed)) throw py::value_error(filter_error_text(*e));
      filter_.emplace(std::get<output::Filter>(std::move(parsed)));
    }
    capture::OpenResult opened;
    if (py::hasattr(source, "read")) {
      py::bytes content = source.attr("read")();
      std::string_view view = content;
      name_ = py::hasattr(source, "name") ? py::str(source.attr("name")).cast<std::string>() : "<file>";
      opened = capture::open_capture_memory(Bytes(view.begin(), view.end()), options, name_);
    } else {
      name_ = py::str(py::module_::import("os").attr("fspath")(source)).cast<std::string>();
      opened = capture::open_capture(name_, options);
    }
    if (!opened) {
      std::string text = opened.error;
      if (text.find("Unknown link") != std::string::npos) throw py::value_error(text);
      PyErr_SetString(PyExc_OSError, text.c_str());
      throw py::error_already_set();
    }
    reader_ = std::move(opened.reader);
  }

  /// The next packet or message, or nullopt at the end. With `objects` false nothing is made
  /// for Python (analyze()).
  std::optional<py::object> next(bool objects) {
    while (pending_.empty()) {
      if (finished_) return std::nullopt;
      std::optional<capture::CaptureRecord> record = reader_->next();
      keep_diagnostics();
      if (!record) {
        finished_ = true;
        events(reassembler_.flush(), std::nullopt, 0, objects);
        continue;
      }
      if (record->link.empty()) {
        stats_.add_skipped_record();
        continue;
      }
      Frame frame = decode(record->data, record->link, registry_);
      bool shown = !filter_ || filter_->matches(frame, {record->number, record->time_ns});
      if (shown) stats_.add_packet(frame, record->number);
      std::vector<mctp::Event> found = reassembler_.push(frame, record->time_ns, record->number);
      if (shown && objects) {
        FrameRef s = new_state(std::move(frame), true);
        s->capture = CaptureInfo{record->number, record->time_ns, record->link_type, {}, false};
        pending_.push_back(make_frame(std::move(s)));
      }
      events(std::move(found), record->time_ns, record->number, objects);
    }
    py::object item = std::move(pending_.front());
    pending_.pop_front();
    return item;
  }

  std::string name() const { return name_; }
  std::string_view format() const { return reader_->format_name(); }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  analysis::Statistics::Figures figures() const { return stats_.figures(); }
  std::string report() const { return stats_.report(); }
  bool failed() const { return reader_->failed(); }

 private:
  void keep_diagnostics() {
    for (const capture::CaptureDiagnostic& d : reader_->take_diagnostics()) {
      if (warnings_.size() < kMaxKeptNotes) {
        warnings_.push_back(fmt::format("{}:{}: {}{}", name_, d.line_or_record, d.fatal ? "error: " : "warning: ", d.message));
      }
    }
  }

  void events(std::vector<mctp::Event> found, std::optional<std::int64_t> time_ns, std::uint64_t number, bool objects) {
    for (mctp::Event& e : found) {
      if (e.kind != mctp::EventKind::Message) {
        stats_.add_reassembly_event(e);
        if (problems_.size() < kMaxKeptNotes) problems_.push_back(fmt::format("{}: {}", mctp::to_string(e.kind), e.text));
        continue;
      }
      if (filter_ && !filter_->matches(e.message, {number, time_ns})) continue;
      stats_.add_message(e.message, time_ns, number);
      stats_.add_message_diagnostics(e, number);
      if (!objects || !messages_ || e.packets.size() < 2) continue;
      FrameRef s = new_state(std::move(e.message), true);
      s->capture = CaptureInfo{number, time_ns, 0, std::move(e.packets), true};
      pending_.push_back(make_frame(std::move(s)));
    }
  }

  const Registry& registry_;
  mctp::Reassembler reassembler_;
  analysis::Statistics stats_;
  std::optional<output::Filter> filter_;
  std::unique_ptr<capture::CaptureReader> reader_;
  std::deque<py::object> pending_;
  std::vector<std::string> problems_;
  std::vector<std::string> warnings_;
  std::string name_;
  bool messages_;
  bool finished_ = false;
};

py::object utc_datetime(std::int64_t ns) {
  static py::object* from_timestamp = nullptr;
  static py::object* utc = nullptr;
  if (from_timestamp == nullptr) {
    py::module_ dt = py::module_::import("datetime");
    from_timestamp = new py::object(dt.attr("datetime").attr("fromtimestamp"));
    utc = new py::object(dt.attr("timezone").attr("utc"));
  }
  // Whole seconds and microseconds separately, so large times keep their precision.
  std::int64_t seconds = ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
  std::int64_t micros = (ns - seconds * 1000000000) / 1000;
  py::object t = (*from_timestamp)(seconds, *utc);
  return t.attr("replace")(py::arg("microsecond") = micros);
}

}  // namespace

void bind_capture(py::module_& m) {
  py::class_<PyCaptured, PyFrame>(m, "CapturedFrame", R"(A frame read from a capture: a packet, or a message reassembled from several packets.
.number is the frame number (of the last packet, for a message), .time a UTC datetime (None when
the capture gives none), .time_ns the same in nanoseconds, .is_message tells the two apart and
.packets lists a message's frame numbers.)")
      .def_property_readonly("number", [](const PyCaptured& f) { return f.state->capture->number; })
      .def_property_readonly("time_ns", [](const PyCaptured& f) { return f.state->capture->time_ns; })
      .def_property_readonly("time", [](const PyCaptured& f) -> py::object {
        if (!f.state->capture->time_ns) return py::none();
        return utc_datetime(*f.state->capture->time_ns);
      })
      .def_property_readonly("iso_time", [](const PyCaptured& f) -> py::object {
        if (!f.state->capture->time_ns) return py::none();
        return py::str(analysis::iso_time(*f.state->capture->time_ns));
      }, "The time as `mctpkit analyze` prints it")
      .def_property_readonly("link_type", [](const PyCaptured& f) { return f.state->capture->link_type; })
      .def_property_readonly("is_message", [](const PyCaptured& f) { return f.state->capture->message; })
      .def_property_readonly("packets", [](const PyCaptured& f) { return f.state->capture->packets; });

  using Latency = analysis::Statistics::Latency;
  py::class_<Latency>(m, "Latency", "Response times of one command (nanoseconds)")
      .def_readonly("command", &Latency::command)
      .def_readonly("pairs", &Latency::pairs)
      .def_readonly("min_ns", &Latency::min_ns)
      .def_readonly("median_ns", &Latency::median_ns)
      .def_readonly("max_ns", &Latency::max_ns)
      .def_readonly("sampled", &Latency::sampled)
      .def("__repr__", [](const Latency& l) {
        return fmt::format("<Latency {}: {} pairs, median {:.3f} ms>", l.command, l.pairs, l.median_ns / 1e6);
      });
  using Unanswered = analysis::Statistics::Unanswered;
  py::class_<Unanswered>(m, "Unanswered", "A request that got no response")
      .def_readonly("frame", &Unanswered::frame)
      .def_readonly("command", &Unanswered::command)
      .def("__repr__", [](const Unanswered& u) { return fmt::format("<Unanswered frame {}: {}>", u.frame, u.command); });

  struct PyStatistics {
    analysis::Statistics::Figures figures;
    std::string report;
    std::vector<std::string> problems;
    std::vector<std::string> warnings;
  };
  py::class_<PyStatistics>(m, "Statistics", "What analyze() counted; str() gives the report of `mctpkit analyze --stats`.")
      .def_property_readonly("packets", [](const PyStatistics& s) { return s.figures.packets; })
      .def_property_readonly("skipped_records", [](const PyStatistics& s) { return s.figures.skipped_records; })
      .def_property_readonly("messages", [](const PyStatistics& s) { return s.figures.messages; })
      .def_property_readonly("packets_by_command", [](const PyStatistics& s) { return s.figures.packets_by_command; })
      .def_property_readonly("messages_by_command", [](const PyStatistics& s) { return s.figures.messages_by_command; })
      .def_property_readonly("matched", [](const PyStatistics& s) { return s.figures.matched; })
      .def_property_readonly("latencies", [](const PyStatistics& s) { return s.figures.latencies; })
      .def_property_readonly("never_answered", [](const PyStatistics& s) { return s.figures.never_answered; })
      .def_property_readonly("unanswered", [](const PyStatistics& s) { return s.figures.unanswered; })
      .def_property_readonly("unmatched_responses", [](const PyStatistics& s) { return s.figures.unmatched_responses; })
      .def_property_readonly("tag_reuse", [](const PyStatistics& s) { return s.figures.tag_reuse; })
      .def_property_readonly("reassembly_problems", [](const PyStatistics& s) { return s.figures.reassembly_problems; })
      .def_property_readonly("bad_checksums_by_layer", [](const PyStatistics& s) { return s.figures.bad_checksums_by_layer; })
      .def_property_readonly("diagnostics_by_kind", [](const PyStatistics& s) { return s.figures.packet_diagnostics.by_kind; })
      .def_property_readonly("message_diagnostics_by_kind",
                             [](const PyStatistics& s) { return s.figures.message_diagnostics.by_kind; },
                             "Diagnostics of messages reassembled from several packets, by kind")
      .def_readonly("warnings", &PyStatistics::warnings, "Problems the reader reported, as `path:N: warning: text`")
      .def("report", [](const PyStatistics& s) { return s.report; })
      .def("__str__", [](const PyStatistics& s) { return s.report; })
      .def("__repr__", [](const PyStatistics& s) {
        return fmt::format("<Statistics {} packets, {} messages>", s.figures.packets, s.figures.messages);
      });

  py::class_<CaptureStream>(m, "CaptureReader", R"(Iterates a capture: each packet that passes the filter, and after the packet that
completes it each message reassembled from several packets (when messages=True).
.warnings holds what the reader found wrong with the input, .problems the reassembly problems.)")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", [](CaptureStream& s) {
        auto item = s.next(true);
        if (!item) throw py::stop_iteration();
        return std::move(*item);
      })
      .def_property_readonly("format", [](const CaptureStream& s) { return std::string(s.format()); }, "pcap, pcapng or tcpdump text")
      .def_property_readonly("name", &CaptureStream::name)
      .def_property_readonly("warnings", &CaptureStream::warnings)
      .def_property_readonly("problems", &CaptureStream::problems)
      .def_property_readonly("failed", &CaptureStream::failed, "A fatal error stopped the reading")
      .def("statistics", [](const CaptureStream& s) {
        return PyStatistics{s.figures(), s.report(), s.problems(), s.warnings()};
      }, "The statistics of what was read so far");

  m.def(
      "read_capture",
      [](py::handle source, const std::string& timezone, std::optional<std::string> date, const std::string& link,
         const std::string& filter, bool messages) {
        return std::make_unique<CaptureStream>(source, timezone, std::move(date), link, filter, messages);
      },
      py::arg("source"), py::arg("timezone") = "US/Central", py::arg("date") = py::none(), py::arg("link") = "",
      py::arg("filter") = "", py::arg("messages") = true,
      R"(Streams a capture (pcap, pcapng or tcpdump text, told apart by content) from a path or a
binary file object (read whole). `timezone` and `date` (YYYY-MM-DD) place the wall-clock times
of text dumps; `link` ("mctp" or "smbus") overrides what records whose link type does not say
it carry; `filter` is a display filter ("mctp.src == 8"). ValueError for bad options, OSError
when the capture cannot be opened.)");

  m.def(
      "analyze",
      [](py::handle source, const std::string& timezone, std::optional<std::string> date, const std::string& link,
         const std::string& filter) {
        CaptureStream s(source, timezone, std::move(date), link, filter, true);
        while (s.next(false)) {
        }
        return PyStatistics{s.figures(), s.report(), s.problems(), s.warnings()};
      },
      py::arg("source"), py::arg("timezone") = "US/Central", py::arg("date") = py::none(), py::arg("link") = "",
      py::arg("filter") = "",
      "Reads a whole capture (same arguments as read_capture) and returns its Statistics.");
}

}  // namespace mctpkit::python
