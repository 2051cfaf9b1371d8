// SPDX-License-Identifier: GPL-2.0
/*
 * live.c - join the verdicts with the current state (--live).  md arrays:
 * md's own view through the ioctls mdadm --detail uses (GET_ARRAY_INFO,
 * GET_DISK_INFO from <linux/raid/md_u.h>) on /dev/mdN, the leg found by
 * its major:minor (/sys/class/block/LEG/dev), plus the corrected-error
 * count from sysfs (/sys/block/mdN/md/dev-LEG/{state,errors}).  Without
 * the device node (fixture trees under --sysfs-root, no permission) sysfs
 * alone.  dm-raid legs: health characters from `dmsetup status` (run, or
 * read from --dmsetup-status FILE).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/major.h>
#include <linux/raid/md_p.h>
#include <linux/raid/md_u.h>

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

/* ---- md ioctls ------------------------------------------------------ */

const char *mdc_md_disk_word(const mdu_disk_info_t *d)
{
	if (d->state & (1 << MD_DISK_FAULTY))
		return "faulty";
	if (d->state & (1 << MD_DISK_REMOVED))
		return "removed";
	if ((d->state & (1 << MD_DISK_ACTIVE)) &&
	    (d->state & (1 << MD_DISK_SYNC)))
		return "in sync";
	if (d->raid_disk >= 0)
		return "rebuilding";
	return "spare";
}

/* "disk 1 faulty; md raid1 degraded: 1 of 2 working, 1 failed" */
int mdc_md_describe(const mdu_array_info_t *a, const mdu_disk_info_t *d,
		    char *out, size_t n)
{
	int degraded = a->active_disks < a->raid_disks;

	return snprintf(out, n,
			"disk %d %s; md raid%d %s: %d of %d working, %d failed, %d spare",
			d->number, mdc_md_disk_word(d), a->level,
			degraded ? "degraded" : "complete", a->working_disks,
			a->raid_disks, a->failed_disks, a->spare_disks);
}

/*
 * Names come from logs, which anyone who can write to syslog can forge:
 * only plain device names are put into paths ("md0", "sdc1", "dm-58",
 * "nvme0n1p2"), never one that could climb out of /dev or /sys.
 */
static int plain_name(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
		      *s == '.' || *s == ':'))
			return 0;
	return 1;
}

/* md's view of LEG in ARRAY; 1 found, 0 not a member, -1 no ioctl view */
static int md_ioctl_view(const char *root, const char *array, const char *leg,
			 mdu_array_info_t *a, mdu_disk_info_t *d)
{
	char path[4096], dev[32];
	unsigned int maj, min, seen = 0;
	int fd, i, ret = 0;

	snprintf(path, sizeof(path), "%s/sys/class/block/%s/dev", root, leg);
	if (read_small(path, dev, sizeof(dev)) < 0 ||
	    sscanf(dev, "%u:%u", &maj, &min) != 2)
		return -1;
	snprintf(path, sizeof(path), "%s/dev/%s", root, array);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	memset(a, 0, sizeof(*a));
	if (ioctl(fd, GET_ARRAY_INFO, a) < 0) {
		close(fd);
		return -1;
	}
	/* disk numbers are sparse after removals; mdadm scans the same way */
	for (i = 0; i < 4096 && seen < (unsigned int)a->nr_disks; i++) {
		memset(d, 0, sizeof(*d));
		d->number = i;
		if (ioctl(fd, GET_DISK_INFO, d) < 0)
			break;
		if (!d->major && !d->minor)
			continue;
		seen++;
		if ((unsigned int)d->major == maj &&
		    (unsigned int)d->minor == min) {
			ret = 1;
			break;
		}
	}
	close(fd);
	return ret;
}

static void md_live(struct mdc_incident *in, const struct mdc_leg *l,
		    const char *root)
{
	char path[4096], st[256], err[64], md[160];
	mdu_array_info_t a;
	mdu_disk_info_t d;
	int v;

	if (!plain_name(in->array) || !plain_name(l->name) ||
	    strncmp(in->array, "md", 2)) {
		snprintf(in->live, sizeof(in->live),
			 "%s: no live state (not a plain device name)", l->name);
		return;
	}
	v = md_ioctl_view(root, in->array, l->name, &a, &d);

	snprintf(path, sizeof(path), "%s/sys/block/%s/md/dev-%s/errors",
		 root, in->array, l->name);
	if (read_small(path, err, sizeof(err)) < 0)
		strcpy(err, "?");
	if (v == 1) {
		mdc_md_describe(&a, &d, md, sizeof(md));
		snprintf(in->live, sizeof(in->live),
			 "%s: %s now (%s; %s corrected errors); cause: %s; run: %s",
			 l->name, mdc_md_disk_word(&d), md, err,
			 mdc_class_name(in->cls), in->action);
		return;
	}
	if (v == 0) {
		snprintf(in->live, sizeof(in->live),
			 "%s: not a member of %s now (removed; md raid%d %s: %d of %d working)",
			 l->name, in->array, a.level,
			 a.active_disks < a.raid_disks ? "degraded" : "complete",
			 a.working_disks, a.raid_disks);
		return;
	}
	/* no device node or no permission: sysfs alone */
	snprintf(path, sizeof(path), "%s/sys/block/%s/md/dev-%s/state",
		 root, in->array, l->name);
	if (read_small(path, st, sizeof(st)) < 0) {
		snprintf(path, sizeof(path), "%s/sys/block/%s/md",
			 root, in->array);
		if (access(path, F_OK))
			snprintf(in->live, sizeof(in->live),
				 "%s: array %s not present now",
				 l->name, in->array);
		else
			snprintf(in->live, sizeof(in->live),
				 "%s: not a member of %s now (removed)",
				 l->name, in->array);
		return;
	}
	snprintf(in->live, sizeof(in->live),
		 "%s: %s now (md state '%s', %s corrected errors); cause: %s; run: %s",
		 l->name, strstr(st, "faulty") ? "faulty" :
		 strstr(st, "in_sync") ? "in sync" : "not in sync",
		 st, err, mdc_class_name(in->cls), in->action);
}

/* ---- dm-raid --------------------------------------------------------- */

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

		if (!l)
			continue;
		if (strcmp(in->array, "mdX") && strcmp(in->array, "dm-mirror") &&
		    strcmp(in->array, "md?")) {
			md_live(in, l, root);
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
