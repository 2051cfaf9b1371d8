// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for dm-raid1 (dm-mirror) and the dm-io region arithmetic.
 *
 * The decisions under test are the pure helpers dm-raid1.c and dm-io.c
 * use: dm-raid1.h (request versus device errors, the legs a write or a
 * recovery fails) and dm-io-region.h (how do_region() maps the memory of a
 * request onto a region).  The do_region() model below follows the loop of
 * dm-io.c with bio_add_page() replaced by a segment limit.
 */
#include <kunit/test.h>
#include <linux/blk_types.h>
#include <linux/module.h>

#include "../dm-io-region.h"
#include "../dm-raid1.h"

/* blk_status_t is __bitwise: compare the raw values (sparse clean). */
#define EXPECT_STATUSES(test, got, want) \
	KUNIT_EXPECT_EQ(test, (__force int)(got), (__force int)(want))

/* The request error of an invalid request: 6.1 has no BLK_STS_INVAL. */
#ifdef BLK_STS_INVAL
#define STS_BAD_REQUEST	BLK_STS_INVAL
#else
#define STS_BAD_REQUEST	BLK_STS_NOTSUPP
#endif

/* ----------------------------------------------------------------------
 * dm_mirror_classify
 */

/* Every status of the line that is not success and not a request error. */
static const blk_status_t device_errors[] = {
	BLK_STS_TIMEOUT, BLK_STS_NOSPC, BLK_STS_TRANSPORT, BLK_STS_TARGET,
#ifdef BLK_STS_RESV_CONFLICT
	BLK_STS_RESV_CONFLICT,
#endif
#ifdef BLK_STS_NEXUS
	BLK_STS_NEXUS,
#endif
	BLK_STS_MEDIUM, BLK_STS_PROTECTION, BLK_STS_RESOURCE, BLK_STS_IOERR,
	BLK_STS_DM_REQUEUE, BLK_STS_AGAIN, BLK_STS_DEV_RESOURCE,
#ifdef BLK_STS_ZONE_RESOURCE
	BLK_STS_ZONE_RESOURCE,
#endif
	BLK_STS_ZONE_OPEN_RESOURCE, BLK_STS_ZONE_ACTIVE_RESOURCE,
	BLK_STS_OFFLINE,
#ifdef BLK_STS_DURATION_LIMIT
	BLK_STS_DURATION_LIMIT,
#endif
};

static const blk_status_t request_errors[] = {
	BLK_STS_NOTSUPP,
#ifdef BLK_STS_INVAL
	BLK_STS_INVAL,
#endif
};

static void dm_mirror_request_error_keeps_leg(struct kunit *test)
{
	static const blk_opf_t ops[] = {
		REQ_OP_READ, REQ_OP_READ | REQ_RAHEAD, REQ_OP_READ | REQ_SYNC,
		REQ_OP_WRITE, REQ_OP_WRITE | REQ_FUA,
		REQ_OP_WRITE | REQ_PREFLUSH | REQ_SYNC,
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(request_errors); i++) {
		for (j = 0; j < ARRAY_SIZE(ops); j++) {
			blk_status_t st = request_errors[i];
			blk_opf_t op = ops[j];

			KUNIT_EXPECT_TRUE_MSG(test, mirror_is_request_error(st, op),
					      "status %d op 0x%x", st, op);
			KUNIT_EXPECT_FALSE_MSG(test, dm_raid1_leg_failed(st, op),
					       "status %d op 0x%x", st, op);
		}
	}
}

static void dm_mirror_device_error_fails_leg(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(device_errors); i++) {
		blk_status_t st = device_errors[i];

		KUNIT_EXPECT_TRUE_MSG(test, dm_raid1_leg_failed(st, REQ_OP_READ),
				      "status %d", st);
		KUNIT_EXPECT_TRUE_MSG(test, dm_raid1_leg_failed(st, REQ_OP_WRITE),
				      "status %d", st);
		KUNIT_EXPECT_FALSE(test, mirror_is_request_error(st, REQ_OP_READ));
	}
}

static void dm_mirror_success_keeps_leg(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, dm_raid1_leg_failed(BLK_STS_OK, REQ_OP_READ));
	KUNIT_EXPECT_FALSE(test, dm_raid1_leg_failed(BLK_STS_OK, REQ_OP_WRITE));
	KUNIT_EXPECT_FALSE(test, mirror_is_request_error(BLK_STS_OK, REQ_OP_READ));
}

