#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""fixes-check.py LINE KSRC [--base REV]

Every Fixes: <sha> ("subject") in drivers-md/LINE's series (the patch files
and the generated KUnit/doc commit messages) must name a commit that the
line's tree has: its base (series-base/LINE, else tag base, else HEAD), or
an earlier patch of the same series that backports it ("commit <sha>
upstream.").  A commit the text cites ("since commit <sha> (...)") that the
tree lacks is a warning.  Cc: stable dependency notes (# X.Y.x: <sha>: ...) must name a
known upstream commit, and a dependency named by its subject in quotes
(# needs "<subject>") an earlier patch of the series.  A tree with upstream
history answers with git merge-base --is-ancestor; a history-less tree with upstream-commits.tsv
(first release + code fingerprint, see there).  The subject must match the
commit's.  Prints one line per tag; exits 1 if any tag fails.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def git(ksrc, *args):
    r = subprocess.run(['git', '-C', ksrc] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout


def load_db():
    db = {}
    with open(os.path.join(HERE, 'upstream-commits.tsv')) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            sha, first, stable, fp, subject = line.rstrip('\n').split('\t')
            st = {}
            if stable != '-':
                for s in stable.split(','):
                    k, v = s.split('=')
                    st[k] = v
            db[sha] = dict(first=tuple(int(x) for x in first.split('.')),
                           stable=st, fp=[] if fp == '-' else fp.split(' && '),
                           subject=subject)
    return db


def tree_version(ksrc, base):
    rc, mk = git(ksrc, 'show', base + ':Makefile')
    v = dict(re.findall(r'^(VERSION|PATCHLEVEL|SUBLEVEL) = (\d+)', mk, re.M))
    return int(v['VERSION']), int(v['PATCHLEVEL']), int(v.get('SUBLEVEL', 0))


def fingerprint(ksrc, base, fps):
    """None if every fingerprint holds, else the first one that does not."""
    for fp in fps:
        sign, rest = fp[0], fp[1:]
        path, s = rest.split(':', 1)
        rc, _ = git(ksrc, 'grep', '-q', '-F', '-e', s, base, '--', path)
        if (rc == 0) != (sign == '+'):
            return fp
    return None


def resolve(ksrc, base, ver, db, sha):
    """(ok, how) for commit sha in the tree at base."""
    rc, full = git(ksrc, 'rev-parse', '-q', '--verify', sha + '^{commit}')
    if rc == 0:
        rc, _ = git(ksrc, 'merge-base', '--is-ancestor', full.strip(), base)
        return rc == 0, 'git history: %s an ancestor of %s' % ('is' if rc == 0 else 'NOT', base)
    key = next((k for k in db if sha.startswith(k) or k.startswith(sha)), None)
    if key is None:
        return False, 'not in the tree\'s history nor in upstream-commits.tsv'
    e = db[key]
    line = '%d.%d' % ver[:2]
    first = '%d.%d' % e['first']
    if not e['fp']:
        return False, 'no code fingerprint in upstream-commits.tsv to look for it'
    miss = fingerprint(ksrc, base, e['fp'])
    if ver[:2] >= e['first']:
        if miss:
            return False, 'tree %s >= v%s but its code is not there (%s)' % (line, first, miss)
        return True, 'v%s <= %s and its code is there' % (first, line)
    bp = e['stable'].get(line + '.y')
    if bp and not miss:
        return True, 'in %s.y as %s and its code is there' % (line, bp)
    if bp:
        return False, 'first in v%s; %s.y has it as %s but this %d.%d.%d tree does not (%s)' % (
            first, line, bp, ver[0], ver[1], ver[2], miss)
    return False, 'first in v%s, not in %s (no %s.y backport known)' % (first, line, line)


def message(text):
    """Commit message part of a patch file (headers and diff dropped)."""
    if text.startswith('From ') or re.match(r'^(From|Subject|Date): ', text):
        text = text.split('\n\n', 1)[1] if '\n\n' in text else ''
    return re.split(r'^---$', text, maxsplit=1, flags=re.M)[0]


def subject(name, text, msg):
    """The subject of a series entry: a patch file's Subject: header (folded
    lines joined, [PATCH ...] dropped), or the first line of a commit-msg."""
    m = re.search(r'^Subject: (.*(?:\n [^\n]*)*)', text, re.M)
    if m and name.endswith('.patch'):
        return re.sub(r'^\[[^]]*\]\s*', '', ' '.join(m.group(1).split('\n ')).strip())
    return msg.strip().split('\n')[0]


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    line, ksrc = args[0], args[1]
    base = None
    if '--base' in args:
        base = args[args.index('--base') + 1]
    for cand in ([base] if base else ['series-base/' + line, 'base', 'HEAD']):
        if git(ksrc, 'rev-parse', '-q', '--verify', cand)[0] == 0:
            base = cand
            break
    ver = tree_version(ksrc, base)
    db = load_db()
    series = os.path.join(TOP, 'drivers-md', line, 'series')
    entries = []
    for l in open(series):
        l = l.strip()
        if not l or l.startswith('#'):
            continue
        a = l.split()
        if a[0] == 'kunit':
            entries.append(('kunit ' + a[1], os.path.join(TOP, 'kunit', a[1], 'commit-msg')))
        elif a[0] == 'doc':
            entries.append(('doc ' + a[1], os.path.join(TOP, 'drivers-md', 'docs', a[1] + '.commit-msg')))
        else:
            entries.append((a[0], os.path.join(TOP, 'drivers-md', line, a[0])))
    print('fixes: drivers-md/%s against %s at %s (%d.%d.%d)' % ((line, ksrc, base) + ver))
    backported = {}
    subjects = set()
    bad = total = warn = 0
    for name, path in entries:
        text = open(path, encoding='utf-8').read()
        msg = message(text)
        checks = []
        for m in re.finditer(r'^Fixes:\s*([0-9a-f]{7,40})\s*\("(.*)"\)\s*$', msg, re.M):
            checks.append(('Fixes', m.group(1), m.group(2)))
        for m in re.finditer(r'^Fixes:(?!\s*[0-9a-f]{7,40}\s*\(".*"\)\s*$).*$', msg, re.M):
            checks.append(('Fixes', None, m.group(0)))
        for m in re.finditer(r'^Cc:\s*stable@vger\.kernel\.org\s*#.*?\b([0-9a-f]{12,40})\b', msg, re.M | re.I):
            checks.append(('Cc-stable-dep', m.group(1), None))
        # A commit the message cites in prose ("Since commit X (...)") must
        # be there too, unless the text says it is upstream's.
        for m in re.finditer(r'(\S+\s+)?\bcommit\s+([0-9a-f]{12,40})\s+\(\"', msg):
            if not re.match(r'(?i)(upstream|mainline)', m.group(1) or ''):
                checks.append(('ref', m.group(2), None))
        # A dependency named by subject (# needs "<subject>") must be a
        # patch that comes earlier in this series.
        for m in re.finditer(r'^Cc:\s*stable@vger\.kernel\.org\s*#.*$', msg, re.M | re.I):
            for dep in re.findall(r'"([^"]+)"', m.group(0)):
                total += 1
                ok = dep in subjects
                bad += not ok
                print('  %-4s %-60.60s %s "%s": %s' % (
                    'ok' if ok else 'FAIL', name, 'Cc-stable-dep', dep[:40],
                    'earlier in this series' if ok else 'no earlier patch of the series has this subject'))
        subjects.add(subject(name, text, msg))
        up = re.search(r'^commit ([0-9a-f]{40}) upstream\.$', msg, re.M)
        for kind, sha, subj in checks:
            total += 1
            if sha is None:
                ok, how = False, 'malformed tag: ' + subj
            elif kind == 'Cc-stable-dep':
                key = next((k for k in db if sha.startswith(k) or k.startswith(sha)), None)
                ok = key is not None or git(ksrc, 'rev-parse', '-q', '--verify', sha + '^{commit}')[0] == 0
                how = 'prerequisite named' if ok else 'unknown commit'
            else:
                ok, how = resolve(ksrc, base, ver, db, sha)
                prior = next((v for k, v in backported.items() if k.startswith(sha)), None)
                if not ok and prior:
                    ok, how = True, how + '; backported earlier in this series by ' + prior
                key = next((k for k in db if sha.startswith(k) or k.startswith(sha)), None)
                if ok and key and subj is not None and subj != db[key]['subject']:
                    ok, how = False, 'subject differs from upstream\'s "%s"' % db[key]['subject']
            if up and kind == 'Fixes' and not ok:
                how += ' (tag kept verbatim from upstream %s: is the backport right for %s?)' % (up.group(1)[:12], line)
            # A commit cited in prose is a warning (a backport may well say
            # what upstream changed); Fixes: and dependencies must resolve.
            verdict = 'ok' if ok else ('WARN' if kind == 'ref' else 'FAIL')
            bad += verdict == 'FAIL'
            warn += verdict == 'WARN'
            print('  %-4s %-60.60s %s %s: %s' % (verdict, name, kind, sha or '?', how))
        if up:
            backported[up.group(1)] = name
    print('fixes: %d tags in drivers-md/%s, %d failed, %d warnings (commits cited in prose)' % (
        total, line, bad, warn))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
