// SPDX-License-Identifier: GPL-2.0
/*
 * scan.c - find the few interesting lines in big buffers.
 *
 * The input is never split into lines.  A 64 KiB table indexed by two
 * consecutive bytes marks the "key" byte pairs of a set of rare literal
 * anchors ("rror, dev", "md/raid", "Sense Key", "ata<digit>", "nvme", ...).
 * Only where a key pair is found is the anchor verified, and only then is
 * the surrounding line found (memrchr/memchr) and parsed.  Newlines are
 * counted with SSE2 for line numbers.  Mail-wrapped continuations and
 * oops traces following a hit are read line by line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "mdclassify.h"

#define SCAN_BUF	(4u << 20)	/* read buffer */
#define SCAN_OVERLONG	(2u << 20)	/* a line longer than this is cut */
#define SCAN_CTX	(64u << 10)	/* parsed bytes kept for context */
#define FOLLOW_IDLE_MS	250		/* a followed pipe this quiet: parse */

struct anchor {
	const char *lit;
	unsigned char len, off;		/* key pair = lit[off], lit[off+1] */
	unsigned char bucket;		/* SIMD prefilter bucket, 0..15 */
	unsigned char k0, k1;
};

/*
 * The anchors are those of the rule table (ruletab.h), "%d" expanded to
 * each digit: a line is parsed only when it holds one of them.  Which
 * bytes of an anchor are its key (off: the pair at off for the scalar
 * table, the four bytes from off for the SIMD fingerprint) and which
 * anchors share a SIMD bucket only change speed, as a hit is always the
 * whole anchor.  Both are derived at start-up from the anchors
 * themselves and a crude model of log text (bprob_init()): the key is an
 * anchor's least likely window, and the buckets are filled so that the
 * fewest positions of such text pass (buckets_init()).  No log was
 * counted to choose them, so a new row needs nothing but its anchor.
 */
#define NANCH MDC_MAX_ANCHORS
static struct mdc_anchor atab[MDC_MAX_ANCHORS];
static struct anchor anchors[MDC_MAX_ANCHORS];
static unsigned int nanch;

struct keytab {
	unsigned char head[65536];	/* first anchor + 1 for a key */
	unsigned char next[NANCH];	/* chain */
};

static struct keytab kt;
static int kt_ready;

static inline unsigned int key16(const unsigned char *p)
{
	return p[0] | (p[1] << 8);
}

#if defined(__x86_64__) && defined(__GNUC__)
static void teddy_init(void);
#endif

/*
 * A crude model of log text, the same for any log: how likely a byte is,
 * by its kind only (lower case letters, the frequent English ones twice
 * as likely, then spaces, digits, the punctuation of paths and stamps,
 * upper case, other punctuation).  Keys and buckets are chosen to let
 * the fewest positions of such text through; no log was counted.
 */
static double bprob[256];

static void bprob_init(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		double p = 0.0004;			/* control, 8-bit */

		if (c == ' ')
			p = 0.15;
		else if (c >= 'a' && c <= 'z')
			p = strchr("etaoinsrhld", c) ? 0.03 : 0.015;
		else if (c >= '0' && c <= '9')
			p = 0.012;
		else if (strchr(".:-/=[]", c))
			p = 0.01;
		else if (c >= 'A' && c <= 'Z')
			p = 0.0025;
		else if (c > ' ' && c < 0x7f)
			p = 0.0012;
		bprob[c] = p;
	}
}

/* the key byte j of an anchor's SIMD fingerprint; -1: any byte */
static int key_at(const struct anchor *a, int j)
{
	return a->off + j < a->len ? (unsigned char)a->lit[a->off + j] : -1;
}

/* the offset of the anchor's least likely window of 4 bytes */
static unsigned char key_off(const char *lit, unsigned int len)
{
	unsigned int o, j, best = 0;
	double bp = 2;

	for (o = 0; o + 1 < len && (o == 0 || o + 4 <= len); o++) {
		double p = 1;

		for (j = 0; j < 4 && o + j < len; j++)
			p *= bprob[(unsigned char)lit[o + j]];
		if (p < bp) {
			bp = p;
			best = o;
		}
	}
	return best;
}

/*
 * A SIMD bucket: per byte of the fingerprint, the low and the high
 * nibbles of its anchors' bytes (a position passes when both nibbles of
 * each of its 4 bytes are there), or any byte.
 */
struct bkt {
	unsigned short lo[4], hi[4];
	unsigned char any[4];
	unsigned char n;
};

/* how likely a position of the model's text passes the bucket */
static double bkt_pass(const struct bkt *k)
{
	double r = 1;
	int j;

	if (!k->n)
		return 0;
	for (j = 0; j < 4; j++) {
		unsigned int h, l;
		double p = 0;

		if (k->any[j])
			continue;
		for (h = k->hi[j]; h; h &= h - 1)
			for (l = k->lo[j]; l; l &= l - 1)
				p += bprob[__builtin_ctz(h) << 4 | __builtin_ctz(l)];
		r *= p;
	}
	return r;
}

static void bkt_add(struct bkt *k, const struct anchor *a)
{
	int j;

	for (j = 0; j < 4; j++) {
		int x = key_at(a, j);

		if (x < 0) {
			k->any[j] = 1;
		} else {
			k->lo[j] |= 1u << (x & 15);
			k->hi[j] |= 1u << (x >> 4);
		}
	}
	k->n++;
}

/*
 * Each anchor goes to the bucket where the passing positions grow least
 * (the likeliest keys first); then anchors move between buckets while
 * that lets fewer through.
 */
static void buckets_init(void)
{
	struct bkt k[16];
	double cost[16], own[MDC_MAX_ANCHORS];
	unsigned char order[MDC_MAX_ANCHORS], tmp;
	unsigned int i, j, pass;
	int b;

	for (i = 0; i < nanch; i++) {
		struct bkt x = { 0 };

		bkt_add(&x, &anchors[i]);
		own[i] = bkt_pass(&x);
		order[i] = i;
	}
	/* likeliest (shortest, commonest) keys first: insertion sort */
	for (i = 1; i < nanch; i++) {
		for (j = i; j > 0; j--) {
			if (own[order[j]] <= own[order[j - 1]])
				break;
			tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	}
	memset(k, 0, sizeof(k));
	for (b = 0; b < 16; b++)
		cost[b] = 0;
	for (i = 0; i < nanch; i++) {
		struct anchor *a = &anchors[order[i]];
		double best = 0;
		int bb = 0;

		for (b = 0; b < 16; b++) {
			struct bkt t = k[b];
			double d;

			bkt_add(&t, a);
			d = bkt_pass(&t) - cost[b];
			if (b == 0 || d < best) {
				best = d;
				bb = b;
			}
		}
		a->bucket = bb;
		bkt_add(&k[bb], a);
		cost[bb] = bkt_pass(&k[bb]);
	}
	for (pass = 0; pass < 4; pass++) {
		int moved = 0;

		for (i = 0; i < nanch; i++) {
			struct anchor *a = &anchors[i];
			int from = a->bucket, bb = from;
			struct bkt without = { 0 };
			double cw, best = 0;

			for (j = 0; j < nanch; j++)
				if (j != i && anchors[j].bucket == from)
					bkt_add(&without, &anchors[j]);
			cw = bkt_pass(&without);
			for (b = 0; b < 16; b++) {
				struct bkt t = k[b];
				double d;

				if (b == from)
					continue;
				bkt_add(&t, a);
				/* change of the total when a moves from -> b */
				d = cw - cost[from] + bkt_pass(&t) - cost[b];
				if (d < best - 1e-12) {
					best = d;
					bb = b;
				}
			}
			if (bb == from)
				continue;
			a->bucket = bb;
			k[from] = without;
			cost[from] = cw;
			bkt_add(&k[bb], a);
			cost[bb] = bkt_pass(&k[bb]);
			moved = 1;
		}
		if (!moved)
			break;
	}
}

static void keytab_init(void)
{
	unsigned int i, k;

	if (kt_ready)
		return;
	bprob_init();
	nanch = mdc_anchors(atab, MDC_MAX_ANCHORS);
	for (i = 0; i < nanch; i++) {
		struct anchor *a = &anchors[i];

		a->lit = atab[i].lit;
		a->len = atab[i].len;
		a->off = a->len >= 2 ? key_off(a->lit, a->len) : 0;
		a->k0 = a->lit[a->off];
		a->k1 = a->len >= 2 ? a->lit[a->off + 1] : 0;
		k = a->k0 | (a->k1 << 8);
		kt.next[i] = kt.head[k];
		kt.head[k] = i + 1;
	}
	buckets_init();
#if defined(__x86_64__) && defined(__GNUC__)
	teddy_init();
#endif
	kt_ready = 1;
}

/* memcmp() == 0 inline: anchors are a few bytes, and most fail early */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	while (n && *a == *b) {
		a++;
		b++;
		n--;
	}
	return !n;
}

/* p points at a key pair; verify the anchors that use it */
static inline int verify(const char *b, const char *e, const char *p)
{
	unsigned int i = kt.head[key16((const unsigned char *)p)];

	while (i) {
		const struct anchor *a = &anchors[i - 1];
		const char *s = p - a->off;

		if (s >= b && s + a->len <= e && s[0] == a->lit[0] &&
		    same_bytes(s, a->lit, a->len))
			return 1;
		i = kt.next[i - 1];
	}
	return 0;
}

