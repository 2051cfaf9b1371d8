// SPDX-License-Identifier: GPL-2.0
/*
 * rules.c - message patterns.
 *
 * mdc_rules() turns one kernel or daemon message into at most one event:
 * what happened (md reschedule, fault, block-layer error, sense key ...),
 * on which array/leg/device, and which cause the wording points at.  What
 * is known about each wording (pattern, kernel versions, event, class,
 * strength, source) is one row of the table in ruletab.h; this file only
 * finds a message's family, walks the family's rows in order and takes the
 * fields out of the message.  Literal substrings only, no regular
 * expressions, so each row is cheap.
 */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "mdclassify.h"

#include "cclass.h"
#include "ruletab.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* the length copied */
static size_t cpy(char *dst, size_t n, const char *s, size_t len)
{
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = 0;
	return len;
}

/* copy a device-like token: stops at space , : ) ] ; ( */
static const char *devtok(const char *p, char *dst, size_t n)
{
	const char *s = p;

	while (*p && *p != ' ' && *p != ',' && *p != ':' && *p != ')' &&
	       *p != ']' && *p != ';' && *p != '(' && *p != '\t' &&
	       *p != '!' && *p != '\'' && *p != '"')
		p++;
	/* "sdb1." at the end of a sentence */
	if (p > s && p[-1] == '.' && (!*p || *p == ' '))
		cpy(dst, n, s, p - s - 1);
	else
		cpy(dst, n, s, p - s);
	return p;
}

/* copy up to a space; drop a trailing '.' or ',' */
static const char *spacetok(const char *p, char *dst, size_t n)
{
	const char *s = p;
	size_t l;

	while (*p && *p != ' ' && *p != '\t')
		p++;
	l = p - s;
	while (l && (s[l - 1] == '.' || s[l - 1] == ','))
		l--;
	cpy(dst, n, s, l);
	return p;
}

