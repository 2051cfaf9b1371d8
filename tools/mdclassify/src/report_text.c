// SPDX-License-Identifier: GPL-2.0
/*
 * report_text.c - the human report: one block per array leg (or device,
 * or kernel bug) with cause, verdict, command, confidence and evidence
 * with file:line.  Colour only when asked for (a TTY and no NO_COLOR).
 */
#include <string.h>

#include "mdclassify.h"

static const char *const class_color[CL_NR] = {
	[CL_MEDIA] = "\033[1;31m", [CL_TRANSPORT] = "\033[1;33m",
	[CL_REQUEST] = "\033[1;32m", [CL_SOFTWARE] = "\033[1;35m",
	[CL_ADMIN] = "\033[1;36m", [CL_BENIGN] = "\033[0;37m",
	[CL_UNKNOWN] = "\033[1;31m",
};

static void wrap(FILE *f, const char *label, const char *text)
{
	const int width = 100, indent = 15;
	const char *p = text;
	int first = 1;

	while (*p) {
		int n = strlen(p), cut = n;

		if (n > width - indent) {
			cut = width - indent;
			while (cut > 20 && p[cut] != ' ')
				cut--;
			if (cut <= 20)
				cut = width - indent;
		}
		fprintf(f, "    %-11s%.*s\n", first ? label : "", cut, p);
		first = 0;
		p += cut;
		while (*p == ' ')
			p++;
	}
}

void mdc_report_incident_text(FILE *f, const struct mdc_model *m,
			      const struct mdc_incident *in, int color)
{
	const char *on = color ? class_color[in->cls] : "";
	const char *off = color ? "\033[0m" : "";
	const char *bold = color ? "\033[1m" : "";
	char head[256];
	unsigned int i;

	if (in->leg)
		snprintf(head, sizeof(head), "%s%s%s%s %s %s%s%s",
			 in->array, in->level && in->level[0] ? " (" : "",
			 in->level && in->level[0] ? in->level : "",
			 in->level && in->level[0] ? ")" : "",
			 in->mirror_log ? "log" : "leg", in->leg,
			 in->lv[0] ? "  LV " : "", in->lv);
	else if (in->device)
		snprintf(head, sizeof(head), "device %s (not an array leg)",
			 in->device);
	else
		snprintf(head, sizeof(head), "kernel bug%s%s",
			 in->array ? " near " : "", in->array ? in->array : "");
	fprintf(f, "%s%s%s%s\n", bold, head, in->faulted ? "  -- FAULTED" :
		in->mirror_log ? "  -- LOG FAILED" : "", off);
	fprintf(f, "    %-11s%s%s%s -> %s (confidence %s)\n", "cause", on,
		mdc_class_name(in->cls), off, mdc_verdict_name(in->cls),
		in->confidence);
	if (in->live[0])
		wrap(f, "now", in->live);
	wrap(f, "why", in->why);
	wrap(f, "run", in->action);
	if (in->fix[0])
		wrap(f, "kernel fix", in->fix);
	fprintf(f, "    %-11s", "evidence");
	if (in->more)
		fprintf(f, "(%u lines shown, %llu more not shown)\n", in->nevid,
			(unsigned long long)in->more);
	else
		fprintf(f, "(%u line%s)\n", in->nevid, in->nevid == 1 ? "" : "s");
	for (i = 0; i < in->nevid; i++) {
		const struct mdc_evid *e = &in->evid[i];
		const char *fn = e->file < (int)m->nfiles ? m->files[e->file] : "?";
		const char *b = strrchr(fn, '/');
		char loc[320];

		char efn[256];

		b = b ? b + 1 : fn;
		mdc_escape(efn, sizeof(efn), b, strlen(b));
		snprintf(loc, sizeof(loc), "%s:%llu", efn,
			 (unsigned long long)e->line);
		fprintf(f, "      %s  %s\n", loc, e->text);
	}
	fputc('\n', f);
}

/* host h (or any when NULL) */
static int on_host(const struct mdc_model *m, int boot, const char *h)
{
	const char *b = mdc_boot_host(m, boot);

	return !h || (b && !strcmp(b, h));
}

static void arrays_first(FILE *f, const struct mdc_model *m,
			 const char *prefix, int brief, const char *host)
{
	unsigned int i;

	for (i = 0; i < m->narrays; i++) {
		const struct mdc_array *a = m->arrays[i];
		const char *state;
		char why[240], what[120];

		if (!on_host(m, a->boot, host) ||
		    !mdc_array_state(m, i, &state, why, sizeof(why)))
			continue;
		snprintf(what, sizeof(what), "%s%s%s%s%s%s", brief && m->nhosts > 1 &&
			 mdc_boot_host(m, a->boot) ? mdc_boot_host(m, a->boot) : "",
			 brief && m->nhosts > 1 && mdc_boot_host(m, a->boot) ? ": " : "",
			 a->name, a->level[0] ? " (" : "", a->level,
			 a->level[0] ? ")" : "");
		if (brief)
			fprintf(f, "%s%-9s %-15s %-7s %-38s %s\n",
				prefix ? prefix : "", "array", state, "-", what,
				why);
		else
			fprintf(f, "ARRAY %s: %s -- %s\n", what, state, why);
	}
}

