# The classes of mctpkit.layers, generated from the layer registry by
# `python3 -m mctpkit._stubgen`; do not edit.
from typing import Optional, Union

from mctpkit._mctpkit import Layer, Record
from mctpkit._values import EnumValue, _Absent

_Number = Union[int, str, EnumValue, None, _Absent]
_Bytes = Union[bytes, bytearray, memoryview, str, None, _Absent]
_List = Union[list, tuple, None, _Absent]

def refresh_layers() -> list[str]: ...

class allocate_endpoint_ids(Layer):
    """Allocate Endpoint IDs request"""
    reserved: int
    op: int
    pool_size: int
    start_eid: int
    status: int
    def __init__(self, *, reserved: _Number = ..., op: _Number = ..., pool_size: _Number = ..., start_eid: _Number = ..., status: _Number = ...) -> None: ...

class allocate_endpoint_ids_req(allocate_endpoint_ids):
    """Allocate Endpoint IDs request"""
    reserved: int
    op: int
    pool_size: int
    start_eid: int
    def __init__(self, *, reserved: _Number = ..., op: _Number = ..., pool_size: _Number = ..., start_eid: _Number = ...) -> None: ...

class allocate_endpoint_ids_rsp(allocate_endpoint_ids):
    """Allocate Endpoint IDs response"""
    reserved: int
    status: int
    pool_size: int
    start_eid: int
    def __init__(self, *, reserved: _Number = ..., status: _Number = ..., pool_size: _Number = ..., start_eid: _Number = ...) -> None: ...

class control(Layer):
    """MCTP control message"""
    rq: int
    d: int
    reserved: int
    iid: int
    command: int
    cc: int
    def __init__(self, *, rq: _Number = ..., d: _Number = ..., reserved: _Number = ..., iid: _Number = ..., command: _Number = ..., cc: _Number = ...) -> None: ...

class cxl_cci(Layer):
    """CXL Type 3 component command interface message (DSP0281)"""
    reserved: int
    category: int
    tag: int
    reserved2: int
    opcode: int
    payload_length: int
    bo: int
    reserved3: int
    payload_length_hi: int
    return_code: int
    vendor_status: int
    data: bytes
    def __init__(self, *, reserved: _Number = ..., category: _Number = ..., tag: _Number = ..., reserved2: _Number = ..., opcode: _Number = ..., payload_length: _Number = ..., bo: _Number = ..., reserved3: _Number = ..., payload_length_hi: _Number = ..., return_code: _Number = ..., vendor_status: _Number = ..., data: _Bytes = ...) -> None: ...

class cxl_fm_api(Layer):
    """CXL Fabric Manager API message (DSP0234)"""
    reserved: int
    category: int
    tag: int
    reserved2: int
    opcode: int
    payload_length: int
    bo: int
    reserved3: int
    payload_length_hi: int
    return_code: int
    vendor_status: int
    data: bytes
    def __init__(self, *, reserved: _Number = ..., category: _Number = ..., tag: _Number = ..., reserved2: _Number = ..., opcode: _Number = ..., payload_length: _Number = ..., bo: _Number = ..., reserved3: _Number = ..., payload_length_hi: _Number = ..., return_code: _Number = ..., vendor_status: _Number = ..., data: _Bytes = ...) -> None: ...

class discovery_notify(Layer):
    """Discovery Notify request"""
    def __init__(self) -> None: ...

class discovery_notify_req(discovery_notify):
    """Discovery Notify request"""
    def __init__(self) -> None: ...

class discovery_notify_rsp(discovery_notify):
    """Discovery Notify response"""
    def __init__(self) -> None: ...

class endpoint_discovery(Layer):
    """Endpoint Discovery request"""
    def __init__(self) -> None: ...

class endpoint_discovery_req(endpoint_discovery):
    """Endpoint Discovery request"""
    def __init__(self) -> None: ...

class endpoint_discovery_rsp(endpoint_discovery):
    """Endpoint Discovery response"""
    def __init__(self) -> None: ...

class ethernet(Layer):
    """Ethernet frame over MCTP (DSP0261)"""
    dst: bytes
    src: bytes
    ethertype: int
    data: bytes
    def __init__(self, *, dst: _Bytes = ..., src: _Bytes = ..., ethertype: _Number = ..., data: _Bytes = ...) -> None: ...

class get_endpoint_id(Layer):
    """Get Endpoint ID request"""
    eid: int
    reserved: int
    endpoint_type: int
    reserved2: int
    eid_type: int
    medium_specific: int
    def __init__(self, *, eid: _Number = ..., reserved: _Number = ..., endpoint_type: _Number = ..., reserved2: _Number = ..., eid_type: _Number = ..., medium_specific: _Number = ...) -> None: ...

class get_endpoint_id_req(get_endpoint_id):
    """Get Endpoint ID request"""
    def __init__(self) -> None: ...

class get_endpoint_id_rsp(get_endpoint_id):
    """Get Endpoint ID response"""
    eid: int
    reserved: int
    endpoint_type: int
    reserved2: int
    eid_type: int
    medium_specific: int
    def __init__(self, *, eid: _Number = ..., reserved: _Number = ..., endpoint_type: _Number = ..., reserved2: _Number = ..., eid_type: _Number = ..., medium_specific: _Number = ...) -> None: ...

class get_endpoint_uuid(Layer):
    """Get Endpoint UUID request"""
    uuid: bytes
    def __init__(self, *, uuid: _Bytes = ...) -> None: ...

class get_endpoint_uuid_req(get_endpoint_uuid):
    """Get Endpoint UUID request"""
    def __init__(self) -> None: ...

class get_endpoint_uuid_rsp(get_endpoint_uuid):
    """Get Endpoint UUID response"""
    uuid: bytes
    def __init__(self, *, uuid: _Bytes = ...) -> None: ...

class get_mctp_version_support(Layer):
    """Get MCTP Version Support request"""
    msg_type_number: int
    count: int
    versions: list[Record]
    def __init__(self, *, msg_type_number: _Number = ..., count: _Number = ..., versions: _List = ...) -> None: ...

class get_mctp_version_support_req(get_mctp_version_support):
    """Get MCTP Version Support request"""
    msg_type_number: int
    def __init__(self, *, msg_type_number: _Number = ...) -> None: ...

class get_mctp_version_support_rsp(get_mctp_version_support):
    """Get MCTP Version Support response"""
    count: int
    versions: list[Record]
    def __init__(self, *, count: _Number = ..., versions: _List = ...) -> None: ...

class get_message_type_support(Layer):
    """Get Message Type Support request"""
    count: int
    types: list[Record]
    def __init__(self, *, count: _Number = ..., types: _List = ...) -> None: ...

class get_message_type_support_req(get_message_type_support):
    """Get Message Type Support request"""
    def __init__(self) -> None: ...

class get_message_type_support_rsp(get_message_type_support):
    """Get Message Type Support response"""
    count: int
    types: list[Record]
    def __init__(self, *, count: _Number = ..., types: _List = ...) -> None: ...

class get_network_id(Layer):
    """Get Network ID request"""
    network_id: bytes
    def __init__(self, *, network_id: _Bytes = ...) -> None: ...

class get_network_id_req(get_network_id):
    """Get Network ID request"""
    def __init__(self) -> None: ...

class get_network_id_rsp(get_network_id):
    """Get Network ID response"""
    network_id: bytes
    def __init__(self, *, network_id: _Bytes = ...) -> None: ...

class get_routing_table_entries(Layer):
    """Get Routing Table Entries request"""
    handle: int
    next_handle: int
    count: int
    entries: list[Record]
    def __init__(self, *, handle: _Number = ..., next_handle: _Number = ..., count: _Number = ..., entries: _List = ...) -> None: ...

class get_routing_table_entries_req(get_routing_table_entries):
    """Get Routing Table Entries request"""
    handle: int
    def __init__(self, *, handle: _Number = ...) -> None: ...

class get_routing_table_entries_rsp(get_routing_table_entries):
    """Get Routing Table Entries response"""
    next_handle: int
    count: int
    entries: list[Record]
    def __init__(self, *, next_handle: _Number = ..., count: _Number = ..., entries: _List = ...) -> None: ...

class get_vendor_defined_message_support(Layer):
    """Get Vendor Defined Message Support request"""
    selector: int
    next_selector: int
    format: int
    pci_vendor_id: int
    iana_enterprise: int
    command_set: int
    def __init__(self, *, selector: _Number = ..., next_selector: _Number = ..., format: _Number = ..., pci_vendor_id: _Number = ..., iana_enterprise: _Number = ..., command_set: _Number = ...) -> None: ...

class get_vendor_defined_message_support_req(get_vendor_defined_message_support):
    """Get Vendor Defined Message Support request"""
    selector: int
    def __init__(self, *, selector: _Number = ...) -> None: ...

class get_vendor_defined_message_support_rsp(get_vendor_defined_message_support):
    """Get Vendor Defined Message Support response"""
    next_selector: int
    format: int
    pci_vendor_id: int
    iana_enterprise: int
    command_set: int
    def __init__(self, *, next_selector: _Number = ..., format: _Number = ..., pci_vendor_id: _Number = ..., iana_enterprise: _Number = ..., command_set: _Number = ...) -> None: ...

class i3c(Layer):
    """I3C binding (DSP0233), address byte first"""
    addr: int
    rnw: int
    pec: int
    def __init__(self, *, addr: _Number = ..., rnw: _Number = ..., pec: _Number = ...) -> None: ...

class i3c_noaddr(Layer):
    """I3C binding (DSP0233), private transfer data"""
    addr: int
    rnw: int
    pec: int
    def __init__(self, *, addr: _Number = ..., rnw: _Number = ..., pec: _Number = ...) -> None: ...

class ipmi(Layer):
    """IPMI message"""
    netfn: int
    lun: int
    cmd: int
    def __init__(self, *, netfn: _Number = ..., lun: _Number = ..., cmd: _Number = ...) -> None: ...

class kcs(Layer):
    """KCS binding (DSP0254)"""
    netfn_lun: int
    defining_body: int
    byte_count: int
    pec: int
    def __init__(self, *, netfn_lun: _Number = ..., defining_body: _Number = ..., byte_count: _Number = ..., pec: _Number = ...) -> None: ...

class master_write_read(Layer):
    """IPMI Master Write-Read request"""
    channel: int
    bus: int
    bus_type: int
    phys_addr: int
    read_count: int
    cc: int
    data: bytes
    def __init__(self, *, channel: _Number = ..., bus: _Number = ..., bus_type: _Number = ..., phys_addr: _Number = ..., read_count: _Number = ..., cc: _Number = ..., data: _Bytes = ...) -> None: ...

class master_write_read_req(master_write_read):
    """IPMI Master Write-Read request"""
    channel: int
    bus: int
    bus_type: int
    phys_addr: int
    read_count: int
    def __init__(self, *, channel: _Number = ..., bus: _Number = ..., bus_type: _Number = ..., phys_addr: _Number = ..., read_count: _Number = ...) -> None: ...

class master_write_read_rsp(master_write_read):
    """IPMI Master Write-Read response"""
    cc: int
    data: bytes
    def __init__(self, *, cc: _Number = ..., data: _Bytes = ...) -> None: ...

class mctp(Layer):
    """MCTP transport header"""
    reserved: int
    version: int
    dst: int
    src: int
    som: int
    eom: int
    pkt_seq: int
    to: int
    tag: int
    ic: int
    msg_type: int
    def __init__(self, *, reserved: _Number = ..., version: _Number = ..., dst: _Number = ..., src: _Number = ..., som: _Number = ..., eom: _Number = ..., pkt_seq: _Number = ..., to: _Number = ..., tag: _Number = ..., ic: _Number = ..., msg_type: _Number = ...) -> None: ...

class ncsi(Layer):
    """NC-SI control packet (DSP0222 over MCTP)"""
    mc_id: int
    hdr_rev: int
    reserved: int
    iid: int
    response: int
    command: int
    package_id: int
    channel: int
    reserved2: int
    payload_length: int
    reserved3: int
    response_code: int
    reason_code: int
    data: bytes
    pad1: int
    pad2: int
    pad3: int
    checksum: int
    def __init__(self, *, mc_id: _Number = ..., hdr_rev: _Number = ..., reserved: _Number = ..., iid: _Number = ..., response: _Number = ..., command: _Number = ..., package_id: _Number = ..., channel: _Number = ..., reserved2: _Number = ..., payload_length: _Number = ..., reserved3: _Number = ..., response_code: _Number = ..., reason_code: _Number = ..., data: _Bytes = ..., pad1: _Number = ..., pad2: _Number = ..., pad3: _Number = ..., checksum: _Number = ...) -> None: ...

class nvme_mi(Layer):
    """NVMe-MI message"""
    ror: int
    nmimt: int
    reserved: int
    csi: int
    reserved2: int
    ciap: int
    meb: int
    reserved3: int
    mic: int
    def __init__(self, *, ror: _Number = ..., nmimt: _Number = ..., reserved: _Number = ..., csi: _Number = ..., reserved2: _Number = ..., ciap: _Number = ..., meb: _Number = ..., reserved3: _Number = ..., mic: _Number = ...) -> None: ...

class admin_command(Layer):
    """NVMe Admin command request (tunneled)"""
    opcode: int
    reserved: int
    ish: int
    dofstv: int
    dlenv: int
    ctrl_id: int
    nsid: int
    cdw2: int
    cdw3: int
    cdw4: int
    cdw5: int
    dofst: int
    dlen: int
    reserved2: int
    cdw10: int
    cdw11: int
    cdw12: int
    cdw13: int
    cdw14: int
    cdw15: int
    data: bytes
    status: int
    cqe_dw0: int
    cqe_dw1: int
    cqe_dw3: int
    def __init__(self, *, opcode: _Number = ..., reserved: _Number = ..., ish: _Number = ..., dofstv: _Number = ..., dlenv: _Number = ..., ctrl_id: _Number = ..., nsid: _Number = ..., cdw2: _Number = ..., cdw3: _Number = ..., cdw4: _Number = ..., cdw5: _Number = ..., dofst: _Number = ..., dlen: _Number = ..., reserved2: _Number = ..., cdw10: _Number = ..., cdw11: _Number = ..., cdw12: _Number = ..., cdw13: _Number = ..., cdw14: _Number = ..., cdw15: _Number = ..., data: _Bytes = ..., status: _Number = ..., cqe_dw0: _Number = ..., cqe_dw1: _Number = ..., cqe_dw3: _Number = ...) -> None: ...

