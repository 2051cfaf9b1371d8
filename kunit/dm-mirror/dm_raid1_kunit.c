// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the decisions dm-raid1 takes when legs reject a request
 * (BLK_STS_INVAL, BLK_STS_NOTSUPP) instead of failing it.
 *
 * This file is included at the end of drivers/md/dm-raid1.c, so that it runs
 * the real leg_rejected(), write_rejected(), write_failed_legs(),
 * write_misfits_legs(), read_rejected() and choose_mirror(), and the block
 * layer's bio_rejected_by_limits() that mirror_map() asks for each leg.
 */
#include <kunit/test.h>

static struct mirror_set *dm_raid1_test_ms(struct kunit *test,
					   unsigned int nr_mirrors)
{
	struct mirror_set *ms;
	unsigned int i;

	ms = kunit_kzalloc(test, struct_size(ms, mirror, nr_mirrors),
			   GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ms);
	ms->nr_mirrors = nr_mirrors;
	for (i = 0; i < nr_mirrors; i++)
		ms->mirror[i].ms = ms;
	return ms;
}

/* Only the request's own verdicts count as rejections. */
static void dm_raid1_leg_rejected_test(struct kunit *test)
{
	static const blk_status_t device_errors[] = {
		BLK_STS_IOERR, BLK_STS_MEDIUM, BLK_STS_TIMEOUT,
		BLK_STS_TRANSPORT, BLK_STS_TARGET, BLK_STS_NOSPC,
		BLK_STS_PROTECTION, BLK_STS_RESOURCE, BLK_STS_DM_REQUEUE,
	};
	unsigned int i;

	KUNIT_EXPECT_TRUE(test, leg_rejected(BLK_STS_NOTSUPP));
#ifdef BLK_STS_INVAL
	KUNIT_EXPECT_TRUE(test, leg_rejected(BLK_STS_INVAL));
#endif
	KUNIT_EXPECT_FALSE(test, leg_rejected(BLK_STS_OK));
	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		KUNIT_EXPECT_FALSE(test, leg_rejected(device_errors[i]));
}

#ifdef BLK_STS_INVAL
#define DM_RAID1_TEST_INVAL	BLK_STS_INVAL
#else
#define DM_RAID1_TEST_INVAL	BLK_STS_NOTSUPP
#endif

/*
 * A write every leg in service rejected ends with the status and fails no
 * leg; legs that had already failed do not count.
 */
static void dm_raid1_write_rejected_test(struct kunit *test)
{
	struct mirror_set *ms = dm_raid1_test_ms(test, 3);
	blk_status_t st[3] = { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP, BLK_STS_OK };

	ms->nr_mirrors = 2;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_NOTSUPP);
	st[0] = DM_RAID1_TEST_INVAL;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), DM_RAID1_TEST_INVAL);
	/* one leg stored it: not the request's fault */
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x1, st), BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x2, st), BLK_STS_OK);
	ms->nr_mirrors = 3;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_OK);
	ms->nr_mirrors = 2;
	/* one leg failed it: not a rejection by every leg */
	st[1] = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_OK);
	st[1] = BLK_STS_MEDIUM;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0, st), BLK_STS_OK);

	/*
	 * Degraded: leg 1 failed earlier and is still written.  The last
	 * good leg rejecting a write is every leg in service rejecting it.
	 */
	atomic_set(&ms->mirror[1].error_count, 1);
	st[0] = BLK_STS_NOTSUPP;
	st[1] = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_NOTSUPP);
	st[1] = BLK_STS_OK;
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x1, st), BLK_STS_NOTSUPP);
	/* the good leg stored it */
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x2, st), BLK_STS_OK);
	/* no leg in service: not a rejection, today's path */
	atomic_set(&ms->mirror[0].error_count, 1);
	KUNIT_EXPECT_EQ(test, write_rejected(ms, 0x3, st), BLK_STS_OK);
}

#ifdef BLK_STS_INVAL
/*
 * A write that some leg stored or failed: the legs that answered NOTSUPP
 * or a device error are failed, as before; INVAL never fails a leg.
 */
