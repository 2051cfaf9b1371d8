#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# export.sh LINE TOPIC KSRC FROM [TO] -- write the commits FROM..TO (TO
# defaults to HEAD) of the git tree KSRC as drivers-md/LINE/TOPIC/ with
# git format-patch --cover-letter --base=FROM, the way a kernel developer
# keeps a series.  The subject and blurb of an existing cover letter are
# kept; the shortlog and diffstat are regenerated.  The TOPIC/ entries of
# drivers-md/LINE/series are replaced by the new patch files, in place.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
line=${1:?usage: export.sh LINE TOPIC KSRC FROM [TO]}
topic=${2:?usage: export.sh LINE TOPIC KSRC FROM [TO]}
ksrc=$(cd "${3:?usage: export.sh LINE TOPIC KSRC FROM [TO]}" && pwd)
from=${4:?usage: export.sh LINE TOPIC KSRC FROM [TO]}
to=${5:-HEAD}
out="$top/drivers-md/$line/$topic"
cover="$out/0000-cover-letter.patch"
keep=$(mktemp)
trap 'rm -f "$keep"' EXIT

# Keep the hand-written part of the cover letter: Subject to the shortlog.
if [ -f "$cover" ]; then
	awk '/^Subject: /{p=1} p && /^[^ ].* \([0-9]+\):$/{exit} p' "$cover" > "$keep"
fi
rm -f "$out"/*.patch
mkdir -p "$out"
git -C "$ksrc" format-patch -q --cover-letter --base="$from" --no-signature --notes \
	--zero-commit -o "$out" "$from..$to"
if [ -s "$keep" ]; then
	awk -v keep="$keep" '
		/^Subject: / && !done { while ((getline l < keep) > 0) print l; skip=1; done=1; next }
		skip && /^[^ ].* \([0-9]+\):$/ { skip=0 }
		!skip' "$cover" > "$cover.new" && mv "$cover.new" "$cover"
fi
series="$top/drivers-md/$line/series"
touch "$series"
python3 - "$series" "$topic" "$out" <<'PY'
import os, sys
series, topic, out = sys.argv[1:]
new = [f'{topic}/{f}' for f in sorted(os.listdir(out))
       if f.endswith('.patch') and not f.startswith('0000-')]
lines = open(series).read().splitlines()
res, done = [], False
for l in lines:
    if l.startswith(topic + '/'):
        if not done:
            res += new
            done = True
        continue
    res.append(l)
if not done:
    res += new
open(series, 'w').write('\n'.join(res) + '\n')
PY
ls "$out"