class nvme_mi_admin_req(admin_command):
    """NVMe Admin command request (tunneled)"""
    opcode: int
    reserved: int
    ish: int
    dofstv: int
    dlenv: int
    ctrl_id: int
    nsid: int
    cdw2: int
    cdw3: int
    cdw4: int
    cdw5: int
    dofst: int
    dlen: int
    reserved2: int
    cdw10: int
    cdw11: int
    cdw12: int
    cdw13: int
    cdw14: int
    cdw15: int
    data: bytes
    def __init__(self, *, opcode: _Number = ..., reserved: _Number = ..., ish: _Number = ..., dofstv: _Number = ..., dlenv: _Number = ..., ctrl_id: _Number = ..., nsid: _Number = ..., cdw2: _Number = ..., cdw3: _Number = ..., cdw4: _Number = ..., cdw5: _Number = ..., dofst: _Number = ..., dlen: _Number = ..., reserved2: _Number = ..., cdw10: _Number = ..., cdw11: _Number = ..., cdw12: _Number = ..., cdw13: _Number = ..., cdw14: _Number = ..., cdw15: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_admin_rsp(admin_command):
    """NVMe Admin command response (tunneled)"""
    status: int
    reserved: int
    cqe_dw0: int
    cqe_dw1: int
    cqe_dw3: int
    data: bytes
    def __init__(self, *, status: _Number = ..., reserved: _Number = ..., cqe_dw0: _Number = ..., cqe_dw1: _Number = ..., cqe_dw3: _Number = ..., data: _Bytes = ...) -> None: ...

class mi_command(Layer):
    """NVMe-MI command request"""
    opcode: int
    reserved: int
    status: int
    nmresp: int
    request_opcode: int
    request_dtyp: int
    def __init__(self, *, opcode: _Number = ..., reserved: _Number = ..., status: _Number = ..., nmresp: _Number = ..., request_opcode: _Number = ..., request_dtyp: _Number = ...) -> None: ...

class nvme_mi_cmd_req(mi_command):
    """NVMe-MI command request"""
    opcode: int
    reserved: int
    def __init__(self, *, opcode: _Number = ..., reserved: _Number = ...) -> None: ...

class nvme_mi_cmd_rsp(mi_command):
    """NVMe-MI command response"""
    status: int
    nmresp: int
    request_opcode: int
    request_dtyp: int
    def __init__(self, *, status: _Number = ..., nmresp: _Number = ..., request_opcode: _Number = ..., request_dtyp: _Number = ...) -> None: ...

class configuration_get(Layer):
    """Configuration Get request"""
    config_id: int
    reserved: int
    frequency: int
    param: int
    param2: int
    port_id: int
    mtus: int
    reserved2: int
    nmd1: int
    def __init__(self, *, config_id: _Number = ..., reserved: _Number = ..., frequency: _Number = ..., param: _Number = ..., param2: _Number = ..., port_id: _Number = ..., mtus: _Number = ..., reserved2: _Number = ..., nmd1: _Number = ...) -> None: ...

class nvme_mi_config_get_req(configuration_get):
    """Configuration Get request"""
    config_id: int
    reserved: int
    frequency: int
    param: int
    param2: int
    port_id: int
    mtus: int
    reserved2: int
    nmd1: int
    def __init__(self, *, config_id: _Number = ..., reserved: _Number = ..., frequency: _Number = ..., param: _Number = ..., param2: _Number = ..., port_id: _Number = ..., mtus: _Number = ..., reserved2: _Number = ..., nmd1: _Number = ...) -> None: ...

class configuration_set(Layer):
    """Configuration Set request"""
    config_id: int
    reserved: int
    frequency: int
    param: int
    param2: int
    port_id: int
    mtus: int
    reserved2: int
    nmd1: int
    data: bytes
    def __init__(self, *, config_id: _Number = ..., reserved: _Number = ..., frequency: _Number = ..., param: _Number = ..., param2: _Number = ..., port_id: _Number = ..., mtus: _Number = ..., reserved2: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_config_set_req(configuration_set):
    """Configuration Set request"""
    config_id: int
    reserved: int
    frequency: int
    param: int
    param2: int
    port_id: int
    mtus: int
    reserved2: int
    nmd1: int
    data: bytes
    def __init__(self, *, config_id: _Number = ..., reserved: _Number = ..., frequency: _Number = ..., param: _Number = ..., param2: _Number = ..., port_id: _Number = ..., mtus: _Number = ..., reserved2: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class controller_health(Layer):
    """Controller Health Data Structures"""
    entries: list[Record]
    def __init__(self, *, entries: _List = ...) -> None: ...

class nvme_mi_controller_health(controller_health):
    """Controller Health Data Structures"""
    entries: list[Record]
    def __init__(self, *, entries: _List = ...) -> None: ...

class mi_controller_info(Layer):
    """Controller Information"""
    portid: int
    reserved: bytes
    reserved2: int
    prii: int
    pri: int
    vid: int
    did: int
    ssvid: int
    ssid: int
    reserved3: bytes
    def __init__(self, *, portid: _Number = ..., reserved: _Bytes = ..., reserved2: _Number = ..., prii: _Number = ..., pri: _Number = ..., vid: _Number = ..., did: _Number = ..., ssvid: _Number = ..., ssid: _Number = ..., reserved3: _Bytes = ...) -> None: ...

class nvme_mi_controller_info(mi_controller_info):
    """Controller Information"""
    portid: int
    reserved: bytes
    reserved2: int
    prii: int
    pri: int
    vid: int
    did: int
    ssvid: int
    ssid: int
    reserved3: bytes
    def __init__(self, *, portid: _Number = ..., reserved: _Bytes = ..., reserved2: _Number = ..., prii: _Number = ..., pri: _Number = ..., vid: _Number = ..., did: _Number = ..., ssvid: _Number = ..., ssid: _Number = ..., reserved3: _Bytes = ...) -> None: ...

class mi_controller_list(Layer):
    """Controller List"""
    numids: int
    ids: list[Record]
    def __init__(self, *, numids: _Number = ..., ids: _List = ...) -> None: ...

class nvme_mi_controller_list(mi_controller_list):
    """Controller List"""
    numids: int
    ids: list[Record]
    def __init__(self, *, numids: _Number = ..., ids: _List = ...) -> None: ...

class control_primitive(Layer):
    """NVMe-MI control primitive request"""
    opcode: int
    tag: int
    reserved: int
    cesf: int
    reserved2: int
    rro: int
    reserved3: int
    cpsp: int
    status: int
    cpsr: int
    def __init__(self, *, opcode: _Number = ..., tag: _Number = ..., reserved: _Number = ..., cesf: _Number = ..., reserved2: _Number = ..., rro: _Number = ..., reserved3: _Number = ..., cpsp: _Number = ..., status: _Number = ..., cpsr: _Number = ...) -> None: ...

class nvme_mi_cp_req(control_primitive):
    """NVMe-MI control primitive request"""
    opcode: int
    tag: int
    reserved: int
    cesf: int
    reserved2: int
    rro: int
    reserved3: int
    cpsp: int
    def __init__(self, *, opcode: _Number = ..., tag: _Number = ..., reserved: _Number = ..., cesf: _Number = ..., reserved2: _Number = ..., rro: _Number = ..., reserved3: _Number = ..., cpsp: _Number = ...) -> None: ...

class nvme_mi_cp_rsp(control_primitive):
    """NVMe-MI control primitive response"""
    status: int
    tag: int
    cpsr: int
    def __init__(self, *, status: _Number = ..., tag: _Number = ..., cpsr: _Number = ...) -> None: ...

class controller_health_status_poll(Layer):
    """Controller Health Status Poll request"""
    sctlid: int
    maxrent: int
    all: int
    reserved: int
    incvf: int
    incpf: int
    incf: int
    reserved2: int
    cwarn: int
    spare: int
    pdlu: int
    ctemp: int
    csts: int
    reserved3: int
    ccf: int
    reserved4: int
    def __init__(self, *, sctlid: _Number = ..., maxrent: _Number = ..., all: _Number = ..., reserved: _Number = ..., incvf: _Number = ..., incpf: _Number = ..., incf: _Number = ..., reserved2: _Number = ..., cwarn: _Number = ..., spare: _Number = ..., pdlu: _Number = ..., ctemp: _Number = ..., csts: _Number = ..., reserved3: _Number = ..., ccf: _Number = ..., reserved4: _Number = ...) -> None: ...

class nvme_mi_ctrl_health_poll_req(controller_health_status_poll):
    """Controller Health Status Poll request"""
    sctlid: int
    maxrent: int
    all: int
    reserved: int
    incvf: int
    incpf: int
    incf: int
    reserved2: int
    cwarn: int
    spare: int
    pdlu: int
    ctemp: int
    csts: int
    reserved3: int
    ccf: int
    reserved4: int
    def __init__(self, *, sctlid: _Number = ..., maxrent: _Number = ..., all: _Number = ..., reserved: _Number = ..., incvf: _Number = ..., incpf: _Number = ..., incf: _Number = ..., reserved2: _Number = ..., cwarn: _Number = ..., spare: _Number = ..., pdlu: _Number = ..., ctemp: _Number = ..., csts: _Number = ..., reserved3: _Number = ..., ccf: _Number = ..., reserved4: _Number = ...) -> None: ...

class mi_meb_commands(Layer):
    """Management Endpoint Buffer Supported Command List"""
    numcmd: int
    commands: list[Record]
    def __init__(self, *, numcmd: _Number = ..., commands: _List = ...) -> None: ...

class nvme_mi_meb_commands(mi_meb_commands):
    """Management Endpoint Buffer Supported Command List"""
    numcmd: int
    commands: list[Record]
    def __init__(self, *, numcmd: _Number = ..., commands: _List = ...) -> None: ...

class meb_read(Layer):
    """Management Endpoint Buffer Read request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_meb_read_req(meb_read):
    """Management Endpoint Buffer Read request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class meb_write(Layer):
    """Management Endpoint Buffer Write request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_meb_write_req(meb_write):
    """Management Endpoint Buffer Write request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class mi_optional_commands(Layer):
    """Optionally Supported Command List"""
    numcmd: int
    commands: list[Record]
    def __init__(self, *, numcmd: _Number = ..., commands: _List = ...) -> None: ...

class nvme_mi_optional_commands(mi_optional_commands):
    """Optionally Supported Command List"""
    numcmd: int
    commands: list[Record]
    def __init__(self, *, numcmd: _Number = ..., commands: _List = ...) -> None: ...

class mi_port_info(Layer):
    """Port Information"""
    portt: int
    reserved: int
    mmctptus: int
    meb: int
    mps: int
    sls: int
    cls: int
    mlw: int
    nlw: int
    pn: int
    reserved2: bytes
    vpd_addr: int
    mvpd_freq: int
    mme_addr: int
    mme_freq: int
    nvmebm: int
    reserved3: bytes
    port_data: bytes
    def __init__(self, *, portt: _Number = ..., reserved: _Number = ..., mmctptus: _Number = ..., meb: _Number = ..., mps: _Number = ..., sls: _Number = ..., cls: _Number = ..., mlw: _Number = ..., nlw: _Number = ..., pn: _Number = ..., reserved2: _Bytes = ..., vpd_addr: _Number = ..., mvpd_freq: _Number = ..., mme_addr: _Number = ..., mme_freq: _Number = ..., nvmebm: _Number = ..., reserved3: _Bytes = ..., port_data: _Bytes = ...) -> None: ...

class nvme_mi_port_info(mi_port_info):
    """Port Information"""
    portt: int
    reserved: int
    mmctptus: int
    meb: int
    mps: int
    sls: int
    cls: int
    mlw: int
    nlw: int
    pn: int
    reserved2: bytes
    vpd_addr: int
    mvpd_freq: int
    mme_addr: int
    mme_freq: int
    nvmebm: int
    reserved3: bytes
    port_data: bytes
    def __init__(self, *, portt: _Number = ..., reserved: _Number = ..., mmctptus: _Number = ..., meb: _Number = ..., mps: _Number = ..., sls: _Number = ..., cls: _Number = ..., mlw: _Number = ..., nlw: _Number = ..., pn: _Number = ..., reserved2: _Bytes = ..., vpd_addr: _Number = ..., mvpd_freq: _Number = ..., mme_addr: _Number = ..., mme_freq: _Number = ..., nvmebm: _Number = ..., reserved3: _Bytes = ..., port_data: _Bytes = ...) -> None: ...

class read_data_structure(Layer):
    """Read NVMe-MI Data Structure request"""
    ctrl_id: int
    port_id: int
    dtyp: int
    iocsi: int
    reserved: int
    def __init__(self, *, ctrl_id: _Number = ..., port_id: _Number = ..., dtyp: _Number = ..., iocsi: _Number = ..., reserved: _Number = ...) -> None: ...

class nvme_mi_read_ds_req(read_data_structure):
    """Read NVMe-MI Data Structure request"""
    ctrl_id: int
    port_id: int
    dtyp: int
    iocsi: int
    reserved: int
    def __init__(self, *, ctrl_id: _Number = ..., port_id: _Number = ..., dtyp: _Number = ..., iocsi: _Number = ..., reserved: _Number = ...) -> None: ...

class mi_reset(Layer):
    """Reset request"""
    reserved: int
    reset_type: int
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., reset_type: _Number = ..., reserved2: _Number = ...) -> None: ...

class nvme_mi_reset_req(mi_reset):
    """Reset request"""
    reserved: int
    reset_type: int
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., reset_type: _Number = ..., reserved2: _Number = ...) -> None: ...

class ses_receive(Layer):
    """SES Receive request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_ses_receive_req(ses_receive):
    """SES Receive request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class ses_send(Layer):
    """SES Send request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_ses_send_req(ses_send):
    """SES Send request"""
    nmd0: int
    nmd1: int
    data: bytes
    def __init__(self, *, nmd0: _Number = ..., nmd1: _Number = ..., data: _Bytes = ...) -> None: ...

class mi_shutdown(Layer):
    """Shutdown request"""
    reserved: int
    shutdown_type: int
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., shutdown_type: _Number = ..., reserved2: _Number = ...) -> None: ...

class nvme_mi_shutdown_req(mi_shutdown):
    """Shutdown request"""
    reserved: int
    shutdown_type: int
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., shutdown_type: _Number = ..., reserved2: _Number = ...) -> None: ...

class subsystem_health_status_poll(Layer):
    """NVM Subsystem Health Status Poll request"""
    reserved: int
    reserved2: int
    cs: int
    reserved3: int
    def __init__(self, *, reserved: _Number = ..., reserved2: _Number = ..., cs: _Number = ..., reserved3: _Number = ...) -> None: ...

class nvme_mi_subsys_health_poll_req(subsystem_health_status_poll):
    """NVM Subsystem Health Status Poll request"""
    reserved: int
    reserved2: int
    cs: int
    reserved3: int
    def __init__(self, *, reserved: _Number = ..., reserved2: _Number = ..., cs: _Number = ..., reserved3: _Number = ...) -> None: ...

class subsystem_health(Layer):
    """NVM Subsystem Health Data Structure"""
    nss: int
    sw: int
    ctemp: int
    pdlu: int
    ccs: int
    reserved: int
    def __init__(self, *, nss: _Number = ..., sw: _Number = ..., ctemp: _Number = ..., pdlu: _Number = ..., ccs: _Number = ..., reserved: _Number = ...) -> None: ...

class nvme_mi_subsystem_health(subsystem_health):
    """NVM Subsystem Health Data Structure"""
    nss: int
    sw: int
    ctemp: int
    pdlu: int
    ccs: int
    reserved: int
    def __init__(self, *, nss: _Number = ..., sw: _Number = ..., ctemp: _Number = ..., pdlu: _Number = ..., ccs: _Number = ..., reserved: _Number = ...) -> None: ...

class nvm_subsystem_info(Layer):
    """NVM Subsystem Information"""
    nump: int
    mjr: int
    mnr: int
    nnsc: int
    reserved: bytes
    def __init__(self, *, nump: _Number = ..., mjr: _Number = ..., mnr: _Number = ..., nnsc: _Number = ..., reserved: _Bytes = ...) -> None: ...

class nvme_mi_subsystem_info(nvm_subsystem_info):
    """NVM Subsystem Information"""
    nump: int
    mjr: int
    mnr: int
    nnsc: int
    reserved: bytes
    def __init__(self, *, nump: _Number = ..., mjr: _Number = ..., mnr: _Number = ..., nnsc: _Number = ..., reserved: _Bytes = ...) -> None: ...

class vpd_read(Layer):
    """VPD Read request"""
    dofst: int
    reserved: int
    dlen: int
    reserved2: int
    def __init__(self, *, dofst: _Number = ..., reserved: _Number = ..., dlen: _Number = ..., reserved2: _Number = ...) -> None: ...

class nvme_mi_vpd_read_req(vpd_read):
    """VPD Read request"""
    dofst: int
    reserved: int
    dlen: int
    reserved2: int
    def __init__(self, *, dofst: _Number = ..., reserved: _Number = ..., dlen: _Number = ..., reserved2: _Number = ...) -> None: ...

class vpd_write(Layer):
    """VPD Write request"""
    dofst: int
    reserved: int
    dlen: int
    reserved2: int
    data: bytes
    def __init__(self, *, dofst: _Number = ..., reserved: _Number = ..., dlen: _Number = ..., reserved2: _Number = ..., data: _Bytes = ...) -> None: ...

class nvme_mi_vpd_write_req(vpd_write):
    """VPD Write request"""
    dofst: int
    reserved: int
    dlen: int
    reserved2: int
    data: bytes
    def __init__(self, *, dofst: _Number = ..., reserved: _Number = ..., dlen: _Number = ..., reserved2: _Number = ..., data: _Bytes = ...) -> None: ...

class pcie_mi(Layer):
    """PCIe-MI message (DSP0291, body not decoded)"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pcie_vdm(Layer):
    """PCIe VDM binding (DSP0238)"""
    fmt: int
    type: int
    routing: int
    t9: int
    tc: int
    t8: int
    attr2: int
    ln: int
    th: int
    td: int
    ep: int
    attr: int
    at: int
    length: int
    requester_id: int
    reserved: int
    pad_len: int
    vdm_code: int
    message_code: int
    target_id: int
    vendor_id: int
    pad1: int
    pad2: int
    pad3: int
    digest: int
    def __init__(self, *, fmt: _Number = ..., type: _Number = ..., routing: _Number = ..., t9: _Number = ..., tc: _Number = ..., t8: _Number = ..., attr2: _Number = ..., ln: _Number = ..., th: _Number = ..., td: _Number = ..., ep: _Number = ..., attr: _Number = ..., at: _Number = ..., length: _Number = ..., requester_id: _Number = ..., reserved: _Number = ..., pad_len: _Number = ..., vdm_code: _Number = ..., message_code: _Number = ..., target_id: _Number = ..., vendor_id: _Number = ..., pad1: _Number = ..., pad2: _Number = ..., pad3: _Number = ..., digest: _Number = ...) -> None: ...

class pldm(Layer):
    """PLDM message"""
    rq: int
    d: int
    reserved: int
    iid: int
    hdr_ver: int
    type: int
    command: int
    cc: int
    def __init__(self, *, rq: _Number = ..., d: _Number = ..., reserved: _Number = ..., iid: _Number = ..., hdr_ver: _Number = ..., type: _Number = ..., command: _Number = ..., cc: _Number = ...) -> None: ...

class accept_bios_attributes_pending_values(Layer):
    """AcceptBIOSAttributesPendingValues request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.accept_bios_attributes_pending_values_req(accept_bios_attributes_pending_values):
    """AcceptBIOSAttributesPendingValues request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.accept_bios_attributes_pending_values_rsp(accept_bios_attributes_pending_values):
    """AcceptBIOSAttributesPendingValues response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_attribute_current_value_by_handle(Layer):
    """GetBIOSAttributeCurrentValueByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_current_value_by_handle_req(get_bios_attribute_current_value_by_handle):
    """GetBIOSAttributeCurrentValueByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_current_value_by_handle_rsp(get_bios_attribute_current_value_by_handle):
    """GetBIOSAttributeCurrentValueByHandle response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_attribute_current_value_by_type(Layer):
    """GetBIOSAttributeCurrentValueByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_current_value_by_type_req(get_bios_attribute_current_value_by_type):
    """GetBIOSAttributeCurrentValueByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_current_value_by_type_rsp(get_bios_attribute_current_value_by_type):
    """GetBIOSAttributeCurrentValueByType response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_attribute_pending_value_by_handle(Layer):
    """GetBIOSAttributePendingValueByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_pending_value_by_handle_req(get_bios_attribute_pending_value_by_handle):
    """GetBIOSAttributePendingValueByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_pending_value_by_handle_rsp(get_bios_attribute_pending_value_by_handle):
    """GetBIOSAttributePendingValueByHandle response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_attribute_pending_value_by_type(Layer):
    """GetBIOSAttributePendingValueByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_pending_value_by_type_req(get_bios_attribute_pending_value_by_type):
    """GetBIOSAttributePendingValueByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_attribute_pending_value_by_type_rsp(get_bios_attribute_pending_value_by_type):
    """GetBIOSAttributePendingValueByType response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_string_table_string_type(Layer):
    """GetBIOSStringTableStringType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_string_table_string_type_req(get_bios_string_table_string_type):
    """GetBIOSStringTableStringType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_string_table_string_type_rsp(get_bios_string_table_string_type):
    """GetBIOSStringTableStringType response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_table(Layer):
    """GetBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_table_req(get_bios_table):
    """GetBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_table_rsp(get_bios_table):
    """GetBIOSTable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_bios_table_tags(Layer):
    """GetBIOSTableTags request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_table_tags_req(get_bios_table_tags):
    """GetBIOSTableTags request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_bios_table_tags_rsp(get_bios_table_tags):
    """GetBIOSTableTags response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_date_time(Layer):
    """GetDateTime request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_date_time_req(get_date_time):
    """GetDateTime request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.get_date_time_rsp(get_date_time):
    """GetDateTime response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_bios_attribute_current_value(Layer):
    """SetBIOSAttributeCurrentValue request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_attribute_current_value_req(set_bios_attribute_current_value):
    """SetBIOSAttributeCurrentValue request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_attribute_current_value_rsp(set_bios_attribute_current_value):
    """SetBIOSAttributeCurrentValue response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_bios_string_table_string_type(Layer):
    """SetBIOSStringTableStringType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_string_table_string_type_req(set_bios_string_table_string_type):
    """SetBIOSStringTableStringType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_string_table_string_type_rsp(set_bios_string_table_string_type):
    """SetBIOSStringTableStringType response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_bios_table(Layer):
    """SetBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_table_req(set_bios_table):
    """SetBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_table_rsp(set_bios_table):
    """SetBIOSTable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_bios_table_tags(Layer):
    """SetBIOSTableTags request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_table_tags_req(set_bios_table_tags):
    """SetBIOSTableTags request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_bios_table_tags_rsp(set_bios_table_tags):
    """SetBIOSTableTags response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_date_time(Layer):
    """SetDateTime request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_date_time_req(set_date_time):
    """SetDateTime request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.set_date_time_rsp(set_date_time):
    """SetDateTime response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class update_bios_table(Layer):
    """UpdateBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.update_bios_table_req(update_bios_table):
    """UpdateBIOSTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.bios.update_bios_table_rsp(update_bios_table):
    """UpdateBIOSTable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class clear_pldm_event_log(Layer):
    """Clear PLDM Event Log request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.clear_pldm_event_log_req(clear_pldm_event_log):
    """Clear PLDM Event Log request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.clear_pldm_event_log_rsp(clear_pldm_event_log):
    """Clear PLDM Event Log response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class cper_event(Layer):
    """CPER event data"""
    format_version: int
    format_type: int
    cper_length: int
    cper_data: bytes
    def __init__(self, *, format_version: _Number = ..., format_type: _Number = ..., cper_length: _Number = ..., cper_data: _Bytes = ...) -> None: ...

class pldm.cper_event(cper_event):
    """CPER event data"""
    format_version: int
    format_type: int
    cper_length: int
    cper_data: bytes
    def __init__(self, *, format_version: _Number = ..., format_type: _Number = ..., cper_length: _Number = ..., cper_data: _Bytes = ...) -> None: ...

class effecter_event(Layer):
    """Effecter event data"""
    effecter_id: int
    effecter_event_class: int
    present_op_state: int
    previous_op_state: int
    class_data: bytes
    def __init__(self, *, effecter_id: _Number = ..., effecter_event_class: _Number = ..., present_op_state: _Number = ..., previous_op_state: _Number = ..., class_data: _Bytes = ...) -> None: ...

class pldm.effecter_event(effecter_event):
    """Effecter event data"""
    effecter_id: int
    effecter_event_class: int
    present_op_state: int
    previous_op_state: int
    class_data: bytes
    def __init__(self, *, effecter_id: _Number = ..., effecter_event_class: _Number = ..., present_op_state: _Number = ..., previous_op_state: _Number = ..., class_data: _Bytes = ...) -> None: ...

class enable_pldm_event_logging(Layer):
    """Enable PLDM Event Logging request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.enable_pldm_event_logging_req(enable_pldm_event_logging):
    """Enable PLDM Event Logging request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.enable_pldm_event_logging_rsp(enable_pldm_event_logging):
    """Enable PLDM Event Logging response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class event_message_buffer_size(Layer):
    """Event Message Buffer Size request"""
    receiver_max_buffer_size: int
    terminus_max_buffer_size: int
    def __init__(self, *, receiver_max_buffer_size: _Number = ..., terminus_max_buffer_size: _Number = ...) -> None: ...

class pldm.event_message_buffer_size_req(event_message_buffer_size):
    """Event Message Buffer Size request"""
    receiver_max_buffer_size: int
    def __init__(self, *, receiver_max_buffer_size: _Number = ...) -> None: ...

class pldm.event_message_buffer_size_rsp(event_message_buffer_size):
    """Event Message Buffer Size response"""
    terminus_max_buffer_size: int
    def __init__(self, *, terminus_max_buffer_size: _Number = ...) -> None: ...

class event_message_supported(Layer):
    """Event Message Supported request"""
    format_version: int
    synchrony_configuration: int
    synchrony_supported: int
    class_count: int
    event_classes: list[Record]
    def __init__(self, *, format_version: _Number = ..., synchrony_configuration: _Number = ..., synchrony_supported: _Number = ..., class_count: _Number = ..., event_classes: _List = ...) -> None: ...

class pldm.event_message_supported_req(event_message_supported):
    """Event Message Supported request"""
    format_version: int
    def __init__(self, *, format_version: _Number = ...) -> None: ...

class pldm.event_message_supported_rsp(event_message_supported):
    """Event Message Supported response"""
    synchrony_configuration: int
    synchrony_supported: int
    class_count: int
    event_classes: list[Record]
    def __init__(self, *, synchrony_configuration: _Number = ..., synchrony_supported: _Number = ..., class_count: _Number = ..., event_classes: _List = ...) -> None: ...

class df_close(Layer):
    """DfClose request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_close_req(df_close):
    """DfClose request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_close_rsp(df_close):
    """DfClose response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_fifo_send(Layer):
    """DfFifoSend request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_fifo_send_req(df_fifo_send):
    """DfFifoSend request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_fifo_send_rsp(df_fifo_send):
    """DfFifoSend response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_get_file_attribute(Layer):
    """DfGetFileAttribute request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_get_file_attribute_req(df_get_file_attribute):
    """DfGetFileAttribute request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_get_file_attribute_rsp(df_get_file_attribute):
    """DfGetFileAttribute response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_heartbeat(Layer):
    """DfHeartbeat request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_heartbeat_req(df_heartbeat):
    """DfHeartbeat request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_heartbeat_rsp(df_heartbeat):
    """DfHeartbeat response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_open(Layer):
    """DfOpen request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_open_req(df_open):
    """DfOpen request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_open_rsp(df_open):
    """DfOpen response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_properties(Layer):
    """DfProperties request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_properties_req(df_properties):
    """DfProperties request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_properties_rsp(df_properties):
    """DfProperties response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_read(Layer):
    """DfRead request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_read_req(df_read):
    """DfRead request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_read_rsp(df_read):
    """DfRead response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class df_set_file_attribute(Layer):
    """DfSetFileAttribute request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_set_file_attribute_req(df_set_file_attribute):
    """DfSetFileAttribute request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.file.df_set_file_attribute_rsp(df_set_file_attribute):
    """DfSetFileAttribute response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class find_pdr(Layer):
    """Find PDR request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.find_pdr_req(find_pdr):
    """Find PDR request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.find_pdr_rsp(find_pdr):
    """Find PDR response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class find_pldm_event_log_entry(Layer):
    """Find PLDM Event Log Entry request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.find_pldm_event_log_entry_req(find_pldm_event_log_entry):
    """Find PLDM Event Log Entry request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.find_pldm_event_log_entry_rsp(find_pldm_event_log_entry):
    """Find PLDM Event Log Entry response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class find_fru_files(Layer):
    """FindFRUFiles request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.find_fru_files_req(find_fru_files):
    """FindFRUFiles request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.find_fru_files_rsp(find_fru_files):
    """FindFRUFiles response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_fru_file_metadata(Layer):
    """GetFRUFileMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.get_fru_file_metadata_req(get_fru_file_metadata):
    """GetFRUFileMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.get_fru_file_metadata_rsp(get_fru_file_metadata):
    """GetFRUFileMetadata response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_fru_record_by_option(Layer):
    """GetFRURecordByOption request"""
    data_transfer_handle: int
    fru_table_handle: int
    record_set_id: int
    record_type: int
    field_type: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., fru_table_handle: _Number = ..., record_set_id: _Number = ..., record_type: _Number = ..., field_type: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class pldm.fru.get_fru_record_by_option_req(get_fru_record_by_option):
    """GetFRURecordByOption request"""
    data_transfer_handle: int
    fru_table_handle: int
    record_set_id: int
    record_type: int
    field_type: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., fru_table_handle: _Number = ..., record_set_id: _Number = ..., record_type: _Number = ..., field_type: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fru.get_fru_record_by_option_rsp(get_fru_record_by_option):
    """GetFRURecordByOption response"""
    next_data_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class get_fru_record_table_metadata(Layer):
    """GetFRURecordTableMetadata request"""
    major_version: int
    minor_version: int
    table_maximum_size: int
    table_length: int
    total_record_set_ids: int
    total_records: int
    checksum: int
    def __init__(self, *, major_version: _Number = ..., minor_version: _Number = ..., table_maximum_size: _Number = ..., table_length: _Number = ..., total_record_set_ids: _Number = ..., total_records: _Number = ..., checksum: _Number = ...) -> None: ...

class pldm.fru.get_fru_record_table_metadata_req(get_fru_record_table_metadata):
    """GetFRURecordTableMetadata request"""
    def __init__(self) -> None: ...

class pldm.fru.get_fru_record_table_metadata_rsp(get_fru_record_table_metadata):
    """GetFRURecordTableMetadata response"""
    major_version: int
    minor_version: int
    table_maximum_size: int
    table_length: int
    total_record_set_ids: int
    total_records: int
    checksum: int
    def __init__(self, *, major_version: _Number = ..., minor_version: _Number = ..., table_maximum_size: _Number = ..., table_length: _Number = ..., total_record_set_ids: _Number = ..., total_records: _Number = ..., checksum: _Number = ...) -> None: ...

class get_fru_record_table(Layer):
    """GetFRURecordTable request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class pldm.fru.get_fru_record_table_req(get_fru_record_table):
    """GetFRURecordTable request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fru.get_fru_record_table_rsp(get_fru_record_table):
    """GetFRURecordTable response"""
    next_data_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class read_fru_data_item(Layer):
    """ReadFRUDataItem request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.read_fru_data_item_req(read_fru_data_item):
    """ReadFRUDataItem request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.read_fru_data_item_rsp(read_fru_data_item):
    """ReadFRUDataItem response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class fru_record_table(Layer):
    """FRU record table"""
    records: list[Record]
    crc: int
    def __init__(self, *, records: _List = ..., crc: _Number = ...) -> None: ...

class pldm.fru.record_table(fru_record_table):
    """FRU record table"""
    records: list[Record]
    crc: int
    def __init__(self, *, records: _List = ..., crc: _Number = ...) -> None: ...

class fru_record_table_end(Layer):
    """FRU record table (end portion)"""
    data: bytes
    crc: int
    def __init__(self, *, data: _Bytes = ..., crc: _Number = ...) -> None: ...

class pldm.fru.record_table_end(fru_record_table_end):
    """FRU record table (end portion)"""
    data: bytes
    crc: int
    def __init__(self, *, data: _Bytes = ..., crc: _Number = ...) -> None: ...

class fru_record_table_part(Layer):
    """FRU record table (start or middle portion)"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.record_table_part(fru_record_table_part):
    """FRU record table (start or middle portion)"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_fru_record_table(Layer):
    """SetFRURecordTable request"""
    data_transfer_handle: int
    transfer_flag: int
    next_data_transfer_handle: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., next_data_transfer_handle: _Number = ...) -> None: ...