static void dm_raid1_write_failed_legs_test(struct kunit *test)
{
	struct mirror_set *ms = dm_raid1_test_ms(test, 3);
	blk_status_t st[3] = { BLK_STS_NOTSUPP, BLK_STS_OK, BLK_STS_OK };

	ms->nr_mirrors = 2;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x1, st), 0x1UL);
	st[0] = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x1, st), 0x1UL);
	st[1] = BLK_STS_MEDIUM;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x3, st), 0x3UL);
	st[1] = BLK_STS_NOTSUPP;
	ms->nr_mirrors = 3;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x3, st), 0x3UL);
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0, st), 0UL);
	ms->nr_mirrors = 2;
	st[0] = BLK_STS_INVAL;
	st[1] = BLK_STS_OK;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x1, st), 0UL);
	st[1] = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x3, st), 0x2UL);
	st[2] = BLK_STS_NOTSUPP;
	ms->nr_mirrors = 3;
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x7, st), 0x6UL);
	/*
	 * A leg that had already failed stays failed whatever it answered:
	 * its INVAL must not make the write look unstored by a leg in service.
	 */
	atomic_set(&ms->mirror[0].error_count, 1);
	KUNIT_EXPECT_EQ(test, write_failed_legs(ms, 0x1, st), 0x1UL);
}
#endif

/* where mirror_map() ends writes a leg would reject by its limits */
#ifdef MIRROR_NO_REGION
static void dm_raid1_test_limits(struct queue_limits *lim,
				 unsigned int dma_alignment,
				 unsigned long virt_boundary_mask)
{
	memset(lim, 0, sizeof(*lim));
	lim->logical_block_size = SECTOR_SIZE;
	lim->physical_block_size = SECTOR_SIZE;
	lim->max_segments = 128;
	lim->max_segment_size = SZ_64K;
	lim->seg_boundary_mask = BLK_SEG_BOUNDARY_MASK;
	lim->max_sectors = 2048;
	lim->max_hw_sectors = 2048;
	lim->dma_alignment = dma_alignment;
	lim->virt_boundary_mask = virt_boundary_mask;
}

/*
 * mirror_map() ends a write a leg in service would reject before any leg
 * sees it, so legs with different limits cannot store it on some legs only.
 * bio_rejected_by_limits() must say which leg rejects what, by that leg's
 * limits.
 */
static void dm_raid1_leg_rejects_bio_test(struct kunit *test)
{
	struct queue_limits sata, nvme_like, dma3;
	struct page *p0, *p1, *p2;
	struct bio_vec bvec[3];
	struct bio bio;

	dm_raid1_test_limits(&sata, SECTOR_SIZE - 1, 0);
	dm_raid1_test_limits(&dma3, 3, 0);
	dm_raid1_test_limits(&nvme_like, 3, SZ_4K - 1);
	p0 = alloc_page(GFP_KERNEL);
	p1 = alloc_page(GFP_KERNEL);
	p2 = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p0);
	KUNIT_ASSERT_NOT_NULL(test, p1);
	KUNIT_ASSERT_NOT_NULL(test, p2);

	/* well formed: every leg takes it */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &sata));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &nvme_like));
	bio_uninit(&bio);

	/* memory 4-byte aligned (buffer + 4), no gap: 4-byte legs take it */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K - 4, 4);
	__bio_add_page(&bio, p1, 4, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &nvme_like));
	bio_uninit(&bio);

	/*
	 * 4 + 508 bytes in two pages: a gap at a virt_boundary with less than
	 * a block before it cannot be split into valid I/O, on every kernel
	 * (newer ones also reject memory misaligned to dma_alignment).
	 */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, 4, 0);
	__bio_add_page(&bio, p1, SECTOR_SIZE - 4, 0);
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &nvme_like));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	bio_uninit(&bio);

	/*
	 * 1024 + 516 + 508 bytes in three pages: the leg splits off 1024 and
	 * then 512 bytes, and the rest (4 bytes, a gap, 508 bytes) cannot be
	 * split into valid I/O.  The rejection comes after two splits.
	 */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_1K, 0);
	__bio_add_page(&bio, p1, SZ_512 + 4, 0);
	__bio_add_page(&bio, p2, SZ_512 - 4, 0);
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &nvme_like));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	/* the bio itself is left as it was */
	KUNIT_EXPECT_EQ(test, bio.bi_iter.bi_size, (unsigned int)SZ_2K);
	KUNIT_EXPECT_EQ(test, bio.bi_iter.bi_idx, 0U);
	bio_uninit(&bio);

	/* a submitter that must not wait does not make a split a rejection */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE | REQ_NOWAIT);
	__bio_add_page(&bio, p0, SZ_1K, 0);
	__bio_add_page(&bio, p1, SZ_512 + 4, 0);
	__bio_add_page(&bio, p2, SZ_512 - 4, 0);
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &nvme_like));
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	bio_uninit(&bio);

	/*
	 * More segments than the leg takes in one request: split, not
	 * rejected, also for a submitter that must not wait.
	 */
	dma3.max_segments = 1;
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE | REQ_NOWAIT);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	__bio_add_page(&bio, p1, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	bio_uninit(&bio);
	dma3.max_segments = 128;

	/*
	 * An atomic write is measured against the leg's atomic write limits,
	 * not max_sectors (a leg must not split it): 12 KiB fits a leg whose
	 * requests are 4 KiB at most but whose atomic writes go to 16 KiB,
	 * and is rejected by a leg whose atomic writes stop at 8 KiB, or
	 * whose atomic write unit is smaller or does not divide it, or that
	 * has no atomic writes.
	 */
	dma3.max_sectors = SZ_4K >> SECTOR_SHIFT;
	dma3.atomic_write_max_sectors = SZ_16K >> SECTOR_SHIFT;
	dma3.atomic_write_unit_min = SZ_4K;
	dma3.atomic_write_unit_max = SZ_16K;
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE | REQ_ATOMIC);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	__bio_add_page(&bio, p1, SZ_4K, 0);
	__bio_add_page(&bio, p2, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	dma3.atomic_write_unit_max = SZ_8K;
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	dma3.atomic_write_unit_max = SZ_16K;
	dma3.atomic_write_unit_min = SZ_8K;
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	dma3.atomic_write_unit_min = 0;
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	dma3.atomic_write_unit_min = SZ_4K;
	dma3.atomic_write_max_sectors = SZ_8K >> SECTOR_SHIFT;
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	/* the same write, not atomic, is only split */
	bio.bi_opf = REQ_OP_WRITE;
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	bio_uninit(&bio);

	/*
	 * A leg with 4 KiB logical blocks cannot take a 512-byte write, nor a
	 * 4 KiB write that starts between its blocks; a 512-byte leg can.
	 */
	dm_raid1_test_limits(&dma3, 3, 0);
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SECTOR_SIZE, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	dma3.logical_block_size = SZ_4K;
	dma3.physical_block_size = SZ_4K;
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, bio.bi_iter.bi_sector, &dma3));
	bio_uninit(&bio);
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, 0, &dma3));
	KUNIT_EXPECT_TRUE(test, bio_rejected_by_limits(&bio, 1, &dma3));
	/* the sector that counts is the one the leg sees, not the bio's */
	bio.bi_iter.bi_sector = 1;
	KUNIT_EXPECT_FALSE(test, bio_rejected_by_limits(&bio, 8, &dma3));
	bio_uninit(&bio);

	__free_page(p0);
	__free_page(p1);
	__free_page(p2);
}

