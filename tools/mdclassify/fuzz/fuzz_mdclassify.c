// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the whole read-parse-classify-report path.  The input
 * goes through a memfd and the real reader (so gzip/xz/zstd magic and
 * decoding are fuzzed too), then the scanner, the model, the classifier
 * and both report writers.  A plain input is read as a file is: in pread
 * chunks, here of 64 B to 8 KiB (chosen by the input's size) so that
 * lines, continuations and traces cross chunk borders; every third size
 * takes the stream reader instead.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mdclassify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mdc_opts o = { .year = 2024, .kernel = NULL };
	struct mdc_model *m;
	struct mdc_scanner *sc;
	struct mdc_input *in;
	struct mdc_result r;
	char path[64], err[256];
	FILE *null;
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
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	snprintf(err, sizeof(err), "%u", 64u << (size % 8));
	setenv("MDCLASSIFY_CHUNK", err, 1);
	setenv("MDCLASSIFY_PREAD", size % 3 ? "1" : "0", 1);
	m = calloc(1, sizeof(*m));
	mdc_model_init(m, &o);
	sc = mdc_scanner_new(m);
	in = mdc_input_open(path, err, sizeof(err));
	if (in) {
		int file = mdc_model_file(m, "fuzz");

		m->st.inputs++;
		mdc_scan_input(sc, in, file, 0, NULL, NULL);
		mdc_input_close(in);
	}
	close(fd);
	/* the same bytes as one in-memory buffer (second file) */
	mdc_scan_buffer(m, (const char *)data, size, mdc_model_file(m, "mem"));
	mdc_scanner_free(sc);
	if (!mdc_classify(m, &r)) {
		null = fopen("/dev/null", "w");
		if (null) {
			mdc_report_text(null, m, &r, 1);
			mdc_report_json(null, m, &r, mdc_exit_code(&r, 0));
			fclose(null);
		}
		mdc_result_free(&r);
	}
	mdc_model_free(m);
	free(m);
	return 0;
}
