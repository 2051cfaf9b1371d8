// SPDX-License-Identifier: GPL-2.0
/*
 * model.c - correlate events into arrays, legs, devices and kernel bugs.
 *
 * Arrays are keyed by name and boot; legs by array, name and boot (under
 * LVM every dm-raid array is called "mdX", so the leg is what tells two
 * LVs apart).  Devices (disks, NVMe namespaces and controllers, ATA links,
 * SCSI H:C:T:L) collect cause signals.  Everything is bounded.
 */
#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "mdclassify.h"

void mdc_model_init(struct mdc_model *m, const struct mdc_opts *o)
{
	memset(m, 0, sizeof(*m));
	m->opts = o;
	m->gsig = calloc(MDC_MAX_GSIG, sizeof(*m->gsig));
	m->map = calloc(MDC_MAX_MAP, sizeof(*m->map));
	m->map_slot = calloc(MDC_MAP_SLOTS, sizeof(*m->map_slot));
	if (!m->gsig || !m->map || !m->map_slot) {
		fprintf(stderr, "mdclassify: out of memory\n");
		exit(2);
	}
}

void mdc_model_free(struct mdc_model *m)
{
	unsigned int i;

	for (i = 0; i < m->narrays; i++)
		free(m->arrays[i]);
	for (i = 0; i < m->nlegs; i++)
		free(m->legs[i]);
	for (i = 0; i < m->ndevs; i++)
		free(m->devs[i]);
	for (i = 0; i < m->nsw; i++)
		free(m->sw[i]);
	for (i = 0; i < m->nfiles; i++)
		free(m->files[i]);
	free(m->files);
	free(m->gsig);
	free(m->map);
	free(m->map_slot);
	free(m->owns);
}

int mdc_model_file(struct mdc_model *m, const char *name)
{
	char *dup = strdup(name);

	if (m->nfiles == m->files_cap) {
		unsigned int cap = m->files_cap ? 2 * m->files_cap : 16;
		char **f = realloc(m->files, cap * sizeof(*f));

		if (!f || !dup) {
			fprintf(stderr, "mdclassify: out of memory\n");
			exit(2);
		}
		m->files = f;
		m->files_cap = cap;
	}
	if (!dup) {
		fprintf(stderr, "mdclassify: out of memory\n");
		exit(2);
	}
	m->files[m->nfiles] = dup;
	return m->nfiles++;
}

/* names come from the log: keep them escaped */
static void cpname(char *dst, size_t n, const char *s)
{
	mdc_escape(dst, n, s, strlen(s));
}

static void new_boot(struct mdc_model *m)
{
	m->boot = ++m->maxboot;
	if (m->nhosts && m->boot < MDC_MAX_BOOTS)
		m->boot_host[m->boot] = m->cur_host + 1;
}

/*
 * The boot being read ran m->kernel (a "Linux version" line): kept per
 * boot, as a log may span an upgrade and a fault belongs to its own boot
 */
static void boot_kernel_set(struct mdc_model *m)
{
	unsigned int i;

	if (m->boot < 0 || m->boot >= MDC_MAX_BOOTS)
		return;
	for (i = 0; i < m->nkvers; i++)
		if (!strcmp(m->kvers[i], m->kernel))
			break;
	if (i == m->nkvers) {
		if (i == MDC_MAX_KVERS) {
			m->boot_kver[m->boot] = 0;	/* not known */
			return;
		}
		memcpy(m->kvers[i], m->kernel, sizeof(m->kvers[i]));
		m->nkvers++;
	}
	m->boot_kver[m->boot] = i + 1;
}

static unsigned int name_hash(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/*
 * s as the map keeps its names (escaped, cut to n - 1 bytes): s itself
 * when that is s already, the usual case, else a copy in buf (n bytes).
 * The map is asked and filled with names in that form, so a name with a
 * control byte or a name too long is found again, not kept once a call.
 */
static const char *kept_name(const char *s, char *buf, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i + 1 < n && u[i] >= 0x20 && u[i] < 0x7f; i++)
		;
	if (!u[i])
		return s;
	cpname(buf, n, s);
	return buf;
}

/* a probe ends at an empty slot; an index fits an unsigned short */
static_assert(!(MDC_MAP_SLOTS & (MDC_MAP_SLOTS - 1)), "a power of two");
static_assert(MDC_MAX_MAP < MDC_MAP_SLOTS, "an empty slot");
static_assert(MDC_MAX_MAP <= USHRT_MAX, "index + 1 in a short");

/*
 * The map entry whose from is the text from (fh its hash), or NULL: the
 * first kept of those, as a walk of the map in order finds it (entries
 * are never taken out, and an entry's slot is the first empty one of
 * its probe when it is kept, after those kept before it)
 */
static struct mdc_map *map_find(const struct mdc_model *m, const char *from,
				unsigned int fh)
{
	unsigned int k = fh & (MDC_MAP_SLOTS - 1), i;

	while ((i = m->map_slot[k])) {
		if (m->map[i - 1].fh == fh && !strcmp(m->map[i - 1].from, from))
			return &m->map[i - 1];
		k = (k + 1) & (MDC_MAP_SLOTS - 1);
	}
	return NULL;
}

/*
 * mdc_model_add_map() for a name not found as it is, or mapped elsewhere;
 * out of line, so that the buffers and the escaping stay off the path of
 * a name mapped again, which every SCSI line takes
 */
static __attribute__((noinline)) int map_add(struct mdc_model *m,
					    const char *from, const char *to,
					    struct mdc_map *e)
{
	char fbuf[sizeof(m->map->from)], tbuf[sizeof(m->map->to)];
	const char *kept;
	unsigned int k;

