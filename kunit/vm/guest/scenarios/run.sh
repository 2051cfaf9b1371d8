# run.sh SCENARIO   (SCENARIO = <array>/<test>, e.g. md-raid1/request-read)
# Every scenario asserts the PATCHED expectations (the series' documented
# behaviour); each test function keeps its expectations in the block at its top.
. /scenarios/lib.sh
SCEN=$1
ARRAYKIND=${SCEN%%/*}
TEST=${SCEN#*/}
K=$(kver)
note "scenario $SCEN on $(uname -r) (kver $K)"

# Read a 4 KiB block at array offset OFF until leg 0 has failed it MIN times
# (or MAXR reads); print the accumulated result line.
read_until_hits() { # OFF MIN MAXR SUM HITFN
	# batches of 5 reads; stop at MIN hits, at MAXR reads, when a leg fails,
	# or when 4 batches in a row did not reach leg 0
	ok_=0; inval_=0; nots_=0; eio_=0; oth_=0; bad_=0; n_=0; last_=-1; stale_=0
	while [ $n_ -lt $3 ]; do
		r=$(vmio read $ARR $1 4096 0 5 $4)
		ok_=$((ok_ + $(field "$r" ok))); inval_=$((inval_ + $(field "$r" EINVAL)))
		nots_=$((nots_ + $(field "$r" EOPNOTSUPP))); eio_=$((eio_ + $(field "$r" EIO)))
		oth_=$((oth_ + $(field "$r" other))); bad_=$((bad_ + $(field "$r" badsum)))
		n_=$((n_ + 5))
		h_=$($5)
		[ "$h_" -ge "$2" ] && break
		allA "$(health)" || break
		if [ "$h_" = "$last_" ]; then stale_=$((stale_ + 1)); [ $stale_ -ge 4 ] && break; else stale_=0; fi
		last_=$h_
	done
	echo "result ok=$ok_ EINVAL=$inval_ EOPNOTSUPP=$nots_ EIO=$eio_ other=$oth_ badsum=$bad_ reads=$n_"
}

