#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kunit-mutants.sh KSRC OUT -- (OUT: the kunit build folder) show that the KUnit suites guard the fix: undo
# one behaviour of the series at a time in drivers/md/mirror-error.h of the
# patched tree KSRC, run the suites, and require that each such mutant is
# caught (fails).  The tree is restored after each run.  MUTANTS=text runs
# only the mutants whose name contains text.  Prints one line per
# mutant and "N passed, N failed" (a mutant that survives is a failure).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ksrc=$(cd "${1:?usage: kunit-mutants.sh KSRC OUT}" && pwd)
out=${2:?usage: kunit-mutants.sh KSRC OUT}
hdr="$ksrc/drivers/md/mirror-error.h"
[ -f "$hdr" ] || { echo "kunit-mutants: $hdr missing: apply the series first" >&2; exit 2; }

# name|perl substitution on mirror-error.h (whole file, /m for ^ and $)
mutants=(
'no request errors at all (the unpatched kernel)|s/^(\t\treturn )status == BLK_STS_(INVAL|NOTSUPP)[^;]*;$/${1}false;/m'
'request-error reads end with -EIO (f7b24c7b41f2 alone)|s/return RAID1_READ_END_STATUS;/return RAID1_READ_END_ERROR;/'
'request-error reads retried and counted|s/return RAID1_READ_END_STATUS;/return RAID1_READ_HANDLE_ERROR;/'
'rejected writes reported as success|s/return RAID1_WRITE_REJECTED;/return RAID1_WRITE_IGNORE;/'
'rejected writes fail the leg|s/return RAID1_WRITE_REJECTED;/return RAID1_WRITE_DEVICE_ERROR;/'
'failfast retried before request errors|s/(\tif \(mirror_is_request_error\(status, opf\)\)\n\t\treturn RAID1_READ_END_STATUS;\n)(\tif \(failfast\)\n\t\treturn RAID1_READ_RETRY;\n)/$2$1/'
'BLK_STS_NOTSUPP not a request error|s/ \|\| status == BLK_STS_NOTSUPP;/;/'
'threshold one error early|s/return read_errors > max_read_errors;/return read_errors >= max_read_errors;/'
'no hourly decay|s/return read_errors >> hours;/return read_errors;/'
)
pass=0 fail=0
mkdir -p "$out" && cp "$hdr" "$out/mirror-error.h.orig"
for m in "${mutants[@]}"; do
	name=${m%%|*} expr=${m#*|}
	case $name in *"${MUTANTS:-}"*) ;; *) continue ;; esac
	perl -0pe "$expr" "$out/mirror-error.h.orig" > "$hdr"
	if cmp -s "$hdr" "$out/mirror-error.h.orig"; then
		echo "SKIP $name: not applicable to this tree"
		continue
	fi
	if "$here/kunit.sh" "$ksrc" "$out" > "$out/mutant.log" 2>&1; then
		echo "FAIL $name: survived, the suites did not notice"
		fail=$((fail + 1))
	elif grep -qE 'Testing complete\. Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"; then
		echo "PASS $name: caught ($(grep -oE 'Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"))"
		pass=$((pass + 1))
	else
		echo "FAIL $name: kunit did not run (see $out/mutant.log)"
		fail=$((fail + 1))
	fi
done
cp "$out/mirror-error.h.orig" "$hdr"

# dm-raid1 v2: file|name|perl substitution on that file of drivers/md
dm_mutants=(
'dm-io.c|dm-io counts whole sectors (the unpatched arithmetic)|s/\*remaining -= len;/*remaining -= len & ~(SECTOR_SIZE - 1);/'
'dm-io.c|dm-io submits empty bios and bios ending inside a sector|s/return BLK_STS_(INVAL|NOTSUPP);\n\n\treturn BLK_STS_OK;/return BLK_STS_OK;\n\n\treturn BLK_STS_OK;/'
'dm-raid1.c|BLK_STS_INVAL is not a rejection|s/status == BLK_STS_INVAL \|\| status == BLK_STS_NOTSUPP;/status == BLK_STS_NOTSUPP;/'
'dm-raid1.c|writes every leg rejected fail the legs|s/return nr_mirrors \? status\[0\] : BLK_STS_OK;/return BLK_STS_OK;/'
'dm-raid1.c|BLK_STS_INVAL fails a leg on writes|s/test_bit\(i, &error\) && status\[i\] == BLK_STS_INVAL/0/'
'dm-raid1.c|rejected reads go back to the rejecting leg|s/ &&\n\t\t    !test_bit\(m - ms->mirror, &skip\)//'
'dm-raid1.c|NOTSUPP legs are not failed after another leg served|s/\tif \(status == BLK_STS_NOTSUPP\)\n\t\t__set_bit\(leg, &bio_record->rejected_notsupp\);\n//'
)
if [ -f "$ksrc/drivers/md/tests/dm_raid1_kunit.c" ]; then
	for m in "${dm_mutants[@]}"; do
		file=${m%%|*} rest=${m#*|}; name=${rest%%|*} expr=${rest#*|}
		case $name in *"${MUTANTS:-}"*) ;; *) continue ;; esac
		src="$ksrc/drivers/md/$file"
		cp "$src" "$out/$file.orig"
		perl -0pe "$expr" "$out/$file.orig" > "$src"
		if cmp -s "$src" "$out/$file.orig"; then
			echo "SKIP $name: not applicable to this tree"
			continue
		fi
		if "$here/kunit.sh" "$ksrc" "$out" > "$out/mutant.log" 2>&1; then
			echo "FAIL $name: survived, the suites did not notice"
			fail=$((fail + 1))
		elif grep -qE 'Testing complete\. Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"; then
			echo "PASS $name: caught ($(grep -oE 'Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"))"
			pass=$((pass + 1))
		else
			echo "FAIL $name: kunit did not run (see $out/mutant.log)"
			fail=$((fail + 1))
		fi
		cp "$out/$file.orig" "$src"
	done
fi
echo "kunit-mutants: $pass passed, $fail failed"
[ "$fail" = 0 ]
