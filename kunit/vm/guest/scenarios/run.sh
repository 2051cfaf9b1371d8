# run.sh SCENARIO   (SCENARIO = <array>/<test>, e.g. md-raid1/request-read)
# Every scenario asserts the PATCHED expectations (the series' documented
# behaviour); each test function keeps its expectations in the block at its top.
. /scenarios/lib.sh
SCEN=$1
ARRAYKIND=${SCEN%%/*}
TEST=${SCEN#*/}
K=$(kver)
note "scenario $SCEN on $(uname -r) (kver $K)"

# Scenario 1a: every leg rejects the same reads and writes (the request is
# to blame): dm-vmerr armed with the same status on every leg.
t_reject_all() {
	# ---- expectations (patched series: md "every leg rejected it") ----
	N=10
	# reads and writes end with the legs' errno (EOPNOTSUPP, EINVAL), never
	# EIO or success; no leg touched (health all A, md errors and bad blocks
	# unchanged, none of the error handling lines); no resync starts; the
	# range keeps its old data on every leg; a check finds mismatch_cnt 0.
	# ----
	setup_array $ARRAYKIND || return
	vmio fill $ARR 0 1048576 7 >/dev/null
	cases="notsupp:EOPNOTSUPP"; [ $K -ge 611 ] && cases="$cases inval:EINVAL"
	E0=$(md_errors); mark_dmesg
	for c in $cases; do
		st=${c%%:*}; want=${c#*:}
		note "case $st on every leg: expect $want"
		OLD=$(vmio sum $ARR 65536 $((N * 4096)))
		for j in $(seq 0 $((NLEG - 1))); do
			arm e$j any $(leg_sector $j 128) $((N * 8)) $st inf
		done
		r=$(vmio read $ARR 65536 4096 0 $N); echo "  read: $r"
		w=$(vmio write $ARR 65536 4096 99 0 $N 4096); echo "  write: $w"
		for j in $(seq 0 $((NLEG - 1))); do disarm e$j; done
		expect "$st: reads returning $want" "$(field "$r" $want)" = $N
		expect "$st: writes returning $want" "$(field "$w" $want)" = $N
		expect "$st: writes reported successful" "$(field "$w" ok)" = 0
		expect "$st: legs healthy" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
		expect "$st: md dev errors unchanged" "$(md_errors)" = "$E0"
		expect "$st: md bad blocks" "$(md_badblocks)" = 0
		sleep 2
		expect "$st: resync running" "$(resyncing)" = no
		expect "$st: old data kept" "$(vmio sum $ARR 65536 $((N * 4096)))" = "$OLD"
		s0=$(vmio sum $(leg_dev 0) $(($(leg_sector 0 128) * 512)) $((N * 4096)))
		s1=$(vmio sum $(leg_dev 1) $(($(leg_sector 1 128) * 512)) $((N * 4096)))
		expect "$st: legs agree" "$s0" = "$s1"
	done
	case $KIND in md-*|lvm-raid1) expect "mismatch_cnt after check" "$(run_check)" = 0 ;; esac
	expect "resync started" "$(count_dmesg 'resync of RAID array')" = 0
	expect "dmesg 'redirecting sector'" "$(count_dmesg 'redirecting sector')" = 0
	classify_request_only
	common_dmesg_checks
}

