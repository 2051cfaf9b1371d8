// SPDX-License-Identifier: GPL-2.0
/*
 * classify.c - decide the cause of each leg's trouble from the whole
 * incident, never from one line.
 *
 * Signals come from the devices under the leg (by name: sdb1 -> sdb,
 * nvme1n1p2 -> nvme1n1 -> nvme1, H:C:T:L -> sdX, ataN -> sdX when the
 * log shows which SCSI host it is), from devices and controller events
 * of the same time window when the leg's lower devices are not named
 * (dm-N legs), and from what md itself says.  Ranking: an operator
 * action wins; then the strongest signal, ties broken by
 * mdc_sig_precedence[] in ruletab.h.  With no device error at all, a leg failed
 * by md's read-error accounting (threshold exceeded, or reads of the
 * same sector failing over and over while the other mirror serves them)
 * is a rejected request.
 */
#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mdclassify.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define WIN_BEFORE	120.0	/* seconds before the leg's first event */
#define WIN_AFTER	30.0	/* seconds after its fault */
#define MAX_INC_EVID	24

static const char *const class_names[CL_NR] = {
	"media", "transport", "request", "software", "admin", "benign",
	"unknown"
};
static const char *const verdict_names[CL_NR] = {
	"replace", "check-path", "safe-to-refresh", "report-bug", "no-action",
	"no-action", "investigate"
};

const char *mdc_class_name(enum mdc_class c)
{
	return c < CL_NR ? class_names[c] : "unknown";
}

const char *mdc_verdict_name(enum mdc_class c)
{
	return c < CL_NR ? verdict_names[c] : "investigate";
}

struct acc {
	int str[SIG_NR];
	unsigned long cnt[SIG_NR];
	const char *why[SIG_NR];
	const char *who[SIG_NR];
	const struct mdc_evlist *lists[16];
	unsigned int nlists;
	const struct mdc_evid *single[16];
	unsigned int nsingle;
	int tied_by_time;
	int named_devs;
	unsigned long outside[SIG_NR];	/* signals outside the fault window */
	int zero_len;			/* a device refused zero-length requests */
};

/*
 * Signals of a device under a leg count only when they overlap a window
 * around the fault: from NAMED_BEFORE seconds before the leg's first
 * event to WIN_AFTER after its fault.  What the device said at boot or
 * hours before (a probe, a pass-through refused) is not evidence of why
 * the leg failed.  Without a common clock every signal counts.
 */
#define NAMED_BEFORE	300.0

struct window {
	const struct mdc_when *from, *to;
};

static int sig_in(const struct window *win, const struct mdc_dev *d, int s)
{
	const struct mdc_when *f = &d->sfirst[s], *l = &d->slast[s];

	if (!win)
		return 1;
	if (!f->clock || f->clock != win->from->clock ||
	    win->to->clock != f->clock || f->boot != win->from->boot)
		return 1;
	return l->t >= win->from->t - NAMED_BEFORE &&
	       f->t <= win->to->t + WIN_AFTER;
}

static void acc_dev_win(struct acc *a, const struct mdc_dev *d,
			const struct window *win)
{
	int s, any = 0;

	for (s = 1; s < SIG_NR; s++) {
		if (!d->cnt[s])
			continue;
		if (!sig_in(win, d, s)) {
			a->outside[s] += d->cnt[s];
			continue;
		}
		any = 1;
		a->cnt[s] += d->cnt[s];
		if (s == SIG_REQUEST)
			a->zero_len |= d->zero_len;
		if (d->maxstr[s] > a->str[s]) {
			a->str[s] = d->maxstr[s];
			a->why[s] = d->why[s];
			a->who[s] = d->name;
		}
	}
	if (any && a->nlists < 16)
		a->lists[a->nlists++] = &d->ev;
}

static void acc_dev(struct acc *a, const struct mdc_dev *d)
{
	acc_dev_win(a, d, NULL);
}

/*
 * The strongest cause; at equal strength the precedence of ruletab.h.  A
 * request is a cause only with the strength of the malformed shapes
 * (MDC_REQUEST_SHAPE).
 */
static int pick(const int *str, int *bs)
{
	unsigned int i, n;
	const enum mdc_sig *order = mdc_precedence(&n);
	int best = SIG_NONE;

	*bs = 0;
	for (i = 0; i < n; i++) {
		int s = order[i];

		if (s == SIG_REQUEST && str[s] < mdc_request_shape())
			continue;
		if (str[s] > *bs) {
			*bs = str[s];
			best = s;
		}
	}
	return best;
}

static void disk_of(const char *leg, char *disk, size_t n, char *ctrl,
		    size_t cn)
{
	size_t l;
	char *p;

	snprintf(disk, n, "%s", leg);
	ctrl[0] = 0;
	l = strlen(disk);
	if (!strncmp(disk, "nvme", 4)) {
		p = strchr(disk + 4, 'p');
		if (p && strchr(disk, 'n') && p > strchr(disk + 4, 'n'))
			*p = 0;
		snprintf(ctrl, cn, "%s", disk);
		p = strchr(ctrl + 4, 'n');
		if (p)
			*p = 0;
		return;
	}
	if (!strncmp(disk, "mmcblk", 6) || !strncmp(disk, "loop", 4)) {
		p = strrchr(disk, 'p');
		if (p && p > disk + 4)
			*p = 0;
		return;
	}
	if ((!strncmp(disk, "sd", 2) || !strncmp(disk, "hd", 2) ||
	     !strncmp(disk, "vd", 2) || !strncmp(disk, "xvd", 3))) {
		while (l && disk[l - 1] >= '0' && disk[l - 1] <= '9')
			disk[--l] = 0;
	}
}

/* major:minor of a dm device -> dm-N (device-mapper minor N is dm-N) */
static void dm_of(const char *leg, char *out, size_t n)
{
	const char *c = strchr(leg, ':');

	out[0] = 0;
	if (c && c > leg && c[1] >= '0' && c[1] <= '9')
		snprintf(out, n, "dm-%s", c + 1);
}

/*
 * Members of md array ai out of service: md's own count where the log
 * gives the array's size ("active with N out of M"), else the failures in
 * a row that each left one device less ("Operation continuing on 3", then
 * on 2): a count that stays or grows is a member back in, or another
 * array of the same (unnamed) name.  A rebuilt member that is back
 * ("recovery done") is counted back.  Where md gave no count, the legs
 * failed since the array was last assembled complete: for an unnamed
 * array ("md?", which may be several) at most one, and none for dm-raid's
 * "mdX", the name of every RAID LV.
 */
static long members_out(const struct mdc_model *m, unsigned int ai,
			int *sure)
{
	const struct mdc_array *a = m->arrays[ai];
	long out = 0;
	unsigned int k;

	*sure = a->remaining >= 0 && a->total > 0;
	if (*sure)
		return a->total - a->remaining;
	if (a->remaining >= 0)
		return a->chain;
	if (!strcmp(a->name, "mdX"))
		return 0;
	for (k = 0; k < m->nlegs; k++)
		if (m->legs[k]->array == (int)ai && m->legs[k]->faulted &&
		    !m->legs[k]->closed)
			out++;
	out -= a->recovered;
	return out < 1 ? 0 : strcmp(a->name, "md?") ? out : 1;
}

/*
 * Whether a later boot of the same host saw array a again: then what a
 * says is history, and that boot's array says what holds now
 */
static int seen_later(const struct mdc_model *m, const struct mdc_array *a)
{
	const char *h = mdc_boot_host(m, a->boot);
	unsigned int k;

	for (k = 0; k < m->narrays; k++) {
		const struct mdc_array *b = m->arrays[k];
		const char *bh = mdc_boot_host(m, b->boot);

		if (b->boot > a->boot && !strcmp(b->name, a->name) &&
		    (h == bh || (h && bh && !strcmp(h, bh))))
			return 1;
	}
	return 0;
}

/*
 * Arrays that are dead or have no redundancy left: said before anything
 * else.  raid4/5 lose redundancy with one member out and fail with two,
 * raid6 with two and three; "raid level N" (or a 2.6 "raid6:" prefix)
 * gives the level, else both readings are said, and two members out of
 * an array of unknown level is taken as failed for what to do (*maybe).
 * raid10 has a member's data in one copy when it keeps two (md's
 * default).  A dm-mirror is failed when no leg could serve a read, and
 * without redundancy when a resync failed or its primary leg failed
 * while out of sync.  1 and the words when array ai is one, 0 otherwise.
 */
