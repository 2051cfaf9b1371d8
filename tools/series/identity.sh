# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by apply.sh, patches.sh and kernel-src.sh: who a commit is from.
#
# Our own patches in drivers-md/ carry no From: and no Signed-off-by:
# (backports of upstream commits keep the upstream author and tags).
#  - apply.sh gives them the applying tree's identity (git -C KSRC config
#    user.name/user.email), for local testing only; a managed tree has the
#    workflow identity below, which kernel-src.sh sets.
#  - patches.sh writes From: and Signed-off-by: from the SENDER's identity,
#    resolved where `make patches` runs (the project checkout, then the
#    global config), and refuses the workflow identity and none.

WORKFLOW_NAME="md-hardening local workflow (not for sending)"
WORKFLOW_EMAIL="workflow@localhost.invalid"

# tree_ident DIR: "Name <email>" of git tree DIR, the workflow identity if
# DIR has none (a local test commit, never sent).
tree_ident() {
	local n e
	n=$(git -C "$1" config user.name 2>/dev/null || true)
	e=$(git -C "$1" config user.email 2>/dev/null || true)
	if [ -z "$n" ] || [ -z "$e" ]; then
		n=$WORKFLOW_NAME e=$WORKFLOW_EMAIL
	fi
	printf '%s <%s>\n' "$n" "$e"
}

# placeholder_ident EMAIL NAME: true for an identity nobody can be mailed at.
placeholder_ident() {
	case $1 in
	''|"$WORKFLOW_EMAIL"|*@localhost|*@localhost.*|*.invalid|*@*.localdomain|md-hardening@*) return 0 ;;
	esac
	case $2 in
	''|"$WORKFLOW_NAME"|md-hardening|md-hardening\ *) return 0 ;;
	esac
	return 1
}

# sender_ident DIR: print "Name <email>" of the sender as git resolves it in
# DIR (local, then global config); fail with a message when there is none
# or it is a placeholder.
sender_ident() {
	local n e
	n=$(git -C "$1" config user.name 2>/dev/null || true)
	e=$(git -C "$1" config user.email 2>/dev/null || true)
	if [ -z "$n" ] || [ -z "$e" ]; then
		echo "patches: no sender identity: git config user.name/user.email is not set in $1 nor globally." >&2
		echo "patches: set the name and address you send from, e.g. git config --global user.name 'Your Name'; git config --global user.email you@example.org" >&2
		return 1
	fi
	if placeholder_ident "$e" "$n"; then
		echo "patches: sender identity '$n <$e>' is a placeholder or the local workflow identity; it cannot sign off a patch." >&2
		echo "patches: set the name and address you send from with git config user.name/user.email (in $1 or --global)." >&2
		return 1
	fi
	printf '%s <%s>\n' "$n" "$e"
}
