#!/usr/bin/env python3
"""The shared library's thread-local storage stays small enough to be loaded by dlopen.

The library reaches its per-thread objects through pointers in the initial-exec TLS model
(src/core/detail/per_thread.hpp), which marks it STATIC_TLS: a program that loads it with dlopen
(Python importing the module) must fit all of its thread-local storage in the few hundred bytes
of static TLS that glibc keeps spare for that. The objects themselves are on the heap; a
thread_local object added to the library would land here and break such loading.

Usage: check_tls.py LIBRARY [LIMIT_BYTES]
"""
import struct
import sys

PT_TLS = 7
library = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 256

with open(library, "rb") as f:
    elf = f.read()
if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
    sys.exit(f"{library}: not a 64-bit little-endian ELF file")
phoff, = struct.unpack_from("<Q", elf, 0x20)
phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
tls = 0
for i in range(phnum):
    p_type, = struct.unpack_from("<I", elf, phoff + i * phentsize)
    if p_type == PT_TLS:
        tls, = struct.unpack_from("<Q", elf, phoff + i * phentsize + 0x28)  # p_memsz
print(f"{library}: {tls} bytes of thread-local storage (at most {limit})")
if tls > limit:
    sys.exit(f"{library}: {tls} bytes of thread-local storage is more than {limit}: keep per-thread "
             "objects on the heap (detail::per_thread), not in thread_local variables of the library")
