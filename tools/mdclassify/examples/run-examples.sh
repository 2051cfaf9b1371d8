#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The `make example` report: the seed report's two incidents in full, then
# one line per incident for each real published log.  Each file is its own
# run (the files come from different machines).
MDC=${1:-./mdclassify}
cd "$(dirname "$0")/.." || exit 2
rc_all=0
note() { [ "$1" = 2 ] && rc_all=2; }

echo "=== The v6.18 regression report (shared/seeds/regression-report-6.18.txt), as logged"
echo
"$MDC" --no-progress examples/6.18-lvm-raid1-dm58.log; note $?
echo "--- same log, told the kernel version (--kernel 6.18.0):"
"$MDC" --no-progress --brief --kernel 6.18.0 examples/6.18-lvm-raid1-dm58.log; note $?
"$MDC" --no-progress --kernel 6.18.0 examples/6.18-lvm-raid1-dm58.log |
	sed -n '/kernel fix/,/evidence/p' | grep -v '^    evidence'
echo
"$MDC" --no-progress examples/6.18-dm-mirror-nvme-zero-length-read.log; note $?
echo "=== Real published logs (examples/0NN-*.log, sources in examples/README)"
echo "    class     verdict         leg     what                                   command"
for f in examples/0*.log; do
	echo "$(basename "$f"):"
	"$MDC" --no-progress --brief "$f" | sed 's/^/    /'; note "${PIPESTATUS[0]}"
done
echo
echo "Full report of one file: ./mdclassify examples/FILE.log   (--json for machines)"
exit $rc_all
