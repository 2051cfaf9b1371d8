// SPDX-License-Identifier: GPL-2.0
/*
 * input.c - files and stdin, plain or compressed (gzip, xz, zstd),
 * detected by magic bytes, never by name.  Streams are decoded in
 * fixed-size pieces, so memory does not depend on the file size.  A
 * truncated or corrupt stream is reported with the file name and the
 * compressed offset; everything decoded before that point is still used.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "mdclassify.h"

#define IN_BUF (256u << 10)

enum { K_PLAIN, K_GZIP, K_XZ, K_ZSTD };

struct mdc_input {
	int fd;
	int kind;
	char *name;
	unsigned char peek[8];
	size_t npeek, peekpos;
	unsigned char *ibuf;
	size_t ilen, ipos;
	int in_eof;
	int ended;		/* compressed stream ended cleanly */
	int started;		/* some compressed input consumed */
	int failed;
	int pending;
	int xz_fin;		/* error after the data last returned */
	char errmsg[256];
	uint64_t in_off, out_off, total;
	const char *errwhat;		/* "truncated" / "corrupt" */
	z_stream z;
	lzma_stream x;
	ZSTD_DStream *zs;
	size_t zret;
};

static const char *const kind_names[] = { "plain", "gzip", "xz", "zstd" };

const char *mdc_input_kind(const struct mdc_input *in)
{
	return kind_names[in->kind];
}

const char *mdc_input_name(const struct mdc_input *in)
{
	return in->name;
}

/*
 * in_off is written by the thread that reads and read for the progress
 * line by the model's thread (a stream read into the scanner's chunks)
 */
static void advance(struct mdc_input *in, uint64_t n)
{
	__atomic_store_n(&in->in_off, in->in_off + n, __ATOMIC_RELAXED);
}

static ssize_t raw_read(struct mdc_input *in, void *buf, size_t len)
{
	ssize_t r;

	if (in->peekpos < in->npeek) {
		size_t n = in->npeek - in->peekpos;

		if (n > len)
			n = len;
		memcpy(buf, in->peek + in->peekpos, n);
		in->peekpos += n;
		return n;
	}
	do {
		r = read(in->fd, buf, len);
	} while (r < 0 && errno == EINTR);
	return r;
}

struct mdc_input *mdc_input_open(const char *path, char *err, size_t errlen)
{
	struct mdc_input *in = calloc(1, sizeof(*in));
	struct stat st;
	ssize_t r;
	const unsigned char *p;

	if (!in) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	in->name = strdup(path);
	if (!strcmp(path, "-")) {
		in->fd = 0;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			free(in->name);
			free(in);
			return NULL;
		}
	}
	if (!fstat(in->fd, &st)) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: is a directory", path);
			mdc_input_close(in);
			return NULL;
		}
		if (S_ISREG(st.st_mode))
			in->total = st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
		posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	}
	/* magic */
	while (in->npeek < 6) {
		r = read(in->fd, in->peek + in->npeek, 6 - in->npeek);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			mdc_input_close(in);
			return NULL;
		}
		if (r == 0)
			break;
		in->npeek += r;
	}
	p = in->peek;
	if (in->npeek >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		in->kind = K_GZIP;
	else if (in->npeek >= 6 && !memcmp(p, "\xfd" "7zXZ\0", 6))
		in->kind = K_XZ;
	else if (in->npeek >= 4 && !memcmp(p, "\x28\xb5\x2f\xfd", 4))
		in->kind = K_ZSTD;
	if (in->kind == K_PLAIN)
		return in;

	in->ibuf = malloc(IN_BUF);
	if (!in->ibuf)
		goto nomem;
	switch (in->kind) {
	case K_GZIP:
		if (inflateInit2(&in->z, 15 + 32) != Z_OK)
			goto nomem;
		break;
	case K_XZ:
		in->x = (lzma_stream)LZMA_STREAM_INIT;
		if (lzma_stream_decoder(&in->x, 256u << 20,
					LZMA_CONCATENATED) != LZMA_OK)
			goto nomem;
		break;
	case K_ZSTD:
		in->zs = ZSTD_createDStream();
		if (!in->zs)
			goto nomem;
		ZSTD_initDStream(in->zs);
		break;
	}
	return in;
nomem:
	snprintf(err, errlen, "%s: cannot set up the %s decoder", path,
		 kind_names[in->kind]);
	mdc_input_close(in);
	return NULL;
}

static int fill(struct mdc_input *in)
{
	ssize_t r;

	if (in->ipos < in->ilen || in->in_eof)
		return 0;
	r = raw_read(in, in->ibuf, IN_BUF);
	if (r < 0) {
		snprintf(in->errmsg, sizeof(in->errmsg), "%s: read error: %s",
			 in->name, strerror(errno));
		return -1;
	}
	if (r == 0)
		in->in_eof = 1;
	in->ilen = r;
	in->ipos = 0;
	return 0;
}

static void trunc_err(struct mdc_input *in, const char *what)
{
	in->errwhat = what;
	snprintf(in->errmsg, sizeof(in->errmsg),
		 "%s: %s %s stream at compressed offset %llu (%llu bytes decoded); rest of the file skipped",
		 in->name, what, kind_names[in->kind],
		 (unsigned long long)in->in_off,
		 (unsigned long long)in->out_off);
}

