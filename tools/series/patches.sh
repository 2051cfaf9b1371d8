#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# patches.sh LINE KSRC OUT -- write the series of drivers-md/LINE, as
# applied to KSRC, as mail-ready patches: one folder per topic (md,
# dm-raid1) in OUT, each numbered with a cover letter (subject and blurb
# from the topic's committed cover letter), base-commit, and To/Cc from
# scripts/get_maintainer.pl (maintainers and lists To, reviewers Cc; stable
# lines Cc stable@vger.kernel.org).  Every patch is checked with
# checkpatch.pl --strict.  Prints the git send-email command to use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
line=${1:?usage: patches.sh LINE KSRC OUT}
ksrc=$(cd "${2:?usage: patches.sh LINE KSRC OUT}" && pwd)
out=${3:?usage: patches.sh LINE KSRC OUT}
series="$top/drivers-md/$line/series"
mapfile -t commits < <(git -C "$ksrc" rev-list --reverse "series-base/$line..HEAD")

# Topic of each series entry: its folder; a "kunit X" entry belongs to the
# topic before it.
declare -A first last
order=() i=0 topic=
while read -r a b; do
	case $a in ''|'#'*) continue ;; esac
	case $a in
	kunit) ;;
	doc) topic=doc ;;
	*) topic=${a%%/*} ;;
	esac
	c=${commits[$i]:?series and tree disagree: run make apply}
	i=$((i + 1))
	if [ -z "${first[$topic]:-}" ]; then first[$topic]=$c; order+=("$topic"); fi
	last[$topic]=$c
done < "$series"

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
for topic in "${order[@]}"; do
	dir="$out/$topic"
	range="${first[$topic]}^..${last[$topic]}"
	prefix=PATCH
	case $line in 7.1) ;; *) prefix="PATCH $line.y" ;; esac
	tmp=$(mktemp -d)
	git -C "$ksrc" format-patch -q -o "$tmp" "$range"
	gm() { (cd "$ksrc" && perl scripts/get_maintainer.pl --no-git --no-git-fallback \
		--no-rolestats "$@" "$tmp"/*.patch 2>/dev/null) | sed 's/^/--to=/'; }
	mapfile -t to < <(gm --m --nor --nol; gm --l --nom --nor)
	mapfile -t cc < <(gm --r --nom --nol | sed 's/^--to=/--cc=/')
	[ "$line" = 7.1 ] || cc+=("--cc=stable@vger.kernel.org")
	rm -rf "$tmp"
	cover="$top/drivers-md/$line/$topic/0000-cover-letter.patch"
	letter=--cover-letter
	[ -f "$cover" ] || letter=--no-cover-letter
	git -C "$ksrc" format-patch -q $letter --notes --thread=shallow --numbered \
		--subject-prefix="$prefix" --base="${first[$topic]}^" \
		"${to[@]}" "${cc[@]}" -o "$dir" "$range"
	if [ -f "$cover" ]; then
		python3 - "$cover" "$dir/0000-cover-letter.patch" <<'PY'
import re, sys
src, dst = open(sys.argv[1]).read(), open(sys.argv[2]).read()
subj = re.search(r'^Subject: \[[^]]*\] (.*)$', src, re.M).group(1)
blurb = src[src.index('\n\n', src.index('Subject: ')) + 2:]
blurb = blurb[:re.search(r'^[^ \n].* \([0-9]+\):$', blurb, re.M).start()]
dst = dst.replace('*** SUBJECT HERE ***', subj, 1)
dst = dst.replace('*** BLURB HERE ***\n\n', blurb, 1)
open(sys.argv[2], 'w').write(dst)
PY
	fi
	n=$(ls "$dir"/*.patch | grep -vc 0000-cover-letter || true)
	"$here/checkpatch.sh" --files "$ksrc" "$dir"/*.patch > "$dir.checkpatch" || { cat "$dir.checkpatch"; exit 1; }
	echo "patches: $dir: $n patches$([ -f "$cover" ] && echo " and a cover letter"), checkpatch --strict clean"
	echo "  send with: git send-email --dry-run $dir/*.patch"
done
