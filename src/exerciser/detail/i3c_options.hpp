#pragma once
// The I3C target registers every I3C transport reads the same way: pid, bcr, dcr, mwl, mrl,
// static, mtu (checked against MWL/MRL: a packet plus its PEC must fit both).

#include "exerciser/detail/option_reader.hpp"
#include "exerciser/detail/remote_i3c_target.hpp"

namespace mctpkit::exerciser::detail {

struct I3cTargetOptions {
  I3cTargetRegisters registers;
  std::size_t mtu = 64;
};

I3cTargetOptions read_i3c_target_options(OptionReader& options);

/// The option syntax text shared by the I3C transports' registry entries.
inline constexpr const char* kI3cRegisterSyntax =
    "[,pid=48-BIT][,bcr=N][,dcr=N][,mwl=N][,mrl=N][,static=ADDR][,mtu=N]";

}  // namespace mctpkit::exerciser::detail
