#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""maintainers.py MAINTAINERS FRAGMENT...

Add the F: (and other) entry lines of each FRAGMENT to the MAINTAINERS file.
A fragment holds one or more blocks: a section title line exactly as in
MAINTAINERS, followed by tab-separated entry lines ("F:\tdrivers/md/x.c").
Each entry is inserted among the section's entries of the same type in
sorted order, as scripts/parse-maintainers.pl keeps them; entries already
present are left alone.
"""
import sys


def blocks(path):
    title, lines = None, []
    with open(path) as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            if len(line) > 2 and line[1] == ':' and line[2] == '\t':
                lines.append(line)
            else:
                if title:
                    yield title, lines
                title, lines = line, []
    if title:
        yield title, lines


def add(text, title, entries):
    try:
        start = text.index(title) + 1
    except ValueError:
        sys.exit(f'maintainers: no section "{title}" in MAINTAINERS')
    end = start
    while end < len(text) and text[end].strip():
        end += 1
    for entry in entries:
        if entry in text[start:end]:
            continue
        kind = entry[:2]
        same = [i for i in range(start, end) if text[i][:2] == kind]
        pos = end
        for i in same:
            if text[i] > entry:
                pos = i
                break
        else:
            if same:
                pos = same[-1] + 1
        text.insert(pos, entry)
        end += 1
    return text


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        text = f.read().split('\n')
    for frag in sys.argv[2:]:
        for title, entries in blocks(frag):
            text = add(text, title, entries)
    with open(sys.argv[1], 'w') as f:
        f.write('\n'.join(text))


if __name__ == '__main__':
    main()