int mdc_anchor_hit(const char *s, size_t len)
{
	const char *p, *e = s + len;

	keytab_init();
	for (p = s; p + 1 < e; p++)
		if (kt.head[key16((const unsigned char *)p)] && verify(s, e, p))
			return 1;
	return 0;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/*
 * Teddy-style prefilter (AVX2, 16 buckets, 4-byte fingerprints): for 32
 * positions at once, the low and high nibble of each of the 4 bytes from
 * the key position are looked up (vpshufb) in tables of bucket bits; a
 * position survives when one bucket has all 8 nibbles.  Survivors are
 * checked against the exact key table and the anchor itself.  Each
 * anchor's bucket is in its table entry.
 */
static unsigned char ted[2][8][32] __attribute__((aligned(32)));
static int ted_ok;
static int nl_ok;	/* count_nl_avx2(): AVX2 and POPCNT */

static void ted_set(int bucket, int j, int byte)
{
	int half = bucket >> 3, x;
	unsigned char bit = 1u << (bucket & 7);

	for (x = 0; x < 16; x++) {
		if (byte < 0 || (byte & 15) == x) {
			ted[half][2 * j][x] |= bit;
			ted[half][2 * j][x + 16] |= bit;
		}
		if (byte < 0 || (byte >> 4) == x) {
			ted[half][2 * j + 1][x] |= bit;
			ted[half][2 * j + 1][x + 16] |= bit;
		}
	}
}

static void teddy_init(void)
{
	int i, j;

	for (i = 0; i < (int)nanch; i++)
		for (j = 0; j < 4; j++)
			ted_set(anchors[i].bucket, j, key_at(&anchors[i], j));
	ted_ok = __builtin_cpu_supports("avx512bw") ? 2 :
		 __builtin_cpu_supports("avx2") ? 1 : 0;
	nl_ok = __builtin_cpu_supports("avx2") &&
		__builtin_cpu_supports("popcnt");
	/* MDCLASSIFY_SIMD=avx2|scalar limits the prefilter (benchmarks) */
	{
		const char *e = getenv("MDCLASSIFY_SIMD");

		if (e && !strcmp(e, "scalar"))
			ted_ok = 0;
		else if (e && !strcmp(e, "avx2") && ted_ok > 1)
			ted_ok = 1;
	}
}

/* the prefilter's survivors (bits of mask, from p): the first real anchor */
static inline const char *first_hit(const char *b, const char *e,
				    const char *p, unsigned long long mask)
{
	while (mask) {
		const char *c = p + __builtin_ctzll(mask);

		if (kt.head[key16((const unsigned char *)c)] && verify(b, e, c))
			return c;
		mask &= mask - 1;
	}
	return NULL;
}

/*
 * The 16 tables do not fit in registers next to the work: each step
 * loads them from ted[] (a load each), rather than from a copy on the
 * stack made at every call, as a loop over them had the compiler do.
 */
__attribute__((target("avx2")))
static const char *find_hit_avx2(const char *b, const char *p, const char *e,
				 const char **tail)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	const __m256i zero = _mm256_setzero_si256();

	while (p + 35 <= e) {
		__m256i ma, mb, v, lo, hi;
		unsigned int mask;
		const char *hit;

#define TED(h, k) _mm256_load_si256((const __m256i *)ted[h][k])
#define STEP(j) \
		v = _mm256_loadu_si256((const __m256i *)(p + (j))); \
		lo = _mm256_and_si256(v, nib); \
		hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nib); \
		ma = _mm256_and_si256(ma, _mm256_and_si256( \
			_mm256_shuffle_epi8(TED(0, 2 * (j)), lo), \
			_mm256_shuffle_epi8(TED(0, 2 * (j) + 1), hi))); \
		mb = _mm256_and_si256(mb, _mm256_and_si256( \
			_mm256_shuffle_epi8(TED(1, 2 * (j)), lo), \
			_mm256_shuffle_epi8(TED(1, 2 * (j) + 1), hi)))
		ma = _mm256_set1_epi8(-1);
		mb = ma;
		STEP(0);
		STEP(1);
		STEP(2);
		STEP(3);
#undef STEP
#undef TED
		mask = ~(unsigned int)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
				_mm256_or_si256(ma, mb), zero));
		if (mask) {
			hit = first_hit(b, e, p, mask);
			if (hit)
				return hit;
		}
		p += 32;
	}
	*tail = p;	/* the last bytes are left to the scalar loop */
	return NULL;
}

/* the same with 64 positions per step where AVX-512BW exists */
__attribute__((target("avx512bw")))
static const char *find_hit_avx512(const char *b, const char *p, const char *e,
				   const char **tail)
{
	const __m512i nib = _mm512_set1_epi8(0x0f);
#define T(h, j) _mm512_broadcast_i64x4(_mm256_load_si256((const __m256i *)ted[h][j]))
	const __m512i a0 = T(0, 0), a1 = T(0, 1), a2 = T(0, 2), a3 = T(0, 3);
	const __m512i a4 = T(0, 4), a5 = T(0, 5), a6 = T(0, 6), a7 = T(0, 7);
	const __m512i b0 = T(1, 0), b1 = T(1, 1), b2 = T(1, 2), b3 = T(1, 3);
	const __m512i b4 = T(1, 4), b5 = T(1, 5), b6 = T(1, 6), b7 = T(1, 7);
#undef T

	while (p + 67 <= e) {
		__m512i ma, mb, v, lo, hi;
		unsigned long long mask;
		const char *hit;

#define STEP(j, L, H, BL, BH) \
		v = _mm512_loadu_si512((const void *)(p + (j))); \
		lo = _mm512_and_si512(v, nib); \
		hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), nib); \
		ma = _mm512_and_si512(ma, _mm512_and_si512( \
			_mm512_shuffle_epi8(L, lo), _mm512_shuffle_epi8(H, hi))); \
		mb = _mm512_and_si512(mb, _mm512_and_si512( \
			_mm512_shuffle_epi8(BL, lo), _mm512_shuffle_epi8(BH, hi)))
		ma = _mm512_set1_epi8(-1);
		mb = ma;
		STEP(0, a0, a1, b0, b1);
		STEP(1, a2, a3, b2, b3);
		STEP(2, a4, a5, b4, b5);
		STEP(3, a6, a7, b6, b7);
#undef STEP
		ma = _mm512_or_si512(ma, mb);
		mask = _mm512_test_epi8_mask(ma, ma);
		hit = first_hit(b, e, p, mask);
		if (hit)
			return hit;
		p += 64;
	}
	*tail = p;
	return NULL;
}
#endif

static const char *find_hit(const char *b, const char *p, const char *e)
{
	const unsigned char *u, *lim = (const unsigned char *)e - 1;

#if defined(__x86_64__) && defined(__GNUC__)
	if (ted_ok) {
		const char *tail, *h = ted_ok == 2 ?
			find_hit_avx512(b, p, e, &tail) :
			find_hit_avx2(b, p, e, &tail);

		if (h)
			return h;
		p = tail;
	}
#endif
	u = (const unsigned char *)p;

	while (u < lim) {
		while (u + 4 < lim) {
			if (kt.head[key16(u)] | kt.head[key16(u + 1)] |
			    kt.head[key16(u + 2)] | kt.head[key16(u + 3)])
				break;
			u += 4;
		}
		if (kt.head[key16(u)] && verify(b, e, (const char *)u))
			return (const char *)u;
		u++;
	}
	return NULL;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2,popcnt")))
static size_t count_nl_avx2(const char *p, size_t n, size_t *done)
{
	const __m256i nl = _mm256_set1_epi8('\n');
	size_t c = 0, i = 0;

	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(p + i));

		c += __builtin_popcount(_mm256_movemask_epi8(
			_mm256_cmpeq_epi8(v, nl)));
	}
	*done = i;
	return c;
}
#endif

size_t mdc_count_nl(const char *p, size_t n)
{
	size_t c = 0, i = 0;

#if defined(__x86_64__) && defined(__GNUC__)
	if (ted_ok && nl_ok) {
		c = count_nl_avx2(p, n, &i);
		p += i;
		n -= i;
		i = 0;
	}
#endif

#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n');

	while (i + 16 * 255 <= n) {
		__m128i acc = _mm_setzero_si128();
		size_t j;

		for (j = 0; j < 255; j++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(p + i));

			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
		}
		acc = _mm_sad_epu8(acc, _mm_setzero_si128());
		c += (size_t)_mm_cvtsi128_si64(acc) +
		     (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc));
	}
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + i));

		c += __builtin_popcount(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)));
		i += 16;
	}
#endif
	for (; i < n; i++)
		c += p[i] == '\n';
	return c;
}

/* ---- journal text formats ------------------------------------------ */

static void put_msg(char *dst, size_t n, const char *s, size_t len)
{
	size_t o = 0, i;

	/* real newlines become the "\x0a" that the model splits on */
	for (i = 0; i < len && o + 5 < n; i++) {
		if (s[i] == '\n') {
			memcpy(dst + o, "\\x0a", 4);
			o += 4;
		} else {
			dst[o++] = s[i];
		}
	}
	dst[o] = 0;
}

static void field_tag(struct mdc_line *l, const char *ident,
		      const char *transport)
{
	if (transport && !strcmp(transport, "kernel"))
		strcpy(l->tag, "kernel");
	else if (ident)
		snprintf(l->tag, sizeof(l->tag), "%s", ident);
}

/* a journal record's MESSAGE (msg, NUL-terminated) to the model */
static void record_line(struct mdc_model *m, struct mdc_line *l,
			enum mdc_fmt fmt, int file, uint64_t lineno,
			const char *msg)
{
	l->fmt = fmt;
	l->file = file;
	l->lineno = lineno;
	l->msg = msg;
	l->msglen = strlen(msg);
	l->raw = msg;
	l->rawlen = l->msglen;
	mdc_model_line(m, l);
}