static inline int hexval(unsigned char c)
{
	if (isdigit(c))
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * strtoull(p, NULL, base) for base 0, 10 or 16, without the call for a
 * plain number: at most 15 digits right at p, no space, sign or octal.
 * Anything else is strtoull()'s, so the value is always the same.
 */
static unsigned long long num_at(const char *p, int base)
{
	const char *s = p;
	unsigned long long v = 0;
	int i, d, hex = base == 16;

	if (base != 10 && p[0] == '0' && (p[1] | 32) == 'x' &&
	    hexval(p[2]) >= 0) {
		hex = 1;
		p += 2;
	} else if (base == 0 && p[0] == '0') {
		if (isdigit((unsigned char)p[1]))
			return strtoull(s, NULL, base);	/* octal */
		return 0;
	}
	for (i = 0; i < 16; i++) {
		d = hex ? hexval(p[i]) : isdigit((unsigned char)p[i]) ?
		    p[i] - '0' : -1;
		if (d < 0)
			break;
		v = v * (hex ? 16 : 10) + d;
	}
	if (!i || i > 15)
		return strtoull(s, NULL, base);
	return v;
}

static unsigned long long num_after(const char *s, const char *lit, int *ok)
{
	const char *p = strstr(s, lit);

	if (!p) {
		if (ok)
			*ok = 0;
		return 0;
	}
	p += strlen(lit);
	if (ok)
		*ok = isdigit((unsigned char)*p) || (*p == '0');
	return num_at(p, 0);
}

/* md personality prefix: "md/raid1:md0: ", "md/raid:mdX: ", "raid1: " */
static const char *md_prefix(const char *m, struct mdc_event *ev)
{
	const char *p;

	if (!strncmp(m, "md/", 3)) {
		p = m + 3;
		if (!strncmp(p, "raid10:", 7)) {
			strcpy(ev->level, "raid10");
			p += 7;
		} else if (!strncmp(p, "raid1:", 6)) {
			strcpy(ev->level, "raid1");
			p += 6;
		} else if (!strncmp(p, "raid:", 5)) {
			strcpy(ev->level, "raid4/5/6");
			p += 5;
		} else if (!strncmp(p, "raid0:", 6)) {
			strcpy(ev->level, "raid0");
			p += 6;
		} else if (!strncmp(p, "raid0md", 7)) {
			/* 5.19+ raid0_error: "md/raid0%s:" (no colon) */
			strcpy(ev->level, "raid0");
			p += 5;
		} else if (!strncmp(p, "linear", 6)) {
			/* md-linear.c linear_error: "md/linear%s:" */
			strcpy(ev->level, "linear");
			p += 6 + (p[6] == ':');
		} else {
			return NULL;
		}
		p = devtok(p, ev->array, sizeof(ev->array));
		if (*p != ':')
			return NULL;
		p++;
		while (*p == ' ')
			p++;
		return p;
	}
	/* 2.6 wording: "raid1: ", "raid10: ", "raid10:md0: ", "raid5: " */
	if (!strncmp(m, "raid1", 5) || !strncmp(m, "raid5", 5) ||
	    !strncmp(m, "raid6", 5) || !strncmp(m, "raid4", 5)) {
		p = m + 5;
		if (*p == '0')
			p++;
		cpy(ev->level, sizeof(ev->level), m, p - m);
		if (!strcmp(ev->level, "raid5") || !strcmp(ev->level, "raid6") ||
		    !strcmp(ev->level, "raid4")) {
			/* 2.6.2x+ raid5.c prints "raid5:" for raid6 too */
			ev->parity = ev->level[4] == '6' ? 2 : 0;
			strcpy(ev->level, "raid4/5/6");
		}
		if (*p != ':')
			return NULL;
		p++;
		if (*p != ' ') {	/* raid10:md0: */
			p = devtok(p, ev->array, sizeof(ev->array));
			if (*p != ':')
				return NULL;
			p++;
		}
		while (*p == ' ')
			p++;
		return p;
	}
	return NULL;
}

/*
 * dm name "vg0-iris_boot" -> "vg0/iris_boot" ("--" is an escaped '-');
 * "" when it does not fit: a name cut short would be another LV's
 */
void mdc_dmname_to_lv(const char *s, char *dst, size_t n)
{
	size_t o = 0;

	for (; *s && o + 1 < n; s++) {
		if (*s == '-' && s[1] == '-') {
			dst[o++] = '-';
			s++;
		} else if (*s == '-') {
			dst[o++] = '/';
		} else {
			dst[o++] = *s;
		}
	}
	dst[o] = 0;
	if (*s)
		dst[0] = 0;
}

static int storage_text(const char *s)
{
	static const char *const k[] = {
		"md_", "raid1", "raid10", "raid5", "raid456", "dm_", "dm-",
		"mirror", "kcopyd", "kmirrord", "blk_", "bio_", "submit_bio",
		"nvme", "scsi", "ata_", "sd_", "drivers/md/", "block/",
		"drivers/nvme", "drivers/scsi", "drivers/ata", "[md_mod]",
		"[raid1]", "[dm_mod]", "[dm_mirror]", "_raid", "integrity",
		NULL
	};
	int i;

	for (i = 0; k[i]; i++)
		if (strstr(s, k[i]))
			return 1;
	return 0;
}


/* !strcmp(tag, "kernel") without the call, on every line */
static inline int is_kernel(const char *t)
{
	return t[0] == 'k' && t[1] == 'e' && t[2] == 'r' && t[3] == 'n' &&
	       t[4] == 'e' && t[5] == 'l' && !t[6];
}

/*
 * which tag selectors (enum mdc_tagsel) a message's tag satisfies, as
 * bits (1 << T_*): a new selector needs its test here
 */
static unsigned int tag_mask(const char *tag)
{
	int lvm;
	unsigned int b = 1u << T_ANY;

	/* nearly every line is the kernel's: no selector but T_NOT_LVM */
	if (!tag || is_kernel(tag))
		return b | 1u << T_NOT_LVM;
	lvm = !strcmp(tag, "dmeventd") || !strncmp(tag, "lvm", 3);
	b |= lvm ? 1u << T_LVM : 1u << T_NOT_LVM;
	if (!strcmp(tag, "sudo"))
		b |= 1u << T_SUDO;
	if (!strcmp(tag, "mdadm"))
		b |= 1u << T_MDADM;
	if (!strcmp(tag, "smartd"))
		b |= 1u << T_SMARTD;
	return b;
}

/*
 * The rows of each family in table order, and each pattern's length,
 * made once from the table: a family walks only its own rows.
 */
#define NROWS ARRAY_SIZE(mdc_rule_table)
static unsigned short fam_row[F_NR][NROWS];
static unsigned short fam_nrows[F_NR];
static unsigned short pat_len[NROWS];
/* hashes of the first and last byte pairs of pattern and second literal
 * (see pairs_set()); 0xffff: shorter than a pair, always may be there */
static unsigned short pat_pair[NROWS][2], also_pair[NROWS][2];
/* literal rows whose literals hold no digit (see the wording memo) */
static uint64_t fam_nodigit[F_NR];
/* the literals of the other literal rows, their digits made '0' */
static char *wm_pat[NROWS], *wm_also[NROWS];
static void lit_pairs(const char *lit, unsigned short out[2]);
static pthread_once_t rows_once = PTHREAD_ONCE_INIT;
static int no_memo;	/* MDCLASSIFY_MEMO=0 */
static int memo_check;	/* MDCLASSIFY_MEMO=check */
static pthread_key_t wm_key;

/*
 * Which of a family's rows (bit i: its i-th row) can match at all, made
 * once from the table: by the message's tag selectors (fam_tags, for
 * every set of selectors), and by the first byte of the text the rows
 * see (fam_first: a row that must start with its pattern needs that
 * pattern's first byte there; other rows always may).  rows() walks the
 * rows left in table order, so the first that matches is the same.
 */
#define TAGSETS		(1u << (T_NOT_LVM + 1))
#define FAM_MAX_ROWS	64
static uint64_t fam_tags[F_NR][TAGSETS];
static uint64_t fam_first[F_NR][256];

static char *digits_zero(const char *lit)
{
	char *d = lit ? strdup(lit) : NULL;
	char *q;

	for (q = d; q && *q; q++)
		if (isdigit((unsigned char)*q))
			*q = '0';
	return d;
}

/* row i's literals as the wording memo looks for them (see there) */
static void wm_lits(unsigned int i)
{
	const struct mdc_rule *r = &mdc_rule_table[i];

	wm_pat[i] = digits_zero(r->pat);
	wm_also[i] = digits_zero(r->also);
	if (!wm_pat[i] || (r->also && !wm_also[i])) {
		fprintf(stderr, "mdclassify: out of memory\n");
		abort();
	}
}

static void wm_free(void *p);

static void rows_init(void)
{
	const char *memo;
	unsigned int i, t, b;
	int anchored;

	for (i = 0; i < NROWS; i++) {
		const struct mdc_rule *r = &mdc_rule_table[i];
		unsigned int k = fam_nrows[r->fam]++;
		uint64_t bit = 1ull << k;

		if (k >= FAM_MAX_ROWS) {
			fprintf(stderr, "mdclassify: family %u has over %u rows\n",
				r->fam, FAM_MAX_ROWS);
			abort();
		}
		fam_row[r->fam][k] = i;
		pat_len[i] = r->pat ? strlen(r->pat) : 0;
		lit_pairs(r->pat, pat_pair[i]);
		lit_pairs(r->also, also_pair[i]);
		for (t = 0; t < TAGSETS; t++)
			if (t & 1u << r->tag)
				fam_tags[r->fam][t] |= bit;
		anchored = r->match == M_EQ ||
			   ((r->match == M_PRE || r->match == M_PRED) &&
			    pat_len[i]);
		for (b = 0; b < 256; b++)
			if (!anchored || (unsigned char)r->pat[0] == b)
				fam_first[r->fam][b] |= bit;
		if (r->match == M_NVME)
			continue;
		if (!strpbrk(r->pat, "0123456789") &&
		    (!r->also || !strpbrk(r->also, "0123456789")))
			fam_nodigit[r->fam] |= bit;
		else if (r->match != M_STATUS)
			wm_lits(i);
	}
	memo = getenv("MDCLASSIFY_MEMO");
	no_memo = memo && !strcmp(memo, "0");
	memo_check = memo && !strcmp(memo, "check");
	if (pthread_key_create(&wm_key, wm_free))
		no_memo = 1;
}

/* what the family's start told: parsed once per message */
struct fctx {
	const char *m;		/* whole message */
	const char *p;		/* after the family prefix */
	char status[48];	/* F_BLK */
	char op[24];
	int zero_seg, flush;
	int nvme_io;		/* F_NVME */
	int has_sct;		/* F_NVME: "(sct 0x" is in the message */
	long sct, sc;
};

static int op_in(const char *op, const char *list)
{
	size_t n = strlen(op);
	const char *q = list;

	if (!n)
		return 0;
	while ((q = strstr(q, op))) {
		if ((q == list || q[-1] == ' ') && (q[n] == ' ' || !q[n]))
			return 1;
		q += n;
	}
	return 0;
}

/*
 * The byte pairs of the message being matched, hashed into 4096 slots:
 * a literal none of whose first and last pairs is there is not in the
 * message (any part of it), and its strstr() is skipped.  A slot holds
 * the number of the message that last had a pair there (gen), so nothing
 * is cleared between messages.  Hashing every pair of a message costs
 * about as much as a few strstr() calls, and a message that reaches its
 * family early (a block layer or NVMe error) asks for no more than that:
 * the pairs are hashed when a message asks for its PAIRS_AFTER-th
 * literal, and until then each literal is searched.  Set up by
 * mdc_rules() for each message walked.
 */
#define PAIRS_AFTER	6

struct pairs {
	unsigned short slot[4096];
	unsigned short gen;		/* this message's number */
	const char *m;			/* the message, n bytes */
	size_t n;
	unsigned int asked;		/* literals it asked for */
};

/* each thread's own: mdc_rules_ahead() runs on the loading thread */
static __thread struct pairs pairs;

static inline unsigned int pair_hash(const char *s)
{
	unsigned int a = (unsigned char)s[0], b = (unsigned char)s[1];

	return (a * 67 + b) & 4095;
}

static void pairs_set(const char *m, size_t n)
{
	size_t i;

	if (!++pairs.gen) {
		memset(pairs.slot, 0, sizeof(pairs.slot));
		pairs.gen = 1;
	}
	for (i = 0; i + 1 < n; i++)
		pairs.slot[pair_hash(m + i)] = pairs.gen;
}

/* the message mdc_rules() walks next: no pairs hashed yet */
static void pairs_reset(const char *m, size_t n)
{
	pairs.m = m;
	pairs.n = n;
	pairs.asked = 0;
}

static void lit_pairs(const char *lit, unsigned short out[2])
{
	size_t n = lit ? strlen(lit) : 0;

	out[0] = out[1] = 0xffff;
	if (n >= 2) {
		out[0] = pair_hash(lit);
		out[1] = pair_hash(lit + n - 2);
	}
}

static inline int hash_in(unsigned int h)
{
	return pairs.slot[h] == pairs.gen;
}

/*
 * 0 when a row's literal cannot be in the message (its first or last
 * byte pair is not), from the literal's kept hashes; 1 when it may be,
 * or when the message's pairs are not hashed yet (see PAIRS_AFTER)
 */
static inline int row_may_hold(const unsigned short hp[2])
{
	if (hp[0] == 0xffff)
		return 1;
	if (pairs.asked < PAIRS_AFTER) {
		if (++pairs.asked < PAIRS_AFTER)
			return 1;
		pairs_set(pairs.m, pairs.n);
	}
	return hash_in(hp[0]) && hash_in(hp[1]);
}

/*
 * the pattern (and the second literal) of row r in the message; in
 * rows() as it was when rows() was its one caller (wm_check() is the
 * other: out of line it cost 2 % more instructions)
 */
static __always_inline const char *
row_match(const struct mdc_rule *r, const struct fctx *c)
{
	const char *q = NULL;
	size_t pl;

	/*
	 * the wording memo leans on the rows of literals (M_SUB, M_PRE,
	 * M_PRED, M_EQ) being decided by their literals (and the digit
	 * after an M_PRED pattern) alone
	 */
	switch (r->match) {
	case M_SUB:
		q = row_may_hold(pat_pair[r - mdc_rule_table]) ?
		    strstr(c->p, r->pat) : NULL;
		break;
	case M_PRE:
	case M_PRED:
		pl = pat_len[r - mdc_rule_table];
		/*
		 * rows() walks only rows whose first byte is c->p[0]; the
		 * second tells most of the others apart without a call
		 */
		q = pl > 1 && c->p[1] != r->pat[1] ? NULL :
		    strncmp(c->p, r->pat, pl) ? NULL : c->p;
		if (q && r->match == M_PRED &&
		    !isdigit((unsigned char)c->p[pl]))
			q = NULL;
		break;
	case M_EQ:
		q = strcmp(c->p, r->pat) ? NULL : c->p;
		break;
	case M_STATUS:
		q = c->status[0] != r->pat[0] ||
		    strcmp(c->status, r->pat) ? NULL : c->p;
		break;
	case M_NVME:
		/* family_start() looked for it in the same text */
		if (!c->has_sct)
			return NULL;
		if (r->sct >= 0 && c->sct != r->sct)
			return NULL;
		if (c->sc < r->sc_lo || c->sc > r->sc_hi)
			return NULL;
		q = c->p;
		break;
	}
	if (q && r->also && (!row_may_hold(also_pair[r - mdc_rule_table]) ||
			     !strstr(c->p, r->also)))
		return NULL;
	return q;
}

/*
 * Take the fields named by r->field out of the message (q: where the
 * pattern is).  1: done; 0: this row does not apply after all, try the
 * next; -1: the family has nothing to say about this message.
 */
static int extract(const struct mdc_rule *r, const struct fctx *c,
		   const char *q, struct mdc_event *ev)
{
	const char *p = c->p, *m = c->m, *e;
	size_t pl = pat_len[r - mdc_rule_table];
	char name[160];		/* a dm name is < 128 bytes (DM_NAME_LEN) */

	switch (r->field) {
	case X_NONE:
	case X_FAMILY:
	case X_FAMILY_OR_ON:
		return 1;
	case X_AFTER:
		devtok(q + pl, ev->dev, sizeof(ev->dev));
		/*
		 * 2.6 raid5.c: "raid5: Disk failure on sda4, disabling
		 * device. Operation continuing on 3 devices": num is 3 + 1
		 */
		if (r->event == EV_FAULT) {
			e = strstr(q, "continuing on ");	/* may wrap */
			if (e && isdigit((unsigned char)e[14]))
				ev->num = atol(e + 14) + 1;
		}
		return 1;
	case X_BEFORE:
		/* the word before: a prefix no format took stays out */
		e = q;
		while (e > p && e[-1] != ' ')
			e--;
		cpy(ev->dev, sizeof(ev->dev), e, q - e);
		if (r->event == EV_RESCHED)
			ev->sector = num_at(q + pl, 10);
		return 1;
	case X_ON:
		q = strstr(q, " on ");
		if (q)
			devtok(q + 4, ev->dev, sizeof(ev->dev));
		return 1;
	case X_MIRROR_STATE:
		/*
		 * "All sides of mirror have failed.", 2.6 "Mirror read
		 * failed." (no other leg): I/O fails; "Unable to read
		 * primary mirror during recovery", "Write error during
		 * recovery": regions stay out of sync
		 */
		ev->mstate = strstr(p, "All sides") ||
			     (strstr(p, "Mirror read failed") &&
			      !strstr(p, "alternative")) ? MS_FAILED :
			     strstr(p, "recovery") ? MS_NO_SYNC : MS_LEG_READ;
		return 1;
	case X_MD_DONE:
		devtok(p, ev->array, sizeof(ev->array));
		return 1;
	case X_FOR:
		/* 2.6 "raid5: not enough operational devices for md0" */
		q = strstr(q, " for ");
		if (q && !ev->array[0])
			devtok(q + 5, ev->array, sizeof(ev->array));
		return 1;
	case X_NUM:
		/* "Operation continuing on " with no number is no count */
		if (r->event == EV_CONTINUING && !isdigit((unsigned char)q[pl]))
			return -1;
		ev->num = atol(q + pl);
		return 1;
	case X_CDB:
		/* "CDB: Read(10) 28 00 ..." or 2.6.3x "CDB: Read(10): 28 00" */
		q = strchr(q + pl, ')');
		if (!q)
			return 0;
		q++;
		if (*q == ':')
			q++;
		while (*q == ' ')
			q++;
		if (!isxdigit((unsigned char)q[0]) ||
		    !isxdigit((unsigned char)q[1]) ||
		    (q[2] && q[2] != ' '))
			return 0;
		ev->num = strtol(q, NULL, 16);
		return 1;
	case X_MDNAME:
		devtok(p, ev->array, sizeof(ev->array));
		strcpy(ev->level, strstr(q, "linear") ? "linear" : "raid0");
		return 1;
	case X_REDIRECT:
		ev->sector = num_at(q + pl, 10);
		q = strstr(q, "mirror: ");
		if (q) {
			devtok(q + 8, ev->dev, sizeof(ev->dev));
		} else {
			q = strstr(p, ": redirecting");
			if (q && q > p)
				cpy(ev->dev, sizeof(ev->dev), p, q - p);
		}
		return 1;
	case X_THRESHOLD:
		if (q > p + 2)
			cpy(ev->dev, sizeof(ev->dev), p, q - p - 2);
		ev->num = (long)num_after(q, "[cur ", NULL);
		ev->num2 = (long)num_after(q, ":max ", NULL);
		return 1;
	case X_ACTIVE:
		/* raid5.c: "raid level %d active with %d out of %d devices" */
		q = strstr(p, "raid level ");
		if (q && (q[11] == '4' || q[11] == '5' || q[11] == '6') &&
		    q[12] == ' ')
			ev->parity = q[11] == '6' ? 2 : 1;
		q = strstr(p, "active with ");
		/* 2.6: "raid1: raid set md0 active with 1 out of 2 mirrors" */
		e = strstr(p, " set ");
		if (q && e && e < q && !ev->array[0])
			devtok(e + 5, ev->array, sizeof(ev->array));
		if (q) {
			ev->num = atol(q + 12);
			q = strstr(q, " out of ");
			ev->num2 = q ? atol(q + 8) : 0;
		}
		return 1;
	case X_RAID_ARRAY:
		q = strstr(p, "RAID array ");
		if (q)
			devtok(q + 11, ev->array, sizeof(ev->array));
		return 1;
	case X_OPS:
		return op_in(c->op, r->ops);
	case X_SEG0_DATA:
		return c->zero_seg && (!strcmp(c->op, "READ") ||
				       (!strcmp(c->op, "WRITE") && !c->flush));
	case X_NVME_IO:
		return c->nvme_io;
	case X_NVME_ADMIN:
		return !c->nvme_io;
	case X_NVME_PATH:
		if (!strncmp(m, "block ", 6))
			m += 6;
		if (q > m)
			devtok(m, ev->dev, sizeof(ev->dev));
		return 1;
	case X_NVME_CTRL:
		devtok(m + 5, ev->dev, sizeof(ev->dev));
		return 1;
	case X_MIRROR_DEV:
		/* "Read failure on mirror device %s.  Failing I/O." */
		if (strstr(q, "Failing I/O"))
			ev->mstate = MS_FAILED;
		q = strchr(q + 10, ' ');
		if (q && !strncmp(q, " from ", 6))
			q += 5;
		if (q)
			spacetok(q + 1, ev->dev, sizeof(ev->dev));
		return 1;
	case X_PRIMARY:
		/* "Primary mirror (%s) failed while out-of-sync: ..." */
		if (strstr(q, "out-of-sync"))
			ev->mstate = MS_NO_SYNC;
		q += pl;
		devtok(q, ev->dev, sizeof(ev->dev));
		if (q[strlen(ev->dev)] == ':')
			spacetok(q, ev->dev, sizeof(ev->dev));
		if (ev->dev[0] && ev->dev[strlen(ev->dev) - 1] == ')')
			ev->dev[strlen(ev->dev) - 1] = 0;
		return 1;
	case X_INTEG_DEV:
		devtok(p, ev->dev, sizeof(ev->dev));
		return 1;
	case X_LV_DEVICE:
		ev->num = atol(p + 8);
		q = strstr(p, " array, ") + 8;
		e = strchr(q, ',');
		if (!e || !strstr(e, "has failed"))
			return -1;
		cpy(name, sizeof(name), q, e - q);
		mdc_dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		return 1;
	case X_LV_MIRROR:
		strcpy(ev->array, "dm-mirror");
		strcpy(ev->level, "mirror");
		if (r->pat[0] == 'L') {
			/*
			 * the mirror's disk log: dm-log reports it dead (D) or
			 * its flush failed (F), and dmeventd repairs both
			 */
			e = q + pl;
			if (*e == ',')
				e++;
			while (*e == ' ')
				e++;
			spacetok(e, ev->dev, sizeof(ev->dev));
			if (!ev->dev[0] || (!strstr(e, " has failed") &&
					    !strstr(e, " flush failed")))
				return -1;
			ev->mstate = MS_LOG_OUT;
			return 1;
		}
		spacetok(q + pl, ev->dev, sizeof(ev->dev));
		/*
		 * dmeventd_mirror.c repairs (lvconvert --repair takes the
		 * leg out) for "flush failed" and "has failed (D|U)" only;
		 * "read failed" and "sync failed" are logged, and the leg
		 * stays in the mirror
		 */
		ev->mstate = strstr(q + pl, " has failed") ||
			     strstr(q + pl, " flush failed") ? MS_LEG_OUT :
			     strstr(q + pl, " sync failed") ?
			     (strstr(p, "Primary") ? MS_NO_SYNC : MS_SEC_NO_SYNC) :
			     MS_LEG_READ;
		return 1;
	case X_DMLOG:
		/* "device-mapper: dirty region log: 253:2: Failed to ..." */
		e = strstr(q + pl, ": ");
		if (!e || e == q + pl)
			return -1;
		cpy(ev->dev, sizeof(ev->dev), q + pl, e - (q + pl));
		strcpy(ev->array, "dm-mirror");
		strcpy(ev->level, "mirror");
		ev->mstate = MS_LOG_OUT;
		ev->num = 1;	/* the kernel's header I/O, not dmeventd */
		return 1;
	case X_LV_REPAIR:
	case X_LV_TAKEN:
		ev->mstate = r->field == X_LV_TAKEN ? MS_LEG_OUT :
			     strstr(q + pl, " finished successfully") ?
			     MS_REPAIRED : strstr(q + pl, " failed") ?
			     MS_REPAIR_FAILED : MS_LEG_READ;
		spacetok(q + pl, name, sizeof(name));
		mdc_dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		return 1;
	case X_LV_AFTER:
		if (r->event == EV_LVNAME && !strcmp(r->pat, "lvconvert --repair ")) {
			size_t tl = devtok(q + pl, ev->dev2, sizeof(ev->dev2)) -
				    (q + pl);

			/* "" rather than a VG/LV cut short: another LV's */
			if (tl && q[pl + tl - 1] == '.')
				tl--;
			if (strlen(ev->dev2) < tl)
				ev->dev2[0] = 0;
			return 1;
		}
		spacetok(q + pl, name, sizeof(name));
		mdc_dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		return 1;
	case X_LV_BEFORE:
		e = q;
		while (e > p && e[-1] != ' ')
			e--;
		cpy(name, sizeof(name), e, q - e);
		if (name[0] && name[strlen(name) - 1] == ',')
			name[strlen(name) - 1] = 0;
		mdc_dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		/* dmeventd "vg0-data is now in-sync.": a mirror in sync */
		ev->num = !strncmp(q, " is now in-sync", 15);
		return 1;
	case X_SW:
		ev->storage = storage_text(m);
		cpy(ev->dev2, sizeof(ev->dev2), m, strlen(m));
		return 1;
	case X_SW_NOTE:
		if (!storage_text(m))
			return 0;
		ev->storage = 1;
		cpy(ev->dev2, sizeof(ev->dev2), m, strlen(m));
		return 1;
	case X_SUDO:
		if (!(strstr(q, "--fail") || strstr(q, " -f ") ||
		      strstr(q, "--set-faulty") || strstr(q, "--remove") ||
		      strstr(q, " -r ")))
			return 0;
		e = strstr(q, "/dev/md");
		if (e)
			devtok(e + 5, ev->array, sizeof(ev->array));
		e = strrchr(q, ' ');
		if (e && !strncmp(e + 1, "/dev/", 5))
			devtok(e + 6, ev->dev, sizeof(ev->dev));
		return 1;
	case X_SET_FAULTY:
		devtok(q + 9, ev->dev, sizeof(ev->dev));
		q = strstr(m, " faulty in /dev/");
		devtok(q + 16, ev->array, sizeof(ev->array));
		return 1;
	case X_HOT_REMOVED:
		devtok(q + pl, ev->dev, sizeof(ev->dev));
		q = strstr(m, " from /dev/");
		if (q)
			devtok(q + 11, ev->array, sizeof(ev->array));
		return 1;
	case X_FAIL_EVENT:
		devtok(q + pl, ev->array, sizeof(ev->array));
		q = strstr(q, "component device /dev/");
		if (q)
			devtok(q + 22, ev->dev, sizeof(ev->dev));
		return 1;
	case X_DEVPATH:
		q = strstr(m, "/dev/");
		if (q)
			devtok(q + 5, ev->dev, sizeof(ev->dev));
		return 1;
	case X_VERSION:
		devtok(q + pl, ev->dev2, sizeof(ev->dev2));
		return 1;
	case X_SUPPRESSED:
		e = q;
		while (e > m && isdigit((unsigned char)e[-1]))
			e--;
		ev->num = atol(e);
		if (e - m > 2)
			cpy(ev->dev2, sizeof(ev->dev2), m, e - m - 2);
		if (!strncmp(m, "raid1", 5) || !strncmp(m, "raid10", 6))
			strcpy(ev->array, "mdX?");
		return 1;
	case X_SCSI_HOST:
		ev->num = atol(q + pl);
		e = strchr(q + pl, ':');
		if (!e)
			return 0;
		spacetok(e[1] ? e + 2 : e + 1, ev->dev2, sizeof(ev->dev2));
		return 1;
	case X_BUFIO:
		devtok(q + pl + 1, ev->dev, sizeof(ev->dev));
		return 1;
	}
	return 1;
}

/*
 * The rest of a block layer error line after its device, read in the
 * order the kernel prints it: ", sector %llu op 0x%x:(%s) flags 0x%x
 * phys_seg %u".  The caller saw no "phys_seg " or " flags " start before
 * " error, dev " (where one would run into it, too); none starts in that
 * literal, nor in the device (no blank in it, and ", sector " after it);
 * and none starts in what is read here before its own place: a blank
 * comes only after ',', "sector", the sector's digits and "op", and in
 * none of those places, the op has no blank and ends at ')', and "op"
 * and the hex of "0x%x" hold no "phys_seg".  ":(" and ')' are the first
 * after the device as well.  So every field is the one family_start()'s
 * searches (from the start of the message for phys_seg and flags) would
 * find.  0: not in that order; family_start() searches.
 */
static int blk_tail(const char *p, struct fctx *c, struct mdc_event *ev)
{
	const char *t, *op, *e, *f;

	if (strncmp(p, ", sector ", 9))
		return 0;
	for (t = p + 9; isdigit((unsigned char)*t); t++)
		;
	if (strncmp(t, " op 0x", 6))
		return 0;
	for (t += 6; isxdigit((unsigned char)*t); t++)
		;
	if (t[0] != ':' || t[1] != '(')
		return 0;
	op = t + 2;
	for (e = op; *e && *e != ')' && *e != ' '; e++)
		;
	if (strncmp(e, ") flags ", 8))
		return 0;
	f = e + 8;
	t = f + (f[0] == '0' && (f[1] | 32) == 'x' ? 2 : 0);
	while (isxdigit((unsigned char)*t))
		t++;
	if (strncmp(t, " phys_seg ", 10))
		return 0;
	t += 10;
	ev->sector = num_at(p + 9, 0);
	cpy(ev->dev2, sizeof(ev->dev2), c->op,
	    cpy(c->op, sizeof(c->op), op, e - op));
	ev->num = (long)num_at(t, 0);
	c->zero_seg = isdigit((unsigned char)*t) && !ev->num;
	c->flush = (num_at(f, 0) & 0x800) != 0;	/* REQ_PREFLUSH (5.x+) */
	return 1;
}

/* the start of a family's messages; 0 when the message is not one */
static int family_start(enum mdc_fam f, const char *m, struct fctx *c,
			struct mdc_event *ev)
{
	const char *p, *q;
	int ok;

	memset(c, 0, sizeof(*c));
	c->m = m;
	c->p = m;
	switch (f) {
	case F_MD:
		c->p = md_prefix(m, ev);
		return c->p != NULL;
	case F_MDCORE:
		c->p = m + 4;
		return 1;
	case F_DMMIRROR:
		strcpy(ev->level, "mirror");
		strcpy(ev->array, "dm-mirror");
		c->p = m + 22;
		return 1;
	case F_DMINTEG:
		c->p = m + 26;
		return 1;
	case F_DMRAID:
		strcpy(ev->array, "mdX");
		c->p = m + 21;
		return 1;
	case F_LVM:
		if (!strncmp(m, "WARNING: ", 9))
			c->p = m + 9;
		return 1;
	case F_IDE:
		if (m[2] < 'a' || m[2] > 'z')
			return 0;
		/* fall through */
	case F_ATA:
		p = devtok(m, ev->dev, sizeof(ev->dev));
		if (*p != ':')
			return 0;
		c->p = p + 1;
		return 1;
	case F_SCSI: {
		char hctl[32];
		const char *h = m + 3;
		size_t hl;

		p = h;
		while (isdigit((unsigned char)*p) || *p == ':')
			p++;
		if (p - h < 8 || p[-1] != ':' || *p != ' ')
			return 0;
		hl = cpy(hctl, sizeof(hctl), h, p - h - 1);
		while (*p == ' ')
			p++;
		if (*p == '[') {
			p = devtok(p + 1, ev->dev, sizeof(ev->dev));
			if (*p == ']')
				p++;
			cpy(ev->dev2, sizeof(ev->dev2), hctl, hl);
		} else {
			/* no [sdX]: keep the H:C:T:L, resolved later */
			snprintf(ev->dev, sizeof(ev->dev), "%s", hctl);
		}
		c->p = p;
		return 1;
	}
	case F_BLK: {
		const char *s = m;
		unsigned long flags;
		int later = 1;

		/* "%s error, dev %s, sector %llu op 0x%x:(%s) flags 0x%x phys_seg %u" */
		q = strstr(m, " error, dev ");
		if (!q)
			return 0;
		/*
		 * the first ": " before it is a caller's prefix (older
		 * kernels); and whether "phys_seg " and " flags " are first
		 * found after it, for blk_tail()
		 */
		for (p = m; p < q; p++) {
			if (p[0] == ':' && p[1] == ' ' && s == m)
				s = p + 2;
			else if ((p[0] == 'p' && !strncmp(p, "phys_seg ", 9)) ||
				 (p[0] == ' ' && !strncmp(p, " flags ", 7)))
				later = 0;
		}
		if (s > q)	/* "x: error, dev": the ": " runs into it */
			s = q;
		cpy(c->status, sizeof(c->status), s, q - s);
		p = devtok(q + 12, ev->dev, sizeof(ev->dev));
		if (later && blk_tail(p, c, ev))
			return 1;
		ev->sector = num_after(p, "sector ", NULL);
		p = strstr(p, ":(");
		if (p) {
			const char *e = strchr(p, ')');

			if (e)
				cpy(c->op, sizeof(c->op), p + 2, e - p - 2);
		}
		cpy(ev->dev2, sizeof(ev->dev2), c->op, strlen(c->op));
		ev->num = (long)num_after(m, "phys_seg ", &ok);
		c->zero_seg = ok && ev->num == 0;
		flags = num_after(m, " flags ", NULL);
		c->flush = (flags & 0x800) != 0;	/* REQ_PREFLUSH (5.x+) */
		return 1;
	}
	case F_NVME:
		q = strstr(m, "(sct 0x");
		c->has_sct = q != NULL;
		if (q) {
			const char *col = strchr(m, ':');

			c->nvme_io = strstr(m, " @ LBA ") != NULL;
			if (col && col < q)
				cpy(ev->dev, sizeof(ev->dev), m, col - m);
			c->sct = num_at(q + 5, 16);
			q = strstr(q, "sc 0x");
			c->sc = q ? num_at(q + 3, 16) : 0;
			ev->num = c->sct;
			ev->num2 = c->sc;
		}
		return 1;
	default:
		return 1;
	}
}

/*
 * The wording memo.  Where disks fail, nearly every message is new only
 * in its numbers (sector, command tag, H:C:T:L): "sd 2:0:0:0: [sdc]
 * tag#1467 Add. Sense: Unrecovered read error" misses the same rows as
 * tag#66 on another sector did.  So each thread keeps, for the wordings
 * it walked last (the message with each decimal digit made '0', and the
 * tag selectors), which rows of literals (M_SUB, M_PRE, M_PRED, M_EQ) do
 * not match the message, and where the first M_SUB literal that is
 * there starts.  A literal holding no digit (a digit-free row's,
 * fam_nodigit) is at the same places in a text and in its wording: the
 * bytes it covers are no digits, the same in both, and a '0' in the
 * wording is a digit in the text (so a digit follows a pattern in both
 * or in neither).  So a digit-free row that does not match one message
 * of a wording matches none, and where its literal is in one it is in
 * all, at the same place.  A row with digits in a literal matches no
 * message of a wording that the row with those digits made '0' does not
 * match (wm_may()).  This leans on row_match() deciding those rows by
 * their literals alone.  A block layer status row (M_STATUS, digit-free)
 * is one too: the status it is compared with ends at the first " error,
 * dev " and starts at the message or after the first ": " before that
 * (family_start()), digit-free literals, so it is at the same place in
 * every text of a wording, and it equals a word without digits in all
 * of them or in none.
 *
 * It holds for the same part of the message only: what the memo keeps
 * of a family's rows is kept with the offset where they look (c->p), and
 * used at that offset only (no family's c->p depends on a digit today;
 * the offset is checked all the same).  Every other row is walked as
 * always, and extract() is run on the message: the events are those of
 * a walk without the memo.  MDCLASSIFY_MEMO=0 turns both memos off, and
 * MDCLASSIFY_MEMO=check matches every row the wording memo passes or
 * places and aborts where the message disagrees (tests/run.sh and the
 * fuzz targets run it).
 */
static uint64_t memo_hash(const char *s, size_t n, unsigned int tags);

#define WM_SLOTS	512
#define WM_TEXT		224	/* the message memo's MEMO_TEXT */
#define WM_LEVELS	4	/* families kept a wording (more get none) */
#define WM_SEEN		4096	/* wordings seen once, 2 bytes of hash each */

/* what a wording memo slot keeps of one family's rows */
struct wm_fam {
	uint64_t absent;	/* rows matching no message of the wording */
	uint64_t hit;		/* a digit-free M_SUB row in all (a bit, or 0) */
	unsigned short hit_off;	/* where its literal starts, from c->p */
	unsigned short off;	/* c->p - c->m for all this */
	unsigned char fam, used;
};

struct wmemo {
	uint64_t h;
	unsigned short len;
	unsigned char tags;
	struct wm_fam lv[WM_LEVELS];
	char text[WM_TEXT + 1];	/* NUL-terminated */
};

/* each thread's own (like pairs), allocated at its first walk */
struct wm_state {
	const char *m;		/* the message walked */
	struct wmemo *e;	/* its wording's slot, or NULL */
	unsigned long used;	/* families it had rows of (mdc_rules_memo_used) */
	char text[WM_TEXT];
	struct wmemo slot[WM_SLOTS];	/* sets of two: slot 2k and 2k + 1 */
	unsigned char mru[WM_SLOTS / 2];	/* the one of set k used last */
	unsigned short seen[WM_SEEN];
};

static __thread struct wm_state *wm;

static void wm_free(void *p)
{
	free(p);
}

/* a thread's memo, made at its first walk; NULL: none (out of memory) */
static struct wm_state *wm_get(void)
{
	if (!wm) {
		wm = calloc(1, sizeof(*wm));
		if (wm)
			pthread_setspecific(wm_key, wm);
	}
	return wm;
}

/*
 * The wording of s (n bytes) into d, each decimal digit made '0', and
 * its hash (with n and tags): 16 bytes a step, the last step overlapping
 * the one before, for a hash that costs no multiply chain
 */
static uint64_t wm_mask(const char *s, size_t n, unsigned int tags, char *d)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	uint64_t h = 0x9e3779b97f4a7c15ull ^ (n << 8) ^ tags, l[2];
	__m128i a = _mm_set1_epi64x(h);

	if (n >= 16) {
		for (;; i += 16) {
			__m128i v, x, dg;

			if (i + 16 > n)
				i = n - 16;
			v = _mm_loadu_si128((const __m128i *)(s + i));
			x = _mm_sub_epi8(v, zero);
			dg = _mm_cmpeq_epi8(_mm_min_epu8(x, nine), x);
			v = _mm_or_si128(_mm_and_si128(dg, zero),
					 _mm_andnot_si128(dg, v));
			_mm_storeu_si128((__m128i *)(d + i), v);
			a = _mm_or_si128(_mm_slli_epi64(a, 7),
					 _mm_srli_epi64(a, 57));
			a = _mm_xor_si128(a, v);
			if (i + 16 == n)
				break;
		}
		_mm_storeu_si128((__m128i *)l, a);
		h = l[0] * 0xff51afd7ed558ccdull ^ l[1] * 0xc4ceb9fe1a85ec53ull;
		return (h ^ h >> 32) | 1;
	}
#endif
	for (; i < n; i++)
		d[i] = (unsigned char)(s[i] - '0') < 10 ? '0' : s[i];
	return memo_hash(d, n, tags);
}

