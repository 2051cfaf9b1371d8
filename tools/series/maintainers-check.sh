#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# maintainers-check.sh LINE KSRC -- check MAINTAINERS.snippet against the
# tree with the series applied: every entry of the snippet is in the
# tree's MAINTAINERS, in its section, every entry the series adds is in
# the snippet, each entry's pattern matches files of the tree
# (get_maintainer.pl --self-test=patterns reports nothing new), and
# get_maintainer.pl names the section's list for each new file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
line=${1:?usage: maintainers-check.sh LINE KSRC}
ksrc=$(cd "${2:?usage: maintainers-check.sh LINE KSRC}" && pwd)
snippet="$top/MAINTAINERS.snippet"
base=series-base/$line

added=$(git -C "$ksrc" diff "$base..HEAD" -- MAINTAINERS | sed -n 's/^+\([A-Z]:\t.*\)$/\1/p' | sort)
listed=$(grep -P '^[A-Z]:\t' "$snippet" | sort)
status=0
if [ "$added" != "$listed" ]; then
	echo "maintainers: MAINTAINERS.snippet and the series disagree:"
	diff <(echo "$listed") <(echo "$added") | sed -n 's/^</  only in the snippet:/p; s/^>/  only in the series:/p'
	status=1
fi
# Each entry must sit in its section in the patched MAINTAINERS.
python3 - "$ksrc/MAINTAINERS" "$snippet" <<'PY' || status=1
import sys
text = open(sys.argv[1]).read().split('\n')
title, bad = None, 0
for raw in open(sys.argv[2]):
    l = raw.rstrip('\n')
    if not l or l.startswith('#'):
        continue
    if len(l) > 2 and l[1] == ':' and l[2] == '\t':
        i = text.index(title) if title in text else -1
        j = i
        while 0 <= j < len(text) and text[j].strip():
            j += 1
        if i < 0 or l not in text[i:j]:
            print(f'maintainers: "{l}" is not in section "{title}"')
            bad += 1
    else:
        title = l
sys.exit(1 if bad else 0)
PY
selftest() { (cd "$1" && perl scripts/get_maintainer.pl --self-test=patterns 2>&1 | sed -E 's/^[^:]*MAINTAINERS:[0-9]+: //' | sort -u); }
wt=$(mktemp -d)
git -C "$ksrc" worktree add -q --detach "$wt/base" "$base"
new=$(comm -13 <(selftest "$wt/base") <(selftest "$ksrc"))
git -C "$ksrc" worktree remove --force "$wt/base"; rm -rf "$wt"
if [ -n "$new" ]; then
	echo "maintainers: get_maintainer.pl --self-test=patterns, new:"
	printf '%s\n' "$new" | sed 's/^/  /'
	status=1
fi
n=0
for f in $(git -C "$ksrc" diff --name-only --diff-filter=A "$base..HEAD"); do
	n=$((n + 1))
	who=$(cd "$ksrc" && perl scripts/get_maintainer.pl --no-git --no-git-fallback -f "$f" 2>/dev/null | grep -c '@vger.kernel.org' || true)
	[ "$who" -gt 0 ] || { echo "maintainers: no list for new file $f"; status=1; }
done
echo "maintainers: $(echo "$listed" | grep -c .) snippet entries, $n new files, $([ $status = 0 ] && echo ok || echo FAILED)"
exit $status
