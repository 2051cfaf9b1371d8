#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Replay real kernel logs for `make bench`: the "replay" shape.

Usage: replay.py SIZE OUTPUT SEED LOG...   (SIZE in bytes, suffixes K M G)

The logs (the examples and the test corpus: public bug reports and list
posts, in every format mdclassify reads) are written one after another,
over and over, until SIZE bytes.  Each copy gets new numbers after
"sector ", "sectors ", "block ", "LBA " and "tag#", so that no message is
seen twice and the rules' memo answers nothing it would not answer in a
real log.  Unlike genlog.py's shapes this one is made of the tests' own
messages, in their own formats (bare lines, dmesg, dmesg -T, syslog,
ISO 8601, journal exports): it shows how the other shapes' figures hold
on real text, and is no shape to tune keys on.  Deterministic for a seed.
"""
import random
import re
import sys

NUM = re.compile(rb'(sector |sectors |block |LBA |tag#)(\d+)')


def size_arg(s):
    mult = {'K': 1 << 10, 'M': 1 << 20, 'G': 1 << 30}
    return int(s[:-1]) * mult[s[-1]] if s[-1] in mult else int(s)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__.split('\n\n')[1])
    size = size_arg(sys.argv[1])
    rnd = random.Random(int(sys.argv[3]))
    lines = []
    for path in sys.argv[4:]:
        with open(path, 'rb') as f:
            lines += f.read().splitlines(keepends=True)
    if not lines:
        sys.exit('replay.py: the logs are empty')

    def renumber(m):
        return m.group(1) + str(rnd.randrange(10 ** len(m.group(2)))).encode()

    n = 0
    with open(sys.argv[2], 'wb') as out:
        while n < size:
            chunk = b''.join(NUM.sub(renumber, line) for line in lines)
            out.write(chunk)
            n += len(chunk)


if __name__ == '__main__':
    main()
