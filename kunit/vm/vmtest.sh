#!/bin/bash
# vmtest.sh --ksrc DIR --out DIR --line LINE [--patched 0|1] [--scenarios a,b,...]
#           [--timeout SECS] [--debug] [--kmsan] [--mdadm PATH]
# Builds a guest kernel (out of tree, ccache) from DIR, the dm-vmerr test module,
# the guest programs and an initramfs; boots one QEMU (TCG, 2 CPUs, 4 NVMe
# disks) per scenario; prints one PASS/FAIL line per scenario and
# "N passed, N failed"; exits non-zero on any failure.  --debug adds KASAN
# and lockdep, --kmsan builds with clang (VM_LLVM, default -19) and KMSAN.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ALL="md-raid1/reject-all md-raid1/request-read md-raid1/request-write md-raid1/media md-raid1/misaligned md-raid1/mixed-limits
md-raid10/reject-all md-raid10/request-read md-raid10/request-write md-raid10/media md-raid10/misaligned
lvm-raid1/reject-all lvm-raid1/request-read lvm-raid1/request-write lvm-raid1/media lvm-raid1/misaligned lvm-raid1/mixed-limits
md-raid1-nobm/reject-all md-raid1-nobm/request-write md-raid1-wb/request-write
lvm-mirror/recovery lvm-mirror/seed lvm-mirror/all-reject lvm-mirror/dead-leg lvm-mirror/lost-write
md-raid1/throughput
md-raid1/shapes md-raid10/shapes lvm-raid1/shapes lvm-mirror/shapes"
# Not in the default run: the lockless bitmap needs a 6.18+ kernel and an
# mdadm that creates it (4.6+; Debian 12 has 4.2): --mdadm PATH.
OPT="md-raid1-llbm/reject-all md-raid1-llbm/request-read md-raid1-llbm/request-write"
ksrc= out= line= patched=1 scen= tmo=150 debug=0 kmsan=0 mdadm=
while [ $# -gt 0 ]; do
	case $1 in
	--ksrc) ksrc=$2; shift ;;
	--out) out=$2; shift ;;
	--line) line=$2; shift ;;
	--patched) patched=$2; shift ;;
	--scenarios) scen=$2; shift ;;
	--timeout) tmo=$2; shift ;;
	--debug) debug=1 ;;
	--kmsan) kmsan=1 ;;
	--mdadm) mdadm=$2; shift ;;
	-h|--help) sed -n '2,9p' "$0"; exit 0 ;;
	*) echo "vmtest: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$ksrc" ] && [ -n "$out" ] && [ -n "$line" ] || { echo "usage: vmtest.sh --ksrc DIR --out DIR --line LINE [--patched 0|1] [--scenarios a,b] [--timeout SECS] [--debug] [--kmsan] [--mdadm PATH]" >&2; exit 2; }
[ -f "$ksrc/Makefile" ] || { echo "vmtest: $ksrc is not a kernel tree" >&2; exit 2; }
[ -z "$mdadm" ] || [ -x "$mdadm" ] || { echo "vmtest: --mdadm $mdadm is not an executable" >&2; exit 2; }
[ -z "$mdadm" ] || mdadm=$(readlink -f "$mdadm")
scen=${scen:-$(echo $ALL | tr ' ' ',')}
for s in ${scen//,/ }; do
	echo " $ALL $OPT " | tr '\n' ' ' | grep -q " $s " || { echo "vmtest: unknown scenario $s (known: $(echo $ALL $OPT))" >&2; exit 2; }
done
mkdir -p "$out"; out=$(cd "$out" && pwd)
export CCACHE_DIR=${CCACHE_DIR:-/root/.cache/ccache}
log() { echo "vmtest: $*" >&2; }
T0=$(date +%s)

# ---- 1. kernel (+ debug fragment with --debug)
kb=$out/kbuild
frag=(); [ "$debug" = 1 ] && frag=("$here/vm-debug.config")
mem=1024 klog=4
if [ "$kmsan" = 1 ]; then
	# loglevel 7: the reports' stack lines reach the console too
	frag+=("$here/vm-kmsan.config"); mem=3072 klog=7
	export VM_LLVM=${VM_LLVM:--19}
	command -v "clang$VM_LLVM" >/dev/null || { echo "vmtest: --kmsan needs clang$VM_LLVM (apt-get install clang-19 lld-19 llvm-19)" >&2; exit 2; }
fi
modcc=("CC=ccache gcc"); [ "$kmsan" = 1 ] && modcc=("LLVM=$VM_LLVM" "CC=ccache clang$VM_LLVM")
log "building kernel from $ksrc (line $line, patched=$patched) in $kb"
"$here/build-kernel.sh" "$ksrc" "$kb" "${frag[@]}" > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; echo "FAIL build: kernel build failed (see $out/build.log)"; echo "0 passed, 1 failed"; exit 1; }
krel=$(cat "$kb/include/config/kernel.release")
# ---- 2. test-only dm target, against the same O= tree
rm -rf "$out/dm-vmerr"; cp -r "$here/dm-vmerr" "$out/dm-vmerr"
nice -n 10 make -s -C "$ksrc" O="$kb" "${modcc[@]}" M="$out/dm-vmerr" modules >> "$out/build.log" 2>&1 \
	|| { tail -30 "$out/build.log" >&2; echo "FAIL build: dm-vmerr module"; echo "0 passed, 1 failed"; exit 1; }