# Scenario 1b: one leg rejects well-formed reads another leg serves.  That is
# the leg's problem: a dead NVMe namespace answers Invalid Namespace (DNR,
# -> BLK_STS_NOTSUPP) to every command.
t_request_read() {
	# ---- expectations (patched series: "one leg did") ----
	N=30
	# every read returns the right data (never an errno, never EIO);
	# BLK_STS_INVAL (dm-inval): leg 0 is not faulted, not counted, no error
	# handling lines; BLK_STS_NOTSUPP (dm-notsupp, NVMe sc 0x02 Invalid
	# Field, sc 0x0b Invalid Namespace, DNR): handled as today's device
	# error: leg 0 ends faulty or with bad blocks for the range.
	# ----
	setup_array $ARRAYKIND || return
	cases="dm-notsupp nvme-0x4002 nvme-0x400b"
	[ $K -ge 611 ] && cases="dm-inval $cases"
	first=1
	for how in $cases; do
		[ $first = 1 ] || recreate_array || return
		first=0
		note "case $how: leg 0 rejects, leg 1 serves"
		vmio fill $ARR 0 1048576 7 >/dev/null
		SUM=$(vmio sum $ARR 65536 4096); E0=$(md_errors); mark_dmesg
		case $how in
		dm-*) arm e0 read $(leg_sector 0 128) 8 ${how#dm-} inf ;;
		nvme-*) nvme_fi nvme0n1 ${how#nvme-} 1000000 ;;
		esac
		r=$(vmio read $ARR 65536 4096 0 $N $SUM)
		case $how in dm-*) h=$(vstat e0 hits); disarm e0 ;; nvme-*) h=?; nvme_fi nvme0n1 0 0 ;; esac
		echo "  $how: $r leg0-rejections=$h health=$(health)"
		expect "$how: reads returning the data" "$(field "$r" ok)" = $N
		expect "$how: wrong data" "$(field "$r" badsum)" = 0
		if [ $how = dm-inval ]; then
			expect "$how: leg 0 rejected reads" "$h" -ge 1
			expect "$how: legs healthy" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
			expect "$how: md dev errors unchanged" "$(md_errors)" = "$E0"
			expect "$how: md bad blocks" "$(md_badblocks)" = 0
			common_dmesg_checks
		else
			expect "$how: leg 0 faulty or bad-blocked" "$(leg_out 0)" = yes
			expect "$how: leg 0 handled as a read error" "$(count_dmesg 'rescheduling sector\|which another leg served')" -ge 1
		fi
	done
}

# Scenario 1c: writes one leg rejects (another leg stores them) and the
# stale-read check: with every other leg failing reads of the range, a read
# returns the new data or an error, never the old data.
t_request_write() {
	# ---- expectations (patched series: "one leg did") ----
	NW=25
	# each write is acknowledged (another in-service leg stored it); the
	# rejecting leg (0; md-raid1-wb: 1, the write-mostly leg) lacks the
	# data, so it is handled as a leg whose write failed: bad blocks for the
	# range (md), or faulty where bad blocks are impossible; reads served by
	# that leg alone return the new data or EIO, never old data; data
	# outside the written range unchanged.
	# ----
	RL=0; [ $ARRAYKIND = md-raid1-wb ] && RL=1	# write-behind: the write-mostly leg
	setup_array $ARRAYKIND || return
	vmio fill $ARR 0 1048576 7 >/dev/null
	cases="notsupp:131072"; [ $K -ge 611 ] && cases="$cases inval:262144"
	LOW0=$(vmio sum $ARR 0 131072); HIGH0=$(vmio sum $ARR 524288 524288)
	for c in $cases; do
		st=${c%%:*}; off=${c#*:}
		note "case $st x$NW at $off on leg $RL"
		mark_dmesg
		arm e$RL write $(leg_sector $RL $((off / 512))) $((NW * 8)) $st inf
		r=$(vmio write $ARR $off 4096 99 0 $NW 4096)
		h=$(vstat e$RL hits); disarm e$RL
		echo "  $st: $r hits=$h health=$(health) badblocks=$(md_badblocks)"
		# what was written, not a read of the array: md may serve that
		# read from the leg that lacks the write
		NEW=$(vmio patsum $off $((NW * 4096)) 99)
		# (a leg without a bad block log, e.g. under dm-raid, is failed
		# by the first write it rejects and sees no more)
		expect "$st: leg $RL rejected writes" "$h" -ge 1
		expect "$st: writes acknowledged" "$(field "$r" ok)" = $NW
		expect "$st: leg $RL out of service for the range" "$(leg_out $RL)" = yes
		wait_idle 180
		others_fail_reads $RL $off $((NW * 4096))
		s=$(vmio read $ARR $off $((NW * 4096)) 0 1 $NEW)
		others_heal $RL
		echo "  $st: read with only leg $RL in service: $s"
		expect "$st: stale data served" "$(field "$s" badsum)" = 0
		recreate_array || return
		vmio fill $ARR 0 1048576 7 >/dev/null
	done
	expect "untouched data [0,128K) unchanged" "$(vmio sum $ARR 0 131072)" = "$LOW0"
	expect "untouched data [512K,1M) unchanged" "$(vmio sum $ARR 524288 524288)" = "$HIGH0"
}

# Scenario 1d: legs with different limits.  Leg 0 (dm-vmerr "align 4095")
# needs 4 KiB aligned memory, the others take 512-byte aligned buffers.  md
# raid1/raid10 stack the legs' limits, so the block layer rejects such I/O up
# front or leg 0 rejects it (BLK_STS_INVAL); dm-raid does not stack them, and
# under LVM leg 0 gets its alignment after lvcreate (a reloaded leg table).
t_mixed_limits() {
	# ---- expectations (patched series) ----
	N=20
	# reads from buffer+512: the data or EINVAL, never EIO or wrong data; leg
	# 0 never faulted by a read; writes from buffer+512: EINVAL (every leg
	# that could take it rejected it) or acknowledged, and then never stale.
	# ----
	# md stacks its legs' limits when they are added; under LVM the leg
	# gets its stricter alignment after lvcreate (as when a leg's table is
	# reloaded), so that pvcreate can still write its label and the LV's
	# own limits do not include it: the legs have to sort it out.
	case $ARRAYKIND in
	lvm-*) STRICT0= ;;
	*) STRICT0=4095 ;;
	esac
	setup_array $ARRAYKIND || return
	[ -n "$STRICT0" ] || { vmerr_align 0 4095 || return; }
	vmio fill $ARR 0 1048576 7 >/dev/null
	SUM=$(vmio sum $ARR 65536 4096); E0=$(md_errors); mark_dmesg
	r=$(vmio read $ARR 65536 4096 512 $N $SUM)
	echo "  reads +512: $r strict=$(vstat e0 strict) health=$(health)"
	expect "reads: data or EINVAL" "$(($(field "$r" ok) + $(field "$r" EINVAL)))" = $N
	expect "reads: wrong data" "$(field "$r" badsum)" = 0
	expect "legs healthy after reads" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
	expect "md dev errors unchanged" "$(md_errors)" = "$E0"
	w=$(vmio write $ARR 262144 4096 99 512 $N 4096)
	echo "  writes +512: $w strict=$(vstat e0 strict) health=$(health) badblocks=$(md_badblocks)"
	expect "writes: acknowledged or EINVAL" "$(($(field "$w" ok) + $(field "$w" EINVAL)))" = $N
	if [ "$(field "$w" ok)" -gt 0 ]; then
		# every write acknowledged: what was written; else what the
		# array reads back (some of the range kept its old data)
		if [ "$(field "$w" ok)" = $N ]; then
			NEW=$(vmio patsum 262144 $((N * 4096)) 99)
		else
			NEW=$(vmio sum $ARR 262144 $((N * 4096)))
		fi
		if [ "$(vstat e0 strict)" -gt 0 ]; then
			expect "leg 0 out of service for what it rejected" "$(leg_out 0)" = yes
		fi
		wait_idle 180
		others_fail_reads 0 262144 $((N * 4096))
		s=$(vmio read $ARR 262144 $((N * 4096)) 0 1 $NEW)
		others_heal 0
		echo "  read with only leg 0 in service: $s"
		expect "stale data served" "$(field "$s" badsum)" = 0
	fi
}