/* the slot of message m's wording (n bytes), found or made anew */
static void wm_begin(const char *m, size_t n, unsigned int tags)
{
	struct wm_state *w = no_memo ? NULL : wm_get();
	unsigned int set, k;
	struct wmemo *e;
	uint64_t h;

	if (!w)
		return;
	w->m = m;
	w->e = NULL;
	if (n > WM_TEXT)
		return;
	h = wm_mask(m, n, tags, w->text);
	/*
	 * two slots a set: where disks fail, wordings that come back all
	 * the time (a FAILED Result and a Buffer I/O error line) met in
	 * one slot and pushed each other out, line after line
	 */
	set = (h >> 7) % (WM_SLOTS / 2);
	for (k = 0; k < 2; k++) {
		e = &w->slot[2 * set + k];
		if (e->h == h && e->len == n && e->tags == tags &&
		    !memcmp(e->text, w->text, n))
			break;
	}
	if (k == 2) {
		/*
		 * a wording takes a slot the second time it is seen: a
		 * SCSI CDB line (its bytes in hex) is a wording of its own
		 * and would push out the wordings that come back
		 */
		unsigned short *seen = &w->seen[(h >> 20) % WM_SEEN];

		if (*seen != (unsigned short)(h >> 48)) {
			*seen = h >> 48;
			return;
		}
		k = !w->mru[set];
		e = &w->slot[2 * set + k];
		e->h = h;
		e->len = n;
		e->tags = tags;
		memset(e->lv, 0, sizeof(e->lv));
		memcpy(e->text, w->text, n);
		e->text[n] = 0;
	}
	w->mru[set] = k;
	w->e = e;
}

