#pragma once
// Helpers shared by the exerciser tests.

#include <gtest/gtest.h>

#include <string_view>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/bytes.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::testing {

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  if (!b) throw std::invalid_argument("bad hex in test: " + std::string(text));
  return *b;
}

inline Frame expr(std::string_view text) {
  auto r = craft::parse_expression(text);
  if (auto* e = std::get_if<craft::ExpressionError>(&r)) throw std::invalid_argument(e->message);
  return std::get<Frame>(std::move(r));
}

/// An exerciser that forwards to another and claims physical addresses (loopback pairs have none).
class Addressed : public Exerciser {
 public:
  Addressed(std::unique_ptr<Exerciser> inner, std::uint8_t own, std::uint8_t peer)
      : inner_(std::move(inner)), own_(own), peer_(peer) {}
  std::string_view link() const override { return inner_->link(); }
  void send(ByteView frame) override { inner_->send(frame); }
  std::optional<Bytes> try_recv() override { return inner_->try_recv(); }
  int fd() const override { return inner_->fd(); }
  std::size_t mtu() const override { return inner_->mtu(); }
  std::optional<std::uint8_t> own_address() const override { return own_; }
  std::optional<std::uint8_t> peer_address() const override { return peer_; }

 private:
  std::unique_ptr<Exerciser> inner_;
  std::uint8_t own_, peer_;
};

}  // namespace mctpkit::exerciser::testing