# Scenario 2: media errors (BLK_STS_MEDIUM) behave as today on every kernel:
# corrected by rewrite, and the leg is faulted by exactly the (max_read_errors+1)th.
t_media() {
	# ---- expectations (unchanged behaviour, patched and unpatched) ----
	MAXRE=20
	FAULT_AT=$((MAXRE + 1))
	# 6.1 raid1 has no read-error threshold (issue 2): corrected, never faulted.
	[ $K -lt 608 ] && [ $ARRAYKIND != md-raid10 ] && FAULT_AT=none
	ROUNDS=$((MAXRE + 1))
	# ----
	setup_array $ARRAYKIND || return
	[ "${KIND#md-}" != "$KIND" ] && expect "md max_read_errors" "$(cat $MD/max_read_errors)" = $MAXRE
	vmio fill $ARR 0 1048576 7 >/dev/null
	SUM=$(vmio sum $ARR 65536 4096); mark_dmesg
	faulted_at=none
	i=1
	while [ $i -le $ROUNDS ]; do
		# one media error on leg 0, repaired by md's rewrite (heal on write)
		arm e0 read $(leg_sector 0 128) 8 medium inf heal
		n=0
		while [ "$(vstat e0 armed)" = 1 ] && [ $n -lt 60 ]; do
			r=$(vmio read $ARR 65536 4096 0 1 $SUM)
			[ "$(field "$r" ok)" = 1 ] && [ "$(field "$r" badsum)" = 0 ] || fail "round $i: read failed: $r"
			n=$((n + 1))
			allA "$(health)" || break
		done
		disarm e0
		if ! allA "$(health)"; then faulted_at=$i; break; fi
		[ $n -ge 60 ] && { fail "round $i: leg 0 never read"; break; }
		i=$((i + 1))
	done
	echo "  rounds=$i faulted_at=$faulted_at health=$(health)"
	expect "leg faulted at error #" "$faulted_at" = "$FAULT_AT"
	expect "'read error corrected' lines" "$(count_dmesg 'read error corrected')" -ge $MAXRE
	if [ "$FAULT_AT" != none ]; then
		expect "threshold message" "$(count_dmesg "exceeded read_error threshold \[cur $FAULT_AT:max $MAXRE\]")" = 1
		# the admin's view: cause media, and md's / dm's view now
		case $KIND in
		md-raid1) classify_check $(leg_kname 0) media "faulty now (disk [0-9]* faulty; md raid1 degraded: 1 of 2 working, 1 failed" ;;
		md-raid10) classify_check $(leg_kname 0) media "faulty now (disk [0-9]* faulty; md raid10 degraded: 3 of 4 working, 1 failed" ;;
		lvm-raid1) classify_check $(dmname vg-lv_rimage_0) media "faulty now (dm-raid health 'D' of leg 0 of vg-lv)" ;;
		esac
	fi
}

