// SPDX-License-Identifier: GPL-2.0
/*
 * anchors - print the scanner's anchors, one a line: the literals of the
 * rule table (ruletab.h) that `make bench` gives grep -F (-f FILE), so
 * grep looks for exactly what mdclassify looks for.
 */
#include <stdio.h>

#include "mdclassify.h"

int main(void)
{
	struct mdc_anchor a[MDC_MAX_ANCHORS];
	unsigned int n = mdc_anchors(a, MDC_MAX_ANCHORS), i;

	for (i = 0; i < n; i++)
		printf("%.*s\n", (int)a[i].len, a[i].lit);
	return 0;
}
