// SPDX-License-Identifier: GPL-2.0
/*
 * lineformat.c - per-line detection of the log line format.
 *
 * Each line is placed on its own, so files that mix formats (a dmesg
 * paste inside a syslog excerpt, kmsg records behind a test harness
 * prefix) work.  The result is the message text plus whatever the prefix
 * told us: relative and absolute time, boot id, tag.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mdclassify.h"

#include "cclass.h"

static const char *const fmt_names[FMT_NR] = {
	[FMT_BARE] = "bare",
	[FMT_DMESG] = "dmesg",
	[FMT_DMESG_T] = "dmesg-T",
	[FMT_SYSLOG] = "syslog",
	[FMT_SYSLOG_PRECISE] = "short-precise",
	[FMT_ISO] = "rfc3339",
	[FMT_MONO] = "short-monotonic",
	[FMT_KMSG] = "kmsg",
	[FMT_EXPORT] = "export",
	[FMT_JSON] = "json",
	[FMT_TAG] = "tag",
	[FMT_ANACONDA] = "anaconda",
	[FMT_JOURNAL] = "sd-journal",
};

const char *mdc_fmt_name(enum mdc_fmt f)
{
	return f < FMT_NR ? fmt_names[f] : "?";
}

int64_t mdc_mktime_utc(int y, int mon, int d, int h, int mi, int s)
{
	/* days from civil, Howard Hinnant's algorithm */
	int64_t era, yoe, doy, doe;

	y -= mon <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mon + (mon > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return ((era * 146097 + doe - 719468) * 86400) + h * 3600 + mi * 60 + s;
}

