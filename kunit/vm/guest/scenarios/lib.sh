# Guest-side helpers shared by the scenarios (busybox sh).
export MDADM_NO_UDEV=1 LVM_SUPPRESS_FD_WARNINGS=1 DM_DISABLE_UDEV=1
FAILS=
NCHECK=0
note() { echo "# $*"; }
fail() { echo "  FAILCHECK: $*"; FAILS="${FAILS:+$FAILS; }$*"; }
ok() { echo "  ok: $*"; }
# expect DESC ACTUAL OP EXPECTED   (OP: = != -gt -ge -lt -le)
expect() {
	NCHECK=$((NCHECK + 1))
	case $3 in
	=|!=) if [ "$2" "$3" "$4" ]; then ok "$1 ($2 $3 $4)"; else fail "$1: got '$2', want $3 '$4'"; fi ;;
	*) if [ "$2" "$3" "$4" ] 2>/dev/null; then ok "$1 ($2 $3 $4)"; else fail "$1: got '$2', want $3 $4"; fi ;;
	esac
}
run() { echo "+ $*"; "$@"; }
kver() { uname -r | awk -F. '{ printf "%d\n", $1 * 100 + $2 }'; }   # 6.12 -> 612

# ---- dmesg window: only lines printed since mark_dmesg
mark_dmesg() { DMARK=$(dmesg | wc -l); }
new_dmesg() { dmesg | tail -n +$((DMARK + 1)); }
count_dmesg() { new_dmesg | grep -c -e "$1"; }

