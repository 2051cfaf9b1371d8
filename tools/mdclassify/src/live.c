// SPDX-License-Identifier: GPL-2.0
/*
 * live.c - join the verdicts with the current state (--live): md member
 * state from sysfs (/sys/block/mdN/md/dev-LEG/{state,errors}, under
 * --sysfs-root for fixture trees) and dm-raid leg health from
 * `dmsetup status` (run, or read from --dmsetup-status FILE).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mdclassify.h"

static int read_small(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "r");
	size_t r;

	if (!f)
		return -1;
	r = fread(buf, 1, n - 1, f);
	fclose(f);
	buf[r] = 0;
	while (r && (buf[r - 1] == '\n' || buf[r - 1] == ' '))
		buf[--r] = 0;
	return 0;
}

/* "vg0-iris_boot: 0 2097152 raid raid1 2 DA 2097152/2097152 idle 0 0 -" */
static int dm_health(FILE *f, const char *dmname, int idx, char *out)
{
	char line[1024];

	rewind(f);
	while (fgets(line, sizeof(line), f)) {
		char *c = strchr(line, ':'), *tok, *save = NULL;
		int i = 0, ndev = -1;

		if (!c)
			continue;
		*c = 0;
		if (strcmp(line, dmname))
			continue;
		for (tok = strtok_r(c + 1, " \n", &save); tok;
		     tok = strtok_r(NULL, " \n", &save), i++) {
			/* start len raid LEVEL NDEV HEALTH ... */
			if (i == 2 && strcmp(tok, "raid"))
				return -1;
			if (i == 4)
				ndev = atoi(tok);
			if (i == 5) {
				if (idx < 0 || idx >= ndev ||
				    idx >= (int)strlen(tok))
					return -1;
				*out = tok[idx];
				return 0;
			}
		}
	}
	return -1;
}

static void lv_to_dm(const char *lv, char *out, size_t n)
{
	size_t o = 0;

	for (; *lv && o + 3 < n; lv++) {
		if (*lv == '-') {
			out[o++] = '-';
			out[o++] = '-';
		} else {
			out[o++] = *lv == '/' ? '-' : *lv;
		}
	}
	out[o] = 0;
}

void mdc_live_annotate(struct mdc_model *m, struct mdc_result *r)
{
	const char *root = m->opts->sysfs_root ? m->opts->sysfs_root : "";
	FILE *dm = NULL;
	unsigned int i;

	if (m->opts->dmsetup_status)
		dm = fopen(m->opts->dmsetup_status, "r");
	else if (!m->opts->sysfs_root)
		dm = popen("dmsetup status 2>/dev/null", "r");
	if (dm && !m->opts->dmsetup_status) {
		/* copy to a temporary file so it can be rewound */
		FILE *t = tmpfile();
		char buf[4096];
		size_t n;

		while (t && (n = fread(buf, 1, sizeof(buf), dm)))
			fwrite(buf, 1, n, t);
		pclose(dm);
		dm = t;
	}
	for (i = 0; i < r->ninc; i++) {
		struct mdc_incident *in = &r->inc[i];
		const struct mdc_leg *l = in->legp;
		char path[4096], st[256], err[64];

		if (!l)
			continue;
		if (strcmp(in->array, "mdX") && strcmp(in->array, "dm-mirror") &&
		    strcmp(in->array, "md?")) {
			snprintf(path, sizeof(path), "%s/sys/block/%s/md/dev-%s/state",
				 root, in->array, l->name);
			if (read_small(path, st, sizeof(st)) < 0) {
				snprintf(path, sizeof(path), "%s/sys/block/%s/md",
					 root, in->array);
				if (read_small(path, st, sizeof(st)) < 0 &&
				    access(path, 0))
					snprintf(in->live, sizeof(in->live),
						 "%s: array %s not present now",
						 l->name, in->array);
				else
					snprintf(in->live, sizeof(in->live),
						 "%s: not a member of %s now (removed)",
						 l->name, in->array);
				continue;
			}
			snprintf(path, sizeof(path), "%s/sys/block/%s/md/dev-%s/errors",
				 root, in->array, l->name);
			if (read_small(path, err, sizeof(err)) < 0)
				strcpy(err, "?");
			snprintf(in->live, sizeof(in->live),
				 "%s: %s now (md state '%s', %s corrected errors); cause: %s; run: %s",
				 l->name, strstr(st, "faulty") ? "faulty" :
				 strstr(st, "in_sync") ? "in sync" : "not in sync",
				 st, err, mdc_class_name(in->cls), in->action);
			continue;
		}
		if (dm && in->lv[0]) {
			char dmname[256], h;
			int idx = l->lv_index;
			const char *map = mdc_model_lookup(m, l->name), *p;

			p = map ? strstr(map, "_rimage_") : NULL;
			if (idx < 0 && p)
				idx = atoi(p + 8);
			lv_to_dm(in->lv, dmname, sizeof(dmname));
			if (!dm_health(dm, dmname, idx, &h))
				snprintf(in->live, sizeof(in->live),
					 "%s: %s now (dm-raid health '%c' of leg %d of %s); cause: %s; run: %s",
					 l->name, h == 'D' ? "faulty" :
					 h == 'A' ? "in sync" : h == 'a' ?
					 "alive, resyncing" : "unknown",
					 h, idx, dmname, mdc_class_name(in->cls),
					 in->action);
		}
	}
	if (dm)
		fclose(dm);
}