/* what the wording memo keeps of family f's rows, looking at c->p */
static struct wm_fam *wm_family(enum mdc_fam f, const struct fctx *c)
{
	struct wmemo *e = wm && wm->m == c->m ? wm->e : NULL;
	unsigned short off = c->p - c->m;
	unsigned int i;

	if (!e)
		return NULL;
	for (i = 0; i < WM_LEVELS && e->lv[i].used; i++) {
		if (e->lv[i].fam != f)
			continue;
		if (e->lv[i].off != off)
			return NULL;
		wm->used += (e->lv[i].absent | e->lv[i].hit) != 0;
		return &e->lv[i];
	}
	if (i == WM_LEVELS)
		return NULL;
	e->lv[i].used = 1;
	e->lv[i].fam = f;
	e->lv[i].off = off;
	e->lv[i].absent = 0;
	e->lv[i].hit = 0;
	return &e->lv[i];
}

/*
 * whether row i could match a message whose wording (from c->p) is w;
 * no row with a digit has a second literal today, but it is looked for
 */
static int wm_may(const struct mdc_rule *r, unsigned int i, const char *w)
{
	size_t pl = pat_len[i];
	int in;

	switch (r->match) {
	case M_SUB:
		in = !!strstr(w, wm_pat[i]);
		break;
	case M_PRE:
		in = !strncmp(w, wm_pat[i], pl);
		break;
	case M_PRED:
		in = !strncmp(w, wm_pat[i], pl) && w[pl] == '0';
		break;
	default:
		in = !strcmp(w, wm_pat[i]);
		break;
	}
	return in && (!wm_also[i] || strstr(w, wm_also[i]));
}