	if (!e) {
		kept = kept_name(from, fbuf, sizeof(fbuf));
		if (kept != from) {
			from = kept;
			e = map_find(m, from, name_hash(from));
		}
	}
	to = kept_name(to, tbuf, sizeof(tbuf));
	if (e) {
		if (strcmp(e->to, to) && !strncmp(e->from, "host", 4) &&
		    strcmp(e->to, "?")) {
			memcpy(e->to, "?", 2);	/* ambiguous */
			m->map_gen++;
		}
		return 0;
	}
	if (m->nmap >= MDC_MAX_MAP) {
		m->st.dropped_entities++;
		return -1;
	}
	e = &m->map[m->nmap];
	memcpy(e->from, from, strlen(from) + 1);
	memcpy(e->to, to, strlen(to) + 1);
	e->fh = name_hash(e->from);
	for (k = e->fh & (MDC_MAP_SLOTS - 1); m->map_slot[k];
	     k = (k + 1) & (MDC_MAP_SLOTS - 1))
		;
	m->map_slot[k] = ++m->nmap;
	m->map_gen++;
	return 0;
}

int mdc_model_add_map(struct mdc_model *m, const char *from, const char *to)
{
	struct mdc_map *e = map_find(m, from, name_hash(from));

	/*
	 * every SCSI line maps its H:C:T:L and host again, as they are: a
	 * name keeps its first mapping, but a host with two disks is "?"
	 */
	if (e && (!strcmp(e->to, to) || strncmp(e->from, "host", 4) ||
		  !strcmp(e->to, "?")))
		return 0;
	return map_add(m, from, to, e);
}

const char *mdc_model_lookup(const struct mdc_model *m, const char *from)
{
	char buf[sizeof(m->map->from)];
	const struct mdc_map *e = map_find(m, from, name_hash(from));
	const char *kept;

	if (!e) {
		kept = kept_name(from, buf, sizeof(buf));
		if (kept != from)
			e = map_find(m, kept, name_hash(kept));
	}

	return e ? e->to : NULL;
}

/*
 * `dmsetup ls` ("vg0-lv_rimage_0\t(252:58)" or "(252, 58)") or `lsblk`
 * ("`-vg0-lv_rimage_0 252:58 0 1G 0 lvm") output.
 */
int mdc_load_dmsetup_ls(struct mdc_model *m, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *name, *q;
		unsigned int maj, min;
		char key[32];

		while (*p && (*p == ' ' || *p == '|' || *p == '`' ||
			      *p == '-' || (unsigned char)*p >= 0x80))
			p++;
		name = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (!*p)
			continue;
		*p++ = 0;
		q = p;
		while (*q && !isdigit((unsigned char)*q))
			q++;
		if (sscanf(q, "%u:%u", &maj, &min) != 2 &&
		    sscanf(q, "%u, %u", &maj, &min) != 2)
			continue;
		snprintf(key, sizeof(key), "dm-%u", min);
		mdc_model_add_map(m, key, name);
		snprintf(key, sizeof(key), "%u:%u", maj, min);
		mdc_model_add_map(m, key, name);
		n++;
	}
	fclose(f);
	return n;
}

void mdc_evadd(struct mdc_evlist *el, int file, uint64_t line,
	       const char *text, size_t len)
{
	struct mdc_evid *e;

	if (el->n && el->e[el->n - 1].line == line &&
	    el->e[el->n - 1].file == file)
		return;
	if (el->n >= MDC_MAX_EVID) {
		/* keep the first lines and the most recent one */
		el->more++;
		e = &el->e[MDC_MAX_EVID - 1];
	} else {
		e = &el->e[el->n++];
	}
	mdc_evid_set(e, file, line, text, len);
}

/* keep the raw text of an evidence line (see struct mdc_evid) */
void mdc_evid_set(struct mdc_evid *e, int file, uint64_t line,
		  const char *text, size_t len)
{
	if (len > sizeof(e->text) - 1)
		len = sizeof(e->text) - 1;
	e->file = file;
	e->line = line;
	e->raw = len;
	memcpy(e->text, text, len);
	/* raw 0 means escaped: the escape of nothing is nothing */
	e->text[len] = 0;
}

/* an evidence line as a report prints it: escaped */
void mdc_evid_copy(struct mdc_evid *dst, const struct mdc_evid *src)
{
	dst->file = src->file;
	dst->line = src->line;
	dst->raw = 0;
	if (src->raw)
		mdc_escape(dst->text, sizeof(dst->text), src->text, src->raw);
	else
		memcpy(dst->text, src->text, sizeof(dst->text));
}

int mdc_near(const struct mdc_when *a, const struct mdc_when *b,
	     double before, double after)
{
	double d;

	if (a->boot != b->boot)
		return 0;
	if (a->clock && a->clock == b->clock) {
		d = b->t - a->t;
		return d >= -before && d <= after;
	}
	/* no common clock: use the distance in lines of the same input */
	if (a->file != b->file)
		return 0;
	d = (double)b->seq - (double)a->seq;
	return d >= -(before > 0 ? 400 : 0) && d <= (after > 0 ? 60 : 0);
}

/*
 * Arrays and legs keep a hash of their (never changed) names (name_hash(),
 * as map entries do): the walks below compare it before the names, as a
 * storm's every line walks them.
 */
static struct mdc_array *get_array(struct mdc_model *m, const char *name,
				   const char *level, int boot, int *idx)
{
	unsigned int i, nh = name_hash(name);
	struct mdc_array *a;

	for (i = 0; i < m->narrays; i++) {
		a = m->arrays[i];
		if (a->boot == boot && a->nh == nh && !strcmp(a->name, name)) {
			if (level && level[0] && !a->level[0])
				cpname(a->level, sizeof(a->level), level);
			*idx = i;
			return a;
		}
	}
	if (m->narrays >= MDC_MAX_ARRAYS) {
		m->st.dropped_entities++;
		return NULL;
	}
	a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	cpname(a->name, sizeof(a->name), name);
	a->nh = name_hash(a->name);
	if (level)
		cpname(a->level, sizeof(a->level), level);
	a->boot = boot;
	a->remaining = -1;
	*idx = m->narrays;
	m->arrays[m->narrays++] = a;
	return a;
}

/*
 * The newest leg of the boot named name that is not closed.  Where disks
 * fail nearly every line asks, often for a name no leg has (a redirect's
 * other mirror), and a log names hundreds of legs: the answers are kept
 * by the name's hash.  A leg's name and boot never change and a closed
 * leg stays closed, so a name that none of the first nlegs legs had is
 * had by none of them still, and a kept leg that answers is the newest
 * that does (every new leg takes its name's slot, get_leg()).
 */