struct dm_raid1_test_leg {
	struct request_queue q;
	struct block_device bdev;
	struct dm_dev dev;
};

/*
 * mirror_map() asks every leg in service, by the leg's own limits, and
 * not the legs that have failed.
 */
static void dm_raid1_write_misfits_legs_test(struct kunit *test)
{
	struct mirror_set *ms = dm_raid1_test_ms(test, 2);
	struct dm_raid1_test_leg *legs;
	struct page *p0, *p1;
	struct bio_vec bvec[2];
	struct bio bio;
	unsigned int i;

	legs = kunit_kcalloc(test, 2, sizeof(*legs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, legs);
	ms->ti = kunit_kzalloc(test, sizeof(*ms->ti), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ms->ti);
	p0 = alloc_page(GFP_KERNEL);
	p1 = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p0);
	KUNIT_ASSERT_NOT_NULL(test, p1);
	/* leg 0 without a virt_boundary, leg 1 NVMe-like */
	dm_raid1_test_limits(&legs[0].q.limits, 3, 0);
	dm_raid1_test_limits(&legs[1].q.limits, 3, SZ_4K - 1);
	for (i = 0; i < 2; i++) {
		legs[i].bdev.bd_queue = &legs[i].q;
		legs[i].dev.bdev = &legs[i].bdev;
		ms->mirror[i].dev = &legs[i].dev;
	}

	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, write_misfits_legs(ms, &bio));
	bio_uninit(&bio);

	/* 4 + 508 bytes in two pages: leg 1 cannot take it */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, 4, 0);
	__bio_add_page(&bio, p1, SECTOR_SIZE - 4, 0);
	KUNIT_EXPECT_TRUE(test, write_misfits_legs(ms, &bio));
	/* unless leg 1 has failed: the write goes to leg 0 only anyway */
	atomic_set(&ms->mirror[1].error_count, 1);
	KUNIT_EXPECT_FALSE(test, write_misfits_legs(ms, &bio));
	atomic_set(&ms->mirror[1].error_count, 0);
	/* the leg without a virt_boundary alone takes it */
	legs[1].q.limits.virt_boundary_mask = 0;
	KUNIT_EXPECT_FALSE(test, write_misfits_legs(ms, &bio));
	bio_uninit(&bio);

	/*
	 * Legs with 4 KiB blocks: a 4 KiB write at the start of the mirror
	 * lands at the leg's offset, which must be a whole block too.
	 */
	for (i = 0; i < 2; i++) {
		legs[i].q.limits.logical_block_size = SZ_4K;
		legs[i].q.limits.physical_block_size = SZ_4K;
	}
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	ms->mirror[1].offset = 8;
	KUNIT_EXPECT_FALSE(test, write_misfits_legs(ms, &bio));
	ms->mirror[1].offset = 1;
	KUNIT_EXPECT_TRUE(test, write_misfits_legs(ms, &bio));
	bio_uninit(&bio);

	__free_page(p0);
	__free_page(p1);
}
#endif

