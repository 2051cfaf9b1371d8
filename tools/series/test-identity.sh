#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-identity.sh -- who signs what: apply.sh and patches.sh on a scratch
# series, with a temporary HOME (no system git config), for three senders:
# none (patches.sh must refuse), the local workflow identity (must refuse),
# and a real one (our patch gets From: and Signed-off-by: of the sender, the
# backport keeps its upstream author and gets the sender's sign-off added;
# no placeholder identity anywhere, the series files untouched).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/identity.sh"
t=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$t"' EXIT
export HOME=$t/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$t/home/.gitconfig
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL EMAIL
mkdir -p "$HOME" "$t/top/tools" "$t/top/drivers-md/9.9/t"
touch "$GIT_CONFIG_GLOBAL"
cp -r "$here" "$t/top/tools/series"
pass=0 fail=0
ok() { echo "  ok   $*"; pass=$((pass + 1)); }
bad() { echo "  FAIL $*"; fail=$((fail + 1)); }
expect() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

# A kernel-like tree with stub get_maintainer.pl/checkpatch.pl.
k=$t/ksrc
mkdir -p "$k/scripts"
printf 'a\nb\nc\n' > "$k/file.c"
printf '#!/usr/bin/perl\nexit 0;\n' > "$k/scripts/get_maintainer.pl"
printf '#!/usr/bin/perl\nprint "total: 0 errors, 0 warnings, 0 checks, 1 lines checked\\n";\n' \
	> "$k/scripts/checkpatch.pl"
g() { git -C "$k" -c user.name=Scratch -c user.email=scratch@example.org "$@"; }
g init -q && g add -A && g commit -q -m base && g tag base
# The two patches of the scratch series, made in a throw-away clone.
git clone -q "$k" "$t/mk"
m() { git -C "$t/mk" "$@"; }
sed -i 's/^a$/A/' "$t/mk/file.c"
m -c user.name=Ignored -c user.email=ignored@example.org commit -q -am "t: our own change

Body of our own patch."
sed -i 's/^c$/C/' "$t/mk/file.c"
m -c user.name="Upstream Dev" -c user.email=up@example.org commit -q -am "t: upstream fix

commit 0123456789abcdef0123456789abcdef01234567 upstream.

Body of the upstream fix.

Signed-off-by: Upstream Dev <up@example.org>
Signed-off-by: Up Maintainer <maint@example.org>"
m format-patch -q -o "$t/fp" base
# Our patch as drivers-md keeps it: no From:, no Signed-off-by:.
grep -v '^From: ' "$t/fp/0001-"*.patch > "$t/top/drivers-md/9.9/t/0001-own.patch"
cp "$t/fp/0002-"*.patch "$t/top/drivers-md/9.9/t/0002-backport.patch"
printf 'From 0 Mon Sep 17 00:00:00 2001\nSubject: [PATCH 0/2] t: a scratch topic\n\nThe blurb.\n\nA Name (2):\n  t: x\n' \
	> "$t/top/drivers-md/9.9/t/0000-cover-letter.patch"
printf '# t: a scratch topic\nt/0001-own.patch\nt/0002-backport.patch\n' > "$t/top/drivers-md/9.9/series"
sum0=$(cat "$t/top/drivers-md/9.9"/*/* | sha1sum)

echo "test-identity: apply.sh with no identity anywhere (workflow identity)"
"$t/top/tools/series/apply.sh" 9.9 "$k" > "$t/apply.log" 2>&1
expect "apply.sh applies a patch without From:" [ $? = 0 ]
expect "our commit has the local workflow identity" \
	[ "$(git -C "$k" log -1 --format='%an <%ae>' HEAD^)" = "$WORKFLOW_NAME <$WORKFLOW_EMAIL>" ]
expect "the backport keeps its upstream author" \
	[ "$(git -C "$k" log -1 --format='%an <%ae>' HEAD)" = "Upstream Dev <up@example.org>" ]
expect "drivers-md files unchanged" [ "$(cat "$t/top/drivers-md/9.9"/*/* | sha1sum)" = "$sum0" ]

P=$t/top/tools/series/patches.sh out=$t/out
echo "test-identity: patches.sh without a sender identity"
msg=$("$P" 9.9 "$k" "$out" 2>&1); rc=$?
expect "refuses (exit $rc)" [ $rc != 0 ]
expect "says why" grep -q 'no sender identity' <<< "$msg"
expect "writes no patch" [ ! -e "$out/t" ]

echo "test-identity: patches.sh with the workflow identity as sender"
git config --global user.name "$WORKFLOW_NAME"; git config --global user.email "$WORKFLOW_EMAIL"
msg=$("$P" 9.9 "$k" "$out" 2>&1); rc=$?
expect "refuses (exit $rc)" [ $rc != 0 ]
expect "says why" grep -q 'placeholder or the local workflow identity' <<< "$msg"
git config --global user.name md-hardening; git config --global user.email md-hardening@localhost
msg=$("$P" 9.9 "$k" "$out" 2>&1); rc=$?
expect "refuses the old md-hardening@localhost (exit $rc)" [ $rc != 0 ]

echo "test-identity: patches.sh with a real sender (global config)"
git config --global user.name "Zoë Sender"; git config --global user.email zoe@example.org
msg=$("$P" 9.9 "$k" "$out" 2>&1); rc=$?
expect "succeeds (exit $rc)" [ $rc = 0 ]
own=$(ls "$out"/t/0001-*.patch 2>/dev/null) bp=$(ls "$out"/t/0002-*.patch 2>/dev/null)
expect "our patch: From: is the sender" grep -qx 'From: =?utf-8?q?Zo=C3=AB_Sender?= <zoe@example.org>' "$own"
expect "our patch: Signed-off-by: is the sender" grep -qx 'Signed-off-by: Zoë Sender <zoe@example.org>' "$own"
expect "backport: upstream From: kept" grep -qx 'From: Upstream Dev <up@example.org>' "$bp"
expect "backport: upstream tags kept, sender's sign-off last" \
	[ "$(grep '^Signed-off-by: ' "$bp" | tr '\n' '|')" = "Signed-off-by: Upstream Dev <up@example.org>|Signed-off-by: Up Maintainer <maint@example.org>|Signed-off-by: Zoë Sender <zoe@example.org>|" ]
expect "cover letter from the sender" grep -q '^From: .*<zoe@example.org>' "$out"/t/0000-cover-letter.patch
expect "no placeholder identity in any patch" \
	bash -c "! grep -il 'localhost\\|not for sending\\|md-hardening' $out/t/*.patch"

echo "test-identity: patches.sh with a placeholder sign-off left in a series patch"
sed -i 's/^Body of our own patch.$/&\n\nSigned-off-by: md-hardening <md-hardening@localhost>/' "$t/top/drivers-md/9.9/t/0001-own.patch"
git -C "$k" reset -q --hard base
"$t/top/tools/series/apply.sh" 9.9 "$k" > "$t/apply.log" 2>&1
msg=$("$P" 9.9 "$k" "$out" 2>&1); rc=$?
expect "refuses (exit $rc)" [ $rc != 0 ]
expect "names the line" grep -q 'Signed-off-by: md-hardening <md-hardening@localhost>' <<< "$msg"

echo "test-identity: $pass passed, $fail failed"
[ "$fail" = 0 ]
