// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of how dm-io maps the memory of a request onto a region.
 *
 * This file is included at the end of drivers/md/dm-io.c, so that it runs
 * the real bio_dp_init(), bio_get_page(), bio_next_page() and
 * add_region_pages() of do_region() on bios whose memory is not made of
 * whole sectors, as O_DIRECT bios reach bio-based targets since commit
 * 5ff3f74e145a ("block: simplify direct io validity check").
 */
#include <kunit/test.h>

/* the status of a region whose memory cannot describe it */
#ifdef BLK_STS_INVAL
#define DM_IO_TEST_REJECTED	BLK_STS_INVAL
#else
#define DM_IO_TEST_REJECTED	BLK_STS_NOTSUPP
#endif

/* do_region() never needs more bios than this for the regions below */
#define DM_IO_TEST_MAX_BIOS	8

struct dm_io_test_seg {
	unsigned int len;
	unsigned int offset;
};

struct dm_io_test_case {
	const char *name;
	struct dm_io_test_seg segs[6];
	unsigned int nr_segs;
	sector_t region_sectors;
	unsigned short max_vecs;	/* segments a bio takes */
	unsigned int align;		/* the device's block size, 0: 512 */
	int nr_bios;			/* expected bios, -1: rejected */
	unsigned int bio_bytes;		/* expected size of each bio */
};

static const struct dm_io_test_case dm_io_test_cases[] = {
	{
		.name = "aligned_4096",
		.segs = { { 4096, 0 } }, .nr_segs = 1,
		.region_sectors = 8, .max_vecs = 2,
		.nr_bios = 1, .bio_bytes = 4096,
	},
	{
		/* QEMU's alignment probe: a 4 KiB read into a buffer at +1 */
		.name = "buffer_plus_1_4095_1",
		.segs = { { 4095, 1 }, { 1, 0 } }, .nr_segs = 2,
		.region_sectors = 8, .max_vecs = 2,
		.nr_bios = 1, .bio_bytes = 4096,
	},
	{
		/* 4-byte aligned segments, which NVMe accepts */
		.name = "iovec_4092_4",
		.segs = { { 4092, 0 }, { 4, 0 } }, .nr_segs = 2,
		.region_sectors = 8, .max_vecs = 2,
		.nr_bios = 1, .bio_bytes = 4096,
	},
	{
		.name = "iovec_512_3584",
		.segs = { { 512, 0 }, { 3584, 512 } }, .nr_segs = 2,
		.region_sectors = 8, .max_vecs = 2,
		.nr_bios = 1, .bio_bytes = 4096,
	},
	{
		/* a full bio ends on a sector: the region goes on in a new bio */
		.name = "aligned_two_bios",
		.segs = { { 4096, 0 }, { 4096, 0 } }, .nr_segs = 2,
		.region_sectors = 16, .max_vecs = 1,
		.nr_bios = 2, .bio_bytes = 4096,
	},
	{
		/*
		 * A full bio that would end inside a sector is cut back to
		 * the last sector; the next one (511 bytes) holds less than
		 * a sector when it is full: the region fails.
		 */
		.name = "full_bio_inside_a_sector",
		.segs = { { 4095, 1 }, { 1, 0 } }, .nr_segs = 2,
		.region_sectors = 8, .max_vecs = 1,
		.nr_bios = -1,
	},
	{
		/*
		 * A device with 4 KiB blocks: 2048 + 3072 bytes fill a bio of
		 * two segments; it is cut back to 4096 and the next bio starts
		 * inside the second piece (blk-mq fails a 5120-byte bio for
		 * such a device with BLK_STS_IOERR).
		 */
		.name = "cut_back_to_4k_blocks",
		.segs = { { 2048, 0 }, { 3072, 0 }, { 3072, 0 } }, .nr_segs = 3,
		.region_sectors = 16, .max_vecs = 2, .align = 4096,
		.nr_bios = 2, .bio_bytes = 4096,
	},
	{
		/*
		 * The cut falls in a segment that later memory was merged
		 * into (1024 + 2048 contiguous, then 2048 + 1024 contiguous):
		 * that segment keeps only what lies before the cut.
		 */
		.name = "cut_inside_a_merged_segment",
		.segs = { { 1024, 0 }, { 2048, 1024 }, { 2048, 0 },
			  { 1024, 2048 }, { 2048, 0 } }, .nr_segs = 5,
		.region_sectors = 16, .max_vecs = 2, .align = 4096,
		.nr_bios = 2, .bio_bytes = 4096,
	},
	{
		/*
		 * The cut falls at the end of the first segment (2048 + 2048
		 * contiguous): the second segment, 1024 + 1024 contiguous, is
		 * dropped from the bio and starts the next one.
		 */
		.name = "cut_drops_a_later_segment",
		.segs = { { 2048, 0 }, { 2048, 2048 }, { 1024, 0 },
			  { 1024, 1024 }, { 2048, 0 } }, .nr_segs = 5,
		.region_sectors = 16, .max_vecs = 2, .align = 4096,
		.nr_bios = 2, .bio_bytes = 4096,
	},
	{
		/* the same memory for a 512-byte device: no cut is needed */
		.name = "no_cut_for_512_blocks",
		.segs = { { 2048, 0 }, { 3072, 0 }, { 3072, 0 } }, .nr_segs = 3,
		.region_sectors = 16, .max_vecs = 3,
		.nr_bios = 1, .bio_bytes = 8192,
	},
	{
		/*
		 * A full bio with less than one 4 KiB block: the region fails
		 * here (do_region() then tries once more with room for
		 * BIO_MAX_VECS segments).
		 */
		.name = "full_bio_below_one_block",
		.segs = { { 1024, 0 }, { 1024, 0 }, { 2048, 0 } }, .nr_segs = 3,
		.region_sectors = 8, .max_vecs = 2, .align = 4096,
		.nr_bios = -1,
	},
	{
		/* less memory than region: never an empty bio, never a loop */
		.name = "memory_shorter_than_region",
		.segs = { { 2048, 0 } }, .nr_segs = 1,
		.region_sectors = 8, .max_vecs = 2,
		.nr_bios = -1,
	},
};

