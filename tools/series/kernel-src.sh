#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel-src.sh LINE DEST
#
# Provide a kernel tree for LINE (6.12 or 6.1) at DEST as a git repository
# whose commit tagged "base" is the unmodified Debian linux-source-LINE, so
# that a series can be applied with git am and the tree reset to base.
# Installs linux-source-LINE with apt when the tarball is missing.
# Other lines (6.18, 7.1, mainline) are not packaged: pass KSRC=/path/to/tree.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
line=${1:?usage: kernel-src.sh LINE DEST}
dest=${2:?usage: kernel-src.sh LINE DEST}
tarball=/usr/src/linux-source-$line.tar.xz

case $line in
6.12|6.1) ;;
*)	echo "kernel-src: no Debian package for line $line; pass KSRC=/path/to/linux-$line" >&2
	exit 2 ;;
esac

if git -C "$dest" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	echo "kernel-src: $dest already holds linux-source-$line (tag base)"
	exit 0
fi

if [ ! -f "$tarball" ]; then
	echo "kernel-src: installing linux-source-$line with apt"
	if [ "$(id -u)" != 0 ]; then
		echo "kernel-src: $tarball missing; run as root or: apt-get install linux-source-$line" >&2
		exit 2
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "linux-source-$line" >/dev/null
fi

version=$(dpkg-query -W -f='${Version}' "linux-source-$line" 2>/dev/null || echo unknown)
echo "kernel-src: unpacking $tarball ($version) into $dest"
rm -rf "$dest"
mkdir -p "$dest"
tar -xf "$tarball" -C "$dest" --strip-components=1

cd "$dest"
git init -q
# A clearly local identity for the commits make apply makes here (testing
# only; make patches signs with the sender's own, see identity.sh).
. "$here/identity.sh"
git config user.name "$WORKFLOW_NAME"
git config user.email "$WORKFLOW_EMAIL"
git config core.autocrlf false
# Debian's top-level .gitignore ignores everything: add by force.
git add -f -A .
# Fixed dates: the same tarball gives the same base commit on every machine.
GIT_AUTHOR_DATE="2000-01-01T00:00:00 +0000" GIT_COMMITTER_DATE="2000-01-01T00:00:00 +0000" \
	git commit -q -m "base: Debian linux-source-$line $version"
git tag base
echo "kernel-src: $dest ready at tag base ($(git rev-parse --short base))"