/*
 * Row r (bit in family f) looked at the message of lv's wording: q where
 * its literal is, or NULL.  Keep what holds for every message of the
 * wording.
 */
static void wm_keep(struct wm_fam *lv, enum mdc_fam f, uint64_t bit,
		    const struct mdc_rule *r, const struct fctx *c,
		    const char *q)
{
	const char *w = wm->e->text + lv->off;
	unsigned int i = r - mdc_rule_table;

	if (r->match == M_NVME ||
	    (r->match == M_STATUS && !(fam_nodigit[f] & bit)))
		return;
	if (fam_nodigit[f] & bit) {
		if (!q) {
			lv->absent |= bit;
		} else if (r->match == M_SUB && !lv->hit) {
			lv->hit = bit;
			lv->hit_off = q - c->p;
		}
	} else if (!q && !wm_may(r, i, w)) {
		lv->absent |= bit;
	}
}

/* MDCLASSIFY_MEMO=check: the row matches the message as the memo says */
static void wm_check(const struct mdc_rule *r, const struct fctx *c,
		     const char *q)
{
	if (row_match(r, c) != q) {
		fprintf(stderr,
			"mdclassify: wording memo: row %u wrong on \"%s\"\n",
			(unsigned int)(r - mdc_rule_table), c->m);
		abort();
	}
}