static int process_json(struct mdc_model *m, const char *s, size_t len,
			int file, uint64_t lineno)
{
	char msg[MDC_MAX_LINE + 1];
	struct json_tokener *tok;
	struct json_object *o, *v;
	struct mdc_line l;
	const char *ident = NULL, *tr = NULL;

	memset(&l, 0, sizeof(l));
	if (len > 65536)
		return -1;
	tok = json_tokener_new();
	if (!tok)
		return -1;
	o = json_tokener_parse_ex(tok, s, (int)len);
	json_tokener_free(tok);
	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "MESSAGE", &v)) {
		json_object_put(o);
		return -1;
	}
	if (json_object_is_type(v, json_type_string)) {
		put_msg(msg, sizeof(msg), json_object_get_string(v),
			json_object_get_string_len(v));
	} else if (json_object_is_type(v, json_type_array)) {
		/* binary MESSAGE: array of byte values */
		size_t i, n = json_object_array_length(v);
		char raw[MDC_MAX_LINE];

		if (n > sizeof(raw))
			n = sizeof(raw);
		for (i = 0; i < n; i++)
			raw[i] = (char)json_object_get_int(
				json_object_array_get_idx(v, i));
		put_msg(msg, sizeof(msg), raw, n);
	} else {
		json_object_put(o);
		return -1;
	}
	if (json_object_object_get_ex(o, "_BOOT_ID", &v))
		snprintf(l.boot, sizeof(l.boot), "%s", json_object_get_string(v));
	if (json_object_object_get_ex(o, "__REALTIME_TIMESTAMP", &v)) {
		l.abs = strtoll(json_object_get_string(v), NULL, 10) / 1000000;
		l.has_abs = 1;
	}
	if (json_object_object_get_ex(o, "_SOURCE_MONOTONIC_TIMESTAMP", &v)) {
		l.rel = strtod(json_object_get_string(v), NULL) / 1e6;
		l.has_rel = 1;
	}
	if (json_object_object_get_ex(o, "_KERNEL_DEVICE", &v))
		snprintf(l.kdev, sizeof(l.kdev), "%s", json_object_get_string(v));
	if (json_object_object_get_ex(o, "_HOSTNAME", &v))
		snprintf(l.host, sizeof(l.host), "%s", json_object_get_string(v));
	if (json_object_object_get_ex(o, "SYSLOG_IDENTIFIER", &v))
		ident = json_object_get_string(v);
	if (json_object_object_get_ex(o, "_TRANSPORT", &v))
		tr = json_object_get_string(v);
	field_tag(&l, ident, tr);
	record_line(m, &l, FMT_JSON, file, lineno, msg);
	json_object_put(o);
	return 0;
}

static const char *export_field(const char *b, const char *e, const char *key,
				size_t *len)
{
	size_t kl = strlen(key);
	const char *p = b;

	while (p < e) {
		const char *le = memchr(p, '\n', e - p);

		if (!le)
			le = e;
		if ((size_t)(le - p) > kl && !memcmp(p, key, kl) && p[kl] == '=') {
			*len = le - p - kl - 1;
			return p + kl + 1;
		}
		p = le + 1;
	}
	return NULL;
}

/* "MESSAGE=..." line of journalctl -o export; b..e is the whole buffer */
static void process_export(struct mdc_model *m, const char *b, const char *e,
			   const char *ls, const char *le, int file,
			   uint64_t lineno)
{
	char msg[MDC_MAX_LINE + 1], ident[24] = "", tr[16] = "", num[32];
	const char *rs = ls, *re = le, *v;
	struct mdc_line l;
	size_t n;

	memset(&l, 0, sizeof(l));
	/* record bounds: blank lines, at most 64 KiB away */
	while (rs > b && ls - rs < 65536) {
		if (rs - 1 > b && rs[-1] == '\n' && rs[-2] == '\n')
			break;
		rs--;
	}
	while (re < e && re - le < 65536) {
		if (re + 1 < e && re[0] == '\n' && re[1] == '\n')
			break;
		re++;
	}
	put_msg(msg, sizeof(msg), ls + 8, le - ls - 8);
	v = export_field(rs, re, "_BOOT_ID", &n);
	if (v)
		snprintf(l.boot, sizeof(l.boot), "%.*s", (int)n, v);
	/* numbers are read from a copy: a field can end the buffer, unended */
	v = export_field(rs, re, "__REALTIME_TIMESTAMP", &n);
	if (v) {
		snprintf(num, sizeof(num), "%.*s", (int)n, v);
		l.abs = strtoll(num, NULL, 10) / 1000000;
		l.has_abs = 1;
	}
	v = export_field(rs, re, "_SOURCE_MONOTONIC_TIMESTAMP", &n);
	if (v) {
		snprintf(num, sizeof(num), "%.*s", (int)n, v);
		l.rel = strtod(num, NULL) / 1e6;
		l.has_rel = 1;
	}
	v = export_field(rs, re, "_KERNEL_DEVICE", &n);
	if (v)
		snprintf(l.kdev, sizeof(l.kdev), "%.*s", (int)n, v);
	v = export_field(rs, re, "_HOSTNAME", &n);	/* one report per host */
	if (v)
		snprintf(l.host, sizeof(l.host), "%.*s", (int)n, v);
	v = export_field(rs, re, "SYSLOG_IDENTIFIER", &n);
	if (v)
		snprintf(ident, sizeof(ident), "%.*s", (int)n, v);
	v = export_field(rs, re, "_TRANSPORT", &n);
	if (v)
		snprintf(tr, sizeof(tr), "%.*s", (int)n, v);
	field_tag(&l, ident[0] ? ident : NULL, tr);
	record_line(m, &l, FMT_EXPORT, file, lineno, msg);
}

/* ---- lines ---------------------------------------------------------- */

static int is_export_field(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && i < 64; i++) {
		if (s[i] == '=')
			return i > 0;
		if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	}
	return 0;
}

static int opens_with(const struct mdc_lit *k, const char *s, size_t n)
{
	for (; k->s; k++)
		if (n >= k->n && *s == *k->s && !memcmp(s, k->s, k->n))
			return 1;
	return 0;
}

static int starts_message(const char *s, size_t n)
{
	static const struct mdc_lit k[] = {
		MDC_LIT("md/"), MDC_LIT("md: "), MDC_LIT("raid1"),
		MDC_LIT("raid5"), MDC_LIT("raid10"), MDC_LIT("sd "),
		MDC_LIT("ata"), MDC_LIT("nvme"), MDC_LIT("device-mapper:"),
		MDC_LIT("end_request"), MDC_LIT("blk_"), MDC_LIT("Buffer I/O"),
		MDC_LIT("INFO:"), MDC_LIT("BUG"), MDC_LIT("Oops"),
		MDC_LIT("WARNING"), { NULL, 0 }
	};

	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return opens_with(k, s, n);
}

static int continuation_token(const char *s, size_t n)
{
	static const struct mdc_lit k[] = {
		MDC_LIT("op 0x"), MDC_LIT("Result:"), MDC_LIT("Read("),
		MDC_LIT("Write("), MDC_LIT("threshold ["), MDC_LIT("(sct "),
		MDC_LIT("initiating"), MDC_LIT("flags 0x"), MDC_LIT("phys_seg"),
		{ NULL, 0 }
	};

	return opens_with(k, s, n);
}

static int elision(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return !n || (n >= 3 && !memcmp(s, "...", 3)) ||
	       (n >= 4 && !memcmp(s, "[...", 4)) ||
	       (n >= 6 && !memcmp(s, "*SNIP*", 6)) ||
	       (n >= 3 && !memcmp(s, "\xe2\x8b\xae", 3));
}

/*
 * What the thread that found a hit learnt of its line, so that the parsing
 * thread does not do it again (the finder is the read-ahead thread,
 * mostly, which has time to spare where hits are many): its length; in
 * facts LF_NUL the line (as far as it is parsed) holds a NUL byte,
 * LF_BSLASH a backslash (it may hold an escaped newline, "\x0a"),
 * LF_NO_WRAP the first round of do_line()'s loop joins nothing to it
 * (no_wrap() says so; for a bare line, the next line's parse and joins()
 * too), LF_PARSED the line's mdc_parse_line()
 * for the year of its hits is below.  mdc_parse_line() of a zeroed line
 * is a function of the text and the year, so the parsing thread takes it
 * as its own when the year is the model's; its strings are kept once per
 * chunk (struct th).
 */
#define LF_KNOWN	1u
#define LF_NUL		2u
#define LF_NO_WRAP	4u
#define LF_PARSED	8u
#define LF_REL		16u
#define LF_ABS		32u
#define LF_BSLASH	64u

struct hline {
	unsigned int len;		/* to its '\n' */
	unsigned char facts;
	unsigned char fmt;		/* enum mdc_fmt */
	unsigned char th;		/* its tag and host: hits.th[th] */
	signed char ret;		/* mdc_parse_line()'s */
	signed char pret;		/* mdc_rules_ahead()'s, see pev */
	unsigned short msg, msglen;	/* from the line start */
	double rel;
	int64_t abs;
};

#define TH_MAX 32	/* distinct tag and host pairs of a chunk kept */

struct th {
	char tag[sizeof(((struct mdc_line *)0)->tag)];
	char host[sizeof(((struct mdc_line *)0)->host)];
};

static int is_export_field(const char *s, size_t n);

/* what do_line() makes of a line before any parse (n: bytes parsed) */
enum line_kind { LK_TEXT, LK_JSON, LK_EXPORT, LK_FIELD };

static enum line_kind line_kind(const char *ls, size_t n)
{
	if (n && *ls == '{')
		return LK_JSON;
	if (n > 8 && !memcmp(ls, "MESSAGE=", 8))
		return LK_EXPORT;
	return is_export_field(ls, n) ? LK_FIELD : LK_TEXT;
}

/*
 * The line ns..ns+nn after a candidate is no mail-wrapped continuation of
 * it, by the tests that need no parse: empty or long, '[' in column 0 (a
 * time stamp or an editor's note), or an elision ...
 */
static int no_wrap_text(const char *ns, size_t nn)
{
	return !nn || nn > 512 || *ns == '[' || elision(ns, nn);
}

/*
 * ... or a line that starts with a time stamp (its parse would not be
 * FMT_BARE; mdc_line_stamped() tells so from the stamp alone, from the
 * last one seen mostly)
 */
static int no_wrap(const char *ns, size_t nn)
{
	return no_wrap_text(ns, nn) || mdc_line_stamped(ns, nn);
}

/*
 * The tests of do_line()'s loop after the parse: the line nl (nn bytes,
 * no_wrap_text() of it false; a line with a stamp is not FMT_BARE) is
 * joined to a line of format fmt whose text is o bytes so far; *sep: it
 * starts a message of its own
 */