# ---- 3. guest programs + initramfs
gcc -O2 -Wall -static -o "$out/vmio" "$here/vmio.c" -laio -luring >> "$out/build.log" 2>&1 \
	|| { echo "FAIL build: vmio (needs libaio-dev, liburing-dev)"; echo "0 passed, 1 failed"; exit 1; }
make -s -C "$here/../../tools/mdclassify" mdclassify >> "$out/build.log" 2>&1 \
	|| { echo "FAIL build: mdclassify (see $out/build.log)"; echo "0 passed, 1 failed"; exit 1; }
"$here/mkinitramfs.sh" "$out/initramfs.cpio.gz" "$out/dm-vmerr/dm-vmerr.ko" "$out/vmio" \
	"$here/../../tools/mdclassify/mdclassify" ${mdadm:+"$mdadm"} 2>>"$out/build.log" \
	|| { tail -5 "$out/build.log" >&2; echo "FAIL build: initramfs"; echo "0 passed, 1 failed"; exit 1; }
log "kernel $krel built and initramfs ready in $(( $(date +%s) - T0 ))s"

# ---- 4. scenarios
SPLAT='BUG:|Oops|KASAN|KMSAN|WARNING:|cut here|possible circular locking|inconsistent lock state|rcu: INFO|rcu_sched self-detected stall|rcu_preempt self-detected stall|detected stalls on CPUs|soft lockup|hard LOCKUP|blocked for more than|Kernel panic|general protection fault|vmtest watchdog'
pass=0; failn=0
summary=$out/summary.txt
echo "# vmtest line=$line patched=$patched kernel=$krel ksrc=$ksrc" > "$summary"
for s in ${scen//,/ }; do
	d=$out/${s//\//_}; rm -rf "$d"; mkdir -p "$d"
	disks=()
	for i in 0 1 2 3; do
		truncate -s 512M "$d/nvme$i.img"
		disks+=(-drive "file=$d/nvme$i.img,if=none,id=d$i,format=raw,cache=unsafe" -device "nvme,drive=d$i,serial=vmtest$i")
	done
	t1=$(date +%s)
	timeout --kill-after=10 $((tmo + 90)) qemu-system-x86_64 -nographic -accel tcg -smp 2 -m $mem -no-reboot \
		-monitor none -serial "file:$d/console.log" -serial "file:$d/report.log" \
		-kernel "$kb/arch/x86/boot/bzImage" -initrd "$out/initramfs.cpio.gz" \
		-append "console=ttyS0 loglevel=$klog log_buf_len=8M panic=-1 nokaslr vmtest.scen=$s vmtest.tmo=$tmo" \
		"${disks[@]}" < /dev/null > "$d/qemu.log" 2>&1
	qrc=$?
	dt=$(( $(date +%s) - t1 ))
	rm -f "$d"/nvme*.img
	tr -d '\r' < "$d/report.log" > "$d/report.txt" 2>/dev/null
	tr -d '\r' < "$d/console.log" > "$d/console.txt" 2>/dev/null
	sed -n '/^VMTEST-DMESG-BEGIN/,/^VMTEST-DMESG-END/p' "$d/report.txt" | sed '1d;$d' > "$d/dmesg.txt"
	sed -n '/^VMTEST-LOG-BEGIN/,/^VMTEST-LOG-END/p' "$d/report.txt" | sed '1d;$d' > "$d/scenario.log"
	res=$(grep -m1 "^VMTEST-RESULT $s " "$d/report.txt")
	src=$d/dmesg.txt; [ -s "$src" ] || src=$d/console.txt
	splat=$(grep -E "$SPLAT" "$src" | head -3 | sed 's/^\[ *[0-9.]*\] //' | tr '\n' '|' | cut -c1-240)
	reason=
	if [ -z "$res" ]; then
		reason="no result from guest (qemu rc=$qrc$( [ $qrc = 124 ] && echo ', host timeout'))"
	elif [ "$(echo "$res" | awk '{print $3}')" != PASS ]; then
		reason=$(echo "$res" | cut -d' ' -f4- | cut -c1-400)
	fi
	[ -n "$splat" ] && reason="${reason:+$reason; }kernel splat: $splat"
	if [ ! -s "$d/dmesg.txt" ] && [ -z "$reason" ]; then reason="guest dmesg not collected"; fi
	if [ -z "$reason" ]; then
		line_out="PASS $s (${dt}s)"; pass=$((pass + 1))
	else
		line_out="FAIL $s: $reason (${dt}s)"; failn=$((failn + 1))
	fi
	echo "$line_out"; echo "$line_out" >> "$summary"
	grep -h 'STORM-RATIO' "$d/scenario.log" >> "$summary" 2>/dev/null
done
echo "# total $(( $(date +%s) - T0 ))s" >> "$summary"
echo "$pass passed, $failn failed" | tee -a "$summary" >/dev/null
echo "$pass passed, $failn failed"
[ $failn -eq 0 ]