class pldm.fru.set_fru_record_table_req(set_fru_record_table):
    """SetFRURecordTable request"""
    data_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class pldm.fru.set_fru_record_table_rsp(set_fru_record_table):
    """SetFRURecordTable response"""
    next_data_transfer_handle: int
    def __init__(self, *, next_data_transfer_handle: _Number = ...) -> None: ...

class write_fru_data_item(Layer):
    """WriteFRUDataItem request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.write_fru_data_item_req(write_fru_data_item):
    """WriteFRUDataItem request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fru.write_fru_data_item_rsp(write_fru_data_item):
    """WriteFRUDataItem response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class activate_firmware(Layer):
    """ActivateFirmware request"""
    self_contained_activation: int
    estimated_time: int
    def __init__(self, *, self_contained_activation: _Number = ..., estimated_time: _Number = ...) -> None: ...

class pldm.fwup.activate_firmware_req(activate_firmware):
    """ActivateFirmware request"""
    self_contained_activation: int
    def __init__(self, *, self_contained_activation: _Number = ...) -> None: ...

class pldm.fwup.activate_firmware_rsp(activate_firmware):
    """ActivateFirmware response"""
    estimated_time: int
    def __init__(self, *, estimated_time: _Number = ...) -> None: ...

class activate_pending_component_image(Layer):
    """ActivatePendingComponentImage request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.activate_pending_component_image_req(activate_pending_component_image):
    """ActivatePendingComponentImage request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.activate_pending_component_image_rsp(activate_pending_component_image):
    """ActivatePendingComponentImage response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class activate_pending_component_image_set(Layer):
    """ActivatePendingComponentImageSet request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.activate_pending_component_image_set_req(activate_pending_component_image_set):
    """ActivatePendingComponentImageSet request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.activate_pending_component_image_set_rsp(activate_pending_component_image_set):
    """ActivatePendingComponentImageSet response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class apply_complete(Layer):
    """ApplyComplete request"""
    apply_result: int
    activation_methods_modification: int
    def __init__(self, *, apply_result: _Number = ..., activation_methods_modification: _Number = ...) -> None: ...

class pldm.fwup.apply_complete_req(apply_complete):
    """ApplyComplete request"""
    apply_result: int
    activation_methods_modification: int
    def __init__(self, *, apply_result: _Number = ..., activation_methods_modification: _Number = ...) -> None: ...

class pldm.fwup.apply_complete_rsp(apply_complete):
    """ApplyComplete response"""
    def __init__(self) -> None: ...

class cancel_update_component(Layer):
    """CancelUpdateComponent request"""
    def __init__(self) -> None: ...

class pldm.fwup.cancel_update_component_req(cancel_update_component):
    """CancelUpdateComponent request"""
    def __init__(self) -> None: ...

class pldm.fwup.cancel_update_component_rsp(cancel_update_component):
    """CancelUpdateComponent response"""
    def __init__(self) -> None: ...

class cancel_update(Layer):
    """CancelUpdate request"""
    non_functioning_indication: int
    non_functioning_bitmap: int
    def __init__(self, *, non_functioning_indication: _Number = ..., non_functioning_bitmap: _Number = ...) -> None: ...

class pldm.fwup.cancel_update_req(cancel_update):
    """CancelUpdate request"""
    def __init__(self) -> None: ...

class pldm.fwup.cancel_update_rsp(cancel_update):
    """CancelUpdate response"""
    non_functioning_indication: int
    non_functioning_bitmap: int
    def __init__(self, *, non_functioning_indication: _Number = ..., non_functioning_bitmap: _Number = ...) -> None: ...

class get_component_opaque_data(Layer):
    """GetComponentOpaqueData request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.get_component_opaque_data_req(get_component_opaque_data):
    """GetComponentOpaqueData request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.get_component_opaque_data_rsp(get_component_opaque_data):
    """GetComponentOpaqueData response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_device_metadata(Layer):
    """GetDeviceMetaData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class pldm.fwup.get_device_metadata_req(get_device_metadata):
    """GetDeviceMetaData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fwup.get_device_metadata_rsp(get_device_metadata):
    """GetDeviceMetaData response"""
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class get_downstream_firmware_parameters(Layer):
    """GetDownstreamFirmwareParameters request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    capabilities_during_update: int
    device_count: int
    devices: list[Record]
    portion: bytes
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., capabilities_during_update: _Number = ..., device_count: _Number = ..., devices: _List = ..., portion: _Bytes = ...) -> None: ...

class pldm.fwup.get_downstream_firmware_parameters_req(get_downstream_firmware_parameters):
    """GetDownstreamFirmwareParameters request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fwup.get_downstream_firmware_parameters_rsp(get_downstream_firmware_parameters):
    """GetDownstreamFirmwareParameters response"""
    next_data_transfer_handle: int
    transfer_flag: int
    capabilities_during_update: int
    device_count: int
    devices: list[Record]
    portion: bytes
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., capabilities_during_update: _Number = ..., device_count: _Number = ..., devices: _List = ..., portion: _Bytes = ...) -> None: ...

class get_firmware_parameters(Layer):
    """GetFirmwareParameters request"""
    capabilities_during_update: int
    component_count: int
    active_ver_str_type: int
    active_ver_str_len: int
    pending_ver_str_type: int
    pending_ver_str_len: int
    active_ver_str: bytes
    pending_ver_str: bytes
    components: list[Record]
    def __init__(self, *, capabilities_during_update: _Number = ..., component_count: _Number = ..., active_ver_str_type: _Number = ..., active_ver_str_len: _Number = ..., pending_ver_str_type: _Number = ..., pending_ver_str_len: _Number = ..., active_ver_str: _Bytes = ..., pending_ver_str: _Bytes = ..., components: _List = ...) -> None: ...

class pldm.fwup.get_firmware_parameters_req(get_firmware_parameters):
    """GetFirmwareParameters request"""
    def __init__(self) -> None: ...

class pldm.fwup.get_firmware_parameters_rsp(get_firmware_parameters):
    """GetFirmwareParameters response"""
    capabilities_during_update: int
    component_count: int
    active_ver_str_type: int
    active_ver_str_len: int
    pending_ver_str_type: int
    pending_ver_str_len: int
    active_ver_str: bytes
    pending_ver_str: bytes
    components: list[Record]
    def __init__(self, *, capabilities_during_update: _Number = ..., component_count: _Number = ..., active_ver_str_type: _Number = ..., active_ver_str_len: _Number = ..., pending_ver_str_type: _Number = ..., pending_ver_str_len: _Number = ..., active_ver_str: _Bytes = ..., pending_ver_str: _Bytes = ..., components: _List = ...) -> None: ...

class get_metadata(Layer):
    """GetMetaData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class pldm.fwup.get_metadata_req(get_metadata):
    """GetMetaData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fwup.get_metadata_rsp(get_metadata):
    """GetMetaData response"""
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class get_package_data(Layer):
    """GetPackageData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class pldm.fwup.get_package_data_req(get_package_data):
    """GetPackageData request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fwup.get_package_data_rsp(get_package_data):
    """GetPackageData response"""
    next_data_transfer_handle: int
    transfer_flag: int
    portion: bytes
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., portion: _Bytes = ...) -> None: ...

class get_status(Layer):
    """GetStatus request"""
    current_state: int
    previous_state: int
    aux_state: int
    aux_state_status: int
    progress_percent: int
    reason_code: int
    update_option_flags_enabled: int
    def __init__(self, *, current_state: _Number = ..., previous_state: _Number = ..., aux_state: _Number = ..., aux_state_status: _Number = ..., progress_percent: _Number = ..., reason_code: _Number = ..., update_option_flags_enabled: _Number = ...) -> None: ...

class pldm.fwup.get_status_req(get_status):
    """GetStatus request"""
    def __init__(self) -> None: ...

class pldm.fwup.get_status_rsp(get_status):
    """GetStatus response"""
    current_state: int
    previous_state: int
    aux_state: int
    aux_state_status: int
    progress_percent: int
    reason_code: int
    update_option_flags_enabled: int
    def __init__(self, *, current_state: _Number = ..., previous_state: _Number = ..., aux_state: _Number = ..., aux_state_status: _Number = ..., progress_percent: _Number = ..., reason_code: _Number = ..., update_option_flags_enabled: _Number = ...) -> None: ...

class pass_component_table(Layer):
    """PassComponentTable request"""
    transfer_flag: int
    classification: int
    identifier: int
    classification_index: int
    comparison_stamp: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    component_response: int
    component_response_code: int
    def __init__(self, *, transfer_flag: _Number = ..., classification: _Number = ..., identifier: _Number = ..., classification_index: _Number = ..., comparison_stamp: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ..., component_response: _Number = ..., component_response_code: _Number = ...) -> None: ...

class pldm.fwup.pass_component_table_req(pass_component_table):
    """PassComponentTable request"""
    transfer_flag: int
    classification: int
    identifier: int
    classification_index: int
    comparison_stamp: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    def __init__(self, *, transfer_flag: _Number = ..., classification: _Number = ..., identifier: _Number = ..., classification_index: _Number = ..., comparison_stamp: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ...) -> None: ...

class pldm.fwup.pass_component_table_rsp(pass_component_table):
    """PassComponentTable response"""
    component_response: int
    component_response_code: int
    def __init__(self, *, component_response: _Number = ..., component_response_code: _Number = ...) -> None: ...

class query_device_identifiers(Layer):
    """QueryDeviceIdentifiers request"""
    device_identifiers_length: int
    descriptor_count: int
    descriptors: list[Record]
    def __init__(self, *, device_identifiers_length: _Number = ..., descriptor_count: _Number = ..., descriptors: _List = ...) -> None: ...

class pldm.fwup.query_device_identifiers_req(query_device_identifiers):
    """QueryDeviceIdentifiers request"""
    def __init__(self) -> None: ...

class pldm.fwup.query_device_identifiers_rsp(query_device_identifiers):
    """QueryDeviceIdentifiers response"""
    device_identifiers_length: int
    descriptor_count: int
    descriptors: list[Record]
    def __init__(self, *, device_identifiers_length: _Number = ..., descriptor_count: _Number = ..., descriptors: _List = ...) -> None: ...

class query_downstream_devices(Layer):
    """QueryDownstreamDevices request"""
    update_supported: int
    device_count: int
    max_device_count: int
    capabilities: int
    def __init__(self, *, update_supported: _Number = ..., device_count: _Number = ..., max_device_count: _Number = ..., capabilities: _Number = ...) -> None: ...

class pldm.fwup.query_downstream_devices_req(query_downstream_devices):
    """QueryDownstreamDevices request"""
    def __init__(self) -> None: ...

class pldm.fwup.query_downstream_devices_rsp(query_downstream_devices):
    """QueryDownstreamDevices response"""
    update_supported: int
    device_count: int
    max_device_count: int
    capabilities: int
    def __init__(self, *, update_supported: _Number = ..., device_count: _Number = ..., max_device_count: _Number = ..., capabilities: _Number = ...) -> None: ...

