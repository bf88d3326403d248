#include "decoded_records.hpp"

#include "mctpkit/core/decode.hpp"

namespace mctpkit::analysis::detail {

DecodedRecords::DecodedRecords(capture::CaptureReader& reader, const Registry& registry,
                               std::optional<std::uint64_t> mctp_limit, bool ahead, Prepare prepare,
                               const DecodeScope* scope)
    : reader_(reader), registry_(registry), scope_(scope), remaining_(mctp_limit) {
  if (!ahead) return;
  prepare_ = prepare;
  // Batches, not single records, change hands: a lock for every record would cost about as much
  // as decoding it.
  batches_.resize(kBatches);
  for (Batch& batch : batches_) {
    batch.items.resize(kBatchSize);
    free_.push_back(&batch);
  }
  thread_ = std::thread([this] { run_ahead(); });
}

DecodedRecords::~DecodedRecords() { stop_reading(); }

void DecodedRecords::stop_reading() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool DecodedRecords::read_into(Item& item) {
  item.read = !(remaining_ && *remaining_ == 0) && reader_.next(item.record);
  item.is_prepared = false;
  item.diagnostics.clear();
  if (!reader_.diagnostics().empty()) item.diagnostics = reader_.take_diagnostics();
  if (!item.read) return false;
  if (!item.record.link.empty()) {
    decode_into(item.frame, item.record.data, item.record.link, registry_, scope_);
    if (remaining_) --*remaining_;
    if (prepare_ != nullptr) {
      item.prepared.clear();
      prepare_(item.frame, item.prepared);
      item.is_prepared = true;
    }
  }
  return true;
}

void DecodedRecords::run_ahead() {
  try {
    for (bool more = true; more;) {
      Batch* batch = nullptr;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || !free_.empty(); });
        if (stop_) return;
        batch = free_.back();
        free_.pop_back();
      }
      batch->count = 0;
      while (more && batch->count < kBatchSize) more = read_into(batch->items[batch->count++]);
      {
        std::lock_guard lock(mutex_);
        ready_.push_back(batch);
      }
      changed_.notify_all();
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    changed_.notify_all();
  }
}

DecodedRecords::Item& DecodedRecords::next() {
  if (batches_.empty()) {
    if (!ended_) ended_ = !read_into(single_);
    return single_;
  }
  if (ended_) return current_->items[position_ - 1];
  if (current_ == nullptr || position_ == current_->count) {
    std::unique_lock lock(mutex_);
    if (current_ != nullptr) {
      free_.push_back(current_);
      current_ = nullptr;
      changed_.notify_all();
    }
    changed_.wait(lock, [this] { return !ready_.empty() || failure_ != nullptr; });
    if (ready_.empty()) {
      const std::exception_ptr failure = failure_;
      lock.unlock();
      stop_reading();
      std::rethrow_exception(failure);
    }
    current_ = ready_.front();
    ready_.erase(ready_.begin());
    position_ = 0;
  }
  Item& item = current_->items[position_++];
  // The thread has filled its last batch: the reader is the caller's again.
  if (!item.read) {
    ended_ = true;
    stop_reading();
  }
  return item;
}

}  // namespace mctpkit::analysis::detail
