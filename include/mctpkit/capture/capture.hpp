#pragma once
// Everything of the capture module: reading pcap, pcapng and tcpdump text, writing pcap.

#include "mctpkit/capture/link_types.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/capture/reader.hpp"
#include "mctpkit/capture/record.hpp"