/* ... and does not match any of the rows in pass (bits of family f) */
static void wm_check_absent(enum mdc_fam f, const struct fctx *c,
			    uint64_t pass)
{
	for (; pass; pass &= pass - 1)
		wm_check(&mdc_rule_table[fam_row[f][__builtin_ctzll(pass)]],
			 c, NULL);
}

unsigned long mdc_rules_memo_used(void)
{
	return wm ? wm->used : 0;
}

static int run_family(enum mdc_fam f, const char *m, unsigned int tags,
		      struct mdc_event *ev);

/* the rows of family f, in order: the first that matches gives the event */
static int rows(enum mdc_fam f, struct fctx *c, unsigned int tags,
		struct mdc_event *ev)
{
	struct wm_fam *lv = wm_family(f, c);
	uint64_t may = fam_tags[f][tags] &
		       fam_first[f][(unsigned char)c->p[0]];

	if (lv) {
		if (memo_check)
			wm_check_absent(f, c, may & lv->absent);
		may &= ~lv->absent;
	}

	for (; may; may &= may - 1) {
		const struct mdc_rule *r =
			&mdc_rule_table[fam_row[f][__builtin_ctzll(may)]];
		const char *q;
		int x;

		if (lv && lv->hit == (may & -may)) {
			q = c->p + lv->hit_off;
			if (memo_check)
				wm_check(r, c, q);
		} else {
			q = row_match(r, c);
			if (lv)
				wm_keep(lv, f, may & -may, r, c, q);
			if (!q)
				continue;
		}
		if (f == F_TOP && (r->field == X_FAMILY ||
				   r->field == X_FAMILY_OR_ON)) {
			if (run_family(r->sub, c->m, tags, ev))
				return 1;
			memset(ev, 0, sizeof(*ev));
			if (r->field == X_FAMILY)
				return 0;
			continue;
		}
		if (r->event == EV_NONE)	/* a stop row */
			return 0;
		x = extract(r, c, q, ev);
		if (x < 0)
			return 0;
		if (!x)
			continue;
		ev->kind = r->event;
		ev->sig = r->sig;
		ev->strength = r->str;
		ev->why = r->why;
		return 1;
	}
	return 0;
}