class query_downstream_identifiers(Layer):
    """QueryDownstreamIdentifiers request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    next_data_transfer_handle: int
    transfer_flag: int
    devices_length: int
    device_count: int
    devices: list[Record]
    portion: bytes
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ..., next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., devices_length: _Number = ..., device_count: _Number = ..., devices: _List = ..., portion: _Bytes = ...) -> None: ...

class pldm.fwup.query_downstream_identifiers_req(query_downstream_identifiers):
    """QueryDownstreamIdentifiers request"""
    data_transfer_handle: int
    transfer_operation_flag: int
    def __init__(self, *, data_transfer_handle: _Number = ..., transfer_operation_flag: _Number = ...) -> None: ...

class pldm.fwup.query_downstream_identifiers_rsp(query_downstream_identifiers):
    """QueryDownstreamIdentifiers response"""
    next_data_transfer_handle: int
    transfer_flag: int
    devices_length: int
    device_count: int
    devices: list[Record]
    portion: bytes
    def __init__(self, *, next_data_transfer_handle: _Number = ..., transfer_flag: _Number = ..., devices_length: _Number = ..., device_count: _Number = ..., devices: _List = ..., portion: _Bytes = ...) -> None: ...

class request_downstream_device_update(Layer):
    """RequestDownstreamDeviceUpdate request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.request_downstream_device_update_req(request_downstream_device_update):
    """RequestDownstreamDeviceUpdate request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.request_downstream_device_update_rsp(request_downstream_device_update):
    """RequestDownstreamDeviceUpdate response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class request_firmware_data(Layer):
    """RequestFirmwareData request"""
    offset: int
    length: int
    data: bytes
    def __init__(self, *, offset: _Number = ..., length: _Number = ..., data: _Bytes = ...) -> None: ...

class pldm.fwup.request_firmware_data_req(request_firmware_data):
    """RequestFirmwareData request"""
    offset: int
    length: int
    def __init__(self, *, offset: _Number = ..., length: _Number = ...) -> None: ...

class pldm.fwup.request_firmware_data_rsp(request_firmware_data):
    """RequestFirmwareData response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class request_update(Layer):
    """RequestUpdate request"""
    max_transfer_size: int
    num_components: int
    max_outstanding_requests: int
    package_data_length: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    fd_metadata_length: int
    fd_will_send_get_package_data: int
    def __init__(self, *, max_transfer_size: _Number = ..., num_components: _Number = ..., max_outstanding_requests: _Number = ..., package_data_length: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ..., fd_metadata_length: _Number = ..., fd_will_send_get_package_data: _Number = ...) -> None: ...

class pldm.fwup.request_update_req(request_update):
    """RequestUpdate request"""
    max_transfer_size: int
    num_components: int
    max_outstanding_requests: int
    package_data_length: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    def __init__(self, *, max_transfer_size: _Number = ..., num_components: _Number = ..., max_outstanding_requests: _Number = ..., package_data_length: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ...) -> None: ...

class pldm.fwup.request_update_rsp(request_update):
    """RequestUpdate response"""
    fd_metadata_length: int
    fd_will_send_get_package_data: int
    def __init__(self, *, fd_metadata_length: _Number = ..., fd_will_send_get_package_data: _Number = ...) -> None: ...

class transfer_complete(Layer):
    """TransferComplete request"""
    transfer_result: int
    def __init__(self, *, transfer_result: _Number = ...) -> None: ...

class pldm.fwup.transfer_complete_req(transfer_complete):
    """TransferComplete request"""
    transfer_result: int
    def __init__(self, *, transfer_result: _Number = ...) -> None: ...

class pldm.fwup.transfer_complete_rsp(transfer_complete):
    """TransferComplete response"""
    def __init__(self) -> None: ...

class update_component(Layer):
    """UpdateComponent request"""
    classification: int
    identifier: int
    classification_index: int
    comparison_stamp: int
    image_size: int
    update_option_flags: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    compatibility_response: int
    compatibility_response_code: int
    update_option_flags_enabled: int
    time_before_request_fw_data: int
    def __init__(self, *, classification: _Number = ..., identifier: _Number = ..., classification_index: _Number = ..., comparison_stamp: _Number = ..., image_size: _Number = ..., update_option_flags: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ..., compatibility_response: _Number = ..., compatibility_response_code: _Number = ..., update_option_flags_enabled: _Number = ..., time_before_request_fw_data: _Number = ...) -> None: ...

class pldm.fwup.update_component_req(update_component):
    """UpdateComponent request"""
    classification: int
    identifier: int
    classification_index: int
    comparison_stamp: int
    image_size: int
    update_option_flags: int
    ver_str_type: int
    ver_str_len: int
    ver_str: bytes
    def __init__(self, *, classification: _Number = ..., identifier: _Number = ..., classification_index: _Number = ..., comparison_stamp: _Number = ..., image_size: _Number = ..., update_option_flags: _Number = ..., ver_str_type: _Number = ..., ver_str_len: _Number = ..., ver_str: _Bytes = ...) -> None: ...

class pldm.fwup.update_component_rsp(update_component):
    """UpdateComponent response"""
    compatibility_response: int
    compatibility_response_code: int
    update_option_flags_enabled: int
    time_before_request_fw_data: int
    def __init__(self, *, compatibility_response: _Number = ..., compatibility_response_code: _Number = ..., update_option_flags_enabled: _Number = ..., time_before_request_fw_data: _Number = ...) -> None: ...

class update_security_revision(Layer):
    """UpdateSecurityRevision request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.update_security_revision_req(update_security_revision):
    """UpdateSecurityRevision request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.fwup.update_security_revision_rsp(update_security_revision):
    """UpdateSecurityRevision response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class verify_complete(Layer):
    """VerifyComplete request"""
    verify_result: int
    def __init__(self, *, verify_result: _Number = ...) -> None: ...

class pldm.fwup.verify_complete_req(verify_complete):
    """VerifyComplete request"""
    verify_result: int
    def __init__(self, *, verify_result: _Number = ...) -> None: ...

class pldm.fwup.verify_complete_rsp(verify_complete):
    """VerifyComplete response"""
    def __init__(self) -> None: ...

class get_event_receiver(Layer):
    """Get Event Receiver request"""
    protocol_type: int
    receiver_eid: int
    address: bytes
    def __init__(self, *, protocol_type: _Number = ..., receiver_eid: _Number = ..., address: _Bytes = ...) -> None: ...

class pldm.get_event_receiver_req(get_event_receiver):
    """Get Event Receiver request"""
    def __init__(self) -> None: ...

class pldm.get_event_receiver_rsp(get_event_receiver):
    """Get Event Receiver response"""
    protocol_type: int
    receiver_eid: int
    address: bytes
    def __init__(self, *, protocol_type: _Number = ..., receiver_eid: _Number = ..., address: _Bytes = ...) -> None: ...

class get_multipart_transfer_support(Layer):
    """Get Multipart Transfer Support request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_multipart_transfer_support_req(get_multipart_transfer_support):
    """Get Multipart Transfer Support request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_multipart_transfer_support_rsp(get_multipart_transfer_support):
    """Get Multipart Transfer Support response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_numeric_effecter_value(Layer):
    """Get Numeric Effecter Value request"""
    effecter_id: int
    effecter_data_size: int
    op_state: int
    pending_value_8: int
    pending_value_16: int
    pending_value_32: int
    present_value_8: int
    present_value_16: int
    present_value_32: int
    def __init__(self, *, effecter_id: _Number = ..., effecter_data_size: _Number = ..., op_state: _Number = ..., pending_value_8: _Number = ..., pending_value_16: _Number = ..., pending_value_32: _Number = ..., present_value_8: _Number = ..., present_value_16: _Number = ..., present_value_32: _Number = ...) -> None: ...

class pldm.get_numeric_effecter_value_req(get_numeric_effecter_value):
    """Get Numeric Effecter Value request"""
    effecter_id: int
    def __init__(self, *, effecter_id: _Number = ...) -> None: ...

class pldm.get_numeric_effecter_value_rsp(get_numeric_effecter_value):
    """Get Numeric Effecter Value response"""
    effecter_data_size: int
    op_state: int
    pending_value_8: int
    pending_value_16: int
    pending_value_32: int
    present_value_8: int
    present_value_16: int
    present_value_32: int
    def __init__(self, *, effecter_data_size: _Number = ..., op_state: _Number = ..., pending_value_8: _Number = ..., pending_value_16: _Number = ..., pending_value_32: _Number = ..., present_value_8: _Number = ..., present_value_16: _Number = ..., present_value_32: _Number = ...) -> None: ...

class get_pdr_repository_info(Layer):
    """Get PDR Repository Info request"""
    repository_state: int
    update_time: bytes
    oem_update_time: bytes
    record_count: int
    repository_size: int
    largest_record_size: int
    transfer_handle_timeout: int
    def __init__(self, *, repository_state: _Number = ..., update_time: _Bytes = ..., oem_update_time: _Bytes = ..., record_count: _Number = ..., repository_size: _Number = ..., largest_record_size: _Number = ..., transfer_handle_timeout: _Number = ...) -> None: ...

class pldm.get_pdr_repository_info_req(get_pdr_repository_info):
    """Get PDR Repository Info request"""
    def __init__(self) -> None: ...

class pldm.get_pdr_repository_info_rsp(get_pdr_repository_info):
    """Get PDR Repository Info response"""
    repository_state: int
    update_time: bytes
    oem_update_time: bytes
    record_count: int
    repository_size: int
    largest_record_size: int
    transfer_handle_timeout: int
    def __init__(self, *, repository_state: _Number = ..., update_time: _Bytes = ..., oem_update_time: _Bytes = ..., record_count: _Number = ..., repository_size: _Number = ..., largest_record_size: _Number = ..., transfer_handle_timeout: _Number = ...) -> None: ...

class get_pdr_repository_signature(Layer):
    """Get PDR Repository Signature request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pdr_repository_signature_req(get_pdr_repository_signature):
    """Get PDR Repository Signature request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pdr_repository_signature_rsp(get_pdr_repository_signature):
    """Get PDR Repository Signature response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_pdr(Layer):
    """Get PDR request"""
    record_handle: int
    transfer_handle: int
    transfer_op: int
    request_count: int
    record_change_number: int
    next_record_handle: int
    next_transfer_handle: int
    transfer_flag: int
    response_count: int
    transfer_crc: int
    def __init__(self, *, record_handle: _Number = ..., transfer_handle: _Number = ..., transfer_op: _Number = ..., request_count: _Number = ..., record_change_number: _Number = ..., next_record_handle: _Number = ..., next_transfer_handle: _Number = ..., transfer_flag: _Number = ..., response_count: _Number = ..., transfer_crc: _Number = ...) -> None: ...

class pldm.get_pdr_req(get_pdr):
    """Get PDR request"""
    record_handle: int
    transfer_handle: int
    transfer_op: int
    request_count: int
    record_change_number: int
    def __init__(self, *, record_handle: _Number = ..., transfer_handle: _Number = ..., transfer_op: _Number = ..., request_count: _Number = ..., record_change_number: _Number = ...) -> None: ...

class pldm.get_pdr_rsp(get_pdr):
    """Get PDR response"""
    next_record_handle: int
    next_transfer_handle: int
    transfer_flag: int
    response_count: int
    transfer_crc: int
    def __init__(self, *, next_record_handle: _Number = ..., next_transfer_handle: _Number = ..., transfer_flag: _Number = ..., response_count: _Number = ..., transfer_crc: _Number = ...) -> None: ...

class get_pldm_commands(Layer):
    """Get PLDM Commands request"""
    type: int
    version: int
    commands: bytes
    def __init__(self, *, type: _Number = ..., version: _Number = ..., commands: _Bytes = ...) -> None: ...

class pldm.get_pldm_commands_req(get_pldm_commands):
    """Get PLDM Commands request"""
    type: int
    version: int
    def __init__(self, *, type: _Number = ..., version: _Number = ...) -> None: ...

class pldm.get_pldm_commands_rsp(get_pldm_commands):
    """Get PLDM Commands response"""
    commands: bytes
    def __init__(self, *, commands: _Bytes = ...) -> None: ...

class get_pldm_event_log_info(Layer):
    """Get PLDM Event Log Info request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_info_req(get_pldm_event_log_info):
    """Get PLDM Event Log Info request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_info_rsp(get_pldm_event_log_info):
    """Get PLDM Event Log Info response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_pldm_event_log_policy_info(Layer):
    """Get PLDM Event Log Policy Info request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_policy_info_req(get_pldm_event_log_policy_info):
    """Get PLDM Event Log Policy Info request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_policy_info_rsp(get_pldm_event_log_policy_info):
    """Get PLDM Event Log Policy Info response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_pldm_event_log_timestamp(Layer):
    """Get PLDM Event Log Timestamp request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_timestamp_req(get_pldm_event_log_timestamp):
    """Get PLDM Event Log Timestamp request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_pldm_event_log_timestamp_rsp(get_pldm_event_log_timestamp):
    """Get PLDM Event Log Timestamp response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_pldm_types(Layer):
    """Get PLDM Types request"""
    types: int
    def __init__(self, *, types: _Number = ...) -> None: ...

class pldm.get_pldm_types_req(get_pldm_types):
    """Get PLDM Types request"""
    def __init__(self) -> None: ...

class pldm.get_pldm_types_rsp(get_pldm_types):
    """Get PLDM Types response"""
    types: int
    def __init__(self, *, types: _Number = ...) -> None: ...

class get_pldm_version(Layer):
    """Get PLDM Version request"""
    transfer_handle: int
    transfer_op: int
    type: int
    next_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, transfer_handle: _Number = ..., transfer_op: _Number = ..., type: _Number = ..., next_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class pldm.get_pldm_version_req(get_pldm_version):
    """Get PLDM Version request"""
    transfer_handle: int
    transfer_op: int
    type: int
    def __init__(self, *, transfer_handle: _Number = ..., transfer_op: _Number = ..., type: _Number = ...) -> None: ...

class pldm.get_pldm_version_rsp(get_pldm_version):
    """Get PLDM Version response"""
    next_transfer_handle: int
    transfer_flag: int
    def __init__(self, *, next_transfer_handle: _Number = ..., transfer_flag: _Number = ...) -> None: ...

class get_sensor_hysteresis(Layer):
    """Get Sensor Hysteresis request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_sensor_hysteresis_req(get_sensor_hysteresis):
    """Get Sensor Hysteresis request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_sensor_hysteresis_rsp(get_sensor_hysteresis):
    """Get Sensor Hysteresis response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_sensor_reading(Layer):
    """Get Sensor Reading request"""
    sensor_id: int
    rearm_event_state: int
    sensor_data_size: int
    op_state: int
    event_message_enable: int
    present_state: int
    previous_state: int
    event_state: int
    present_reading_8: int
    present_reading_16: int
    present_reading_32: int
    def __init__(self, *, sensor_id: _Number = ..., rearm_event_state: _Number = ..., sensor_data_size: _Number = ..., op_state: _Number = ..., event_message_enable: _Number = ..., present_state: _Number = ..., previous_state: _Number = ..., event_state: _Number = ..., present_reading_8: _Number = ..., present_reading_16: _Number = ..., present_reading_32: _Number = ...) -> None: ...

class pldm.get_sensor_reading_req(get_sensor_reading):
    """Get Sensor Reading request"""
    sensor_id: int
    rearm_event_state: int
    def __init__(self, *, sensor_id: _Number = ..., rearm_event_state: _Number = ...) -> None: ...

class pldm.get_sensor_reading_rsp(get_sensor_reading):
    """Get Sensor Reading response"""
    sensor_data_size: int
    op_state: int
    event_message_enable: int
    present_state: int
    previous_state: int
    event_state: int
    present_reading_8: int
    present_reading_16: int
    present_reading_32: int
    def __init__(self, *, sensor_data_size: _Number = ..., op_state: _Number = ..., event_message_enable: _Number = ..., present_state: _Number = ..., previous_state: _Number = ..., event_state: _Number = ..., present_reading_8: _Number = ..., present_reading_16: _Number = ..., present_reading_32: _Number = ...) -> None: ...

class get_sensor_thresholds(Layer):
    """Get Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_sensor_thresholds_req(get_sensor_thresholds):
    """Get Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.get_sensor_thresholds_rsp(get_sensor_thresholds):
    """Get Sensor Thresholds response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_state_effecter_states(Layer):
    """Get State Effecter States request"""
    effecter_id: int
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, effecter_id: _Number = ..., composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class pldm.get_state_effecter_states_req(get_state_effecter_states):
    """Get State Effecter States request"""
    effecter_id: int
    def __init__(self, *, effecter_id: _Number = ...) -> None: ...

class pldm.get_state_effecter_states_rsp(get_state_effecter_states):
    """Get State Effecter States response"""
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class get_state_sensor_readings(Layer):
    """Get State Sensor Readings request"""
    sensor_id: int
    sensor_rearm: int
    reserved: int
    composite_count: int
    sensors: list[Record]
    def __init__(self, *, sensor_id: _Number = ..., sensor_rearm: _Number = ..., reserved: _Number = ..., composite_count: _Number = ..., sensors: _List = ...) -> None: ...

class pldm.get_state_sensor_readings_req(get_state_sensor_readings):
    """Get State Sensor Readings request"""
    sensor_id: int
    sensor_rearm: int
    reserved: int
    def __init__(self, *, sensor_id: _Number = ..., sensor_rearm: _Number = ..., reserved: _Number = ...) -> None: ...

class pldm.get_state_sensor_readings_rsp(get_state_sensor_readings):
    """Get State Sensor Readings response"""
    composite_count: int
    sensors: list[Record]
    def __init__(self, *, composite_count: _Number = ..., sensors: _List = ...) -> None: ...

class get_terminus_uid(Layer):
    """Get Terminus UID request"""
    uid: bytes
    def __init__(self, *, uid: _Bytes = ...) -> None: ...

class pldm.get_terminus_uid_req(get_terminus_uid):
    """Get Terminus UID request"""
    def __init__(self) -> None: ...

class pldm.get_terminus_uid_rsp(get_terminus_uid):
    """Get Terminus UID response"""
    uid: bytes
    def __init__(self, *, uid: _Bytes = ...) -> None: ...

class get_tid(Layer):
    """Get TID request"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.get_tid_req(get_tid):
    """Get TID request"""
    def __init__(self) -> None: ...

