#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# accuracy.sh SAMPLES_DIR MDCLASSIFY [MDCLASSIFY_BEFORE]
#
# Class per file (the summary's primary_class: the most urgent incident,
# failed legs first) against LABELS.tsv root_cause_class (the label the
# thread itself concluded), mapped to mdclassify's words; accuracy by
# class.  With a second binary (e.g. a build of the previous commit) both
# are shown side by side, "before -> after".  `make check` runs it on
# tests/corpus with a floor (run.sh CORPUS_FLOOR).  The old argument order
# (MDCLASSIFY SAMPLES_DIR) still works.
if [ -d "${2:-}" ] && [ ! -d "${1:-}" ]; then set -- "$2" "$1" "${3:-}"; fi
S=${1:?usage: accuracy.sh SAMPLES_DIR MDCLASSIFY [MDCLASSIFY_BEFORE]}
NEW=${2:?} OLD=${3:-}
want_of() {
	case $1 in
	timeout-reset|controller) echo transport ;;
	request-invalid|unsupported-op) echo request ;;
	software-bug) echo software ;;
	none) echo benign ;;
	admin) echo admin ;;
	*) echo "$1" ;;
	esac
}
class_of() {
	"$1" --no-progress --json "$2" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["primary_class"] or "benign")' 2>/dev/null || echo error
}
tail -n +2 "$S/LABELS.tsv" | while IFS=$'\t' read -r file _ _ _ _ _ label _; do
	want=$(want_of "$label")
	got=$(class_of "$NEW" "$S/$file")
	old=${OLD:+$(class_of "$OLD" "$S/$file")}
	printf '%s %s %s %s %s\n' "$file" "$want" "$got" "${old:--}" "$label"
done | awk -v two="${OLD:+1}" '
	{ n++; w[$2]++; if ($3 == $2) { k++; kw[$2]++ } if ($4 == $2) { ko++; kwo[$2]++ }
	  printf "%-4s %-72s label=%-16s want=%-9s got=%s%s\n", $3 == $2 ? "ok" : "MISS",
		 $1, $5, $2, two ? $4 " -> " : "", $3 }
	END {
		if (two) printf "\n%d -> %d of %d files agree (before -> after)\n", ko, k, n;
		else printf "\n%d of %d files agree\n", k, n;
		for (c in w)
			if (two) printf "  %-10s %d/%d -> %d/%d\n", c, kwo[c], w[c], kw[c], w[c];
			else printf "  %-10s %d/%d\n", c, kw[c], w[c];
	}'
