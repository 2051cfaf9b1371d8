#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh MDCLASSIFY -- throughput and peak RSS of mdclassify next to
# grep -F (and ripgrep, if installed) on generated logs of four shapes
# (bench/genlog.py; seeds and message mixes other than the tests'):
#
#   quiet   0.1% storage lines among unrelated daemons
#   noisy   a quarter of the lines are benign storage-device messages
#   storm   two thirds of the lines are block/NVMe/dm-raid1 error lines,
#           in bursts of one sector: the same messages over and over
#   failing half of the lines are SCSI/block/NVMe/md media error lines,
#           each with a new sector and tag: no message is seen twice
#   replay  the examples' and the test corpus's real logs over and over
#           (bench/replay.py), each copy with new sector and tag numbers:
#           real text in every format read, two thirds of it storage
#           lines; the tests' own messages, so a check, not a shape to
#           tune on
#
# grep is given the scanner's own anchors (bench/anchors prints them from
# ruletab.h): grep -F -f anchors.txt, the same fixed strings; grep -F
# 'error, dev', one key, is shown as well.  Each grep reads a pipe
# (cat FILE |) and writes a file: with stdout on /dev/null GNU grep stops
# at its first match.  mdclassify reads the file and writes its report to
# a file; mdclassify-pipe reads the same pipe (cat FILE | mdclassify -), as
# an admin's zcat or journalctl pipeline gives it.  The tools are
# interleaved within each run; BENCH_RUNS (7) runs,
# the median shown; peak RSS from one more run under /usr/bin/time.
# ns/cand is a tool's time over the candidate lines (those that hold an
# anchor, grep -c -F -f): what one candidate line costs, scanning included.
#
# BENCH_SIZE (1G) per shape; BENCH_SHAPES ("quiet noisy storm failing
# replay");
# BENCH_SCALING=1 (the default) also times mdclassify at BENCH_SCALE_SIZES
# ("100M 512M 1G"; add 4G where disk and time allow) on quiet and storm.
# BENCH_KEEP=1 keeps the generated logs in WORK.
set -eu
MDC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ANCHORS_BIN=$2
here=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/mdclassify-bench}
SIZE=${BENCH_SIZE:-1G}
RUNS=${BENCH_RUNS:-7}
SHAPES=${BENCH_SHAPES:-quiet noisy storm failing replay}
TIME=/usr/bin/time
[ -x $TIME ] || { echo "bench: /usr/bin/time missing (apt-get install time)"; exit 2; }
export LC_ALL=C
mkdir -p "$WORK"
"$ANCHORS_BIN" > "$WORK/anchors.txt"
RG=$(command -v rg || true)

seed() {
	case $1 in
	quiet) echo 101;; noisy) echo 202;; storm) echo 303;; failing) echo 404;;
	replay) echo 505;;
	esac
}

