#!/usr/bin/env python3
"""measure.py RESULT_FILE CMD...: run CMD, write "wall user sys maxrss_kb exit" to RESULT_FILE.

stdin/stdout/stderr are the caller's.
- wall: monotonic clock around the command.
- user/sys: CPU seconds of the command and every descendant it waited for (wait4 rusage),
  so they are the command's own, whatever else the machine is doing.
- maxrss: peak resident set size in kB.  A process exec'd from Python inherits Python's
  high-water mark (the kernel records the pre-exec mm), so when GNU time exists the command
  runs under `/usr/bin/time -f %M` (a tiny C parent) and its figure is used; otherwise
  VmHWM of the command is polled from /proc every 5 ms (may miss a last-moment peak).
"""
import os
import shutil
import sys
import tempfile
import time

out, argv = sys.argv[1], sys.argv[2:]
exe = shutil.which(argv[0]) or argv[0]
gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
rss_file = None
if gnu_time:
    fd, rss_file = tempfile.mkstemp(prefix="measure-rss-")
    os.close(fd)
    argv = [gnu_time, "-f", "%M", "-o", rss_file, exe] + argv[1:]
    exe = gnu_time

t0 = time.monotonic()
pid = os.posix_spawn(exe, argv, os.environ)
hwm = 0
if gnu_time:
    _, status, ru = os.wait4(pid, 0)
else:
    while True:
        done, status, ru = os.wait4(pid, os.WNOHANG)
        if done:
            break
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.005)
wall = time.monotonic() - t0
rc = os.waitstatus_to_exitcode(status)
if rss_file:
    with open(rss_file) as f:
        lines = [l for l in f.read().split("\n") if l.strip().isdigit()]
    os.unlink(rss_file)
    hwm = int(lines[-1]) if lines else 0
if rc < 0:
    rc = 128 - rc
with open(out, "w") as f:
    f.write(f"{wall:.3f} {ru.ru_utime:.3f} {ru.ru_stime:.3f} {hwm} {rc}\n")
