// SPDX-License-Identifier: GPL-2.0
/*
 * vmio: small static I/O tool for the VM harness guest.
 *
 *  vmio read   DEV OFF LEN [MISALIGN [COUNT [EXPECTSUM]]]   O_DIRECT pread loop
 *  vmio write  DEV OFF LEN SEED [MISALIGN [COUNT [STRIDE]]] O_DIRECT pwrite loop
 *  vmio preadv DEV OFF L1,L2,...                         O_DIRECT preadv, odd iovecs
 *  vmio pwritev DEV OFF L1,L2,...                        O_DIRECT pwritev, odd iovecs
 *  vmio aio    DEV OFF LEN MISALIGN COUNT                libaio O_DIRECT reads
 *  vmio fill   DEV OFF LEN SEED                          O_DIRECT pattern write (aligned)
 *  vmio sum    DEV OFF LEN                               O_DIRECT read, print fnv64 checksum
 *  vmio patsum OFF LEN SEED                              fnv64 of what write/fill write there (no I/O)
 *  vmio bench  DEV OFF LEN SECS                          aligned O_DIRECT reads, print ops/s
 *  vmio storm  DEV OFF SECS                              misaligned O_DIRECT reads in a loop
 *  vmio shape  DEV OFF SPEC ENGINE read|write [SEED]      one vectored O_DIRECT I/O of shape SPEC
 *
 * shape: SPEC is a comma list of segments LEN[@MISALIGN], each in its own
 * page-aligned buffer (+MISALIGN): "4095,1", "511,3585", "4096,0@1,4096",
 * "4096@1".  ENGINE: sync (preadv/pwritev), aio (libaio IOCB_CMD_PREADV/
 * PWRITEV), uring (io_uring IORING_OP_READV/WRITEV).  A read is compared
 * with an aligned read of the same range; a write's range is read before
 * and after.  Prints
 *   shape SPEC ENGINE RW ret=N|ERRNO data=ok|bad|unchanged|written|mixed|-
 * (read: ok/bad when it succeeded; write: unchanged/written/mixed).
 *
 * Loops print one summary line:
 *   result ok=N EINVAL=N EOPNOTSUPP=N EIO=N other=N badsum=N
 * where badsum counts successful reads whose data checksum differs from
 * EXPECTSUM (when given). Exit status 0 unless the tool itself failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libaio.h>
#include <liburing.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

struct tally { long ok, einval, enotsup, eio, other, badsum; int last_other; };

static void count(struct tally *t, long r, int err)
{
	if (r >= 0)
		t->ok++;
	else if (err == EINVAL)
		t->einval++;
	else if (err == EOPNOTSUPP)
		t->enotsup++;
	else if (err == EIO)
		t->eio++;
	else {
		t->other++;
		t->last_other = err;
	}
}

static void print_tally(struct tally *t)
{
	printf("result ok=%ld EINVAL=%ld EOPNOTSUPP=%ld EIO=%ld other=%ld badsum=%ld",
	       t->ok, t->einval, t->enotsup, t->eio, t->other, t->badsum);
	if (t->other)
		printf(" last_other=%s", strerror(t->last_other));
	printf("\n");
}

static uint64_t fnv64(const unsigned char *p, size_t n, uint64_t h)
{
	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV0 0xcbf29ce484222325ULL

static unsigned char *abuf(size_t len, size_t misalign)
{
	unsigned char *b;

	if (posix_memalign((void **)&b, 4096, len + 8192)) {
		perror("posix_memalign");
		exit(2);
	}
	memset(b, 0, len + 8192);
	return b + misalign;
}

static void pattern(unsigned char *b, size_t len, unsigned long seed, unsigned long long off)
{
	for (size_t i = 0; i < len; i += 8) {
		uint64_t v = (off + i) * 0x9e3779b97f4a7c15ULL ^ seed * 0xff51afd7ed558ccdULL;
		memcpy(b + i, &v, len - i < 8 ? len - i : 8);
	}
}

static int opendev(const char *dev, int flags)
{
	int fd = open(dev, flags | O_DIRECT);

	if (fd < 0) {
		fprintf(stderr, "open %s: %s\n", dev, strerror(errno));
		exit(2);
	}
	return fd;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One vectored I/O through ENGINE; returns bytes or -errno. */
