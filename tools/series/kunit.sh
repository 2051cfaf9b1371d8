#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kunit.sh KSRC OUT -- run the project's KUnit suites of the patched tree
# KSRC under UML with tools/testing/kunit/kunit.py and the .kunitconfig the
# series adds (drivers/md/tests/.kunitconfig).
set -euo pipefail
ksrc=$(cd "${1:?usage: kunit.sh KSRC OUT}" && pwd)
out=${2:?usage: kunit.sh KSRC OUT}
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -f "$ksrc/drivers/md/tests/.kunitconfig" ] ||
	{ echo "kunit: $ksrc has no drivers/md/tests/.kunitconfig: run make apply first" >&2; exit 2; }
cc=gcc
command -v ccache >/dev/null && cc="ccache gcc"
cd "$ksrc"
python3 tools/testing/kunit/kunit.py run --kunitconfig=drivers/md/tests \
	--build_dir="$out" --jobs "${JOBS:-$(nproc)}" --make_options CC="$cc" 2>&1 |
	tee "$out/kunit.log" | grep -vE '^\[[0-9:]+\] \[PASSED\] BLK_STS_' || true
grep -qE 'Testing complete\. Ran [0-9]+ tests: passed: [0-9]+$' "$out/kunit.log"