int mdc_month(const char *s, size_t len)
{
	static const char m[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int i;

	if (len != 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (!memcmp(m + 3 * i, s, 3))
			return i + 1;
	return 0;
}

static int num(const char *s, const char *e, int n, int *out)
{
	int v = 0, i;

	if (e - s < n)
		return 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		v = v * 10 + s[i] - '0';
	}
	*out = v;
	return 1;
}

/* "HH:MM:SS" */
static int hms(const char *s, const char *e, int *h, int *mi, int *sec)
{
	return e - s >= 8 && num(s, e, 2, h) && s[2] == ':' &&
	       num(s + 3, e, 2, mi) && s[5] == ':' && num(s + 6, e, 2, sec);
}

/*
 * 0.1, then each the one before divided by 10: the factor of each digit
 * of a fraction, as printk_time() used to divide it digit by digit, here
 * divided by the compiler (IEEE division, as at run time)
 */
#define F0	0.1
#define F1	(F0 / 10)
#define F2	(F1 / 10)
#define F3	(F2 / 10)
#define F4	(F3 / 10)
#define F5	(F4 / 10)
#define F6	(F5 / 10)
#define F7	(F6 / 10)
#define F8	(F7 / 10)
#define F9	(F8 / 10)
#define F10	(F9 / 10)
#define F11	(F10 / 10)
#define F12	(F11 / 10)
#define F13	(F12 / 10)
#define F14	(F13 / 10)
#define F15	(F14 / 10)
#define FTEN	16
static const double ften[FTEN] = {
	F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15,
};

/* "[  12.345678]" -> seconds; returns bytes used or 0 */
static size_t printk_time(const char *s, const char *e, double *t)
{
	const char *p = s + 1;
	double v = 0, f = 0.1;
	int digits = 0, k = 0;

	if (p >= e || *s != '[')
		return 0;
	while (p < e && *p == ' ')
		p++;
	while (p < e && isdigit((unsigned char)*p)) {
		v = v * 10 + (*p++ - '0');
		digits++;
	}
	if (!digits || p >= e || *p != '.')
		return 0;
	p++;
	/* the same steps as f /= 10 each digit, made once */
	while (p < e && isdigit((unsigned char)*p)) {
		v += (*p++ - '0') * f;
		f = ++k < FTEN ? ften[k] : f / 10;
	}
	if (p >= e || *p != ']')
		return 0;
	*t = v;
	return p + 1 - s;
}

/* the length of what printk_time() takes, or 0; its value is not made */
static size_t printk_len(const char *s, const char *e)
{
	const char *p = s + 1, *d;

	if (p >= e || *s != '[')
		return 0;
	while (p < e && *p == ' ')
		p++;
	for (d = p; p < e && isdigit((unsigned char)*p); p++)
		;
	if (p == d || p >= e || *p != '.')
		return 0;
	p++;
	while (p < e && isdigit((unsigned char)*p))
		p++;
	if (p >= e || *p != ']')
		return 0;
	return p + 1 - s;
}

/* "[ T123]" or "[ C1]" caller id */
static size_t caller_id(const char *s, const char *e)
{
	const char *p = s + 1;

	if (p >= e || *s != '[')
		return 0;
	while (p < e && *p == ' ')
		p++;
	if (p >= e || (*p != 'T' && *p != 'C'))
		return 0;
	p++;
	if (p >= e || !isdigit((unsigned char)*p))
		return 0;
	while (p < e && isdigit((unsigned char)*p))
		p++;
	if (p >= e || *p != ']')
		return 0;
	return p + 1 - s;
}

static const char *skip_sp(const char *p, const char *e)
{
	while (p < e && *p == ' ')
		p++;
	return p;
}

static int is_daemon_tag(const char *s, size_t n)
{
	static const struct mdc_lit tags[] = {
		MDC_LIT("kernel"), MDC_LIT("dmeventd"), MDC_LIT("lvm"),
		MDC_LIT("lvm2"), MDC_LIT("mdadm"), MDC_LIT("smartd"),
		MDC_LIT("multipathd"), MDC_LIT("sudo"), MDC_LIT("udisksd"),
		MDC_LIT("systemd"), MDC_LIT("lvm2-monitor"),
		MDC_LIT("mdmonitor"), MDC_LIT("root"), { NULL, 0 }
	};
	int i;

	for (i = 0; tags[i].s; i++)
		if (tags[i].n == n && !memcmp(tags[i].s, s, n))
			return 1;
	return 0;
}

/*
 * "TAG:" or "TAG[PID]:" at p; sets tag and returns pointer after ": "
 * or NULL.  Tags are [A-Za-z0-9_.-/]+.
 */
/* [A-Za-z0-9_./-]: the bytes of a tag */
static const unsigned char tag_char[256] = {
	['-'] = 1, ['.'] = 1, ['/'] = 1, ['_'] = 1,
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
};

static const char *tag_at(const char *p, const char *e, struct mdc_line *l,
			  int need_known)
{
	const char *t = p, *te;

	while (p < e && tag_char[(unsigned char)*p])
		p++;
	te = p;
	if (te == t)
		return NULL;
	if (p < e && *p == '[') {
		p++;
		while (p < e && isdigit((unsigned char)*p))
			p++;
		if (p >= e || *p != ']')
			return NULL;
		p++;
	}
	if (p >= e || *p != ':')
		return NULL;
	if (need_known && !is_daemon_tag(t, te - t))
		return NULL;
	{
		size_t n = te - t;

		if (n >= sizeof(l->tag))
			n = sizeof(l->tag) - 1;
		memcpy(l->tag, t, n);
		l->tag[n] = 0;
	}
	p++;
	if (p < e && *p == ' ')
		p++;
	return p;
}

/*
 * after the time stamp: "host tag: ", "tag: ", "[kernel] "; *how (when
 * given) gets HT_HOST when l->host was written and HT_AHEAD when bytes
 * after the returned position were read (the prefix memo cannot keep it)
 */
#define HT_HOST		1
#define HT_AHEAD	2

static const char *host_tag(const char *p, const char *e, struct mdc_line *l,
			    int *how)
{
	const char *q, *r;

	p = skip_sp(p, e);
	if (e - p >= 9 && !memcmp(p, "[kernel] ", 9)) {
		strcpy(l->tag, "kernel");
		return p + 9;
	}
	/* "kernel: msg" without host (only known tags, else it is a host) */
	r = tag_at(p, e, l, 1);
	if (r)
		return r;
	q = memchr(p, ' ', e - p);
	if (!q)
		return NULL;
	if (how)
		*how |= HT_HOST;
	{
		size_t n = q - p;

		if (n >= sizeof(l->host))
			n = sizeof(l->host) - 1;
		memcpy(l->host, p, n);
		l->host[n] = 0;
	}
	q = skip_sp(q, e);
	if (e - q >= 9 && !memcmp(q, "[kernel] ", 9)) {
		strcpy(l->tag, "kernel");
		return q + 9;
	}
	r = tag_at(q, e, l, 0);
	/*
	 * "host hda: task_in_intr: ..." -- a syslogd that does not tag
	 * kernel lines (seen in 2.6-era posts): a word that is no known
	 * daemon and has no [pid] is the kernel's own prefix, so it stays
	 * part of the message.
	 */
	if (r && q[strlen(l->tag)] == ':' && !strchr(l->tag, '/') &&
	    !is_daemon_tag(l->tag, strlen(l->tag))) {
		l->tag[0] = 0;
		if (how)
			*how |= HT_AHEAD;
		return q;
	}
	return r;
}

/* a daemon's tag, or "[kernel] ", starts p (as host_tag() reads them) */
static int daemon_word(const char *p, const char *e)
{
	const char *t = p;

	if (e - p >= 9 && !memcmp(p, "[kernel] ", 9))
		return 1;
	while (p < e && tag_char[(unsigned char)*p])
		p++;
	return is_daemon_tag(t, p - t);
}

/*
 * host_tag() can give a daemon's tag only from the first word or the one
 * after it: when neither is one, it need not be run on a copy of the line
 */
static int daemon_in_two(const char *p, const char *e)
{
	const char *q;

	p = skip_sp(p, e);
	if (daemon_word(p, e))
		return 1;
	q = memchr(p, ' ', e - p);
	return q && daemon_word(skip_sp(q, e), e);
}

/*
 * util-linux dmesg -x/--decode: "kern  :warn  : " (facility and level
 * names, padded); the kernel test robot's decoded traces also drop the
 * padding ("kern :warn : ").  Returns the length of the prefix or 0.
 */
static size_t decode_prefix(const char *s, const char *e)
{
	static const char *const lev[] = {
		"emerg", "alert", "crit", "err", "warn", "notice", "info",
		"debug", NULL
	};
	const char *p = s, *w;
	int i;

	while (p < e && islower((unsigned char)*p))
		p++;
	if (p == s || p - s > 8)
		return 0;
	p = skip_sp(p, e);
	if (p >= e || *p != ':')
		return 0;
	w = ++p;
	while (p < e && islower((unsigned char)*p))
		p++;
	for (i = 0; lev[i]; i++)
		if ((size_t)(p - w) == strlen(lev[i]) &&
		    !memcmp(w, lev[i], p - w))
			break;
	if (!lev[i])
		return 0;
	p = skip_sp(p, e);
	if (p >= e || *p != ':')
		return 0;
	return skip_sp(p + 1, e) - s;
}

/* dmesg -H/--reltime deltas: "[  +0.000024]"; no absolute time */
static size_t reltime_delta(const char *s, const char *e)
{
	const char *p = s + 1;
	int digits = 0;

	if (p >= e || *s != '[')
		return 0;
	while (p < e && *p == ' ')
		p++;
	if (p >= e || *p != '+')
		return 0;
	p++;
	while (p < e && (isdigit((unsigned char)*p) || *p == '.')) {
		p++;
		digits++;
	}
	if (!digits || p >= e || *p != ']')
		return 0;
	return skip_sp(p + 1, e) - s;
}

/* "[ secs]" and caller id after a kernel tag */
static const char *kernel_times(const char *p, const char *e,
				struct mdc_line *l)
{
	size_t n;
	double t;

	p = skip_sp(p, e);
	/*
	 * behind a wall-clock stamp the printk time is not needed (the
	 * model orders by the wall clock then): its value is not made
	 */
	n = l->has_abs ? printk_len(p, e) : printk_time(p, e, &t);
	if (n) {
		l->has_rel = 1;
		if (!l->has_abs)
			l->rel = t;
		p += n;
		p = skip_sp(p, e);
	}
	n = caller_id(p, e);
	if (n)
		p = skip_sp(p + n, e);
	return p;
}

/*
 * "prio,seq,usec,flags;msg" anywhere in the first bytes (the lvm2 test
 * harness puts "[ 0:10.188] " in front, and a stray write can glue a
 * record to the end of another line).
 */
static const char *kmsg_record(const char *s, const char *e,
			       struct mdc_line *l)
{
	const char *semi = s, *p, *lim = s + (e - s > 256 ? 256 : e - s);

	while ((semi = memchr(semi, ';', lim - semi))) {
		int commas = 0;
		const char *digits_end;

		p = semi - 1;
		/* flags: [-+cA-Za-z]* */
		while (p >= s && (*p == '-' || *p == '+' || isalpha((unsigned char)*p)))
			p--;
		if (p < s || *p != ',')
			goto next;
		p--;
		digits_end = p;
		/* usec, seq, prio */
		for (commas = 0; commas < 3; commas++) {
			const char *d = p;

			while (p >= s && isdigit((unsigned char)*p))
				p--;
			if (p == d)
				goto next;
			if (commas < 2) {
				if (p < s || *p != ',')
					goto next;
				if (commas == 0) {
					l->rel = strtod(p + 1, NULL) / 1e6;
					l->has_rel = 1;
				}
				p--;
			}
		}
		(void)digits_end;
		l->fmt = FMT_KMSG;
		return semi + 1;
next:
		l->has_rel = 0;
		semi++;
	}
	return NULL;
}

static int parse_iso(const char *p, const char *e, struct mdc_line *l,
		     const char **out)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	const char *q;

	if (!(num(p, e, 4, &y) && p[4] == '-' && num(p + 5, e, 2, &mo) &&
	      p[7] == '-' && num(p + 8, e, 2, &d) && e - p >= 19 &&
	      (p[10] == 'T' || p[10] == ' ') && hms(p + 11, e, &h, &mi, &sec)))
		return 0;
	q = p + 19;
	if (q < e && (*q == '.' || *q == ',')) {
		q++;
		while (q < e && isdigit((unsigned char)*q))
			q++;
	}
	if (q < e && *q == 'Z') {
		q++;
	} else if (q < e && (*q == '+' || *q == '-')) {
		sign = *q == '-' ? -1 : 1;
		if (num(q + 1, e, 2, &oh)) {
			q += 3;
			if (q < e && *q == ':')
				q++;
			if (num(q, e, 2, &om))
				q += 2;
		}
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	l->abs = mdc_mktime_utc(y, mo, d, h, mi, sec) -
		 sign * (oh * 3600 + om * 60);
	l->has_abs = 1;
	*out = q;
	return 1;
}

/*
 * "Mon DD HH:MM:SS" with any month word (journalctl prints localized
 * month names: "touko 05 09:19:00").
 */
static int parse_bsd(const char *p, const char *e, struct mdc_line *l,
		     int year, const char **out, int *precise, int tm[5])
{
	const char *w = p, *q;
	int mo, d = 0, h, mi, sec, wl;

	while (p < e && *p != ' ' && (p - w) < 24) {
		if (isdigit((unsigned char)*p) || *p == ':' || *p == '[' ||
		    *p == '<' || *p == '{')
			return 0;
		p++;
	}
	wl = p - w;
	if (wl < 2 || p >= e || *p != ' ')
		return 0;
	p = skip_sp(p, e);
	if (p >= e || !isdigit((unsigned char)*p))
		return 0;
	while (p < e && isdigit((unsigned char)*p) && d < 100)
		d = d * 10 + (*p++ - '0');
	if (p >= e || *p != ' ' || d < 1 || d > 31)
		return 0;
	p++;
	if (!hms(p, e, &h, &mi, &sec))
		return 0;
	q = p + 8;
	*precise = 0;
	if (q < e && *q == '.') {
		q++;
		while (q < e && isdigit((unsigned char)*q))
			q++;
		*precise = 1;
	}
	mo = mdc_month(w, wl);
	if (mo) {
		l->abs = mdc_mktime_utc(year, mo, d, h, mi, sec);
		l->has_abs = 1;
	}
	tm[0] = mo;
	tm[1] = d;
	tm[2] = h;
	tm[3] = mi;
	tm[4] = sec;
	*out = q;
	return 1;
}

/* "[Sun Apr 26 15:05:30 2020]" */
static int parse_dmesg_t(const char *p, const char *e, struct mdc_line *l,
			 const char **out)
{
	int mo, d = 0, h, mi, sec, y;
	const char *q;

	if (e - p < 26 || *p != '[' || p[4] != ' ')
		return 0;
	mo = mdc_month(p + 5, 3);
	if (!mo || p[8] != ' ')
		return 0;
	q = p + 9;
	if (*q == ' ')
		q++;
	while (q < e && isdigit((unsigned char)*q) && d < 100)
		d = d * 10 + (*q++ - '0');
	if (q >= e || *q != ' ')
		return 0;
	q++;
	if (!hms(q, e, &h, &mi, &sec) || q + 13 > e || q[8] != ' ' ||
	    !num(q + 9, e, 4, &y) || q[13] != ']')
		return 0;
	l->abs = mdc_mktime_utc(y, mo, d, h, mi, sec);
	l->has_abs = 1;
	*out = q + 14;
	return 1;
}

/*
 * What comes before any time stamp: carriage returns, trailing blanks, a
 * "<3>" priority, a dmesg -x facility:level and a dmesg -d delta.  Sets
 * *e to the end of the text; returns where the stamp would start.
 */
/* the end of a line's text: without trailing blanks and carriage returns */
static const char *text_end(const char *s, const char *e)
{
	const char *p = s;

	while (p < e && (*p == '\r'))
		p++;
	while (e > p && (e[-1] == '\r' || e[-1] == ' '))
		e--;
	return e;
}

static const char *preamble(const char *s, const char **pe,
			    struct mdc_line *l)
{
	const char *p = s, *e = *pe, *q;
	size_t n;

	while (p < e && (*p == '\r'))
		p++;
	e = text_end(s, e);

	/* dmesg -r / LKFT: "<3>[ 89.6] msg" */
	if (e - p > 3 && *p == '<' && isdigit((unsigned char)p[1])) {
		q = p + 1;
		while (q < e && isdigit((unsigned char)*q))
			q++;
		if (q < e && *q == '>')
			p = q + 1;
	}
	n = decode_prefix(p, e);
	if (n) {
		if (!memcmp(p, "kern", 4))
			strcpy(l->tag, "kernel");
		p += n;
	}
	n = reltime_delta(p, e);
	if (n)
		p += n;
	*pe = e;
	return p;
}

/*
 * The lines of a burst share their syslog prefix up to the message (the
 * stamp to the second, host and tag), and only the printk time and the
 * message change; the other daemons' lines of that second share the
 * stamp.  The last syslog line's prefix and what it gave are kept
 * (pmemo), and so is the last syslog stamp (smemo): a line that starts
 * with the same bytes is placed without parsing them again.  This is
 * exact: up to where parse_bsd() stops (q; host_tag(): r), the parsers
 * before it, parse_bsd() and host_tag() read no byte of the line but
 * those before it, the byte there and whether it is the end of the text
 * (all compared here); so the same bytes give the same result.  The
 * parsing thread's own (the fuzzers call in from several).
 */
#define MEMO_KEY	128

struct memo {
	int valid;
	unsigned int klen;	/* bytes s..r (smemo: s..q) */
	int next;		/* the byte there, or -1: the text ends there */
	enum mdc_fmt fmt;
	int tm[5];		/* stamp: month (0: none), day, h, min, s */
	int abs_ok, year;	/* abs made for year */
	int64_t abs;
	int host_set;
	int kernel;		/* the tag is "kernel": printk times follow */
	char tag[sizeof(((struct mdc_line *)0)->tag)];
	char host[sizeof(((struct mdc_line *)0)->host)];
	char key[MEMO_KEY];
};

static __thread struct memo pmemo, smemo;

/* keep what s..r (followed by e) gave in l; tm: parse_bsd()'s fields */
static void memo_keep(struct memo *k, const struct mdc_line *l,
		      const char *s, const char *r, const char *e,
		      const int tm[5], int host_set)
{
	size_t n = r - s;

	if (n > MEMO_KEY) {
		k->valid = 0;
		return;
	}
	memcpy(k->key, s, n);
	k->klen = n;
	k->next = r < e ? (unsigned char)*r : -1;
	k->fmt = l->fmt;
	memcpy(k->tm, tm, sizeof(k->tm));
	k->abs_ok = 0;
	k->host_set = host_set;
	memcpy(k->tag, l->tag, sizeof(k->tag));
	k->kernel = !strcmp(l->tag, "kernel");
	if (host_set)
		memcpy(k->host, l->host, sizeof(k->host));
	k->valid = 1;
}

/* the line s..e (e: text_end()) starts with the kept bytes */
static int memo_hit(const struct memo *k, const char *s, const char *e)
{
	size_t n = k->klen;

	if (!k->valid || (size_t)(e - s) < n || memcmp(s, k->key, n))
		return 0;
	return k->next < 0 ? (size_t)(e - s) == n :
	       (size_t)(e - s) > n && (unsigned char)s[n] == k->next;
}

/*
 * what the kept bytes gave; the time as parse_bsd() makes it (a known
 * month: mdc_mktime_utc() of the year), once per year
 */
static void memo_put(struct memo *k, struct mdc_line *l, int year)
{
	l->fmt = k->fmt;
	if (k->tm[0]) {
		if (!k->abs_ok || k->year != year) {
			k->abs = mdc_mktime_utc(year, k->tm[0], k->tm[1],
						k->tm[2], k->tm[3], k->tm[4]);
			k->year = year;
			k->abs_ok = 1;
		}
		l->has_abs = 1;
		l->abs = k->abs;
	}
	memcpy(l->tag, k->tag, sizeof(l->tag));
	if (k->host_set)
		memcpy(l->host, k->host, sizeof(l->host));
}

/* a syslog line after its stamp (s..q; tm its fields): host, tag, ... */
static int syslog_rest(struct mdc_line *l, const char *s, const char *q,
		       const char *e, const int tm[5])
{
	int how = 0;

	q = host_tag(q, e, l, &how);
	if (!q)
		return -1;
	if (how & HT_AHEAD)
		pmemo.valid = 0;
	else
		memo_keep(&pmemo, l, s, q, e, tm, how & HT_HOST);
	if (!strcmp(l->tag, "kernel"))
		q = kernel_times(q, e, l);
	l->msg = q;
	l->msglen = e - q;
	return 0;
}

int mdc_parse_line(struct mdc_line *l, const char *s, size_t len, int year)
{
	const char *e = s + len, *p = s, *q;
	size_t n;
	double t;
	int precise, h, mi, sec, ms, tm[5];

	l->fmt = FMT_BARE;
	l->has_rel = l->has_abs = 0;
	l->tag[0] = 0;
	l->raw = s;
	l->rawlen = len;
	e = text_end(s, e);
	if (memo_hit(&pmemo, s, e)) {
		memo_put(&pmemo, l, year);
		q = s + pmemo.klen;
		if (pmemo.kernel)
			q = kernel_times(q, e, l);
		p = q;
		goto done;
	}
	if (memo_hit(&smemo, s, e)) {
		memo_put(&smemo, l, year);
		return syslog_rest(l, s, s + smemo.klen, e, smemo.tm);
	}
	e = s + len;
	p = preamble(s, &e, l);

	if (parse_iso(p, e, l, &q)) {
		l->fmt = FMT_ISO;
		q = host_tag(q, e, l, NULL);
		if (!q)
			return -1;
		if (!strcmp(l->tag, "kernel"))
			q = kernel_times(q, e, l);
		p = q;
		goto done;
	}
	if (parse_dmesg_t(p, e, l, &q)) {
		l->fmt = FMT_DMESG_T;
		q = skip_sp(q, e);
		n = caller_id(q, e);
		p = n ? skip_sp(q + n, e) : q;
		goto done;
	}
	/* anaconda: "23:54:39,681 INFO kernel:msg" */
	if (hms(p, e, &h, &mi, &sec) && e - p > 13 && p[8] == ',' &&
	    num(p + 9, e, 3, &ms)) {
		q = skip_sp(p + 12, e);
		while (q < e && isupper((unsigned char)*q))
			q++;
		q = skip_sp(q, e);
		if (e - q >= 7 && !memcmp(q, "kernel:", 7)) {
			l->fmt = FMT_ANACONDA;
			strcpy(l->tag, "kernel");
			p = q + 7;
			goto done;
		}
	}
	n = printk_time(p, e, &t);
	if (n) {
		l->has_rel = 1;
		l->rel = t;
		q = skip_sp(p + n, e);
		n = caller_id(q, e);
		if (n)
			q = skip_sp(q + n, e);
		l->fmt = FMT_DMESG;
		p = q;
		/* journalctl -o short-monotonic: "[ 12.3] host kernel: " */
		if (daemon_in_two(q, e)) {
			struct mdc_line tmp = *l;
			const char *r = host_tag(q, e, &tmp, NULL);

			if (r && tmp.tag[0] && (r - q) < 96 &&
			    (is_daemon_tag(tmp.tag, strlen(tmp.tag)))) {
				*l = tmp;
				l->fmt = FMT_MONO;
				p = r;
			}
		}
		goto done;
	}
	if (parse_bsd(p, e, l, year, &q, &precise, tm)) {
		l->fmt = precise ? FMT_SYSLOG_PRECISE : FMT_SYSLOG;
		memo_keep(&smemo, l, s, q, e, tm, 0);
		return syslog_rest(l, s, q, e, tm);
	}
	q = kmsg_record(p, e, l);
	if (q) {
		p = q;
		goto done;
	}
	q = tag_at(p, e, l, 1);
	if (q) {
		l->fmt = FMT_TAG;
		if (!strcmp(l->tag, "kernel"))
			q = kernel_times(q, e, l);
		p = q;
		goto done;
	}
done:
	/* a kmsg record may still follow a harness prefix */
	if (l->fmt != FMT_KMSG && l->fmt != FMT_BARE) {
		/* nothing */
	} else if (l->fmt == FMT_BARE && *p == '[') {
		q = kmsg_record(p, e, l);
		if (q)
			p = q;
	}
	l->msg = p;
	l->msglen = e - p;
	return 0;
}

/*
 * 1 when mdc_parse_line() certainly does not leave the line FMT_BARE (a
 * time stamp of a format it knows starts the line: it then takes that
 * format, or an earlier one, or fails); 0 when only the whole parse can
 * tell.  The continuation check asks just this of the line that follows
 * a hit.
 */
int mdc_line_stamped(const char *s, size_t len)
{
	const char *e = s + len, *p, *q, *te = text_end(s, e);
	struct mdc_line l;
	double t;
	int precise, tm[5];

	/* a syslog stamp or prefix seen last: parse_bsd() takes it */
	if (memo_hit(&smemo, s, te) || memo_hit(&pmemo, s, te))
		return 1;
	l.tag[0] = 0;
	p = preamble(s, &e, &l);	/* as mdc_parse_line() */
	if (parse_iso(p, e, &l, &q) || parse_dmesg_t(p, e, &l, &q) ||
	    printk_time(p, e, &t))
		return 1;
	if (!parse_bsd(p, e, &l, 1970, &q, &precise, tm))
		return 0;
	/* the stamp for the lines that follow (the year is theirs) */
	l.fmt = precise ? FMT_SYSLOG_PRECISE : FMT_SYSLOG;
	memo_keep(&smemo, &l, s, q, e, tm, 0);
	return 1;
}