# Scenario 3: the real trigger: O_DIRECT reads at offset 0 into a misaligned
# user buffer (QEMU raw_probe_alignment), on arrays straight on the NVMe disks.
t_misaligned() {
	# ---- expectations (patched; 6.12/6.1 reject these up front) ----
	N=30
	# buffer+1: every read EINVAL (pread, libaio, preadv with odd iovecs);
	# buffer+512: every read returns the right data; no leg faulted, no md error.
	# ----
	RAW=1
	setup_array $ARRAYKIND || return
	vmio fill $ARR 0 1048576 7 >/dev/null
	SUM=$(vmio sum $ARR 0 4096); E0=$(md_errors); mark_dmesg
	r=$(vmio read $ARR 0 4096 1 $N $SUM); echo "  pread +1: $r"
	expect "pread buf+1: EINVAL" "$(field "$r" EINVAL)" = $N
	r=$(vmio aio $ARR 0 4096 1 $N); echo "  aio +1: $r"
	expect "libaio buf+1: EINVAL" "$(field "$r" EINVAL)" = $N
	r=$(vmio preadv $ARR 0 1,4095); echo "  preadv 1,4095: $r"
	expect "preadv iov 1+4095: EINVAL" "$(field "$r" EINVAL)" = 1
	r=$(vmio read $ARR 0 4096 512 $N $SUM); echo "  pread +512: $r"
	expect "pread buf+512: data" "$(field "$r" ok)/$(field "$r" badsum)" = "$N/0"
	expect "legs healthy" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
	expect "md dev errors unchanged" "$(md_errors)" = "$E0"
	expect "md bad blocks" "$(md_badblocks)" = 0
	common_dmesg_checks
}

