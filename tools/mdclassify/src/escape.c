// SPDX-License-Identifier: GPL-2.0
/*
 * escape.c - make log text safe to print.
 *
 * Log lines are untrusted: they can carry terminal escape sequences,
 * control characters, NUL bytes and invalid UTF-8.  mdc_escape() keeps
 * printable ASCII and well-formed UTF-8 (except C1 controls) and writes
 * every other byte as \xNN, so no output mode ever passes a raw control
 * byte through.  mdc_escaped_nl() finds the "\x0a" that stands for a
 * newline inside a message.
 */
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "mdclassify.h"

static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned int c = s[0], cp;
	size_t len, i;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (n < len)
		return 0;
	cp = c & (0x3f >> (len - 1));
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp >= 0x80 && cp <= 0x9f)		/* C1 controls */
		return 0;
	if (cp == 0x2028 || cp == 0x2029)	/* line/paragraph sep */
		return 0;
	return len;
}

size_t mdc_escape(char *dst, size_t dstlen, const char *src, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, o = 0, u;

	if (!dstlen)
		return 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t r = i, room = dstlen - 1 - o;

		/* a run of printable ASCII, the usual case, is copied whole */
#ifdef __SSE2__
		while (r + 16 <= len && r - i + 16 <= room) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + r));
			__m128i ok = _mm_and_si128(
				_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1f)),
				_mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));

			if (_mm_movemask_epi8(ok) != 0xffff)
				break;
			r += 16;
		}
#endif
		while (r < len && r - i < room && s[r] >= 0x20 && s[r] < 0x7f)
			r++;
		if (r > i) {
			memcpy(dst + o, s + i, r - i);
			o += r - i;
			i = r;
			continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			if (o + 1 >= dstlen)
				break;
			dst[o++] = c;
			i++;
			continue;
		}
		if (c == '\t') {
			if (o + 1 >= dstlen)
				break;
			dst[o++] = ' ';
			i++;
			continue;
		}
		u = c >= 0x80 ? utf8_len(s + i, len - i) : 0;
		if (u) {
			if (o + u >= dstlen)
				break;
			memcpy(dst + o, s + i, u);
			o += u;
			i += u;
			continue;
		}
		if (o + 4 >= dstlen)
			break;
		dst[o++] = '\\';
		dst[o++] = 'x';
		dst[o++] = hex[c >> 4];
		dst[o++] = hex[c & 15];
		i++;
	}
	dst[o] = 0;
	return o;
}

/*
 * Which of a NUL (MDC_HAS_NUL) and a backslash (MDC_HAS_BSLASH) the n
 * bytes at p hold: one pass for the loader's two questions of a hit line
 * (is it text, may it hold an escaped newline)
 */
unsigned int mdc_nul_bslash(const char *p, size_t n)
{
	unsigned int has = 0;
	size_t i = 0;
#ifdef __SSE2__
	const __m128i zero = _mm_setzero_si128(), bs = _mm_set1_epi8('\\');
	__m128i acc0 = zero, acc1 = zero;

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + i));

		acc0 = _mm_or_si128(acc0, _mm_cmpeq_epi8(v, zero));
		acc1 = _mm_or_si128(acc1, _mm_cmpeq_epi8(v, bs));
	}
	if (i < n && n >= 16) {	/* the last 16 bytes, again in part */
		__m128i v = _mm_loadu_si128((const __m128i *)(p + n - 16));

		acc0 = _mm_or_si128(acc0, _mm_cmpeq_epi8(v, zero));
		acc1 = _mm_or_si128(acc1, _mm_cmpeq_epi8(v, bs));
		i = n;
	}
	if (_mm_movemask_epi8(acc0))
		has |= MDC_HAS_NUL;
	if (_mm_movemask_epi8(acc1))
		has |= MDC_HAS_BSLASH;
#endif
	for (; i < n; i++) {
		if (!p[i])
			has |= MDC_HAS_NUL;
		else if (p[i] == '\\')
			has |= MDC_HAS_BSLASH;
	}
	return has;
}

/*
 * The first escaped newline ("\x0a", as the scanner writes a newline
 * inside a message) in the n bytes at p, or NULL: found by its
 * backslash, rare in kernel messages.  The model splits a message there,
 * and the loader leaves such a message to the model.
 */
const char *mdc_escaped_nl(const char *p, size_t n)
{
	const char *e = p + n, *x;

	for (x = p; (x = memchr(x, '\\', e - x)); x++)
		if (e - x >= 4 && !memcmp(x, "\\x0a", 4))
			return x;
	return NULL;
}
