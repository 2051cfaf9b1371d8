#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh KSRC OUT [W=1|C=2 ...] -- compile the objects of drivers/md that the
# series touch, out of tree in OUT, from drivers-md/build.config merged onto
# allnoconfig.  Extra arguments are passed to make (W=1, C=2, ...).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
ksrc=$(cd "${1:?usage: build.sh KSRC OUT [make args]}" && pwd)
out=${2:?usage: build.sh KSRC OUT [make args]}
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
jobs=${JOBS:-$(nproc)}
cc="${CC:-gcc}"
command -v ccache >/dev/null && cc="ccache $cc"
kmake() { make -s -C "$ksrc" O="$out" CC="$cc" -j"$jobs" "$@"; }

frag="$top/drivers-md/build.config"
if [ ! -f "$out/.config" ] || [ "$frag" -nt "$out/.config" ] ||
   [ "$ksrc/Makefile" -nt "$out/.config" ]; then
	kmake allnoconfig >/dev/null
	"$ksrc/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$frag" >/dev/null
	kmake olddefconfig >/dev/null
fi
kmake olddefconfig >/dev/null
for opt in CONFIG_MD_RAID1 CONFIG_MD_RAID10 CONFIG_DM_MIRROR; do
	grep -q "^$opt=[ym]" "$out/.config" || {
		echo "build: $opt did not stick in $out/.config" >&2; exit 1; }
done
# Objects: everything in drivers/md that md and dm-mirror are made of.
kmake "$@" drivers/md/
