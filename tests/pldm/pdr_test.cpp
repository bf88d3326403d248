// PDRs decoded on their own (first layer kPdrHeader): hand-written records laid out from the
// protocol reference (6.7), byte-for-byte round trips, building with derived lengths and counts,
// truncation and bit flips.

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/pldm/pdr.hpp"
#include "base_support.hpp"

namespace mctpkit::pldm {
namespace {

using namespace test_support;

Frame decode_pdr(std::string_view text) { return decode(hex(text), kPdrHeader, registry()); }

// Decodes without problems, rebuilds to the same bytes (also with every derived field left
// unset), and every prefix is Truncated, every bit flip harmless.
void check_record(std::string_view text, std::string_view body_id) {
  Bytes data = hex(text);
  Frame f = decode_pdr(text);
  ASSERT_EQ(f.layers.size(), 2u) << summary(f);
  EXPECT_EQ(f.layers[1].def().id, body_id);
  EXPECT_TRUE(f.diagnostics.empty()) << summary(f);
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(data));
  Frame unset = f;
  for (Layer& l : unset.layers) {
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l.defs()[i].is_derived()) l.value(i).state = FieldValue::State::Unset;
      for (Fields& item : l.value(i).items) {
        for (std::size_t k = 0; k < item.size(); ++k) {
          if (item.defs()[k].is_derived()) item.value(k).state = FieldValue::State::Unset;
        }
      }
    }
  }
  EXPECT_EQ(to_hex(unset.build(registry())), to_hex(data));
  for (std::size_t n = 0; n < data.size(); ++n) {
    Frame p = decode(ByteView(data.data(), n), kPdrHeader, registry());
    bool truncated = false;
    for (const Diagnostic& d : p.diagnostics) truncated |= d.kind == DiagKind::Truncated;
    EXPECT_TRUE(truncated) << n;
  }
  for (std::size_t bit = 0; bit < data.size() * 8; ++bit) {
    Bytes flipped = data;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    EXPECT_FALSE(summary(decode(flipped, kPdrHeader, registry())).empty());
  }
}

TEST(Pdr, TerminusLocator) {
  std::string text = "01 00 00 00 01 01 00 00 09 00 "  // header: handle 1, v1, type 1, length 9
                     "01 00 01 05 00 00 01 01 08";    // handle, valid, TID 5, container 0, MCTP EID, size 1, EID 8
  Frame f = decode_pdr(text);
  const Layer& l = layer(f, "pldm.pdr.terminus_locator");
  EXPECT_EQ(text_of(l, "validity"), "valid");
  EXPECT_EQ(l.num("tid"), 5u);
  EXPECT_EQ(text_of(l, "locator_type"), "mctp_eid");
  EXPECT_EQ(l.bytes("locator_value"), hex("08"));
  check_record(text, "pldm.pdr.terminus_locator");
}

TEST(Pdr, StateSensor) {
  std::string text = "02 00 00 00 01 04 03 00 11 00 "
                     "01 00 10 00 40 00 01 00 00 00 "  // terminus, sensor 0x10, entity 64.1 in container 0
                     "00 00 01 "                       // no init, no aux names, one composite sensor
                     "0B 00 01 06";                    // state set 11, 1 byte: states 1 and 2
  Frame f = decode_pdr(text);
  EXPECT_EQ(summary(f), "PDR (record_handle: 2, header_version: 1, pdr_type: state_sensor, record_change_number: 3, "
                        "data_length: 17) / StateSensorPDR (terminus_handle: 1, sensor_id: 16, entity_type: 64, "
                        "entity_instance: 1, container_id: 0, sensor_init: no_init, aux_names_pdr: 0, "
                        "composite_count: 1, sensors: [11: 06])");
  check_record(text, "pldm.pdr.state_sensor");
}

