#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Choose the key offset and SIMD bucket of each scan anchor (the speed
plan mdc_anchor_plan[] in src/ruletab.h; the anchors come from the rules).

Usage: anchor-plan.py CORPUS... > table   (Debian's python3 + python3-numpy;
about two minutes for 25 MB of corpus)

The scanner's prefilter (Teddy: 16 buckets, 4-byte fingerprints, nibble
tables) lets a position through when, for one bucket, each of the 8
nibbles at the position occurs among that bucket's fingerprints.  Its
false positives, not the scan, are what costs time, and they depend on
which four bytes of each anchor are the fingerprint and which anchors
share a bucket.  This counts every 4-byte window of the corpora (give it
ordinary logs and prose: the bench log, a kernel Documentation/ dump,
dmesg) and searches offsets and buckets that minimise the windows that
pass.  It prints mdc_anchor_plan[] for src/ruletab.h; only speed depends on
it, since a hit is always verified against the whole anchor.
"""
import re
import sys
from collections import Counter

import numpy as np

NB = 16
SRC = __file__.rsplit('/', 2)[0] + '/src/ruletab.h'


def anchors():
    s = open(SRC).read()
    body = s[s.index('mdc_anchor_plan[] = {'):]
    body = body[:body.index('};')]
    out = []
    for m in re.finditer(r'\{ "((?:[^"\\]|\\.)*)", \d+, \d+ \}()()', body):
        lit = m.group(1).encode().decode('unicode_escape').encode('latin1')
        out.append((m.group(1), lit, m.group(3) or ''))
    return out


def grams(paths):
    c = Counter()
    for p in paths:
        b = open(p, 'rb').read()
        a = np.frombuffer(b, dtype=np.uint8).astype(np.uint32)
        v = a[:-3] | (a[1:-2] << 8) | (a[2:-1] << 16) | (a[3:] << 24)
        u, n = np.unique(v, return_counts=True)
        for k, x in zip(u.tolist(), n.tolist()):
            c[k] += x
    keys = np.array(list(c.keys()), dtype=np.uint32)
    w = np.array(list(c.values()), dtype=np.int64)
    g = np.stack([(keys >> (8 * j)) & 0xff for j in range(4)]).astype(np.uint8)
    return g, w


def fp_of(lit, off):
    return [lit[off + j] if off + j < len(lit) else -1 for j in range(4)]


class Plan:
    def __init__(self, g, w, lits):
        self.g, self.w, self.lits = g, w, lits
        self.lo = g & 15
        self.hi = g >> 4

    def cost(self, fps):
        """windows passing a bucket made of these fingerprints"""
        if not fps:
            return 0
        m = np.ones(self.g.shape[1], dtype=bool)
        for j in range(4):
            L = np.zeros(16, dtype=bool)
            H = np.zeros(16, dtype=bool)
            for f in fps:
                if f[j] < 0:
                    L[:] = True
                    H[:] = True
                else:
                    L[f[j] & 15] = True
                    H[f[j] >> 4] = True
            m &= L[self.lo[j]] & H[self.hi[j]]
        return int(self.w[m].sum())


def main():
    lits = anchors()
    g, w = grams(sys.argv[1:])
    P = Plan(g, w, lits)
    n = len(lits)
    offs = []
    for _, lit, _ in lits:
        best = min(range(max(1, len(lit) - 1)),
                   key=lambda o: P.cost([fp_of(lit, o)]))
        offs.append(best)
    # greedy: most expensive anchors first, each to its cheapest bucket
    order = sorted(range(n), key=lambda i: -P.cost([fp_of(lits[i][1], offs[i])]))
    bk = [[] for _ in range(NB)]
    where = [0] * n
    for i in order:
        fi = fp_of(lits[i][1], offs[i])
        costs = [P.cost([fp_of(lits[k][1], offs[k]) for k in b] + [fi]) -
                 P.cost([fp_of(lits[k][1], offs[k]) for k in b]) for b in bk]
        b = int(np.argmin(costs))
        bk[b].append(i)
        where[i] = b

    def bcost(b):
        return P.cost([fp_of(lits[k][1], offs[k]) for k in bk[b]])
    total = sum(bcost(b) for b in range(NB))
    for sweep in range(3):
        improved = False
        for i in range(n):
            lit = lits[i][1]
            b0 = where[i]
            bk[b0].remove(i)
            bestc, best = None, None
            for o in range(max(1, len(lit) - 1)):
                offs[i] = o
                fi = fp_of(lit, o)
                for b in range(NB):
                    rest = [fp_of(lits[k][1], offs[k]) for k in bk[b]]
                    c = P.cost(rest + [fi]) - P.cost(rest)
                    if bestc is None or c < bestc:
                        bestc, best = c, (o, b)
            offs[i], b = best
            bk[b].append(i)
            if b != b0:
                improved = True
            where[i] = b
        new = sum(bcost(b) for b in range(NB))
        print(f'/* sweep {sweep}: {total} -> {new} windows pass */', file=sys.stderr)
        if new >= total and not improved:
            break
        total = new
    tot = int(w.sum())
    print(f'/* {tot} windows, {total} pass the prefilter ({1e6 * total / tot:.0f} per million) */', file=sys.stderr)
    for i, (src, lit, com) in enumerate(lits):
        print(f'\t{{ "{src}", {offs[i]}, {where[i]} }},{(" " + com) if com else ""}')


main()