/* decode into buf; returns bytes, 0 at the end, -1 on error */
static long decode(struct mdc_input *in, char *buf, size_t len)
{
	size_t out = 0;

	while (out < len) {
		size_t before;

		if (fill(in) < 0)
			goto fail;
		if (in->in_eof && in->ipos >= in->ilen) {
			if (in->kind == K_XZ && !in->ended && !in->xz_fin) {
				/* LZMA_CONCATENATED ends only on LZMA_FINISH */
				in->xz_fin = 1;
			} else {
				if (!in->ended && in->started) {
					trunc_err(in, "truncated");
					goto fail;
				}
				break;
			}
		}
		before = in->ipos;
		if (in->kind == K_GZIP) {
			int rc;

			if (in->ended) {
				/* another gzip member follows */
				inflateReset(&in->z);
				in->ended = 0;
			}
			in->z.next_in = in->ibuf + in->ipos;
			in->z.avail_in = in->ilen - in->ipos;
			in->z.next_out = (unsigned char *)buf + out;
			in->z.avail_out = len - out;
			rc = inflate(&in->z, Z_NO_FLUSH);
			in->ipos = in->ilen - in->z.avail_in;
			out = len - in->z.avail_out;
			if (rc == Z_STREAM_END) {
				in->ended = 1;
			} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
				advance(in, in->ipos - before);
				trunc_err(in, "corrupt");
				goto fail;
			}
		} else if (in->kind == K_XZ) {
			lzma_ret rc;

			in->x.next_in = in->ibuf + in->ipos;
			in->x.avail_in = in->ilen - in->ipos;
			in->x.next_out = (uint8_t *)buf + out;
			in->x.avail_out = len - out;
			rc = lzma_code(&in->x, in->in_eof ? LZMA_FINISH : LZMA_RUN);
			in->ipos = in->ilen - in->x.avail_in;
			out = len - in->x.avail_out;
			in->ended = rc == LZMA_STREAM_END;
			if (rc == LZMA_STREAM_END) {
				advance(in, in->ipos - before);
				in->started = 1;
				if (out == 0)
					return 0;
				break;
			}
			if (rc != LZMA_OK) {
				advance(in, in->ipos - before);
				trunc_err(in, rc == LZMA_BUF_ERROR ?
					  "truncated" : "corrupt");
				goto fail;
			}
		} else {
			ZSTD_inBuffer ib = { in->ibuf, in->ilen, in->ipos };
			ZSTD_outBuffer ob = { buf, len, out };
			size_t rc = ZSTD_decompressStream(in->zs, &ob, &ib);

			in->ipos = ib.pos;
			out = ob.pos;
			if (ZSTD_isError(rc)) {
				advance(in, in->ipos - before);
				trunc_err(in, "corrupt");
				goto fail;
			}
			in->ended = rc == 0;
		}
		advance(in, in->ipos - before);
		in->started = 1;
		if (in->ipos == before && out == 0 && in->in_eof)
			break;
	}
	in->out_off += out;
	return out;
fail:
	in->out_off += out;
	/* count what this call decoded before the error, too */
	if (in->errwhat)
		trunc_err(in, in->errwhat);
	if (out) {
		in->pending = 1;
		return out;
	}
	return -1;
}

long mdc_input_read(struct mdc_input *in, char *buf, size_t len,
		    char *err, size_t errlen)
{
	long r;

	if (in->failed)
		return 0;
	if (in->kind == K_PLAIN) {
		r = raw_read(in, buf, len);
		if (r < 0) {
			snprintf(err, errlen, "%s: read error: %s", in->name,
				 strerror(errno));
			in->failed = 1;
			return -1;
		}
		advance(in, r);
		return r;
	}
	r = in->pending ? -1 : decode(in, buf, len);
	if (r < 0) {
		snprintf(err, errlen, "%s", in->errmsg);
		in->failed = 1;
	}
	return r;
}

uint64_t mdc_input_total(const struct mdc_input *in)
{
	return in->total;
}

uint64_t mdc_input_pos(const struct mdc_input *in)
{
	return __atomic_load_n(&in->in_off, __ATOMIC_RELAXED);
}

int mdc_input_fd(const struct mdc_input *in)
{
	return in->fd;
}

int mdc_input_plain(const struct mdc_input *in)
{
	return in->kind == K_PLAIN;
}

/*
 * Whether a read of a followed input would give something within ms
 * milliseconds: 0 when a plain input (a pipe, a terminal) stays idle that
 * long; 1 when it is readable, ended, or may hold bytes already read.
 */
int mdc_input_ready(struct mdc_input *in, int ms)
{
	struct pollfd p = { .fd = in->fd, .events = POLLIN };
	int r;

	if (in->kind != K_PLAIN || in->peekpos < in->npeek || in->failed)
		return 1;
	do {
		r = poll(&p, 1, ms);
	} while (r < 0 && errno == EINTR);
	return r != 0;
}

/*
 * A plain regular file can be read by offset (pread), so that the
 * scanner's two threads read and scan different parts of it at once.
 * MDCLASSIFY_PREAD=0 turns that off (tests compare both paths).
 */
int mdc_input_seekable(const struct mdc_input *in)
{
	const char *e = getenv("MDCLASSIFY_PREAD");

	return in->kind == K_PLAIN && in->total && in->fd > 0 &&
	       !(e && !strcmp(e, "0"));
}

/* progress of a reader that uses pread */
void mdc_input_set_pos(struct mdc_input *in, uint64_t off)
{
	in->in_off = off;
}

void mdc_input_close(struct mdc_input *in)
{
	if (!in)
		return;
	if (in->kind == K_GZIP)
		inflateEnd(&in->z);
	else if (in->kind == K_XZ)
		lzma_end(&in->x);
	else if (in->kind == K_ZSTD)
		ZSTD_freeDStream(in->zs);
	if (in->fd > 0)
		close(in->fd);
	free(in->ibuf);
	free(in->name);
	free(in);
}
