// SPDX-License-Identifier: GPL-2.0
/*
 * Differential libFuzzer target: the same bytes read as a stream (read()
 * of 1 to 509 bytes at a time, as a pipe may give them) and as a file in
 * pread() chunks of 64 B to 8 KiB must give the same report, byte for
 * byte (JSON).  Lines, mail-wrap continuations, journal export records
 * and traces cross the borders of both.
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

static char *report(int fd, const char *pread, const char *chunk,
		    const char *rd, size_t *len)
{
	static struct mdc_opts o = { .year = 2024, .kernel = NULL };
	struct mdc_model *m;
	struct mdc_scanner *sc;
	struct mdc_input *in;
	struct mdc_result r;
	char path[64], err[256], *out = NULL;
	FILE *f;

	setenv("MDCLASSIFY_PREAD", pread, 1);
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char chunk[16], rd[16], *a, *b;
	size_t la = 0, lb = 0;
	int fd;

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
	a = report(fd, "0", chunk, rd, &la);
	b = report(fd, "1", chunk, "0", &lb);
	close(fd);
	if (a && b && (la != lb || memcmp(a, b, la))) {
		fprintf(stderr,
			"stream (reads of %s) and chunked (chunk %s) reports differ\n"
			"--- stream\n%s--- chunked\n%s", rd, chunk, a, b);
		abort();
	}
	free(a);
	free(b);
	return 0;
}
