// SPDX-License-Identifier: GPL-2.0
/*
 * Differential libFuzzer target: the same bytes read as a file in pread()
 * chunks of 64 B to 8 KiB, as a stream (read() of 1 to 509 bytes at a
 * time, as a pipe may give them) into chunks of the same size, and as a
 * stream by the loop a followed input takes, must give the same report,
 * byte for byte (JSON).  Lines, mail-wrap continuations, journal export
 * records and traces cross the borders of all three.
 * A difference aborts, with both reports on stderr.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mdclassify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *report(int fd, const char *pread, const char *ring,
		    const char *chunk, const char *rd, size_t *len)
{
	static struct mdc_opts o = { .year = 2024, .kernel = NULL };
	struct mdc_model *m;
	struct mdc_scanner *sc;
	struct mdc_input *in;
	struct mdc_result r;
	char path[64], err[256], *out = NULL;
	FILE *f;

	setenv("MDCLASSIFY_PREAD", pread, 1);
	setenv("MDCLASSIFY_RING", ring, 1);
	setenv("MDCLASSIFY_CHUNK", chunk, 1);
	setenv("MDCLASSIFY_READ", rd, 1);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	mdc_model_init(m, &o);
	sc = mdc_scanner_new(m);
	in = mdc_input_open(path, err, sizeof(err));
	if (in && sc) {
		int file = mdc_model_file(m, "fuzz");

		m->st.inputs++;
		mdc_scan_input(sc, in, file, 0, NULL, NULL);
	}
	if (in)
		mdc_input_close(in);
	if (sc)
		mdc_scanner_free(sc);
	f = open_memstream(&out, len);
	if (f && !mdc_classify(m, &r)) {
		mdc_report_json(f, m, &r, mdc_exit_code(&r, 0));
		mdc_result_free(&r);
	}
	if (f)
		fclose(f);
	mdc_model_free(m);
	free(m);
	return out;
}

static int mismatch(const char *what, const char *a, size_t la,
		    const char *b, size_t lb)
{
	if (!a || !b || (la == lb && !memcmp(a, b, la)))
		return 0;
	fprintf(stderr, "%s: reports differ\n--- first\n%s--- second\n%s",
		what, a, b);
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char chunk[16], rd[16], what[96], *a, *b, *c;
	size_t la = 0, lb = 0, lc = 0;
	int fd, bad;

	/*
	 * every row the wording memo passes or places is matched against
	 * the message too (read once, at the first message)
	 */
	setenv("MDCLASSIFY_MEMO", "check", 0);
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(chunk, sizeof(chunk), "%u", 64u << (size % 8));
	/* the stream's reads as short as a pipe may make them */
	snprintf(rd, sizeof(rd), "%u", 1u + (unsigned int)(size % 509));
	a = report(fd, "0", "0", chunk, rd, &la);
	b = report(fd, "1", "1", chunk, "0", &lb);
	c = report(fd, "0", "1", chunk, rd, &lc);
	close(fd);
	/*
	 * b: a plain input read by pread() (a compressed one, or an empty
	 * one, is a stream read into chunks there too)
	 */
	snprintf(what, sizeof(what), "stream loop (reads of %s), file (chunk %s)",
		 rd, chunk);
	bad = mismatch(what, a, la, b, lb);
	snprintf(what, sizeof(what), "stream into chunks (reads of %s), file",
		 rd);
	bad |= mismatch(what, c, lc, b, lb);
	/* b may be missing (out of memory): a and c still agree */
	bad |= !b && mismatch("stream loop, stream into chunks", a, la, c, lc);
	if (bad)
		abort();
	free(a);
	free(b);
	free(c);
	return 0;
}