static struct mdc_leg *find_leg(struct mdc_model *m, const char *name,
				int boot)
{
	int i, lo = 0;
	unsigned int nh;
	char esc[MDC_NAME];
	struct mdc_leg *l;
	struct mdc_legcache *k;

	cpname(esc, sizeof(esc), name);
	nh = name_hash(esc);
	k = &m->legcache[nh % MDC_LEGCACHE];
	l = k->leg ? m->legs[k->leg - 1] : NULL;
	if (l && l->boot == boot && !l->closed && l->nh == nh &&
	    !strcmp(l->name, esc))
		return l;
	if (k->nlegs && k->nh == nh && k->boot == boot &&
	    !strcmp(k->name, esc))
		lo = k->nlegs;
	for (i = (int)m->nlegs - 1; i >= lo; i--) {
		l = m->legs[i];
		if (l->boot == boot && !l->closed && l->nh == nh &&
		    !strcmp(l->name, esc)) {
			k->leg = i + 1;
			return l;
		}
	}
	k->nh = nh;
	k->nlegs = m->nlegs;
	k->boot = boot;
	memcpy(k->name, esc, sizeof(esc));
	return NULL;
}

static struct mdc_leg *get_leg(struct mdc_model *m, const char *array,
			       const char *level, const char *name,
			       const struct mdc_when *w)
{
	struct mdc_array *a;
	struct mdc_leg *l;
	char esc[MDC_NAME];
	int ai;
	unsigned int i;

	if (!name[0])
		return NULL;
	if (!array[0] || !strcmp(array, "md?")) {
		/* 2.6 wording / md core: the array comes from another line */
		l = find_leg(m, name, w->boot);
		if (l)
			return l;
		array = "md?";
	}
	a = get_array(m, array, level, w->boot, &ai);
	if (!a)
		return NULL;
	cpname(esc, sizeof(esc), name);
	for (i = 0; i < m->nlegs; i++) {
		l = m->legs[i];
		if (l->array == ai && !l->closed && !strcmp(l->name, esc))
			return l;
	}
	/* a leg first seen without its array: adopt it */
	if (strcmp(array, "md?")) {
		l = find_leg(m, name, w->boot);
		if (l && !strcmp(m->arrays[l->array]->name, "md?")) {
			l->array = ai;
			return l;
		}
	}
	if (m->nlegs >= MDC_MAX_LEGS) {
		m->st.dropped_entities++;
		return NULL;
	}
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->array = ai;
	strcpy(l->name, esc);
	l->nh = name_hash(l->name);
	l->boot = w->boot;
	l->first = *w;
	l->last = *w;
	l->lv_index = -1;
	l->same_sector = 1;
	l->thr_cur = l->thr_max = -1;
	l->suppressed = m->suppressed_pending;
	m->suppressed_pending = 0;
	m->legs[m->nlegs++] = l;
	m->legcache[l->nh % MDC_LEGCACHE].leg = m->nlegs;
	return l;
}

static void norm_dev(char *d)
{
	char *p;

	/* ata3.00 -> ata3 (the link) */
	p = strchr(d, '.');
	if (!strncmp(d, "ata", 3) && p)
		*p = 0;
}

/*
 * A device is made once per name and boot and never goes away, so the
 * same raw name in the same boot always finds the same one.
 */
static struct mdc_dev *get_dev(struct mdc_model *m, const char *name,
			       const struct mdc_when *w)
{
	unsigned int h = 0, slot;
	size_t len;
	char esc[MDC_NAME];
	struct mdc_dev *d;
	int i;

	/* nvme0n1 and nvme3n1 differ in one byte: hash them all */
	for (len = 0; name[len]; len++)
		h = h * 31 + (unsigned char)name[len];
	slot = (h ^ h >> 5) % MDC_DEVCACHE;
	if (m->devcache[slot].d && m->devcache[slot].boot == w->boot &&
	    !strcmp(m->devcache[slot].name, name))
		return m->devcache[slot].d;
	d = NULL;
	cpname(esc, sizeof(esc), name);
	norm_dev(esc);
	for (i = (int)m->ndevs - 1; i >= 0 && !d; i--)
		if (m->devs[i]->boot == w->boot &&
		    m->devs[i]->name[0] == esc[0] &&
		    !strcmp(m->devs[i]->name, esc))
			d = m->devs[i];
	if (!d) {
		if (m->ndevs >= MDC_MAX_DEVS) {
			m->st.dropped_entities++;
			return NULL;
		}
		d = calloc(1, sizeof(*d));
		if (!d)
			return NULL;
		strcpy(d->name, esc);
		d->boot = w->boot;
		d->first = *w;
		m->devs[m->ndevs++] = d;
	}
	if (len < MDC_NAME) {
		memcpy(m->devcache[slot].name, name, len + 1);
		m->devcache[slot].boot = w->boot;
		m->devcache[slot].d = d;
	}
	return d;
}

/* SBC READ/WRITE opcodes (6, 10, 12, 16, 32 and WRITE AND VERIFY) */
static int cdb_moves_data(int op)
{
	switch (op) {
	case 0x08: case 0x0a: case 0x28: case 0x2a: case 0x2e:
	case 0xa8: case 0xaa: case 0xae: case 0x88: case 0x8a: case 0x8e:
	case 0x7f:
		return 1;
	}
	return 0;
}

static struct mdc_leg *recent_leg(struct mdc_model *m, const char *array,
				  const struct mdc_when *w, int need_nolv)
{
	unsigned int nh = array ? name_hash(array) : 0;
	int i;

	for (i = (int)m->nlegs - 1; i >= 0; i--) {
		struct mdc_leg *l = m->legs[i];

		if (l->boot != w->boot || l->closed)
			continue;
		if (array && (m->arrays[l->array]->nh != nh ||
			      strcmp(m->arrays[l->array]->name, array)))
			continue;
		if (need_nolv && l->lv[0])
			continue;
		if (!mdc_near(&l->last, w, 0, 600))
			continue;
		return l;
	}
	return NULL;
}

