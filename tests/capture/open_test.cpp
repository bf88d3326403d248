// open_capture: the format comes from the content, standard input streams, clear errors.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

// Runs `body` with standard input fed from a pipe by another thread, as `cat file | mctpkit`.
template <typename Body>
void with_piped_stdin(const Bytes& content, Body body) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  std::thread feeder([&content, fd = pipe_fds[1]] {
    std::size_t written = 0;
    while (written < content.size()) {
      ssize_t n = ::write(fd, content.data() + written, content.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
  });
  int saved = ::dup(STDIN_FILENO);
  ::dup2(pipe_fds[0], STDIN_FILENO);
  ::close(pipe_fds[0]);
  body();
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  feeder.join();
}

std::vector<CaptureRecord> read_stdin(std::string* format = nullptr) {
  OpenResult opened = open_capture("-", [] {
    OpenOptions options;
    options.text_time.timezone = "UTC";
    options.text_time.date = "2023-11-14";
    return options;
  }());
  EXPECT_TRUE(opened.reader) << opened.error;
  if (!opened.reader) return {};
  if (format != nullptr) *format = std::string(opened.reader->format_name());
  std::vector<CaptureRecord> records = read_all(*opened.reader);
  EXPECT_FALSE(opened.reader->failed());
  return records;
}

TEST(OpenStdin, LargePcapThroughAPipe) {
  // Far more than a pipe buffer, so reading really streams.
  Bytes packet = hex("0004 0122 0000 0000000000000000 00fa 010008c80080010009");
  std::vector<Bytes> many(5000, packet);
  Bytes pcap = make_pcap(kDltLinuxSll, many);
  with_piped_stdin(pcap, [] {
    std::string format;
    std::vector<CaptureRecord> records = read_stdin(&format);
    EXPECT_EQ(format, "pcap");
    ASSERT_EQ(records.size(), 5000u);
    EXPECT_EQ(records[4999].number, 5000u);
    EXPECT_EQ(records[4999].time_ns, std::int64_t{1'700'004'999} * 1'000'000'000);
    EXPECT_EQ(to_hex(records[4999].data, ""), "010008C80080010009");
  });
}

TEST(OpenStdin, PcapngAndTextThroughAPipe) {
  for (const char* name : {"mctp-sll.pcapng", "tcpdump-text/tcpdump-sll-e-XX-tttt.txt"}) {
    SCOPED_TRACE(name);
    Bytes content = read_bytes(capture_path(name));
    with_piped_stdin(content, [] {
      std::vector<CaptureRecord> records = read_stdin();
      std::vector<Sample> samples = load_samples();
      ASSERT_EQ(records.size(), samples.size());
      for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].data, samples[i].mctp);
      EXPECT_EQ(records[0].time_ns, 1'700'000'000'000'000'000);
    });
  }
}

// What a text dump's lines may hold at their edges: a byte-order mark before the banner, a noise
// line far longer than any real one, Windows line ends, no newline after the last line. Read in
// place from memory and character by character from a pipe, it gives the sample's records and
// one diagnostic, the same both ways.
TEST(OpenStdin, TextLineEdgesReadAlikeFromMemoryAndFromAPipe) {
  const Bytes sample_bytes = read_bytes(capture_path("tcpdump-text/tcpdump-sll-x.txt"));
  const std::string sample(sample_bytes.begin(), sample_bytes.end());
  std::string text = "\xEF\xBB\xBF";
  std::size_t line = 0;
  for (std::size_t start = 0; start < sample.size();) {
    const std::size_t end = sample.find('\n', start);
    text += sample.substr(start, end - start);
    start = end + 1;
    if (start < sample.size()) text += "\r\n";  // none after the last line
    if (++line == 1) text += std::string(70000, 'x') + "\r\n";
  }
  const std::vector<Sample> samples = load_samples();
  auto check = [&](CaptureReader& reader) {
    std::vector<CaptureRecord> records = read_all(reader);
    ASSERT_EQ(records.size(), samples.size());
    for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].data, samples[i].mctp) << i;
    EXPECT_EQ(records[0].time_ns, 1'700'000'000'000'000'000);
    EXPECT_FALSE(reader.failed());
    ASSERT_EQ(reader.diagnostics().size(), 1u);
    EXPECT_EQ(reader.diagnostics()[0].line_or_record, 2u);
    EXPECT_EQ(reader.diagnostics()[0].message, "line longer than 65536 characters; the rest is ignored");
  };
  OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2023-11-14";
  OpenResult in_memory = open_capture_memory(to_bytes(text), options);
  ASSERT_TRUE(in_memory.reader) << in_memory.error;
  {
    SCOPED_TRACE("from memory");
    check(*in_memory.reader);
  }
  with_piped_stdin(to_bytes(text), [&] {
    SCOPED_TRACE("through a pipe");
    OpenResult piped = open_capture("-", options);
    ASSERT_TRUE(piped.reader) << piped.error;
    check(*piped.reader);
  });
}

