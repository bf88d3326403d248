"""Plugin layers from Python: the sample vendor plugin, loaded at import through
MCTPKIT_PLUGIN_PATH and by load_plugins(). Each case runs in its own interpreter, so the layers it
adds do not reach the other tests."""

import os
import subprocess
import sys
import textwrap

import pytest

SAMPLE = os.environ.get("MCTPKIT_SAMPLE_PLUGIN", "")
PACKET = "01 09 08 c8 7e 99 99 00 00 10 00 00 04 de ad be ef"
SUMMARY = ("MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x00, rq: 0) / "
           "SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=4)")


def run_python(code, **env):
    assert SAMPLE, "MCTPKIT_SAMPLE_PLUGIN is not set"
    environment = {k: v for k, v in os.environ.items() if k not in ("MCTPKIT_PLUGIN_PATH", "MCTPKIT_NO_PLUGINS")}
    environment.update(env)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=environment, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_plugin_layers_load_at_import():
    out = run_python(f"""
        import mctpkit
        from mctpkit.layers import mctp, vdm_pci, sample_vendor
        print([p.name for p in mctpkit.plugins()])
        print(mctpkit.decode("{PACKET}").summary())
        pkt = mctp(dst=9, src=8, to=1) / vdm_pci(vendor_id=0x9999, rq=0) / sample_vendor(command=0x10, data=b"\\xde\\xad\\xbe\\xef")
        print(bytes(pkt).hex(" "))
        print(mctpkit.decode("{PACKET}")["sample_vendor"].data_length)
        """, MCTPKIT_PLUGIN_PATH=SAMPLE)
    assert out == f"['sample-vendor']\n{SUMMARY}\n{PACKET}\n4\n"


def test_no_plugins_at_import_when_asked_then_load_plugins():
    out = run_python(f"""
        import mctpkit
        print(mctpkit.plugins(), hasattr(mctpkit.layers, "sample_vendor"))
        print(mctpkit.decode("{PACKET}").summary().rsplit(" / ", 1)[1])
        report = mctpkit.load_plugins({SAMPLE!r})
        print([p.name for p in report.loaded], report.refused)
        plugin = report.loaded[0]
        print(plugin.version, plugin.path == {SAMPLE!r}, sorted(plugin.layers))
        print(hasattr(mctpkit.layers, "sample_vendor"), mctpkit.decode("{PACKET}").summary() == {SUMMARY!r})
        print(mctpkit.craft("mctp(dst=9,src=8,to=1)/vdm_pci(vendor_id=0x9999)/sample_vendor_get_version(component_id=5)").build().hex(" "))
        """, MCTPKIT_PLUGIN_PATH=SAMPLE, MCTPKIT_NO_PLUGINS="1")
    assert out == ("[] False\nRaw\n['sample-vendor'] []\n"
                   f"1.0.0 True ['sample_vendor_get_version_req', 'sample_vendor_get_version_rsp', 'sample_vendor_packet']\n"
                   "True True\n01 09 08 c8 7e 99 99 80 01 05\n")


def test_a_refused_plugin_is_reported_not_raised(tmp_path):
    broken = tmp_path / "broken.so"
    broken.write_bytes(b"not a shared library")
    out = run_python(f"""
        import mctpkit
        report = mctpkit.load_plugins({str(broken)!r})
        print(report.loaded, len(report.refused), report.refused[0].path == {str(broken)!r})
        print(report.refused[0].reason)
        print(mctpkit.load_plugins("/no/such/plugin.so").refused)
        """, MCTPKIT_NO_PLUGINS="1")
    assert out == ("[] 1 True\nnot a loadable shared library (file too short)\n"
                   "[<RefusedPlugin /no/such/plugin.so: refused: no such file>]\n")