/* Only READ and WRITE have request errors: other operations keep today's rules. */
static void dm_mirror_other_ops_unchanged(struct kunit *test)
{
	static const blk_opf_t ops[] = {
		REQ_OP_DISCARD, REQ_OP_WRITE_ZEROES, REQ_OP_FLUSH,
		REQ_OP_SECURE_ERASE,
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(request_errors); i++) {
		for (j = 0; j < ARRAY_SIZE(ops); j++) {
			blk_status_t st = request_errors[i];
			blk_opf_t op = ops[j];

			KUNIT_EXPECT_FALSE(test, mirror_is_request_error(st, op));
			KUNIT_EXPECT_TRUE(test, dm_raid1_leg_failed(st, op));
		}
	}
}

static struct kunit_case dm_mirror_classify_cases[] = {
	KUNIT_CASE(dm_mirror_request_error_keeps_leg),
	KUNIT_CASE(dm_mirror_device_error_fails_leg),
	KUNIT_CASE(dm_mirror_success_keeps_leg),
	KUNIT_CASE(dm_mirror_other_ops_unchanged),
	{}
};

static struct kunit_suite dm_mirror_classify_suite = {
	.name = "dm_mirror_classify",
	.test_cases = dm_mirror_classify_cases,
};

/* ----------------------------------------------------------------------
 * dm_mirror_io_region: a model of dm-io do_region() for DM_IO_BIO memory
 */

#define MODEL_MAX_BIOS	8

struct region_model {
	/* input */
	const unsigned int *segs;	/* lengths of the bio's segments */
	unsigned int nr_segs;
	unsigned int max_vecs;		/* bio_add_page() fails beyond this */
	sector_t count;			/* dm_io_region.count, in sectors */
	/* output */
	unsigned int nr_bios;		/* bios submitted */
	unsigned int bio_bytes[MODEL_MAX_BIOS];
	sector_t bio_sector[MODEL_MAX_BIOS];
	unsigned int empty_bios;	/* bios submitted without data */
	blk_status_t status;		/* region failed with */
	bool livelock;			/* still looping after MODEL_MAX_BIOS */
};

static void model_do_region(struct region_model *r)
{
	sector_t remaining = r->count << SECTOR_SHIFT;
	unsigned int seg = 0;

	do {
		unsigned int vecs = 0, size = 0;
		sector_t sector = r->count - (remaining >> SECTOR_SHIFT);
		blk_status_t status;

		if (r->nr_bios >= MODEL_MAX_BIOS) {
			r->livelock = true;
			return;
		}

		while (remaining) {
			/* an exhausted bvec iterator yields zero-length segments */
			unsigned long len = seg < r->nr_segs ? r->segs[seg] : 0;

			len = dm_io_seg_len(remaining, len);
			if (!len || vecs == r->max_vecs)	/* bio_add_page() */
				break;
			vecs++;
			size += len;
			remaining = dm_io_remaining(remaining, len);
			seg++;
		}

		status = dm_io_bio_status(size, remaining);
		if (status) {
			r->status = status;
			return;
		}

		r->bio_bytes[r->nr_bios] = size;
		r->bio_sector[r->nr_bios] = sector;
		r->nr_bios++;
		if (!size)
			r->empty_bios++;
	} while (remaining);
}

static void dm_mirror_io_aligned_one_bio(struct kunit *test)
{
	static const unsigned int segs[] = { 4096 };
	struct region_model r = {
		.segs = segs, .nr_segs = 1, .max_vecs = 256, .count = 8,
	};

	model_do_region(&r);
	KUNIT_EXPECT_FALSE(test, r.livelock);
	EXPECT_STATUSES(test, r.status, BLK_STS_OK);
	KUNIT_ASSERT_EQ(test, r.nr_bios, 1U);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[0], 4096U);
	KUNIT_EXPECT_EQ(test, r.bio_sector[0], (sector_t)0);
}

