#pragma once
// Helpers shared by the capture tests: the sample files, samples.json, temporary files.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/capture/reader.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture::test {

inline std::string captures_dir() { return std::string(MCTPKIT_SHARED_DIR) + "/captures"; }
inline std::string capture_path(const std::string& name) { return captures_dir() + "/" + name; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline Bytes read_bytes(const std::string& path) {
  std::string text = read_text(path);
  return Bytes(text.begin(), text.end());
}

inline Bytes to_bytes(const std::string& text) { return Bytes(text.begin(), text.end()); }

inline Bytes hex(std::string_view text) { return parse_hex(text).value(); }

struct Sample {
  int frame = 0;
  bool outgoing = false;
  Bytes mctp;
  Bytes smbus;
};

// samples.json is a flat list of objects with string and integer fields; this small scanner
// reads the fields the tests need without a JSON dependency.
inline std::string json_field(const std::string& object, const std::string& key) {
  std::string pattern = "\"" + key + "\":";
  std::size_t at = object.find(pattern);
  if (at == std::string::npos) return "";
  std::size_t start = object.find_first_not_of(" \t\r\n", at + pattern.size());
  if (object[start] == '"') {
    std::size_t end = object.find('"', start + 1);
    return object.substr(start + 1, end - start - 1);
  }
  std::size_t end = object.find_first_of(",}\r\n", start);
  return object.substr(start, end - start);
}

inline std::vector<Sample> load_samples() {
  std::string json = read_text(capture_path("samples.json"));
  std::vector<Sample> samples;
  // Objects are cut at braces outside strings (descriptions may contain braces).
  bool in_string = false;
  std::size_t object_start = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{') object_start = i;
    if (c != '}') continue;
    std::string object = json.substr(object_start, i - object_start + 1);
    Sample sample;
    sample.frame = std::stoi(json_field(object, "frame"));
    sample.outgoing = json_field(object, "dir") == "out";
    sample.mctp = hex(json_field(object, "mctp"));
    sample.smbus = hex(json_field(object, "smbus"));
    samples.push_back(sample);
  }
  return samples;
}

inline std::vector<CaptureRecord> read_all(CaptureReader& reader) {
  std::vector<CaptureRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

inline std::unique_ptr<CaptureReader> open_ok(const std::string& path, const OpenOptions& options = {}) {
  OpenResult result = open_capture(path, options);
  EXPECT_TRUE(result.reader) << result.error;
  return std::move(result.reader);
}

inline std::unique_ptr<CaptureReader> open_memory_ok(const std::string& content, const OpenOptions& options = {}) {
  OpenResult result = open_capture_memory(to_bytes(content), options);
  EXPECT_TRUE(result.reader) << result.error;
  return std::move(result.reader);
}

// A directory removed with its content at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "mctpkit-capture-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    path_ = ::mkdtemp(buffer.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return path_ + "/" + name; }

  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream out(file(name), std::ios::binary);
    out << content;
    return file(name);
  }
  std::string write(const std::string& name, const Bytes& content) const {
    return write(name, std::string(content.begin(), content.end()));
  }

 private:
  std::string path_;
};

// Little-endian pcap of `link_type` holding `records` (1 s apart from 1700000000).
inline Bytes make_pcap(std::uint32_t link_type, const std::vector<Bytes>& records) {
  Bytes out;
  auto u32 = [&out](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  };
  auto u16 = [&out](std::uint16_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
  };
  u32(0xA1B2C3D4);
  u16(2);
  u16(4);
  u32(0);
  u32(0);
  u32(65535);
  u32(link_type);
  std::uint32_t second = 1700000000;
  for (const Bytes& record : records) {
    u32(second++);
    u32(0);
    u32(static_cast<std::uint32_t>(record.size()));
    u32(static_cast<std::uint32_t>(record.size()));
    out.insert(out.end(), record.begin(), record.end());
  }
  return out;
}

}  // namespace mctpkit::capture::test
