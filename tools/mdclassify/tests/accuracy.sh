#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# accuracy.sh MDCLASSIFY SAMPLES_DIR -- class per file (the summary's
# primary_class: the most urgent incident, failed legs first) against
# LABELS.tsv root_cause_class, mapped to mdclassify's words.  Not part of
# `make check` (the labels live outside this tree); prints a table.
MDC=${1:?} S=${2:?}
tail -n +2 "$S/LABELS.tsv" | while IFS=$'\t' read -r file _ _ _ _ _ label _; do
	case $label in
	timeout-reset|controller) want=transport ;;
	request-invalid|unsupported-op) want=request ;;
	software-bug) want=software ;;
	none) want=benign ;;
	*) want=$label ;;
	esac
	got=$("$MDC" --no-progress --json "$S/$file" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["primary_class"] or "benign")')
	[ "$got" = "$want" ] && m=ok || m=MISS
	printf '%-4s %-72s label=%-16s want=%-9s got=%s\n' "$m" "$file" "$label" "$want" "$got"
done | tee /dev/stderr | awk '{ n++; if ($1 == "ok") k++; w[$4]++; if ($1 == "ok") kw[$4]++ }
	END { printf "\n%d of %d files agree\n", k, n;
	      for (c in w) printf "  %-24s %d/%d\n", c, kw[c], w[c] }'