class pldm.get_tid_rsp(get_tid):
    """Get TID response"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class heartbeat_event(Layer):
    """Heartbeat timer elapsed event data"""
    format_version: int
    sequence_number: int
    def __init__(self, *, format_version: _Number = ..., sequence_number: _Number = ...) -> None: ...

class pldm.heartbeat_event(heartbeat_event):
    """Heartbeat timer elapsed event data"""
    format_version: int
    sequence_number: int
    def __init__(self, *, format_version: _Number = ..., sequence_number: _Number = ...) -> None: ...

class init_numeric_sensor(Layer):
    """Init Numeric Sensor request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.init_numeric_sensor_req(init_numeric_sensor):
    """Init Numeric Sensor request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.init_numeric_sensor_rsp(init_numeric_sensor):
    """Init Numeric Sensor response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class init_state_sensor(Layer):
    """Init State Sensor request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.init_state_sensor_req(init_state_sensor):
    """Init State Sensor request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.init_state_sensor_rsp(init_state_sensor):
    """Init State Sensor response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class message_poll_event(Layer):
    """Message poll event data"""
    format_version: int
    event_id: int
    data_transfer_handle: int
    def __init__(self, *, format_version: _Number = ..., event_id: _Number = ..., data_transfer_handle: _Number = ...) -> None: ...

class pldm.message_poll_event(message_poll_event):
    """Message poll event data"""
    format_version: int
    event_id: int
    data_transfer_handle: int
    def __init__(self, *, format_version: _Number = ..., event_id: _Number = ..., data_transfer_handle: _Number = ...) -> None: ...

class multipart_receive(Layer):
    """Multipart Receive request"""
    type: int
    transfer_op: int
    transfer_context: int
    transfer_handle: int
    section_offset: int
    section_length: int
    transfer_flag: int
    next_transfer_handle: int
    data_length: int
    data: bytes
    checksum: int
    def __init__(self, *, type: _Number = ..., transfer_op: _Number = ..., transfer_context: _Number = ..., transfer_handle: _Number = ..., section_offset: _Number = ..., section_length: _Number = ..., transfer_flag: _Number = ..., next_transfer_handle: _Number = ..., data_length: _Number = ..., data: _Bytes = ..., checksum: _Number = ...) -> None: ...

class pldm.multipart_receive_req(multipart_receive):
    """Multipart Receive request"""
    type: int
    transfer_op: int
    transfer_context: int
    transfer_handle: int
    section_offset: int
    section_length: int
    def __init__(self, *, type: _Number = ..., transfer_op: _Number = ..., transfer_context: _Number = ..., transfer_handle: _Number = ..., section_offset: _Number = ..., section_length: _Number = ...) -> None: ...

class pldm.multipart_receive_rsp(multipart_receive):
    """Multipart Receive response"""
    transfer_flag: int
    next_transfer_handle: int
    data_length: int
    data: bytes
    checksum: int
    def __init__(self, *, transfer_flag: _Number = ..., next_transfer_handle: _Number = ..., data_length: _Number = ..., data: _Bytes = ..., checksum: _Number = ...) -> None: ...

class multipart_send(Layer):
    """Multipart Send request"""
    type: int
    transfer_flag: int
    transfer_context: int
    transfer_handle: int
    next_transfer_handle: int
    section_offset: int
    section_length: int
    data_length: int
    data: bytes
    checksum: int
    next_transfer_op: int
    def __init__(self, *, type: _Number = ..., transfer_flag: _Number = ..., transfer_context: _Number = ..., transfer_handle: _Number = ..., next_transfer_handle: _Number = ..., section_offset: _Number = ..., section_length: _Number = ..., data_length: _Number = ..., data: _Bytes = ..., checksum: _Number = ..., next_transfer_op: _Number = ...) -> None: ...

class pldm.multipart_send_req(multipart_send):
    """Multipart Send request"""
    type: int
    transfer_flag: int
    transfer_context: int
    transfer_handle: int
    next_transfer_handle: int
    section_offset: int
    section_length: int
    data_length: int
    data: bytes
    checksum: int
    def __init__(self, *, type: _Number = ..., transfer_flag: _Number = ..., transfer_context: _Number = ..., transfer_handle: _Number = ..., next_transfer_handle: _Number = ..., section_offset: _Number = ..., section_length: _Number = ..., data_length: _Number = ..., data: _Bytes = ..., checksum: _Number = ...) -> None: ...

class pldm.multipart_send_rsp(multipart_send):
    """Multipart Send response"""
    next_transfer_op: int
    def __init__(self, *, next_transfer_op: _Number = ...) -> None: ...

class negotiate_transfer_parameters(Layer):
    """Negotiate Transfer Parameters request"""
    part_size: int
    protocol_support: int
    def __init__(self, *, part_size: _Number = ..., protocol_support: _Number = ...) -> None: ...

class pldm.negotiate_transfer_parameters_req(negotiate_transfer_parameters):
    """Negotiate Transfer Parameters request"""
    part_size: int
    protocol_support: int
    def __init__(self, *, part_size: _Number = ..., protocol_support: _Number = ...) -> None: ...

class pldm.negotiate_transfer_parameters_rsp(negotiate_transfer_parameters):
    """Negotiate Transfer Parameters response"""
    part_size: int
    protocol_support: int
    def __init__(self, *, part_size: _Number = ..., protocol_support: _Number = ...) -> None: ...

class oem_echo(Layer):
    """OEMEcho request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.oem.oem_echo_req(oem_echo):
    """OEMEcho request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.oem.oem_echo_rsp(oem_echo):
    """OEMEcho response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class oem_ipmi_bridge(Layer):
    """OEMIPMIBridge request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.oem.oem_ipmi_bridge_req(oem_ipmi_bridge):
    """OEMIPMIBridge request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.oem.oem_ipmi_bridge_rsp(oem_ipmi_bridge):
    """OEMIPMIBridge response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pdr(Layer):
    """PDR common header"""
    record_handle: int
    header_version: int
    pdr_type: int
    record_change_number: int
    data_length: int
    def __init__(self, *, record_handle: _Number = ..., header_version: _Number = ..., pdr_type: _Number = ..., record_change_number: _Number = ..., data_length: _Number = ...) -> None: ...

class pldm.pdr(pdr):
    """PDR common header"""
    record_handle: int
    header_version: int
    pdr_type: int
    record_change_number: int
    data_length: int
    def __init__(self, *, record_handle: _Number = ..., header_version: _Number = ..., pdr_type: _Number = ..., record_change_number: _Number = ..., data_length: _Number = ...) -> None: ...

class compact_numeric_sensor_pdr(Layer):
    """Compact numeric sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_name_length: int
    base_unit: int
    unit_modifier: int
    occurrence_rate: int
    range_field_support: int
    warning_high: int
    warning_low: int
    critical_high: int
    critical_low: int
    fatal_high: int
    fatal_low: int
    sensor_name: bytes
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_name_length: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., occurrence_rate: _Number = ..., range_field_support: _Number = ..., warning_high: _Number = ..., warning_low: _Number = ..., critical_high: _Number = ..., critical_low: _Number = ..., fatal_high: _Number = ..., fatal_low: _Number = ..., sensor_name: _Bytes = ...) -> None: ...

class pldm.pdr.compact_numeric_sensor(compact_numeric_sensor_pdr):
    """Compact numeric sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_name_length: int
    base_unit: int
    unit_modifier: int
    occurrence_rate: int
    range_field_support: int
    warning_high: int
    warning_low: int
    critical_high: int
    critical_low: int
    fatal_high: int
    fatal_low: int
    sensor_name: bytes
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_name_length: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., occurrence_rate: _Number = ..., range_field_support: _Number = ..., warning_high: _Number = ..., warning_low: _Number = ..., critical_high: _Number = ..., critical_low: _Number = ..., fatal_high: _Number = ..., fatal_low: _Number = ..., sensor_name: _Bytes = ...) -> None: ...

class effecter_auxiliary_names_pdr(Layer):
    """Effecter auxiliary names PDR"""
    terminus_handle: int
    effecter_id: int
    effecter_count: int
    names: bytes
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., effecter_count: _Number = ..., names: _Bytes = ...) -> None: ...

class pldm.pdr.effecter_auxiliary_names(effecter_auxiliary_names_pdr):
    """Effecter auxiliary names PDR"""
    terminus_handle: int
    effecter_id: int
    effecter_count: int
    names: bytes
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., effecter_count: _Number = ..., names: _Bytes = ...) -> None: ...

class entity_association_pdr(Layer):
    """Entity association PDR"""
    container_id: int
    association_type: int
    container_entity_type: int
    container_entity_instance: int
    container_entity_container_id: int
    contained_count: int
    contained: list[Record]
    def __init__(self, *, container_id: _Number = ..., association_type: _Number = ..., container_entity_type: _Number = ..., container_entity_instance: _Number = ..., container_entity_container_id: _Number = ..., contained_count: _Number = ..., contained: _List = ...) -> None: ...

class pldm.pdr.entity_association(entity_association_pdr):
    """Entity association PDR"""
    container_id: int
    association_type: int
    container_entity_type: int
    container_entity_instance: int
    container_entity_container_id: int
    contained_count: int
    contained: list[Record]
    def __init__(self, *, container_id: _Number = ..., association_type: _Number = ..., container_entity_type: _Number = ..., container_entity_instance: _Number = ..., container_entity_container_id: _Number = ..., contained_count: _Number = ..., contained: _List = ...) -> None: ...

class fru_record_set_pdr(Layer):
    """FRU record set PDR"""
    terminus_handle: int
    fru_rsi: int
    entity_type: int
    entity_instance: int
    container_id: int
    def __init__(self, *, terminus_handle: _Number = ..., fru_rsi: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ...) -> None: ...

class pldm.pdr.fru_record_set(fru_record_set_pdr):
    """FRU record set PDR"""
    terminus_handle: int
    fru_rsi: int
    entity_type: int
    entity_instance: int
    container_id: int
    def __init__(self, *, terminus_handle: _Number = ..., fru_rsi: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ...) -> None: ...

class numeric_effecter_pdr(Layer):
    """Numeric effecter PDR"""
    terminus_handle: int
    effecter_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    effecter_semantic_id: int
    effecter_init: int
    aux_names_pdr: int
    base_unit: int
    unit_modifier: int
    rate_unit: int
    base_oem_unit_handle: int
    aux_unit: int
    aux_unit_modifier: int
    aux_rate_unit: int
    aux_oem_unit_handle: int
    is_linear: int
    effecter_data_size: int
    resolution: int
    offset: int
    accuracy: int
    plus_tolerance: int
    minus_tolerance: int
    state_transition_interval: int
    transition_interval: int
    max_settable_8: int
    max_settable_16: int
    max_settable_32: int
    min_settable_8: int
    min_settable_16: int
    min_settable_32: int
    range_field_format: int
    range_field_support: int
    nominal_value_8: int
    nominal_value_16: int
    nominal_value_32: int
    normal_max_8: int
    normal_max_16: int
    normal_max_32: int
    normal_min_8: int
    normal_min_16: int
    normal_min_32: int
    rated_max_8: int
    rated_max_16: int
    rated_max_32: int
    rated_min_8: int
    rated_min_16: int
    rated_min_32: int
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., effecter_semantic_id: _Number = ..., effecter_init: _Number = ..., aux_names_pdr: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., rate_unit: _Number = ..., base_oem_unit_handle: _Number = ..., aux_unit: _Number = ..., aux_unit_modifier: _Number = ..., aux_rate_unit: _Number = ..., aux_oem_unit_handle: _Number = ..., is_linear: _Number = ..., effecter_data_size: _Number = ..., resolution: _Number = ..., offset: _Number = ..., accuracy: _Number = ..., plus_tolerance: _Number = ..., minus_tolerance: _Number = ..., state_transition_interval: _Number = ..., transition_interval: _Number = ..., max_settable_8: _Number = ..., max_settable_16: _Number = ..., max_settable_32: _Number = ..., min_settable_8: _Number = ..., min_settable_16: _Number = ..., min_settable_32: _Number = ..., range_field_format: _Number = ..., range_field_support: _Number = ..., nominal_value_8: _Number = ..., nominal_value_16: _Number = ..., nominal_value_32: _Number = ..., normal_max_8: _Number = ..., normal_max_16: _Number = ..., normal_max_32: _Number = ..., normal_min_8: _Number = ..., normal_min_16: _Number = ..., normal_min_32: _Number = ..., rated_max_8: _Number = ..., rated_max_16: _Number = ..., rated_max_32: _Number = ..., rated_min_8: _Number = ..., rated_min_16: _Number = ..., rated_min_32: _Number = ...) -> None: ...

class pldm.pdr.numeric_effecter(numeric_effecter_pdr):
    """Numeric effecter PDR"""
    terminus_handle: int
    effecter_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    effecter_semantic_id: int
    effecter_init: int
    aux_names_pdr: int
    base_unit: int
    unit_modifier: int
    rate_unit: int
    base_oem_unit_handle: int
    aux_unit: int
    aux_unit_modifier: int
    aux_rate_unit: int
    aux_oem_unit_handle: int
    is_linear: int
    effecter_data_size: int
    resolution: int
    offset: int
    accuracy: int
    plus_tolerance: int
    minus_tolerance: int
    state_transition_interval: int
    transition_interval: int
    max_settable_8: int
    max_settable_16: int
    max_settable_32: int
    min_settable_8: int
    min_settable_16: int
    min_settable_32: int
    range_field_format: int
    range_field_support: int
    nominal_value_8: int
    nominal_value_16: int
    nominal_value_32: int
    normal_max_8: int
    normal_max_16: int
    normal_max_32: int
    normal_min_8: int
    normal_min_16: int
    normal_min_32: int
    rated_max_8: int
    rated_max_16: int
    rated_max_32: int
    rated_min_8: int
    rated_min_16: int
    rated_min_32: int
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., effecter_semantic_id: _Number = ..., effecter_init: _Number = ..., aux_names_pdr: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., rate_unit: _Number = ..., base_oem_unit_handle: _Number = ..., aux_unit: _Number = ..., aux_unit_modifier: _Number = ..., aux_rate_unit: _Number = ..., aux_oem_unit_handle: _Number = ..., is_linear: _Number = ..., effecter_data_size: _Number = ..., resolution: _Number = ..., offset: _Number = ..., accuracy: _Number = ..., plus_tolerance: _Number = ..., minus_tolerance: _Number = ..., state_transition_interval: _Number = ..., transition_interval: _Number = ..., max_settable_8: _Number = ..., max_settable_16: _Number = ..., max_settable_32: _Number = ..., min_settable_8: _Number = ..., min_settable_16: _Number = ..., min_settable_32: _Number = ..., range_field_format: _Number = ..., range_field_support: _Number = ..., nominal_value_8: _Number = ..., nominal_value_16: _Number = ..., nominal_value_32: _Number = ..., normal_max_8: _Number = ..., normal_max_16: _Number = ..., normal_max_32: _Number = ..., normal_min_8: _Number = ..., normal_min_16: _Number = ..., normal_min_32: _Number = ..., rated_max_8: _Number = ..., rated_max_16: _Number = ..., rated_max_32: _Number = ..., rated_min_8: _Number = ..., rated_min_16: _Number = ..., rated_min_32: _Number = ...) -> None: ...

class numeric_sensor_pdr(Layer):
    """Numeric sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_init: int
    aux_names_pdr: int
    base_unit: int
    unit_modifier: int
    rate_unit: int
    base_oem_unit_handle: int
    aux_unit: int
    aux_unit_modifier: int
    aux_rate_unit: int
    rel: int
    aux_oem_unit_handle: int
    is_linear: int
    sensor_data_size: int
    resolution: int
    offset: int
    accuracy: int
    plus_tolerance: int
    minus_tolerance: int
    hysteresis_8: int
    hysteresis_16: int
    hysteresis_32: int
    supported_thresholds: int
    threshold_volatility: int
    state_transition_interval: int
    update_interval: int
    max_readable_8: int
    max_readable_16: int
    max_readable_32: int
    min_readable_8: int
    min_readable_16: int
    min_readable_32: int
    range_field_format: int
    range_field_support: int
    nominal_value_8: int
    nominal_value_16: int
    nominal_value_32: int
    normal_max_8: int
    normal_max_16: int
    normal_max_32: int
    normal_min_8: int
    normal_min_16: int
    normal_min_32: int
    warning_high_8: int
    warning_high_16: int
    warning_high_32: int
    warning_low_8: int
    warning_low_16: int
    warning_low_32: int
    critical_high_8: int
    critical_high_16: int
    critical_high_32: int
    critical_low_8: int
    critical_low_16: int
    critical_low_32: int
    fatal_high_8: int
    fatal_high_16: int
    fatal_high_32: int
    fatal_low_8: int
    fatal_low_16: int
    fatal_low_32: int
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_init: _Number = ..., aux_names_pdr: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., rate_unit: _Number = ..., base_oem_unit_handle: _Number = ..., aux_unit: _Number = ..., aux_unit_modifier: _Number = ..., aux_rate_unit: _Number = ..., rel: _Number = ..., aux_oem_unit_handle: _Number = ..., is_linear: _Number = ..., sensor_data_size: _Number = ..., resolution: _Number = ..., offset: _Number = ..., accuracy: _Number = ..., plus_tolerance: _Number = ..., minus_tolerance: _Number = ..., hysteresis_8: _Number = ..., hysteresis_16: _Number = ..., hysteresis_32: _Number = ..., supported_thresholds: _Number = ..., threshold_volatility: _Number = ..., state_transition_interval: _Number = ..., update_interval: _Number = ..., max_readable_8: _Number = ..., max_readable_16: _Number = ..., max_readable_32: _Number = ..., min_readable_8: _Number = ..., min_readable_16: _Number = ..., min_readable_32: _Number = ..., range_field_format: _Number = ..., range_field_support: _Number = ..., nominal_value_8: _Number = ..., nominal_value_16: _Number = ..., nominal_value_32: _Number = ..., normal_max_8: _Number = ..., normal_max_16: _Number = ..., normal_max_32: _Number = ..., normal_min_8: _Number = ..., normal_min_16: _Number = ..., normal_min_32: _Number = ..., warning_high_8: _Number = ..., warning_high_16: _Number = ..., warning_high_32: _Number = ..., warning_low_8: _Number = ..., warning_low_16: _Number = ..., warning_low_32: _Number = ..., critical_high_8: _Number = ..., critical_high_16: _Number = ..., critical_high_32: _Number = ..., critical_low_8: _Number = ..., critical_low_16: _Number = ..., critical_low_32: _Number = ..., fatal_high_8: _Number = ..., fatal_high_16: _Number = ..., fatal_high_32: _Number = ..., fatal_low_8: _Number = ..., fatal_low_16: _Number = ..., fatal_low_32: _Number = ...) -> None: ...

class pldm.pdr.numeric_sensor(numeric_sensor_pdr):
    """Numeric sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_init: int
    aux_names_pdr: int
    base_unit: int
    unit_modifier: int
    rate_unit: int
    base_oem_unit_handle: int
    aux_unit: int
    aux_unit_modifier: int
    aux_rate_unit: int
    rel: int
    aux_oem_unit_handle: int
    is_linear: int
    sensor_data_size: int
    resolution: int
    offset: int
    accuracy: int
    plus_tolerance: int
    minus_tolerance: int
    hysteresis_8: int
    hysteresis_16: int
    hysteresis_32: int
    supported_thresholds: int
    threshold_volatility: int
    state_transition_interval: int
    update_interval: int
    max_readable_8: int
    max_readable_16: int
    max_readable_32: int
    min_readable_8: int
    min_readable_16: int
    min_readable_32: int
    range_field_format: int
    range_field_support: int
    nominal_value_8: int
    nominal_value_16: int
    nominal_value_32: int
    normal_max_8: int
    normal_max_16: int
    normal_max_32: int
    normal_min_8: int
    normal_min_16: int
    normal_min_32: int
    warning_high_8: int
    warning_high_16: int
    warning_high_32: int
    warning_low_8: int
    warning_low_16: int
    warning_low_32: int
    critical_high_8: int
    critical_high_16: int
    critical_high_32: int
    critical_low_8: int
    critical_low_16: int
    critical_low_32: int
    fatal_high_8: int
    fatal_high_16: int
    fatal_high_32: int
    fatal_low_8: int
    fatal_low_16: int
    fatal_low_32: int
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_init: _Number = ..., aux_names_pdr: _Number = ..., base_unit: _Number = ..., unit_modifier: _Number = ..., rate_unit: _Number = ..., base_oem_unit_handle: _Number = ..., aux_unit: _Number = ..., aux_unit_modifier: _Number = ..., aux_rate_unit: _Number = ..., rel: _Number = ..., aux_oem_unit_handle: _Number = ..., is_linear: _Number = ..., sensor_data_size: _Number = ..., resolution: _Number = ..., offset: _Number = ..., accuracy: _Number = ..., plus_tolerance: _Number = ..., minus_tolerance: _Number = ..., hysteresis_8: _Number = ..., hysteresis_16: _Number = ..., hysteresis_32: _Number = ..., supported_thresholds: _Number = ..., threshold_volatility: _Number = ..., state_transition_interval: _Number = ..., update_interval: _Number = ..., max_readable_8: _Number = ..., max_readable_16: _Number = ..., max_readable_32: _Number = ..., min_readable_8: _Number = ..., min_readable_16: _Number = ..., min_readable_32: _Number = ..., range_field_format: _Number = ..., range_field_support: _Number = ..., nominal_value_8: _Number = ..., nominal_value_16: _Number = ..., nominal_value_32: _Number = ..., normal_max_8: _Number = ..., normal_max_16: _Number = ..., normal_max_32: _Number = ..., normal_min_8: _Number = ..., normal_min_16: _Number = ..., normal_min_32: _Number = ..., warning_high_8: _Number = ..., warning_high_16: _Number = ..., warning_high_32: _Number = ..., warning_low_8: _Number = ..., warning_low_16: _Number = ..., warning_low_32: _Number = ..., critical_high_8: _Number = ..., critical_high_16: _Number = ..., critical_high_32: _Number = ..., critical_low_8: _Number = ..., critical_low_16: _Number = ..., critical_low_32: _Number = ..., fatal_high_8: _Number = ..., fatal_high_16: _Number = ..., fatal_high_32: _Number = ..., fatal_low_8: _Number = ..., fatal_low_16: _Number = ..., fatal_low_32: _Number = ...) -> None: ...

class sensor_auxiliary_names_pdr(Layer):
    """Sensor auxiliary names PDR"""
    terminus_handle: int
    sensor_id: int
    sensor_count: int
    names: bytes
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., sensor_count: _Number = ..., names: _Bytes = ...) -> None: ...

class pldm.pdr.sensor_auxiliary_names(sensor_auxiliary_names_pdr):
    """Sensor auxiliary names PDR"""
    terminus_handle: int
    sensor_id: int
    sensor_count: int
    names: bytes
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., sensor_count: _Number = ..., names: _Bytes = ...) -> None: ...

class state_effecter_pdr(Layer):
    """State effecter PDR"""
    terminus_handle: int
    effecter_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    effecter_semantic_id: int
    effecter_init: int
    description_pdr: int
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., effecter_semantic_id: _Number = ..., effecter_init: _Number = ..., description_pdr: _Number = ..., composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class pldm.pdr.state_effecter(state_effecter_pdr):
    """State effecter PDR"""
    terminus_handle: int
    effecter_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    effecter_semantic_id: int
    effecter_init: int
    description_pdr: int
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, terminus_handle: _Number = ..., effecter_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., effecter_semantic_id: _Number = ..., effecter_init: _Number = ..., description_pdr: _Number = ..., composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class state_sensor_pdr(Layer):
    """State sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_init: int
    aux_names_pdr: int
    composite_count: int
    sensors: list[Record]
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_init: _Number = ..., aux_names_pdr: _Number = ..., composite_count: _Number = ..., sensors: _List = ...) -> None: ...