static int run_family(enum mdc_fam f, const char *m, unsigned int tags,
		      struct mdc_event *ev)
{
	struct fctx c;

	if (!family_start(f, m, &c, ev))
		return 0;
	if (rows(f, &c, tags, ev))
		return 1;
	/* an sd line that says nothing else still maps H:C:T:L to sdX */
	if (f == F_SCSI && ev->dev2[0]) {
		ev->kind = EV_HCTL;
		ev->sig = SIG_NONE;
		ev->strength = 0;
		ev->why = NULL;
		return 1;
	}
	return 0;
}

/*
 * A storm repeats one message thousands of times: the last messages and
 * their events are kept (direct-mapped by a hash of the tag selectors and
 * the text), and a message seen again gets the same event without the
 * rows being walked.  mdc_rules() is a function of the message and the
 * tag's selectors only, so this changes nothing but the time.  The model
 * is used by one thread only (scan.c), and so is this.
 */
#define MEMO_SLOTS	4096	/* 2 MiB; 256 thrashed on 3,000 messages */
#define MEMO_TEXT	224	/* longer messages are not kept */
static_assert(WM_TEXT == MEMO_TEXT, "one length for both memos");

struct memo {
	uint64_t h;
	unsigned short len;
	unsigned char tags, ret;
	char text[MEMO_TEXT];
	struct mdc_event ev;
};