# ---- vmio result parsing: field NAME from a "result ..." line
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# ---- the test-only dm target over each NVMe disk: /dev/mapper/e0..e3
# STRICT0=MASK: leg e0 has a stricter dma_alignment (MASK) than the others.
vmerr_setup() {
	insmod /lib/dm-vmerr.ko || { fail "insmod dm-vmerr"; return 1; }
	for i in $(seq 0 $(($1 - 1))); do
		sz=$(blockdev --getsz /dev/nvme${i}n1)
		opt=; [ $i = 0 ] && [ -n "$STRICT0" ] && opt=" align $STRICT0"
		dmsetup create e$i --table "0 $sz vmerr /dev/nvme${i}n1 0$opt" || fail "dmsetup create e$i"
		dmsetup mknodes e$i
	done
}
# vmerr_align LEG MASK: give leg eLEG a stricter dma_alignment now, under
# an assembled array (a leg's table reloaded after assembly: the limits of
# the devices stacked on it are not recomputed).
vmerr_align() {
	sz=$(blockdev --getsz /dev/nvme${1}n1)
	dmsetup reload e$1 --table "0 $sz vmerr /dev/nvme${1}n1 0 align $2" &&
		dmsetup resume e$1 || fail "dmsetup reload e$1 align $2"
}
dmname() { echo dm-$(dmsetup info -c --noheadings -o minor "$1" | tr -d ' '); }
arm() { # DEV OP SECTOR LEN STATUS COUNT [heal]; COUNT "inf" = unlimited
	echo "+ arm $*"; dev=$1; shift
	set -- "$1" "$2" "$3" "$4" "$(echo $5 | sed 's/^inf$/1000000000/')" $6
	dmsetup message "$dev" 0 arm "$@" || fail "arm $dev $*"
}
disarm() { dmsetup message "$1" 0 disarm; }
vstat() { dmsetup status "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# ---- NVMe fault injection (debugfs)
nvme_fi() { # DISK STATUS TIMES  (TIMES 0 = off)
	d=/sys/kernel/debug/$1/fault_inject
	[ -d "$d" ] || { fail "no $d"; return 1; }
	echo 0 > $d/probability
	[ "$3" = 0 ] && return 0
	echo 1 > $d/dont_retry; echo "$2" > $d/status; echo "$3" > $d/times
	echo 0 > $d/space; echo 1 > $d/interval 2>/dev/null; echo 0 > $d/verbose 2>/dev/null
	echo 100 > $d/probability
}
nvme_fi_left() { cat /sys/kernel/debug/$1/fault_inject/times; }

# ---- arrays. KIND: md-raid1 md-raid10 lvm-raid1 lvm-mirror; legs are e0..eN-1
# md-raid1-nobm: md raid1 without a bitmap; md-raid1-wb: internal bitmap,
# leg 1 write-mostly with write-behind; md-raid1-llbm: the lockless bitmap
# (llbitmap, 6.18+ kernels with CONFIG_MD_LLBITMAP, mdadm 4.6+)
# (or the raw NVMe disks when RAW=1). Sets ARR (block device) and NLEG.
LVSIZE=96M
setup_array() {
	KIND=$1
	if [ "$RAW" = 1 ]; then P=/dev/nvme; S=n1; else P=/dev/mapper/e; S=; fi
	case $KIND in
	md-raid1|md-raid1-nobm|md-raid1-wb|md-raid1-llbm) NLEG=2; lvl=1 ;;
	md-raid10) NLEG=4; lvl=10 ;;
	lvm-raid1|lvm-mirror) NLEG=2 ;;
	esac
	legs=; for i in $(seq 0 $((NLEG - 1))); do legs="$legs ${P}${i}${S}"; done
	[ "$RAW" = 1 ] || [ -b /dev/mapper/e0 ] || vmerr_setup $NLEG || return 1
	# LVM must see either the raw disks or the vmerr devices, never both (duplicate PVs)
	if [ "$RAW" = 1 ]; then f='"a|^/dev/nvme[0-9]n1$|"'; else f='"a|^/dev/mapper/e[0-9]$|"'; fi
	sed -i "s%^filter = .*%filter = [ $f, \"r|.*|\" ]%" /etc/lvm/lvm.conf
	create_array
}
create_array() {
	case $KIND in
	md-*)
		case $KIND in
		md-raid1-nobm) mdlegs="--bitmap=none $legs" ;;
		md-raid1-llbm) mdlegs="--bitmap=lockless $legs" ;;
		md-raid1-wb) mdlegs="--bitmap=internal --write-behind=256 ${legs% *} --write-mostly ${legs##* }" ;;
		*) mdlegs="--bitmap=internal $legs" ;;
		esac
		run mdadm --create /dev/md0 --run --force --assume-clean --metadata=1.2 \
			--level=$lvl --raid-devices=$NLEG $mdlegs || { fail "mdadm --create"; return 1; }
		ARR=/dev/md0; MD=/sys/block/md0/md
		if [ $KIND = md-raid1-llbm ]; then
			# "none bitmap [llbitmap]": the one in use is bracketed
			bt=$(cat $MD/bitmap_type 2>/dev/null)
			case $bt in *"[llbitmap]"*) ;; *) fail "md0 bitmap_type is '$bt', not [llbitmap]"; return 1 ;; esac
		fi
		;;
	lvm-*)
		run lvm pvcreate -q -y $legs >/dev/null && run lvm vgcreate -q vg $legs >/dev/null || { fail "pvcreate/vgcreate"; return 1; }
		if [ $KIND = lvm-raid1 ]; then
			run lvm lvcreate -q -y --type raid1 -m1 --nosync -L $LVSIZE -n lv vg || { fail "lvcreate raid1"; return 1; }
		else
			run lvm lvcreate -q -y --type mirror -m1 --mirrorlog core $MIRROR_SYNC -L $LVSIZE -n lv vg || { fail "lvcreate mirror"; return 1; }
		fi
		ARR=/dev/mapper/vg-lv
		;;
	esac
	[ -b $ARR ] || { fail "no $ARR"; return 1; }
	cat /proc/mdstat; dmsetup table
}
# Fresh array on the same legs (each case starts healthy).
recreate_array() {
	case $KIND in
	md-*) mdadm --stop /dev/md0 >/dev/null; mdadm --zero-superblock $legs ;;
	lvm-*) lvm lvremove -q -f vg/lv >/dev/null; lvm vgremove -q -f vg >/dev/null; lvm pvremove -q -f $legs >/dev/null ;;
	esac
	create_array
}
leg_dev() { if [ "$RAW" = 1 ]; then echo /dev/nvme$1n1; else echo /dev/mapper/e$1; fi; }
leg_kname() { if [ "$RAW" = 1 ]; then echo nvme$1n1; else dmname e$1; fi; }
# leg_sector LEG ARRAY_SECTOR -> sector on leg LEG's device (array offsets < 512 KiB)
leg_sector() {
	case $KIND in
	md-*) echo $(($(cat $MD/dev-$(leg_kname $1)/offset) + $2)) ;;
	lvm-raid1) echo $(($(dmsetup table vg-lv_rimage_$1 | awk '{print $5}') + $2)) ;;
	lvm-mirror) echo $(($(dmsetup table vg-lv_mimage_$1 | awk '{print $5}') + $2)) ;;
	esac
}
# health string, one char per leg: A = in use, D/F/... = failed
health() {
	case $KIND in
	md-*) h=; for i in $(seq 0 $((NLEG - 1))); do
		if grep -q faulty $MD/dev-$(leg_kname $i)/state 2>/dev/null; then h=${h}D; else h=${h}A; fi
	      done; echo $h ;;
	lvm-raid1) dmsetup status vg-lv | awk '{print $6}' ;;
	lvm-mirror) dmsetup status vg-lv | tr ' ' '\n' | grep -E '^[ADSRFU]{2,}$' | head -1 ;;
	esac
}
allA() { case $1 in *[!A]*|"") return 1 ;; *) return 0 ;; esac; }
# md per-leg counters: "errors" sum and bad block count (lvm: not exposed -> 0)
md_errors() { [ "${KIND#md-}" != "$KIND" ] || { echo 0; return; }; cat $MD/dev-*/errors | awk '{s+=$1} END {print s+0}'; }
md_badblocks() { [ "${KIND#md-}" != "$KIND" ] || { echo 0; return; }; cat $MD/dev-*/bad_blocks | wc -l; }
sync_state() { # prints "<action> <done>/<total>" or md equivalents
	case $KIND in
	md-*) echo "$(cat $MD/sync_action) $(cat $MD/sync_completed)" ;;
	lvm-raid1) dmsetup status vg-lv | awk '{print $8, $7}' ;;
	lvm-mirror) dmsetup status vg-lv | awk '{print "mirror", $7}' ;;
	esac
}
wait_idle() { # TIMEOUT_SECS: wait until no resync/recovery/check runs
	n=0
	while [ $n -lt $1 ]; do
		case $KIND in
		md-*) [ "$(cat $MD/sync_action)" = idle ] && [ "$(cat $MD/sync_completed)" = none ] && return 0 ;;
		lvm-raid1) set -- $1 $(dmsetup status vg-lv); [ "$9" = idle ] && [ "${8%/*}" = "${8#*/}" ] && return 0 ;;
		lvm-mirror) r=$(dmsetup status vg-lv | awk '{print $7}'); [ "${r%/*}" = "${r#*/}" ] && return 0 ;;
		esac
		sleep 1; n=$((n + 1))
	done
	fail "array still syncing after $1 s: $(sync_state)"; return 1
}
run_check() { # start a check pass and print mismatch count
	case $KIND in
	md-*) echo check > $MD/sync_action; sleep 1; wait_idle 120 >&2; cat $MD/mismatch_cnt ;;
	lvm-raid1) dmsetup message vg-lv 0 check; sleep 1; wait_idle 120 >&2; dmsetup status vg-lv | awk '{print $9}' ;;
	esac
}
teardown() {
	# a write a dm-vmerr hold rule keeps back would hang the deactivation
	for d in $(dmsetup ls --target vmerr 2>/dev/null | awk '{ print $1 }'); do
		dmsetup message "$d" 0 disarm 2>/dev/null
	done
	case $KIND in
	md-*) mdadm --stop /dev/md0 >/dev/null 2>&1 ;;
	lvm-*) lvm vgchange -q -an vg >/dev/null 2>&1 ;;
	esac
}
# mdclassify --live on this boot's kernel log: the incident of leg LEG has
# class CLASS and its live state starts with STATE ("faulty now (disk", ...:
# "(disk" is md's GET_DISK_INFO answer, "(dm-raid health" dmsetup's).
classify_check() { # LEG CLASS STATE
	command -v mdclassify >/dev/null || { fail "mdclassify missing in the guest"; return; }
	dmesg > /tmp/kmsg.log; dmsetup ls > /tmp/dmls 2>/dev/null
	mdclassify --no-progress --json --live --dmsetup-ls /tmp/dmls /tmp/kmsg.log > /tmp/mdc.json 2>&1
	mdclassify --no-progress --brief --live --dmsetup-ls /tmp/dmls /tmp/kmsg.log 2>&1 | sed 's/^/  mdclassify| /'
	# the first incident of leg $1: its "class" and "live_state" lines
	# (the JSON is indented, one key a line, leg before class before
	# live_state in each incident)
	inc=$(awk -v leg="\"leg\": \"$1\"" '
		/"leg": / { cur = index($0, leg) > 0 }
		/"class": / { cls = $0 }
		/"live_state": / { if (cur) { print cls; print $0; exit } }' /tmp/mdc.json)
	expect "mdclassify class of $1" "$(echo "$inc" | grep -o '"class": "[a-z-]*"')" = "\"class\": \"$2\""
	expect "mdclassify live state of $1" "$(echo "$inc" | grep -c "\"live_state\": \"$1: $3")" = 1
	echo "  live: $(echo "$inc" | grep -o '"live_state": "[^"]*"')"
}
# mdclassify on this boot's log after request errors only: it finds
# nothing degraded (exit 0, no leg faulty now).  (md logs nothing when
# every leg rejects a request, so there may be no incident at all.)
classify_request_only() {
	command -v mdclassify >/dev/null || { fail "mdclassify missing in the guest"; return; }
	dmesg > /tmp/kmsg.log
	mdclassify --no-progress --json --live /tmp/kmsg.log > /tmp/mdc.json 2>&1; rc=$?
	mdclassify --no-progress --brief --live /tmp/kmsg.log 2>&1 | sed 's/^/  mdclassify| /'
	expect "mdclassify exit (0: nothing degraded)" $rc = 0
	expect "mdclassify legs faulty now" "$(grep -c 'faulty now' /tmp/mdc.json)" = 0
}
# every leg LEG(S) except $1 fails reads of array range OFF LEN with EIO:
# a read of the range must then come from leg $1, or fail
others_fail_reads() { # LEG OFF LEN
	for j in $(seq 0 $((NLEG - 1))); do
		[ $j = $1 ] || arm e$j read $(leg_sector $j $(($2 / 512))) $(($3 / 512)) ioerr inf
	done
}
others_heal() { for j in $(seq 0 $((NLEG - 1))); do [ $j = $1 ] || disarm e$j; done; }
# md's view: "no bitmap", resync or recovery running?
resyncing() {
	case $KIND in
	md-*) [ "$(cat $MD/sync_action)" != idle ] && echo yes || echo no ;;
	lvm-raid1) set -- $(dmsetup status vg-lv); [ "$8" != idle ] && echo yes || echo no ;;
	*) echo no ;;
	esac
}
# leg LEG is out of service for the range: faulty, or md recorded bad blocks
leg_out() { # LEG -> yes|no
	case $KIND in
	# (sysfs files always have a size: read bad_blocks, do not test -s)
	md-*) if grep -q faulty $MD/dev-$(leg_kname $1)/state || [ -n "$(cat $MD/dev-$(leg_kname $1)/bad_blocks)" ]; then echo yes; else echo no; fi ;;
	*) [ "$(health | cut -c$(($1 + 1)))" = A ] && echo no || echo yes ;;
	esac
}

# Checks every scenario makes at its end on its dmesg window.
common_dmesg_checks() {
	for pat in 'rescheduling sector' 'read error corrected' 'exceeded read_error threshold' \
		   'Disk failure on' 'Mirror read failed' 'failed while out-of-sync' \
		   'All sides of mirror have failed'; do
		expect "dmesg lines '$pat'" "$(count_dmesg "$pat")" = 0
	done
}
result() {
	if [ -z "$FAILS" ] && [ $NCHECK -gt 0 ]; then
		echo "VMTEST-RESULT $SCEN PASS $NCHECK checks" > /tmp/result
	else
		echo "VMTEST-RESULT $SCEN FAIL ${FAILS:-no checks ran}" > /tmp/result
	fi
}