# Scenario 4: LVM --type mirror resyncing while request errors and misaligned
# reads hit the primary, and while lvconvert --repair and suspend/resume run.
t_recovery() {
	# ---- expectations (patched dm-raid1 series) ----
	# no crash/stall/hang (host + watchdog), mirror health stays all 'A',
	# reads end with their true errno (EOPNOTSUPP/EINVAL: in a region not
	# yet in sync only the primary may serve a read, and it rejected it, so
	# it ends with that status and fails no leg), never EIO;
	# admin commands return within ADMIN_TMO; resync completes; data intact.
	# A precondition, patched or not: the resync has not reached the
	# armed region (HIREG) when the fault is disarmed.
	ADMIN_TMO=60
	# ----
	LVSIZE=448M
	setup_array lvm-mirror || return
	note "initial: $(dmsetup status vg-lv)"
	SUM0=$(vmio sum $ARR 0 4096); HI=$((400 * 1048576)); SUMHI=$(vmio sum $ARR $HI 4096)
	# The resync copies one region after another (one at a time, in
	# order: read the primary, write the other leg) and must not reach HI
	# while it is armed: a recovery copy the primary rejects fails it, as
	# today.  Unthrottled it copies 30 to 60 regions a second, and the
	# kcopyd throttle (jiffy-based) did not always hold it back.  So e1
	# holds every write to the regions before HI's, which stalls the
	# resync at the next region it copies until e1 is disarmed.
	# "0 <len> mirror core <n> <region sectors> ..."
	RSEC=$(dmsetup table vg-lv | awk '$3 == "mirror" && $4 == "core" { print $6 }')
	[ -n "$RSEC" ] || { fail "no region size in: $(dmsetup table vg-lv)"; return; }
	HIREG=$((HI / 512 / RSEC))
	arm e1 write $(leg_sector 1 0) $((HIREG * RSEC)) hold inf
	mark_dmesg
	# misaligned O_DIRECT reads (scenario 3) while the primary is healthy
	r=$(vmio read $ARR 0 4096 1 30 $SUM0); echo "  misaligned: $r ($(sync_state))"
	expect "misaligned reads: EIO" "$(field "$r" EIO)" = 0
	expect "misaligned reads: EINVAL" "$(field "$r" EINVAL)" = 30
	# request errors on the primary leg, in a region the resync has not reached
	arm e0 read $(leg_sector 0 $((HI / 512))) 8 notsupp inf
	note "sync before request-error reads: $(sync_state)"
	r=$(vmio read $ARR $HI 4096 0 30 $SUMHI); echo "  notsupp on primary: $r hits=$(vstat e0 hits) ($(sync_state))"
	expect "request-error reads: EIO" "$(field "$r" EIO)" = 0
	expect "request-error reads: EOPNOTSUPP" "$(field "$r" EOPNOTSUPP)" = 30
	if [ $K -ge 611 ]; then
		arm e0 read $(leg_sector 0 $((HI / 512))) 8 inval inf
		r=$(vmio read $ARR $HI 4096 0 30 $SUMHI); echo "  inval on primary: $r hits=$(vstat e0 hits) ($(sync_state))"
		expect "inval reads: EIO" "$(field "$r" EIO)" = 0
		expect "inval reads: EINVAL" "$(field "$r" EINVAL)" = 30
	fi
	expect "mirror health after request errors" "$(health)" = AA
	# disarm before the resync reaches the range: a recovery copy the
	# primary rejects fails it (dm-raid1 keeps today's recovery handling)
	disarm e0
	# read after the disarm: the most the resync can have done armed
	done_regions=$(dmsetup status vg-lv | awk '{ split($(5 + $4), a, "/"); print a[1] }')
	note "resync held at region $done_regions: $(vstat e1 held) write(s) held"
	disarm e1
	expect "resync short of region $HIREG while armed" "$done_regions" -lt $HIREG
	# background readers while admin commands run
	( vmio read $ARR 0 4096 1 200 >/tmp/bg1 ) &
	( vmio read $ARR $HI 4096 0 200 >/tmp/bg2 ) &
	timeout $ADMIN_TMO lvm lvconvert -y --repair vg/lv; rc=$?
	echo "  lvconvert --repair rc=$rc"
	expect "lvconvert --repair finished in time" "$([ $rc -eq 124 ] || [ $rc -eq 143 ] && echo hung || echo done)" = done
	timeout $ADMIN_TMO dmsetup suspend --noflush vg-lv; rc=$?
	expect "dmsetup suspend --noflush returned" "$rc" = 0
	timeout $ADMIN_TMO dmsetup resume vg-lv; rc=$?
	expect "dmsetup resume returned" "$rc" = 0
	wait
	echo "  bg: $(cat /tmp/bg1) | $(cat /tmp/bg2)"
	expect "background readers: EIO" "$(($(field "$(cat /tmp/bg1)" EIO) + $(field "$(cat /tmp/bg2)" EIO)))" = 0
	wait_idle 240
	expect "mirror health" "$(health)" = AA
	expect "data at 0 intact" "$(vmio sum $ARR 0 4096)" = "$SUM0"
	expect "data at 400M intact" "$(vmio sum $ARR $HI 4096)" = "$SUMHI"
	common_dmesg_checks
}

# ---- dm-raid1 v2 (LVM --type mirror): root fix and the consensus rule
# leg0char: mirror health character of leg 0
leg0char() { health | cut -c1; }
# seed_io LABEL OFF: the seed's trigger and its 4-byte aligned variant at OFF
seed_io() {
	r=$(vmio read $ARR $2 4096 1 10); echo "  $1 read buf+1: $r"
	expect "$1: read buf+1 EINVAL" "$(field "$r" EINVAL)" = 10
	r=$(vmio write $ARR $2 4096 7 1 10); echo "  $1 write buf+1: $r"
	expect "$1: write buf+1 EINVAL" "$(field "$r" EINVAL)" = 10
	for v in 4092,4 512,3584 0,4096 4096,0; do
		r=$(vmio preadv $ARR $2 $v); echo "  $1 preadv $v: $r"
		w=$(vmio pwritev $ARR $2 $v); echo "  $1 pwritev $v: $w"
		if [ $v = 4092,4 ]; then
			# the block layer rejects 4092+4 up front before 6.18 and
			# with 14b007e17881 (EINVAL); 6.18.0-6.18.2 pass it down,
			# where dm-io must serve it: data or EINVAL, never EIO
			expect "$1: preadv $v data or EINVAL" "$(($(field "$r" ok) + $(field "$r" EINVAL)))" = 1
			expect "$1: pwritev $v done or EINVAL" "$(($(field "$w" ok) + $(field "$w" EINVAL)))" = 1
		else
			expect "$1: preadv $v ok" "$(field "$r" ok)" = 1
			expect "$1: pwritev $v ok" "$(field "$w" ok)" = 1
		fi
	done
}

