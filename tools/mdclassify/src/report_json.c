// SPDX-License-Identifier: GPL-2.0
/*
 * report_json.c - one JSON document (--json) or one JSON line per
 * incident (--follow --json), built with json-c.  Log text is escaped by
 * mdc_escape() first (no control byte or invalid UTF-8 reaches the
 * output) and json-c quotes it.  The layout is published as
 * Documentation/mdclassify.schema.json (schema_version).
 */
#include <string.h>

#include <json-c/json.h>

#include "mdclassify.h"

/* a document: two-space indentation; a --follow line: one line */
#define DOC_FLAGS	(JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | \
			 JSON_C_TO_STRING_NOSLASHESCAPE)
#define LINE_FLAGS	(JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE)

/* a string member, or null */
static void add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static void add_u64(struct json_object *o, const char *k, unsigned long long v)
{
	json_object_object_add(o, k, json_object_new_uint64(v));
}

static void add_i64(struct json_object *o, const char *k, long long v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static struct json_object *incident(const struct mdc_model *m,
				    const struct mdc_incident *in)
{
	const struct mdc_leg *l = in->legp;
	struct json_object *o = json_object_new_object(), *ev;
	unsigned int i;

	add_str(o, "array", in->array);
	add_str(o, "level", in->level && in->level[0] ? in->level : NULL);
	add_str(o, "lv", in->lv[0] ? in->lv : NULL);
	add_str(o, "leg", in->leg);
	add_str(o, "device", in->device);
	add_str(o, "host", mdc_boot_host(m, in->boot));
	add_i64(o, "boot", in->boot);
	add_str(o, "class", mdc_class_name(in->cls));
	add_str(o, "verdict", mdc_verdict_name(in->cls));
	add_str(o, "confidence", in->confidence);
	json_object_object_add(o, "leg_faulted",
			       json_object_new_boolean(in->faulted));
	if (in->mirror_log)
		json_object_object_add(o, "mirror_log",
				       json_object_new_boolean(1));
	add_str(o, "action", in->action);
	add_str(o, "kernel_fix", in->fix[0] ? in->fix : NULL);
	add_str(o, "why", in->why);
	add_str(o, "live_state", in->live[0] ? in->live : NULL);
	if (l) {
		struct json_object *c = json_object_new_object();

		add_u64(c, "rescheduled", l->resched);
		add_u64(c, "redirected", l->redirect);
		add_u64(c, "corrected", l->corrected);
		add_u64(c, "not_correctable", l->notcorr);
		add_i64(c, "read_errors", l->thr_cur);
		add_i64(c, "read_error_max", l->thr_max);
		add_u64(c, "faults", l->fault + l->failing + l->mirror_fail +
			l->lvfail);
		add_u64(c, "kicked", l->kicked);
		add_u64(c, "superblock_write_errors", l->superwrite);
		json_object_object_add(o, "counts", c);
	}
	ev = json_object_new_array();
	for (i = 0; i < in->nevid; i++) {
		const struct mdc_evid *e = &in->evid[i];
		struct json_object *x = json_object_new_object();
		const char *name = e->file < (int)m->nfiles ? m->files[e->file] : "?";
		char fn[256];

		mdc_escape(fn, sizeof(fn), name, strlen(name));
		add_str(x, "file", fn);
		add_u64(x, "line", e->line);
		add_str(x, "text", e->text);
		json_object_array_add(ev, x);
	}
	json_object_object_add(o, "evidence", ev);
	add_u64(o, "evidence_omitted", in->more);
	return o;
}

/* print, then one newline; nothing on allocation failure but the newline */
static void put(FILE *f, struct json_object *o, int flags)
{
	const char *s = json_object_to_json_string_ext(o, flags);

	if (s)
		fputs(s, f);
	fputc('\n', f);
	json_object_put(o);
}

void mdc_report_incident_jsonl(FILE *f, const struct mdc_model *m,
			       const struct mdc_incident *in)
{
	put(f, incident(m, in), LINE_FLAGS);
	fflush(f);
}

void mdc_report_json(FILE *f, const struct mdc_model *m,
		     const struct mdc_result *r, int exit_code)
{
	struct json_object *doc = json_object_new_object(), *arrays, *incs, *s;
	unsigned int i;
	const char *kernel = m->opts && m->opts->kernel ? m->opts->kernel :
			     m->kernel[0] ? m->kernel : NULL;

	add_i64(doc, "schema_version", MDC_JSON_SCHEMA_VERSION);
	arrays = json_object_new_array();
	for (i = 0; i < m->narrays; i++) {
		const struct mdc_array *a = m->arrays[i];
		struct json_object *o;
		const char *state;
		char why[240];

		if (!mdc_array_state(m, i, &state, why, sizeof(why)))
			continue;
		o = json_object_new_object();
		add_str(o, "array", a->name);
		add_str(o, "host", mdc_boot_host(m, a->boot));
		add_str(o, "level", a->level[0] ? a->level : NULL);
		add_str(o, "state", state);
		add_str(o, "why", why);
		json_object_array_add(arrays, o);
	}
	json_object_object_add(doc, "arrays", arrays);
	incs = json_object_new_array();
	for (i = 0; i < r->ninc; i++)
		json_object_array_add(incs, incident(m, &r->inc[i]));
	json_object_object_add(doc, "incidents", incs);

	s = json_object_new_object();
	add_u64(s, "inputs", m->st.inputs);
	add_u64(s, "bytes", m->st.bytes);
	add_u64(s, "lines", m->st.lines);
	add_u64(s, "candidates", m->st.candidates);
	add_u64(s, "matched", m->st.matched);
	add_u64(s, "skipped", m->st.skipped);
	add_u64(s, "overlong", m->st.overlong);
	add_u64(s, "binary", m->st.binary);
	add_u64(s, "joined", m->st.joined);
	add_u64(s, "filtered", m->st.filtered);
	add_u64(s, "dropped", m->st.dropped_entities);
	add_u64(s, "input_errors", m->st.input_errors);
	add_u64(s, "incidents", r->ninc);
	add_u64(s, "degraded_legs", r->degraded);
	add_str(s, "primary_class",
		r->has_primary ? mdc_class_name(r->primary) : NULL);
	add_str(s, "kernel", kernel);
	add_i64(s, "exit_code", exit_code);
	json_object_object_add(doc, "summary", s);
	put(f, doc, DOC_FLAGS);
}