/*
 * A read a leg rejects goes to the legs that did not reject it; the legs
 * that said NOTSUPP are remembered (failed if another leg serves it).
 */
static void dm_raid1_read_retry_test(struct kunit *test)
{
	struct mirror_set *ms = dm_raid1_test_ms(test, 3);
	struct dm_raid1_bio_record rec = { };

	/* today's choice, nothing rejected: the default leg */
	KUNIT_EXPECT_PTR_EQ(test, choose_mirror(ms, 0), &ms->mirror[0]);

	read_rejected(&rec, 0, BLK_STS_NOTSUPP);
	KUNIT_EXPECT_EQ(test, rec.rejected, 0x1UL);
	KUNIT_EXPECT_EQ(test, rec.rejected_notsupp, 0x1UL);
	KUNIT_EXPECT_EQ(test, rec.rejected_status, BLK_STS_NOTSUPP);
	KUNIT_EXPECT_PTR_NE(test, choose_mirror(ms, rec.rejected),
			    &ms->mirror[0]);
	KUNIT_EXPECT_NOT_NULL(test, choose_mirror(ms, rec.rejected));

	read_rejected(&rec, 2, DM_RAID1_TEST_INVAL);
	KUNIT_EXPECT_PTR_EQ(test, choose_mirror(ms, rec.rejected),
			    &ms->mirror[1]);
#ifdef BLK_STS_INVAL
	/* INVAL is never a reason to fail the leg */
	KUNIT_EXPECT_EQ(test, rec.rejected_notsupp, 0x1UL);
#endif

	/* the last leg has failed: every leg that could serve it rejected it */
	atomic_set(&ms->mirror[1].error_count, 1);
	KUNIT_EXPECT_NULL(test, choose_mirror(ms, rec.rejected));
	/* it ends with the status of the first rejection */
	KUNIT_EXPECT_EQ(test, rec.rejected_status, BLK_STS_NOTSUPP);
}

/* The default leg is tried first, failed legs are skipped, as before. */
static void dm_raid1_choose_mirror_test(struct kunit *test)
{
	struct mirror_set *ms = dm_raid1_test_ms(test, 2);

	atomic_set(&ms->default_mirror, 1);
	KUNIT_EXPECT_PTR_EQ(test, choose_mirror(ms, 0), &ms->mirror[1]);
	KUNIT_EXPECT_PTR_EQ(test, choose_mirror(ms, 0x2), &ms->mirror[0]);
	KUNIT_EXPECT_NULL(test, choose_mirror(ms, 0x3));
	atomic_set(&ms->mirror[1].error_count, 1);
	KUNIT_EXPECT_PTR_EQ(test, choose_mirror(ms, 0), &ms->mirror[0]);
	KUNIT_EXPECT_NULL(test, choose_mirror(ms, 0x1));
}

static struct kunit_case dm_raid1_test_cases[] = {
	KUNIT_CASE(dm_raid1_leg_rejected_test),
	KUNIT_CASE(dm_raid1_write_rejected_test),
#ifdef BLK_STS_INVAL
	KUNIT_CASE(dm_raid1_write_failed_legs_test),
#endif
#ifdef MIRROR_NO_REGION
	KUNIT_CASE(dm_raid1_leg_rejects_bio_test),
	KUNIT_CASE(dm_raid1_write_misfits_legs_test),
#endif
	KUNIT_CASE(dm_raid1_read_retry_test),
	KUNIT_CASE(dm_raid1_choose_mirror_test),
	{}
};

static struct kunit_suite dm_raid1_test_suite = {
	.name = "dm_raid1_consensus",
	.test_cases = dm_raid1_test_cases,
};

kunit_test_suites(&dm_raid1_test_suite);