# Scenario 6: the seed's trigger (QEMU's buf+1 probe; 4092+4 iovecs that
# NVMe accepts; zero-length iovec) on a mirror that resyncs, then in sync.
t_seed() {
	# ---- expectations (dm-raid1 v2) ----
	# no hang or stall (guest watchdog), no zero-length command; buf+1 reads
	# and writes end with EINVAL (every leg rejects them), never EIO; the
	# 4-byte aligned iovecs are read and written; health stays AA; the
	# resync completes; suspend returns within ADMIN_TMO.
	ADMIN_TMO=60
	# ----
	LVSIZE=192M
	setup_array lvm-mirror || return
	HI=$((160 * 1048576))
	mark_dmesg
	seed_io resync $HI
	note "after resync-time I/O: $(sync_state)"
	wait_idle 100
	seed_io in-sync 0
	seed_io in-sync $HI
	timeout $ADMIN_TMO dmsetup suspend vg-lv; rc=$?
	expect "dmsetup suspend returned" "$rc" = 0
	timeout $ADMIN_TMO dmsetup resume vg-lv
	expect "mirror health" "$(health)" = AA
	expect "zero-length commands on the legs" "$(count_dmesg ' 0 blocks')" = 0
	common_dmesg_checks
}

# Scenario 7: every leg rejects (dm-vmerr armed on both legs).
t_all_reject() {
	# ---- expectations (dm-raid1 v2) ----
	# reads and writes end with the legs' status (EOPNOTSUPP; EINVAL on
	# >=6.11), never EIO; no leg failed (AA); no region marked out of sync:
	# the in-sync mirror stays at 100%; the data are unchanged.
	N=10
	# ----
	MIRROR_SYNC=--nosync
	setup_array lvm-mirror || return
	OFF=$((64 * 1048576)); SUM=$(vmio sum $ARR $OFF 4096)
	mark_dmesg
	sts=notsupp; [ $K -ge 611 ] && sts="notsupp inval"
	for st in $sts; do
		case $st in notsupp) en=EOPNOTSUPP ;; inval) en=EINVAL ;; esac
		arm e0 any $(leg_sector 0 $((OFF / 512))) 8 $st inf
		arm e1 any $(leg_sector 1 $((OFF / 512))) 8 $st inf
		r=$(vmio read $ARR $OFF 4096 0 $N $SUM); echo "  $st reads: $r"
		expect "$st reads: $en" "$(field "$r" $en)" = $N
		r=$(vmio write $ARR $OFF 4096 5 0 $N); echo "  $st writes: $r"
		expect "$st writes: $en" "$(field "$r" $en)" = $N
		disarm e0; disarm e1
		expect "health after $st" "$(health)" = AA
		r=$(dmsetup status vg-lv | awk '{print $7}')
		expect "in sync after $st" "${r%/*}" = "${r#*/}"
	done
	expect "data unchanged" "$(vmio sum $ARR $OFF 4096)" = "$SUM"
	common_dmesg_checks
}