static int joins(enum mdc_fmt fmt, size_t o, const struct mdc_line *nl,
		 size_t nn, int *sep)
{
	if (nl->fmt != FMT_BARE)
		return 0;
	*sep = starts_message(nl->msg, nl->msglen);
	/* a bare line takes only a bare line that goes on with it */
	if (fmt == FMT_BARE &&
	    (*sep || !continuation_token(nl->msg, nl->msglen)))
		return 0;
	return o + nn + 5 <= MDC_MAX_LINE;
}

/* t holds l's tag and host, the arrays whole (two inline compares) */
static int th_is(const struct th *t, const struct mdc_line *l)
{
	return !memcmp(t->tag, l->tag, sizeof(t->tag)) &&
	       !memcmp(t->host, l->host, sizeof(t->host));
}

/*
 * The tag and host of l in the chunk's th[] (the arrays whole, as the
 * parse left them): its index, or -1 when th[] is full
 */
static int th_index(struct th *th, unsigned int *nth, unsigned int *last,
		    const struct mdc_line *l)
{
	unsigned int i;

	if (*last < *nth && th_is(&th[*last], l))
		return *last;
	for (i = *nth; i-- > 0;)
		if (th_is(&th[i], l))
			return *last = i;
	if (*nth == TH_MAX)
		return -1;
	memcpy(th[*nth].tag, l->tag, sizeof(th[*nth].tag));
	memcpy(th[*nth].host, l->host, sizeof(th[*nth].host));
	*last = *nth;
	return (*nth)++;
}

/*
 * The parse of the line after a hit, made for the continuation test: when
 * that line is the next hit, as in a bare log (no time stamps) where every
 * line is a message, hline_fill() takes it rather than parse it again.
 */
struct ahead {
	const char *s;		/* the line; NULL: none kept */
	size_t n;
	int ret;
	struct mdc_line l;
};

/*
 * What is learnt of the hit line ls..le (at its '\n'); e: the end of the
 * bytes that may follow.  The line is parsed as do_line() would parse it
 * (not the JSON and export records it reads otherwise).  After a bare
 * line, so is the next line when no_wrap_text() does not rule it out (a
 * stamp's test would only come before the same answer).
 */
static void hline_fill(struct hline *h, const char *ls, const char *le,
		       const char *e, struct th *th, unsigned int *nth,
		       unsigned int *last, int year, const char **next_end,
		       struct ahead *ah)
{
	size_t n = le - ls, nn;
	const char *ns = le + 1, *ne;
	struct mdc_line l;
	unsigned int has;
	int t, ret = -1, sep;

	h->len = n;
	h->facts = LF_KNOWN;
	if (n > MDC_MAX_LINE)
		n = MDC_MAX_LINE;
	has = mdc_nul_bslash(ls, n);
	if (has & MDC_HAS_NUL)
		h->facts |= LF_NUL;
	if (has & MDC_HAS_BSLASH)
		h->facts |= LF_BSLASH;
	if (line_kind(ls, n) == LK_TEXT) {
		if (ah->s == ls && ah->n == n) {
			l = ah->l;
			ret = ah->ret;
		} else {
			memset(&l, 0, sizeof(l));
			ret = mdc_parse_line(&l, ls, n, year);
		}
		if (ret < 0) {
			h->ret = -1;
			h->facts |= LF_PARSED;
		} else {
			t = th_index(th, nth, last, &l);
			if (t >= 0 && l.raw == ls && l.rawlen == n && l.msg &&
			    l.msg >= ls && l.msg + l.msglen <= ls + n) {
				h->facts |= LF_PARSED;
				h->ret = 0;
				h->th = t;
				h->fmt = l.fmt;
				if (l.has_rel)
					h->facts |= LF_REL;
				if (l.has_abs)
					h->facts |= LF_ABS;
				h->rel = l.rel;
				h->abs = l.abs;
				h->msg = l.msg - ls;
				h->msglen = l.msglen;
			}
		}
	}
	ah->s = NULL;
	if (ns >= e)
		return;		/* what follows is not in view */
	ne = memchr(ns, '\n', e - ns);
	if (!ne)
		return;		/* do_line() reads on to its own end */
	*next_end = ne;
	nn = ne - ns;
	/*
	 * A bare line is mostly followed by another: no_wrap()'s look at
	 * the stamp would fail, and the parse below is needed anyway
	 * (a line with a stamp parses to another format, so it is not
	 * joined either way).
	 */
	if (ret >= 0 && l.fmt == FMT_BARE ? no_wrap_text(ns, nn) :
					    no_wrap(ns, nn)) {
		h->facts |= LF_NO_WRAP;
		return;
	}
	/*
	 * do_line() joins nothing to a line it cannot parse, and a line
	 * with a stamp takes most lines that no_wrap() lets by: the parse
	 * would mostly be made twice
	 */
	if (ret < 0 || l.fmt != FMT_BARE)
		return;
	/* the first round of do_line()'s loop (o is n there) */
	memset(&ah->l, 0, sizeof(ah->l));
	ah->ret = mdc_parse_line(&ah->l, ns, nn, year);
	ah->s = ns;
	ah->n = nn;
	if (ah->ret < 0 || !joins(l.fmt, n, &ah->l, nn, &sep))
		h->facts |= LF_NO_WRAP;
}

/* the parse hline_fill() kept, as mdc_parse_line() of buf (n bytes) */
static void hline_take(struct mdc_line *l, const struct hline *h,
		       const struct th *th, const char *buf, size_t n)
{
	memset(l, 0, sizeof(*l));
	l->fmt = h->fmt;
	l->has_rel = !!(h->facts & LF_REL);
	l->has_abs = !!(h->facts & LF_ABS);
	l->rel = h->rel;
	l->abs = h->abs;
	memcpy(l->tag, th[h->th].tag, sizeof(l->tag));
	memcpy(l->host, th[h->th].host, sizeof(l->host));
	l->raw = buf;
	l->rawlen = n;
	l->msg = buf + h->msg;
	l->msglen = h->msglen;
}

/*
 * Parse the line at ls..le (le at '\n' or e) plus mail-wrapped
 * continuations.  Returns the end of what was consumed (at a '\n' or e)
 * and the number of extra lines consumed in *extra.
 */
static int syslog_year(const struct mdc_model *m)
{
	if (m->syslog_year)
		return m->syslog_year;
	return m->opts ? m->opts->year : 1970;
}

/*
 * The line after a candidate is parsed to see whether it continues it
 * (when no time stamp says it does not); it may be the next candidate,
 * or the next line of an oops trace, too.  The last line parsed so is
 * kept (keep: text, year, result), and parsing the same text with the
 * same year again gives the kept result: mdc_parse_line() of a zeroed
 * line is a function of the text and the year.  Pointers into the text
 * are moved to the new copy.  One thread parses (the model's), as here.
 */
static struct {
	int valid, year, ret;
	size_t n;
	struct mdc_line l;
	char text[512];
} pcache;

static const char *rebase(const char *p, const char *from, size_t n,
			  const char *to)
{
	return p && p >= from && p <= from + n ? to + (p - from) : p;
}

static int parse_cached(struct mdc_line *l, const char *s, size_t n, int year,
			int keep)
{
	int ret;

	if (pcache.valid && pcache.n == n && pcache.year == year &&
	    !memcmp(pcache.text, s, n)) {
		*l = pcache.l;
		l->msg = rebase(l->msg, pcache.text, n, s);
		l->raw = rebase(l->raw, pcache.text, n, s);
		return pcache.ret;
	}
	memset(l, 0, sizeof(*l));
	ret = mdc_parse_line(l, s, n, year);
	if (keep && n <= sizeof(pcache.text)) {
		memcpy(pcache.text, s, n);
		pcache.valid = 1;
		pcache.n = n;
		pcache.year = year;
		pcache.ret = ret;
		pcache.l = *l;
		pcache.l.msg = rebase(l->msg, s, n, pcache.text);
		pcache.l.raw = rebase(l->raw, s, n, pcache.text);
	}
	return ret;
}

