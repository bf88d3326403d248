#pragma once
// The records of a capture, each decoded when it carries MCTP, in the order they are read. Read
// ahead, the reading and decoding run on a thread of their own while the caller works on the
// records before: the two halves of `analyze` then share two cores. The records, frames and
// reader diagnostics are exactly those of reading and decoding one record at a time.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "mctpkit/capture/reader.hpp"
#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::analysis::detail {

class DecodedRecords {
 public:
  struct Item {
    capture::CaptureRecord record;
    Frame frame;  // the record decoded, when it carries MCTP (record.link is not empty)
    // What the reader reported while reading this record (or, at the end, after the last one).
    std::vector<capture::CaptureDiagnostic> diagnostics;
    bool read = false;  // false: the end of the records
    // What the caller's `prepare` made of the decoded frame on the reading thread (text that
    // depends on the frame alone), and whether it ran.
    std::string prepared;
    bool is_prepared = false;
  };
  /// Work on a decoded frame that depends on the frame alone, done on the reading thread when
  /// reading ahead: the frame's values are read where they were written, and only the result
  /// goes to the caller's core (a frame's values are kilobytes, moved between caches at a cost
  /// of microseconds a packet). It writes into `out`, which it finds empty.
  using Prepare = void (*)(const Frame& frame, std::string& out);

  /// Reads `reader` until its end, or until `mctp_limit` records carrying MCTP were read. With
  /// `ahead`, on a thread of its own, a few batches of records ahead of the caller.
  /// `prepare` (may be null) runs on each frame decoded ahead; reading one record at a time,
  /// nothing is prepared. `scope` (may be null: every layer) is how far each record is decoded
  /// (core/decode_scope.hpp); it must outlive this object.
  DecodedRecords(capture::CaptureReader& reader, const Registry& registry, std::optional<std::uint64_t> mctp_limit,
                 bool ahead, Prepare prepare = nullptr, const DecodeScope* scope = nullptr);
  /// Stops the reading thread (at its next record) and waits for it.
  ~DecodedRecords();
  DecodedRecords(const DecodedRecords&) = delete;
  DecodedRecords& operator=(const DecodedRecords&) = delete;

  /// The next record, the caller's until the next call. After the item with read == false
  /// (which may still carry diagnostics), the reader is the caller's again. An exception thrown
  /// while reading ahead is thrown here, in its place.
  Item& next();

 private:
  struct Batch {
    std::vector<Item> items;
    std::size_t count = 0;  // items filled
  };
  static constexpr std::size_t kBatchSize = 64;
  static constexpr std::size_t kBatches = 4;

  // Fills `item` with the next record; false when that was the end.
  bool read_into(Item& item);
  void run_ahead();
  void stop_reading();

  capture::CaptureReader& reader_;
  const Registry& registry_;
  const DecodeScope* scope_;
  Prepare prepare_ = nullptr;               // when reading ahead
  std::optional<std::uint64_t> remaining_;  // MCTP records still to read, when limited
  bool ended_ = false;                       // the item that ends the records was given

  // One record at a time.
  Item single_;

  // Read ahead: batches go from the free list to the reader, filled to the ready queue, and
  // back to the free list once the caller has taken every item of the next one.
  std::vector<Batch> batches_;
  std::vector<Batch*> free_;
  std::vector<Batch*> ready_;  // in the order they were filled
  Batch* current_ = nullptr;   // the caller's
  std::size_t position_ = 0;   // of the caller's next item in current_
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace mctpkit::analysis::detail