static void leg_ev(struct mdc_leg *l, const struct mdc_line *ln,
		   const struct mdc_when *w)
{
	mdc_evadd(&l->ev, ln->file, ln->lineno, ln->raw, ln->rawlen);
	l->last = *w;
}

/*
 * dmeventd's lvconvert --repair of LV lv ended (1 well, -1 failed): what
 * it did to the legs (and log) of lv that it took out before, in that
 * boot, and that no earlier outcome told (a new fault clears it)
 */
static void lv_repaired(struct mdc_model *m, const struct mdc_line *ln,
			const struct mdc_when *w, const char *lv, int how)
{
	unsigned int k;

	for (k = 0; k < m->nlegs; k++) {
		struct mdc_leg *l = m->legs[k];

		if (l->boot == w->boot && (l->faulted || l->log) &&
		    !l->repaired && !strcmp(l->lv, lv)) {
			l->repaired = how;
			leg_ev(l, ln, w);
		}
	}
}

/*
 * The dm-mirror leg (or log) that dmeventd took out ("has failed (D)")
 * within a minute before w and that no "Device failure in" line named
 * yet, if it is the only one: dmeventd watches each mirror in a thread
 * of its own, and when two mirrors fail at once their lines interleave
 * (a leg and the log of one mirror failing at once name neither).
 */
static struct mdc_leg *leg_taken_out(struct mdc_model *m,
				     const struct mdc_when *w)
{
	struct mdc_leg *found = NULL;
	unsigned int k;

	for (k = 0; k < m->nlegs; k++) {
		struct mdc_leg *l = m->legs[k];

		if (l->boot != w->boot || !(l->faulted || l->log) || l->lv[0] ||
		    !l->out_set ||
		    strcmp(m->arrays[l->array]->name, "dm-mirror") ||
		    !mdc_near(&l->out_at, w, 0, 60))
			continue;
		if (found)
			return NULL;
		found = l;
	}
	return found;
}

static void sw_frame(struct mdc_model *m, const struct mdc_line *ln,
		     const char *msg)
{
	struct mdc_sw *s = m->sw[m->sw_open - 1];

	if (strstr(msg, "---[ end trace") || m->sw_frames <= 0) {
		m->sw_open = 0;
		m->sw_frames = 0;
		return;
	}
	m->sw_frames--;
	if (strstr(msg, "md_") || strstr(msg, "raid1") ||
	    strstr(msg, "raid10") || strstr(msg, "raid5") ||
	    strstr(msg, "dm_") || strstr(msg, "mirror") ||
	    strstr(msg, "kcopyd") || strstr(msg, "blk_") ||
	    strstr(msg, "bio_") || strstr(msg, "submit_bio") ||
	    strstr(msg, "nvme") || strstr(msg, "scsi_"))
		s->storage = 1;
	if (strstr(msg, "RIP:") || strstr(msg, "+0x") || strstr(msg, "Call Trace") ||
	    strstr(msg, "PC is at") || strstr(msg, "LR is at"))
		mdc_evadd(&s->ev, ln->file, ln->lineno, ln->raw, ln->rawlen);
}

/*
 * "Operation continuing on n devices" after a failure: one failure each,
 * one device less each time, is the same array losing members (not a
 * member back in, nor another array of the same unnamed name)
 */
static void continuing(struct mdc_array *a, long n)
{
	if (a->remaining < 0)
		a->chain = 1;
	else if (n == a->remaining - 1)
		a->chain++;
	else if (n >= a->remaining)	/* a spare or member back, then out */
		a->chain = a->chain > n - a->remaining ?
			   a->chain - (n - a->remaining) : 0;
	else
		a->chain = 1;
	if (a->chain < 1)	/* the line follows a failure */
		a->chain = 1;
	a->remaining = n;
	if (a->total && n >= a->total)	/* grown since "active with" */
		a->total = n + 1;
}

/*
 * "kicking non-fresh sde1" names no array: the assembly lines that follow
 * do ("active with", 2.6 "not enough operational devices for md0")
 */
static void kicked_into(struct mdc_model *m, int ai, const struct mdc_line *ln,
			const struct mdc_when *w)
{
	unsigned int k;

	for (k = 0; k < m->nlegs; k++) {
		struct mdc_leg *l = m->legs[k];

		if (l->kicked && l->array != ai &&
		    !strcmp(m->arrays[l->array]->name, "md?") &&
		    mdc_near(&l->last, w, 0, 5)) {
			l->array = ai;
			leg_ev(l, ln, w);
		}
	}
}

