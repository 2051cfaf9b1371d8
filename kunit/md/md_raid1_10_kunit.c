// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the error decisions that md raid1 and raid10 take when a
 * leg bio completes (drivers/md/mirror-error.h): request errors versus
 * device errors, reads versus writes, and the read error threshold.
 */
#include <kunit/test.h>
#include <linux/blk_types.h>

#include "../mirror-error.h"

/* md.c: default of md/max_read_errors (MD_DEFAULT_MAX_CORRECTED_READ_ERRORS) */
#define TEST_DEFAULT_MAX_READ_ERRORS	20

struct status_case {
	blk_status_t status;
	const char *name;
	bool request_error;	/* expected for READ and WRITE */
};

#define STATUS(s, req) { .status = s, .name = #s, .request_error = req }

/* Every blk_status_t value this kernel defines. */
static const struct status_case status_cases[] = {
	STATUS(BLK_STS_OK, false),
	STATUS(BLK_STS_NOTSUPP, true),
	STATUS(BLK_STS_TIMEOUT, false),
	STATUS(BLK_STS_NOSPC, false),
	STATUS(BLK_STS_TRANSPORT, false),
	STATUS(BLK_STS_TARGET, false),
#ifdef BLK_STS_RESV_CONFLICT
	STATUS(BLK_STS_RESV_CONFLICT, false),
#else
	STATUS(BLK_STS_NEXUS, false),
#endif
	STATUS(BLK_STS_MEDIUM, false),
	STATUS(BLK_STS_PROTECTION, false),
	STATUS(BLK_STS_RESOURCE, false),
	STATUS(BLK_STS_IOERR, false),
	STATUS(BLK_STS_DM_REQUEUE, false),
	STATUS(BLK_STS_AGAIN, false),
	STATUS(BLK_STS_DEV_RESOURCE, false),
#ifdef BLK_STS_ZONE_RESOURCE
	STATUS(BLK_STS_ZONE_RESOURCE, false),
#endif
	STATUS(BLK_STS_ZONE_OPEN_RESOURCE, false),
	STATUS(BLK_STS_ZONE_ACTIVE_RESOURCE, false),
	STATUS(BLK_STS_OFFLINE, false),
#ifdef BLK_STS_DURATION_LIMIT
	STATUS(BLK_STS_DURATION_LIMIT, false),
#endif
#ifdef BLK_STS_INVAL
	STATUS(BLK_STS_INVAL, true),
#endif
};

/* Device errors a leg can really return for data I/O. */
static const blk_status_t device_errors[] = {
	BLK_STS_IOERR, BLK_STS_MEDIUM, BLK_STS_TRANSPORT, BLK_STS_TIMEOUT,
	BLK_STS_TARGET, BLK_STS_PROTECTION, BLK_STS_NOSPC, BLK_STS_RESOURCE,
	BLK_STS_OFFLINE,
};

static const blk_status_t request_errors[] = {
	BLK_STS_NOTSUPP,
#ifdef BLK_STS_INVAL
	BLK_STS_INVAL,
#endif
};

static void status_case_desc(const struct status_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(blk_status, status_cases, status_case_desc);

/* md_raid1_10_classify */

static void mirror_is_request_error_read(struct kunit *test)
{
	const struct status_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, mirror_is_request_error(c->status, REQ_OP_READ),
			    c->request_error, "%s", c->name);
}

static void mirror_is_request_error_write(struct kunit *test)
{
	const struct status_case *c = test->param_value;
	blk_opf_t opf = REQ_OP_WRITE | REQ_SYNC | REQ_FUA;

	KUNIT_EXPECT_EQ_MSG(test, mirror_is_request_error(c->status, opf),
			    c->request_error, "%s", c->name);
}

static void mirror_is_request_error_other_ops(struct kunit *test)
{
	static const blk_opf_t ops[] = {
		REQ_OP_DISCARD, REQ_OP_WRITE_ZEROES, REQ_OP_FLUSH,
		REQ_OP_SECURE_ERASE, REQ_OP_WRITE | REQ_PREFLUSH,
	};
	int i, s;

	/* a preflush write is still a write; every other op never is */
	for (i = 0; i < ARRAY_SIZE(ops) - 1; i++) {
		for (s = 0; s < ARRAY_SIZE(status_cases); s++) {
			blk_status_t status = status_cases[s].status;

			KUNIT_EXPECT_FALSE_MSG(test,
					       mirror_is_request_error(status, ops[i]),
					       "op %u status %s", ops[i],
					       status_cases[s].name);
		}
	}
	KUNIT_EXPECT_TRUE(test, mirror_is_request_error(BLK_STS_NOTSUPP,
							ops[ARRAY_SIZE(ops) - 1]));
}