# Scenario 8: one leg answers NOTSUPP to well-formed I/O (a dead namespace):
# dm-vmerr NOTSUPP, NVMe Invalid Namespace (0x400b) and Invalid Field
# (0x4002) on leg 0, each on a fresh in-sync mirror.
t_dead_leg() {
	# ---- expectations (dm-raid1 v2) ----
	# reads return the data (served by leg 1), never an error; leg 0 is
	# marked failed (R or D); after "lvconvert -m0" drops leg 0, writes
	# succeed and read back.
	N=10; ADMIN_TMO=60
	# ----
	MIRROR_SYNC=--nosync
	for how in nvme-400b nvme-4002 vmerr; do
		case $how in vmerr) RAW=0 ;; *) RAW=1 ;; esac
		if [ -n "${KIND:-}" ]; then
			teardown; lvm vgremove -q -f vg >/dev/null 2>&1
			lvm pvremove -q -f $legs >/dev/null 2>&1
		fi
		setup_array lvm-mirror || return
		# --nosync: make the legs agree on the range first
		OFF=$((32 * 1048576)); vmio write $ARR $OFF 4096 4 0 1 >/dev/null
		SUM=$(vmio sum $ARR $OFF 4096)
		case $how in
		vmerr) arm e0 any $(leg_sector 0 0) $((96 * 2048)) notsupp inf ;;
		nvme-400b) nvme_fi nvme0n1 0x400b 1000000 ;;
		nvme-4002) nvme_fi nvme0n1 0x4002 1000000 ;;
		esac
		r=$(vmio read $ARR $OFF 4096 0 $N $SUM); echo "  $how reads: $r"
		expect "$how: reads ok" "$(field "$r" ok)" = $N
		expect "$how: reads badsum" "$(field "$r" badsum)" = 0
		c=$(leg0char); echo "  $how: health $(health)"
		expect "$how: leg 0 failed (R or D)" "$(echo $c | grep -c '[RD]')" = 1
		case $how in vmerr) disarm e0 ;; *) nvme_fi nvme0n1 0 0 ;; esac
		timeout $ADMIN_TMO lvm lvconvert -y -m0 vg/lv $(leg_dev 0); rc=$?
		expect "$how: lvconvert -m0 rc" "$rc" = 0
		r=$(vmio write $ARR $OFF 4096 9 0 $N); echo "  $how writes after repair: $r"
		expect "$how: writes after repair ok" "$(field "$r" ok)" = $N
	done
}

# Scenario 9: the lost-write sequence.  handle_errors on (as with dmeventd):
# a write leg 1 rejects (INVAL; NOTSUPP before 6.11), a later write to the
# same region, then a genuine failure of the default leg (leg 0), then read.
t_lost_write() {
	# ---- expectations (dm-raid1 v2) ----
	# the read returns the last written data or an error, never older data;
	# nothing hangs (writes return within WR_TMO).
	WR_TMO=60
	# ----
	MIRROR_SYNC=--nosync
	setup_array lvm-mirror || return
	t=$(dmsetup table vg-lv)
	case "$t" in *handle_errors*) ;; *) t="$t 1 handle_errors" ;; esac
	echo "$t" | dmsetup reload vg-lv && dmsetup resume vg-lv || fail "reload with handle_errors"
	dmsetup table vg-lv
	OFF=$((16 * 1048576))
	vmio write $ARR $OFF 4096 1 0 1 >/dev/null
	SUMA=$(vmio sum $ARR $OFF 4096)
	st=notsupp; [ $K -ge 611 ] && st=inval
	arm e1 write $(leg_sector 1 $((OFF / 512))) 8 $st 1
	r=$(timeout $WR_TMO vmio write $ARR $OFF 4096 2 0 1); echo "  write rejected by leg 1 ($st): $r health $(health)"
	expect "rejected write returned" "$(echo "$r" | grep -c result)" = 1
	r=$(timeout $WR_TMO vmio write $ARR $OFF 4096 3 0 1); echo "  second write: $r health $(health)"
	expect "second write returned" "$(echo "$r" | grep -c result)" = 1
	SUMC=$(vmio sum $ARR $OFF 4096); echo "  sum after writes $SUMC (A $SUMA)"
	arm e0 any $(leg_sector 0 $((OFF / 512))) 8 ioerr inf
	r=$(timeout $WR_TMO vmio read $ARR $OFF 4096 0 3 $SUMC); echo "  read after default leg failed: $r health $(health)"
	expect "read back: old data" "$(field "$r" badsum)" = 0
	expect "read back returned" "$(echo "$r" | grep -c result)" = 1
	disarm e0
}

# Scenario 5: storm. Throughput of healthy reads while another task issues
# misaligned reads, as a ratio to the quiet run (a figure, not a threshold).
t_storm() {
	SECS=4
	RAW=1
	setup_array md-raid1 || return
	q=$(vmio bench $ARR 524288 4096 $SECS); echo "  quiet: $q"
	( vmio storm $ARR 0 $((SECS + 1)) > /tmp/storm ) &
	sleep 0.3
	s=$(vmio bench $ARR 524288 4096 $SECS); wait; echo "  storm: $s | $(cat /tmp/storm)"
	qo=$(field "$q" ops_per_sec); so=$(field "$s" ops_per_sec)
	echo "  STORM-RATIO $(awk "BEGIN { printf \"%.2f\", $so / $qo }") quiet=$qo storm=$so"
	expect "healthy reads failed (quiet)" "$(($(field "$q" ok) - $(field "$q" ops)))" = 0
	expect "healthy reads failed (storm)" "$(($(field "$s" ok) - $(field "$s" ops)))" = 0
	expect "legs healthy" "$(health)" = AA
}