static void apply(struct mdc_model *m, const struct mdc_line *ln,
		  const struct mdc_event *ev, const struct mdc_when *w)
{
	struct mdc_leg *l = NULL;
	struct mdc_dev *d;
	struct mdc_array *a;
	const char *map;
	int ai;

	switch (ev->kind) {
	case EV_FAULT:
		l = get_leg(m, ev->array, ev->level, ev->dev, w);
		if (!l)
			break;
		if (!l->faulted)
			l->fault_at = *w;
		l->faulted = 1;
		l->fault++;
		if (ev->parity && !m->arrays[l->array]->parity)
			m->arrays[l->array]->parity = ev->parity;
		if (ev->num > 0)	/* 2.6: "Operation continuing" too */
			continuing(m->arrays[l->array], ev->num - 1);
		/* raid0/linear have no redundancy: md sets MD_BROKEN */
		if (!strcmp(ev->level, "raid0") || !strcmp(ev->level, "linear"))
			m->arrays[l->array]->dead = 1;
		if (m->superwrite_pending &&
		    mdc_near(&m->superwrite_at, w, 0, 5)) {
			l->superwrite += m->superwrite_pending;
			m->superwrite_pending = 0;
		}
		leg_ev(l, ln, w);
		break;
	case EV_RESCHED:
		l = get_leg(m, ev->array, ev->level, ev->dev, w);
		if (!l)
			break;
		if (!l->resched)
			l->sector0 = ev->sector;
		else if (ev->sector != l->sector0)
			l->same_sector = 0;
		l->resched++;
		leg_ev(l, ln, w);
		break;
	case EV_REDIRECT:
	case EV_CORRECTED:
	case EV_UNRECOV:
	case EV_NOTCORR:
		if (ev->dev[0])
			l = find_leg(m, ev->dev, w->boot);
		if (!l || (ev->array[0] &&
			   strcmp(m->arrays[l->array]->name, ev->array)))
			l = ev->kind == EV_REDIRECT ?
			    recent_leg(m, ev->array, w, 0) :
			    get_leg(m, ev->array, ev->level, ev->dev, w);
		if (!l)
			break;
		if (ev->kind == EV_REDIRECT)
			l->redirect++;
		else if (ev->kind == EV_CORRECTED)
			l->corrected++;
		else if (ev->kind == EV_UNRECOV)
			l->unrecov++;
		else
			l->notcorr++;
		/*
		 * raid1/raid10 print it when a resync or rebuild finds no
		 * member to read a block from: one copy left, and it is bad
		 */
		if (ev->kind == EV_UNRECOV &&
		    (!strcmp(m->arrays[l->array]->level, "raid1") ||
		     !strcmp(m->arrays[l->array]->level, "raid10")))
			m->arrays[l->array]->unrecov = 1;
		leg_ev(l, ln, w);
		break;
	case EV_THRESHOLD:
	case EV_FAILING:
		l = get_leg(m, ev->array, ev->level, ev->dev, w);
		if (!l)
			break;
		if (ev->kind == EV_THRESHOLD) {
			l->thr_cur = ev->num;
			l->thr_max = ev->num2;
		} else {
			l->failing++;
			if (!l->faulted)
				l->fault_at = *w;
			l->faulted = 1;
		}
		leg_ev(l, ln, w);
		break;
	case EV_CONTINUING:
	case EV_CANNOT_CONTINUE:
		a = get_array(m, ev->array[0] ? ev->array : "md?", ev->level,
			      w->boot, &ai);
		if (!a)
			break;
		if (ev->parity && !a->parity)
			a->parity = ev->parity;
		if (ev->kind == EV_CONTINUING)
			continuing(a, ev->num);
		else
			a->dead = 1;
		if (ev->kind == EV_CANNOT_CONTINUE && ev->array[0])
			kicked_into(m, ai, ln, w);
		l = recent_leg(m, a->name, w, 0);
		if (l)
			leg_ev(l, ln, w);
		break;
	case EV_SUPERWRITE:
		m->superwrite_pending++;
		m->superwrite_at = *w;
		if (ev->sig != SIG_NONE) {	/* the error says why */
			struct mdc_event g = *ev;

			g.kind = EV_GLOBALSIG;
			apply(m, ln, &g, w);
		}
		break;
	case EV_KICKED:
		l = get_leg(m, "", "", ev->dev, w);
		if (!l)
			break;
		l->kicked++;
		if (!l->faulted)
			l->fault_at = *w;
		l->faulted = 1;
		leg_ev(l, ln, w);
		break;
	case EV_ARRAY_INFO:
		if (ev->array[0] && ev->num2 && ev->num == ev->num2) {
			unsigned int k;

			/* assembled complete: earlier failures are over */
			for (k = 0; k < m->nlegs; k++) {
				l = m->legs[k];
				if (l->boot == w->boot && l->faulted &&
				    !strcmp(m->arrays[l->array]->name, ev->array))
					l->closed = 1;
			}
			l = NULL;
		}
		if (ev->array[0] && strcmp(ev->array, "mdX")) {
			a = get_array(m, ev->array, ev->level, w->boot, &ai);
			if (!a)
				break;
			if (ev->parity)
				a->parity = ev->parity;	/* "raid level N" */
			if (ev->num2) {
				/* assembled (forced, perhaps): it runs */
				a->total = ev->num2;
				a->remaining = ev->num < ev->num2 ? ev->num : -1;
				a->chain = 0;
				a->recovered = 0;
				a->unrecov = 0;
				a->dead = 0;
			}
			/* a kicked member is missing where the array is not whole */
			if (ev->num2 && ev->num < ev->num2)
				kicked_into(m, ai, ln, w);
		}
		break;
	case EV_RECOVERED:
		/*
		 * a rebuilt member is back in service; a 2.6 log's failures
		 * may be an unnamed "md?" that this line names
		 */
		a = ev->array[0] ? get_array(m, ev->array, NULL, w->boot, &ai) :
		    NULL;
		if (a && a->remaining < 0 && !a->chain) {
			unsigned int k;

			for (k = 0; k < m->narrays; k++)
				if (m->arrays[k]->boot == w->boot &&
				    !strcmp(m->arrays[k]->name, "md?"))
					a = m->arrays[k];
		}
		/*
		 * a->unrecov stays: the block no member could give is still
		 * unreadable ("done" is printed after an aborted rebuild too)
		 */
		if (!a)
			break;
		if (a->remaining < 0) {
			a->recovered++;
			break;
		}
		a->remaining++;
		if (a->chain > 0)
			a->chain--;
		if (a->total && a->remaining > a->total)
			a->remaining = a->total;
		break;
	case EV_REBUILD:
		l = recent_leg(m, "mdX", w, 0);
		if (l)
			leg_ev(l, ln, w);
		break;
	case EV_MIRROR_FAIL:
		if (ev->dev[0]) {
			int to_log = ev->mstate == MS_LOG_OUT;

			l = get_leg(m, "dm-mirror", "mirror", ev->dev, w);
			/*
			 * a leg's MAJ:MIN now the log's, or the other way: dm
			 * gave a removed sub-LV's minor to a new one
			 */
			if (l && l->mirror_fail && !!l->log != to_log) {
				l->closed = 1;
				l = get_leg(m, "dm-mirror", "mirror", ev->dev,
					    w);
			}
		} else {
			l = recent_leg(m, "dm-mirror", w, 0);
			if (!l)
				l = get_leg(m, "dm-mirror", "mirror",
					    "(unnamed leg)", w);
		}
		if (!l)
			break;
		l->mirror_fail++;
		if (ev->mstate == MS_LOG_OUT) {
			/*
			 * the mirror's log, named like its legs: dmeventd
			 * repairs it (a new log, or a core log); no leg is
			 * out, and "Device failure in" names its LV
			 */
			l->log = 1;
			if (ev->num)
				l->log_header = 1;
			else
				l->log_dmeventd = 1;
			l->repaired = 0;
			l->out_at = *w;
			l->out_set = 1;
			leg_ev(l, ln, w);
			break;
		}
		/*
		 * only dmeventd takes a leg out of a mirror, and only after a
		 * write, flush or unclassified failure (MS_LEG_OUT); after a
		 * read or resync failure the kernel reads the other legs
		 * until the table is reloaded, and the leg stays in
		 */
		if (ev->mstate == MS_LEG_OUT) {
			if (!l->faulted)
				l->fault_at = *w;
			l->faulted = 1;
			l->repaired = 0;	/* a repair of this fault: later */
			l->out_at = *w;
			l->out_set = 1;
		} else if (ev->mstate == MS_FAILED) {
			m->arrays[l->array]->dead = 1;
		} else if (ev->mstate == MS_NO_SYNC ||
			   ev->mstate == MS_SEC_NO_SYNC) {
			m->arrays[l->array]->mstate = ev->mstate;
		}
		leg_ev(l, ln, w);
		break;
	case EV_LVFAIL:
		l = recent_leg(m, "mdX", w, 1);
		if (!l) {
			char nm[MDC_NAME];

			snprintf(nm, sizeof(nm), "#%ld", ev->num);
			l = get_leg(m, "mdX", "", nm, w);
			if (!l)
				break;
			if (!l->faulted)
				l->fault_at = *w;
			l->faulted = 1;
		}
		cpname(l->lv, sizeof(l->lv), ev->dev2);
		l->lv_index = (int)ev->num;
		snprintf(l->lv_how, sizeof(l->lv_how), "dmeventd, line %llu",
			 (unsigned long long)ln->lineno);
		l->lvfail++;
		leg_ev(l, ln, w);
		break;
	case EV_LVNAME:
		/* dmeventd's repair: marks legs by their LV, names none */
		if (ev->mstate == MS_REPAIRED || ev->mstate == MS_REPAIR_FAILED) {
			lv_repaired(m, ln, w, ev->dev2,
				    ev->mstate == MS_REPAIRED ? 1 : -1);
			break;
		}
		/* "Device failure in VG-LV.": the leg it took out just now */
		if (ev->mstate == MS_LEG_OUT) {
			l = leg_taken_out(m, w);	/* an unnamed one */
			if (l) {
				cpname(l->lv, sizeof(l->lv), ev->dev2);
				snprintf(l->lv_how, sizeof(l->lv_how),
					 "dmeventd, line %llu",
					 (unsigned long long)ln->lineno);
				leg_ev(l, ln, w);
			}
			break;
		}
		l = recent_leg(m, NULL, w, 0);
		if (!l)
			break;
		/* "is now in-sync": the mirror has its redundancy again */
		if (ev->num && !strcmp(m->arrays[l->array]->name, "dm-mirror"))
			m->arrays[l->array]->mstate = MS_LEG_READ;
		if (!l->lv[0]) {
			cpname(l->lv, sizeof(l->lv), ev->dev2);
			snprintf(l->lv_how, sizeof(l->lv_how),
				 "dmeventd, line %llu",
				 (unsigned long long)ln->lineno);
		}
		if (strcmp(l->lv, ev->dev2) == 0 || !l->lv[0])
			leg_ev(l, ln, w);
		break;
	case EV_ADMIN:
		if (ev->dev[0])
			l = get_leg(m, ev->array, "", ev->dev, w);
		if (!l)
			break;
		l->admin++;
		leg_ev(l, ln, w);
		break;
	case EV_SW_START:
		if (m->nsw >= MDC_MAX_SW) {
			m->st.dropped_entities++;
			break;
		}
		m->sw[m->nsw] = calloc(1, sizeof(struct mdc_sw));
		if (!m->sw[m->nsw])
			break;
		m->sw[m->nsw]->boot = w->boot;
		m->sw[m->nsw]->at = *w;
		m->sw[m->nsw]->storage = ev->storage;
		mdc_escape(m->sw[m->nsw]->title, sizeof(m->sw[0]->title),
			   ev->dev2, strlen(ev->dev2));
		mdc_evadd(&m->sw[m->nsw]->ev, ln->file, ln->lineno, ln->raw,
			  ln->rawlen);
		l = recent_leg(m, NULL, w, 0);
		if (l)
			cpname(m->sw[m->nsw]->array, MDC_NAME,
			       m->arrays[l->array]->name);
		/*
		 * A bug report right after md failed a leg (within a minute,
		 * same boot) belongs to the storage path even when its trace
		 * is cut off or decoded without module names (issue 14:
		 * "BUG/Oops/WARN ... right after a leg fault -> software").
		 */
		if (l && l->faulted && mdc_near(&l->last, w, 0, 60))
			m->sw[m->nsw]->storage = 1;
		m->nsw++;
		m->sw_open = m->nsw;
		m->sw_frames = 60;
		break;
	case EV_VERSION:
		if (!ln->boot[0])	/* journal boot ids mark boots already */
			new_boot(m);
		m->hostq_n = 0;
		cpname(m->kernel, sizeof(m->kernel), ev->dev2);
		snprintf(m->kernel_src, sizeof(m->kernel_src), "log line %llu",
			 (unsigned long long)ln->lineno);
		boot_kernel_set(m);
		break;
	case EV_HCTL:
		mdc_model_add_map(m, ev->dev2, ev->dev);
		{
			char host[32] = "host";
			size_t k = strcspn(ev->dev2, ":");

			/* "host%.*s" into 32 bytes, without printf per line */
			if (k > sizeof(host) - 5)
				k = sizeof(host) - 5;
			memcpy(host + 4, ev->dev2, k);
			host[4 + k] = 0;
			mdc_model_add_map(m, host, ev->dev);
		}
		break;
	case EV_DEVSIG:
		if (ev->dev2[0] && strchr(ev->dev2, ':') && ev->dev[0] &&
		    !strchr(ev->dev, ':')) {
			struct mdc_event h = *ev;

			h.kind = EV_HCTL;
			apply(m, ln, &h, w);
		}
		if (!ev->dev[0]) {
			struct mdc_event g = *ev;

			g.kind = EV_GLOBALSIG;
			apply(m, ln, &g, w);
			break;
		}
		/* an H:C:T:L named by an earlier "sd H:C:T:L: [sdX]" line */
		map = strchr(ev->dev, ':') ? mdc_model_lookup(m, ev->dev) : NULL;
		d = get_dev(m, map && strcmp(map, "?") &&
				   !strncmp(map, "sd", 2) ? map : ev->dev, w);
		if (!d)
			break;
		if (ev->sig != SIG_NONE) {
			if (!d->cnt[ev->sig])
				d->sfirst[ev->sig] = *w;
			d->slast[ev->sig] = *w;
			d->cnt[ev->sig]++;
			if (ev->sig == SIG_REQUEST)
				d->req_pending++;
			if (ev->strength > d->maxstr[ev->sig])
				d->maxstr[ev->sig] = ev->strength;
			if (!d->why[ev->sig])
				d->why[ev->sig] = ev->why;
			/* the rows of the malformed shape say so in their why */
			if (ev->sig == SIG_REQUEST && ev->why &&
			    (strstr(ev->why, "(0 blocks)") ||
			     strstr(ev->why, "(phys_seg 0)")))
				d->zero_len = 1;
		}
		d->last = *w;
		mdc_evadd(&d->ev, ln->file, ln->lineno, ln->raw, ln->rawlen);
		break;
	case EV_CDB:
		/*
		 * The sense lines before it were about this command.  A
		 * refused command that moves no data (a probe, WRITE SAME,
		 * UNMAP, a SAT pass-through from smartd/hdparm) says nothing
		 * about the READ/WRITE that failed: take its request
		 * evidence back.
		 */
		map = mdc_model_lookup(m, ev->dev);
		d = get_dev(m, map && strcmp(map, "?") && strchr(ev->dev, ':') &&
				   !strncmp(map, "sd", 2) ? map : ev->dev, w);
		if (!d)
			break;
		if (d->req_pending && !cdb_moves_data((int)ev->num)) {
			unsigned int k = d->req_pending;

			if (k > d->cnt[SIG_REQUEST])
				k = d->cnt[SIG_REQUEST];
			d->cnt[SIG_REQUEST] -= k;
			if (!d->cnt[SIG_REQUEST]) {
				d->maxstr[SIG_REQUEST] = 0;
				d->why[SIG_REQUEST] = NULL;
				d->zero_len = 0;
			}
		}
		d->req_pending = 0;
		break;
	case EV_GLOBALSIG: {
		struct mdc_gsig *g;

		g = &m->gsig[m->ngsig % MDC_MAX_GSIG];
		m->ngsig++;
		g->sig = ev->sig;
		g->strength = ev->strength;
		g->why = ev->why;
		g->at = *w;
		mdc_evid_set(&g->ev, ln->file, ln->lineno, ln->raw, ln->rawlen);
		break;
	}
	case EV_SUPPRESSED:
		if (ev->array[0])
			m->suppressed_pending += ev->num;
		break;
	case EV_SCSI_HOST:
		/* only libata's hosts get "ataN" ports, in order */
		if (!strncmp(ev->dev2, "ahci", 4) || !strncmp(ev->dev2, "ata_", 4) ||
		    !strncmp(ev->dev2, "sata_", 5) || !strncmp(ev->dev2, "pata_", 5) ||
		    !strncmp(ev->dev2, "libata", 6)) {
			if (m->hostq_n >= sizeof(m->hostq) / sizeof(m->hostq[0]))
				m->hostq_n = 0;	/* lost track: start over */
			m->hostq[m->hostq_n++] = (int)ev->num;
		}
		break;
	case EV_ATA_PORT:
		if (m->hostq_n) {
			char ata[MDC_NAME], host[32];

			snprintf(ata, sizeof(ata), "%s", ev->dev);
			norm_dev(ata);
			snprintf(host, sizeof(host), "host%d", m->hostq[0]);
			mdc_model_add_map(m, ata, host);
			memmove(m->hostq, m->hostq + 1,
				(m->hostq_n - 1) * sizeof(m->hostq[0]));
			m->hostq_n--;
		}
		break;
	case EV_SW_FRAME:
	case EV_NONE:
		break;
	}
}

