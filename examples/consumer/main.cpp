// Crafts the PyMCTP project page's Set Endpoint ID request, prints its bytes, then decodes them.
#include <iostream>

#include <mctpkit/binding/smbus.hpp>
#include <mctpkit/builtin/builtin.hpp>
#include <mctpkit/core/decode.hpp>
#include <mctpkit/craft/expression.hpp>
#include <mctpkit/mctp/control.hpp>
#include <mctpkit/mctp/transport.hpp>
#include <mctpkit/output/output.hpp>

int main() {
  using namespace mctpkit;
  const LayerDef* set_eid = default_registry().layer("set_endpoint_id_req");
  Frame request = Layer(binding::kSmbus, {{"dst", 0x32}, {"src", 0x10}}) /
                  Layer(mctp::kTransport, {{"dst", 0}, {"src", 10}, {"to", 1}, {"tag", 7}}) /
                  Layer(mctp::kControlHeader, {{"rq", 1}, {"iid", 0x11}}) /
                  Layer(*set_eid, {{"op", "set"}, {"eid", 29}});
  Bytes wire = request.build();
  std::cout << to_hex(wire) << "\n";
  Frame decoded = decode(wire, "smbus");
  std::cout << output::summary(decoded) << "\n";
  return decoded.diagnostics.empty() ? 0 : 1;
}