TEST(Pdr, StateEffecterBuiltFromFields) {
  std::string text = "03 00 00 00 01 0B 00 00 18 00 "
                     "01 00 20 00 21 00 01 00 00 00 00 00 "  // terminus, effecter 0x20, entity 33.1, semantic 0
                     "00 00 02 "                             // no init, no description, two effecters
                     "0B 00 01 06 "                          // state set 11: states 1, 2
                     "C4 00 02 03 00";                       // state set 196: states 0, 1
  check_record(text, "pldm.pdr.state_effecter");
  const StructDef& element = *registry().layer("pldm.pdr.state_effecter")->fields[9].element;
  Fields e1(element, {{"state_set_id", 11}, {"possible_states", hex("06")}});
  Fields e2(element, {{"state_set_id", 196}, {"possible_states", hex("03 00")}});
  Frame crafted = body("pldm.pdr", {{"record_handle", 3}}) /
                  body("pldm.pdr.state_effecter", {{"terminus_handle", 1}, {"effecter_id", 0x20}, {"entity_type", 0x21},
                                                   {"entity_instance", 1}, {"effecters", std::vector<Fields>{e1, e2}}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(Pdr, EntityAssociationAndFruRecordSet) {
  std::string assoc = "04 00 00 00 01 0F 00 00 16 00 "
                      "05 00 00 "                // container 5, physical
                      "40 00 01 00 00 00 "       // container entity 64.1 in 0
                      "02 "                      // two contained entities
                      "41 00 01 00 05 00 42 00 02 00 05 00";
  Frame a = decode_pdr(assoc);
  const Layer& l = layer(a, "pldm.pdr.entity_association");
  EXPECT_EQ(text_of(l, "association_type"), "physical");
  ASSERT_EQ(l.items("contained").size(), 2u);
  EXPECT_EQ(l.items("contained")[1].num("entity_instance"), 2u);
  check_record(assoc, "pldm.pdr.entity_association");

  check_record("05 00 00 00 01 14 00 00 0A 00 01 00 02 00 03 00 04 00 05 00", "pldm.pdr.fru_record_set");
}

TEST(Pdr, AuxiliaryNames) {
  // Sensor 0x10: one sensor, one name: "en" and UTF-16BE "CPU", both NUL-terminated.
  std::string text = "06 00 00 00 01 06 00 00 11 00 01 00 10 00 01 01 65 6E 00 00 43 00 50 00 55 00 00";
  Frame f = decode_pdr(text);
  EXPECT_EQ(layer(f, "pldm.pdr.sensor_auxiliary_names").bytes("names"), hex("01 65 6E 00 00 43 00 50 00 55 00 00"));
  check_record(text, "pldm.pdr.sensor_auxiliary_names");
  check_record("07 00 00 00 01 0D 00 00 07 00 01 00 20 00 01 01 00", "pldm.pdr.effecter_auxiliary_names");
}

TEST(Pdr, NumericSensorWithByteReadingsAndWordRanges) {
  std::string text =
      "08 00 00 00 01 02 00 00 44 00 "
      "01 00 02 00 03 00 01 00 00 00 "  // terminus 1, sensor 2, entity 3.1 in 0
      "00 00 "                          // init, aux names
      "02 00 00 00 00 00 00 00 00 01 "  // degrees C ... is_linear
      "00 "                             // sensor data size uint8
      "00 00 80 3F 00 00 00 00 "        // resolution 1.0, offset 0.0
      "00 00 00 00 "                    // accuracy, tolerances
      "02 "                             // hysteresis (1 byte)
      "3F 00 "                          // supported thresholds, volatility
      "00 00 00 00 00 00 80 3F "        // state transition, update interval
      "7F 00 "                          // max, min readable (1 byte each)
      "02 FF "                          // range format uint16, all supported
      "19 00 50 00 0A 00 46 00 05 00 4B 00 00 00 55 00 FB FF";
  Frame f = decode_pdr(text);
  const Layer& l = layer(f, "pldm.pdr.numeric_sensor");
  EXPECT_EQ(text_of(l, "base_unit"), "degrees_c");
  EXPECT_EQ(l.num("resolution"), 0x3F800000u);
  EXPECT_EQ(l.num("hysteresis_8"), 2u);
  EXPECT_FALSE(l.get("hysteresis_16").has_value());
  EXPECT_EQ(l.num("max_readable_8"), 0x7Fu);
  EXPECT_EQ(l.num("nominal_value_16"), 0x19u);
  EXPECT_EQ(l.num("fatal_low_16"), 0xFFFBu);
  EXPECT_EQ(text_of(l, "fatal_low_16"), "65531");  // uint16: unsigned
  EXPECT_EQ(text_of(l, "resolution"), "1");       // real32
  EXPECT_EQ(text_of(l, "update_interval"), "1");
  EXPECT_FALSE(l.get("fatal_low_8").has_value());
  check_record(text, "pldm.pdr.numeric_sensor");
}

TEST(Pdr, NumericSensorWithWordReadingsAndReal32Ranges) {
  std::string text =
      "09 00 00 00 01 02 00 00 5F 00 "
      "01 00 02 00 03 00 01 00 00 00 00 00 "
      "05 FD 00 00 00 00 00 00 00 01 "  // volts, modifier -3
      "04 "                             // sensor data size uint32
      "00 00 80 3F 00 00 00 00 00 00 00 00 "
      "10 00 00 00 "                    // hysteresis (4 bytes)
      "3F 00 00 00 00 00 00 00 80 3F "
      "FF FF FF FF 00 00 00 00 "        // max, min readable
      "06 01 "                          // range format real32, nominal supported
      "00 00 48 42 "                    // nominal 50.0
      "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
  Frame f = decode_pdr(text);
  const Layer& l = layer(f, "pldm.pdr.numeric_sensor");
  EXPECT_EQ(l.num("hysteresis_32"), 0x10u);
  EXPECT_EQ(l.num("max_readable_32"), 0xFFFFFFFFu);
  EXPECT_EQ(l.num("nominal_value_32"), 0x42480000u);
  EXPECT_EQ(text_of(l, "nominal_value_32"), "50");  // the range format says real32
  EXPECT_EQ(text_of(l, "unit_modifier"), "-3");     // sint8
  EXPECT_EQ(text_of(l, "max_readable_32"), "4294967295");  // the sensor data size says uint32
  EXPECT_EQ(text_of(l, "range_field_format"), "real32");
  check_record(text, "pldm.pdr.numeric_sensor");
}

// Crafting takes negative numbers for signed fields and decimals for real32 fields, and refuses
// what does not fit with the range in the message.
TEST(Pdr, CraftingSignedAndRealValues) {
  Layer sensor(*registry().layer("pldm.pdr.numeric_sensor"));
  sensor.set("unit_modifier", -3).set("resolution", "0.5").set("offset", -1.25);
  EXPECT_EQ(sensor.num("unit_modifier"), 0xFDu);
  EXPECT_EQ(sensor.num("resolution"), 0x3F000000u);
  EXPECT_EQ(sensor.num("offset"), 0xBFA00000u);
  sensor.set("sensor_data_size", "sint16").set("max_readable_16", "-300");
  EXPECT_EQ(sensor.num("max_readable_16"), 0xFED4u);
  sensor.set("unit_modifier", "0x80");  // the bits themselves, in hex
  EXPECT_EQ(sensor.num("unit_modifier"), 0x80u);
  auto refused = [&](std::string_view field, FieldArg value) {
    try {
      sensor.set(field, value);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused("unit_modifier", 128), "pldm.pdr.numeric_sensor.unit_modifier: 128 is out of range for a signed 8-bit field (-128..127)");
  EXPECT_EQ(refused("unit_modifier", "-129"), "pldm.pdr.numeric_sensor.unit_modifier: -129 is out of range for a signed 8-bit field (-128..127)");
  EXPECT_EQ(refused("accuracy", -1), "pldm.pdr.numeric_sensor.accuracy: -1 is negative, but the field is unsigned");
  EXPECT_EQ(refused("accuracy", "1.5"), "pldm.pdr.numeric_sensor.accuracy: 1.5 is not a whole number, and the field holds integers");
  EXPECT_EQ(refused("resolution", "1e39"), "pldm.pdr.numeric_sensor.resolution: 1e39 is out of range for a real32 field");
  EXPECT_EQ(refused("max_readable_16", "-32769"), "pldm.pdr.numeric_sensor.max_readable_16: -32769 is out of range for a 16-bit field (-32768..65535)");
}

TEST(Pdr, NumericEffecter) {
  std::string text =
      "0A 00 00 00 01 09 00 00 37 00 "
      "05 00 06 00 07 00 01 00 00 00 00 00 "  // terminus, effecter 6, entity 7.1, container 0, semantic 0
      "00 00 "                                // init, aux names
      "07 00 00 00 00 00 00 00 "              // watts ... aux OEM unit handle
      "00 02 "                                // not linear, data size uint16
      "00 00 80 3F 00 00 00 00 00 00 00 00 "  // resolution, offset, accuracy, tolerances
      "00 00 00 00 00 00 00 00 "              // state transition, transition interval
      "E8 03 00 00 "                          // max 1000, min 0
      "00 1F "                                // range format uint8
      "64 C8 0A FA 00";                       // nominal, normal max/min, rated max/min
  Frame f = decode_pdr(text);
  const Layer& l = layer(f, "pldm.pdr.numeric_effecter");
  EXPECT_EQ(text_of(l, "base_unit"), "watts");
  EXPECT_EQ(l.num("max_settable_16"), 1000u);
  EXPECT_EQ(l.num("rated_max_8"), 0xFAu);
  check_record(text, "pldm.pdr.numeric_effecter");

  // Crafted with a 4-byte effecter size: the 32-bit variants go on the wire.
  Frame crafted = body("pldm.pdr", {{"record_handle", 1}}) /
                  body("pldm.pdr.numeric_effecter", {{"effecter_data_size", "uint32"}, {"max_settable_32", 0x01020304},
                                                     {"range_field_format", "uint8"}, {"nominal_value_8", 9}});
  Frame back = decode(crafted.build(registry()), kPdrHeader, registry());
  EXPECT_TRUE(back.diagnostics.empty());
  EXPECT_EQ(layer(back, "pldm.pdr.numeric_effecter").num("max_settable_32"), 0x01020304u);
  EXPECT_EQ(layer(back, "pldm.pdr.numeric_effecter").num("nominal_value_8"), 9u);
  EXPECT_EQ(back.data.size(), 10u + 12 + 2 + 8 + 2 + 12 + 8 + 8 + 2 + 5);
}

TEST(Pdr, CompactNumericSensor) {
  std::string text = "0B 00 00 00 01 15 00 00 29 00 "
                     "01 00 09 00 03 00 01 00 00 00 "
                     "02 02 00 00 1F "                   // name length 2, degrees C, ...
                     "50 00 00 00 0A 00 00 00 5A 00 00 00 05 00 00 00 64 00 00 00 FB FF FF FF "
                     "54 31";                            // "T1"
  Frame f = decode_pdr(text);
  EXPECT_EQ(text_of(layer(f, "pldm.pdr.compact_numeric_sensor"), "sensor_name"), "\"T1\"");
  check_record(text, "pldm.pdr.compact_numeric_sensor");
}

TEST(Pdr, UnknownRecordTypesStayBytes) {
  std::string text = "0C 00 00 00 01 7F 00 00 03 00 AA BB CC";
  Frame f = decode_pdr(text);
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_TRUE(f.layers[1].is(kRawLayer));
  EXPECT_TRUE(problems(f).empty());
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(hex(text)));
  // Extra bytes after the record's length are reported.
  Frame longer = decode_pdr("05 00 00 00 01 14 00 00 0A 00 01 00 02 00 03 00 04 00 05 00 EE");
  EXPECT_EQ(problems(longer), std::vector<DiagKind>{DiagKind::Malformed});
}

}  // namespace
}  // namespace mctpkit::pldm
