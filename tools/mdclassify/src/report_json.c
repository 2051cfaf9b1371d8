// SPDX-License-Identifier: GPL-2.0
/*
 * report_json.c - one JSON document (--json) or one JSON line per
 * incident (--follow --json).  Log text is escaped by mdc_escape() first
 * and then JSON-quoted, so no control byte or invalid UTF-8 reaches the
 * output.
 */
#include <string.h>

#include "mdclassify.h"

static void kv(FILE *f, const char *k, const char *v, int comma)
{
	fprintf(f, "\"%s\": ", k);
	mdc_json_str(f, v);
	if (comma)
		fputs(", ", f);
}

static void incident(FILE *f, const struct mdc_model *m,
		     const struct mdc_incident *in, const char *ind)
{
	const struct mdc_leg *l = in->legp;
	unsigned int i;

	fprintf(f, "%s{", ind);
	kv(f, "array", in->array, 1);
	kv(f, "level", in->level && in->level[0] ? in->level : NULL, 1);
	kv(f, "lv", in->lv[0] ? in->lv : NULL, 1);
	kv(f, "leg", in->leg, 1);
	kv(f, "device", in->device, 1);
	kv(f, "host", mdc_boot_host(m, in->boot), 1);
	fprintf(f, "\"boot\": %d, ", in->boot);
	kv(f, "class", mdc_class_name(in->cls), 1);
	kv(f, "verdict", mdc_verdict_name(in->cls), 1);
	kv(f, "confidence", in->confidence, 1);
	fprintf(f, "\"leg_faulted\": %s, ", in->faulted ? "true" : "false");
	kv(f, "action", in->action, 1);
	kv(f, "kernel_fix", in->fix[0] ? in->fix : NULL, 1);
	kv(f, "why", in->why, 1);
	kv(f, "live_state", in->live[0] ? in->live : NULL, 1);
	if (l)
		fprintf(f, "\"counts\": {\"rescheduled\": %lu, \"redirected\": %lu, \"corrected\": %lu, \"not_correctable\": %lu, \"read_errors\": %ld, \"read_error_max\": %ld, \"faults\": %lu, \"kicked\": %lu, \"superblock_write_errors\": %lu}, ",
			l->resched, l->redirect, l->corrected, l->notcorr,
			l->thr_cur, l->thr_max, l->fault + l->failing +
			l->mirror_fail + l->lvfail, l->kicked, l->superwrite);
	fputs("\"evidence\": [", f);
	for (i = 0; i < in->nevid; i++) {
		const struct mdc_evid *e = &in->evid[i];
		char fn[256];
		const char *name = e->file < (int)m->nfiles ? m->files[e->file] : "?";

		mdc_escape(fn, sizeof(fn), name, strlen(name));
		fputs(i ? ", {" : "{", f);
		kv(f, "file", fn, 1);
		fprintf(f, "\"line\": %llu, ", (unsigned long long)e->line);
		kv(f, "text", e->text, 0);
		fputc('}', f);
	}
	fprintf(f, "], \"evidence_omitted\": %llu}", (unsigned long long)in->more);
}

void mdc_report_incident_jsonl(FILE *f, const struct mdc_model *m,
			       const struct mdc_incident *in)
{
	incident(f, m, in, "");
	fputc('\n', f);
	fflush(f);
}

void mdc_report_json(FILE *f, const struct mdc_model *m,
		     const struct mdc_result *r, int exit_code)
{
	unsigned int i, n;
	const char *kernel = m->opts && m->opts->kernel ? m->opts->kernel :
			     m->kernel[0] ? m->kernel : NULL;

	fprintf(f, "{\"schema_version\": %d, \"arrays\": [",
		MDC_JSON_SCHEMA_VERSION);
	for (i = 0, n = 0; i < m->narrays; i++) {
		const struct mdc_array *a = m->arrays[i];
		const char *state;
		char why[200];

		if (!mdc_array_state(a, &state, why, sizeof(why)))
			continue;
		fputs(n++ ? ", {" : "{", f);
		kv(f, "array", a->name, 1);
		kv(f, "host", mdc_boot_host(m, a->boot), 1);
		kv(f, "level", a->level[0] ? a->level : NULL, 1);
		kv(f, "state", state, 1);
		kv(f, "why", why, 0);
		fputc('}', f);
	}
	fputs("],\n\"incidents\": [\n", f);
	for (i = 0; i < r->ninc; i++) {
		incident(f, m, &r->inc[i], "  ");
		fputs(i + 1 < r->ninc ? ",\n" : "\n", f);
	}
	fputs("], \"summary\": {", f);
	fprintf(f, "\"inputs\": %u, \"bytes\": %llu, \"lines\": %llu, \"candidates\": %llu, \"matched\": %llu, \"skipped\": %llu, \"overlong\": %llu, \"binary\": %llu, \"joined\": %llu, \"filtered\": %llu, \"dropped\": %llu, \"input_errors\": %llu, ",
		m->st.inputs, (unsigned long long)m->st.bytes,
		(unsigned long long)m->st.lines,
		(unsigned long long)m->st.candidates,
		(unsigned long long)m->st.matched,
		(unsigned long long)m->st.skipped,
		(unsigned long long)m->st.overlong,
		(unsigned long long)m->st.binary,
		(unsigned long long)m->st.joined,
		(unsigned long long)m->st.filtered,
		(unsigned long long)m->st.dropped_entities,
		(unsigned long long)m->st.input_errors);
	fprintf(f, "\"incidents\": %u, \"degraded_legs\": %u, ", r->ninc,
		r->degraded);
	kv(f, "primary_class", r->has_primary ? mdc_class_name(r->primary) : NULL, 1);
	kv(f, "kernel", kernel, 1);
	fprintf(f, "\"exit_code\": %d}}\n", exit_code);
}
