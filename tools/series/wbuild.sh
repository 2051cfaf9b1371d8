#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# wbuild.sh LINE KSRC OUT -- compile drivers/md of the patched tree with W=1
# and fail if any warning points into a file the series touches
# (series-base/LINE..HEAD).  Warnings elsewhere in drivers/md are the
# tree's own and are only counted.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
line=${1:?usage: wbuild.sh LINE KSRC OUT}
ksrc=$(cd "${2:?usage: wbuild.sh LINE KSRC OUT}" && pwd)
out=${3:?usage: wbuild.sh LINE KSRC OUT}
mkdir -p "$out"
log="$out/build-W1.log"
if ! "$here/build.sh" "$ksrc" "$out/obj" W=1 > "$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "build: drivers/md of $line does not build with W=1 (log: $log)" >&2
	exit 1
fi
touched=$(git -C "$ksrc" diff --name-only "series-base/$line..HEAD" -- '*.c' '*.h')
objs=$(find "$out/obj/drivers/md" -name '*.o' | wc -l)
all=$(grep -cE ': warning:' "$log" || true)
ours=""
for f in $touched; do
	ours+=$(grep -E "(^|/)$f:[0-9]+:[0-9]+: warning:" "$log" || true)
done
echo "build: W=1 drivers/md ($objs objects): $all warnings from recompiled objects, $(printf '%s' "$ours" | grep -c . || true) in the $(echo "$touched" | wc -w) files the series touches"
if [ -n "$ours" ]; then
	printf '%s\n' "$ours" | sed 's/^/  /'
	exit 1
fi