static int array_state(const struct mdc_model *m, unsigned int ai,
		       const char **state, char *why, size_t n, int *maybe)
{
	const struct mdc_array *a = m->arrays[ai];
	int mirror = !strcmp(a->level, "mirror");
	int sure;
	long out = members_out(m, ai, &sure);
	int p = a->parity;

	*maybe = 0;
	if (seen_later(m, a))
		return 0;
	if (a->dead || a->remaining == 0) {
		*state = "FAILED";
		snprintf(why, n, "%s", mirror ?
			 "no leg of the mirror could serve a read (All sides of mirror have failed, or Failing I/O)" :
			 a->dead ?
			 "the array cannot run (cannot continue operation, or not enough operational devices at assembly)" :
			 "no device left in service (Operation continuing on 0 devices)");
		return 1;
	}
	if (mirror && a->mstate != MS_LEG_READ) {
		*state = "NO-REDUNDANCY";
		snprintf(why, n, "%s", a->mstate == MS_NO_SYNC ?
			 "the primary leg of the mirror failed a resync or failed while out of sync: regions are in one leg only, and reads there may fail" :
			 "a resync of the mirror failed: regions are in the primary leg only until it is in sync again");
		return 1;
	}
	if (a->unrecov) {
		*state = "NO-REDUNDANCY";
		snprintf(why, n, "a resync or rebuild found blocks no member could give (unrecoverable I/O read error): the data has one copy left, and that copy has bad sectors");
		return 1;
	}
	if (a->remaining == 1 && !strcmp(a->level, "raid1")) {
		*state = "NO-REDUNDANCY";
		snprintf(why, n, "one device left in service: the next error loses data; bring the failed leg back first (its run line below)");
		return 1;
	}
	if (out <= 0)
		return 0;
	if (!strcmp(a->level, "raid4/5/6")) {
		/*
		 * only md's count against the array's size says failed: a
		 * count of failures in a row may take a spare or a replace
		 * target's failure for a member's
		 */
		if (sure && (out > 2 || (out == 2 && p == 1))) {
			*state = "FAILED";
			snprintf(why, n, "%ld members out of service: more than a %s can lose; do not add, re-add or swap any member before the failed ones are copied (ddrescue) and the array assembled with --force",
				 out, p == 1 ? "raid4/5" : "raid4/5/6");
			return 1;
		}
		if (out >= 2 || p != 2) {
			*maybe = out >= 2 && (!p || !sure);
			*state = "NO-REDUNDANCY";
			snprintf(why, n, "%ld member%s out of service: %s; the next error loses data",
				 out, out == 1 ? "" : "s",
				 out == 2 && p == 2 ? "the raid6 has no parity left" :
				 out > 2 && !sure ? "more than a raid4/5/6 survives, unless spares took over (the log gives no size: mdadm --detail)" :
				 out == 2 && !sure && p == 2 ? "the raid6 has no parity left, unless a spare took over (mdadm --detail)" :
				 out == 2 && !sure ? "a raid4/5 has failed, a raid6 has no parity left, unless a spare took over (mdadm --detail)" :
				 out == 2 ? "a raid6 has no parity left, a raid4/5 has failed (the log does not say the level)" :
				 p == 1 ? "the raid4/5 has no parity left" :
				 "a raid4/5 has no parity left (a raid6 has one; the log does not say the level)");
			return 1;
		}
		return 0;
	}
	if (!strcmp(a->level, "raid10")) {
		*state = "NO-REDUNDANCY";
		snprintf(why, n, "%ld member%s out of service: with two copies (md's default) %s data is in one copy only, and the next error there loses data",
			 out, out == 1 ? "" : "s", out == 1 ? "its" : "their");
		return 1;
	}
	return 0;
}

int mdc_array_state(const struct mdc_model *m, unsigned int ai,
		    const char **state, char *why, size_t n)
{
	int maybe;

	return array_state(m, ai, state, why, n, &maybe);
}

/* an md array's device name: md0, md127 */
static int is_md_name(const char *name)
{
	return !strncmp(name, "md", 2) && isdigit((unsigned char)name[2]);
}

static int lower_unknown(const char *leg)
{
	return !strncmp(leg, "dm-", 3) || strchr(leg, ':') || leg[0] == '#' ||
	       leg[0] == '(';
}

/* is device d (or what it maps to) one of the names */
static int dev_is(const struct mdc_model *m, const struct mdc_dev *d,
		  const char *disk, const char *ctrl, const char *leg,
		  const char *dmn)
{
	const char *map;
	char host[32];

	if (!strcmp(d->name, disk) || !strcmp(d->name, leg) ||
	    (ctrl[0] && !strcmp(d->name, ctrl)) ||
	    (dmn[0] && !strcmp(d->name, dmn)))
		return 1;
	map = mdc_model_lookup(m, d->name);
	if (map && !strcmp(map, disk))
		return 1;
	/*
	 * ataN -> scsi hostH from the log's boot lines (never by assuming
	 * H = N-1), hostH -> sdX from "sd H:C:T:L: [sdX]"
	 */
	if (!strncmp(d->name, "ata", 3)) {
		map = mdc_model_lookup(m, d->name);
		if (map && !strncmp(map, "host", 4)) {
			snprintf(host, sizeof(host), "%s", map);
			map = mdc_model_lookup(m, host);
			if (map && !strcmp(map, disk))
				return 1;
		}
	}
	return 0;
}

static int leg_owns_walk(const struct mdc_model *m, const struct mdc_dev *d)
{
	unsigned int i;
	char disk[MDC_NAME], ctrl[MDC_NAME], dmn[MDC_NAME];

	for (i = 0; i < m->nlegs; i++) {
		const struct mdc_leg *l = m->legs[i];

		if (l->boot != d->boot || lower_unknown(l->name))
			continue;
		disk_of(l->name, disk, sizeof(disk), ctrl, sizeof(ctrl));
		dm_of(l->name, dmn, sizeof(dmn));
		if (dev_is(m, d, disk, ctrl, l->name, dmn))
			return 1;
	}
	return 0;
}

/*
 * Does a leg own device di?  A function of the legs' names and boots
 * (never changed once made; legs are only added), the device's and the
 * maps: kept per device until a leg or a map is added or a map changes,
 * as classifying every leg asks it of every device.
 */
static int leg_owns(struct mdc_model *m, unsigned int di)
{
	if (!m->owns) {
		m->owns = calloc(MDC_MAX_DEVS, 1);
		if (!m->owns)
			return leg_owns_walk(m, m->devs[di]);
	}
	if (m->owns_nlegs != m->nlegs || m->owns_gen != m->map_gen) {
		memset(m->owns, 0, MDC_MAX_DEVS);
		m->owns_nlegs = m->nlegs;
		m->owns_gen = m->map_gen;
	}
	if (!m->owns[di])
		m->owns[di] = 1 + leg_owns_walk(m, m->devs[di]);
	return m->owns[di] - 1;
}

static int when_le(const struct mdc_when *a, const struct mdc_when *b,
		   double slack, int lines)
{
	/* a <= b + slack */
	if (a->boot != b->boot)
		return a->boot < b->boot;
	if (a->clock && a->clock == b->clock)
		return a->t <= b->t + slack;
	return (double)a->seq <= (double)b->seq + lines;
}

static int in_window(const struct mdc_when *from, const struct mdc_when *to,
		     const struct mdc_when *x)
{
	if (x->boot != from->boot)
		return 0;
	if (!(x->clock && x->clock == from->clock) && x->file != from->file)
		return 0;
	return when_le(from, x, WIN_BEFORE, 400) &&
	       when_le(x, to, WIN_AFTER, 60);
}

/*
 * Where the upstream fixes of the 5ff3f74e145a regression (v6.18) are,
 * per kernel line: the first patch level that has f7b24c7b41f2
 * ("md/raid1,raid10: don't fail devices for invalid IO errors", md's
 * legs, md) and 14b007e17881 ("block: validate user space vectors during
 * extraction", what keeps a dm-mirror's leg, dm), -1 where none is known;
 * dm_maybe: the first that has dm-io's 47a5e62f3987 ("dm-io: report
 * non-retryable errors separatedly") without 14b007e17881, where only a
 * third-party copy of mainline's dm-raid1.c says that a bio a leg
 * rejects then fails with BLK_STS_INVAL and no leg: no answer there.
 * Lines after the last have them from their first release; lines before
 * the first lack the regression.  f7b24c7b41f2 is d934a2bbed53 in 6.18.33
 * and b5dbe4d1a20c in 7.0.10; 14b007e17881 is in 7.3 and 7.2.4;
 * 47a5e62f3987 is in 7.3, 7.2.4 (15fc1ec72e1f) and 6.18.50 (49694a363f7e).
 */
static const struct fixed_in {
	unsigned char major, minor;
	signed char md, dm, dm_maybe;
} fixed_in[] = {
	{ 6, 18, 33, -1, 50 },
	{ 6, 19, -1, -1, -1 },
	{ 7, 0, 10, -1, -1 },
	{ 7, 1, 0, -1, -1 },
	{ 7, 2, 0, 4, 4 },
};

/* "x.y[.z]..." into *a, *b, *c (0 without z): the bytes read, or -1 */
static int kver_parse(const char *ver, int *a, int *b, int *c)
{
	int n = 0;

	*c = 0;
	if (!ver || sscanf(ver, "%d.%d%n.%d%n", a, b, &n, c, &n) < 2)
		return -1;
	return n;
}

/* line a.b comes before row r's line */
static int line_before(int a, int b, const struct fixed_in *r)
{
	return a < r->major || (a == r->major && b < r->minor);
}

int mdc_kernel_affected(const char *ver, int mirror)
{
	const struct fixed_in *last = &fixed_in[ARRAY_SIZE(fixed_in) - 1];
	int a, b, c, first;
	unsigned int i;

	if (kver_parse(ver, &a, &b, &c) < 0)
		return -1;
	if (line_before(a, b, &fixed_in[0]))
		return 0;
	for (i = 0; i < ARRAY_SIZE(fixed_in); i++) {
		if (fixed_in[i].major != a || fixed_in[i].minor != b)
			continue;
		first = mirror ? fixed_in[i].dm : fixed_in[i].md;
		if (first >= 0 && c >= first)
			return 0;
		if (mirror && fixed_in[i].dm_maybe >= 0 &&
		    c >= fixed_in[i].dm_maybe)
			return -1;
		return 1;
	}
	/* a line the table does not know, before its last: no answer */
	return line_before(a, b, last) ? -1 : 0;
}

/*
 * The kernel boot ran: --kernel, else its "Linux version" line; NULL:
 * unknown.  (The fix line speaks of the last kernel in the log, the one
 * to replace; a fault is judged by the kernel it happened on.)
 */
