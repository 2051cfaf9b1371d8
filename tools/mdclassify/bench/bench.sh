#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh MDCLASSIFY -- throughput and peak RSS of mdclassify next to
# grep -F, grep -E and ripgrep on a generated log (bench/genlog.py).
# BENCH_SIZE (default 1G), BENCH_SCALING=1 (the default) also times 0.1, 1
# and 4 GiB inputs for the linear-scaling check, BENCH_RUNS (7) runs per
# figure, the median shown.  Each file is read once before timing so every
# tool sees a warm page cache (4 GiB fits in this machine's 24 GiB).
set -eu
MDC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/mdclassify-bench}
SIZE=${BENCH_SIZE:-1G}
mkdir -p "$WORK"
log=$WORK/bench-$SIZE.log
if [ ! -s "$log" ]; then
	echo "generating $SIZE log in $log ..."
	python3 "$here/genlog.py" "$SIZE" "$log" 1
fi
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null
TIME=/usr/bin/time
[ -x $TIME ] || { echo "bench: /usr/bin/time missing (apt-get install time)"; exit 2; }

RUNS=${BENCH_RUNS:-7}

median() {	# runs, command...  median wall time in microseconds
	local n=$1 i s0 s1; shift
	for i in $(seq "$n"); do
		s0=$(date +%s%N)
		# to a file: GNU grep stops at the first match when writing to /dev/null
		"$@" > "$WORK/stdout.txt" 2>&1 || true
		s1=$(date +%s%N)
		echo $(( (s1 - s0) / 1000 ))
	done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

run() {	# label, command...  median wall time of RUNS runs, peak RSS
	local label=$1; shift
	local t m
	t=$(median "$RUNS" "$@")
	$TIME -o "$WORK/time.out" -f '%M' "$@" > "$WORK/stdout.txt" 2>&1 || true
	m=$(tail -1 "$WORK/time.out")
	printf '%s %s %s\n' "$label" "$(awk -v u="$t" 'BEGIN { printf "%.4f", u / 1e6 }')" "$m"
}

results=$WORK/results.txt
: > "$results"
export LC_ALL=C
run "grep-F" grep -F -c 'error, dev' "$log" >> "$results"
run "grep-E" grep -E -c 'error, dev|md/raid[0-9]*:|Disk failure on|Sense Key|Emask|device-mapper: (raid|integrity)|nvme[0-9]+(n[0-9]+)?: ' "$log" >> "$results"
if command -v rg > /dev/null; then
	run "ripgrep" rg -c 'error, dev|md/raid[0-9]*:|Disk failure on|Sense Key|Emask|device-mapper: (raid|integrity)|nvme[0-9]+(n[0-9]+)?: ' "$log" >> "$results"
fi
run "mdclassify" "$MDC" --no-progress "$log" >> "$results"
run "mdclassify-json" "$MDC" --no-progress --json "$log" >> "$results"
# where the speed comes from: one thread; a stream (read(), as for stdin
# and compressed files) instead of pread() chunks
run "mdclassify-1thread" env MDCLASSIFY_THREADS=1 "$MDC" --no-progress "$log" >> "$results"
run "mdclassify-stream" env MDCLASSIFY_PREAD=0 "$MDC" --no-progress "$log" >> "$results"

echo
echo "input: $log, $((bytes / 1048576)) MiB, $(nproc) CPUs (shared), warm page cache, median of $RUNS runs"
printf '%-18s %9s %10s %12s %14s\n' tool seconds MB/s "vs grep -F" "peak RSS MiB"
gf=$(awk '$1 == "grep-F" { print $2 }' "$results")
while read -r label t rss; do
	awk -v l="$label" -v t="$t" -v r="$rss" -v b="$bytes" -v g="$gf" 'BEGIN {
		if (t <= 0) t = 0.005;
		mbs = b / t / 1e6; gmbs = b / (g > 0 ? g : 0.005) / 1e6;
		printf "%-18s %9.3f %10.0f %11.2fx %14.1f\n", l, t, mbs, mbs / gmbs, r / 1024 }'
done < "$results"
"$MDC" --no-progress "$log" | head -3 | sed 's/^/  /'

if [ "${BENCH_SCALING:-1}" = 1 ]; then
	echo
	echo "linear scaling (mdclassify):"
	for s in 100M 1G 4G; do
		f=$WORK/bench-$s.log
		[ -s "$f" ] || python3 "$here/genlog.py" "$s" "$f" 1 2>/dev/null
		cat "$f" > /dev/null	# warm the page cache if it fits
		t=$(median 3 "$MDC" --no-progress "$f")
		g=$(median 3 grep -F -c 'error, dev' "$f")
		$TIME -o "$WORK/time.out" -f '%M' "$MDC" --no-progress "$f" > /dev/null 2>&1 || true
		b=$(stat -c %s "$f")
		awk -v s="$s" -v t="$t" -v g="$g" -v r="$(tail -1 "$WORK/time.out")" -v b="$b" 'BEGIN {
			printf "  %-5s %7.3f s %7.0f MB/s  peak RSS %.1f MiB   (grep -F %.3f s, %.0f MB/s; ratio %.2fx)\n",
				s, t / 1e6, b / (t / 1e6) / 1e6, r / 1024, g / 1e6, b / (g / 1e6) / 1e6, g / t }'
	done
fi