static void dm_io_test_case_desc(const struct dm_io_test_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(dm_io_region, dm_io_test_cases, dm_io_test_case_desc);

/*
 * Build the bios of one region as do_region() does, from a source bio with
 * the memory of @t, and check their number and sizes.
 */
static void dm_io_region_test(struct kunit *test)
{
	const struct dm_io_test_case *t = test->param_value;
	struct page *page = test->priv;
	unsigned int align = t->align ?: SECTOR_SIZE;
	struct bio_vec *src_vecs, *vecs;
	struct bio *src, *bio;
	struct dpages dp = {};
	sector_t remaining, sector = 0;
	blk_status_t status = BLK_STS_OK;
	unsigned int i, j, size = 0, pos = 0, vec_bytes;
	u16 *stream;
	int nr_bios = 0;

	/* one more slot: the one an exhausted iterator would read */
	src_vecs = kunit_kcalloc(test, t->nr_segs + 1, sizeof(*src_vecs),
				 GFP_KERNEL);
	vecs = kunit_kcalloc(test, t->max_vecs, sizeof(*vecs), GFP_KERNEL);
	src = kunit_kzalloc(test, sizeof(*src), GFP_KERNEL);
	bio = kunit_kzalloc(test, sizeof(*bio), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, src_vecs);
	KUNIT_ASSERT_NOT_NULL(test, vecs);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, bio);

	for (i = 0; i <= t->nr_segs; i++) {
		src_vecs[i].bv_page = page;
		src_vecs[i].bv_len = i < t->nr_segs ? t->segs[i].len : 0;
		src_vecs[i].bv_offset = i < t->nr_segs ? t->segs[i].offset : 0;
		size += src_vecs[i].bv_len;
	}
	/* the page offset of every byte of the source, in order */
	stream = kunit_kcalloc(test, size, sizeof(*stream), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, stream);
	for (i = 0; i < t->nr_segs; i++)
		for (j = 0; j < t->segs[i].len; j++)
			stream[pos++] = t->segs[i].offset + j;
	pos = 0;
	src->bi_io_vec = src_vecs;
	src->bi_vcnt = t->nr_segs;
	src->bi_iter.bi_size = size;
	bio_dp_init(&dp, src);

	remaining = to_bytes(t->region_sectors);
	while (remaining && nr_bios < DM_IO_TEST_MAX_BIOS) {
		bio_init(bio, NULL, vecs, t->max_vecs, REQ_OP_READ);
		/* the sector do_region() gives this bio must be exact */
		KUNIT_EXPECT_EQ(test, t->region_sectors - to_sector(remaining),
				sector);
		status = add_region_pages(bio, &dp, &remaining, align);
		if (status) {
			bio_uninit(bio);
			break;
		}
		KUNIT_EXPECT_GT(test, bio->bi_iter.bi_size, 0U);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED(bio->bi_iter.bi_size, align));
		if (t->nr_bios > 0)
			KUNIT_EXPECT_EQ(test, bio->bi_iter.bi_size,
					t->bio_bytes);
		/* the bio's memory is the source's next bytes, in order */
		vec_bytes = 0;
		for (i = 0; i < bio->bi_vcnt; i++) {
			struct bio_vec *bv = &bio->bi_io_vec[i];

			for (j = 0; j < bv->bv_len && pos < size; j++, pos++)
				KUNIT_ASSERT_EQ(test, stream[pos],
						bv->bv_offset + j);
			vec_bytes += bv->bv_len;
		}
		KUNIT_EXPECT_EQ(test, vec_bytes, bio->bi_iter.bi_size);
		sector += to_sector(bio->bi_iter.bi_size);
		nr_bios++;
		bio_uninit(bio);
	}

	if (t->nr_bios < 0) {
		KUNIT_EXPECT_EQ(test, status, DM_IO_TEST_REJECTED);
		return;
	}
	KUNIT_EXPECT_EQ(test, status, BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, remaining, (sector_t)0);
	KUNIT_EXPECT_EQ(test, nr_bios, t->nr_bios);
	KUNIT_EXPECT_EQ(test, sector, t->region_sectors);
}