static const char *do_line(struct mdc_model *m, const char *b, const char *ls,
			   const char *le, const char *e, int file,
			   uint64_t lineno, unsigned int *extra,
			   const struct hline *h, const struct th *th, int hyear,
			   const struct mdc_event *pev)
{
	char buf[MDC_MAX_LINE + 64];
	const char *base = buf;		/* the line as parsed */
	struct mdc_line l, nl;
	size_t n = le - ls, o;
	const char *end = le;
	uint64_t before = m->st.matched;
	unsigned int facts = h ? h->facts : 0;
	int j;

	*extra = 0;
	m->st.candidates++;
	if (n > MDC_MAX_LINE) {
		m->st.overlong++;
		n = MDC_MAX_LINE;
	}
	if (facts & LF_KNOWN ? facts & LF_NUL : !!memchr(ls, 0, n))
		m->st.binary++;
	/* a parse kept by hline_fill() says the line is text */
	switch (facts & LF_PARSED ? LK_TEXT : line_kind(ls, n)) {
	case LK_JSON:
		if (process_json(m, ls, le - ls, file, lineno) < 0)
			m->st.skipped++;
		return end;
	case LK_EXPORT:
		process_export(m, b, e, ls, le, file, lineno);
		return end;
	case LK_FIELD:
		return end;
	case LK_TEXT:
		break;
	}

	o = n;
	if ((facts & LF_PARSED) && hyear == syslog_year(m)) {
		if (h->ret < 0) {
			m->st.skipped++;
			return end;
		}
		/*
		 * the line is taken where it is (every reader of a placed
		 * line goes by its lengths) unless continuations may be
		 * appended to it
		 */
		if (facts & LF_NO_WRAP)
			base = ls;
		else
			memcpy(buf, ls, n);
		hline_take(&l, h, th, base, n);
		/* no continuation joined, and the loader saw what it holds */
		l.plain = (facts & (LF_NUL | LF_BSLASH | LF_NO_WRAP)) ==
			  LF_NO_WRAP;
		if (pev) {
			/* the message rules_ahead() classified */
			l.pre_ev = pev;
			l.pre_ret = h->pret;
			l.pre_msg = ls + h->msg;
			l.pre_len = h->msglen;
		}
	} else {
		memcpy(buf, ls, n);
		if (parse_cached(&l, buf, o, syslog_year(m), 0) < 0) {
			m->st.skipped++;
			return end;
		}
	}
	/*
	 * Syslog stamps have no year: when they jump back by more than half
	 * a year (Dec 31 -> Jan 1), the year turned.  Rotated files given in
	 * order are one stream.
	 */
	if ((l.fmt == FMT_SYSLOG || l.fmt == FMT_SYSLOG_PRECISE) && l.has_abs) {
		if (m->syslog_last && l.abs < m->syslog_last - 183 * 86400LL) {
			m->syslog_year = syslog_year(m) + 1;
			memset(&l, 0, sizeof(l));
			mdc_parse_line(&l, base, o, m->syslog_year);
		}
		m->syslog_last = l.abs;
	}
	/* mail-wrapped continuation lines */
	for (j = (facts & LF_NO_WRAP) ? MDC_MAX_JOIN : 0;
	     j < MDC_MAX_JOIN && end < e; j++) {
		const char *ns = end + 1, *ne;
		size_t nn;
		int sep_msg;

		if (ns >= e)
			break;
		ne = memchr(ns, '\n', e - ns);
		if (!ne)
			break;
		nn = ne - ns;
		/*
		 * LF_NO_WRAP: the first round breaks (no_wrap() said so, or
		 * for a bare line, hline_fill() made the whole round)
		 */
		if (no_wrap(ns, nn))
			break;
		/*
		 * Else the line is parsed whole, and kept for when it is
		 * parsed next (the year changes no line's format: the
		 * model's year, as for the candidate).
		 */
		if (parse_cached(&nl, ns, nn, syslog_year(m), 1) < 0 ||
		    !joins(l.fmt, o, &nl, nn, &sep_msg))
			break;
		if (sep_msg) {
			memcpy(buf + o, "\\x0a", 4);
			o += 4;
		} else {
			buf[o++] = ' ';
		}
		while (nn && (*ns == ' ' || *ns == '\t')) {
			ns++;
			nn--;
		}
		memcpy(buf + o, ns, nn);
		o += nn;
		end = ne;
		(*extra)++;
		m->st.joined++;
	}
	if (base == buf)
		buf[o] = 0;
	if (*extra) {
		size_t off = l.msg - buf;

		l.msglen = o - off;
		l.rawlen = o;
	}
	l.file = file;
	l.lineno = lineno;
	mdc_model_line(m, &l);
	if (l.fmt == FMT_BARE && m->st.matched == before)
		m->st.skipped++;
	return end;
}

void mdc_process_line(struct mdc_model *m, const char *s, size_t len,
		      int file, uint64_t lineno)
{
	unsigned int extra;

	do_line(m, s, s, s + len, s + len, file, lineno, &extra, NULL, NULL, 0,
		NULL);
}

/* a scan's position: next byte, newlines counted up to, line number at p */
struct sstate {
	const char *p, *counted;
	uint64_t ln;
	/*
	 * a stream's region ends here: an oops trace is read up to it, and
	 * the next read goes on with it from there (the lines after it may
	 * still get continuations); NULL: to the end of the bytes
	 */
	const char *tlim;
};

/* one anchor hit at h (ls its line start): parse it and what follows */
static void handle_hit(struct mdc_model *m, const char *b, const char *e,
		       int file, struct sstate *st, const char *ls,
		       const struct hline *h, const struct th *th, int year,
		       const struct mdc_event *pev)
{
	unsigned int extra;
	const char *le;

	if (h && (h->facts & LF_KNOWN)) {
		le = ls + h->len;
	} else {
		le = memchr(ls, '\n', e - ls);
		if (!le)
			le = e;
	}
	le = do_line(m, b, ls, le, e, file, st->ln, &extra, h, th, year, pev);
	st->ln += extra;
	/* oops: read the trace that follows line by line */
	while (m->sw_open && le < e && (!st->tlim || le + 1 < st->tlim)) {
		const char *ns = le + 1, *ne;

		if (ns >= e)
			break;
		ne = memchr(ns, '\n', e - ns);
		if (!ne)
			ne = e;
		st->ln++;
		le = do_line(m, b, ns, ne, e, file, st->ln, &extra, NULL, NULL,
			     0, NULL);
		st->ln += extra;
	}
	if (le < e) {
		st->ln++;
		st->p = le + 1;
	} else {
		st->p = e;
	}
	st->counted = st->p;
}

static const char *line_start(const char *lo, const char *h)
{
	const char *q;

	if (h == lo || h[-1] == '\n')
		return h;
	q = memrchr(lo, '\n', h - lo);
	return q ? q + 1 : lo;
}

/* sequential scan of st->p .. lim (lim at a line start or e) */
static void seq_scan(struct mdc_model *m, const char *b, const char *e,
		     const char *lim, int file, struct sstate *st)
{
	while (st->p < lim) {
		const char *h = find_hit(st->p, st->p, lim), *ls;

		if (!h)
			break;
		ls = line_start(st->p, h);
		st->ln += mdc_count_nl(st->counted, ls - st->counted);
		st->counted = ls;
		handle_hit(m, b, e, file, st, ls, NULL, NULL, 0, NULL);
	}
}

/*
 * Parallel prefilter: a worker thread finds the anchor lines of the second
 * half of a big region while this thread does the first half; the lines
 * are then parsed in order by this thread, so the model is never shared.
 */
#define HITS_MAX 32768	/* a storm: most lines of a 1 MiB chunk */
/*
 * events classified ahead per chunk, at most: the hit lines of a 1 MiB
 * chunk of 100-byte lines, all of them (2 MiB; hits past it are the
 * model's)
 */
#define PEV_MAX 8192

struct hits {
	const char *b, *e;		/* half */
	const char *ls[HITS_MAX];	/* line starts with a hit */
	uint64_t nl[HITS_MAX];		/* newlines from b to ls[i] */
	struct hline hl[HITS_MAX];	/* what hline_fill() learnt */
	/*
	 * the events of hits 0 .. pdone - 1 as mdc_rules_ahead() worked them
	 * out (rules_ahead(); hl[i].pret < 0: none); pdone is stored after
	 * them (release), and so read (acquire).  pev: PEV_MAX events, for
	 * the chunks of a plain file only (NULL: none)
	 */
	struct mdc_event *pev;
	unsigned int pdone;
	struct th th[TH_MAX];
	unsigned int nth, th_last;
	int year;			/* the model's, when they were found */
	unsigned int n;
	const char *resume;		/* line start after the last hit kept */
	uint64_t resume_nl;
	int overflow;
	uint64_t total_nl;		/* newlines in b..e */
};

static void collect_hits(struct hits *hs)
{
	const char *p = hs->b, *counted = hs->b;
	/* the end of the line after the last hit, when hline_fill() found it */
	const char *next_end = NULL;
	struct ahead ah;
	uint64_t nl = 0;

	hs->n = 0;
	hs->nth = 0;
	hs->th_last = 0;
	hs->overflow = 0;
	hs->pdone = 0;
	ah.s = NULL;
	while (p < hs->e) {
		const char *h = find_hit(p, p, hs->e), *ls, *le;

		if (!h)
			break;
		ls = line_start(p, h);
		if (ls > counted)
			nl += mdc_count_nl(counted, ls - counted);
		counted = ls;
		if (hs->n == HITS_MAX) {
			hs->overflow = 1;
			hs->resume = ls;
			hs->resume_nl = nl;
			break;
		}
		/* in a storm the hit line is the one after the last hit */
		if (next_end && ls == p)
			le = next_end;
		else
			le = memchr(h, '\n', hs->e - h);
		next_end = NULL;
		hs->ls[hs->n] = ls;
		hs->nl[hs->n] = nl;
		if (le)
			hline_fill(&hs->hl[hs->n], ls, le, hs->e, hs->th,
				   &hs->nth, &hs->th_last, hs->year,
				   &next_end, &ah);
		else
			hs->hl[hs->n].facts = 0;
		hs->n++;
		if (!le) {
			p = hs->e;
			break;
		}
		/*
		 * its newline is counted here: in a storm the next hit is
		 * the next line, and nothing is left to count
		 */
		p = le + 1;
		nl++;
		counted = p;
	}
	hs->total_nl = nl + mdc_count_nl(counted, hs->e - counted);
}

static void *collect_thread(void *arg)
{
	collect_hits(arg);
	return NULL;
}

static void replay(struct mdc_model *m, const char *b, const char *e,
		   int file, struct sstate *st, const struct hits *hs,
		   uint64_t base)
{
	unsigned int i, pdone = 0;

	for (i = 0; i < hs->n; i++) {
		const struct mdc_event *pev = NULL;

		if (i >= pdone)
			pdone = __atomic_load_n(&hs->pdone, __ATOMIC_ACQUIRE);
		if (i < pdone && hs->hl[i].pret >= 0)
			pev = &hs->pev[i];
		if (i + 1 < hs->n) {
			/* the loader's lines are in a far cache by now */
			__builtin_prefetch(hs->ls[i + 1]);
			__builtin_prefetch(&hs->hl[i + 1]);
		}
		if (hs->ls[i] < st->p)
			continue;	/* consumed as a continuation */
		st->ln = base + hs->nl[i];
		st->counted = hs->ls[i];
		handle_hit(m, b, e, file, st, hs->ls[i], &hs->hl[i], hs->th,
			   hs->year, pev);
	}
	if (hs->overflow) {
		if (st->p < hs->resume) {
			st->p = hs->resume;
			st->counted = hs->resume;
			st->ln = base + hs->resume_nl;
		}
		seq_scan(m, b, e, hs->e, file, st);
	}
}

static int use_threads = -1;

