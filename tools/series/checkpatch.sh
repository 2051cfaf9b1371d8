#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.sh LINE KSRC -- run scripts/checkpatch.pl --strict on every
# patch of drivers-md/LINE: the committed patch files, and the KUnit patches
# that the workflow generates from kunit/ (taken from KSRC, where make apply
# committed them).  Fails on any ERROR or WARNING, and on a CHECK that its
# patch does not justify below the "---" line (a "checkpatch:" note).
#
# FILE_PATH_CHANGES is not checked for a patch whose new files all have a
# maintainer already.  UNKNOWN_COMMIT_ID is not checked: the trees are imported from tarballs and
# have no upstream history to look the cited commits up in.  BAD_FIXES_TAG
# is not checked in a backport of an upstream commit ("commit <sha>
# upstream."), whose message is kept verbatim.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

# covered KSRC FILE: every file FILE adds has a maintainer in KSRC's MAINTAINERS.
covered() {
	local f
	for f in $(awk '/^--- \/dev\/null$/ { getline; sub(/^\+\+\+ b\//, ""); print }' "$2"); do
		(cd "$1" && perl scripts/get_maintainer.pl --no-git --no-git-fallback --nol \
			--nor -f "$f" 2>/dev/null | grep -q .) || return 1
	done
}

# check_one KSRC FILE NAME: print the verdict of one patch; return 1 if bad.
check_one() {
	local ksrc=$1 file=$2 name=$3 ignore=UNKNOWN_COMMIT_ID out sum
	# Our own patches carry no Signed-off-by: make patches adds the
	# sender's, and checks the result without this exception.
	if [ -n "${UNSIGNED_OK:-}" ] && ! grep -q '^Signed-off-by: ' "$file"; then
		ignore=$ignore,MISSING_SIGN_OFF
		name="$name (unsigned)"
	fi
	# A stable backport keeps the upstream message verbatim, tags included.
	# Its code is upstream's too: a bare "unsigned" stays as upstream has it.
	if grep -qE '^commit [0-9a-f]{40} upstream\.$' "$file"; then
		ignore=$ignore,BAD_FIXES_TAG,UNSPECIFIED_INT
		name="$name (upstream message)"
	fi
	# "added file(s), does MAINTAINERS need updating?" is answered by the
	# tree: not when every new file already has a maintainer entry.
	if ! grep -q '^+++ b/MAINTAINERS$' "$file" && covered "$ksrc" "$file"; then
		ignore=$ignore,FILE_PATH_CHANGES
	fi
	out=$(cd "$ksrc" && perl scripts/checkpatch.pl --strict --ignore "$ignore" "$file" 2>&1) || true
	sum=$(printf '%s\n' "$out" | grep -E '^total: ' || echo "total: ? (checkpatch failed)")
	printf '  %-60.60s %s\n' "$name" "$sum"
	if ! printf '%s\n' "$sum" | grep -q '^total: 0 errors, 0 warnings'; then
		printf '%s\n' "$out" | grep -E -A4 '^(ERROR|WARNING):' | sed 's/^/    /'
		return 1
	fi
	if ! printf '%s\n' "$sum" | grep -q ' 0 checks' &&
	   ! sed -n '/^---$/,/^diff --git/p' "$file" | grep -qi 'checkpatch:'; then
		echo "    CHECKs not justified below --- (add a 'checkpatch:' note):"
		printf '%s\n' "$out" | grep -E '^CHECK:' | sort | uniq -c | sed 's/^/    /'
		return 1
	fi
}

# checkpatch.sh --files KSRC PATCH...: check mail-ready patch files.
if [ "${1:-}" = --files ]; then
	ksrc=$(cd "${2:?}" && pwd)
	shift 2
	bad=0
	for f in "$@"; do
		case $f in */0000-cover-letter.patch) continue ;; esac
		check_one "$ksrc" "$f" "$(basename "$f")" || bad=$((bad + 1))
	done
	echo "checkpatch: $# files, $bad with errors, warnings or unjustified checks"
	[ "$bad" = 0 ]
	exit
fi

UNSIGNED_OK=1
line=${1:?usage: checkpatch.sh LINE KSRC}
ksrc=$(cd "${2:?usage: checkpatch.sh LINE KSRC}" && pwd)
series="$top/drivers-md/$line/series"
base=series-base/$line
git -C "$ksrc" rev-parse -q --verify "$base" >/dev/null ||
	{ echo "checkpatch: $ksrc has no $base tag: run make apply first" >&2; exit 2; }
mapfile -t commits < <(git -C "$ksrc" rev-list --reverse "$base..HEAD")
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

bad=0 total=0 i=0
while read -r first second; do
	case $first in ''|'#'*) continue ;; esac
	c=${commits[$i]:-}
	i=$((i + 1))
	[ -n "$c" ] || { echo "checkpatch: $ksrc lacks commits of the series: run make apply" >&2; exit 2; }
	if [ "$first" = kunit ] || [ "$first" = doc ]; then
		git -C "$ksrc" format-patch -1 --notes --stdout "$c" > "$tmp"
		name="$first $second (generated)"
	else
		cp "$top/drivers-md/$line/$first" "$tmp"
		name=$first
	fi
	total=$((total + 1))
	check_one "$ksrc" "$tmp" "$name" || bad=$((bad + 1))
done < "$series"
echo "checkpatch: $total patches of drivers-md/$line, $bad with errors, warnings or unjustified checks"
[ "$bad" = 0 ]