static long vec_io(int fd, struct iovec *iov, int niov, unsigned long long off,
		   const char *engine, int wr)
{
	if (!strcmp(engine, "sync")) {
		ssize_t r = wr ? pwritev(fd, iov, niov, off) : preadv(fd, iov, niov, off);

		return r < 0 ? -errno : r;
	}
	if (!strcmp(engine, "aio")) {
		io_context_t ctx = 0;
		struct iocb cb, *cbs[1] = { &cb };
		struct io_event ev;
		long r;

		if (io_setup(1, &ctx))
			return -ENOSYS;
		if (wr)
			io_prep_pwritev(&cb, fd, iov, niov, off);
		else
			io_prep_preadv(&cb, fd, iov, niov, off);
		r = io_submit(ctx, 1, cbs);
		if (r == 1)
			r = io_getevents(ctx, 1, 1, &ev, NULL) == 1 ? (long)ev.res : -EIO;
		else if (r >= 0)
			r = -EIO;
		io_destroy(ctx);
		return r;
	}
	if (!strcmp(engine, "uring")) {
		struct io_uring ring;
		struct io_uring_sqe *sqe;
		struct io_uring_cqe *cqe;
		long r;

		r = io_uring_queue_init(4, &ring, 0);
		if (r < 0)
			return r;
		sqe = io_uring_get_sqe(&ring);
		if (wr)
			io_uring_prep_writev(sqe, fd, iov, niov, off);
		else
			io_uring_prep_readv(sqe, fd, iov, niov, off);
		r = io_uring_submit(&ring);
		if (r == 1)
			r = io_uring_wait_cqe(&ring, &cqe) ? -EIO : cqe->res;
		else if (r >= 0)
			r = -EIO;
		io_uring_queue_exit(&ring);
		return r;
	}
	fprintf(stderr, "unknown engine %s\n", engine);
	exit(2);
}

static int shape(int argc, char **argv)
{
	const char *dev = argv[2], *spec = argv[4], *engine = argv[5];
	unsigned long long off = strtoull(argv[3], NULL, 0);
	int wr = !strcmp(argv[6], "write");
	unsigned long seed = argc > 7 ? strtoul(argv[7], NULL, 0) : 1;
	struct iovec iov[16];
	int niov = 0, fd = opendev(dev, wr ? O_RDWR : O_RDONLY);
	char *s, *sp = strdup(spec);
	size_t total = 0, done;
	unsigned char *before, *after, *want;
	const char *data = "-";
	long r;

	for (s = strtok(sp, ","); s && niov < 16; s = strtok(NULL, ","), niov++) {
		char *at = strchr(s, '@');

		iov[niov].iov_len = strtoul(s, NULL, 0);
		iov[niov].iov_base = abuf(iov[niov].iov_len, at ? strtoul(at + 1, NULL, 0) : 0);
		total += iov[niov].iov_len;
	}
	/* the range as it is, read aligned (total rounded up to 4 KiB) */
	size_t span = (total + 4095) & ~(size_t)4095;

	before = abuf(span, 0);
	after = abuf(span, 0);
	want = abuf(span, 0);
	if (pread(fd, before, span, off) != (ssize_t)span) {
		printf("shape %s %s %s ret=setup-read-%s data=-\n", spec, engine, argv[6], strerror(errno));
		return 1;
	}
	memcpy(want, before, span);
	if (wr) {
		pattern(want, total, seed, off);
		for (int i = 0, o = 0; i < niov; o += iov[i].iov_len, i++)
			memcpy(iov[i].iov_base, want + o, iov[i].iov_len);
	}
	r = vec_io(fd, iov, niov, off, engine, wr);
	if (wr) {
		if (pread(fd, after, span, off) != (ssize_t)span)
			data = "reread-failed";
		else if (r >= 0)
			data = !memcmp(after, want, span) ? "written" :
			       !memcmp(after, before, span) ? "unchanged" : "mixed";
		else
			data = !memcmp(after, before, span) ? "unchanged" :
			       !memcmp(after, want, span) ? "written" : "mixed";
	} else if (r >= 0) {
		data = "ok";
		done = 0;
		for (int i = 0; i < niov; done += iov[i].iov_len, i++)
			if (memcmp(iov[i].iov_base, before + done, iov[i].iov_len))
				data = "bad";
		if ((size_t)r != total)
			data = "short";
	}
	if (r >= 0)
		printf("shape %s %s %s ret=%ld data=%s\n", spec, engine, argv[6], r, data);
	else
		printf("shape %s %s %s ret=%s data=%s\n", spec, engine, argv[6],
		       r == -EINVAL ? "EINVAL" : r == -EIO ? "EIO" : r == -EOPNOTSUPP ? "EOPNOTSUPP" :
		       r == -EFAULT ? "EFAULT" : r == -EAGAIN ? "EAGAIN" : "other", data);
	return 0;
}