static int threads_on(void)
{
	if (use_threads < 0) {
		const char *t = getenv("MDCLASSIFY_THREADS");

		use_threads = t ? atoi(t) > 1 : sysconf(_SC_NPROCESSORS_ONLN) > 1;
	}
	return use_threads;
}

/*
 * Scan the lines that start in b..lim (lim just after a '\n', or the end
 * of the input); the last hit's continuation lines may be read on up to
 * e.  *lineno is the number of the first line on entry, and of the line
 * at the returned position on exit: lim, or further when a continuation
 * ran past it.
 */
/*
 * Parse the lines that start in b..lim (the buffer goes on to e; ctx <= b:
 * bytes before b that may be read for context, the fields of a journal
 * export record).
 */
static const char *scan_region(struct mdc_model *m, const char *ctx,
			       const char *b, const char *lim, const char *e,
			       int file, uint64_t *lineno, int cont)
{
	struct sstate st = { b, b, *lineno, lim };
	const char *mid;

	keytab_init();
	/*
	 * cont: the previous region of this input ended in an oops trace
	 * that ran to the end of its bytes: read on line by line, as a
	 * chunk that holds both would
	 */
	while (cont && m->sw_open && st.p < lim) {
		const char *ne = memchr(st.p, '\n', e - st.p);
		unsigned int extra;

		if (!ne)
			ne = e;
		ne = do_line(m, ctx, st.p, ne, e, file, st.ln, &extra, NULL,
			     NULL, 0, NULL);
		st.ln += extra;
		if (ne < e) {
			st.ln++;
			st.p = ne + 1;
		} else {
			st.p = e;
		}
		st.counted = st.p;
	}
	if (st.p >= lim) {
		*lineno = st.ln;
		return st.p > lim ? st.p : lim;
	}
	if (st.p > b) {
		*lineno = st.ln;
		b = st.p;
	}
	mid = lim - b > (1 << 20) && threads_on() ?
	      memchr(b + (lim - b) / 2, '\n', lim - (b + (lim - b) / 2)) : NULL;
	if (mid && mid + 1 < lim) {
		static struct hits h1, h2;	/* only the scanning thread */
		pthread_t t;
		int threaded;

		h1.year = syslog_year(m);
		h2.year = h1.year;
		h1.b = b;
		h1.e = mid + 1;
		h2.b = mid + 1;
		h2.e = lim;
		threaded = !pthread_create(&t, NULL, collect_thread, &h2);
		collect_hits(&h1);
		if (threaded)
			pthread_join(t, NULL);
		else
			collect_hits(&h2);
		replay(m, ctx, e, file, &st, &h1, *lineno);
		replay(m, ctx, e, file, &st, &h2, *lineno + h1.total_nl);
		if (st.p > lim) {
			*lineno = st.ln;
			return st.p;
		}
		*lineno += h1.total_nl + h2.total_nl;
		return lim;
	}
	seq_scan(m, ctx, e, lim, file, &st);
	if (st.p > lim) {
		*lineno = st.ln;
		return st.p;
	}
	*lineno = st.ln + mdc_count_nl(st.counted, lim - st.counted);
	return lim;
}

int mdc_scan_buffer(struct mdc_model *m, const char *buf, size_t len, int file)
{
	uint64_t ln = 1;

	scan_region(m, buf, buf, buf + len, buf + len, file, &ln, 0);
	m->st.lines += ln - 1 + (len && buf[len - 1] != '\n');
	m->st.bytes += len;
	return 0;
}


/*
 * A plain regular file is read by offset in chunks.  Chunk k owns the
 * lines that start in [k * size, (k + 1) * size); it is read with
 * CHUNK_BEHIND bytes before (does a line start at its first byte?  the
 * fields of a journal export record whose MESSAGE is in this chunk) and
 * CHUNK_AHEAD bytes after (to end its last line, and for continuations,
 * traces and the rest of an export record).  Its
 * newlines are counted over exactly the owned bytes, so line numbers never
 * depend on where lines start.  A pread() into a reused buffer costs less
 * than a mapping's page faults, and a file that shrinks under us is just a
 * short read.  1 MiB: the lines that the thread which loaded a chunk
 * parsed (hline_fill()) are still in the cache when the model's thread
 * takes them (4 MiB chunks were 10 % slower on a storm, 2 MiB 7 %).
 */
#define CHUNK_SIZE	(1u << 20)
#define CHUNK_AHEAD	(64u << 10)
#define CHUNK_BEHIND	(64u << 10)	/* journal export record fields */

struct chunk {
	char *buf;		/* BEHIND + size + CHUNK_AHEAD bytes */
	uint64_t off;		/* file offset of buf[0] */
	size_t len;		/* bytes read */
	uint64_t want;		/* bytes of the nominal range in the file */
	const char *s, *lim;	/* its lines; s == lim: none */
	uint64_t pre_nl;	/* newlines from the nominal start to s */
	uint64_t nl;		/* newlines in the nominal range */
	int err;		/* errno of a failed read, or -1: file shrank */
	struct hits hs;
};

struct load_job {
	struct chunk *c;
	int fd;
	struct feed *feed;	/* a stream's, else NULL: pread(fd) */
	uint64_t total, k;	/* total: UINT64_MAX for a stream */
	size_t size;
	int year;		/* the model's when the chunk was claimed */
};

/* a size from the environment for the tests, in lo..hi, else dflt */
static size_t env_size(const char *name, long lo, long hi, size_t dflt)
{
	const char *e = getenv(name);
	long v = e ? atol(e) : 0;

	return v >= lo && v <= hi ? (size_t)v : dflt;
}

/* MDCLASSIFY_CHUNK=bytes: small chunks let the tests cross many borders */
static size_t chunk_size(void)
{
	return env_size("MDCLASSIFY_CHUNK", 64, 64l << 20, CHUNK_SIZE);
}

/*
 * A stream (a pipe, a compressed file) is read into the same chunks as a
 * file, one chunk after the other: chunk k's first bytes are chunk k - 1's
 * last (kept here, CHUNK_BEHIND + CHUNK_AHEAD of them), the rest is read.
 * A loader that gets to chunk k before chunk k - 1 is read waits for it;
 * the other thread goes on finding and parsing lines meanwhile, so reading
 * (and decompressing) a stream overlaps with scanning it, as pread() does.
 */
struct feed {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct mdc_input *in;
	uint64_t next;		/* the chunk to be read next */
	uint64_t pos;		/* bytes read from the stream so far */
	int eof;		/* pos is the stream's end */
	char *keep;		/* its bytes [pos - nkeep, pos) */
	size_t nkeep;
	size_t rmax;		/* the most one read takes */
	char err[256];		/* the input error that ended it */
	int failed;		/* there was one */
};

/*
 * chunk k's bytes from the stream into c->buf (c->len of them); returns
 * the stream's length when it has ended, else UINT64_MAX
 */