/* The seed: a 4 KiB O_DIRECT read into a buffer misaligned by one byte. */
static void dm_mirror_io_misaligned_buffer(struct kunit *test)
{
	static const unsigned int segs[] = { 4095, 1 };
	struct region_model r = {
		.segs = segs, .nr_segs = 2, .max_vecs = 256, .count = 8,
	};

	model_do_region(&r);
	KUNIT_EXPECT_FALSE(test, r.livelock);
	KUNIT_EXPECT_EQ(test, r.empty_bios, 0U);
	EXPECT_STATUSES(test, r.status, BLK_STS_OK);
	KUNIT_ASSERT_EQ(test, r.nr_bios, 1U);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[0], 4096U);
}

/* dma_alignment 3 (NVMe) accepts 4-byte aligned segments */
static void dm_mirror_io_dword_aligned_buffer(struct kunit *test)
{
	static const unsigned int segs[] = { 4092, 4096, 4 };
	struct region_model r = {
		.segs = segs, .nr_segs = 3, .max_vecs = 256, .count = 16,
	};

	model_do_region(&r);
	KUNIT_EXPECT_FALSE(test, r.livelock);
	KUNIT_EXPECT_EQ(test, r.empty_bios, 0U);
	EXPECT_STATUSES(test, r.status, BLK_STS_OK);
	KUNIT_ASSERT_EQ(test, r.nr_bios, 1U);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[0], 8192U);
}

/* A region that needs several bios: each starts where the last ended. */
static void dm_mirror_io_aligned_split(struct kunit *test)
{
	static const unsigned int segs[] = { 4096, 4096, 4096 };
	struct region_model r = {
		.segs = segs, .nr_segs = 3, .max_vecs = 2, .count = 24,
	};

	model_do_region(&r);
	EXPECT_STATUSES(test, r.status, BLK_STS_OK);
	KUNIT_ASSERT_EQ(test, r.nr_bios, 2U);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[0], 8192U);
	KUNIT_EXPECT_EQ(test, r.bio_sector[0], (sector_t)0);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[1], 4096U);
	KUNIT_EXPECT_EQ(test, r.bio_sector[1], (sector_t)16);
}

/* The last region of a request may be shorter than the memory. */
static void dm_mirror_io_short_region(struct kunit *test)
{
	static const unsigned int segs[] = { 4096 };
	struct region_model r = {
		.segs = segs, .nr_segs = 1, .max_vecs = 256, .count = 4,
	};

	model_do_region(&r);
	EXPECT_STATUSES(test, r.status, BLK_STS_OK);
	KUNIT_ASSERT_EQ(test, r.nr_bios, 1U);
	KUNIT_EXPECT_EQ(test, r.bio_bytes[0], 2048U);
}

/* A bio cannot end inside a sector when more of the region follows. */
static void dm_mirror_io_split_inside_sector(struct kunit *test)
{
	static const unsigned int segs[] = { 4095, 4096, 1 };
	struct region_model r = {
		.segs = segs, .nr_segs = 3, .max_vecs = 2, .count = 16,
	};

	model_do_region(&r);
	KUNIT_EXPECT_FALSE(test, r.livelock);
	KUNIT_EXPECT_EQ(test, r.nr_bios, 0U);
	EXPECT_STATUSES(test, r.status, STS_BAD_REQUEST);
}

/* Memory shorter than the region: fail, never submit an empty bio. */
static void dm_mirror_io_memory_runs_out(struct kunit *test)
{
	static const unsigned int segs[] = { 512 };
	struct region_model r = {
		.segs = segs, .nr_segs = 1, .max_vecs = 1, .count = 2,
	};

	model_do_region(&r);
	KUNIT_EXPECT_FALSE(test, r.livelock);
	KUNIT_EXPECT_EQ(test, r.empty_bios, 0U);
	KUNIT_EXPECT_EQ(test, r.nr_bios, 1U);
	EXPECT_STATUSES(test, r.status, STS_BAD_REQUEST);
}

static void dm_mirror_io_bio_status(struct kunit *test)
{
	EXPECT_STATUSES(test, dm_io_bio_status(4096, 0), BLK_STS_OK);
	EXPECT_STATUSES(test, dm_io_bio_status(4095, 0), BLK_STS_OK);
	EXPECT_STATUSES(test, dm_io_bio_status(0, 0), BLK_STS_OK); /* flush */
	EXPECT_STATUSES(test, dm_io_bio_status(4096, 512), BLK_STS_OK);
	EXPECT_STATUSES(test, dm_io_bio_status(0, 512), STS_BAD_REQUEST);
	EXPECT_STATUSES(test, dm_io_bio_status(4095, 1), STS_BAD_REQUEST);
	KUNIT_EXPECT_EQ(test, dm_io_seg_len(512, 4096), 512U);
	KUNIT_EXPECT_EQ(test, dm_io_seg_len(8192, 4095), 4095U);
	KUNIT_EXPECT_EQ(test, dm_io_remaining(4096, 4095), (sector_t)1);
}