static int dm_io_region_init(struct kunit *test)
{
	test->priv = alloc_page(GFP_KERNEL);
	return test->priv ? 0 : -ENOMEM;
}

static void dm_io_region_exit(struct kunit *test)
{
	__free_page(test->priv);
}

static struct kunit_case dm_io_region_test_cases[] = {
	KUNIT_CASE_PARAM(dm_io_region_test, dm_io_region_gen_params),
	{}
};

static struct kunit_suite dm_io_region_test_suite = {
	.name = "dm_io_region",
	.init = dm_io_region_init,
	.exit = dm_io_region_exit,
	.test_cases = dm_io_region_test_cases,
};

/* the statuses of the bios of one region, in the order they complete */
struct dm_io_status_test_case {
	const char *name;
	blk_status_t bios[3];
	unsigned int nr_bios;
	blk_status_t expected;
};

static const struct dm_io_status_test_case dm_io_status_cases[] = {
	{
		.name = "no_error",
		.bios = { BLK_STS_OK, BLK_STS_OK }, .nr_bios = 2,
		.expected = BLK_STS_OK,
	},
	{
		.name = "rejection_after_good_bio",
		.bios = { BLK_STS_OK, DM_IO_TEST_REJECTED }, .nr_bios = 2,
		.expected = DM_IO_TEST_REJECTED,
	},
	{
		/* a rejected piece must not hide a piece the device failed */
		.name = "device_error_after_rejection",
		.bios = { DM_IO_TEST_REJECTED, BLK_STS_OK, BLK_STS_IOERR },
		.nr_bios = 3,
		.expected = BLK_STS_IOERR,
	},
	{
		.name = "rejection_after_device_error",
		.bios = { BLK_STS_MEDIUM, DM_IO_TEST_REJECTED }, .nr_bios = 2,
		.expected = BLK_STS_MEDIUM,
	},
	{
		.name = "first_device_error_wins",
		.bios = { BLK_STS_TIMEOUT, BLK_STS_IOERR }, .nr_bios = 2,
		.expected = BLK_STS_TIMEOUT,
	},
#ifdef BLK_STS_INVAL
	{
		/* a device that refused a piece may be gone: not INVAL */
		.name = "notsupp_after_inval",
		.bios = { BLK_STS_INVAL, BLK_STS_NOTSUPP }, .nr_bios = 2,
		.expected = BLK_STS_NOTSUPP,
	},
	{
		.name = "inval_after_notsupp",
		.bios = { BLK_STS_NOTSUPP, BLK_STS_INVAL }, .nr_bios = 2,
		.expected = BLK_STS_NOTSUPP,
	},
#endif
};

static void dm_io_status_test_case_desc(const struct dm_io_status_test_case *t,
					char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(dm_io_status, dm_io_status_cases,
		  dm_io_status_test_case_desc);

/*
 * Complete the bios of region 1 of a two-region io with the statuses of @t
 * through the real dec_count(), and check what dm_io_status() reports for
 * each region.
 */
static void dm_io_status_test(struct kunit *test)
{
	const struct dm_io_status_test_case *t = test->param_value;
	blk_status_t region_status[2] = { BLK_STS_OK, BLK_STS_OK };
	struct io *io;
	unsigned int i;

	io = kunit_kzalloc(test, sizeof(*io), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, io);
	/* one more reference than bios: complete_io() must not run */
	atomic_set(&io->count, t->nr_bios + 1);
	io->region_status = region_status;

	for (i = 0; i < t->nr_bios; i++)
		dec_count(io, 1, t->bios[i]);

	KUNIT_EXPECT_EQ(test, atomic_read(&io->count), 1);
	KUNIT_EXPECT_EQ(test, region_status[1], t->expected);
	KUNIT_EXPECT_EQ(test, !!test_bit(1, &io->error_bits),
			t->expected != BLK_STS_OK);
	KUNIT_EXPECT_EQ(test, region_status[0], BLK_STS_OK);
	KUNIT_EXPECT_FALSE(test, test_bit(0, &io->error_bits));
}

/* dm_io() keeps no status: a failed bio only sets its region's bit */
static void dm_io_status_none_test(struct kunit *test)
{
	struct io *io;

	io = kunit_kzalloc(test, sizeof(*io), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, io);
	atomic_set(&io->count, 3);

	dec_count(io, 1, BLK_STS_IOERR);
	dec_count(io, 0, BLK_STS_OK);

	KUNIT_EXPECT_EQ(test, atomic_read(&io->count), 1);
	KUNIT_EXPECT_EQ(test, io->error_bits, BIT(1));
}

static struct kunit_case dm_io_status_test_cases[] = {
	KUNIT_CASE_PARAM(dm_io_status_test, dm_io_status_gen_params),
	KUNIT_CASE(dm_io_status_none_test),
	{}
};

static struct kunit_suite dm_io_status_test_suite = {
	.name = "dm_io_status",
	.test_cases = dm_io_status_test_cases,
};

kunit_test_suites(&dm_io_region_test_suite, &dm_io_status_test_suite);