class pldm.pdr.state_sensor(state_sensor_pdr):
    """State sensor PDR"""
    terminus_handle: int
    sensor_id: int
    entity_type: int
    entity_instance: int
    container_id: int
    sensor_init: int
    aux_names_pdr: int
    composite_count: int
    sensors: list[Record]
    def __init__(self, *, terminus_handle: _Number = ..., sensor_id: _Number = ..., entity_type: _Number = ..., entity_instance: _Number = ..., container_id: _Number = ..., sensor_init: _Number = ..., aux_names_pdr: _Number = ..., composite_count: _Number = ..., sensors: _List = ...) -> None: ...

class terminus_locator_pdr(Layer):
    """Terminus locator PDR"""
    terminus_handle: int
    validity: int
    tid: int
    container_id: int
    locator_type: int
    locator_value_size: int
    locator_value: bytes
    def __init__(self, *, terminus_handle: _Number = ..., validity: _Number = ..., tid: _Number = ..., container_id: _Number = ..., locator_type: _Number = ..., locator_value_size: _Number = ..., locator_value: _Bytes = ...) -> None: ...

class pldm.pdr.terminus_locator(terminus_locator_pdr):
    """Terminus locator PDR"""
    terminus_handle: int
    validity: int
    tid: int
    container_id: int
    locator_type: int
    locator_value_size: int
    locator_value: bytes
    def __init__(self, *, terminus_handle: _Number = ..., validity: _Number = ..., tid: _Number = ..., container_id: _Number = ..., locator_type: _Number = ..., locator_value_size: _Number = ..., locator_value: _Bytes = ...) -> None: ...

class pdr_repository_change_event(Layer):
    """PDR repository change event data"""
    event_data_format: int
    record_count: int
    records: list[Record]
    def __init__(self, *, event_data_format: _Number = ..., record_count: _Number = ..., records: _List = ...) -> None: ...

class pldm.pdr_repository_change_event(pdr_repository_change_event):
    """PDR repository change event data"""
    event_data_format: int
    record_count: int
    records: list[Record]
    def __init__(self, *, event_data_format: _Number = ..., record_count: _Number = ..., records: _List = ...) -> None: ...

class platform_event_message(Layer):
    """Platform Event Message request"""
    format_version: int
    tid: int
    event_class: int
    status: int
    def __init__(self, *, format_version: _Number = ..., tid: _Number = ..., event_class: _Number = ..., status: _Number = ...) -> None: ...

class pldm.platform_event_message_req(platform_event_message):
    """Platform Event Message request"""
    format_version: int
    tid: int
    event_class: int
    def __init__(self, *, format_version: _Number = ..., tid: _Number = ..., event_class: _Number = ...) -> None: ...

class pldm.platform_event_message_rsp(platform_event_message):
    """Platform Event Message response"""
    status: int
    def __init__(self, *, status: _Number = ...) -> None: ...

class platform_get_tid(Layer):
    """Get TID request (platform)"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.platform_get_tid_req(platform_get_tid):
    """Get TID request (platform)"""
    def __init__(self) -> None: ...

class pldm.platform_get_tid_rsp(platform_get_tid):
    """Get TID response (platform)"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class platform_set_tid(Layer):
    """Set TID request (platform)"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.platform_set_tid_req(platform_set_tid):
    """Set TID request (platform)"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.platform_set_tid_rsp(platform_set_tid):
    """Set TID response (platform)"""
    def __init__(self) -> None: ...

class poll_for_platform_event_message(Layer):
    """Poll For Platform Event Message request"""
    format_version: int
    transfer_op: int
    transfer_handle: int
    event_id_to_ack: int
    tid: int
    event_id: int
    next_transfer_handle: int
    transfer_flag: int
    event_class: int
    event_data_size: int
    event_data_crc: int
    def __init__(self, *, format_version: _Number = ..., transfer_op: _Number = ..., transfer_handle: _Number = ..., event_id_to_ack: _Number = ..., tid: _Number = ..., event_id: _Number = ..., next_transfer_handle: _Number = ..., transfer_flag: _Number = ..., event_class: _Number = ..., event_data_size: _Number = ..., event_data_crc: _Number = ...) -> None: ...

class pldm.poll_for_platform_event_message_req(poll_for_platform_event_message):
    """Poll For Platform Event Message request"""
    format_version: int
    transfer_op: int
    transfer_handle: int
    event_id_to_ack: int
    def __init__(self, *, format_version: _Number = ..., transfer_op: _Number = ..., transfer_handle: _Number = ..., event_id_to_ack: _Number = ...) -> None: ...

class pldm.poll_for_platform_event_message_rsp(poll_for_platform_event_message):
    """Poll For Platform Event Message response"""
    tid: int
    event_id: int
    next_transfer_handle: int
    transfer_flag: int
    event_class: int
    event_data_size: int
    event_data_crc: int
    def __init__(self, *, tid: _Number = ..., event_id: _Number = ..., next_transfer_handle: _Number = ..., transfer_flag: _Number = ..., event_class: _Number = ..., event_data_size: _Number = ..., event_data_crc: _Number = ...) -> None: ...

class get_message_registry(Layer):
    """GetMessageRegistry request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_message_registry_req(get_message_registry):
    """GetMessageRegistry request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_message_registry_rsp(get_message_registry):
    """GetMessageRegistry response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_oem_count(Layer):
    """GetOEMCount request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_oem_count_req(get_oem_count):
    """GetOEMCount request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_oem_count_rsp(get_oem_count):
    """GetOEMCount response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_oem_name(Layer):
    """GetOEMName request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_oem_name_req(get_oem_name):
    """GetOEMName request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_oem_name_rsp(get_oem_name):
    """GetOEMName response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_registry_count(Layer):
    """GetRegistryCount request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_registry_count_req(get_registry_count):
    """GetRegistryCount request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_registry_count_rsp(get_registry_count):
    """GetRegistryCount response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_registry_details(Layer):
    """GetRegistryDetails request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_registry_details_req(get_registry_details):
    """GetRegistryDetails request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_registry_details_rsp(get_registry_details):
    """GetRegistryDetails response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_resource_etag(Layer):
    """GetResourceETag request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_resource_etag_req(get_resource_etag):
    """GetResourceETag request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_resource_etag_rsp(get_resource_etag):
    """GetResourceETag response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_schema_dictionary(Layer):
    """GetSchemaDictionary request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_dictionary_req(get_schema_dictionary):
    """GetSchemaDictionary request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_dictionary_rsp(get_schema_dictionary):
    """GetSchemaDictionary response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_schema_file(Layer):
    """GetSchemaFile request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_file_req(get_schema_file):
    """GetSchemaFile request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_file_rsp(get_schema_file):
    """GetSchemaFile response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_schema_uri(Layer):
    """GetSchemaURI request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_uri_req(get_schema_uri):
    """GetSchemaURI request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.get_schema_uri_rsp(get_schema_uri):
    """GetSchemaURI response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class negotiate_medium_parameters(Layer):
    """NegotiateMediumParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.negotiate_medium_parameters_req(negotiate_medium_parameters):
    """NegotiateMediumParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.negotiate_medium_parameters_rsp(negotiate_medium_parameters):
    """NegotiateMediumParameters response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class negotiate_redfish_parameters(Layer):
    """NegotiateRedfishParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.negotiate_redfish_parameters_req(negotiate_redfish_parameters):
    """NegotiateRedfishParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.negotiate_redfish_parameters_rsp(negotiate_redfish_parameters):
    """NegotiateRedfishParameters response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_multipart_receive(Layer):
    """RDEMultipartReceive request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_multipart_receive_req(rde_multipart_receive):
    """RDEMultipartReceive request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_multipart_receive_rsp(rde_multipart_receive):
    """RDEMultipartReceive response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_multipart_send(Layer):
    """RDEMultipartSend request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_multipart_send_req(rde_multipart_send):
    """RDEMultipartSend request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_multipart_send_rsp(rde_multipart_send):
    """RDEMultipartSend response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_operation_complete(Layer):
    """RDEOperationComplete request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_complete_req(rde_operation_complete):
    """RDEOperationComplete request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_complete_rsp(rde_operation_complete):
    """RDEOperationComplete response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_operation_enumerate(Layer):
    """RDEOperationEnumerate request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_enumerate_req(rde_operation_enumerate):
    """RDEOperationEnumerate request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_enumerate_rsp(rde_operation_enumerate):
    """RDEOperationEnumerate response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_operation_init(Layer):
    """RDEOperationInit request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_init_req(rde_operation_init):
    """RDEOperationInit request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_init_rsp(rde_operation_init):
    """RDEOperationInit response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_operation_kill(Layer):
    """RDEOperationKill request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_kill_req(rde_operation_kill):
    """RDEOperationKill request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_kill_rsp(rde_operation_kill):
    """RDEOperationKill response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class rde_operation_status(Layer):
    """RDEOperationStatus request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_status_req(rde_operation_status):
    """RDEOperationStatus request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.rde_operation_status_rsp(rde_operation_status):
    """RDEOperationStatus response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class retrieve_custom_response_parameters(Layer):
    """RetrieveCustomResponseParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.retrieve_custom_response_parameters_req(retrieve_custom_response_parameters):
    """RetrieveCustomResponseParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.retrieve_custom_response_parameters_rsp(retrieve_custom_response_parameters):
    """RetrieveCustomResponseParameters response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class select_registry_version(Layer):
    """SelectRegistryVersion request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.select_registry_version_req(select_registry_version):
    """SelectRegistryVersion request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.select_registry_version_rsp(select_registry_version):
    """SelectRegistryVersion response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class supply_custom_request_parameters(Layer):
    """SupplyCustomRequestParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.supply_custom_request_parameters_req(supply_custom_request_parameters):
    """SupplyCustomRequestParameters request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.rde.supply_custom_request_parameters_rsp(supply_custom_request_parameters):
    """SupplyCustomRequestParameters response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class read_pldm_event_log(Layer):
    """Read PLDM Event Log request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.read_pldm_event_log_req(read_pldm_event_log):
    """Read PLDM Event Log request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.read_pldm_event_log_rsp(read_pldm_event_log):
    """Read PLDM Event Log response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class restore_sensor_thresholds(Layer):
    """Restore Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.restore_sensor_thresholds_req(restore_sensor_thresholds):
    """Restore Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.restore_sensor_thresholds_rsp(restore_sensor_thresholds):
    """Restore Sensor Thresholds response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class run_init_agent(Layer):
    """Run Init Agent request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.run_init_agent_req(run_init_agent):
    """Run Init Agent request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.run_init_agent_rsp(run_init_agent):
    """Run Init Agent response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class select_pldm_version(Layer):
    """Select PLDM Version request"""
    type: int
    version: int
    def __init__(self, *, type: _Number = ..., version: _Number = ...) -> None: ...

class pldm.select_pldm_version_req(select_pldm_version):
    """Select PLDM Version request"""
    type: int
    version: int
    def __init__(self, *, type: _Number = ..., version: _Number = ...) -> None: ...

class pldm.select_pldm_version_rsp(select_pldm_version):
    """Select PLDM Version response"""
    def __init__(self) -> None: ...

class sensor_event(Layer):
    """Sensor event data"""
    sensor_id: int
    sensor_event_class: int
    present_op_state: int
    previous_op_state: int
    sensor_offset: int
    state: int
    previous_state: int
    event_state: int
    previous_event_state: int
    sensor_data_size: int
    present_reading_8: int
    present_reading_16: int
    present_reading_32: int
    class_data: bytes
    def __init__(self, *, sensor_id: _Number = ..., sensor_event_class: _Number = ..., present_op_state: _Number = ..., previous_op_state: _Number = ..., sensor_offset: _Number = ..., state: _Number = ..., previous_state: _Number = ..., event_state: _Number = ..., previous_event_state: _Number = ..., sensor_data_size: _Number = ..., present_reading_8: _Number = ..., present_reading_16: _Number = ..., present_reading_32: _Number = ..., class_data: _Bytes = ...) -> None: ...

class pldm.sensor_event(sensor_event):
    """Sensor event data"""
    sensor_id: int
    sensor_event_class: int
    present_op_state: int
    previous_op_state: int
    sensor_offset: int
    state: int
    previous_state: int
    event_state: int
    previous_event_state: int
    sensor_data_size: int
    present_reading_8: int
    present_reading_16: int
    present_reading_32: int
    class_data: bytes
    def __init__(self, *, sensor_id: _Number = ..., sensor_event_class: _Number = ..., present_op_state: _Number = ..., previous_op_state: _Number = ..., sensor_offset: _Number = ..., state: _Number = ..., previous_state: _Number = ..., event_state: _Number = ..., previous_event_state: _Number = ..., sensor_data_size: _Number = ..., present_reading_8: _Number = ..., present_reading_16: _Number = ..., present_reading_32: _Number = ..., class_data: _Bytes = ...) -> None: ...

class set_event_receiver(Layer):
    """Set Event Receiver request"""
    global_enable: int
    protocol_type: int
    receiver_eid: int
    address: bytes
    heartbeat_timer: int
    def __init__(self, *, global_enable: _Number = ..., protocol_type: _Number = ..., receiver_eid: _Number = ..., address: _Bytes = ..., heartbeat_timer: _Number = ...) -> None: ...

class pldm.set_event_receiver_req(set_event_receiver):
    """Set Event Receiver request"""
    global_enable: int
    protocol_type: int
    receiver_eid: int
    address: bytes
    heartbeat_timer: int
    def __init__(self, *, global_enable: _Number = ..., protocol_type: _Number = ..., receiver_eid: _Number = ..., address: _Bytes = ..., heartbeat_timer: _Number = ...) -> None: ...

class pldm.set_event_receiver_rsp(set_event_receiver):
    """Set Event Receiver response"""
    def __init__(self) -> None: ...