static const char *kernel_of(const struct mdc_model *m, int boot)
{
	if (m->opts && m->opts->kernel)
		return m->opts->kernel;
	return mdc_boot_kernel(m, boot);
}

/* the fix in row r of fixed_in[] from the first release of its line */
static int fix_from_start(const struct fixed_in *r, int mirror)
{
	return (mirror ? r->dm : r->md) == 0;
}

/*
 * The 5ff3f74e145a regression does not explain a rejection on kernel kv:
 * it predates the regression (a plain version: a vendor's build may
 * carry it), or it has the fix md's legs (mirror 0) or a dm-mirror's
 * need -- but an -rc of the first release with the fix may lack it.  0:
 * it does, or that is not known.
 */
static int kernel_clear(const char *kv, int mirror)
{
	const size_t nrows = ARRAY_SIZE(fixed_in);
	int a, b, c, n = kv ? kver_parse(kv, &a, &b, &c) : -1;
	const char *rest;
	size_t i;

	if (n < 0 || mdc_kernel_affected(kv, mirror) != 0)
		return 0;
	rest = kv + n;
	if (line_before(a, b, &fixed_in[0]))
		return !*rest || !strncmp(rest, "-rc", 3);
	if (strncmp(rest, "-rc", 3) || c)
		return 1;
	/* x.y.0-rcN: only if the line before x.y had the fix from its start */
	for (i = 0; i < nrows; i++)
		if (fixed_in[i].major == a && fixed_in[i].minor == b)
			break;
	if (i == nrows)		/* after the table */
		return fix_from_start(&fixed_in[nrows - 1], mirror);
	return i > 0 && fix_from_start(&fixed_in[i - 1], mirror);
}

/*
 * kv has md's fix f7b24c7b41f2: md no longer counts a read rejected as
 * invalid (BLK_STS_INVAL) against a leg.  Before 6.18 md counted such
 * reads, whatever rejected them below the leg.
 */
static int kernel_has_md_fix(const char *kv)
{
	int a, b, c;

	return kernel_clear(kv, 0) && kver_parse(kv, &a, &b, &c) > 0 &&
	       !line_before(a, b, &fixed_in[0]);
}

static void lv_of(const struct mdc_model *m, const struct mdc_leg *l,
		  char *lv, size_t n)
{
	const char *map;
	char tmp[128], *p;

	lv[0] = 0;
	if (l->lv[0]) {
		snprintf(lv, n, "%s", l->lv);
		return;
	}
	map = mdc_model_lookup(m, l->name);
	if (!map) {
		char dmn[MDC_NAME];

		dm_of(l->name, dmn, sizeof(dmn));
		if (dmn[0])
			map = mdc_model_lookup(m, dmn);
	}
	if (!map)
		return;
	snprintf(tmp, sizeof(tmp), "%s", map);
	p = strstr(tmp, "_rimage_");
	if (!p)
		p = strstr(tmp, "_rmeta_");
	if (!p)
		p = strstr(tmp, "_mimage_");
	if (p)
		*p = 0;
	mdc_dmname_to_lv(tmp, lv, n);
	/* LVM names its devices VG-LV; "e0", "cryptroot" are not LVs */
	if (!strchr(lv, '/'))
		lv[0] = 0;
}

static int cmp_evid(const void *a, const void *b)
{
	const struct mdc_evid *x = *(const struct mdc_evid * const *)a;
	const struct mdc_evid *y = *(const struct mdc_evid * const *)b;

	if (x->file != y->file)
		return x->file - y->file;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void build_evidence(struct mdc_incident *in, const struct acc *a,
			   const struct mdc_evlist *own,
			   const struct mdc_evlist *sw)
{
	const struct mdc_evid *all[MDC_MAX_EVID * 20 + 32];
	unsigned int n = 0, i, j, out = 0;
	uint64_t more = 0;
	struct mdc_evid *ev;

#define ADDL(L) do { \
		for (j = 0; j < (L)->n && n < sizeof(all) / sizeof(all[0]); j++) \
			all[n++] = &(L)->e[j]; \
		more += (L)->more; \
	} while (0)
	if (own)
		ADDL(own);
	for (i = 0; i < a->nlists; i++)
		ADDL(a->lists[i]);
	if (sw)
		ADDL(sw);
	for (i = 0; i < a->nsingle && n < sizeof(all) / sizeof(all[0]); i++)
		all[n++] = a->single[i];
#undef ADDL
	qsort(all, n, sizeof(all[0]), cmp_evid);
	ev = calloc(MAX_INC_EVID, sizeof(*ev));
	if (!ev)
		return;
	for (i = 0; i < n; i++) {
		if (out && all[i]->file == ev[out - 1].file &&
		    all[i]->line == ev[out - 1].line)
			continue;
		if (out >= MAX_INC_EVID) {
			more++;
			continue;
		}
		mdc_evid_copy(&ev[out++], all[i]);
	}
	in->evid = ev;
	in->nevid = out;
	in->more = more;
}

static void cat(char *dst, size_t n, const char *fmt, const char *a)
{
	size_t l = strlen(dst);

	if (l + 1 < n)
		snprintf(dst + l, n - l, fmt, a);
}

/* what a leg's line needs against the 5ff3f74e145a regression (fix_text()) */
static const char regression[] =
	"5ff3f74e145a (\"block: simplify direct io validity check\")";
#define FIX_HEAD	256
#define FIX_TEXT	384
static const char fix_for[2][FIX_TEXT] = {	/* md's legs, a dm-mirror's */
	"f7b24c7b41f2 (\"md/raid1,raid10: don't fail devices for invalid IO errors\"; in 6.18.33+, 7.0.10+ and 7.1+, no 6.19.y release); 14b007e17881 (\"block: validate user space vectors during extraction\"; in 7.2.4+ and 7.3+) also refuses malformed direct-I/O vectors from user space with EINVAL before they reach the array",
	"14b007e17881 (\"block: validate user space vectors during extraction\"; 7.2.4+, 7.3+), which refuses malformed direct-I/O vectors with EINVAL before they reach the mirror.  dm-io's 47a5e62f3987 (6.18.50+) reads as failing such a bio and keeping the leg, a leg whose namespace is gone too (from a copy of mainline's code; the backport not checked)",
};

static_assert(FIX_HEAD + sizeof("install a kernel with ") + FIX_TEXT <=
	      sizeof(((struct mdc_incident *)0)->fix), "a fix text fits");

/*
 * The kernel fix for a rejection that matches the 5ff3f74e145a regression:
 * md's legs need f7b24c7b41f2, a dm-mirror's 14b007e17881.  A version
 * with more than -rcN after it is a vendor's build, which may carry
 * backports its version does not show.
 */
static void fix_text(const struct mdc_model *m, struct mdc_incident *in)
{
	const char *kv = m->kernel[0] ? m->kernel : NULL;
	int mirror = in->array && !strcmp(in->array, "dm-mirror");
	int aff, a, b, c;
	const char *rest;
	char head[FIX_HEAD];

	if (m->opts && m->opts->kernel)
		kv = m->opts->kernel;
	aff = mdc_kernel_affected(kv, mirror);
	if (aff == 0)
		return;
	if (aff > 0) {
		rest = kv + kver_parse(kv, &a, &b, &c);
		snprintf(head, sizeof(head),
			 "kernel %.64s is affected by %s and lacks %s%s: ", kv,
			 regression,
			 mirror ? "14b007e17881, the fix dm-mirror needs" :
			 "md's fix",
			 *rest && strncmp(rest, "-rc", 3) ?
			 " (by its version; a vendor kernel may carry backports)" :
			 "");
	} else {
		snprintf(head, sizeof(head),
			 "if the kernel is %s (5ff3f74e145a regression): ",
			 mirror ? "6.18 to 7.2.3" :
			 "6.18.0-6.18.32, 6.19.x or 7.0.0-7.0.9");
	}
	snprintf(in->fix, sizeof(in->fix), "%sinstall a kernel with %s", head,
		 fix_for[mirror]);
}

/* the log never named the array: say so in the command */
static void unnamed_array(struct mdc_incident *in, const char *arr)
{
	char *p = strstr(in->action, "/dev/md?");
	int n = 0;

	if (strcmp(arr, "md?"))
		return;
	while (p) {
		p[7] = 'N';
		p = strstr(p, "/dev/md?");
		n++;
	}
	if (n)
		cat(in->action, sizeof(in->action), "%s",
		    "   (the array name is not in the log: see /proc/mdstat)");
}

/* how bad array ai is: one of these */
enum trouble { TR_NONE, TR_NO_REDUNDANCY, TR_MAYBE_FAILED, TR_FAILED };

static enum trouble array_trouble(const struct mdc_model *m, int ai)
{
	const char *state;
	char why[240];
	int maybe;

	if (ai < 0 || (unsigned int)ai >= m->narrays ||
	    !array_state(m, ai, &state, why, sizeof(why), &maybe))
		return TR_NONE;
	if (!strcmp(state, "FAILED"))
		return TR_FAILED;
	return maybe ? TR_MAYBE_FAILED : TR_NO_REDUNDANCY;
}

/* the length of the VG of "VG/LV" */
static int vglen(const char *lvref)
{
	const char *slash = strchr(lvref, '/');

	return slash ? (int)(slash - lvref) : (int)strlen(lvref);
}

