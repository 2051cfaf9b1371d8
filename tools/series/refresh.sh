#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# refresh.sh PATCHFILE KSRC COMMIT -- rewrite one patch file of a series
# from COMMIT of the git tree KSRC (git notes included, as export.sh
# writes them), keeping the file's name and its "[PATCH n/m]" numbering.
# For a commit amended in a tree where the series was applied: the rest of
# the series is left as it is, and the cover letter is not touched.
set -euo pipefail
file=${1:?usage: refresh.sh PATCHFILE KSRC COMMIT}
ksrc=${2:?usage: refresh.sh PATCHFILE KSRC COMMIT}
commit=${3:?usage: refresh.sh PATCHFILE KSRC COMMIT}
[ -f "$file" ] || { echo "refresh: $file: no such patch file" >&2; exit 2; }
num=$(sed -n 's/^Subject: \[PATCH\( [^]]*\)\].*/\1/p' "$file" | head -1)
new=$(mktemp)
trap 'rm -f "$new"' EXIT
git -C "$ksrc" format-patch -1 --stdout --no-signature --notes --zero-commit "$commit" |
	sed -e "1,/^Subject: /{s|^Subject: \\[PATCH\\]|Subject: [PATCH$num]|}" |
	awk 'NR > 1 && /^From: / { skip = 1; next } skip && /^ / { next } { skip = 0; print }' > "$new"
grep -q '^diff --git ' "$new" || { echo "refresh: $commit of $ksrc gave no patch" >&2; exit 1; }
mv "$new" "$file"
trap - EXIT
echo "refresh: $file <- $(git -C "$ksrc" log -1 --format='%h %s' "$commit")"
