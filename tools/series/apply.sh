#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# apply.sh LINE KSRC -- apply the series of drivers-md/LINE to the git tree
# KSRC, on top of its current HEAD.
#
# drivers-md/LINE/series lists, one per line and in order:
#   <topic>/<file>.patch   a git format-patch file, applied with git am
#   kunit <topic>          the KUnit test of kunit/<topic>/, turned into a
#                          commit here (its sources live once, in kunit/):
#                          *.c go to drivers/md/tests/, Kconfig before the
#                          "endif # MD" of drivers/md/Kconfig, .kunitconfig
#                          (and a Makefile, for a test built as its own
#                          object) into drivers/md/tests/, MAINTAINERS
#                          entries into their sections, commit-msg is the
#                          commit message, notes (if any) its git notes
#                          (checkpatch notes).  A test that reaches static
#                          functions names them in kunit/<topic>/include,
#                          "<test>.c <file under test>" a line: the file
#                          under test ends with #include "tests/<test>.c"
#                          under the test's config option (as
#                          fs/ext4/mballoc.c includes mballoc-test.c)
#   doc <name>             Documentation/admin-guide/<name>.rst of this
#                          project, added to the admin guide's index, with
#                          the message drivers-md/docs/<name>.commit-msg
# A patch that does not apply is named with its failing hunk, and the tree
# is left as it was before that patch (git am --abort).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
line=${1:?usage: apply.sh LINE KSRC}
ksrc=$(cd "${2:?usage: apply.sh LINE KSRC}" && pwd)
dir="$top/drivers-md/$line"
series="$dir/series"

[ -f "$series" ] || { echo "apply: no series for line $line ($series)" >&2; exit 2; }
git -C "$ksrc" rev-parse --git-dir >/dev/null 2>&1 ||
	{ echo "apply: $ksrc is not a git tree (git init it, or use make kernel-src)" >&2; exit 2; }
if [ -d "$ksrc/.git/rebase-apply" ] || [ -d "$(git -C "$ksrc" rev-parse --git-path rebase-apply)" ]; then
	echo "apply: $ksrc has a git am in progress; run git am --abort there" >&2
	exit 2
fi