/* "VG/LV" in the action: the LV where the log names it */
static void lv_in_action(struct mdc_incident *in)
{
	char t[sizeof(in->action)];
	char *p = in->action;
	size_t at;

	if (!in->lv[0])
		return;
	while ((p = strstr(p, "VG/LV"))) {
		at = p - in->action;
		snprintf(t, sizeof(t), "%.*s%s%s", (int)at, in->action,
			 in->lv, p + 5);
		snprintf(in->action, sizeof(in->action), "%s", t);
		at += strlen(in->lv);
		if (at >= strlen(in->action))
			break;
		p = in->action + at;
	}
}

/*
 * The first other leg of the same boot's dm-mirrors that dmeventd took
 * out, or NULL; *more: how many more.  The kernel names a mirror's legs
 * by MAJ:MIN, not by LV, so it may be a leg of another mirror (skipped
 * when both LVs are known and differ); if it was this one's partner,
 * what is left of the LV is l.
 */
static const struct mdc_leg *mirror_leg_out(const struct mdc_model *m,
					    const struct mdc_leg *l,
					    unsigned int *more)
{
	const struct mdc_leg *first = NULL;
	unsigned int k;

	*more = 0;
	for (k = 0; k < m->nlegs; k++) {
		const struct mdc_leg *o = m->legs[k];

		if (o == l || o->array != l->array || o->boot != l->boot ||
		    !o->faulted || o->closed ||
		    (o->lv[0] && l->lv[0] && strcmp(o->lv, l->lv)))
			continue;
		if (first)
			(*more)++;
		else
			first = o;
	}
	return first;
}

/* dm's name of VG/LV: each '-' doubled, then VG-LV */
static void dm_name(char *dst, size_t n, const char *lvref)
{
	size_t o = 0;

	for (; *lvref && o + 3 < n; lvref++) {
		if (*lvref == '-')
			dst[o++] = '-';
		dst[o++] = *lvref == '/' ? '-' : *lvref;
	}
	dst[o] = 0;
}

/*
 * A dm-mirror's failed log.  dmeventd's lvconvert --repair --use-policies
 * gives it a new log (mirror_log_fault_policy "allocate", the default),
 * on any PV of the VG, or a core log when it finds no room (or with
 * "remove"), and says "finished successfully" either way; a core log
 * makes the mirror resync in full at each activation.  lvconvert's
 * --mirrorlog refuses to run while a PV is missing; --repair does not.
 * lvs with VG/LV shows no sub-LV, so the check is lvs -a of the VG.
 */
static void log_action(struct mdc_incident *in, const struct mdc_leg *l,
		       const char *lvref)
{
	const char *slash = strchr(lvref, '/');
	const char *lv = slash ? slash + 1 : "LV";
	int vl = vglen(lvref);
	char dm[160];

	dm_name(dm, sizeof(dm), lvref);
	if (l->repaired > 0) {
		snprintf(in->action, sizeof(in->action),
			 "dmeventd's repair gave the mirror a new log, or a core log where it found no room: lvs -a -o name,attr,devices %.*s lists %s_mlog and its PV; with no %s_mlog the log is in memory and the mirror resyncs in full at each activation: pvs -o+pv_missing, a missing PV comes back with vgextend --restoremissing %.*s PV or goes with vgreduce --removemissing %.*s (not --force), then lvconvert --mirrorlog disk %s PV%s",
			 vl, lvref, lv, lv, vl, lvref, vl, lvref, lvref,
			 in->cls == CL_TRANSPORT ?
			 " (the old PV once the path of its disk is stable, or another)" :
			 in->cls == CL_MEDIA ?
			 ".  The repair takes any PV: if the new log is on the disk with media errors again, lvconvert --mirrorlog core, then --mirrorlog disk with a new PV" :
			 "");
		return;
	}
	snprintf(in->action, sizeof(in->action),
		 "%s: %sdmsetup status %s shows the log's health (A: alive; D or F: failed, and while dmeventd monitors the mirror, writes to its in-sync regions wait for a reload: hung-task reports may follow); lvs -a -o name,attr,devices %.*s shows %s_mlog and its PV.  If the log is still failed: lvconvert --repair %s (y to \"Attempt to replace failed mirror log?\" for a new log, n for a core log), before any reboot: with its PV missing the LV does not activate",
		 l->repaired < 0 ?
		 "dmeventd's repair of the mirror log failed" :
		 !l->log_dmeventd ?
		 "only the kernel shows the failed log (no dmeventd line: the mirror not monitored, or its lines not kept)" :
		 !l->lv[0] ?
		 "no outcome of dmeventd's repair is tied to this log (no line names its LV)" :
		 "the log shows no outcome of dmeventd's repair of the mirror log",
		 in->cls == CL_TRANSPORT ?
		 "check the path of the log's disk first; " : "",
		 dm, vl, lvref, lv, lvref);
}

/*
 * The run line of leg l's incident; zlen: its request evidence is of
 * zero-length requests (phys_seg 0, 0 blocks)
 */