static void mirror_is_request_error_every_value(struct kunit *test)
{
	unsigned int v, found = 0;

	/* blk_status_t is a u8: no undefined value may count either */
	for (v = 0; v < 256; v++) {
		blk_status_t status = (__force blk_status_t)v;

		bool expected = status == BLK_STS_NOTSUPP;

#ifdef BLK_STS_INVAL
		expected = expected || status == BLK_STS_INVAL;
#endif
		if (mirror_is_request_error(status, REQ_OP_READ)) {
			found++;
			KUNIT_EXPECT_TRUE_MSG(test, expected, "value %u", v);
		}
	}
	KUNIT_EXPECT_EQ(test, found, ARRAY_SIZE(request_errors));
}

static struct kunit_case md_raid1_10_classify_cases[] = {
	KUNIT_CASE_PARAM(mirror_is_request_error_read, blk_status_gen_params),
	KUNIT_CASE_PARAM(mirror_is_request_error_write, blk_status_gen_params),
	KUNIT_CASE(mirror_is_request_error_other_ops),
	KUNIT_CASE(mirror_is_request_error_every_value),
	{}
};

static struct kunit_suite md_raid1_10_classify_suite = {
	.name = "md_raid1_10_classify",
	.test_cases = md_raid1_10_classify_cases,
};

/* md_raid1_10_read_error */

static void raid1_read_action_success(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_OK, REQ_OP_READ, false),
			RAID1_READ_DONE);
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_OK, REQ_OP_READ, true),
			RAID1_READ_DONE);
}

static void raid1_read_action_request_error_ends_with_status(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(request_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_read_action(request_errors[i], REQ_OP_READ, false),
				RAID1_READ_END_STATUS);
}

static void raid1_read_action_request_error_not_retried_failfast(struct kunit *test)
{
	int i;

	/* a failfast retry would end in md_error() through handle_read_error */
	for (i = 0; i < ARRAY_SIZE(request_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_read_action(request_errors[i], REQ_OP_READ, true),
				RAID1_READ_END_STATUS);
}

static void raid1_read_action_request_error_any_flags(struct kunit *test)
{
	static const blk_opf_t flags[] = {
		REQ_RAHEAD, REQ_NOWAIT, REQ_SYNC, REQ_META, REQ_FAILFAST_DEV,
		REQ_RAHEAD | REQ_NOWAIT,
	};
	int i, f;

	for (i = 0; i < ARRAY_SIZE(request_errors); i++)
		for (f = 0; f < ARRAY_SIZE(flags); f++)
			KUNIT_EXPECT_EQ(test,
					raid1_read_action(request_errors[i],
							  REQ_OP_READ | flags[f], false),
					RAID1_READ_END_STATUS);
}

static void raid1_read_action_device_error_handled(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_read_action(device_errors[i], REQ_OP_READ, false),
				RAID1_READ_HANDLE_ERROR);
}

static void raid1_read_action_device_error_failfast_retried(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_read_action(device_errors[i], REQ_OP_READ, true),
				RAID1_READ_RETRY);
}

static void raid1_read_action_quiet_flags(struct kunit *test)
{
	static const blk_opf_t flags[] = { REQ_RAHEAD, REQ_NOWAIT };
	int i, f;

	/*
	 * Lines with REQ_RAHEAD/REQ_NOWAIT in RAID1_QUIET_ERROR_FLAGS end such
	 * reads without a retry; older lines handle them as any read.
	 */
	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		for (f = 0; f < ARRAY_SIZE(flags); f++)
			KUNIT_EXPECT_EQ(test,
					raid1_read_action(device_errors[i],
							  REQ_OP_READ | flags[f], false),
					(RAID1_QUIET_ERROR_FLAGS & flags[f]) ?
					RAID1_READ_END_ERROR :
					RAID1_READ_HANDLE_ERROR);
}