void mdc_report_text(FILE *f, const struct mdc_model *m,
		     const struct mdc_result *r, int color)
{
	unsigned int i, k, h;
	static const enum mdc_class order[] = {
		CL_MEDIA, CL_TRANSPORT, CL_REQUEST, CL_SOFTWARE, CL_UNKNOWN,
		CL_ADMIN, CL_BENIGN
	};

	fprintf(f, "mdclassify: %u input%s, %llu lines, %llu candidate lines, %llu matched, %llu skipped",
		m->st.inputs, m->st.inputs == 1 ? "" : "s",
		(unsigned long long)m->st.lines,
		(unsigned long long)m->st.candidates,
		(unsigned long long)m->st.matched,
		(unsigned long long)m->st.skipped);
	if (m->st.overlong || m->st.binary)
		fprintf(f, ", %llu over-long, %llu with NUL bytes",
			(unsigned long long)m->st.overlong,
			(unsigned long long)m->st.binary);
	if (m->st.filtered)
		fprintf(f, ", %llu outside --since/--until",
			(unsigned long long)m->st.filtered);
	if (m->st.dropped_entities)
		fprintf(f, ", %llu arrays/legs/devices dropped (over the limits: the report is incomplete)",
			(unsigned long long)m->st.dropped_entities);
	fputc('\n', f);
	fprintf(f, "kernel: %s%s%s%s\n",
		m->opts && m->opts->kernel ? m->opts->kernel :
		m->kernel[0] ? m->kernel : "not in the log (use --kernel)",
		m->kernel[0] && !(m->opts && m->opts->kernel) ? " (" : "",
		m->kernel[0] && !(m->opts && m->opts->kernel) ? m->kernel_src : "",
		m->kernel[0] && !(m->opts && m->opts->kernel) ? ")" : "");
	if (!r->ninc) {
		fprintf(f, "no md/dm RAID incident found\n");
		if (m->st.input_errors)
			fprintf(f, "%llu input error%s (see stderr): this is no all-clear\n",
				(unsigned long long)m->st.input_errors,
				m->st.input_errors == 1 ? "" : "s");
		return;
	}
	fprintf(f, "%u incident%s, %u degraded leg%s\n", r->ninc,
		r->ninc == 1 ? "" : "s", r->degraded,
		r->degraded == 1 ? "" : "s");
	/* one report per syslog host */
	for (h = 0; h < (m->nhosts > 1 ? m->nhosts : 1); h++) {
		const char *host = m->nhosts > 1 ? m->hosts[h] : NULL;

		if (host)
			fprintf(f, "\n==== host %s\n", host);
		arrays_first(f, m, NULL, 0, host);
		fputc('\n', f);
		/* failed legs first, then by class */
		for (k = 0; k < 2; k++)
			for (unsigned int c = 0; c < sizeof(order) / sizeof(order[0]); c++)
				for (i = 0; i < r->ninc; i++)
					if (r->inc[i].cls == order[c] &&
					    r->inc[i].faulted == !k &&
					    on_host(m, r->inc[i].boot, host))
						mdc_report_incident_text(f, m, &r->inc[i],
									 color);
	}
	if (m->st.input_errors)
		fprintf(f, "%llu input error%s (see stderr)\n",
			(unsigned long long)m->st.input_errors,
			m->st.input_errors == 1 ? "" : "s");
}

/* --brief: one line per incident */
void mdc_report_brief(FILE *f, const struct mdc_model *m,
		      const struct mdc_result *r, const char *prefix)
{
	unsigned int i;

	arrays_first(f, m, prefix, 1, NULL);
	for (i = 0; i < r->ninc; i++) {
		const struct mdc_incident *in = &r->inc[i];
		char what[160];

		if (in->leg)
			snprintf(what, sizeof(what), "%s %s %s%s%s", in->array,
				 in->mirror_log ? "log" : "leg", in->leg,
				 in->lv[0] ? " LV " : "", in->lv);
		else if (in->device)
			snprintf(what, sizeof(what), "device %s", in->device);
		else
			snprintf(what, sizeof(what), "kernel bug");
		if (m->nhosts > 1 && mdc_boot_host(m, in->boot)) {
			char tmp[sizeof(what)];

			snprintf(tmp, sizeof(tmp), "%s: %s",
				 mdc_boot_host(m, in->boot), what);
			snprintf(what, sizeof(what), "%s", tmp);
		}
		fprintf(f, "%s%-9s %-15s %-7s %-38s %s\n", prefix ? prefix : "",
			mdc_class_name(in->cls), mdc_verdict_name(in->cls),
			in->faulted ? "FAULTED" : in->mirror_log ? "LOGFAIL" : "-",
			what, in->action);
	}
	if (!r->ninc)
		fprintf(f, "%s(no md/dm RAID incident)\n", prefix ? prefix : "");
	if (m->st.skipped || m->st.dropped_entities || m->st.overlong ||
	    m->st.input_errors)
		fprintf(f, "%s(%llu lines skipped, %llu over-long, %llu entities dropped, %llu input errors)\n",
			prefix ? prefix : "",
			(unsigned long long)m->st.skipped,
			(unsigned long long)m->st.overlong,
			(unsigned long long)m->st.dropped_entities,
			(unsigned long long)m->st.input_errors);
}