static void action_text(const struct mdc_model *m, struct mdc_incident *in,
			const struct mdc_leg *l, const char *disk, int zlen)
{
	const char *arr = in->array ? in->array : "";
	/* a dm-mirror's kernel the 5ff3f74e145a regression does not explain */
	int clear = kernel_clear(kernel_of(m, l->boot), 1);
	int lvm = !strcmp(arr, "mdX") || !strcmp(arr, "dm-mirror");
	char lvref[128], smart[160];
	enum trouble tr;
	/* a device named MAJ:MIN is /dev/block/MAJ:MIN (udev's link) */
	const char *dd = strchr(disk, ':') ? "/dev/block/" : "/dev/";
	const char *hint = !strncmp(disk, "nvme", 4) ?
		"in its SMART / Health Information, rising Media and Data Integrity Errors mean the disk; resets and timeouts with none mean the path (slot, PCIe link, power)" :
		"a rising UDMA_CRC_Error_Count (199) or Command_Timeout (188) means cable/backplane, reallocated or pending sectors mean the disk";

	if (in->lv[0])
		snprintf(lvref, sizeof(lvref), "%s", in->lv);
	else
		snprintf(lvref, sizeof(lvref), "VG/LV");
	/* SMART is on the disk, not on a dm device stacked on it */
	if (!strncmp(disk, "dm-", 3) || dd[5])
		snprintf(smart, sizeof(smart),
			 "smartctl -x on the disk under %s (lsblk -s %s%s)",
			 disk, dd, disk);
	else
		snprintf(smart, sizeof(smart), "smartctl -x /dev/%s", disk);
	if (l->log) {
		log_action(in, l, lvref);
		lv_in_action(in);
		return;
	}
	if (!strcmp(arr, "dm-mirror") && l->faulted && l->repaired > 0 &&
	    in->cls != CL_SOFTWARE && in->cls != CL_ADMIN &&
	    in->cls != CL_BENIGN) {
		/*
		 * dmeventd's lvconvert --repair --use-policies took the leg
		 * out (remove, the default: a two-leg mirror is linear now;
		 * allocate: a new leg, or remove when it finds no space)
		 */
		char vg[96];
		const char *slash = strchr(lvref, '/');

		if (slash)
			snprintf(vg, sizeof(vg), "%.*s", (int)(slash - lvref),
				 lvref);
		else
			snprintf(vg, sizeof(vg), "VG");
		snprintf(in->action, sizeof(in->action),
			 "dmeventd's repair took the leg out: lvs -a -o name,segtype,copy_percent,devices %s shows a leg fewer (linear, or a mirror; a new leg syncing if its policy is allocate: wait).  To add one: pvs -o+pv_missing; a missing PV comes back with vgextend --restoremissing %s PV once its disk is back, or goes with vgreduce --removemissing %s (not --force, and only if lvs -a -o+devices shows nothing else on it); then lvconvert -m+1 %s PV (%s; raid1 by default: a free extent on each PV, or --type mirror --mirrorlog core) and wait for Cpy%%Sync 100.00",
			 lvref, vg, vg, lvref,
			 in->cls == CL_TRANSPORT ?
			 "its PV once the path of its disk is stable, or a new one" :
			 in->cls == CL_REQUEST && clear && zlen ?
			 "its PV or another: the disk is fine, but this kernel is not one the 5ff3f74e145a regression affects: report the zero-length requests to dm-devel@lists.linux.dev with the evidence lines and uname -r, as a new leg gets them too" :
			 in->cls == CL_REQUEST && clear ?
			 "its PV once you know why its device refused the commands (NVMe: nvme error-log), or a new one" :
			 in->cls == CL_REQUEST ?
			 "once the kernel has the fix: until then any leg rejects them" :
			 in->cls == CL_MEDIA ?
			 "a new PV: the old disk has media errors" :
			 "a new PV, or the old one once smartctl -x and the log around the evidence clear its disk");
		return;
	}
	if (!strcmp(arr, "dm-mirror") && l->faulted &&
	    (in->cls == CL_REQUEST || in->cls == CL_TRANSPORT)) {
		/* the outcome of dmeventd's repair: failed, or not in the log */
		snprintf(in->action, sizeof(in->action),
			 "%s: %slvs -a -o+devices %s, and if the leg is still listed, lvconvert --repair %s   (lvchange --refresh does not bring it back)",
			 l->repaired < 0 ?
			 "dmeventd's repair failed, and the leg is probably still in the mirror" :
			 "the log shows no outcome of dmeventd's repair",
			 in->cls == CL_TRANSPORT ?
			 "check the path of the leg's disk first; then " : "",
			 lvref, lvref);
		return;
	}
	tr = array_trouble(m, l->array);
	if (!strcmp(arr, "dm-mirror") && !l->faulted && l->mirror_fail &&
	    in->cls != CL_SOFTWARE && in->cls != CL_ADMIN &&
	    in->cls != CL_BENIGN) {
		/* a read or resync failure: the leg is in the mirror still */
		unsigned int more;
		const struct mdc_leg *o = mirror_leg_out(m, l, &more);
		char of[112] = "";

		if (o && o->lv[0])
			snprintf(of, sizeof(of), " (of %s)", o->lv);
		if (tr == TR_NONE && o)
			snprintf(in->action, sizeof(in->action),
				 "dmeventd took leg %s%s out%s; if it was this mirror's other leg, this leg may be the only copy.  lvs -a -o name,segtype,copy_percent,devices VG/LV: linear (dmeventd's default, remove) means it is: %s, then lvconvert -m+1 VG/LV NEW_PV (raid1 by default; not --alloc anywhere) and refresh or remove nothing before Cpy%%Sync is 100.00; a mirror below 100%% is syncing a new leg: wait; one at 100%% lost another LV's leg",
				 o->name, of, more ? " (and more legs)" : "",
				 in->cls == CL_REQUEST ?
				 "nothing to repair on its disk" :
				 in->cls == CL_TRANSPORT ?
				 "make the path of its disk stable first" :
				 "back up what VG/LV gives now first (the new leg's sync reads every region from this one), check its disk (smartctl -x)");
		else if (tr != TR_NONE)
			snprintf(in->action, sizeof(in->action),
				 "the leg stays in the mirror, but no leg in sync can serve %s (the ARRAY line above): back up what VG/LV still gives now, check the disks under every leg (smartctl -x), and remove no leg until then",
				 tr == TR_FAILED ? "its reads" : "every region");
		else
			snprintf(in->action, sizeof(in->action),
				 "the leg stays in the mirror (a read failure: dmeventd logs it and repairs nothing), and dm-mirror reads the other leg until the LV is reloaded; %s",
				 in->cls == CL_MEDIA ?
				 "check the disk under it (smartctl -x) and plan to move its PV: pvmove OLD_PV NEW_PV, or lvconvert -m+1 VG/LV NEW_PV then lvconvert -m-1 VG/LV OLD_PV" :
				 in->cls == CL_REQUEST && clear && zlen ?
				 "nothing to repair on the disk, but this kernel is not one the 5ff3f74e145a regression affects: report the zero-length requests to dm-devel@lists.linux.dev with the evidence lines and uname -r; lvchange --refresh VG/LV would put the leg back in front of them" :
				 in->cls == CL_REQUEST && clear ?
				 "this kernel is not one the 5ff3f74e145a regression affects: find why the device refused the commands (NVMe: nvme error-log, nvme id-ns of its namespace) before lvchange --refresh VG/LV reads the leg again" :
				 in->cls == CL_REQUEST ?
				 "nothing to repair on the disk: once the kernel has the fix, lvchange --refresh VG/LV reads it again" :
				 in->cls == CL_TRANSPORT ?
				 "check the path of the disk under it; once stable, lvchange --refresh VG/LV reads it again" :
				 "lvs -a -o name,devices,lv_health_status VG/LV shows its state");
		lv_in_action(in);
		return;
	}
	if (l->faulted && in->level &&
	    (!strcmp(in->level, "raid0") || !strcmp(in->level, "linear")) &&
	    (in->cls == CL_MEDIA || in->cls == CL_TRANSPORT ||
	     in->cls == CL_UNKNOWN)) {
		/* no redundancy: md failed the whole array (MD_BROKEN) */
		if (in->cls == CL_MEDIA)
			snprintf(in->action, sizeof(in->action),
				 "%s has no redundancy: the array failed with %s; copy what is readable of %s to a new disk (ddrescue), then mdadm --stop /dev/%s and mdadm --assemble /dev/%s with the copy, or restore from backup; check first: %s",
				 in->level, l->name, l->name, arr, arr, smart);
		else
			snprintf(in->action, sizeof(in->action),
				 "%s has no redundancy: the array failed with %s; %s it (%s), then mdadm --stop /dev/%s && mdadm --assemble /dev/%s (a member that comes back has its data)",
				 in->level, l->name,
				 in->cls == CL_TRANSPORT ? "fix the path of" : "find out what happened to",
				 smart, arr, arr);
		unnamed_array(in, arr);
		return;
	}
	if (!lvm && (tr == TR_FAILED || tr == TR_MAYBE_FAILED) &&
	    (in->cls == CL_MEDIA || in->cls == CL_TRANSPORT ||
	     in->cls == CL_REQUEST || in->cls == CL_UNKNOWN)) {
		if (tr == TR_MAYBE_FAILED)
			snprintf(in->action, sizeof(in->action),
				 "the array %s may have failed (two or more members out): check mdadm --detail /dev/%s first.  If it does not run: do not --add, --re-add, --remove, --replace or swap any member; copy each member with read errors to a new disk (ddrescue), then mdadm --stop /dev/%s and mdadm --assemble --force /dev/%s with all its members, the copies in place of the disks they copy.  If it runs: back up now, then bring the members back one at a time",
				 arr, arr, arr, arr);
		else
			snprintf(in->action, sizeof(in->action),
				 "the array %s has failed: do not --add, --re-add, --remove, --replace or swap any member; %scopy each member with read errors to a new disk (ddrescue), then mdadm --stop /dev/%s and mdadm --assemble --force /dev/%s with all its members, the copies in place of the disks they copy; mdadm --examine of each member shows which are fresh%s%s",
				 arr,
				 in->cls == CL_TRANSPORT ? "fix the path first, " : "",
				 arr, arr, in->cls == CL_MEDIA ? "; check: " : "",
				 in->cls == CL_MEDIA ? smart : "");
		unnamed_array(in, arr);
		return;
	}
	if (!lvm && tr == TR_NO_REDUNDANCY && !l->faulted &&
	    in->cls == CL_MEDIA) {
		/* a rebuild onto a new disk reads every sector of this one */
		snprintf(in->action, sizeof(in->action),
			 "the array %s has no redundancy left and %s has read errors: back up the data now; before any --add (a rebuild reads every sector of %s), copy it to a new disk with ddrescue and assemble with the copy in its place; check: %s",
			 arr, l->name, l->name, smart);
		unnamed_array(in, arr);
		return;
	}
	switch (in->cls) {
	case CL_REQUEST:
		if (!l->faulted)
			snprintf(in->action, sizeof(in->action),
				 "none needed: the leg was not failed");
		else if (lvm)
			snprintf(in->action, sizeof(in->action),
				 "lvchange --refresh %s%s", lvref,
				 in->lv[0] ? "" : "   (LV not named in the log: find it with 'lvs -a -o name,devices' or pass --dmsetup-ls)");
		else
			snprintf(in->action, sizeof(in->action),
				 "mdadm /dev/%s --remove /dev/%s && mdadm /dev/%s --re-add /dev/%s   (a member still listed as faulty must be removed first; after a re-plug the name may differ: check lsblk and mdadm --examine)",
				 arr, l->name, arr, l->name);
		break;
	case CL_MEDIA:
		if (!l->faulted && lvm)
			snprintf(in->action, sizeof(in->action),
				 "not failed yet: check %s and plan to replace its PV (%s)",
				 smart, !strcmp(arr, "dm-mirror") ?
				 "pvmove OLD_PV NEW_PV" :
				 "lvconvert --replace OLD_PV VG/LV NEW_PV");
		else if (!l->faulted)
			snprintf(in->action, sizeof(in->action),
				 "not failed yet: check %s and plan to replace it (mdadm /dev/%s --add /dev/NEW, then mdadm /dev/%s --replace /dev/%s --with /dev/NEW)",
				 smart, arr, arr, l->name);
		else if (lvm)
			snprintf(in->action, sizeof(in->action),
				 "replace the PV under %s: lvconvert --repair %s (or %s); check: %s",
				 l->name, lvref, !strcmp(arr, "dm-mirror") ?
				 "pvmove OLD_PV NEW_PV" :
				 "lvconvert --replace OLD_PV VG/LV NEW_PV", smart);
		else
			snprintf(in->action, sizeof(in->action),
				 "replace %s: mdadm /dev/%s --remove /dev/%s, swap the disk, partition the new one like the other members, then mdadm /dev/%s --add /dev/NEW (--replace --with is only for a member still in service); check first: %s",
				 disk, arr, l->name, arr, smart);
		break;
	case CL_TRANSPORT:
		if (lvm)
			snprintf(in->action, sizeof(in->action),
				 "check the path (cable, enclosure, HBA, controller, multipath) of %s; once stable: lvchange --refresh %s",
				 l->name, lvref);
		else if (!l->faulted)
			snprintf(in->action, sizeof(in->action),
				 "check the path (cable, backplane, HBA, controller) of %s: %s -- %s",
				 disk, smart, hint);
		else
			snprintf(in->action, sizeof(in->action),
				 "check the path (cable, backplane, HBA, controller) of %s: %s -- %s; once stable: mdadm /dev/%s --remove /dev/%s && mdadm /dev/%s --re-add /dev/%s   (a member whose device node is gone: --remove detached)",
				 disk, smart, hint, arr, l->name, arr, l->name);
		break;
	case CL_SOFTWARE:
		snprintf(in->action, sizeof(in->action),
			 "report a kernel bug with the trace lines (linux-raid@vger.kernel.org for md, dm-devel@lists.linux.dev for dm); decode with scripts/decode_stacktrace.sh");
		break;
	case CL_ADMIN:
	case CL_BENIGN:
		snprintf(in->action, sizeof(in->action), "none");
		break;
	default:
		if (lower_unknown(l->name))
			snprintf(in->action, sizeof(in->action),
				 "investigate: find the devices under %s (lsblk -s %s%s, dmsetup deps, lvs -a -o+devices), check them with smartctl -x, and read the log around the evidence lines",
				 l->name, strchr(l->name, ':') ? "/dev/block/" : "/dev/",
				 l->name[0] == '#' ? "dm-N" : l->name);
		else
			snprintf(in->action, sizeof(in->action),
				 "investigate: %s; mdadm --examine /dev/%s; read the log around the evidence lines",
				 smart, l->name);
		break;
	}
	lv_in_action(in);
	unnamed_array(in, arr);
}