# Scenario 6: the seed's submission shapes.  Vectored O_DIRECT reads and
# writes whose total is block-aligned but whose segments are not, a
# zero-length iovec among valid ones, a buffer at +1, each through preadv/
# pwritev (the sync worker path of QEMU aio=threads), libaio
# IOCB_CMD_PREADV/PWRITEV (aio=native) and io_uring (the control), on the
# array with the raw NVMe disks as legs.  One SHAPE line per submission:
# what the caller got, whether a leg saw it (new kernel log lines of md,
# dm or nvme), and the array's health after it.
t_shapes() {
	# ---- expectations (patched: 6.12/6.1 natively, 6.18.2/7.1.5 with the block fix) ----
	MALFORMED="4095,1 511,3585 4096@1"	# segment not dma-aligned: EINVAL, data unchanged
	ZEROLEN="4096,0,4096 4096,0@1,4096"	# empty iovec among valid ones: EINVAL or the data
	CONTROL=4096				# aligned: the data
	# every shape: no leg saw it (no new md/dm/nvme lines), health stays all A,
	# md errors unchanged, no bad blocks, none of the error-handling messages,
	# no hang (guest watchdog)
	# ----
	RAW=1
	MIRROR_SYNC=--nosync
	setup_array $ARRAYKIND || return
	vmio fill $ARR 0 1048576 7 >/dev/null
	E0=$(md_errors); mark_dmesg; ALLA=$(echo AAAA | cut -c1-$NLEG)
	seed=100 off=65536
	for spec in $CONTROL $MALFORMED $ZEROLEN; do
		for eng in sync aio uring; do
			for rw in read write; do
				seed=$((seed + 1)); off=$((off + 16384))
				m0=$(dmesg | wc -l)
				r=$(vmio shape $ARR $off $spec $eng $rw $seed)
				saw=$(dmesg | tail -n +$((m0 + 1)) | grep -c -E 'md/raid|md/raid10|device-mapper|nvme[0-9]|I/O error|blk_update|critical')
				h=$(health)
				echo "  SHAPE $spec $eng $rw $(echo "$r" | cut -d' ' -f5-) legmsgs=$saw health=$h"
				ret=$(field "$r" ret); data=$(field "$r" data)
				case " $MALFORMED " in
				*" $spec "*) expect "$spec $eng $rw: EINVAL" "$ret" = EINVAL
					     [ $rw = write ] && expect "$spec $eng write: data unchanged" "$data" = unchanged ;;
				esac
				case " $ZEROLEN $CONTROL " in
				*" $spec "*) if [ "$ret" != EINVAL ]; then
						expect "$spec $eng $rw: EINVAL or all of it" "$ret" = "$(echo $spec | tr ',' ' ' | sed 's/@[0-9]*//g' | awk '{s=0; for (i=1;i<=NF;i++) s+=$i; print s}')"
						[ $rw = read ] && expect "$spec $eng read: data" "$data" = ok
						[ $rw = write ] && expect "$spec $eng write: data" "$data" = written
					     else ok "$spec $eng $rw: EINVAL"; fi ;;
				esac
				expect "$spec $eng $rw: no leg saw it" "$saw" = 0
				expect "$spec $eng $rw: legs healthy" "$h" = "$ALLA"
				# a faulted leg would hide what the next shapes do: start over
				allA "$h" || { recreate_array || return; vmio fill $ARR 0 1048576 7 >/dev/null; }
			done
		done
	done
	expect "md dev errors unchanged" "$(md_errors)" = "$E0"
	expect "md bad blocks" "$(md_badblocks)" = 0
	common_dmesg_checks
}

case $TEST in
reject-all) t_reject_all ;;
mixed-limits) t_mixed_limits ;;
request-read) t_request_read ;;
request-write) t_request_write ;;
media) t_media ;;
misaligned) t_misaligned ;;
recovery) t_recovery ;;
seed) t_seed ;;
all-reject) t_all_reject ;;
dead-leg) t_dead_leg ;;
lost-write) t_lost_write ;;
throughput) t_storm ;;
shapes) t_shapes ;;
*) fail "unknown scenario $SCEN" ;;
esac
note "final: health=$(health 2>/dev/null) sync=$(sync_state 2>/dev/null)"
teardown
result
