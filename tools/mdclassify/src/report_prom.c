// SPDX-License-Identifier: GPL-2.0
/*
 * report_prom.c - node_exporter textfile collector output (--prometheus
 * FILE), written to FILE.tmp and renamed so the collector never reads a
 * half-written file.
 */
#include <stdio.h>
#include <string.h>

#include "mdclassify.h"

static void label(FILE *f, const char *k, const char *v, int comma)
{
	fprintf(f, "%s=\"", k);
	for (; v && *v; v++) {
		if (*v == '"' || *v == '\\')
			fputc('\\', f);
		if (*v == '\n')
			fputs("\\n", f);
		else
			fputc(*v, f);
	}
	fputs(comma ? "\"," : "\"", f);
}

int mdc_report_prom(const char *path, const struct mdc_model *m,
		    const struct mdc_result *r)
{
	char tmp[4096];
	unsigned int i;
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return -1;
	fputs("# HELP mdclassify_incident One incident per array leg, device or kernel bug, labelled with its cause.\n"
	      "# TYPE mdclassify_incident gauge\n", f);
	for (i = 0; i < r->ninc; i++) {
		const struct mdc_incident *in = &r->inc[i];

		fputs("mdclassify_incident{", f);
		label(f, "array", in->array ? in->array : "", 1);
		label(f, "leg", in->leg ? in->leg : in->device ? in->device : "", 1);
		label(f, "lv", in->lv, 1);
		label(f, "class", mdc_class_name(in->cls), 1);
		label(f, "verdict", mdc_verdict_name(in->cls), 1);
		label(f, "faulted", in->faulted ? "1" : "0", 1);
		/* a dm-mirror's log: no leg is out, the mirror needs repair */
		label(f, "mirror_log", in->mirror_log ? "1" : "0", 0);
		fputs("} 1\n", f);
	}
	fprintf(f, "# HELP mdclassify_degraded_legs Legs failed by md/dm in the logs read.\n"
		"# TYPE mdclassify_degraded_legs gauge\nmdclassify_degraded_legs %u\n",
		r->degraded);
	fprintf(f, "# HELP mdclassify_lines_total Lines read.\n# TYPE mdclassify_lines_total counter\nmdclassify_lines_total %llu\n",
		(unsigned long long)m->st.lines);
	fprintf(f, "# HELP mdclassify_skipped_lines_total Candidate lines that could not be placed.\n# TYPE mdclassify_skipped_lines_total counter\nmdclassify_skipped_lines_total %llu\n",
		(unsigned long long)m->st.skipped);
	if (fclose(f))
		return -1;
	return rename(tmp, path);
}