static void sigsum(char *dst, size_t n, const struct acc *a, int s)
{
	char tmp[200];

	if (!a->cnt[s])
		return;
	snprintf(tmp, sizeof(tmp), "%s%s%s (%lu line%s)",
		 a->who[s] ? a->who[s] : "", a->who[s] ? ": " : "",
		 a->why[s] ? a->why[s] : "?", a->cnt[s],
		 a->cnt[s] == 1 ? "" : "s");
	cat(dst, n, "%s; ", tmp);
}

int mdc_classify_leg(struct mdc_model *m, unsigned int idx,
		     struct mdc_incident *in)
{
	const struct mdc_leg *l = m->legs[idx];
	const struct mdc_array *arr = m->arrays[l->array];
	struct acc a;
	char disk[MDC_NAME], ctrl[MDC_NAME], dmn[MDC_NAME], tmp[320];
	const struct mdc_when *to = l->faulted ? &l->fault_at : &l->last;
	const struct mdc_evlist *swev = NULL;
	struct window win;
	unsigned int i;
	int best = SIG_NONE, bs = 0, absence = 0, pat618 = 0, sw = -1;
	int corrected_again = 0;

	memset(&a, 0, sizeof(a));
	memset(in, 0, sizeof(*in));
	win.from = &l->first;
	win.to = to;
	in->legp = l;
	in->array = arr->name;
	in->level = arr->level;
	in->leg = l->name;
	in->boot = l->boot;
	in->faulted = l->faulted;
	in->mirror_log = l->log;
	disk_of(l->name, disk, sizeof(disk), ctrl, sizeof(ctrl));
	dm_of(l->name, dmn, sizeof(dmn));
	if (!lower_unknown(l->name))
		in->device = NULL;

	for (i = 0; i < m->ndevs; i++) {
		const struct mdc_dev *d = m->devs[i];

		if (d->boot != l->boot)
			continue;
		if (dev_is(m, d, disk, ctrl, l->name, dmn)) {
			acc_dev_win(&a, d, &win);
			a.named_devs++;
		} else if (lower_unknown(l->name) && !leg_owns(m, i) &&
			   (in_window(&l->first, to, &d->last) ||
			    in_window(&l->first, to, &d->first))) {
			acc_dev(&a, d);
			a.tied_by_time = 1;
		}
	}
	for (i = 0; i < m->ngsig && i < MDC_MAX_GSIG; i++) {
		const struct mdc_gsig *g = &m->gsig[i];

		if (!in_window(&l->first, to, &g->at))
			continue;
		a.cnt[g->sig]++;
		if (g->strength > a.str[g->sig]) {
			a.str[g->sig] = g->strength;
			a.why[g->sig] = g->why;
			a.who[g->sig] = NULL;
		}
		if (a.nsingle < 16)
			a.single[a.nsingle++] = &g->ev;
		if (g->sig == SIG_REQUEST || g->sig == SIG_MEDIA)
			a.tied_by_time = 1;
	}
	for (i = 0; i < m->nsw; i++) {
		const struct mdc_sw *s = m->sw[i];

		if (s->storage && in_window(&l->first, to, &s->at))
			sw = i;
		else if (s->storage && s->boot == l->boot &&
			 !strcmp(s->array, arr->name))
			sw = i;
	}
	if (l->admin)
		a.str[SIG_ADMIN] = 3;

	/* generic I/O errors with no stated cause: weak media on reads */
	if (a.cnt[SIG_IOERR] && !a.str[SIG_MEDIA])
		a.str[SIG_MEDIA] = 0;
	best = pick(a.str, &bs);
	if (a.str[SIG_ADMIN]) {
		in->cls = CL_ADMIN;
		in->confidence = "high";
	} else if (bs >= 2) {
		in->cls = best == SIG_MEDIA ? CL_MEDIA :
			  best == SIG_REQUEST ? CL_REQUEST : CL_TRANSPORT;
		in->confidence = bs >= 3 && !a.tied_by_time ? "high" : "medium";
	} else if (l->corrected && !a.cnt[SIG_IOERR] && !a.cnt[SIG_MEDIA] &&
		   !a.cnt[SIG_TRANSPORT] && !a.cnt[SIG_REQUEST] &&
		   (l->corrected >= 3 || l->thr_cur > l->thr_max)) {
		/* md rewrote the data and it failed again, repeatedly */
		in->cls = CL_MEDIA;
		in->confidence = "low";
		corrected_again = 1;
	} else if (l->faulted && !a.cnt[SIG_IOERR] && !a.cnt[SIG_MEDIA] &&
		   !a.cnt[SIG_TRANSPORT] && !a.cnt[SIG_REQUEST] &&
		   !l->kicked && !l->superwrite && !l->corrected &&
		   ((l->thr_cur >= 0 && l->thr_cur > l->thr_max) ||
		    (l->resched >= 3 && l->same_sector))) {
		/*
		 * read errors past the threshold with no device error: reads
		 * rejected above the device (malformed direct I/O under the
		 * 5ff3f74e145a regression, or a target under the leg that
		 * rejects them without a word), which md counted until its
		 * fix f7b24c7b41f2; with it a rejected read fails no leg, and
		 * the log does not say what failed these
		 */
		if (kernel_has_md_fix(kernel_of(m, l->boot))) {
			in->cls = CL_UNKNOWN;
			in->confidence = "low";
		} else {
			in->cls = CL_REQUEST;
			in->confidence = "medium";
		}
		absence = 1;
	} else if (bs == 1) {
		in->cls = best == SIG_MEDIA ? CL_MEDIA :
			  best == SIG_REQUEST ? CL_REQUEST : CL_TRANSPORT;
		in->confidence = "low";
	} else if (a.cnt[SIG_IOERR] && !a.cnt[SIG_TRANSPORT] &&
		   (l->resched || l->notcorr || l->corrected) &&
		   a.named_devs && !lower_unknown(l->name)) {
		/* read errors at sectors of a named disk, nothing else */
		in->cls = CL_MEDIA;
		in->confidence = "low";
		best = SIG_IOERR;
	} else if (sw >= 0 || a.str[SIG_PROTECTION]) {
		in->cls = CL_SOFTWARE;
		in->confidence = "low";
	} else if (l->faulted || l->resched || l->notcorr || l->unrecov ||
		   l->mirror_fail || a.cnt[SIG_IOERR]) {
		in->cls = CL_UNKNOWN;
		in->confidence = "low";
	} else {
		in->cls = CL_BENIGN;
		in->confidence = "medium";
	}
	if (sw >= 0) {
		swev = &m->sw[sw]->ev;
		in->swp = m->sw[sw];
	}

	lv_of(m, l, in->lv, sizeof(in->lv));