static uint64_t feed_fetch(struct feed *f, struct chunk *c, uint64_t k,
			   size_t size)
{
	uint64_t nom = k * size;
	uint64_t from = nom > CHUNK_BEHIND ? nom - CHUNK_BEHIND : 0;
	uint64_t to = nom + size + CHUNK_AHEAD;
	uint64_t nfrom = nom + size > CHUNK_BEHIND ?
			 nom + size - CHUNK_BEHIND : 0;
	uint64_t end;
	size_t got = 0;

	pthread_mutex_lock(&f->mu);
	while (f->next != k)
		pthread_cond_wait(&f->cv, &f->mu);
	if (f->pos > from) {
		got = f->pos - from;
		memcpy(c->buf, f->keep + f->nkeep - got, got);
	}
	while (!f->eof && f->pos < to) {
		size_t want = to - f->pos < f->rmax ? to - f->pos : f->rmax;
		long r = mdc_input_read(f->in, c->buf + got, want, f->err,
					sizeof(f->err));

		if (r <= 0) {
			f->failed = r < 0;
			f->eof = 1;
			break;
		}
		got += r;
		f->pos += r;
	}
	/* what chunk k + 1 has before its own bytes and after them so far */
	f->nkeep = f->pos > nfrom ? f->pos - nfrom : 0;
	memcpy(f->keep, c->buf + got - f->nkeep, f->nkeep);
	end = f->eof ? f->pos : UINT64_MAX;
	/* read without the lock by a loader deciding to take a chunk */
	__atomic_store_n(&f->next, k + 1, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
	c->len = got;
	return end;
}

static void chunk_load(const struct load_job *j)
{
	struct chunk *c = j->c;
	uint64_t nom = j->k * j->size, total = j->total;
	uint64_t nend, from = nom > CHUNK_BEHIND ? nom - CHUNK_BEHIND : 0;
	uint64_t to;
	const char *b, *ne, *end, *q;
	size_t got = 0;

	c->err = 0;
	c->off = from;
	if (j->feed) {
		total = feed_fetch(j->feed, c, j->k, j->size);
		if (nom && nom >= total) {
			/* after the stream's end: never parsed */
			c->want = 0;
			c->pre_nl = 0;
			c->nl = 0;
			c->s = c->buf;
			c->lim = c->buf;
			c->hs.n = 0;
			return;
		}
	}
	nend = nom + j->size < total ? nom + j->size : total;
	to = nend + CHUNK_AHEAD < total ? nend + CHUNK_AHEAD : total;
	c->want = nend - nom;
	while (!j->feed && got < to - from) {
		ssize_t r = pread(j->fd, c->buf + got, to - from - got,
				  from + got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			c->err = errno;
			break;
		}
		if (r == 0)
			break;
		got += r;
	}
	if (j->feed)
		got = c->len;
	c->len = got;
	end = c->buf + got;
	if (!c->err && got < nend - from)
		c->err = -1;		/* the file shrank */
	b = c->buf + (nom - from);
	if (b > end)
		b = end;
	ne = c->buf + (nend - from);
	if (ne > end)
		ne = end;
	/* the first line that starts at or after the nominal start */
	if (!nom) {
		c->s = c->buf;
	} else {
		q = b > c->buf ? memchr(b - 1, '\n', end - (b - 1)) : NULL;
		c->s = q ? q + 1 : end;
	}
	c->hs.n = 0;
	c->hs.pdone = 0;
	c->hs.overflow = 0;
	c->hs.total_nl = 0;
	if (c->s >= ne) {
		/* a line from an earlier chunk covers this one */
		c->s = c->lim = ne;
		c->pre_nl = c->nl = mdc_count_nl(b, ne - b);
		return;
	}
	/* its last line ends after ne: in the look-ahead, or cut there */
	if (ne == end) {
		c->lim = end;
	} else {
		q = memchr(ne - 1, '\n', end - (ne - 1));
		c->lim = q ? q + 1 : end;
	}
	c->pre_nl = mdc_count_nl(b, c->s - b);
	c->hs.b = c->s;
	c->hs.e = c->lim;
	c->hs.year = j->year;
	collect_hits(&c->hs);
	c->nl = c->pre_nl + c->hs.total_nl - mdc_count_nl(ne, c->lim - ne);
}

/* parse a loaded chunk; *done: file offset up to which lines are parsed */
static void chunk_parse(struct mdc_model *m, struct chunk *c, int file,
			uint64_t ln, uint64_t *done)
{
	uint64_t s_off = c->off + (c->s - c->buf);
	uint64_t lim_off = c->off + (c->lim - c->buf);
	struct sstate st = { c->s, c->s, ln + c->pre_nl, NULL };

	if (c->s == c->lim || *done >= lim_off)
		return;
	if (*done > s_off) {
		/* a continuation or trace of the last chunk ran into this one */
		st.p = c->buf + (*done - c->off);
		st.counted = st.p;
		st.ln += mdc_count_nl(c->s, st.p - c->s);
	}
	replay(m, c->buf, c->buf + c->len, file, &st, &c->hs, ln + c->pre_nl);
	if (c->off + (st.p - c->buf) > *done)
		*done = c->off + (st.p - c->buf);
}

static int chunk_error(struct mdc_model *m, struct mdc_input *in,
		       const struct chunk *c)
{
	if (!c->err)
		return 0;
	if (c->err < 0)
		fprintf(stderr,
			"mdclassify: %s: file shrank to %llu bytes while being read (rotated with copytruncate?); rest skipped\n",
			mdc_input_name(in),
			(unsigned long long)(c->off + c->len));
	else
		fprintf(stderr,
			"mdclassify: %s: read error at offset %llu: %s; rest skipped\n",
			mdc_input_name(in),
			(unsigned long long)(c->off + c->len),
			strerror(c->err));
	m->st.input_errors++;
	return -1;
}

/*
 * The chunks of a file go through a ring of CHUNK_BUFS buffers: a loader
 * thread reads and prefilters the chunks ahead while this thread parses
 * the current one in order (so the model is never shared); while the
 * chunk it needs next is not loaded, this thread loads the first chunk
 * nobody has claimed (a buffer being free) rather than wait.  Loading a
 * chunk is reading it, finding its hit lines and parsing them (hline_fill());
 * the model's thread takes those parses and classifies and counts.  While
 * the loader has no free buffer to load into, it classifies the hit lines
 * of a loaded chunk the model has not reached yet (rules_ahead()), and the
 * model takes those events.  So whichever thread has less to do takes
 * work off the other: on a quiet log both read, in a storm of repeated
 * messages (the rules' memo answers) the model loads too, and where every
 * message is new the loader classifies.
 */
#define CHUNK_BUFS	3

struct mdc_scanner {
	struct mdc_model *m;
	char *buf;			/* read path */
	struct chunk ch[CHUNK_BUFS];	/* pread path */
	size_t chsize;
};

struct ring {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct mdc_scanner *s;
	struct feed *feed;		/* a stream's, else NULL */
	int fd, stop;
	uint64_t total, n;		/* n: UINT64_MAX until a stream ends */
	size_t size;
	uint64_t claimed;		/* chunks handed to a loader */
	uint64_t parsed;		/* chunks parsed: their buffers are free */
	uint64_t loaded[CHUNK_BUFS];	/* index + 1 of the chunk in a buffer */
	int year;			/* the model's syslog year, as parsed */
	uint64_t cur;			/* the chunk the model parses */
	uint64_t busy;			/* index + 1 of rules_ahead()'s chunk */
	int nudge;			/* cur, parsed or stop changed (atomic) */
};

/* chunk k, claimed with the lock held (year: r->year then) */
static void ring_load(struct ring *r, uint64_t k, int year)
{
	struct load_job j = { &r->s->ch[k % CHUNK_BUFS], r->fd, r->feed,
			      r->total, k, r->size, year };
	struct chunk *c = j.c;

	chunk_load(&j);
	pthread_mutex_lock(&r->mu);
	/* the chunk where a stream ended is its last with bytes of its own */
	if (r->feed && c->want < r->size && k < r->n)
		r->n = k + !!c->want;
	r->loaded[k % CHUNK_BUFS] = k + 1;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
}

/* the model moved on (r->mu held): rules_ahead() looks again */
static void ring_nudge(struct ring *r)
{
	__atomic_store_n(&r->nudge, 1, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&r->cv);
}

/*
 * The loader's work while every buffer is full: the rules of the hit
 * lines of the first loaded chunk the model has not reached, in order,
 * each event published with pdone.  It stops at once when the model
 * moves on (a chunk reached, a buffer freed), and the model does not
 * free the buffer of r->busy.  Only lines the model takes whole get an
 * event: parsed here, nothing joined to them, no NUL, no escaped newline
 * (one message); the model takes an event only for the very text it was
 * worked out for (mdc_model_line(), one_message()).
 * Called and returns with r->mu held; 0: nothing to do.
 */
static int rules_ahead(struct ring *r)
{
	char buf[MDC_MAX_LINE + 1];
	struct hits *hs = NULL;
	unsigned int i, lim = 0;
	uint64_t j;

	for (j = r->cur + 1; j < r->claimed; j++) {
		if (r->loaded[j % CHUNK_BUFS] != j + 1)
			continue;
		hs = &r->s->ch[j % CHUNK_BUFS].hs;
		lim = hs->n < PEV_MAX ? hs->n : PEV_MAX;
		if (hs->pev && hs->pdone < lim)
			break;
	}
	if (j >= r->claimed)
		return 0;
	/*
	 * j > cur >= parsed - 1: its buffer is not free, and the model,
	 * which sets cur before parsed, frees it only when busy is not j + 1
	 */
	r->busy = j + 1;
	__atomic_store_n(&r->nudge, 0, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&r->mu);
	for (i = hs->pdone; i < lim; i++) {
		struct hline *h = &hs->hl[i];

		if (__atomic_load_n(&r->nudge, __ATOMIC_RELAXED))
			break;
		h->pret = -1;
		if ((h->facts & (LF_PARSED | LF_NO_WRAP | LF_NUL)) ==
		    (LF_PARSED | LF_NO_WRAP) && !h->ret && h->msglen &&
		    (!(h->facts & LF_BSLASH) ||
		     !mdc_escaped_nl(hs->ls[i] + h->msg, h->msglen))) {
			memcpy(buf, hs->ls[i] + h->msg, h->msglen);
			buf[h->msglen] = 0;
			h->pret = mdc_rules_ahead(buf, h->msglen,
						  hs->th[h->th].tag,
						  &hs->pev[i]);
		}
		__atomic_store_n(&hs->pdone, i + 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_lock(&r->mu);
	r->busy = 0;
	pthread_cond_broadcast(&r->cv);
	return 1;
}

static void *ring_thread(void *arg)
{
	struct ring *r = arg;

	pthread_mutex_lock(&r->mu);
	while (!r->stop) {
		uint64_t k;
		int year;

		if (r->claimed >= r->n || r->claimed >= r->parsed + CHUNK_BUFS) {
			if (rules_ahead(r))
				continue;
			if (r->claimed >= r->n)
				break;
			pthread_cond_wait(&r->cv, &r->mu);
			continue;
		}
		k = r->claimed++;
		year = r->year;
		pthread_mutex_unlock(&r->mu);
		ring_load(r, k, year);
		pthread_mutex_lock(&r->mu);
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

/* a file read by offset (feed NULL) or a stream read in order (feed) */
static int scan_chunks(struct mdc_scanner *s, struct mdc_input *in, int file,
		       struct feed *feed, void (*tick)(void *), void *arg)
{
	struct mdc_model *m = s->m;
	uint64_t total = mdc_input_total(in), k, ln = 1, done = 0;
	uint64_t bytes = 0;
	size_t size = chunk_size();
	char last = '\n';
	int i, ret = 0, threaded = 0;
	struct ring r;
	pthread_t t;

	keytab_init();
	for (i = 0; i < CHUNK_BUFS; i++) {
		/* none: the model classifies every line itself */
		if (!s->ch[i].hs.pev)
			s->ch[i].hs.pev = malloc(PEV_MAX *
						 sizeof(*s->ch[i].hs.pev));
		if (s->ch[i].buf && s->chsize == size)
			continue;
		free(s->ch[i].buf);
		s->ch[i].buf = malloc(size + CHUNK_AHEAD + CHUNK_BEHIND + 1);
		if (!s->ch[i].buf) {
			fprintf(stderr, "mdclassify: out of memory\n");
			m->st.input_errors++;
			return -1;
		}
	}
	s->chsize = size;
	memset(&r, 0, sizeof(r));
	pthread_mutex_init(&r.mu, NULL);
	pthread_cond_init(&r.cv, NULL);
	r.s = s;
	r.feed = feed;
	r.fd = mdc_input_fd(in);
	r.total = feed ? UINT64_MAX : total;
	r.size = size;
	r.n = feed ? UINT64_MAX : (total + size - 1) / size;
	r.year = syslog_year(m);
	if (r.n > 1 && threads_on())
		threaded = !pthread_create(&t, NULL, ring_thread, &r);
	for (k = 0; !ret; k++) {
		struct chunk *c = &s->ch[k % CHUNK_BUFS];

		/*
		 * until chunk k is loaded, load the next chunk nobody has
		 * claimed yet, if a buffer is free, rather than wait
		 */
		pthread_mutex_lock(&r.mu);
		while (k < r.n && r.loaded[k % CHUNK_BUFS] != k + 1) {
			uint64_t kk = r.claimed;

			/*
			 * a stream's chunk is taken only when it can be read
			 * now: chunk k may be loaded before the one after it
			 * arrives (a slow pipe)
			 */
			if (kk < r.n && kk < r.parsed + CHUNK_BUFS &&
			    (!feed || __atomic_load_n(&feed->next,
						      __ATOMIC_ACQUIRE) == kk)) {
				r.claimed++;
				pthread_mutex_unlock(&r.mu);
				ring_load(&r, kk, syslog_year(m));
				pthread_mutex_lock(&r.mu);
				continue;
			}
			pthread_cond_wait(&r.cv, &r.mu);
		}
		if (k >= r.n) {
			pthread_mutex_unlock(&r.mu);
			break;
		}
		r.cur = k;
		ring_nudge(&r);
		pthread_mutex_unlock(&r.mu);

		chunk_parse(m, c, file, ln, &done);
		ln += c->nl;
		bytes += c->len > c->want ? c->want : c->len;
		if (c->len)
			last = c->buf[c->len - 1];
		if (chunk_error(m, in, c))
			ret = -1;

		pthread_mutex_lock(&r.mu);
		while (r.busy == k + 1)
			pthread_cond_wait(&r.cv, &r.mu);
		r.parsed = k + 1;
		r.year = syslog_year(m);
		ring_nudge(&r);
		pthread_mutex_unlock(&r.mu);
		if (!feed)
			mdc_input_set_pos(in, bytes);
		if (tick)
			tick(arg);
	}
	pthread_mutex_lock(&r.mu);
	r.stop = 1;
	ring_nudge(&r);
	pthread_mutex_unlock(&r.mu);
	if (threaded)
		pthread_join(t, NULL);
	if (feed && feed->failed) {
		/* told last: all that was read before it is parsed */
		fprintf(stderr, "mdclassify: %s\n", feed->err);
		m->st.input_errors++;
		ret = -1;
	}
	pthread_mutex_destroy(&r.mu);
	pthread_cond_destroy(&r.cv);
	m->st.lines += ln - 1 + (last != '\n');
	m->st.bytes += bytes;
	return ret;
}

struct mdc_scanner *mdc_scanner_new(struct mdc_model *m)
{
	struct mdc_scanner *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->m = m;
	s->buf = malloc(SCAN_BUF + 1);
	if (!s->buf) {
		free(s);
		return NULL;
	}
	return s;
}

void mdc_scanner_free(struct mdc_scanner *s)
{
	int i;

	if (!s)
		return;
	free(s->buf);
	for (i = 0; i < CHUNK_BUFS; i++) {
		free(s->ch[i].buf);
		free(s->ch[i].hs.pev);
	}
	free(s);
}

/*
 * Where the lines of a stream's read that are parsed now end (at the
 * '\n' returned, NULL: none yet; last: the last complete line's '\n').
 * What a line needs after it is kept for the next read: the MDC_MAX_JOIN
 * lines that may be joined to it, and unless the input is followed, as
 * much as a chunk of a file has (CHUNK_AHEAD bytes: the rest of an export
 * record), so that a pipe's reads give the report the file gives.  A
 * followed pipe is parsed three lines behind, not 64 KiB.
 */
static char *stream_lim(char *p0, char *last, int follow)
{
	char *q = last;
	int i;

	for (i = 0; i < MDC_MAX_JOIN && q; i++)
		q = q > p0 ? memrchr(p0, '\n', q - p0) : NULL;
	if (follow || (q && last + 1 - q > (ptrdiff_t)CHUNK_AHEAD))
		return q;
	if (last + 1 - p0 <= (ptrdiff_t)CHUNK_AHEAD)
		return NULL;
	return memrchr(p0, '\n', last + 1 - CHUNK_AHEAD - p0);
}

/*
 * MDCLASSIFY_READ=bytes: the most one read of a stream takes (as a pipe
 * may give), so that the tests cross the borders of reads
 */
static size_t read_size(void)
{
	return env_size("MDCLASSIFY_READ", 1, SCAN_BUF, SCAN_BUF);
}

/* MDCLASSIFY_RING=0: a stream is read as a followed one is, below */
static int ring_streams(void)
{
	const char *e = getenv("MDCLASSIFY_RING");

	return !(e && !strcmp(e, "0"));
}

static int scan_stream(struct mdc_scanner *s, struct mdc_input *in, int file,
		       void (*tick)(void *), void *arg)
{
	struct feed f;
	int ret;

	memset(&f, 0, sizeof(f));
	f.keep = malloc(CHUNK_BEHIND + CHUNK_AHEAD);
	if (!f.keep) {
		fprintf(stderr, "mdclassify: out of memory\n");
		s->m->st.input_errors++;
		return -1;
	}
	f.in = in;
	f.rmax = read_size();
	pthread_mutex_init(&f.mu, NULL);
	pthread_cond_init(&f.cv, NULL);
	ret = scan_chunks(s, in, file, &f, tick, arg);
	pthread_mutex_destroy(&f.mu);
	pthread_cond_destroy(&f.cv);
	free(f.keep);
	return ret;
}

/*
 * Read one input to the end.  What may still follow the lines of a read
 * (stream_lim()) is kept for the next one, so that wrapped continuations
 * and the rest of an export record are always seen.
 * Returns 0, or -1 after an input error (what was read is processed).
 */
int mdc_scan_input(struct mdc_scanner *s, struct mdc_input *in, int file,
		   int follow, void (*tick)(void *), void *arg)
{
	struct mdc_model *m = s->m;
	size_t have = 0, ctx = 0;	/* s->buf[0..ctx): parsed, context */
	size_t rmax = read_size();
	uint64_t ln = 1;
	int skipping = 0, ret = 0, eof = 0, cont = 0;
	char err[256];

	if (!follow && mdc_input_seekable(in))
		return scan_chunks(s, in, file, NULL, tick, arg);
	if (!follow && ring_streams())
		return scan_stream(s, in, file, tick, arg);
	for (;;) {
		long r = 0;
		const char *next = NULL;
		char *last, *prev, *p0;

		/*
		 * a followed pipe that goes quiet with lines kept back
		 * (stream_lim()): nothing more is coming for now, so parse
		 * them, as at the end of a growing file, rather than wait
		 * for the next message to arrive
		 */
		if (!eof && follow && have > ctx &&
		    !mdc_input_ready(in, FOLLOW_IDLE_MS)) {
			r = 0;
		} else if (!eof) {
			r = mdc_input_read(in, s->buf + have,
					   SCAN_BUF - have < rmax ?
					   SCAN_BUF - have : rmax,
					   err, sizeof(err));
			if (r < 0) {
				fprintf(stderr, "mdclassify: %s\n", err);
				m->st.input_errors++;
				ret = -1;
				eof = 1;
				r = 0;
			}
			if (r == 0 && !follow)
				eof = 1;
		}
		m->st.bytes += r;
		have += r;
		if (skipping) {
			/* rest of an over-long line */
			char *nlp = memchr(s->buf + ctx, '\n', have - ctx);

			if (!nlp) {
				have = ctx = 0;
				if (eof)
					break;
				continue;
			}
			skipping = 0;
			ln++;
			memmove(s->buf, nlp + 1, have - (nlp + 1 - s->buf));
			have -= nlp + 1 - s->buf;
			ctx = 0;
		}
		p0 = s->buf + ctx;
		last = have > ctx ? memrchr(p0, '\n', have - ctx) : NULL;
		if (eof) {
			if (have > ctx) {
				scan_region(m, s->buf, p0, s->buf + have,
					    s->buf + have, file, &ln, cont);
				if (s->buf[have - 1] != '\n')
					ln++;
			}
			break;
		}
		if (!last) {
			if (have - ctx >= SCAN_OVERLONG) {
				/* an over-long line: parse its start only */
				unsigned int extra;

				do_line(m, s->buf, p0, s->buf + have,
					s->buf + have, file, ln, &extra, NULL,
					NULL, 0, NULL);	/* counts it */
				skipping = 1;
				have = ctx = 0;
			} else if (have >= SCAN_BUF - 1 && ctx) {
				/* make room: drop the context */
				memmove(s->buf, p0, have - ctx);
				have -= ctx;
				ctx = 0;
			} else if (r == 0 && follow) {
				if (tick)
					tick(arg);
				usleep(500000);
			}
			continue;
		}
		prev = stream_lim(p0, last, follow);
		if (prev && r > 0) {
			next = scan_region(m, s->buf, p0, prev + 1, last + 1,
					   file, &ln, cont);
		} else if (r > 0 && have > SCAN_BUF / 2) {
			next = scan_region(m, s->buf, p0, last + 1, last + 1,
					   file, &ln, cont);
		} else if (r == 0 && follow) {
			/* idle: flush everything complete */
			next = scan_region(m, s->buf, p0, last + 1, last + 1,
					   file, &ln, cont);
		}
		if (next) {
			cont = 1;
			/*
			 * keep up to SCAN_CTX bytes before next, from a line
			 * start: the first fields of a journal export record
			 * whose MESSAGE line comes in the next read
			 */
			const char *k = next - s->buf > SCAN_CTX ?
					next - SCAN_CTX : s->buf;

			if (k > s->buf) {
				const char *nl = memchr(k, '\n', next - k);

				k = nl ? nl + 1 : next;
			}
			memmove(s->buf, k, have - (k - s->buf));
			have -= k - s->buf;
			ctx = next - k;
			if (r == 0 && follow) {
				if (tick)
					tick(arg);
				usleep(500000);
				continue;
			}
		}
		if (tick)
			tick(arg);
	}
	m->st.lines += ln - 1;
	return ret;
}