gen() {	# shape size -> path (generated once)
	local f=$WORK/bench-$1-$2.log
	if [ ! -s "$f" ]; then
		echo "generating $2 $1 log in $f ..." >&2
		if [ "$1" = replay ]; then
			python3 "$here/replay.py" "$2" "$f" "$(seed "$1")" \
				"$here"/../examples/*.log "$here"/../tests/corpus/*.log >&2
		else
			python3 "$here/genlog.py" "$2" "$f" "$(seed "$1")" "$1" >&2
		fi
	fi
	echo "$f"
}

# one timed run of a tool on a file: wall microseconds
once() {
	local tool=$1 f=$2 s0 s1
	s0=$(date +%s%N)
	case $tool in
	mdclassify)	"$MDC" --no-progress "$f" > "$WORK/out.txt" 2>&1 || true ;;
	mdclassify-pipe) cat "$f" | "$MDC" --no-progress - > "$WORK/out.txt" 2>&1 || true ;;
	grep-anchors)	cat "$f" | grep -F -f "$WORK/anchors.txt" > "$WORK/out.txt" || true ;;
	grep-1key)	cat "$f" | grep -F 'error, dev' > "$WORK/out.txt" || true ;;
	rg-anchors)	cat "$f" | "$RG" -F -f "$WORK/anchors.txt" > "$WORK/out.txt" || true ;;
	esac
	s1=$(date +%s%N)
	echo $(( (s1 - s0) / 1000 ))
}

rss() {	# peak RSS in KiB of the tool itself (not cat)
	local tool=$1 f=$2
	case $tool in
	mdclassify)	$TIME -o "$WORK/time.out" -f %M "$MDC" --no-progress "$f" > "$WORK/out.txt" 2>&1 || true ;;
	mdclassify-pipe) cat "$f" | $TIME -o "$WORK/time.out" -f %M "$MDC" --no-progress - > "$WORK/out.txt" 2>&1 || true ;;
	grep-anchors)	cat "$f" | $TIME -o "$WORK/time.out" -f %M grep -F -f "$WORK/anchors.txt" > "$WORK/out.txt" || true ;;
	grep-1key)	cat "$f" | $TIME -o "$WORK/time.out" -f %M grep -F 'error, dev' > "$WORK/out.txt" || true ;;
	rg-anchors)	cat "$f" | $TIME -o "$WORK/time.out" -f %M "$RG" -F -f "$WORK/anchors.txt" > "$WORK/out.txt" || true ;;
	esac
	tail -1 "$WORK/time.out"
}

median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

TOOLS="mdclassify mdclassify-pipe grep-anchors grep-1key"
[ -n "$RG" ] && TOOLS="$TOOLS rg-anchors"

res=$WORK/results.txt
: > "$res"
for shape in $SHAPES; do
	f=$(gen "$shape" "$SIZE")
	cat "$f" > /dev/null		# warm the page cache
	cand=$(grep -c -F -f "$WORK/anchors.txt" "$f" || true)
	lines=$(wc -l < "$f")
	for r in $(seq "$RUNS"); do
		for tool in $TOOLS; do
			echo "$tool $(once "$tool" "$f")" >> "$WORK/runs-$shape.txt.$$"
		done
	done
	for tool in $TOOLS; do
		t=$(awk -v k="$tool" '$1 == k { print $2 }' "$WORK/runs-$shape.txt.$$" | median)
		all=$(awk -v k="$tool" '$1 == k { printf "%s%.3f", s, $2 / 1e6; s = " " }' "$WORK/runs-$shape.txt.$$")
		echo "$shape $(stat -L -c %s "$f") $lines $cand $tool $t $(rss "$tool" "$f") $all" >> "$res"
	done
	rm -f "$WORK/runs-$shape.txt.$$"
done

echo
echo "$(nproc) CPUs (shared; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end), warm page cache,"
echo "median of $RUNS interleaved runs; grep/ripgrep read a pipe and write a file;"
echo "anchors: $(wc -l < "$WORK/anchors.txt") fixed strings from ruletab.h (grep -F -f)"
echo "ns/cand: wall time over the lines that hold an anchor (candidate lines)"
printf '%-7s %6s %9s %-15s %8s %8s %8s %11s %10s %8s\n' shape MiB "cand%" tool seconds MB/s ns/cand "vs anchors" "vs 1 key" "RSS MiB"
awk '
	{ sh[NR] = $1; b[NR] = $2; ln[NR] = $3; c[NR] = $4; tl[NR] = $5; t[NR] = $6; r[NR] = $7
	  if ($5 == "grep-anchors") ga[$1] = $6; if ($5 == "grep-1key") g1[$1] = $6 }
	END { for (i = 1; i <= NR; i++)
		printf "%-7s %6d %8.2f%% %-15s %8.3f %8.0f %8.0f %10.2fx %9.2fx %8.1f\n", sh[i], b[i] / 1048576,
			100 * c[i] / ln[i], tl[i], t[i] / 1e6, b[i] / t[i], c[i] ? t[i] * 1000 / c[i] : 0,
			ga[sh[i]] / t[i], g1[sh[i]] / t[i], r[i] / 1024 }' "$res"
echo "(all runs, seconds:)"
awk '{ printf "  %-7s %-15s", $1, $5; for (i = 8; i <= NF; i++) printf " %s", $i; printf "\n" }' "$res"

if [ "${BENCH_SCALING:-1}" = 1 ]; then
	echo
	echo "linear scaling (mdclassify, median of 3; grep -F -f anchors the same way):"
	for shape in quiet storm; do
		for s in ${BENCH_SCALE_SIZES:-100M 512M 1G}; do
			f=$(gen "$shape" "$s")
			cat "$f" > /dev/null
			: > "$WORK/sc.$$"
			for r in 1 2 3; do
				echo "m $(once mdclassify "$f")" >> "$WORK/sc.$$"
				echo "g $(once grep-anchors "$f")" >> "$WORK/sc.$$"
			done
			t=$(awk '$1 == "m" { print $2 }' "$WORK/sc.$$" | median)
			g=$(awk '$1 == "g" { print $2 }' "$WORK/sc.$$" | median)
			m=$(rss mdclassify "$f")
			awk -v sh="$shape" -v s="$s" -v t="$t" -v g="$g" -v m="$m" -v b="$(stat -L -c %s "$f")" 'BEGIN {
				printf "  %-7s %-5s %7.3f s %6.0f MB/s %7.1f ns/KiB  peak RSS %5.1f MiB   (grep -F -f %.3f s; %.2fx)\n",
					sh, s, t / 1e6, b / t, t * 1000 / (b / 1024), m / 1024, g / 1e6, g / t }'
			rm -f "$WORK/sc.$$"
			[ "${BENCH_KEEP:-0}" = 1 ] || [ "$s" = "$SIZE" ] || rm -f "$f"
		done
	done
fi
[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$WORK"/bench-*.log "$WORK/out.txt"