static int is_frame(const char *msg)
{
	return strstr(msg, "+0x") || !strncmp(msg, "RIP:", 4) ||
	       !strncmp(msg, "Call Trace", 10) || !strncmp(msg, " ", 1) ||
	       !strncmp(msg, "<TASK>", 6) || !strncmp(msg, "</TASK>", 7) ||
	       !strncmp(msg, "Code:", 5) || !strncmp(msg, "R", 1) ||
	       !strncmp(msg, "CPU:", 4) || !strncmp(msg, "Hardware name", 13) ||
	       !strncmp(msg, "Modules linked in", 17) ||
	       !strncmp(msg, "---[", 4) || !strncmp(msg, "? ", 2) ||
	       !strncmp(msg, "PGD", 3) || !strncmp(msg, "Workqueue", 9) ||
	       !strncmp(msg, "#PF", 3) || !strncmp(msg, "Oops", 4) ||
	       !strncmp(msg, "task:", 5) || !strncmp(msg, "\"echo 0", 7) ||
	       !strncmp(msg, "PC is", 5) || !strncmp(msg, "LR is", 5) ||
	       !strncmp(msg, "E", 1) || !strncmp(msg, "FS:", 3) ||
	       !strncmp(msg, "CS:", 3) || !strncmp(msg, "CR2", 3) ||
	       !strncmp(msg, "DR", 2);
}