# shellcheck source=identity.sh
. "$here/identity.sh"
# Our own patches carry no From: or Signed-off-by: (identity.sh); in this
# tree they and the generated commits get the tree's identity, for local
# testing only: make patches writes the sender's.
ident=$(tree_ident "$ksrc")
id_name=${ident% <*} id_email=${ident##*<} id_email=${id_email%>}
gitk() {
	git -C "$ksrc" -c user.name="$id_name" -c user.email="$id_email" \
		-c core.autocrlf=false "$@"
}

# with_author PATCH: PATCH itself when it names its author, else a copy
# in $tmpd with a From: header of the tree's identity.
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
with_author() {
	if awk '/^$/ { exit } /^From: / { f = 1; exit } END { exit !f }' "$1"; then
		printf '%s\n' "$1"
		return
	fi
	awk -v from="From: $ident" 'NR == 1 && /^From [0-9a-f]+ / { print; print from; next }
		NR == 1 { print from } { print }' "$1" > "$tmpd/${1##*/}"
	printf '%s\n' "$tmpd/${1##*/}"
}

# kunit_commit TOPIC: add kunit/TOPIC as drivers/md/tests/ files and commit.
kunit_commit() {
	local topic=$1 src="$top/kunit/$1" f tests="$ksrc/drivers/md/tests"
	local kconfig="$ksrc/drivers/md/Kconfig" mk="$ksrc/drivers/md/Makefile"

	[ -f "$src/Kconfig" ] && [ -f "$src/commit-msg" ] &&
	{ [ -f "$src/Makefile" ] || [ -f "$src/include" ]; } ||
		{ echo "apply: kunit/$topic lacks Kconfig, commit-msg, or Makefile/include" >&2; return 1; }
	mkdir -p "$tests"
	for f in "$src"/*.c "$src"/*.h; do
		[ -e "$f" ] && cp "$f" "$tests/"
	done
	if [ -f "$src/Makefile" ]; then
		if [ ! -f "$tests/Makefile" ]; then
			printf '# SPDX-License-Identifier: GPL-2.0\n' > "$tests/Makefile"
			printf '\nobj-y\t\t\t\t+= tests/\n' >> "$mk"
		fi
		cat "$src/Makefile" >> "$tests/Makefile"
	fi
	if [ -f "$src/include" ]; then
		local sym test target
		sym=$(sed -n 's/^config //p' "$src/Kconfig" | head -n 1)
		while read -r test target; do
			[ -n "$test" ] || continue
			[ -f "$tests/$test" ] && [ -f "$ksrc/$target" ] ||
				{ echo "apply: kunit/$topic/include: no $test or $target" >&2; return 1; }
			printf '\n#ifdef CONFIG_%s\n#include "tests/%s"\n#endif\n' \
				"$sym" "$test" >> "$ksrc/$target"
			gitk add -f "$target"
		done < "$src/include"
	fi
	if [ -f "$src/.kunitconfig" ]; then
		touch "$tests/.kunitconfig"
		grep -vxF -f "$tests/.kunitconfig" "$src/.kunitconfig" >> "$tests/.kunitconfig" || true
	fi
	# The config entry goes last in the "if MD" block of drivers/md/Kconfig.
	grep -q '^endif # MD$' "$kconfig" ||
		{ echo "apply: drivers/md/Kconfig has no 'endif # MD' line" >&2; return 1; }
	awk -v frag="$src/Kconfig" '
		/^endif # MD$/ { while ((getline l < frag) > 0) print l; print "" }
		{ print }' "$kconfig" > "$kconfig.new" && mv "$kconfig.new" "$kconfig"
	if [ -f "$src/MAINTAINERS" ]; then
		python3 "$here/maintainers.py" "$ksrc/MAINTAINERS" "$src/MAINTAINERS" || return 1
		gitk add -f MAINTAINERS
	fi
	gitk add -f drivers/md/tests drivers/md/Kconfig drivers/md/Makefile
	gitk commit -q -F "$src/commit-msg"
	# kunit/<topic>/notes: what goes below --- (checkpatch notes), as for
	# the patch files' Notes:
	[ ! -f "$src/notes" ] || gitk notes add -f -F "$src/notes" HEAD
}

# Remember where the series starts, for sparse baselines and PATCHED=0.
# A tree with commits on top of an earlier series-base (the series applied
# before) would make the patched tree its own baseline: refuse.
if prev=$(gitk rev-parse -q --verify "series-base/$line^{commit}") &&
   [ "$prev" != "$(gitk rev-parse HEAD)" ] &&
   gitk merge-base --is-ancestor "$prev" HEAD; then
	echo "apply: $ksrc has commits on top of series-base/$line (applied before?):" \
		"git -C $ksrc reset --hard series-base/$line, or git -C $ksrc tag -d" \
		"series-base/$line to apply on HEAD" >&2
	exit 1
fi
gitk tag -f "series-base/$line" HEAD >/dev/null

# doc_commit NAME: add Documentation/admin-guide/NAME.rst to the admin guide
# and commit it with drivers-md/docs/NAME.commit-msg.
doc_commit() {
	local name=$1 src="$top/Documentation/admin-guide/$1.rst"
	local msg="$top/drivers-md/docs/$1.commit-msg" idx="$ksrc/Documentation/admin-guide/index.rst"

	[ -f "$src" ] && [ -f "$msg" ] ||
		{ echo "apply: doc $name needs $src and $msg" >&2; return 1; }
	grep -q '^   md$' "$idx" ||
		{ echo "apply: Documentation/admin-guide/index.rst lists no md page" >&2; return 1; }
	cp "$src" "$ksrc/Documentation/admin-guide/"
	sed -i "s/^   md\$/   md\n   $name/" "$idx"
	if [ -f "$top/drivers-md/docs/$name.MAINTAINERS" ]; then
		python3 "$here/maintainers.py" "$ksrc/MAINTAINERS" \
			"$top/drivers-md/docs/$name.MAINTAINERS" || return 1
	fi
	gitk add -f "Documentation/admin-guide/$name.rst" Documentation/admin-guide/index.rst MAINTAINERS
	gitk commit -q -F "$msg"
}

n=0
while read -r first second; do
	case $first in ''|'#'*) continue ;; esac
	n=$((n + 1))
	if [ "$first" = doc ]; then
		echo "  DOC     Documentation/admin-guide/$second.rst"
		doc_commit "$second" || exit 1
		continue
	fi
	if [ "$first" = kunit ]; then
		echo "  KUNIT   kunit/$second -> drivers/md/tests/"
		kunit_commit "$second" || exit 1
		continue
	fi
	patch="$dir/$first"
	[ -f "$patch" ] || { echo "apply: $series names $first, which does not exist" >&2; exit 1; }
	echo "  AM      drivers-md/$line/$first"
	if ! out=$(gitk am -q "$(with_author "$patch")" 2>&1); then
		hunk=$(printf '%s\n' "$out" | sed -n 's/^error: patch failed: //p' | head -n 1)
		detail=$(printf '%s\n' "$out" | grep -E '^error:' | head -n 3)
		gitk am --abort >/dev/null 2>&1 || true
		echo "apply: drivers-md/$line/$first does not apply to $ksrc" >&2
		[ -n "$hunk" ] && echo "apply: failing hunk at $hunk" >&2
		printf '%s\n' "$detail" >&2
		exit 1
	fi
	# Keep the patch's notes (its text below ---) for make patches.
	note=$(awk '/^---$/ { s = 1; next } s && /^Notes:$/ { n = 1; next }
		n && /^    / { sub(/^    /, ""); print; next } n { exit }
		/^diff --git/ { exit }' "$patch")
	[ -z "$note" ] || gitk notes add -f -m "$note" HEAD
done < "$series"
echo "apply: $n entries of drivers-md/$line applied to $ksrc ($(git -C "$ksrc" rev-parse --short HEAD))"
