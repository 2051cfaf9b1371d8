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
# The sender signs: From: (our own patches) and Signed-off-by: (all) come
# from the identity git resolves here, in the project checkout (identity.sh).
# shellcheck source=identity.sh
. "$here/identity.sh"
sender=$(sender_ident "$top") || exit 1
s_name=${sender% <*} s_email=${sender##*<} s_email=${s_email%>}
mapfile -t commits < <(git -C "$ksrc" rev-list --reverse "series-base/$line..HEAD")

# Topic of each series entry: its folder; a "kunit X" entry belongs to the
# topic before it.
# A series patch that names its author (From:) is a backport and keeps
# it; our own patches and the generated commits are the sender's.
declare -A first last ours
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
	ours[$c]=1
	case $a in kunit|doc) ;; *)
		# (a leftover placeholder From: counts as none)
		from=$(awk '/^$/ { exit } /^From: / { sub(/^From: /, ""); print; exit }' \
			"$top/drivers-md/$line/$a")
		fe=${from##*<} fe=${fe%>}
		if [ -n "$from" ] && ! placeholder_ident "$fe" "${from% <*}"; then ours[$c]=0; fi ;;
	esac
	if [ -z "${first[$topic]:-}" ]; then first[$topic]=$c; order+=("$topic"); fi
	last[$topic]=$c
done < "$series"

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
for topic in "${order[@]}"; do
	# prereq/: commits the stable tree already has, applied only to test
	# on an older release of it; never sent
	[ "$topic" = prereq ] && continue
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
	git -C "$ksrc" -c user.name="$s_name" -c user.email="$s_email" \
		format-patch -q $letter --signoff --notes --thread=shallow --numbered \
		--subject-prefix="$prefix" --base="${first[$topic]}^" \
		"${to[@]}" "${cc[@]}" -o "$dir" "$range"
	# Our own commits carry the tree's (local) identity: the sender's From:.
	mapfile -t tc < <(git -C "$ksrc" rev-list --reverse "$range")
	mapfile -t files < <(ls "$dir"/*.patch | grep -v '/0000-cover-letter.patch$')
	for j in "${!tc[@]}"; do
		[ "${ours[${tc[$j]}]:-1}" = 1 ] || continue
		python3 "$here/set-from.py" "${files[$j]}" "$s_name" "$s_email"
		# ... and the cover letter's shortlog names the sender for them.
		a=$(git -C "$ksrc" log -1 --format=%an "${tc[$j]}")
		[ ! -f "$dir/0000-cover-letter.patch" ] || [ "$a" = "$s_name" ] ||
			A=$a S=$s_name perl -i -pe 's/^\Q$ENV{A}\E (\(\d+\):)$/$ENV{S} $1/' \
				"$dir/0000-cover-letter.patch"
	done
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
	# No placeholder identity may be sent (a leftover From:/...-by: of one).
	bad=$(grep -HnE '^(From|[A-Za-z-]+-by): .*<[^>]*(@localhost|\.invalid|md-hardening@)[^>]*>' \
		"$dir"/*.patch || true)
	if [ -n "$bad" ]; then
		printf '%s\n' "$bad" | sed 's/^/  /'
		echo "patches: placeholder identities above; remove them from drivers-md/$line (our own patches carry no From:/Signed-off-by:)" >&2
		exit 1
	fi
	n=$(ls "$dir"/*.patch | grep -vc 0000-cover-letter || true)
	"$here/checkpatch.sh" --files "$ksrc" "$dir"/*.patch > "$dir.checkpatch" || { cat "$dir.checkpatch"; exit 1; }
	echo "patches: $dir: $n patches$([ -f "$cover" ] && echo " and a cover letter"), checkpatch --strict clean"
	echo "  send with: git send-email --dry-run $dir/*.patch"
done