TEST(OpenStdin, RegularFileOnStandardInput) {
  int saved = ::dup(STDIN_FILENO);
  int file = ::open(capture_path("mctp-smbus-i2c.pcap").c_str(), O_RDONLY);
  ASSERT_GE(file, 0);
  ::dup2(file, STDIN_FILENO);
  ::close(file);
  std::vector<CaptureRecord> records = read_stdin();
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_EQ(records.size(), 35u);
  EXPECT_EQ(records[0].link, "smbus");
}

TEST(OpenDetection, ContentDecidesNotTheName) {
  TempDir dir;
  std::string pcapng_as_txt = dir.write("capture.txt", read_bytes(capture_path("mctp-sll.pcapng")));
  std::string text_as_pcap = dir.write("dump.pcap", read_bytes(capture_path("tcpdump-text/tcpdump-sll-x.txt")));
  auto first = open_ok(pcapng_as_txt);
  auto second = open_ok(text_as_pcap);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->format_name(), "pcapng");
  EXPECT_EQ(second->format_name(), "tcpdump text");
  EXPECT_EQ(read_all(*first).size(), 35u);
  EXPECT_EQ(read_all(*second).size(), 35u);
}

TEST(OpenDetection, BinaryThatIsNoCaptureAndTextWithUtf8) {
  EXPECT_EQ(open_capture_memory(hex("7f454c46 02010100 00000000"), {}, "a.out").error,
            "'a.out' is not a pcap, pcapng or tcpdump text file");
  EXPECT_EQ(open_capture_memory(hex("d4c3"), {}, "stub").error,
            "'stub' is not a pcap, pcapng or tcpdump text file");
  EXPECT_EQ(open_capture_memory(Bytes{}, {}, "nothing").error,
            "'nothing' is empty: not a pcap, pcapng or tcpdump text file");
  EXPECT_EQ(open_capture_memory(hex("fffe 3100 3a00"), {}, "ps.txt").error,
            "'ps.txt' is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)");
  auto with_bom = open_memory_ok("\xEF\xBB\xBFreading from file x, link-type IPMB_LINUX (IPMB)\n"
                                 "\t0x0000:  0100 0000 003a 0f08 2101 0908 c900 8102 33\n");
  ASSERT_TRUE(with_bom);
  std::vector<CaptureRecord> bom_records = read_all(*with_bom);
  ASSERT_EQ(bom_records.size(), 1u);
  EXPECT_EQ(bom_records[0].link, "smbus");
  EXPECT_EQ(to_hex(bom_records[0].data, ""), "3A0F0821010908C900810233");
  auto reader = open_memory_ok("Überwachung der Verbindung – Mitschnitt\n\t0x0000:  0100 08c8 0080 0100 09\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->format_name(), "tcpdump text");
  EXPECT_EQ(read_all(*reader).size(), 1u);
}

TEST(OpenErrors, MissingFileDirectoryAndBadLink) {
  EXPECT_EQ(open_capture("/nonexistent-mctpkit/x.pcap").error,
            "cannot open '/nonexistent-mctpkit/x.pcap': No such file or directory");
  TempDir dir;
  std::string folder = dir.file("");
  folder.pop_back();
  EXPECT_EQ(open_capture(folder).error, "'" + folder + "' is a directory");
  OpenOptions options;
  options.force_link = "serial";
  EXPECT_EQ(open_capture(capture_path("mctp-sll.pcap"), options).error,
            "Unknown link 'serial'. Expected mctp or smbus.");
}

}  // namespace
}  // namespace mctpkit::capture::test
