#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse.sh LINE KSRC OUT -- run sparse (make C=2) over drivers/md of the
# patched tree KSRC and of its unpatched base (tag series-base/LINE, checked
# out as a git worktree), and fail if the series adds any warning.  Warnings
# are compared without line numbers, so moved code does not count as new.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
line=${1:?usage: sparse.sh LINE KSRC OUT}
ksrc=$(cd "${2:?usage: sparse.sh LINE KSRC OUT}" && pwd)
out=${3:?usage: sparse.sh LINE KSRC OUT}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# make runs from the tree: a SPARSE= path must not be relative to here
case ${SPARSE:-} in */*) SPARSE=$(readlink -f "$SPARSE") ;; esac
command -v "${SPARSE:-sparse}" >/dev/null || { echo "sparse: not installed (apt-get install sparse)" >&2; exit 2; }
base=series-base/$line
wt="$out/base-src"
if [ ! -d "$wt" ]; then
	git -C "$ksrc" worktree prune
	git -C "$ksrc" worktree add -q --detach "$wt" "$base"
else
	git -C "$wt" checkout -q --detach "$(git -C "$ksrc" rev-parse "$base")"
fi

run() { # tree objdir log
	"$here/build.sh" "$1" "$2" C=2 ${SPARSE:+CHECK="$SPARSE"} > "$3" 2>&1 ||
		{ cat "$3" >&2; return 1; }
	if grep -q 'specified, but .* is not available or not up to date' "$3"; then
		echo "sparse: $(${SPARSE:-sparse} --version 2>/dev/null) is too old for this tree" \
			"(scripts/checker-valid.sh); point SPARSE= at a newer sparse" >&2
		return 2
	fi
	# (no warning at all is a result too: grep's status must not fail it)
	{ grep -E ': (warning|error):' "$3" || true; } |
		sed -E "s#^$1/##; s#^([^:]+):[0-9]+:[0-9]+:#\\1:#" | sort -u
}
rev=$(git -C "$wt" rev-parse HEAD)
if [ -f "$out/base.warnings" ] && [ "$(cat "$out/base.rev" 2>/dev/null)" = "$rev" ]; then
	echo "  SPARSE  unpatched ${rev:0:9} (warnings of an earlier run)"
else
	echo "  SPARSE  unpatched ${rev:0:9}"
	run "$wt" "$out/base-obj" "$out/base.log" > "$out/base.warnings" || exit $?
	echo "$rev" > "$out/base.rev"
fi
echo "  SPARSE  patched $(git -C "$ksrc" rev-parse --short HEAD)"
run "$ksrc" "$out/obj" "$out/patched.log" > "$out/patched.warnings" || exit $?
new=$(comm -13 "$out/base.warnings" "$out/patched.warnings")
echo "sparse: drivers/md: $(wc -l < "$out/base.warnings") warnings unpatched, $(wc -l < "$out/patched.warnings") patched, $(printf '%s' "$new" | grep -c . || true) new"
if [ -n "$new" ]; then
	printf '%s\n' "$new" | sed 's/^/  NEW: /'
	exit 1
fi