	/* why */
	in->why[0] = 0;
	if (l->faulted) {
		if (!strcmp(arr->name, "dm-mirror"))
			snprintf(tmp, sizeof(tmp), "dm-mirror failed leg %s",
				 l->name);
		else
			snprintf(tmp, sizeof(tmp), "%s %s %s %s",
				 arr->level[0] ? arr->level : "array", arr->name,
				 l->kicked && !l->fault ? "left out" : "failed",
				 l->name);
		cat(in->why, sizeof(in->why), "%s", tmp);
		if (l->thr_cur >= 0) {
			snprintf(tmp, sizeof(tmp),
				 " after %ld read errors (threshold %ld)",
				 l->thr_cur, l->thr_max);
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
		if (l->kicked) {
			snprintf(tmp, sizeof(tmp),
				 " (kicked as non-fresh at %lu assembl%s)",
				 l->kicked, l->kicked == 1 ? "y" : "ies");
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
		if (l->superwrite)
			cat(in->why, sizeof(in->why), "%s",
			    " after a failed superblock write");
		cat(in->why, sizeof(in->why), "%s", "; ");
	} else if (l->log) {
		unsigned int more;

		if (l->log_header) {
			snprintf(tmp, sizeof(tmp),
				 "the kernel could not read or write the header of the mirror's log device %s at activation: every region counts as out of sync, and the mirror resyncs in full; ",
				 l->name);
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
		if (l->log_dmeventd) {
			snprintf(tmp, sizeof(tmp),
				 "dmeventd: the mirror's log device %s failed%s; ",
				 l->name, mirror_leg_out(m, l, &more) ?
				 " (a leg was taken out in this boot too: its own entry)" :
				 " (no leg is out: the legs keep the data, and with dmeventd monitoring, dm-mirror holds writes to in-sync regions until the log is repaired)");
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
	} else if (!strcmp(arr->name, "dm-mirror") && l->mirror_fail) {
		snprintf(tmp, sizeof(tmp),
			 "dm-mirror read failure on leg %s, which stays in the mirror (no write or flush failure in the log); ",
			 l->name);
		cat(in->why, sizeof(in->why), "%s", tmp);
	} else {
		snprintf(tmp, sizeof(tmp), "%s %s: %s not failed; ",
			 arr->level[0] ? arr->level : "array", arr->name,
			 l->name);
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	if (l->resched) {
		snprintf(tmp, sizeof(tmp),
			 "%lu read retr%s%s, %lu redirected to another mirror; ",
			 l->resched, l->resched == 1 ? "y" : "ies",
			 l->same_sector ? " of the same sector" : "",
			 l->redirect);
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	if (l->suppressed) {
		snprintf(tmp, sizeof(tmp),
			 "the kernel suppressed %lu more such messages; ",
			 l->suppressed);
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	if (l->notcorr) {
		snprintf(tmp, sizeof(tmp), "%lu uncorrectable read%s; ",
			 l->notcorr, l->notcorr == 1 ? "" : "s");
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	if (corrected_again) {
		snprintf(tmp, sizeof(tmp),
			 "md rewrote the data %lu times (read error corrected) and the reads failed again, with no device error logged: sectors that do not keep data, a media defect (or a target that injects errors); ",
			 l->corrected);
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	if (absence && in->cls == CL_UNKNOWN) {
		cat(in->why, sizeof(in->why),
		    "no block-layer, SCSI, ATA or NVMe error for the leg anywhere in the log, but kernel %.64s has md's fix f7b24c7b41f2, under which a read rejected as invalid (BLK_STS_INVAL) no longer counts against a leg: ",
		    kernel_of(m, l->boot));
		cat(in->why, sizeof(in->why), "%s",
		    "a rejected request does not explain the fault (a dm error target over a missing PV, a disk already gone, or device lines lost to rate limiting would); ");
	} else if (absence) {
		cat(in->why, sizeof(in->why), "%s",
		    "no block-layer, SCSI, ATA or NVMe error for the leg anywhere in the log, so the reads were rejected above the device (a malformed or misaligned request), not failed by it; ");
		pat618 = 1;
	}
	if (in->cls == CL_ADMIN)
		cat(in->why, sizeof(in->why), "%s",
		    "an operator failed or removed the device; ");
	sigsum(in->why, sizeof(in->why), &a, SIG_MEDIA);
	sigsum(in->why, sizeof(in->why), &a, SIG_REQUEST);
	sigsum(in->why, sizeof(in->why), &a, SIG_TRANSPORT);
	sigsum(in->why, sizeof(in->why), &a, SIG_PROTECTION);
	sigsum(in->why, sizeof(in->why), &a, SIG_IOERR);
	{
		unsigned long out = 0;
		int s;

		for (s = SIG_MEDIA; s < SIG_NR; s++)
			if (s != SIG_BENIGN)
				out += a.outside[s];
		if (out) {
			snprintf(tmp, sizeof(tmp),
				 "%lu earlier line%s of the leg's disk outside the fault window not counted%s; ",
				 out, out == 1 ? "" : "s",
				 a.outside[SIG_REQUEST] ? " (a command refused then is no evidence about the failing I/O)" : "");
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
	}
	if (a.str[SIG_REQUEST] && a.str[SIG_REQUEST] < mdc_request_shape() &&
	    in->cls != CL_REQUEST)
		cat(in->why, sizeof(in->why), "%s",
		    "a refused command is evidence, not the cause: a request is to blame only with the malformed shape (phys_seg 0, 0 blocks, misaligned) or when every leg refuses it; ");
	if (in->cls == CL_MEDIA && a.cnt[SIG_TRANSPORT])
		cat(in->why, sizeof(in->why), "%s",
		    "media errors explain the resets; ");
	if (a.tied_by_time)
		cat(in->why, sizeof(in->why), "%s",
		    "device or dm lines tied to the leg by time, not by name; ");
	if (in->swp) {
		cat(in->why, sizeof(in->why), "kernel bug in the same incident: %s; ",
		    in->swp->title);
	}
	if (in->cls == CL_UNKNOWN && l->kicked && !l->fault)
		cat(in->why, sizeof(in->why), "%s",
		    "a non-fresh member missed writes while it was out of the array: the cause is where it first dropped out (an earlier boot or log); ");
	else if (in->cls == CL_UNKNOWN)
		cat(in->why, sizeof(in->why), "%s",
		    "the log does not show why; ");
	if (a.str[SIG_REQUEST] >= 2 && a.why[SIG_REQUEST] &&
	    (strstr(a.why[SIG_REQUEST], "INVAL") ||
	     strstr(a.why[SIG_REQUEST], "0 blocks") ||
	     strstr(a.why[SIG_REQUEST], "phys_seg 0") ||
	     strstr(a.why[SIG_REQUEST], "READ/WRITE") ||
	     strstr(a.why[SIG_REQUEST], "Invalid Field")))
		pat618 = 1;
	if (in->cls == CL_UNKNOWN) {
		/* devices with trouble shortly before, not tied by name */
		for (i = 0; i < m->ndevs; i++) {
			const struct mdc_dev *d = m->devs[i];
			double dt;

			if (d->boot != l->boot || dev_is(m, d, disk, ctrl, l->name, dmn) ||
			    leg_owns(m, i) || !(d->cnt[SIG_TRANSPORT] || d->cnt[SIG_MEDIA]) ||
			    !d->last.clock || d->last.clock != to->clock)
				continue;
			dt = to->t - d->last.t;
			if (dt < 0 || dt > 1800)
				continue;
			snprintf(tmp, sizeof(tmp),
				 "nearby but not tied by name: %s had %s %.0f min before; ",
				 d->name, d->cnt[SIG_MEDIA] ? "media errors" : "link/path errors",
				 dt / 60);
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
	}
	if (!strcmp(arr->name, "mdX") && !in->lv[0])
		cat(in->why, sizeof(in->why), "%s",
		    "LVM raid (mdX): the log does not say which LV this leg belongs to; ");
	else if (in->lv[0] && l->lv_how[0]) {
		snprintf(tmp, sizeof(tmp), "LV %s (from %s); ", in->lv, l->lv_how);
		cat(in->why, sizeof(in->why), "%s", tmp);
	}
	{
		size_t wl = strlen(in->why);

		if (wl >= 2)
			in->why[wl - 2] = 0;
	}
	action_text(m, in, l, disk, a.zero_len);
	if (in->cls == CL_REQUEST && pat618)
		fix_text(m, in);
	build_evidence(in, &a, &l->ev, swev);
	return 0;
}

static const char *dev_disk(const struct mdc_model *m, const char *name,
			    char *buf, size_t n)
{
	char host[32];
	const char *map;

	if (!strncmp(name, "ata", 3)) {
		map = mdc_model_lookup(m, name);
		if (!map || strncmp(map, "host", 4))
			return NULL;
		snprintf(host, sizeof(host), "%s", map);
		map = mdc_model_lookup(m, host);
		if (map && strcmp(map, "?")) {
			snprintf(buf, n, "%s", map);
			return buf;
		}
		return NULL;
	}
	map = mdc_model_lookup(m, name);
	if (map && strchr(name, ':') && strcmp(map, "?")) {
		snprintf(buf, n, "%s", map);
		return buf;
	}
	if (strchr(name, ':'))
		return NULL;
	return name;
}

static void classify_dev(const struct mdc_model *m, const struct mdc_dev *d,
			 struct mdc_incident *in)
{
	char dbuf[MDC_NAME], who[96];
	const char *disk = dev_disk(m, d->name, dbuf, sizeof(dbuf));

	struct acc a;
	int s, best = SIG_NONE, bs = 0;

	memset(&a, 0, sizeof(a));
	memset(in, 0, sizeof(*in));
	acc_dev(&a, d);
	in->device = d->name;
	in->devp = d;
	in->boot = d->boot;
	best = pick(a.str, &bs);
	if (bs) {
		in->cls = best == SIG_MEDIA ? CL_MEDIA :
			  best == SIG_REQUEST ? CL_REQUEST : CL_TRANSPORT;
		in->confidence = bs >= 3 ? "high" : bs == 2 ? "medium" : "low";
	} else if (a.cnt[SIG_PROTECTION]) {
		in->cls = CL_SOFTWARE;
		in->confidence = "low";
	} else if (a.cnt[SIG_BENIGN] && !a.cnt[SIG_IOERR]) {
		in->cls = CL_BENIGN;
		in->confidence = "high";
	} else {
		in->cls = CL_UNKNOWN;
		in->confidence = "low";
	}
	snprintf(in->why, sizeof(in->why), "%s errors outside any md/dm array in the log: ",
		 d->name);
	for (s = 1; s < SIG_NR; s++)
		sigsum(in->why, sizeof(in->why), &a, s);
	if (a.str[SIG_REQUEST] && a.str[SIG_REQUEST] < mdc_request_shape() &&
	    in->cls != CL_REQUEST)
		cat(in->why, sizeof(in->why), "%s",
		    "a refused command is evidence, not the cause: a request is to blame only with the malformed shape (phys_seg 0, 0 blocks, misaligned); ");
	in->why[strlen(in->why) - 2] = 0;
	if (disk && strcmp(disk, d->name))
		snprintf(who, sizeof(who), "%s (%s, mapped by the log's boot lines)",
			 disk, d->name);
	else if (disk)
		snprintf(who, sizeof(who), "%s", disk);
	else
		snprintf(who, sizeof(who), "the disk on %s", d->name);
	if (is_md_name(d->name) &&
	    in->cls != CL_BENIGN) {
		/*
		 * an md array's own errors: members it lost, their bad
		 * block lists, or requests it refused -- its members say
		 */
		in->cls = CL_UNKNOWN;
		in->confidence = "low";
		snprintf(in->action, sizeof(in->action),
			 "%s is an md array, not a disk (no SMART): its I/O errors come from its members (failed or missing members, their bad block lists, or refused requests); see its members above and mdadm --detail /dev/%s",
			 d->name, d->name);
		build_evidence(in, &a, NULL, NULL);
		return;
	}
	switch (in->cls) {
	case CL_MEDIA:
		snprintf(in->action, sizeof(in->action),
			 "check and plan to replace %s (smartctl -x /dev/%s)",
			 who, disk ? disk : "sdX");
		break;
	case CL_TRANSPORT:
		snprintf(in->action, sizeof(in->action),
			 "check the path (cable, enclosure, HBA, controller) of %s: smartctl -x /dev/%s -- a rising UDMA_CRC_Error_Count (199) or Command_Timeout (188) means cable/backplane",
			 who, disk ? disk : "sdX");
		break;
	case CL_REQUEST:
		snprintf(in->action, sizeof(in->action),
			 "the device rejected requests; the disk itself need not be replaced: find the submitter (filesystem, dm target, application)");
		break;
	case CL_BENIGN:
		snprintf(in->action, sizeof(in->action), "none");
		break;
	default:
		snprintf(in->action, sizeof(in->action),
			 "investigate: smartctl -x /dev/%s", disk ? disk : "sdX");
		break;
	}
	build_evidence(in, &a, NULL, NULL);
}

/*
 * A member kicked as non-fresh at assembly missed writes while it was out:
 * the cause is where it dropped out.  When the log shows that member
 * failing in an earlier boot, say so, with the class found there.
 */
static void earlier_cause(const struct mdc_model *m, struct mdc_result *r)
{
	unsigned int i, j;

	(void)m;
	for (i = 0; i < r->ninc; i++) {
		struct mdc_incident *in = &r->inc[i];
		const struct mdc_incident *best = NULL;

		if (!in->legp || !in->legp->kicked || in->legp->fault)
			continue;
		for (j = 0; j < r->ninc; j++) {
			const struct mdc_incident *o = &r->inc[j];

			if (j == i || !o->legp || !o->legp->fault ||
			    o->boot >= in->boot || strcmp(o->leg, in->leg))
				continue;
			if (!best || o->boot > best->boot)
				best = o;
		}
		if (!best)
			continue;
		{
			char tmp[200];

			snprintf(tmp, sizeof(tmp),
				 "; it first dropped out in an earlier boot of this log (boot %d): %s there",
				 best->boot, mdc_class_name(best->cls));
			cat(in->why, sizeof(in->why), "%s", tmp);
		}
	}
}

/* only refused commands: request evidence, no media or transport */
static int refused_only(const struct mdc_dev *d)
{
	return d->cnt[SIG_REQUEST] && !d->cnt[SIG_MEDIA] &&
	       !d->cnt[SIG_TRANSPORT] && !d->cnt[SIG_PROTECTION];
}

/*
 * The kernel rule: a request is to blame when every leg refuses it.  Two
 * or more devices of one boot that only refused commands, at the same
 * time (within 5 s), while none of them shows a media or transport error:
 * every one of them refused the same requests, so the requests are to
 * blame.  Their incidents that said "unknown" become request.
 */
static void every_leg_refused(const struct mdc_model *m,
			      struct mdc_result *r)
{
	unsigned int i, j, n;

	for (i = 0; i < r->ninc; i++) {
		struct mdc_incident *in = &r->inc[i];
		const struct mdc_dev *d = in->devp;

		if (!d || in->cls != CL_UNKNOWN || !refused_only(d))
			continue;
		for (j = 0, n = 1; j < m->ndevs; j++) {
			const struct mdc_dev *o = m->devs[j];

			if (o == d || o->boot != d->boot || !refused_only(o))
				continue;
			if (mdc_near(&d->sfirst[SIG_REQUEST],
				     &o->sfirst[SIG_REQUEST], 5, 5))
				n++;
		}
		if (n < 2)
			continue;
		in->cls = CL_REQUEST;
		in->confidence = "medium";
		snprintf(in->action, sizeof(in->action),
			 "the device is fine: find the submitter of the refused requests (filesystem, dm target, application); every device refused them");
		cat(in->why, sizeof(in->why),
		    "; every one of the %s devices that logged errors then only refused commands, none failed: a request all legs refuse is to blame",
		    n == 2 ? "2" : n == 3 ? "3" : "4 or more");
	}
}

static void classify_sw(const struct mdc_sw *s, struct mdc_incident *in)
{
	struct acc a;

	memset(&a, 0, sizeof(a));
	memset(in, 0, sizeof(*in));
	in->swp = s;
	in->boot = s->boot;
	in->array = s->array[0] ? s->array : NULL;
	in->cls = CL_SOFTWARE;
	in->confidence = s->ev.n > 1 ? "high" : "medium";
	snprintf(in->why, sizeof(in->why),
		 "kernel bug in the storage path: %s%s", s->title,
		 s->ev.n > 1 ? "" : " (no trace lines in the log)");
	snprintf(in->action, sizeof(in->action),
		 "report a kernel bug with the trace lines (linux-raid@vger.kernel.org for md, dm-devel@lists.linux.dev for dm); decode with scripts/decode_stacktrace.sh");
	build_evidence(in, &a, &s->ev, NULL);
}

static int dev_interesting(const struct mdc_dev *d)
{
	return d->cnt[SIG_MEDIA] || d->cnt[SIG_TRANSPORT] ||
	       d->cnt[SIG_REQUEST] || d->cnt[SIG_PROTECTION] ||
	       d->cnt[SIG_BENIGN] || d->cnt[SIG_IOERR];
}

static int rank(enum mdc_class c)
{
	static const int r[CL_NR] = {
		[CL_MEDIA] = 0, [CL_TRANSPORT] = 1, [CL_REQUEST] = 2,
		[CL_SOFTWARE] = 3, [CL_UNKNOWN] = 4, [CL_ADMIN] = 5,
		[CL_BENIGN] = 6,
	};
	return r[c];
}

int mdc_classify(struct mdc_model *m, struct mdc_result *r)
{
	unsigned int i, n = 0, cap = m->nlegs + m->ndevs + m->nsw + 1;
	int prim_faulted = 0;

	memset(r, 0, sizeof(*r));
	r->inc = calloc(cap, sizeof(*r->inc));
	if (!r->inc)
		return -1;
	for (i = 0; i < m->nlegs; i++) {
		mdc_classify_leg(m, i, &r->inc[n]);
		n++;
	}
	for (i = 0; i < m->ndevs; i++) {
		if (!dev_interesting(m->devs[i]) || leg_owns(m, i))
			continue;
		/* devices already tied to a leg by time are in that incident */
		{
			unsigned int k, used = 0;

			for (k = 0; k < n && !used; k++) {
				unsigned int j;

				for (j = 0; j < r->inc[k].nevid; j++)
					if (m->devs[i]->ev.n &&
					    r->inc[k].evid[j].line ==
					    m->devs[i]->ev.e[0].line &&
					    r->inc[k].evid[j].file ==
					    m->devs[i]->ev.e[0].file &&
					    r->inc[k].legp)
						used = 1;
			}
			if (used)
				continue;
		}
		classify_dev(m, m->devs[i], &r->inc[n]);
		n++;
	}
	for (i = 0; i < m->nsw; i++) {
		if (!m->sw[i]->storage)
			continue;
		classify_sw(m->sw[i], &r->inc[n]);
		n++;
	}
	r->ninc = n;
	every_leg_refused(m, r);
	earlier_cause(m, r);
	for (i = 0; i < n; i++) {
		struct mdc_incident *in = &r->inc[i];

		if (in->faulted)
			r->degraded++;
		/*
		 * a mirror leg no longer read, or an md array failing I/O,
		 * for no reason the log shows
		 */
		if ((in->cls == CL_UNKNOWN &&
		     (in->faulted ||
		      (in->array && !strcmp(in->array, "dm-mirror")) ||
		      (in->device && is_md_name(in->device)))) ||
		    in->cls == CL_SOFTWARE)
			r->unknown = 1;
		if (!r->has_primary ||
		    (in->faulted && !prim_faulted) ||
		    (in->faulted == prim_faulted &&
		     rank(in->cls) < rank(r->primary))) {
			if (!r->has_primary || in->faulted || !prim_faulted) {
				r->primary = in->cls;
				r->has_primary = 1;
				prim_faulted = in->faulted;
			}
		}
	}
	return 0;
}

void mdc_result_free(struct mdc_result *r)
{
	unsigned int i;

	for (i = 0; i < r->ninc; i++)
		free(r->inc[i].evid);
	free(r->inc);
	memset(r, 0, sizeof(*r));
}

/*
 * 3: something needs a human (unknown cause of a failed leg, of a
 * dm-mirror leg's read failure or of an md array's own I/O errors, or a
 * kernel bug); 1: degraded legs, every one with a known cause, a failed
 * dm-mirror log, or media or transport errors on a member or disk that
 * has not failed yet; 2: an
 * input could not be read, or was empty; 0: nothing to look at.  The
 * order is 3 > 1 > 2 > 0: an input error never hides a failure found in
 * the inputs that were read (usage errors exit 2 before reading).
 */
int mdc_exit_code(const struct mdc_result *r, int io_error)
{
	unsigned int i;
	int act = r->degraded != 0;

	for (i = 0; i < r->ninc; i++)
		if (r->inc[i].cls == CL_MEDIA || r->inc[i].cls == CL_TRANSPORT ||
		    r->inc[i].mirror_log)
			act = 1;
	if (r->unknown)
		return 3;
	if (act)
		return 1;
	if (io_error)
		return 2;
	return 0;
}
