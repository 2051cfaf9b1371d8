#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kunit-mutants.sh KSRC OUT -- (OUT: the kunit build folder) show that the
# KUnit suites guard the fix: undo one behaviour of the series at a time in
# drivers/md/raid1-10.c of the patched tree KSRC, run the suites, and
# require that each such mutant is caught (fails).  The tree is restored
# after each run.  MUTANTS=text runs only the mutants whose name contains
# text, MUTANT_FILES=text those whose file name contains text.  Prints one
# line per mutant and "N passed, N failed" (a mutant that survives is a
# failure).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ksrc=$(cd "${1:?usage: kunit-mutants.sh KSRC OUT}" && pwd)
out=${2:?usage: kunit-mutants.sh KSRC OUT}
hdr="$ksrc/drivers/md/raid1-10.c"
grep -q raid1_leg_rejected "$hdr" 2>/dev/null ||
	{ echo "kunit-mutants: $hdr has no raid1_leg_rejected(): apply the series first" >&2; exit 2; }

# file|name|perl substitution on that file of drivers/md, or of the tree
# for a path with a folder (whole file, /m for ^ and $).  md raid1/raid10
# first; the dm and block ones run where the dm-mirror suites are in the
# tree.
mutants=(
'raid1-10.c|no rejections at all (the unpatched kernel)|s/^(\t\treturn )status == BLK_STS_(INVAL|NOTSUPP)[^;]*;$/${1}false;/m'
'raid1-10.c|BLK_STS_NOTSUPP not a rejection|s/ \|\| status == BLK_STS_NOTSUPP;/;/'
'raid1-10.c|rejected reads end at once, no other leg tried|s/return RAID1_READ_REJECTED;/return RAID1_READ_END;/'
'raid1-10.c|rejected reads handled as device errors|s/return RAID1_READ_REJECTED;/return RAID1_READ_DEVICE_ERROR;/'
'raid1-10.c|failfast retried before rejections|s/(\tif \(raid1_leg_rejected\(status, opf\)\)\n\t\treturn RAID1_READ_REJECTED;\n)((?:.*\n){3})(\tif \(failfast\)\n\t\treturn RAID1_READ_RETRY;\n)/$3$1$2/'
'raid1-10.c|rejection hides a device error|s/if \(!rejected\)\n\t\treturn BLK_STS_IOERR;/if (!rejected)\n\t\treturn seen ? seen : BLK_STS_IOERR;/'
'raid1-10.c|partial write acknowledged without marking the leg|s/return rejected && !stored && !device_error;/return rejected \&\& !device_error;/'
'raid1-10.c|write every leg rejected marks the legs|s/return rejected && !stored && !device_error;/return false;/'
'raid1-10.c|readahead BLK_STS_INVAL retried on a failfast leg|s/\tif \(status == BLK_STS_INVAL\)\n\t\treturn RAID1_READ_END;\n//'
'dm-io.c|dm-io counts whole sectors (the unpatched arithmetic)|s/\*remaining -= len;/*remaining -= len & ~(SECTOR_SIZE - 1);/'
'dm-io.c|dm-io submits empty bios and bios ending inside a sector|s/\tif \(!cut_size\)\n\t\treturn BLK_STS_(INVAL|NOTSUPP);/\tif (!cut_size)\n\t\treturn BLK_STS_OK;/'
'dm-io.c|a full bio is not cut back to the block size|s/\tif \(!\*remaining \|\| \(size && IS_ALIGNED\(size, align\)\)\)/\tif (!*remaining || size)/'
'dm-io.c|the cut segment is shortened by all that follows the cut|s/bio->bi_io_vec\[cut_vec\].bv_len = cut_len;/bio->bi_io_vec[cut_vec].bv_len -= size - cut_size;/'
'dm-io.c|the next bio starts after the cut page, not at the cut|s/\t\t\tcut.done \+= len - over;\n//'
'dm-io.c|region status: the first error wins|s/\tif \(status_rank\(error\) > status_rank\(\*status\)\)/\tif (*status == BLK_STS_OK)/'
'dm-io.c|region status: the last error wins|s/\tif \(status_rank\(error\) > status_rank\(\*status\)\)/\tif (1)/'
'dm-io.c|region status: BLK_STS_INVAL counts as a device error|s/\tif \(status == BLK_STS_INVAL\)\n\t\treturn 1;\n//'
'dm-raid1.c|BLK_STS_INVAL is not a rejection|s/status == BLK_STS_INVAL \|\| status == BLK_STS_NOTSUPP;/status == BLK_STS_NOTSUPP;/'
'dm-raid1.c|writes every leg rejected fail the legs|s/\treturn first;/\treturn BLK_STS_OK;/'
'dm-raid1.c|write consensus counts legs that already failed|s/\t\tif \(atomic_read\(&ms->mirror\[i\].error_count\)\)\n\t\t\tcontinue;\n\t\tif \(!test_bit/\t\tif (!test_bit/'
'block/blk-merge.c|a leg that cannot take the memory takes the write|s/\t\tif \(sectors < 0\)\n\t\t\treturn true;/\t\tif (sectors < 0)\n\t\t\treturn false;/'
'block/blk-merge.c|only the first split point is checked|s/bio_advance_iter\(&view, &view.bi_iter, sectors << SECTOR_SHIFT\);/break;/'
'block/blk-merge.c|atomic writes measured by max_sectors|s/max_bytes = get_max_io_size\(&view, lim\) << SECTOR_SHIFT;/max_bytes = lim->max_sectors << SECTOR_SHIFT;/'
'block/blk-merge.c|a split of a REQ_NOWAIT bio counts as a rejection|s/\tview.bi_opf &= ~REQ_NOWAIT;\n//'
'block/blk-merge.c|logical block size not checked|s/\tif \(\(size \| \(sector << SECTOR_SHIFT\)\) & lbs_mask\)\n\t\treturn true;\n//'
'block/blk-merge.c|atomic write unit limits not checked|s/\(bio->bi_opf & REQ_ATOMIC\) &&\n/0 \&\&\n/'
'block/blk-merge.c|the bio sector judged instead of the leg sector|s/\(sector << SECTOR_SHIFT\)/(bio->bi_iter.bi_sector << SECTOR_SHIFT)/'
'dm-raid1.c|mirror_map() asks no leg|s/if \(bio_rejected_by_limits\(bio, m->offset \+/if (0 \&\& bio_rejected_by_limits(bio, m->offset +/'
'dm-raid1.c|the mirror sector judged instead of the leg sector|s/bio_rejected_by_limits\(bio, m->offset \+/bio_rejected_by_limits(bio, 0 * m->offset +/'
'dm-raid1.c|failed legs block writes the others take|s/\t\tif \(atomic_read\(&m->error_count\)\)\n\t\t\tcontinue;\n\t\tif \(bio_rejected/\t\tif (bio_rejected/'
'dm-raid1.c|INVAL of a failed leg makes a stored write fail|s/ &&\n\t\t    !atomic_read\(&ms->mirror\[i\].error_count\)\)\n/)\n/'
'dm-raid.c|a write one leg cannot take goes to md|s/if \(bio_rejected_by_limits\(bio, bio->bi_iter.bi_sector \+/if (0 \&\& bio_rejected_by_limits(bio, bio->bi_iter.bi_sector +/'
'dm-raid.c|failed legs block writes the others take|s/if \(!dev \|\| test_bit\(Faulty, &rs->dev\[i\].rdev.flags\)\)/if (!dev)/'
'dm-raid1.c|BLK_STS_INVAL fails a leg on writes|s/test_bit\(i, &error\) && status\[i\] == BLK_STS_INVAL/0/'
'dm-raid1.c|rejected reads go back to the rejecting leg|s/ &&\n\t\t    !test_bit\(m - ms->mirror, &skip\)//'
'dm-raid1.c|NOTSUPP legs are not failed after another leg served|s/\tif \(status == BLK_STS_NOTSUPP\)\n\t\t__set_bit\(leg, &bio_record->rejected_notsupp\);\n//'
)