# Scenario 1a: request errors on reads of leg 0.
t_request_read() {
	# ---- expectations (patched series) ----
	MIN_HITS=25		# leg 0 must reject more reads than max_read_errors (20)
	ALLOW_RETRY_OK=0	# series (md 0003): no retry on another leg, the read ends
				# with the leg's status; 1 would also accept the data
	# never EIO, never wrong data, no leg faulted, md errors/bad blocks unchanged,
	# none of the error-handling messages (common_dmesg_checks)
	# ----
	setup_array $ARRAYKIND || return
	mark_dmesg
	cases="nvme-notsupp:EOPNOTSUPP dm-notsupp:EOPNOTSUPP"
	[ $K -ge 611 ] && cases="$cases dm-inval:EINVAL"
	for c in $cases; do
		how=${c%%:*}; want=${c#*:}
		note "case $how: expect $want (or data via retry)"
		[ $how = ${cases%% *} ] || recreate_array || return
		# NVMe fault injection fails every command on the disk, superblock and
		# bitmap writes included: that case runs on the fresh, never written
		# array (zeros) once its creation writes are done; the dm-vmerr cases
		# target only the read range and use a written pattern.
		if [ $how = nvme-notsupp ]; then sleep 3; else vmio fill $ARR 0 1048576 7 >/dev/null; fi
		SUM=$(vmio sum $ARR 65536 4096); ALL0=$(vmio sum $ARR 0 1048576); E0=$(md_errors)
		sec=$(leg_sector 0 128)
		if [ $how = nvme-notsupp ]; then
			# NVMe Invalid Field in Command, DNR -> BLK_STS_NOTSUPP
			nvme_fi nvme0n1 0x4002 $MIN_HITS
			hitfn() { echo $((MIN_HITS - $(nvme_fi_left nvme0n1))); }
		else
			arm e0 read $sec 8 ${how#dm-} inf
			hitfn() { vstat e0 hits; }
		fi
		r=$(read_until_hits 65536 $MIN_HITS 200 $SUM hitfn)
		h=$(hitfn)
		[ $how = nvme-notsupp ] && nvme_fi nvme0n1 0 0 || disarm e0
		echo "  $how: $r hits=$h"
		expect "$how: leg 0 rejected reads" "$h" -ge $MIN_HITS
		expect "$how: EIO returned" "$(field "$r" EIO)" = 0
		expect "$how: other errno" "$(field "$r" other)" = 0
		expect "$how: wrong data" "$(field "$r" badsum)" = 0
		errs=$(field "$r" $want)
		if [ "$ALLOW_RETRY_OK" = 1 ]; then
			expect "$how: reads returning $want or data" "$((errs + $(field "$r" ok)))" = "$(field "$r" reads)"
		elif [ $how = nvme-notsupp ]; then
			# the injection also hits I/O that is not ours (e.g. partition scan)
			expect "$how: reads returning $want" "$errs" -ge $((MIN_HITS - 5))
		else
			expect "$how: each rejected read returns $want" "$errs" = "$h"
		fi
		expect "$how: legs healthy" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
		expect "$how: md dev errors unchanged" "$(md_errors)" = "$E0"
		expect "$how: md bad blocks" "$(md_badblocks)" = 0
		expect "$how: data checksum" "$(vmio sum $ARR 0 1048576)" = "$ALL0"
	done
	classify_request_only
	common_dmesg_checks
}

# Scenario 1b: request errors on writes to leg 0.
t_request_write() {
	# ---- expectations (patched series) ----
	NW=25			# writes rejected by leg 0 (> max_read_errors)
	# each write returns the leg's errno (EOPNOTSUPP / EINVAL), never success;
	# no leg faulted, no bad blocks, md errors unchanged; the range is resynced:
	# after resync a check finds mismatch_cnt 0 and both legs hold equal data;
	# data outside the written range unchanged.
	# ----
	setup_array $ARRAYKIND || return
	vmio fill $ARR 0 1048576 7 >/dev/null
	E0=$(md_errors); mark_dmesg
	# case = status:errno:array offset:number of 4 KiB writes
	cases="notsupp:EOPNOTSUPP:393216:1 notsupp:EOPNOTSUPP:131072:$NW"
	[ $K -ge 611 ] && cases="$cases inval:EINVAL:262144:$NW"
	LOW0=$(vmio sum $ARR 0 131072); HIGH0=$(vmio sum $ARR 524288 524288)
	for c in $cases; do
		set -- $(echo $c | tr : ' '); st=$1; want=$2; off=$3; nw=$4
		note "case $st x$nw at $off: expect $want"
		sec=$(leg_sector 0 $((off / 512)))
		arm e0 write $sec $((nw * 8)) $st inf
		r=$(vmio write $ARR $off 4096 99 0 $nw 4096)
		h=$(vstat e0 hits); disarm e0
		st=$st-x$nw
		echo "  $st: $r hits=$h"
		expect "$st: leg 0 rejected writes" "$h" -ge $nw
		expect "$st: writes returning $want" "$(field "$r" $want)" = $nw
		expect "$st: writes reported successful" "$(field "$r" ok)" = 0
		expect "$st: legs healthy" "$(health)" = "$(echo AAAA | cut -c1-$NLEG)"
		expect "$st: md dev errors unchanged" "$(md_errors)" = "$E0"
		expect "$st: md bad blocks" "$(md_badblocks)" = 0
		sleep 2; note "$st: sync state after the rejected writes: $(sync_state)"
		wait_idle 180
		s0=$(vmio sum $(leg_dev 0) $(($(leg_sector 0 $((off / 512))) * 512)) $((nw * 4096)))
		s1=$(vmio sum $(leg_dev 1) $(($(leg_sector 1 $((off / 512))) * 512)) $((nw * 4096)))
		expect "$st: legs agree on the written range after resync" "$s0" = "$s1"
		mm=$(run_check)
		expect "$st: mismatch_cnt after resync + check" "$mm" = 0
	done
	expect "untouched data [0,128K) unchanged" "$(vmio sum $ARR 0 131072)" = "$LOW0"
	expect "untouched data [512K,1M) unchanged" "$(vmio sum $ARR 524288 524288)" = "$HIGH0"
	common_dmesg_checks
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
	ADMIN_TMO=60
	# ----
	LVSIZE=448M
	setup_array lvm-mirror || return
	note "initial: $(dmsetup status vg-lv)"
	SUM0=$(vmio sum $ARR 0 4096); HI=$((400 * 1048576)); SUMHI=$(vmio sum $ARR $HI 4096)
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
	expect "data at 100M intact" "$(vmio sum $ARR $HI 4096)" = "$SUMHI"
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
		# before 6.18 the block layer rejects 4092+4 up front (EINVAL)
		w=ok; [ $v = 4092,4 ] && [ $K -lt 618 ] && w=EINVAL
		r=$(vmio preadv $ARR $2 $v); echo "  $1 preadv $v: $r"
		expect "$1: preadv $v $w" "$(field "$r" $w)" = 1
		r=$(vmio pwritev $ARR $2 $v); echo "  $1 pwritev $v: $r"
		expect "$1: pwritev $v $w" "$(field "$r" $w)" = 1
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

case $TEST in
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
*) fail "unknown scenario $SCEN" ;;
esac
note "final: health=$(health 2>/dev/null) sync=$(sync_state 2>/dev/null)"
teardown
result
