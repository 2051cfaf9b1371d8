#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a simple fixture (BOOT_ID REALTIME_SEC MONOTONIC_SEC TRANSPORT|IDENT MESSAGE,
with \\n for embedded newlines) into `journalctl -o export` text, the input
format of systemd-journal-remote, so the tests can build a real journal file."""
import sys

for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    boot, real, mono, who, msg = line.rstrip("\n").split(" ", 4)
    msg = msg.replace("\\n", "\n")
    out = ["__CURSOR=s=%s;i=%x" % (boot, n + 1),
           "__REALTIME_TIMESTAMP=%d" % (int(real) * 1000000 + n),
           "__MONOTONIC_TIMESTAMP=%d" % int(float(mono) * 1e6),
           "_BOOT_ID=%s" % boot,
           "_MACHINE_ID=0123456789abcdef0123456789abcdef",
           "_HOSTNAME=fixture"]
    if who == "kernel":
        out += ["_TRANSPORT=kernel", "SYSLOG_IDENTIFIER=kernel", "PRIORITY=3",
                "_SOURCE_MONOTONIC_TIMESTAMP=%d" % int(float(mono) * 1e6)]
    else:
        out += ["_TRANSPORT=syslog", "SYSLOG_IDENTIFIER=%s" % who, "PRIORITY=4"]
    sys.stdout.write("\n".join(out) + "\n")
    if "\n" in msg:
        data = msg.encode()
        sys.stdout.buffer.write(b"MESSAGE\n" + len(data).to_bytes(8, "little") + data + b"\n")
        sys.stdout.flush()
    else:
        sys.stdout.write("MESSAGE=%s\n" % msg)
    sys.stdout.write("\n")
    sys.stdout.flush()