static struct memo memo[MEMO_SLOTS];

/*
 * Where disks fail nearly every message is new (a new sector, a new
 * command tag), and the memo costs its hash, a cache miss in its 2 MiB
 * and a 500-byte copy per message for nothing.  So it is looked at in
 * windows of MEMO_WINDOW messages: a window that found fewer than
 * MEMO_FEW of them kept is followed by MEMO_REST messages that go
 * straight to the rows, then the memo is tried again; each window in a
 * row that finds too few doubles the rest that follows it, up to
 * MEMO_REST_MAX (a log where disks fail tries the memo on 1 message in
 * 65, not 1 in 9).  The memo only saves work, so this changes the time,
 * not the events.
 */
#define MEMO_WINDOW	256
#define MEMO_FEW	8
#define MEMO_REST	2048
#define MEMO_REST_MAX	16384

static struct {
	unsigned int seen, hits, rest, next;
} memo_use;
static unsigned long memo_hits;	/* mdc_rules_memo_hits() */

/* messages the message memo answered (the tests look) */
unsigned long mdc_rules_memo_hits(void)
{
	return memo_hits;
}

static uint64_t memo_hash(const char *s, size_t n, unsigned int tags)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ (n << 8) ^ tags, w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n) {
		w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	return h | 1;	/* 0: an empty slot */
}

/* the rows walked for message m (n bytes, no leading blank) */
static int walk(const char *m, size_t n, unsigned int tags,
		struct mdc_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	pairs_reset(m, n);
	wm_begin(m, n, tags);
	return run_family(F_TOP, m, tags, ev);
}

/* the message without its leading blanks (*len bytes, made fewer) */
static const char *skip_blanks(const char *m, size_t *len)
{
	while (*len && (*m == ' ' || *m == '\t')) {
		m++;
		(*len)--;
	}
	return m;
}

int mdc_rules(const char *m, size_t len, const char *tag,
	      struct mdc_event *ev)
{
	unsigned int tags;
	struct memo *k;
	uint64_t h;
	size_t n;
	int ret;

	pthread_once(&rows_once, rows_init);
	m = skip_blanks(m, &len);
	tags = tag_mask(tag);
	n = len;
	if (n > MEMO_TEXT || no_memo)
		return walk(m, n, tags, ev);
	if (memo_use.rest) {
		memo_use.rest--;
		return walk(m, n, tags, ev);
	}
	if (++memo_use.seen == MEMO_WINDOW) {
		if (memo_use.hits < MEMO_FEW) {
			memo_use.rest = memo_use.next ? memo_use.next :
				       MEMO_REST;
			if (memo_use.rest < MEMO_REST_MAX)
				memo_use.next = memo_use.rest * 2;
		} else {
			memo_use.next = 0;
		}
		memo_use.seen = 0;
		memo_use.hits = 0;
	}
	h = memo_hash(m, n, tags);
	k = &memo[(h >> 7) % MEMO_SLOTS];
	if (k->h == h && k->len == n && k->tags == tags &&
	    !memcmp(k->text, m, n)) {
		memo_use.hits++;
		memo_hits++;
		*ev = k->ev;
		return k->ret;
	}
	ret = walk(m, n, tags, ev);
	k->h = h;
	k->len = n;
	k->tags = tags;
	k->ret = ret;
	memcpy(k->text, m, n);
	k->ev = *ev;
	return ret;
}

/*
 * mdc_rules() without the memo, which belongs to the model's thread:
 * for the thread that loads lines ahead of the model (scan.c)
 */
int mdc_rules_ahead(const char *m, size_t len, const char *tag,
		    struct mdc_event *ev)
{
	pthread_once(&rows_once, rows_init);
	m = skip_blanks(m, &len);
	return walk(m, len, tag_mask(tag), ev);
}

/* ---- the table as the rest of the program sees it ---- */

unsigned int mdc_rule_count(void)
{
	return ARRAY_SIZE(mdc_rule_table);
}

const char *mdc_rule_anchor(unsigned int i)
{
	return i < ARRAY_SIZE(mdc_rule_table) ? mdc_rule_table[i].anchor : NULL;
}

/*
 * The scanner's anchors: every distinct anchor of the table ("%d" = each
 * digit).  Returns how many (at most max).
 */
unsigned int mdc_anchors(struct mdc_anchor *out, unsigned int max)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(mdc_rule_table); i++) {
		const char *a = mdc_rule_table[i].anchor;
		const char *hash = a ? strstr(a, "%d") : NULL;
		int d, nd = hash ? 10 : 1;

		for (d = 0; d < nd && a; d++) {
			char lit[MDC_MAX_ANCHOR];
			int dup = 0;

			if (hash)
				snprintf(lit, sizeof(lit), "%.*s%c%s",
					 (int)(hash - a), a, '0' + d, hash + 2);
			else
				snprintf(lit, sizeof(lit), "%s", a);
			for (j = 0; j < n && !dup; j++)
				dup = !strcmp(out[j].lit, lit);
			if (dup || n >= max)
				continue;
			snprintf(out[n].lit, sizeof(out[n].lit), "%s", lit);
			out[n].len = strlen(lit);
			n++;
		}
	}
	return n;
}

int mdc_request_shape(void)
{
	return MDC_REQUEST_SHAPE;
}

const enum mdc_sig *mdc_precedence(unsigned int *n)
{
	*n = ARRAY_SIZE(mdc_sig_precedence);
	return mdc_sig_precedence;
}