int main(int argc, char **argv)
{
	struct tally t = { 0 };

	if (argc < 5 && !(argc == 5 || (argc >= 4 && (!strcmp(argv[1], "preadv") || !strcmp(argv[1], "pwritev") || !strcmp(argv[1], "storm"))))) {
		fprintf(stderr, "usage: see source\n");
		return 2;
	}
	const char *cmd = argv[1], *dev = argv[2];

	if (!strcmp(cmd, "shape")) {
		if (argc < 7) {
			fprintf(stderr, "usage: vmio shape DEV OFF SPEC ENGINE read|write [SEED]\n");
			return 2;
		}
		return shape(argc, argv);
	}
	unsigned long long off = strtoull(argv[3], NULL, 0);

	if (!strcmp(cmd, "read")) {
		size_t len = strtoul(argv[4], NULL, 0);
		size_t mis = argc > 5 ? strtoul(argv[5], NULL, 0) : 0;
		long n = argc > 6 ? strtol(argv[6], NULL, 0) : 1;
		int havesum = argc > 7;
		uint64_t want = havesum ? strtoull(argv[7], NULL, 16) : 0;
		int fd = opendev(dev, O_RDONLY);
		unsigned char *b = abuf(len, mis);

		for (long i = 0; i < n; i++) {
			ssize_t r = pread(fd, b, len, off);

			count(&t, r, errno);
			if (r >= 0 && havesum && ((size_t)r != len || fnv64(b, len, FNV0) != want))
				t.badsum++;
		}
		print_tally(&t);
	} else if (!strcmp(cmd, "write")) {
		size_t len = strtoul(argv[4], NULL, 0);
		unsigned long seed = argc > 5 ? strtoul(argv[5], NULL, 0) : 1;
		size_t mis = argc > 6 ? strtoul(argv[6], NULL, 0) : 0;
		long n = argc > 7 ? strtol(argv[7], NULL, 0) : 1;
		unsigned long long stride = argc > 8 ? strtoull(argv[8], NULL, 0) : 0;
		int fd = opendev(dev, O_RDWR);
		unsigned char *b = abuf(len, mis);

		for (long i = 0; i < n; i++) {
			pattern(b, len, seed, off + i * stride);
			ssize_t r = pwrite(fd, b, len, off + i * stride);

			count(&t, r, errno);
		}
		print_tally(&t);
	} else if (!strcmp(cmd, "fill")) {
		size_t len = strtoul(argv[4], NULL, 0);
		unsigned long seed = argc > 5 ? strtoul(argv[5], NULL, 0) : 1;
		size_t chunk = 1 << 20;
		int fd = opendev(dev, O_RDWR);
		unsigned char *b = abuf(chunk, 0);

		for (size_t done = 0; done < len; done += chunk) {
			size_t n = len - done < chunk ? len - done : chunk;

			pattern(b, n, seed, off + done);
			if (pwrite(fd, b, n, off + done) != (ssize_t)n) {
				fprintf(stderr, "fill: %s\n", strerror(errno));
				return 1;
			}
		}
		if (fsync(fd))
			perror("fsync");
		printf("filled %zu\n", len);
	} else if (!strcmp(cmd, "patsum")) {
		/* argv[2] is OFF here: no device */
		unsigned long long poff = strtoull(argv[2], NULL, 0);
		size_t len = strtoul(argv[3], NULL, 0);
		unsigned long seed = argc > 4 ? strtoul(argv[4], NULL, 0) : 1;
		unsigned char *b = abuf(len, 0);

		pattern(b, len, seed, poff);
		printf("%016" PRIx64 "\n", fnv64(b, len, FNV0));
	} else if (!strcmp(cmd, "sum")) {
		size_t len = strtoul(argv[4], NULL, 0);
		size_t chunk = 1 << 20;
		uint64_t h = FNV0;
		int fd = opendev(dev, O_RDONLY);
		unsigned char *b = abuf(chunk, 0);

		for (size_t done = 0; done < len; done += chunk) {
			size_t n = len - done < chunk ? len - done : chunk;

			if (pread(fd, b, n, off + done) != (ssize_t)n) {
				printf("sum error %s\n", strerror(errno));
				return 1;
			}
			h = fnv64(b, n, h);
		}
		printf("%016" PRIx64 "\n", h);
	} else if (!strcmp(cmd, "preadv")) {
		struct iovec iov[64];
		int niov = 0, fd = opendev(dev, O_RDONLY);
		char *spec = strdup(argv[4]);

		for (char *s = strtok(spec, ","); s && niov < 64; s = strtok(NULL, ","), niov++) {
			size_t l = strtoul(s, NULL, 0);

			iov[niov].iov_base = abuf(l, 0);
			iov[niov].iov_len = l;
		}
		ssize_t r = preadv(fd, iov, niov, off);

		count(&t, r, errno);
		print_tally(&t);
	} else if (!strcmp(cmd, "pwritev")) {
		struct iovec iov[64];
		int niov = 0, fd = opendev(dev, O_RDWR);
		char *spec = strdup(argv[4]);

		for (char *s = strtok(spec, ","); s && niov < 64; s = strtok(NULL, ","), niov++) {
			size_t l = strtoul(s, NULL, 0);

			iov[niov].iov_base = abuf(l, 0);
			iov[niov].iov_len = l;
			pattern(iov[niov].iov_base, l, niov + 1, off);
		}
		ssize_t r = pwritev(fd, iov, niov, off);

		count(&t, r, errno);
		print_tally(&t);
	} else if (!strcmp(cmd, "aio")) {
		size_t len = strtoul(argv[4], NULL, 0);
		size_t mis = argc > 5 ? strtoul(argv[5], NULL, 0) : 0;
		long n = argc > 6 ? strtol(argv[6], NULL, 0) : 1;
		int fd = opendev(dev, O_RDONLY);
		unsigned char *b = abuf(len, mis);
		io_context_t ctx = 0;
		struct iocb cb, *cbs[1] = { &cb };
		struct io_event ev;

		if (io_setup(1, &ctx)) {
			fprintf(stderr, "io_setup failed\n");
			return 2;
		}
		for (long i = 0; i < n; i++) {
			io_prep_pread(&cb, fd, b, len, off);
			int r = io_submit(ctx, 1, cbs);

			if (r != 1) {
				count(&t, -1, -r);
				continue;
			}
			if (io_getevents(ctx, 1, 1, &ev, NULL) != 1) {
				count(&t, -1, EIO);
				continue;
			}
			long res = (long)ev.res;

			count(&t, res < 0 ? -1 : res, res < 0 ? (int)-res : 0);
		}
		io_destroy(ctx);
		print_tally(&t);
	} else if (!strcmp(cmd, "bench")) {
		size_t len = strtoul(argv[4], NULL, 0);
		double secs = argc > 5 ? atof(argv[5]) : 5, t0 = now();
		int fd = opendev(dev, O_RDONLY);
		unsigned char *b = abuf(len, 0);
		long ops = 0;

		while (now() - t0 < secs) {
			ssize_t r = pread(fd, b, len, off + (ops % 64) * len);

			count(&t, r, errno);
			ops++;
		}
		printf("bench ops=%ld secs=%.2f ops_per_sec=%.1f ", ops, now() - t0, ops / (now() - t0));
		print_tally(&t);
	} else if (!strcmp(cmd, "storm")) {
		double secs = strtod(argv[4], NULL), t0 = now();
		int fd = opendev(dev, O_RDONLY);
		unsigned char *b = abuf(4096, 1);

		while (now() - t0 < secs) {
			ssize_t r = pread(fd, b, 4096, off);

			count(&t, r, errno);
		}
		printf("storm ");
		print_tally(&t);
	} else {
		fprintf(stderr, "unknown command %s\n", cmd);
		return 2;
	}
	return 0;
}