# run_mutant FILE NAME EXPR: apply EXPR to drivers/md/FILE, run the suites,
# restore FILE; count the mutant caught (pass) or survived (fail)
run_mutant() {
	local src="$ksrc/drivers/md/$1" orig="$out/${1##*/}.orig"

	case $1 in */*) src="$ksrc/$1" ;; esac

	cp "$src" "$orig"
	perl -0pe "$3" "$orig" > "$src"
	if cmp -s "$src" "$orig"; then
		echo "SKIP $2: not applicable to this tree"
	elif "$here/kunit.sh" "$ksrc" "$out" > "$out/mutant.log" 2>&1; then
		echo "FAIL $2: survived, the suites did not notice"
		fail=$((fail + 1))
	elif grep -qE 'Testing complete\. Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"; then
		echo "PASS $2: caught ($(grep -oE 'Ran [0-9]+ tests: passed: [0-9]+, failed: [0-9]+' "$out/mutant.log"))"
		pass=$((pass + 1))
	else
		echo "FAIL $2: kunit did not run (see $out/mutant.log)"
		fail=$((fail + 1))
	fi
	cp "$orig" "$src"
}

pass=0 fail=0
mkdir -p "$out"
for m in "${mutants[@]}"; do
	file=${m%%|*} rest=${m#*|}; name=${rest%%|*} expr=${rest#*|}
	case $name in *"${MUTANTS:-}"*) ;; *) continue ;; esac
	case $file in *"${MUTANT_FILES:-}"*) ;; *) continue ;; esac
	case $file in dm-*|block/*)
		[ -f "$ksrc/drivers/md/tests/dm_raid1_kunit.c" ] || continue ;;
	esac
	run_mutant "$file" "$name" "$expr"
done
echo "kunit-mutants: $pass passed, $fail failed"
[ "$fail" = 0 ]