class set_numeric_effecter_enable(Layer):
    """Set Numeric Effecter Enable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_numeric_effecter_enable_req(set_numeric_effecter_enable):
    """Set Numeric Effecter Enable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_numeric_effecter_enable_rsp(set_numeric_effecter_enable):
    """Set Numeric Effecter Enable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_numeric_effecter_value(Layer):
    """Set Numeric Effecter Value request"""
    effecter_id: int
    effecter_data_size: int
    effecter_value_8: int
    effecter_value_16: int
    effecter_value_32: int
    def __init__(self, *, effecter_id: _Number = ..., effecter_data_size: _Number = ..., effecter_value_8: _Number = ..., effecter_value_16: _Number = ..., effecter_value_32: _Number = ...) -> None: ...

class pldm.set_numeric_effecter_value_req(set_numeric_effecter_value):
    """Set Numeric Effecter Value request"""
    effecter_id: int
    effecter_data_size: int
    effecter_value_8: int
    effecter_value_16: int
    effecter_value_32: int
    def __init__(self, *, effecter_id: _Number = ..., effecter_data_size: _Number = ..., effecter_value_8: _Number = ..., effecter_value_16: _Number = ..., effecter_value_32: _Number = ...) -> None: ...

class pldm.set_numeric_effecter_value_rsp(set_numeric_effecter_value):
    """Set Numeric Effecter Value response"""
    def __init__(self) -> None: ...

class set_numeric_sensor_enable(Layer):
    """Set Numeric Sensor Enable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_numeric_sensor_enable_req(set_numeric_sensor_enable):
    """Set Numeric Sensor Enable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_numeric_sensor_enable_rsp(set_numeric_sensor_enable):
    """Set Numeric Sensor Enable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_pldm_event_log_policy(Layer):
    """Set PLDM Event Log Policy request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_pldm_event_log_policy_req(set_pldm_event_log_policy):
    """Set PLDM Event Log Policy request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_pldm_event_log_policy_rsp(set_pldm_event_log_policy):
    """Set PLDM Event Log Policy response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_pldm_event_log_timestamp(Layer):
    """Set PLDM Event Log Timestamp request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_pldm_event_log_timestamp_req(set_pldm_event_log_timestamp):
    """Set PLDM Event Log Timestamp request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_pldm_event_log_timestamp_rsp(set_pldm_event_log_timestamp):
    """Set PLDM Event Log Timestamp response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_sensor_hysteresis(Layer):
    """Set Sensor Hysteresis request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_sensor_hysteresis_req(set_sensor_hysteresis):
    """Set Sensor Hysteresis request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_sensor_hysteresis_rsp(set_sensor_hysteresis):
    """Set Sensor Hysteresis response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_sensor_thresholds(Layer):
    """Set Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_sensor_thresholds_req(set_sensor_thresholds):
    """Set Sensor Thresholds request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_sensor_thresholds_rsp(set_sensor_thresholds):
    """Set Sensor Thresholds response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_state_effecter_enables(Layer):
    """Set State Effecter Enables request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_state_effecter_enables_req(set_state_effecter_enables):
    """Set State Effecter Enables request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_state_effecter_enables_rsp(set_state_effecter_enables):
    """Set State Effecter Enables response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_state_effecter_states(Layer):
    """Set State Effecter States request"""
    effecter_id: int
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, effecter_id: _Number = ..., composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class pldm.set_state_effecter_states_req(set_state_effecter_states):
    """Set State Effecter States request"""
    effecter_id: int
    composite_count: int
    effecters: list[Record]
    def __init__(self, *, effecter_id: _Number = ..., composite_count: _Number = ..., effecters: _List = ...) -> None: ...

class pldm.set_state_effecter_states_rsp(set_state_effecter_states):
    """Set State Effecter States response"""
    def __init__(self) -> None: ...

class set_state_sensor_enables(Layer):
    """Set State Sensor Enables request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_state_sensor_enables_req(set_state_sensor_enables):
    """Set State Sensor Enables request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.set_state_sensor_enables_rsp(set_state_sensor_enables):
    """Set State Sensor Enables response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_tid(Layer):
    """Set TID request"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.set_tid_req(set_tid):
    """Set TID request"""
    tid: int
    def __init__(self, *, tid: _Number = ...) -> None: ...

class pldm.set_tid_rsp(set_tid):
    """Set TID response"""
    def __init__(self) -> None: ...

class get_smbios_structure_by_handle(Layer):
    """GetSMBIOSStructureByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_by_handle_req(get_smbios_structure_by_handle):
    """GetSMBIOSStructureByHandle request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_by_handle_rsp(get_smbios_structure_by_handle):
    """GetSMBIOSStructureByHandle response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_smbios_structure_by_type(Layer):
    """GetSMBIOSStructureByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_by_type_req(get_smbios_structure_by_type):
    """GetSMBIOSStructureByType request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_by_type_rsp(get_smbios_structure_by_type):
    """GetSMBIOSStructureByType response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_smbios_structure_table_metadata(Layer):
    """GetSMBIOSStructureTableMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_table_metadata_req(get_smbios_structure_table_metadata):
    """GetSMBIOSStructureTableMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_table_metadata_rsp(get_smbios_structure_table_metadata):
    """GetSMBIOSStructureTableMetadata response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_smbios_structure_table(Layer):
    """GetSMBIOSStructureTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_table_req(get_smbios_structure_table):
    """GetSMBIOSStructureTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.get_smbios_structure_table_rsp(get_smbios_structure_table):
    """GetSMBIOSStructureTable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_smbios_structure_table_metadata(Layer):
    """SetSMBIOSStructureTableMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.set_smbios_structure_table_metadata_req(set_smbios_structure_table_metadata):
    """SetSMBIOSStructureTableMetadata request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.set_smbios_structure_table_metadata_rsp(set_smbios_structure_table_metadata):
    """SetSMBIOSStructureTableMetadata response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_smbios_structure_table(Layer):
    """SetSMBIOSStructureTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.set_smbios_structure_table_req(set_smbios_structure_table):
    """SetSMBIOSStructureTable request"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm.smbios.set_smbios_structure_table_rsp(set_smbios_structure_table):
    """SetSMBIOSStructureTable response"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class pldm_version_data(Layer):
    """PLDM version data"""
    versions: list[Record]
    crc: int
    def __init__(self, *, versions: _List = ..., crc: _Number = ...) -> None: ...

class pldm.version_data(pldm_version_data):
    """PLDM version data"""
    versions: list[Record]
    crc: int
    def __init__(self, *, versions: _List = ..., crc: _Number = ...) -> None: ...

class prepare_for_endpoint_discovery(Layer):
    """Prepare for Endpoint Discovery request"""
    def __init__(self) -> None: ...

class prepare_for_endpoint_discovery_req(prepare_for_endpoint_discovery):
    """Prepare for Endpoint Discovery request"""
    def __init__(self) -> None: ...

class prepare_for_endpoint_discovery_rsp(prepare_for_endpoint_discovery):
    """Prepare for Endpoint Discovery response"""
    def __init__(self) -> None: ...

class query_hop(Layer):
    """Query Hop request"""
    target_eid: int
    msg_type: int
    next_hop_eid: int
    max_incoming_tu: int
    max_outgoing_tu: int
    def __init__(self, *, target_eid: _Number = ..., msg_type: _Number = ..., next_hop_eid: _Number = ..., max_incoming_tu: _Number = ..., max_outgoing_tu: _Number = ...) -> None: ...

class query_hop_req(query_hop):
    """Query Hop request"""
    target_eid: int
    msg_type: int
    def __init__(self, *, target_eid: _Number = ..., msg_type: _Number = ...) -> None: ...

class query_hop_rsp(query_hop):
    """Query Hop response"""
    next_hop_eid: int
    msg_type: int
    max_incoming_tu: int
    max_outgoing_tu: int
    def __init__(self, *, next_hop_eid: _Number = ..., msg_type: _Number = ..., max_incoming_tu: _Number = ..., max_outgoing_tu: _Number = ...) -> None: ...

class query_rate_limit(Layer):
    """Query Rate Limit request"""
    rx_buffer_size: int
    max_rx_rate: int
    max_tx_rate: int
    min_tx_rate: int
    max_burst: int
    tx_burst: int
    tx_rate_limit: int
    reserved: int
    unrequested_only: int
    tx_limiting: int
    def __init__(self, *, rx_buffer_size: _Number = ..., max_rx_rate: _Number = ..., max_tx_rate: _Number = ..., min_tx_rate: _Number = ..., max_burst: _Number = ..., tx_burst: _Number = ..., tx_rate_limit: _Number = ..., reserved: _Number = ..., unrequested_only: _Number = ..., tx_limiting: _Number = ...) -> None: ...

class query_rate_limit_req(query_rate_limit):
    """Query Rate Limit request"""
    def __init__(self) -> None: ...

class query_rate_limit_rsp(query_rate_limit):
    """Query Rate Limit response"""
    rx_buffer_size: int
    max_rx_rate: int
    max_tx_rate: int
    min_tx_rate: int
    max_burst: int
    tx_burst: int
    tx_rate_limit: int
    reserved: int
    unrequested_only: int
    tx_limiting: int
    def __init__(self, *, rx_buffer_size: _Number = ..., max_rx_rate: _Number = ..., max_tx_rate: _Number = ..., min_tx_rate: _Number = ..., max_burst: _Number = ..., tx_burst: _Number = ..., tx_rate_limit: _Number = ..., reserved: _Number = ..., unrequested_only: _Number = ..., tx_limiting: _Number = ...) -> None: ...

class query_supported_interfaces(Layer):
    """Query Supported Interfaces request"""
    count: int
    interfaces: list[Record]
    def __init__(self, *, count: _Number = ..., interfaces: _List = ...) -> None: ...

class query_supported_interfaces_req(query_supported_interfaces):
    """Query Supported Interfaces request"""
    def __init__(self) -> None: ...

class query_supported_interfaces_rsp(query_supported_interfaces):
    """Query Supported Interfaces response"""
    count: int
    interfaces: list[Record]
    def __init__(self, *, count: _Number = ..., interfaces: _List = ...) -> None: ...

class request_tx_rate_limit(Layer):
    """Request TX Rate Limit request"""
    burst: int
    rate: int
    burst3: int
    def __init__(self, *, burst: _Number = ..., rate: _Number = ..., burst3: _Number = ...) -> None: ...

class request_tx_rate_limit_req(request_tx_rate_limit):
    """Request TX Rate Limit request"""
    burst: int
    rate: int
    def __init__(self, *, burst: _Number = ..., rate: _Number = ...) -> None: ...

class request_tx_rate_limit_rsp(request_tx_rate_limit):
    """Request TX Rate Limit response"""
    burst: int
    burst3: int
    rate: int
    def __init__(self, *, burst: _Number = ..., burst3: _Number = ..., rate: _Number = ...) -> None: ...

class resolve_endpoint_id(Layer):
    """Resolve Endpoint ID request"""
    target_eid: int
    bridge_eid: int
    phys_addr: bytes
    def __init__(self, *, target_eid: _Number = ..., bridge_eid: _Number = ..., phys_addr: _Bytes = ...) -> None: ...

class resolve_endpoint_id_req(resolve_endpoint_id):
    """Resolve Endpoint ID request"""
    target_eid: int
    def __init__(self, *, target_eid: _Number = ...) -> None: ...

class resolve_endpoint_id_rsp(resolve_endpoint_id):
    """Resolve Endpoint ID response"""
    bridge_eid: int
    phys_addr: bytes
    def __init__(self, *, bridge_eid: _Number = ..., phys_addr: _Bytes = ...) -> None: ...

class resolve_uuid(Layer):
    """Resolve UUID request"""
    uuid: bytes
    handle: int
    next_handle: int
    count: int
    entries: list[Record]
    def __init__(self, *, uuid: _Bytes = ..., handle: _Number = ..., next_handle: _Number = ..., count: _Number = ..., entries: _List = ...) -> None: ...

class resolve_uuid_req(resolve_uuid):
    """Resolve UUID request"""
    uuid: bytes
    handle: int
    def __init__(self, *, uuid: _Bytes = ..., handle: _Number = ...) -> None: ...

class resolve_uuid_rsp(resolve_uuid):
    """Resolve UUID response"""
    next_handle: int
    count: int
    entries: list[Record]
    def __init__(self, *, next_handle: _Number = ..., count: _Number = ..., entries: _List = ...) -> None: ...

class routing_information_update(Layer):
    """Routing Information Update request"""
    count: int
    entries: list[Record]
    def __init__(self, *, count: _Number = ..., entries: _List = ...) -> None: ...

class routing_information_update_req(routing_information_update):
    """Routing Information Update request"""
    count: int
    entries: list[Record]
    def __init__(self, *, count: _Number = ..., entries: _List = ...) -> None: ...

class routing_information_update_rsp(routing_information_update):
    """Routing Information Update response"""
    def __init__(self) -> None: ...

class serial(Layer):
    """Serial binding (DSP0253)"""
    flag: int
    revision: int
    byte_count: int
    fcs: int
    end_flag: int
    def __init__(self, *, flag: _Number = ..., revision: _Number = ..., byte_count: _Number = ..., fcs: _Number = ..., end_flag: _Number = ...) -> None: ...

class set_endpoint_id(Layer):
    """Set Endpoint ID request"""
    reserved: int
    op: int
    eid: int
    assign_status: int
    reserved2: int
    eid_alloc_status: int
    eid_setting: int
    eid_pool_size: int
    def __init__(self, *, reserved: _Number = ..., op: _Number = ..., eid: _Number = ..., assign_status: _Number = ..., reserved2: _Number = ..., eid_alloc_status: _Number = ..., eid_setting: _Number = ..., eid_pool_size: _Number = ...) -> None: ...

class set_endpoint_id_req(set_endpoint_id):
    """Set Endpoint ID request"""
    reserved: int
    op: int
    eid: int
    def __init__(self, *, reserved: _Number = ..., op: _Number = ..., eid: _Number = ...) -> None: ...

class set_endpoint_id_rsp(set_endpoint_id):
    """Set Endpoint ID response"""
    reserved: int
    assign_status: int
    reserved2: int
    eid_alloc_status: int
    eid_setting: int
    eid_pool_size: int
    def __init__(self, *, reserved: _Number = ..., assign_status: _Number = ..., reserved2: _Number = ..., eid_alloc_status: _Number = ..., eid_setting: _Number = ..., eid_pool_size: _Number = ...) -> None: ...

class smbus(Layer):
    """SMBus/I2C binding (DSP0237)"""
    dst: int
    dst_rw: int
    command: int
    byte_count: int
    src: int
    src_rw: int
    pec: int
    def __init__(self, *, dst: _Number = ..., dst_rw: _Number = ..., command: _Number = ..., byte_count: _Number = ..., src: _Number = ..., src_rw: _Number = ..., pec: _Number = ...) -> None: ...

class smbus_nodst(Layer):
    """SMBus/I2C binding without destination byte"""
    command: int
    byte_count: int
    src: int
    src_rw: int
    pec: int
    def __init__(self, *, command: _Number = ..., byte_count: _Number = ..., src: _Number = ..., src_rw: _Number = ..., pec: _Number = ...) -> None: ...

class spdm(Layer):
    """SPDM message"""
    version: int
    code: int
    param1: int
    param2: int
    def __init__(self, *, version: _Number = ..., code: _Number = ..., param1: _Number = ..., param2: _Number = ...) -> None: ...

class algorithms(Layer):
    """ALGORITHMS response"""
    num_alg_structs: int
    param2: int
    length: int
    measurement_specification_sel: int
    other_params_selection: int
    measurement_hash_algo: int
    base_asym_sel: int
    base_hash_sel: int
    reserved_bytes: bytes
    ext_asym_sel_count: int
    ext_hash_sel_count: int
    reserved: int
    mel_specification_sel: int
    ext_asym_sel: list[Record]
    ext_hash_sel: list[Record]
    alg_structs: list[Record]
    def __init__(self, *, num_alg_structs: _Number = ..., param2: _Number = ..., length: _Number = ..., measurement_specification_sel: _Number = ..., other_params_selection: _Number = ..., measurement_hash_algo: _Number = ..., base_asym_sel: _Number = ..., base_hash_sel: _Number = ..., reserved_bytes: _Bytes = ..., ext_asym_sel_count: _Number = ..., ext_hash_sel_count: _Number = ..., reserved: _Number = ..., mel_specification_sel: _Number = ..., ext_asym_sel: _List = ..., ext_hash_sel: _List = ..., alg_structs: _List = ...) -> None: ...

class spdm_algorithms(algorithms):
    """ALGORITHMS response"""
    num_alg_structs: int
    param2: int
    length: int
    measurement_specification_sel: int
    other_params_selection: int
    measurement_hash_algo: int
    base_asym_sel: int
    base_hash_sel: int
    reserved_bytes: bytes
    ext_asym_sel_count: int
    ext_hash_sel_count: int
    reserved: int
    mel_specification_sel: int
    ext_asym_sel: list[Record]
    ext_hash_sel: list[Record]
    alg_structs: list[Record]
    def __init__(self, *, num_alg_structs: _Number = ..., param2: _Number = ..., length: _Number = ..., measurement_specification_sel: _Number = ..., other_params_selection: _Number = ..., measurement_hash_algo: _Number = ..., base_asym_sel: _Number = ..., base_hash_sel: _Number = ..., reserved_bytes: _Bytes = ..., ext_asym_sel_count: _Number = ..., ext_hash_sel_count: _Number = ..., reserved: _Number = ..., mel_specification_sel: _Number = ..., ext_asym_sel: _List = ..., ext_hash_sel: _List = ..., alg_structs: _List = ...) -> None: ...

class capabilities(Layer):
    """CAPABILITIES response"""
    reserved: int
    ct_exponent: int
    ext_flags: int
    flags: int
    data_transfer_size: int
    max_spdm_msg_size: int
    supported_algorithms: bytes
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., ext_flags: _Number = ..., flags: _Number = ..., data_transfer_size: _Number = ..., max_spdm_msg_size: _Number = ..., supported_algorithms: _Bytes = ..., reserved2: _Number = ...) -> None: ...

class spdm_capabilities(capabilities):
    """CAPABILITIES response"""
    reserved: int
    ct_exponent: int
    ext_flags: int
    flags: int
    data_transfer_size: int
    max_spdm_msg_size: int
    supported_algorithms: bytes
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., ext_flags: _Number = ..., flags: _Number = ..., data_transfer_size: _Number = ..., max_spdm_msg_size: _Number = ..., supported_algorithms: _Bytes = ...) -> None: ...

class spdm_capabilities_v10(capabilities):
    """CAPABILITIES response (1.0)"""
    reserved: int
    ct_exponent: int
    reserved2: int
    flags: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., reserved2: _Number = ..., flags: _Number = ...) -> None: ...

class spdm_capabilities_v11(capabilities):
    """CAPABILITIES response (1.1)"""
    reserved: int
    ct_exponent: int
    reserved2: int
    flags: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., reserved2: _Number = ..., flags: _Number = ...) -> None: ...

class certificate(Layer):
    """CERTIFICATE response"""
    portion_length: int
    remainder_length: int
    cert_chain: bytes
    def __init__(self, *, portion_length: _Number = ..., remainder_length: _Number = ..., cert_chain: _Bytes = ...) -> None: ...

class spdm_certificate(certificate):
    """CERTIFICATE response"""
    portion_length: int
    remainder_length: int
    cert_chain: bytes
    def __init__(self, *, portion_length: _Number = ..., remainder_length: _Number = ..., cert_chain: _Bytes = ...) -> None: ...

class challenge(Layer):
    """CHALLENGE request"""
    nonce: bytes
    requester_context: bytes
    def __init__(self, *, nonce: _Bytes = ..., requester_context: _Bytes = ...) -> None: ...

class spdm_challenge(challenge):
    """CHALLENGE request"""
    nonce: bytes
    requester_context: bytes
    def __init__(self, *, nonce: _Bytes = ..., requester_context: _Bytes = ...) -> None: ...

class spdm_challenge_v10(challenge):
    """CHALLENGE request (1.0)"""
    nonce: bytes
    def __init__(self, *, nonce: _Bytes = ...) -> None: ...

class spdm_challenge_v11(challenge):
    """CHALLENGE request (1.1)"""
    nonce: bytes
    def __init__(self, *, nonce: _Bytes = ...) -> None: ...

class spdm_challenge_v12(challenge):
    """CHALLENGE request (1.2)"""
    nonce: bytes
    def __init__(self, *, nonce: _Bytes = ...) -> None: ...

class challenge_auth(Layer):
    """CHALLENGE_AUTH response"""
    auth_data: bytes
    def __init__(self, *, auth_data: _Bytes = ...) -> None: ...

class spdm_challenge_auth(challenge_auth):
    """CHALLENGE_AUTH response"""
    auth_data: bytes
    def __init__(self, *, auth_data: _Bytes = ...) -> None: ...

class chunk_get(Layer):
    """CHUNK_GET"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_chunk_get(chunk_get):
    """CHUNK_GET"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class chunk_response(Layer):
    """CHUNK_RESPONSE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_chunk_response(chunk_response):
    """CHUNK_RESPONSE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class chunk_send(Layer):
    """CHUNK_SEND"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_chunk_send(chunk_send):
    """CHUNK_SEND"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class chunk_send_ack(Layer):
    """CHUNK_SEND_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_chunk_send_ack(chunk_send_ack):
    """CHUNK_SEND_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class csr(Layer):
    """CSR"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_csr(csr):
    """CSR"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class deliver_encapsulated_response(Layer):
    """DELIVER_ENCAPSULATED_RESPONSE"""
    def __init__(self) -> None: ...

class spdm_deliver_encapsulated_response(deliver_encapsulated_response):
    """DELIVER_ENCAPSULATED_RESPONSE"""
    def __init__(self) -> None: ...

class digests(Layer):
    """DIGESTS response"""
    digests: bytes
    def __init__(self, *, digests: _Bytes = ...) -> None: ...

class spdm_digests(digests):
    """DIGESTS response"""
    digests: bytes
    def __init__(self, *, digests: _Bytes = ...) -> None: ...

class encapsulated_request(Layer):
    """ENCAPSULATED_REQUEST"""
    def __init__(self) -> None: ...

class spdm_encapsulated_request(encapsulated_request):
    """ENCAPSULATED_REQUEST"""
    def __init__(self) -> None: ...

class encapsulated_response_ack(Layer):
    """ENCAPSULATED_RESPONSE_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_encapsulated_response_ack(encapsulated_response_ack):
    """ENCAPSULATED_RESPONSE_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class end_session(Layer):
    """END_SESSION request"""
    def __init__(self) -> None: ...

class spdm_end_session(end_session):
    """END_SESSION request"""
    def __init__(self) -> None: ...

class end_session_ack(Layer):
    """END_SESSION_ACK response"""
    def __init__(self) -> None: ...

class spdm_end_session_ack(end_session_ack):
    """END_SESSION_ACK response"""
    def __init__(self) -> None: ...

class endpoint_info(Layer):
    """ENDPOINT_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_endpoint_info(endpoint_info):
    """ENDPOINT_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class error(Layer):
    """ERROR response"""
    error_code: int
    error_data: int
    rdt_exponent: int
    request_code: int
    token: int
    rdtm: int
    response_handle: int
    extended_data: bytes
    def __init__(self, *, error_code: _Number = ..., error_data: _Number = ..., rdt_exponent: _Number = ..., request_code: _Number = ..., token: _Number = ..., rdtm: _Number = ..., response_handle: _Number = ..., extended_data: _Bytes = ...) -> None: ...

class spdm_error(error):
    """ERROR response"""
    error_code: int
    error_data: int
    rdt_exponent: int
    request_code: int
    token: int
    rdtm: int
    response_handle: int
    extended_data: bytes
    def __init__(self, *, error_code: _Number = ..., error_data: _Number = ..., rdt_exponent: _Number = ..., request_code: _Number = ..., token: _Number = ..., rdtm: _Number = ..., response_handle: _Number = ..., extended_data: _Bytes = ...) -> None: ...

class event_ack(Layer):
    """EVENT_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_event_ack(event_ack):
    """EVENT_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class finish(Layer):
    """FINISH request"""
    verify_data: bytes
    def __init__(self, *, verify_data: _Bytes = ...) -> None: ...

class spdm_finish(finish):
    """FINISH request"""
    verify_data: bytes
    def __init__(self, *, verify_data: _Bytes = ...) -> None: ...

class finish_rsp(Layer):
    """FINISH_RSP response"""
    verify_data: bytes
    def __init__(self, *, verify_data: _Bytes = ...) -> None: ...

class spdm_finish_rsp(finish_rsp):
    """FINISH_RSP response"""
    verify_data: bytes
    def __init__(self, *, verify_data: _Bytes = ...) -> None: ...

class get_capabilities(Layer):
    """GET_CAPABILITIES request"""
    reserved: int
    ct_exponent: int
    ext_flags: int
    flags: int
    data_transfer_size: int
    max_spdm_msg_size: int
    reserved2: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., ext_flags: _Number = ..., flags: _Number = ..., data_transfer_size: _Number = ..., max_spdm_msg_size: _Number = ..., reserved2: _Number = ...) -> None: ...

class spdm_get_capabilities(get_capabilities):
    """GET_CAPABILITIES request"""
    reserved: int
    ct_exponent: int
    ext_flags: int
    flags: int
    data_transfer_size: int
    max_spdm_msg_size: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., ext_flags: _Number = ..., flags: _Number = ..., data_transfer_size: _Number = ..., max_spdm_msg_size: _Number = ...) -> None: ...

class spdm_get_capabilities_v10(get_capabilities):
    """GET_CAPABILITIES request (1.0)"""
    def __init__(self) -> None: ...

class spdm_get_capabilities_v11(get_capabilities):
    """GET_CAPABILITIES request (1.1)"""
    reserved: int
    ct_exponent: int
    reserved2: int
    flags: int
    def __init__(self, *, reserved: _Number = ..., ct_exponent: _Number = ..., reserved2: _Number = ..., flags: _Number = ...) -> None: ...

class get_certificate(Layer):
    """GET_CERTIFICATE request"""
    offset: int
    length: int
    def __init__(self, *, offset: _Number = ..., length: _Number = ...) -> None: ...

class spdm_get_certificate(get_certificate):
    """GET_CERTIFICATE request"""
    offset: int
    length: int
    def __init__(self, *, offset: _Number = ..., length: _Number = ...) -> None: ...

class get_csr(Layer):
    """GET_CSR"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_csr(get_csr):
    """GET_CSR"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_digests(Layer):
    """GET_DIGESTS request"""
    def __init__(self) -> None: ...

class spdm_get_digests(get_digests):
    """GET_DIGESTS request"""
    def __init__(self) -> None: ...

class get_encapsulated_request(Layer):
    """GET_ENCAPSULATED_REQUEST"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_encapsulated_request(get_encapsulated_request):
    """GET_ENCAPSULATED_REQUEST"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_endpoint_info(Layer):
    """GET_ENDPOINT_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_endpoint_info(get_endpoint_info):
    """GET_ENDPOINT_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_key_pair_info(Layer):
    """GET_KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_key_pair_info(get_key_pair_info):
    """GET_KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_measurement_extension_log(Layer):
    """GET_MEASUREMENT_EXTENSION_LOG"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_measurement_extension_log(get_measurement_extension_log):
    """GET_MEASUREMENT_EXTENSION_LOG"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_measurements(Layer):
    """GET_MEASUREMENTS request"""
    attributes: int
    operation: int
    nonce: bytes
    slot_id: int
    requester_context: bytes
    def __init__(self, *, attributes: _Number = ..., operation: _Number = ..., nonce: _Bytes = ..., slot_id: _Number = ..., requester_context: _Bytes = ...) -> None: ...

class spdm_get_measurements(get_measurements):
    """GET_MEASUREMENTS request"""
    attributes: int
    operation: int
    nonce: bytes
    slot_id: int
    requester_context: bytes
    def __init__(self, *, attributes: _Number = ..., operation: _Number = ..., nonce: _Bytes = ..., slot_id: _Number = ..., requester_context: _Bytes = ...) -> None: ...

class spdm_get_measurements_v10(get_measurements):
    """GET_MEASUREMENTS request (1.0)"""
    attributes: int
    operation: int
    nonce: bytes
    def __init__(self, *, attributes: _Number = ..., operation: _Number = ..., nonce: _Bytes = ...) -> None: ...

class spdm_get_measurements_v11(get_measurements):
    """GET_MEASUREMENTS request (1.1)"""
    attributes: int
    operation: int
    nonce: bytes
    slot_id: int
    def __init__(self, *, attributes: _Number = ..., operation: _Number = ..., nonce: _Bytes = ..., slot_id: _Number = ...) -> None: ...

class spdm_get_measurements_v12(get_measurements):
    """GET_MEASUREMENTS request (1.2)"""
    attributes: int
    operation: int
    nonce: bytes
    slot_id: int
    def __init__(self, *, attributes: _Number = ..., operation: _Number = ..., nonce: _Bytes = ..., slot_id: _Number = ...) -> None: ...

class get_supported_event_types(Layer):
    """GET_SUPPORTED_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_get_supported_event_types(get_supported_event_types):
    """GET_SUPPORTED_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class get_version(Layer):
    """GET_VERSION request"""
    def __init__(self) -> None: ...

class spdm_get_version(get_version):
    """GET_VERSION request"""
    def __init__(self) -> None: ...

class heartbeat(Layer):
    """HEARTBEAT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_heartbeat(heartbeat):
    """HEARTBEAT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class heartbeat_ack(Layer):
    """HEARTBEAT_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_heartbeat_ack(heartbeat_ack):
    """HEARTBEAT_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class key_exchange(Layer):
    """KEY_EXCHANGE request"""
    req_session_id: int
    session_policy: int
    reserved: int
    random_data: bytes
    exchange_data: bytes
    def __init__(self, *, req_session_id: _Number = ..., session_policy: _Number = ..., reserved: _Number = ..., random_data: _Bytes = ..., exchange_data: _Bytes = ...) -> None: ...

class spdm_key_exchange(key_exchange):
    """KEY_EXCHANGE request"""
    req_session_id: int
    session_policy: int
    reserved: int
    random_data: bytes
    exchange_data: bytes
    def __init__(self, *, req_session_id: _Number = ..., session_policy: _Number = ..., reserved: _Number = ..., random_data: _Bytes = ..., exchange_data: _Bytes = ...) -> None: ...

class key_exchange_rsp(Layer):
    """KEY_EXCHANGE_RSP response"""
    rsp_session_id: int
    mut_auth_requested: int
    req_slot_id_param: int
    random_data: bytes
    exchange_data: bytes
    def __init__(self, *, rsp_session_id: _Number = ..., mut_auth_requested: _Number = ..., req_slot_id_param: _Number = ..., random_data: _Bytes = ..., exchange_data: _Bytes = ...) -> None: ...

class spdm_key_exchange_rsp(key_exchange_rsp):
    """KEY_EXCHANGE_RSP response"""
    rsp_session_id: int
    mut_auth_requested: int
    req_slot_id_param: int
    random_data: bytes
    exchange_data: bytes
    def __init__(self, *, rsp_session_id: _Number = ..., mut_auth_requested: _Number = ..., req_slot_id_param: _Number = ..., random_data: _Bytes = ..., exchange_data: _Bytes = ...) -> None: ...

class key_pair_info(Layer):
    """KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_key_pair_info(key_pair_info):
    """KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class key_update(Layer):
    """KEY_UPDATE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_key_update(key_update):
    """KEY_UPDATE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class key_update_ack(Layer):
    """KEY_UPDATE_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_key_update_ack(key_update_ack):
    """KEY_UPDATE_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class measurement_extension_log(Layer):
    """MEASUREMENT_EXTENSION_LOG"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_measurement_extension_log(measurement_extension_log):
    """MEASUREMENT_EXTENSION_LOG"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class measurements(Layer):
    """MEASUREMENTS response"""
    number_of_blocks: int
    record_length: int
    blocks: list[Record]
    nonce: bytes
    opaque_length: int
    opaque_data: bytes
    requester_context: bytes
    signature: bytes
    def __init__(self, *, number_of_blocks: _Number = ..., record_length: _Number = ..., blocks: _List = ..., nonce: _Bytes = ..., opaque_length: _Number = ..., opaque_data: _Bytes = ..., requester_context: _Bytes = ..., signature: _Bytes = ...) -> None: ...

class spdm_measurements(measurements):
    """MEASUREMENTS response"""
    number_of_blocks: int
    record_length: int
    blocks: list[Record]
    nonce: bytes
    opaque_length: int
    opaque_data: bytes
    requester_context: bytes
    signature: bytes
    def __init__(self, *, number_of_blocks: _Number = ..., record_length: _Number = ..., blocks: _List = ..., nonce: _Bytes = ..., opaque_length: _Number = ..., opaque_data: _Bytes = ..., requester_context: _Bytes = ..., signature: _Bytes = ...) -> None: ...

class spdm_measurements_v10(measurements):
    """MEASUREMENTS response (1.0)"""
    number_of_blocks: int
    record_length: int
    blocks: list[Record]
    nonce: bytes
    opaque_length: int
    opaque_data: bytes
    signature: bytes
    def __init__(self, *, number_of_blocks: _Number = ..., record_length: _Number = ..., blocks: _List = ..., nonce: _Bytes = ..., opaque_length: _Number = ..., opaque_data: _Bytes = ..., signature: _Bytes = ...) -> None: ...

class spdm_measurements_v11(measurements):
    """MEASUREMENTS response (1.1)"""
    number_of_blocks: int
    record_length: int
    blocks: list[Record]
    nonce: bytes
    opaque_length: int
    opaque_data: bytes
    signature: bytes
    def __init__(self, *, number_of_blocks: _Number = ..., record_length: _Number = ..., blocks: _List = ..., nonce: _Bytes = ..., opaque_length: _Number = ..., opaque_data: _Bytes = ..., signature: _Bytes = ...) -> None: ...

class spdm_measurements_v12(measurements):
    """MEASUREMENTS response (1.2)"""
    number_of_blocks: int
    record_length: int
    blocks: list[Record]
    nonce: bytes
    opaque_length: int
    opaque_data: bytes
    signature: bytes
    def __init__(self, *, number_of_blocks: _Number = ..., record_length: _Number = ..., blocks: _List = ..., nonce: _Bytes = ..., opaque_length: _Number = ..., opaque_data: _Bytes = ..., signature: _Bytes = ...) -> None: ...

class negotiate_algorithms(Layer):
    """NEGOTIATE_ALGORITHMS request"""
    num_alg_structs: int
    param2: int
    length: int
    measurement_specification: int
    other_params_support: int
    base_asym_algo: int
    base_hash_algo: int
    reserved_bytes: bytes
    ext_asym_count: int
    ext_hash_count: int
    reserved: int
    mel_specification: int
    ext_asym: list[Record]
    ext_hash: list[Record]
    alg_structs: list[Record]
    def __init__(self, *, num_alg_structs: _Number = ..., param2: _Number = ..., length: _Number = ..., measurement_specification: _Number = ..., other_params_support: _Number = ..., base_asym_algo: _Number = ..., base_hash_algo: _Number = ..., reserved_bytes: _Bytes = ..., ext_asym_count: _Number = ..., ext_hash_count: _Number = ..., reserved: _Number = ..., mel_specification: _Number = ..., ext_asym: _List = ..., ext_hash: _List = ..., alg_structs: _List = ...) -> None: ...

class spdm_negotiate_algorithms(negotiate_algorithms):
    """NEGOTIATE_ALGORITHMS request"""
    num_alg_structs: int
    param2: int
    length: int
    measurement_specification: int
    other_params_support: int
    base_asym_algo: int
    base_hash_algo: int
    reserved_bytes: bytes
    ext_asym_count: int
    ext_hash_count: int
    reserved: int
    mel_specification: int
    ext_asym: list[Record]
    ext_hash: list[Record]
    alg_structs: list[Record]
    def __init__(self, *, num_alg_structs: _Number = ..., param2: _Number = ..., length: _Number = ..., measurement_specification: _Number = ..., other_params_support: _Number = ..., base_asym_algo: _Number = ..., base_hash_algo: _Number = ..., reserved_bytes: _Bytes = ..., ext_asym_count: _Number = ..., ext_hash_count: _Number = ..., reserved: _Number = ..., mel_specification: _Number = ..., ext_asym: _List = ..., ext_hash: _List = ..., alg_structs: _List = ...) -> None: ...

class psk_exchange(Layer):
    """PSK_EXCHANGE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_psk_exchange(psk_exchange):
    """PSK_EXCHANGE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class psk_exchange_rsp(Layer):
    """PSK_EXCHANGE_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_psk_exchange_rsp(psk_exchange_rsp):
    """PSK_EXCHANGE_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class psk_finish(Layer):
    """PSK_FINISH"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_psk_finish(psk_finish):
    """PSK_FINISH"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class psk_finish_rsp(Layer):
    """PSK_FINISH_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_psk_finish_rsp(psk_finish_rsp):
    """PSK_FINISH_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class respond_if_ready(Layer):
    """RESPOND_IF_READY request"""
    def __init__(self) -> None: ...

class spdm_respond_if_ready(respond_if_ready):
    """RESPOND_IF_READY request"""
    def __init__(self) -> None: ...

class secured(Layer):
    """SPDM secured message"""
    session_id: int
    seq_num: int
    length: int
    encrypted: bytes
    def __init__(self, *, session_id: _Number = ..., seq_num: _Number = ..., length: _Number = ..., encrypted: _Bytes = ...) -> None: ...

class spdm_secured(secured):
    """SPDM secured message"""
    session_id: int
    seq_num: int
    length: int
    encrypted: bytes
    def __init__(self, *, session_id: _Number = ..., seq_num: _Number = ..., length: _Number = ..., encrypted: _Bytes = ...) -> None: ...

class send_event(Layer):
    """SEND_EVENT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_send_event(send_event):
    """SEND_EVENT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_certificate(Layer):
    """SET_CERTIFICATE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_set_certificate(set_certificate):
    """SET_CERTIFICATE"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_certificate_rsp(Layer):
    """SET_CERTIFICATE_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_set_certificate_rsp(set_certificate_rsp):
    """SET_CERTIFICATE_RSP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_key_pair_info(Layer):
    """SET_KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_set_key_pair_info(set_key_pair_info):
    """SET_KEY_PAIR_INFO"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class set_key_pair_info_ack(Layer):
    """SET_KEY_PAIR_INFO_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_set_key_pair_info_ack(set_key_pair_info_ack):
    """SET_KEY_PAIR_INFO_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class slot_management(Layer):
    """SLOT_MANAGEMENT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_slot_management(slot_management):
    """SLOT_MANAGEMENT"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class slot_management_resp(Layer):
    """SLOT_MANAGEMENT_RESP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_slot_management_resp(slot_management_resp):
    """SLOT_MANAGEMENT_RESP"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class subscribe_event_types(Layer):
    """SUBSCRIBE_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_subscribe_event_types(subscribe_event_types):
    """SUBSCRIBE_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class subscribe_event_types_ack(Layer):
    """SUBSCRIBE_EVENT_TYPES_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_subscribe_event_types_ack(subscribe_event_types_ack):
    """SUBSCRIBE_EVENT_TYPES_ACK"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class supported_event_types(Layer):
    """SUPPORTED_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class spdm_supported_event_types(supported_event_types):
    """SUPPORTED_EVENT_TYPES"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class vendor_defined_request(Layer):
    """VENDOR_DEFINED_REQUEST request"""
    standard_id: int
    vendor_id_len: int
    vendor_id: bytes
    payload_length: int
    vendor_payload: bytes
    def __init__(self, *, standard_id: _Number = ..., vendor_id_len: _Number = ..., vendor_id: _Bytes = ..., payload_length: _Number = ..., vendor_payload: _Bytes = ...) -> None: ...

class spdm_vendor_defined_request(vendor_defined_request):
    """VENDOR_DEFINED_REQUEST request"""
    standard_id: int
    vendor_id_len: int
    vendor_id: bytes
    payload_length: int
    vendor_payload: bytes
    def __init__(self, *, standard_id: _Number = ..., vendor_id_len: _Number = ..., vendor_id: _Bytes = ..., payload_length: _Number = ..., vendor_payload: _Bytes = ...) -> None: ...

class vendor_defined_response(Layer):
    """VENDOR_DEFINED_RESPONSE response"""
    standard_id: int
    vendor_id_len: int
    vendor_id: bytes
    payload_length: int
    vendor_payload: bytes
    def __init__(self, *, standard_id: _Number = ..., vendor_id_len: _Number = ..., vendor_id: _Bytes = ..., payload_length: _Number = ..., vendor_payload: _Bytes = ...) -> None: ...

class spdm_vendor_defined_response(vendor_defined_response):
    """VENDOR_DEFINED_RESPONSE response"""
    standard_id: int
    vendor_id_len: int
    vendor_id: bytes
    payload_length: int
    vendor_payload: bytes
    def __init__(self, *, standard_id: _Number = ..., vendor_id_len: _Number = ..., vendor_id: _Bytes = ..., payload_length: _Number = ..., vendor_payload: _Bytes = ...) -> None: ...

class version(Layer):
    """VERSION response"""
    reserved: int
    count: int
    versions: list[Record]
    def __init__(self, *, reserved: _Number = ..., count: _Number = ..., versions: _List = ...) -> None: ...

class spdm_version(version):
    """VERSION response"""
    reserved: int
    count: int
    versions: list[Record]
    def __init__(self, *, reserved: _Number = ..., count: _Number = ..., versions: _List = ...) -> None: ...

class update_rate_limit(Layer):
    """Update Rate Limit request"""
    burst: int
    rate: int
    def __init__(self, *, burst: _Number = ..., rate: _Number = ...) -> None: ...

class update_rate_limit_req(update_rate_limit):
    """Update Rate Limit request"""
    burst: int
    rate: int
    def __init__(self, *, burst: _Number = ..., rate: _Number = ...) -> None: ...

class update_rate_limit_rsp(update_rate_limit):
    """Update Rate Limit response"""
    def __init__(self) -> None: ...

class usb(Layer):
    """USB binding (DSP0283)"""
    dmtf_id: int
    reserved: int
    length: int
    def __init__(self, *, dmtf_id: _Number = ..., reserved: _Number = ..., length: _Number = ...) -> None: ...

class vdm_data(Layer):
    """Vendor data (no vendor layer)"""
    data: bytes
    def __init__(self, *, data: _Bytes = ...) -> None: ...

class vdm_iana(Layer):
    """Vendor-defined message (IANA enterprise number)"""
    enterprise: int
    rq: int
    vendor_bits: int
    command: int
    mctp_to: int
    def __init__(self, *, enterprise: _Number = ..., rq: _Number = ..., vendor_bits: _Number = ..., command: _Number = ..., mctp_to: _Number = ...) -> None: ...

class vdm_pci(Layer):
    """Vendor-defined message (PCI vendor ID)"""
    vendor_id: int
    rq: int
    vendor_bits: int
    command: int
    mctp_to: int
    def __init__(self, *, vendor_id: _Number = ..., rq: _Number = ..., vendor_bits: _Number = ..., command: _Number = ..., mctp_to: _Number = ...) -> None: ...