static void one_message(struct mdc_model *m, struct mdc_line *ln,
			const char *msg, size_t len, const struct mdc_when *w)
{
	struct mdc_event ev;
	const struct mdc_event *e = &ev;

	if (m->sw_open && is_frame(msg)) {
		sw_frame(m, ln, msg);
		m->st.matched++;
		return;
	}
	m->sw_open = 0;
	if (ln->pre_ev && len == ln->pre_len &&
	    !memcmp(msg, ln->pre_msg, len)) {
		if (!ln->pre_ret)
			return;
		e = ln->pre_ev;
	} else if (!mdc_rules(msg, len, ln->tag, &ev)) {
		return;
	}
	m->st.matched++;
	apply(m, ln, e, w);
}

/*
 * A syslog from several hosts: each host's lines are their own boots, so
 * arrays, legs and devices of two hosts never merge.
 */
static void switch_host(struct mdc_model *m, const char *host)
{
	unsigned int i;
	char esc[64];

	/* the same host as the line before (a stored name is escaped text) */
	if (m->nhosts && !strcmp(m->hosts[m->cur_host], host))
		return;
	cpname(esc, sizeof(esc), host);
	if (m->nhosts && !strcmp(m->hosts[m->cur_host], esc))
		return;
	for (i = 0; i < m->nhosts; i++)
		if (!strcmp(m->hosts[i], esc))
			break;
	if (i == m->nhosts) {
		if (m->nhosts >= MDC_MAX_HOSTS) {
			m->st.dropped_entities++;
			return;
		}
		strcpy(m->hosts[m->nhosts++], esc);
		if (m->nhosts > 1) {
			m->cur_host = i;
			new_boot(m);
			return;
		}
		m->cur_host = i;
		if (m->boot < MDC_MAX_BOOTS)
			m->boot_host[m->boot] = i + 1;
		return;
	}
	/* back to a host seen before: its latest boot */
	{
		int b;

		m->cur_host = i;
		for (b = m->maxboot < MDC_MAX_BOOTS ? m->maxboot : MDC_MAX_BOOTS - 1;
		     b >= 0; b--)
			if (m->boot_host[b] == i + 1)
				break;
		if (b >= 0)
			m->boot = b;
		else
			new_boot(m);
	}
}