static void raid1_read_action_quiet_flags_cover_rahead_nowait(struct kunit *test)
{
	/* raid1_should_handle_error() of 6.16+: RAHEAD and NOWAIT, nothing else */
	KUNIT_EXPECT_TRUE(test, RAID1_QUIET_ERROR_FLAGS == 0 ||
			  RAID1_QUIET_ERROR_FLAGS == (REQ_RAHEAD | REQ_NOWAIT));
}

static void raid1_read_action_request_errors_never_counted(struct kunit *test)
{
	int n, counted = 0, max = TEST_DEFAULT_MAX_READ_ERRORS;

	/* the seed report: more request errors than max_read_errors */
	for (n = 0; n < 10 * (max + 1); n++) {
		blk_status_t status = request_errors[n % ARRAY_SIZE(request_errors)];

		if (raid1_read_action(status, REQ_OP_READ, false) ==
		    RAID1_READ_HANDLE_ERROR)
			counted++;
	}
	KUNIT_EXPECT_EQ(test, counted, 0);
	KUNIT_EXPECT_FALSE(test, raid1_read_errors_exceeded(counted, max));
}

static struct kunit_case md_raid1_10_read_error_cases[] = {
	KUNIT_CASE(raid1_read_action_success),
	KUNIT_CASE(raid1_read_action_request_error_ends_with_status),
	KUNIT_CASE(raid1_read_action_request_error_not_retried_failfast),
	KUNIT_CASE(raid1_read_action_request_error_any_flags),
	KUNIT_CASE(raid1_read_action_device_error_handled),
	KUNIT_CASE(raid1_read_action_device_error_failfast_retried),
	KUNIT_CASE(raid1_read_action_quiet_flags),
	KUNIT_CASE(raid1_read_action_quiet_flags_cover_rahead_nowait),
	KUNIT_CASE(raid1_read_action_request_errors_never_counted),
	{}
};

static struct kunit_suite md_raid1_10_read_error_suite = {
	.name = "md_raid1_10_read_error",
	.test_cases = md_raid1_10_read_error_cases,
};

/* md_raid1_10_write_error */

static void raid1_write_action_success(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_OK, REQ_OP_WRITE),
			RAID1_WRITE_DONE);
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_OK,
						 REQ_OP_WRITE | REQ_FUA | REQ_PREFLUSH),
			RAID1_WRITE_DONE);
	/* a successful discard may clear bad blocks, as any write */
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_OK, REQ_OP_DISCARD),
			RAID1_WRITE_DONE);
}

static void raid1_write_action_request_error_rejected(struct kunit *test)
{
	static const blk_opf_t flags[] = {
		0, REQ_SYNC, REQ_FUA, REQ_PREFLUSH, REQ_META, REQ_NOWAIT,
		REQ_FAILFAST_DEV,
	};
	int i, f;

	/* never silent success, never a leg failure, whatever the flags */
	for (i = 0; i < ARRAY_SIZE(request_errors); i++)
		for (f = 0; f < ARRAY_SIZE(flags); f++)
			KUNIT_EXPECT_EQ(test,
					raid1_write_action(request_errors[i],
							   REQ_OP_WRITE | flags[f]),
					RAID1_WRITE_REJECTED);
}

static void raid1_write_action_device_error(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_write_action(device_errors[i],
						   REQ_OP_WRITE | REQ_SYNC),
				RAID1_WRITE_DEVICE_ERROR);
}

static void raid1_write_action_discard_error_ignored(struct kunit *test)
{
	int s;

	for (s = 1; s < ARRAY_SIZE(status_cases); s++)
		KUNIT_EXPECT_EQ_MSG(test,
				    raid1_write_action(status_cases[s].status,
						       REQ_OP_DISCARD),
				    RAID1_WRITE_IGNORE, "%s", status_cases[s].name);
}

static void raid1_write_action_write_zeroes_unchanged(struct kunit *test)
{
	/* only READ and WRITE carry request errors */
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_NOTSUPP,
						 REQ_OP_WRITE_ZEROES),
			RAID1_WRITE_DEVICE_ERROR);
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_IOERR,
						 REQ_OP_WRITE_ZEROES),
			RAID1_WRITE_DEVICE_ERROR);
}

