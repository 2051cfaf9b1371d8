#!/bin/bash
# build-kernel.sh KSRC KBUILD [extra fragment...]
# Out-of-tree guest kernel build: tinyconfig + vm.config (+ extra fragments),
# olddefconfig, verify required options, bzImage with ccache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ksrc=$(cd "$1" && pwd); kb=$2; shift 2
mkdir -p "$kb"; kb=$(cd "$kb" && pwd)
export CCACHE_DIR=${CCACHE_DIR:-/root/.cache/ccache}
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026' KBUILD_BUILD_USER=vmtest KBUILD_BUILD_HOST=vmtest
JOBS=${JOBS:-2}
# VM_LLVM=-19 (vmtest.sh --kmsan): build with clang-19 and the LLVM tools
VM_CC=${VM_LLVM:+ccache clang$VM_LLVM}
mk() { nice -n 10 make -s -C "$ksrc" O="$kb" ${VM_LLVM:+LLVM=$VM_LLVM} CC="${VM_CC:-ccache gcc}" HOSTCC="ccache gcc" -j"$JOBS" "$@"; }
frags=("$here/vm.config" "$@")
# Regenerate .config only when fragments or tree changed.
stamp=$( (cat "${frags[@]}"; git -C "$ksrc" rev-parse HEAD 2>/dev/null || true; git -C "$ksrc" diff HEAD 2>/dev/null || true) | sha1sum | cut -c1-16)
if [ ! -f "$kb/.config" ] || [ "$(cat "$kb/.vmtest-config-stamp" 2>/dev/null)" != "$stamp" ]; then
	mk tinyconfig >/dev/null
	(cd "$kb" && "$ksrc/scripts/kconfig/merge_config.sh" -m -O "$kb" "$kb/.config" "${frags[@]}" >/dev/null)
	mk olddefconfig >/dev/null
	echo "$stamp" > "$kb/.vmtest-config-stamp"
fi
# Every option the scenarios depend on must really be =y.
missing=
for o in SMP ACPI PCI BLK_DEV_NVME BLK_DEV_MD MD_RAID1 MD_RAID10 BLK_DEV_DM DM_MIRROR DM_RAID \
	 DEBUG_FS FAULT_INJECTION FAULT_INJECTION_DEBUG_FS MODULES BLK_DEV_INITRD SERIAL_8250_CONSOLE \
	 DEVTMPFS AIO IO_URING MAGIC_SYSRQ DETECT_HUNG_TASK SOFTLOCKUP_DETECTOR; do
	grep -qx "CONFIG_$o=y" "$kb/.config" || missing="$missing CONFIG_$o"
done
for f in "$@"; do
	for o in $(grep -o '^CONFIG_[A-Z0-9_]*=y' "$f" | cut -d= -f1); do
		grep -qx "$o=y" "$kb/.config" || missing="$missing $o"
	done
done
if [ -n "$missing" ]; then
	echo "build-kernel: required options not set after olddefconfig:$missing" >&2
	exit 1
fi
mk bzImage modules
test -f "$kb/arch/x86/boot/bzImage"
echo "build-kernel: $(cat "$kb/include/config/kernel.release") -> $kb/arch/x86/boot/bzImage"
