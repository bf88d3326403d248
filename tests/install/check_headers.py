#!/usr/bin/env python3
"""Every public header compiles on its own with clang++ (and with the compiler of the build):
a user of the installed package includes any one of them first, with either compiler.

Usage: check_headers.py INCLUDE_DIR COMPILER...
"""
import concurrent.futures
import os
import subprocess
import sys

include_dir, compilers = sys.argv[1], sys.argv[2:]
headers = sorted(os.path.relpath(os.path.join(d, f), include_dir)
                 for d, _, files in os.walk(include_dir) for f in files if f.endswith(".hpp"))


def check(job):
    compiler, header = job
    p = subprocess.run([compiler, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-I", include_dir,
                        "-x", "c++", "-"], input=f'#include "{header}"\n', capture_output=True, text=True,
                       timeout=900)
    return job, p


# One compiler process per header, as many at a time as there are processors.
jobs = [(compiler, header) for compiler in compilers for header in headers]
failed = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
    for (compiler, header), p in pool.map(check, jobs):
        if p.returncode != 0:
            failed += 1
            print(f"FAIL {compiler} {header}\n{p.stderr[:3000]}")
print(f"{len(jobs) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