static void raid1_write_action_quiet_flags(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(device_errors); i++)
		KUNIT_EXPECT_EQ(test,
				raid1_write_action(device_errors[i],
						   REQ_OP_WRITE | REQ_NOWAIT),
				(RAID1_QUIET_ERROR_FLAGS & REQ_NOWAIT) ?
				RAID1_WRITE_IGNORE : RAID1_WRITE_DEVICE_ERROR);
	KUNIT_EXPECT_EQ(test, raid1_write_action(BLK_STS_OK,
						 REQ_OP_WRITE | REQ_NOWAIT),
			(RAID1_QUIET_ERROR_FLAGS & REQ_NOWAIT) ?
			RAID1_WRITE_IGNORE : RAID1_WRITE_DONE);
}

static struct kunit_case md_raid1_10_write_error_cases[] = {
	KUNIT_CASE(raid1_write_action_success),
	KUNIT_CASE(raid1_write_action_request_error_rejected),
	KUNIT_CASE(raid1_write_action_device_error),
	KUNIT_CASE(raid1_write_action_discard_error_ignored),
	KUNIT_CASE(raid1_write_action_write_zeroes_unchanged),
	KUNIT_CASE(raid1_write_action_quiet_flags),
	{}
};

static struct kunit_suite md_raid1_10_write_error_suite = {
	.name = "md_raid1_10_write_error",
	.test_cases = md_raid1_10_write_error_cases,
};

/* md_raid1_10_read_errors: the threshold arithmetic */

static void raid1_read_errors_exceeded_at_max_plus_one(struct kunit *test)
{
	int max = TEST_DEFAULT_MAX_READ_ERRORS, n;

	for (n = 1; n <= max; n++)
		KUNIT_EXPECT_FALSE_MSG(test, raid1_read_errors_exceeded(n, max),
				       "error %d of max %d", n, max);
	KUNIT_EXPECT_TRUE(test, raid1_read_errors_exceeded(max + 1, max));
}

static void raid1_read_errors_exceeded_max_zero(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, raid1_read_errors_exceeded(0, 0));
	KUNIT_EXPECT_TRUE(test, raid1_read_errors_exceeded(1, 0));
}

static void raid1_read_errors_media_errors_fail_leg(struct kunit *test)
{
	int n, counted = 0, max = TEST_DEFAULT_MAX_READ_ERRORS;

	/* the leg is failed by the 21st media error, not before */
	for (n = 1; n <= max + 1; n++) {
		if (raid1_read_action(BLK_STS_MEDIUM, REQ_OP_READ, false) ==
		    RAID1_READ_HANDLE_ERROR)
			counted++;
		KUNIT_EXPECT_EQ(test, raid1_read_errors_exceeded(counted, max),
				n == max + 1);
	}
}

static void raid1_decay_read_errors_halves_per_hour(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(21, 0), 21U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(21, 1), 10U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(21, 2), 5U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(21, 4), 1U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(21, 5), 0U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(0, 3), 0U);
}

static void raid1_decay_read_errors_long_idle(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(UINT_MAX, 31), 1U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(UINT_MAX, 32), 0U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(UINT_MAX, 1000), 0U);
	KUNIT_EXPECT_EQ(test, raid1_decay_read_errors(UINT_MAX, ULONG_MAX), 0U);
}

static struct kunit_case md_raid1_10_read_errors_cases[] = {
	KUNIT_CASE(raid1_read_errors_exceeded_at_max_plus_one),
	KUNIT_CASE(raid1_read_errors_exceeded_max_zero),
	KUNIT_CASE(raid1_read_errors_media_errors_fail_leg),
	KUNIT_CASE(raid1_decay_read_errors_halves_per_hour),
	KUNIT_CASE(raid1_decay_read_errors_long_idle),
	{}
};

static struct kunit_suite md_raid1_10_read_errors_suite = {
	.name = "md_raid1_10_read_errors",
	.test_cases = md_raid1_10_read_errors_cases,
};

kunit_test_suites(&md_raid1_10_classify_suite,
		  &md_raid1_10_read_error_suite,
		  &md_raid1_10_write_error_suite,
		  &md_raid1_10_read_errors_suite);

MODULE_DESCRIPTION("KUnit tests for md raid1/raid10 error decisions");
MODULE_LICENSE("GPL");
