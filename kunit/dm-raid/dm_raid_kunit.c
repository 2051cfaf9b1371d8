// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of dm-raid's check that a raid1/raid10 write a leg cannot
 * take by its own limits ends before md sees it.
 *
 * This file is included at the end of drivers/md/dm-raid.c, so that it runs
 * the real raid_write_misfits().
 */
#include <kunit/test.h>

struct dm_raid_test_leg {
	struct request_queue q;
	struct block_device bdev;
	struct dm_dev dev;
};

static void dm_raid_test_leg_init(struct dm_raid_test_leg *leg,
				  unsigned int dma_alignment,
				  unsigned long virt_boundary_mask)
{
	struct queue_limits *lim = &leg->q.limits;

	lim->logical_block_size = SECTOR_SIZE;
	lim->physical_block_size = SECTOR_SIZE;
	lim->max_segments = 128;
	lim->max_segment_size = SZ_64K;
	lim->seg_boundary_mask = BLK_SEG_BOUNDARY_MASK;
	lim->max_sectors = 2048;
	lim->max_hw_sectors = 2048;
	lim->dma_alignment = dma_alignment;
	lim->virt_boundary_mask = virt_boundary_mask;
	leg->bdev.bd_queue = &leg->q;
	leg->dev.bdev = &leg->bdev;
}

static void dm_raid_write_misfits_test(struct kunit *test)
{
	struct dm_raid_test_leg *legs;
	struct raid_set *rs;
	struct page *p0, *p1, *p2;
	struct bio_vec bvec[3];
	struct bio bio;

	legs = kunit_kcalloc(test, 2, sizeof(*legs), GFP_KERNEL);
	rs = kunit_kzalloc(test, struct_size(rs, dev, 2), GFP_KERNEL);
	p0 = alloc_page(GFP_KERNEL);
	p1 = alloc_page(GFP_KERNEL);
	p2 = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, legs);
	KUNIT_ASSERT_NOT_NULL(test, rs);
	KUNIT_ASSERT_NOT_NULL(test, p0);
	KUNIT_ASSERT_NOT_NULL(test, p1);
	KUNIT_ASSERT_NOT_NULL(test, p2);

	/* leg 0 NVMe-like (virt_boundary), leg 1 without one */
	dm_raid_test_leg_init(&legs[0], 3, SZ_4K - 1);
	dm_raid_test_leg_init(&legs[1], 3, 0);
	rs->raid_disks = 2;
	rs->md.level = 1;
	rs->dev[0].data_dev = &legs[0].dev;
	rs->dev[1].data_dev = &legs[1].dev;

	/* a well-formed write goes to md */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	bio_uninit(&bio);

	/* 4 + 508 bytes in two pages: leg 0 cannot take it, leg 1 can */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, 4, 0);
	__bio_add_page(&bio, p1, SECTOR_SIZE - 4, 0);
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));
	rs->md.level = 10;
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));

	/* raid levels without mirrored legs: md copies or fails it anyway */
	rs->md.level = 5;
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	rs->md.level = 1;

	/* a read is tried on the other legs by md instead */
	bio.bi_opf = REQ_OP_READ;
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	bio.bi_opf = REQ_OP_WRITE;

	/* a failed leg or a missing one is not asked */
	set_bit(Faulty, &rs->dev[0].rdev.flags);
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	clear_bit(Faulty, &rs->dev[0].rdev.flags);
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));
	rs->dev[0].data_dev = NULL;
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	rs->dev[0].data_dev = &legs[0].dev;
	bio_uninit(&bio);

	/*
	 * A leg with 4 KiB logical blocks cannot take a 512-byte write that
	 * the other leg takes, nor one that starts between its blocks.
	 */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SECTOR_SIZE, 0);
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	legs[1].q.limits.logical_block_size = SZ_4K;
	legs[1].q.limits.physical_block_size = SZ_4K;
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));
	bio_uninit(&bio);
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_4K, 0);
	KUNIT_EXPECT_FALSE(test, raid_write_misfits(rs, &bio));
	bio.bi_iter.bi_sector = 1;
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));
	bio_uninit(&bio);
	legs[1].q.limits.logical_block_size = SECTOR_SIZE;
	legs[1].q.limits.physical_block_size = SECTOR_SIZE;

	/*
	 * 1024 + 516 + 508 bytes in three pages: leg 0 splits off 1024 and
	 * then 512 bytes and cannot split the rest into valid I/O.
	 */
	bio_init(&bio, NULL, bvec, ARRAY_SIZE(bvec), REQ_OP_WRITE);
	__bio_add_page(&bio, p0, SZ_1K, 0);
	__bio_add_page(&bio, p1, SZ_512 + 4, 0);
	__bio_add_page(&bio, p2, SZ_512 - 4, 0);
	KUNIT_EXPECT_TRUE(test, raid_write_misfits(rs, &bio));
	bio_uninit(&bio);

	__free_page(p0);
	__free_page(p1);
	__free_page(p2);
}

static struct kunit_case dm_raid_test_cases[] = {
	KUNIT_CASE(dm_raid_write_misfits_test),
	{}
};

static struct kunit_suite dm_raid_test_suite = {
	.name = "dm_raid_write_limits",
	.test_cases = dm_raid_test_cases,
};

kunit_test_suites(&dm_raid_test_suite);