/* the kernel boot ran, when its "Linux version" line is in the log */
const char *mdc_boot_kernel(const struct mdc_model *m, int boot)
{
	if (boot < 0 || boot >= MDC_MAX_BOOTS || !m->boot_kver[boot])
		return NULL;
	return m->kvers[m->boot_kver[boot] - 1];
}

const char *mdc_boot_host(const struct mdc_model *m, int boot)
{
	if (boot < 0 || boot >= MDC_MAX_BOOTS || !m->boot_host[boot])
		return NULL;
	return m->hosts[m->boot_host[boot] - 1];
}

/*
 * A placed line.  Messages with embedded newlines (printed as "\x0a" by
 * /dev/kmsg and journal exports) are split.
 */
void mdc_model_line(struct mdc_model *m, struct mdc_line *ln)
{
	char buf[MDC_MAX_LINE + 1];
	const char *p, *e, *x;
	struct mdc_when w;
	size_t n = ln->msglen;

	if (ln->has_abs && m->opts) {
		if ((m->opts->has_since && ln->abs < m->opts->since) ||
		    (m->opts->has_until && ln->abs > m->opts->until)) {
			m->st.filtered++;
			return;
		}
	}
	/*
	 * A new input whose lines have no wall-clock time (raw dmesg, kmsg,
	 * pastes) cannot be ordered against the previous one: treat it as
	 * its own boot.  Syslog and journal files (rotations) are merged.
	 */
	if (m->seq && ln->file != m->last_file && !ln->boot[0] &&
	    (!ln->has_abs || !m->last_abs))
		new_boot(m);
	m->last_file = ln->file;
	m->last_abs = ln->has_abs;
	/*
	 * The host first: boot ids are per host (a journal of several
	 * hosts, _HOSTNAME, interleaves their boots).
	 */
	if (ln->host[0])
		switch_host(m, ln->host);
	{
		char *cur = m->nhosts ? m->host_boot_id[m->cur_host] :
					m->cur_boot_id;

		if (ln->boot[0] && strcmp(ln->boot, cur)) {
			if (cur[0])
				new_boot(m);
			snprintf(cur, sizeof(m->cur_boot_id), "%s", ln->boot);
		}
	}
	w.boot = m->boot;
	w.seq = ++m->seq;
	w.file = ln->file;
	w.clock = ln->has_abs ? 2 : ln->has_rel ? 1 : 0;
	w.t = ln->has_abs ? (double)ln->abs : ln->has_rel ? ln->rel : 0;

	if (n > MDC_MAX_LINE)
		n = MDC_MAX_LINE;
	/*
	 * the line's whole text is the one message the loader classified
	 * (it has no NUL and no "\x0a" to be split at): nothing to copy
	 */
	if (ln->pre_ev && ln->pre_msg == ln->msg && ln->pre_len == n &&
	    !m->sw_open) {
		if (ln->pre_ret) {
			m->st.matched++;
			apply(m, ln, ln->pre_ev, &w);
		}
		return;
	}
	memcpy(buf, ln->msg, n);
	buf[n] = 0;
	if (ln->plain) {
		/* the loader saw no NUL and no backslash: one message */
		if (n)
			one_message(m, ln, buf, n, &w);
		return;
	}
	/* NUL bytes inside: cut there for matching (text kept for evidence) */
	n = strlen(buf);
	p = buf;
	e = buf + n;
	while (p < e) {
		x = mdc_escaped_nl(p, e - p);
		if (!x)
			x = e;
		buf[x - buf] = 0;
		one_message(m, ln, p, x - p, &w);
		p = x == e ? e : x + 4;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
	}
	if (ln->fmt == FMT_EXPORT || ln->fmt == FMT_JSON ||
	    ln->fmt == FMT_JOURNAL) {
		/* journal: _KERNEL_DEVICE names the device of the message */
		(void)0;
	}
}