static struct kunit_case dm_mirror_io_region_cases[] = {
	KUNIT_CASE(dm_mirror_io_aligned_one_bio),
	KUNIT_CASE(dm_mirror_io_misaligned_buffer),
	KUNIT_CASE(dm_mirror_io_dword_aligned_buffer),
	KUNIT_CASE(dm_mirror_io_aligned_split),
	KUNIT_CASE(dm_mirror_io_short_region),
	KUNIT_CASE(dm_mirror_io_split_inside_sector),
	KUNIT_CASE(dm_mirror_io_memory_runs_out),
	KUNIT_CASE(dm_mirror_io_bio_status),
	{}
};

static struct kunit_suite dm_mirror_io_region_suite = {
	.name = "dm_mirror_io_region",
	.test_cases = dm_mirror_io_region_cases,
};

/* ----------------------------------------------------------------------
 * dm_mirror_write: which legs a failed mirrored write fails, and its status
 */

static void dm_mirror_write_rejected_leg(struct kunit *test)
{
	blk_status_t st[3] = { BLK_STS_OK, BLK_STS_NOTSUPP, BLK_STS_OK };
	unsigned long fail = ~0UL;

	EXPECT_STATUSES(test, dm_raid1_write_legs(BIT(1), st, 3, REQ_OP_WRITE,
						  &fail), BLK_STS_NOTSUPP);
	KUNIT_EXPECT_EQ(test, fail, 0UL);
}

static void dm_mirror_write_device_error(struct kunit *test)
{
	blk_status_t st[2] = { BLK_STS_IOERR, BLK_STS_OK };
	unsigned long fail = 0;

	EXPECT_STATUSES(test, dm_raid1_write_legs(BIT(0), st, 2, REQ_OP_WRITE,
						  &fail), BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, fail, BIT(0));
}

/* One leg rejects, one fails: fail the broken leg, still no success. */
static void dm_mirror_write_mixed(struct kunit *test)
{
	blk_status_t st[3] = { BLK_STS_MEDIUM, BLK_STS_OK, BLK_STS_NOTSUPP };
	unsigned long fail = 0;

	EXPECT_STATUSES(test, dm_raid1_write_legs(BIT(0) | BIT(2), st, 3,
						  REQ_OP_WRITE, &fail),
			BLK_STS_NOTSUPP);
	KUNIT_EXPECT_EQ(test, fail, BIT(0));
}

/* An error bit without a recorded status stays a device error. */
static void dm_mirror_write_unknown_status(struct kunit *test)
{
	blk_status_t st[2] = { BLK_STS_OK, BLK_STS_OK };
	unsigned long fail = 0;

	EXPECT_STATUSES(test, dm_raid1_write_legs(BIT(1), st, 2, REQ_OP_WRITE,
						  &fail), BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, fail, BIT(1));
}

/* Statuses of legs that did not fail are ignored. */
static void dm_mirror_write_only_error_bits(struct kunit *test)
{
	blk_status_t st[2] = { BLK_STS_NOTSUPP, BLK_STS_IOERR };
	unsigned long fail = ~0UL;

	EXPECT_STATUSES(test, dm_raid1_write_legs(0, st, 2, REQ_OP_WRITE,
						  &fail), BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, fail, 0UL);
}

static void dm_mirror_write_every_leg_rejects(struct kunit *test)
{
	blk_status_t st[4] = {
		STS_BAD_REQUEST, BLK_STS_NOTSUPP,
		STS_BAD_REQUEST, BLK_STS_NOTSUPP,
	};
	unsigned long fail = ~0UL;

	EXPECT_STATUSES(test, dm_raid1_write_legs(0xf, st, 4, REQ_OP_WRITE,
						  &fail),
			STS_BAD_REQUEST);
	KUNIT_EXPECT_EQ(test, fail, 0UL);
}

