#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# set-from.py PATCH NAME EMAIL: make the From: header of a git format-patch
# file NAME <EMAIL> (RFC 2047-encoded when needed), used by patches.sh.
import sys
from email.utils import formataddr

path, name, email = sys.argv[1:4]
with open(path, encoding='utf-8') as f:
    lines = f.read().split('\n')
for k, line in enumerate(lines):
    if line == '':
        break
    if line.startswith('From: '):
        lines[k] = 'From: ' + formataddr((name, email), charset='utf-8')
        while k + 1 < len(lines) and lines[k + 1][:1] in (' ', '\t'):
            del lines[k + 1]
        break
with open(path, 'w', encoding='utf-8') as f:
    f.write('\n'.join(lines))