static struct kunit_case dm_mirror_write_cases[] = {
	KUNIT_CASE(dm_mirror_write_rejected_leg),
	KUNIT_CASE(dm_mirror_write_device_error),
	KUNIT_CASE(dm_mirror_write_mixed),
	KUNIT_CASE(dm_mirror_write_unknown_status),
	KUNIT_CASE(dm_mirror_write_only_error_bits),
	KUNIT_CASE(dm_mirror_write_every_leg_rejects),
	{}
};

static struct kunit_suite dm_mirror_write_suite = {
	.name = "dm_mirror_write",
	.test_cases = dm_mirror_write_cases,
};

/* ----------------------------------------------------------------------
 * dm_mirror_recovery: the legs a failed recovery copy fails
 */

static void dm_mirror_recovery_from_leg0(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(BIT(0), 0, 2), BIT(1));
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(BIT(1), 0, 3), BIT(2));
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(0x3, 0, 3),
			BIT(1) | BIT(2));
}

/*
 * recover() copied from leg 1 (the default mirror then); the default has
 * changed since.  Bit 0 is leg 0 and bit 1 is leg 2, whatever the default
 * mirror is now.
 */
static void dm_mirror_recovery_from_leg1(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(BIT(0), 1, 3), BIT(0));
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(BIT(1), 1, 3), BIT(2));
}

static void dm_mirror_recovery_never_source(struct kunit *test)
{
	unsigned int src;

	for (src = 0; src < 9; src++) {
		unsigned long legs = dm_raid1_recovery_legs(0xff, src, 9);

		KUNIT_EXPECT_FALSE(test, legs & BIT(src));
		KUNIT_EXPECT_EQ(test, hweight_long(legs), 8);
	}
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_legs(0, 0, 9), 0UL);
}

/* A leg that rejects the recovery read is not failed: no leg is. */
static void dm_mirror_recovery_read_rejected(struct kunit *test)
{
	blk_status_t st[3] = { BLK_STS_NOTSUPP, BLK_STS_OK, BLK_STS_OK };

	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(1, 0, st, 0, 3),
			0UL);
	st[0] = STS_BAD_REQUEST;
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(1, 0, st, 2, 3),
			0UL);
}

/* A read device error fails the leg copied from, as before. */
static void dm_mirror_recovery_read_device_error(struct kunit *test)
{
	blk_status_t st[3] = { BLK_STS_MEDIUM, BLK_STS_OK, BLK_STS_OK };

	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(1, 0, st, 1, 3),
			BIT(1));
	/* a job that failed without a bio status is a device error */
	st[0] = BLK_STS_OK;
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(1, 0, st, 0, 3),
			BIT(0));
}

/* Copy from leg 1 to legs 0 and 2: leg 0 rejects, leg 2 fails. */
static void dm_mirror_recovery_write_mixed(struct kunit *test)
{
	blk_status_t st[3] = { BLK_STS_OK, BLK_STS_NOTSUPP, BLK_STS_IOERR };

	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(0, 0x3, st, 1, 3),
			BIT(2));
	/* both writes rejected: nothing fails */
	st[2] = STS_BAD_REQUEST;
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(0, 0x3, st, 1, 3),
			0UL);
	/* both are device errors: both fail, as before */
	st[1] = BLK_STS_TIMEOUT;
	st[2] = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, dm_raid1_recovery_failed_legs(0, 0x3, st, 1, 3),
			BIT(0) | BIT(2));
}

static struct kunit_case dm_mirror_recovery_cases[] = {
	KUNIT_CASE(dm_mirror_recovery_from_leg0),
	KUNIT_CASE(dm_mirror_recovery_from_leg1),
	KUNIT_CASE(dm_mirror_recovery_never_source),
	KUNIT_CASE(dm_mirror_recovery_read_rejected),
	KUNIT_CASE(dm_mirror_recovery_read_device_error),
	KUNIT_CASE(dm_mirror_recovery_write_mixed),
	{}
};

static struct kunit_suite dm_mirror_recovery_suite = {
	.name = "dm_mirror_recovery",
	.test_cases = dm_mirror_recovery_cases,
};

kunit_test_suites(&dm_mirror_classify_suite, &dm_mirror_io_region_suite,
		  &dm_mirror_write_suite, &dm_mirror_recovery_suite);

MODULE_DESCRIPTION("KUnit tests for dm-raid1 and the dm-io region arithmetic");
MODULE_LICENSE("GPL");
