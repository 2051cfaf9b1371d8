// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for how md raid1 and raid10 decide whose fault a failed leg
 * bio is (drivers/md/raid1-10.c): a rejection (BLK_STS_INVAL,
 * BLK_STS_NOTSUPP) is the request's fault only when every leg that could
 * serve the request rejects it.
 *
 * This file is included at the end of drivers/md/raid1.c, so it reaches
 * the static helpers that raid1.c and raid10.c share.  Kernels without
 * BLK_STS_INVAL (before 6.11) run the BLK_STS_NOTSUPP cases only.
 */
#include <kunit/test.h>

struct status_case {
	blk_status_t status;
	const char *name;
	bool rejection;		/* expected for READ and WRITE */
};

#define STS_CASE(s, r) { .status = s, .name = #s, .rejection = r }

/* Every error blk_status_t value this kernel defines. */
static const struct status_case status_cases[] = {
	STS_CASE(BLK_STS_NOTSUPP, true),
	STS_CASE(BLK_STS_TIMEOUT, false),
	STS_CASE(BLK_STS_NOSPC, false),
	STS_CASE(BLK_STS_TRANSPORT, false),
	STS_CASE(BLK_STS_TARGET, false),
#ifdef BLK_STS_RESV_CONFLICT
	STS_CASE(BLK_STS_RESV_CONFLICT, false),
#else
	STS_CASE(BLK_STS_NEXUS, false),
#endif
	STS_CASE(BLK_STS_MEDIUM, false),
	STS_CASE(BLK_STS_PROTECTION, false),
	STS_CASE(BLK_STS_RESOURCE, false),
	STS_CASE(BLK_STS_IOERR, false),
	STS_CASE(BLK_STS_DM_REQUEUE, false),
	STS_CASE(BLK_STS_AGAIN, false),
	STS_CASE(BLK_STS_DEV_RESOURCE, false),
#ifdef BLK_STS_ZONE_RESOURCE
	STS_CASE(BLK_STS_ZONE_RESOURCE, false),
#endif
	STS_CASE(BLK_STS_ZONE_OPEN_RESOURCE, false),
	STS_CASE(BLK_STS_ZONE_ACTIVE_RESOURCE, false),
	STS_CASE(BLK_STS_OFFLINE, false),
#ifdef BLK_STS_DURATION_LIMIT
	STS_CASE(BLK_STS_DURATION_LIMIT, false),
#endif
#ifdef BLK_STS_INVAL
	STS_CASE(BLK_STS_INVAL, true),
#endif
};

static void status_case_desc(const struct status_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(blk_status, status_cases, status_case_desc);

/* md_raid1_10_rejection: which completions are rejections */

static void raid1_leg_rejected_read_write(struct kunit *test)
{
	const struct status_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, raid1_leg_rejected(c->status, REQ_OP_READ),
			c->rejection);
	KUNIT_EXPECT_EQ(test, raid1_leg_rejected(c->status, REQ_OP_WRITE),
			c->rejection);
	KUNIT_EXPECT_EQ(test, raid1_leg_rejected(c->status,
						 REQ_OP_WRITE | REQ_FUA),
			c->rejection);
}

static void raid1_leg_rejected_other_ops(struct kunit *test)
{
	static const blk_opf_t ops[] = {
		REQ_OP_DISCARD, REQ_OP_WRITE_ZEROES, REQ_OP_FLUSH,
		REQ_OP_SECURE_ERASE,
	};
	int i;

	/* discard, write zeroes and flush errors keep their own handling */
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_NOTSUPP,
							    ops[i]));
#ifdef BLK_STS_INVAL
		KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_INVAL,
							    ops[i]));
#endif
	}
}

static void raid1_leg_rejected_quiet_flags(struct kunit *test)
{
	/* readahead and nowait bios keep today's handling */
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_NOTSUPP,
						    REQ_OP_READ | REQ_RAHEAD));
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_NOTSUPP,
						    REQ_OP_WRITE | REQ_NOWAIT));
#ifdef BLK_STS_INVAL
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_INVAL,
						    REQ_OP_READ | REQ_NOWAIT));
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_INVAL,
						    REQ_OP_WRITE | REQ_NOWAIT));
#endif
}

static void raid1_leg_rejected_ok(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_OK, REQ_OP_READ));
	KUNIT_EXPECT_FALSE(test, raid1_leg_rejected(BLK_STS_OK, REQ_OP_WRITE));
}

static struct kunit_case md_raid1_10_rejection_cases[] = {
	KUNIT_CASE_PARAM(raid1_leg_rejected_read_write, blk_status_gen_params),
	KUNIT_CASE(raid1_leg_rejected_other_ops),
	KUNIT_CASE(raid1_leg_rejected_quiet_flags),
	KUNIT_CASE(raid1_leg_rejected_ok),
	{}
};

static struct kunit_suite md_raid1_10_rejection_suite = {
	.name = "md_raid1_10_rejection",
	.test_cases = md_raid1_10_rejection_cases,
};

/* md_raid1_10_read_leg: what a completed leg read leads to */

static void raid1_read_action_rejection(struct kunit *test)
{
	const struct status_case *c = test->param_value;
	enum raid1_read_action want = c->rejection ? RAID1_READ_REJECTED :
						     RAID1_READ_DEVICE_ERROR;

	KUNIT_EXPECT_EQ(test, raid1_read_action(c->status, REQ_OP_READ, false),
			want);
}

static void raid1_read_action_failfast(struct kunit *test)
{
	const struct status_case *c = test->param_value;
	enum raid1_read_action want = c->rejection ? RAID1_READ_REJECTED :
						     RAID1_READ_RETRY;

	/* a rejection is tried elsewhere before a failfast retry fails the leg */
	KUNIT_EXPECT_EQ(test, raid1_read_action(c->status, REQ_OP_READ, true),
			want);
}

static void raid1_read_action_quiet(struct kunit *test)
{
	const blk_opf_t ra = REQ_OP_READ | REQ_RAHEAD;
	const blk_opf_t nowait = REQ_OP_READ | REQ_NOWAIT;

	/* readahead and nowait reads end with an error, as before */
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_IOERR, ra, false),
			RAID1_READ_END);
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_NOTSUPP, ra, false),
			RAID1_READ_END);
	/* a failfast readahead read with a device error is retried, as before */
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_IOERR, ra, true),
			RAID1_READ_RETRY);
#ifdef BLK_STS_INVAL
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_INVAL, nowait, false),
			RAID1_READ_END);
	/* but BLK_STS_INVAL never fails a leg, failfast or not */
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_INVAL, ra, true),
			RAID1_READ_END);
#else
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_IOERR, nowait, false),
			RAID1_READ_END);
#endif
}

static void raid1_read_action_ok(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_OK, REQ_OP_READ, false),
			RAID1_READ_DONE);
	KUNIT_EXPECT_EQ(test, raid1_read_action(BLK_STS_OK, REQ_OP_READ, true),
			RAID1_READ_DONE);
}

static void raid1_fold_status_device_error_wins(struct kunit *test)
{
	/* the first rejection is what the submitter sees ... */
	KUNIT_EXPECT_EQ(test, raid1_fold_status(BLK_STS_OK, BLK_STS_NOTSUPP,
						true), BLK_STS_NOTSUPP);
#ifdef BLK_STS_INVAL
	KUNIT_EXPECT_EQ(test, raid1_fold_status(BLK_STS_INVAL, BLK_STS_NOTSUPP,
						true), BLK_STS_INVAL);
#endif
	/* ... unless a leg had a device error, before or after it */
	KUNIT_EXPECT_EQ(test, raid1_fold_status(BLK_STS_NOTSUPP, BLK_STS_MEDIUM,
						false), BLK_STS_IOERR);
	KUNIT_EXPECT_EQ(test, raid1_fold_status(BLK_STS_IOERR, BLK_STS_NOTSUPP,
						true), BLK_STS_IOERR);
	KUNIT_EXPECT_EQ(test, raid1_fold_status(BLK_STS_OK, BLK_STS_TIMEOUT,
						false), BLK_STS_IOERR);
}

static struct kunit_case md_raid1_10_read_leg_cases[] = {
	KUNIT_CASE_PARAM(raid1_read_action_rejection, blk_status_gen_params),
	KUNIT_CASE_PARAM(raid1_read_action_failfast, blk_status_gen_params),
	KUNIT_CASE(raid1_read_action_quiet),
	KUNIT_CASE(raid1_read_action_ok),
	KUNIT_CASE(raid1_fold_status_device_error_wins),
	{}
};

static struct kunit_suite md_raid1_10_read_leg_suite = {
	.name = "md_raid1_10_read_leg",
	.test_cases = md_raid1_10_read_leg_cases,
};

/*
 * md_raid1_10_read_request: the per-request verdict of a read.
 *
 * raid1d and raid10d try the legs one after the other: a rejection moves
 * on to the next leg (handle_read_rejected()), a device error goes through
 * fix_read_error() and is then redirected, a success ends the read, and a
 * BLK_STS_NOTSUPP leg is then handled as a read error
 * (handle_read_notsupp_served()).  read_request() below walks a table of leg
 * answers in that order with the helpers the completion handlers call.
 */
#define MAX_LEGS 4
#define NO_LEG (-1)

struct read_case {
	const char *name;
	int legs;			/* legs in service that hold the data */
	blk_status_t answer[MAX_LEGS];	/* in the order they are tried */
	bool failfast;
	/* expected */
	int served_by;			/* NO_LEG: no leg served the read */
	blk_status_t status;		/* to the submitter if none served */
	int notsupp_leg;		/* handled as a read error, or NO_LEG */
	unsigned int device_errors;	/* legs through fix_read_error() */
};

static const struct read_case read_cases[] = {
#ifdef BLK_STS_INVAL
	{ "every leg rejects as invalid", 2,
	  { BLK_STS_INVAL, BLK_STS_INVAL }, false,
	  NO_LEG, BLK_STS_INVAL, NO_LEG, 0 },
#endif
	{ "every leg rejects as unsupported", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP }, false,
	  NO_LEG, BLK_STS_NOTSUPP, NO_LEG, 0 },
#ifdef BLK_STS_INVAL
	{ "three legs reject, mixed statuses", 3,
	  { BLK_STS_INVAL, BLK_STS_NOTSUPP, BLK_STS_INVAL }, false,
	  NO_LEG, BLK_STS_INVAL, NO_LEG, 0 },
#endif
	{ "three legs reject as unsupported", 3,
	  { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP, BLK_STS_NOTSUPP }, false,
	  NO_LEG, BLK_STS_NOTSUPP, NO_LEG, 0 },
	{ "degraded array, its one leg rejects", 1,
	  { BLK_STS_NOTSUPP }, false,
	  NO_LEG, BLK_STS_NOTSUPP, NO_LEG, 0 },
	{ "failfast legs all reject", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP }, true,
	  NO_LEG, BLK_STS_NOTSUPP, NO_LEG, 0 },
	{ "dead namespace: NOTSUPP, another leg serves", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_OK }, false,
	  1, BLK_STS_OK, 0, 0 },
#ifdef BLK_STS_INVAL
	{ "stricter limits: INVAL, another leg serves", 2,
	  { BLK_STS_INVAL, BLK_STS_OK }, false,
	  1, BLK_STS_OK, NO_LEG, 0 },
#endif
	{ "failfast dead namespace, another leg serves", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_OK }, true,
	  1, BLK_STS_OK, 0, 0 },
#ifdef BLK_STS_INVAL
	{ "INVAL leg spared, NOTSUPP leg handled", 3,
	  { BLK_STS_INVAL, BLK_STS_NOTSUPP, BLK_STS_OK }, false,
	  2, BLK_STS_OK, 1, 0 },
#endif
	{ "first NOTSUPP leg is the one handled", 3,
	  { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP, BLK_STS_OK }, false,
	  2, BLK_STS_OK, 0, 0 },
	{ "media error, then the other leg serves", 2,
	  { BLK_STS_MEDIUM, BLK_STS_OK }, false,
	  1, BLK_STS_OK, NO_LEG, 1 },
	{ "rejection, then a device error: EIO wins", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_MEDIUM }, false,
	  NO_LEG, BLK_STS_IOERR, NO_LEG, 2 },
	{ "device error, then a rejection: EIO wins", 2,
	  { BLK_STS_TRANSPORT, BLK_STS_NOTSUPP }, false,
	  NO_LEG, BLK_STS_IOERR, NO_LEG, 1 },
};

struct read_verdict {
	int served_by;
	blk_status_t status;
	int notsupp_leg;
	unsigned int device_errors;
};

static struct read_verdict read_request(const struct read_case *c)
{
	struct read_verdict v = { .served_by = NO_LEG, .notsupp_leg = NO_LEG };
	blk_status_t seen = BLK_STS_OK;
	int leg;

	for (leg = 0; leg < c->legs; leg++) {
		blk_status_t st = c->answer[leg];

		switch (raid1_read_action(st, REQ_OP_READ, c->failfast)) {
		case RAID1_READ_DONE:
			v.served_by = leg;
			return v;
		case RAID1_READ_REJECTED:
			seen = raid1_fold_status(seen, st, true);
			if (st == BLK_STS_NOTSUPP && v.notsupp_leg == NO_LEG)
				v.notsupp_leg = leg;
			break;
		case RAID1_READ_RETRY:
		case RAID1_READ_DEVICE_ERROR:
			seen = raid1_fold_status(seen, st, false);
			v.device_errors |= BIT(leg);
			break;
		case RAID1_READ_END:
			leg = c->legs;
			break;
		}
	}
	/* no leg served it: nothing is blamed on a leg for the rejections */
	v.notsupp_leg = NO_LEG;
	v.status = seen ?: BLK_STS_IOERR;
	return v;
}

static void read_case_desc(const struct read_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(read_request, read_cases, read_case_desc);

static void raid1_read_request_verdict(struct kunit *test)
{
	const struct read_case *c = test->param_value;
	struct read_verdict v = read_request(c);

	KUNIT_EXPECT_EQ(test, v.served_by, c->served_by);
	if (c->served_by == NO_LEG)
		KUNIT_EXPECT_EQ(test, v.status, c->status);
	KUNIT_EXPECT_EQ(test, v.notsupp_leg, c->notsupp_leg);
	KUNIT_EXPECT_EQ(test, v.device_errors, c->device_errors);
}

static struct kunit_case md_raid1_10_read_request_cases[] = {
	KUNIT_CASE_PARAM(raid1_read_request_verdict, read_request_gen_params),
	{}
};

static struct kunit_suite md_raid1_10_read_request_suite = {
	.name = "md_raid1_10_read_request",
	.test_cases = md_raid1_10_read_request_cases,
};

/*
 * md_raid1_10_write_request: the per-request verdict of a write, taken in
 * handle_write_finished() / handle_write_completed() once every leg has
 * answered.
 */
struct write_case {
	const char *name;
	int legs;
	blk_status_t answer[MAX_LEGS];
	/* expected */
	bool rejected_by_all;		/* end with the status, touch no leg */
	unsigned int narrowed;		/* legs that get bad blocks or fail */
	bool acked;			/* the submitter sees success */
};

static const struct write_case write_cases[] = {
#ifdef BLK_STS_INVAL
	{ "every leg rejects as invalid", 2,
	  { BLK_STS_INVAL, BLK_STS_INVAL }, true, 0, false },
	{ "every leg rejects, mixed statuses", 3,
	  { BLK_STS_NOTSUPP, BLK_STS_INVAL, BLK_STS_NOTSUPP }, true, 0, false },
#endif
	{ "every leg rejects as unsupported", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_NOTSUPP }, true, 0, false },
	{ "degraded array, its one leg rejects", 1,
	  { BLK_STS_NOTSUPP }, true, 0, false },
	{ "one leg rejects, another stores it", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_OK }, false, BIT(0), true },
#ifdef BLK_STS_INVAL
	{ "stricter limits: INVAL on one leg only", 2,
	  { BLK_STS_OK, BLK_STS_INVAL }, false, BIT(1), true },
#endif
	{ "rejection plus a device error", 2,
	  { BLK_STS_NOTSUPP, BLK_STS_IOERR }, false, BIT(0) | BIT(1), false },
	{ "media error, the other leg stores it", 2,
	  { BLK_STS_MEDIUM, BLK_STS_OK }, false, BIT(0), true },
	{ "every leg stores it", 2,
	  { BLK_STS_OK, BLK_STS_OK }, false, 0, true },
};

static void write_case_desc(const struct write_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(write_request, write_cases, write_case_desc);

static void raid1_write_request_verdict(struct kunit *test)
{
	const struct write_case *c = test->param_value;
	bool rejected = false, stored = false, device_error = false;
	bool all;
	unsigned int narrowed = 0;
	int leg;

	/* raid1_end_write_request(): one leg at a time */
	for (leg = 0; leg < c->legs; leg++) {
		blk_status_t st = c->answer[leg];

		if (raid1_leg_rejected(st, REQ_OP_WRITE))
			rejected = true;
		else if (st)
			device_error = true;
		else
			stored = true;
	}
	/* handle_write_finished() */
	all = raid1_write_rejected_by_all(rejected, stored, device_error);
	for (leg = 0; leg < c->legs; leg++)
		if (c->answer[leg] && !all)
			narrowed |= BIT(leg);

	KUNIT_EXPECT_EQ(test, all, c->rejected_by_all);
	KUNIT_EXPECT_EQ(test, narrowed, c->narrowed);
	/* R1BIO_Uptodate: some in-sync leg stored it */
	KUNIT_EXPECT_EQ(test, stored, c->acked);
	if (all)
		KUNIT_EXPECT_EQ(test,
				raid1_fold_status(BLK_STS_OK, c->answer[0], true),
				c->answer[0]);
}

static struct kunit_case md_raid1_10_write_request_cases[] = {
	KUNIT_CASE_PARAM(raid1_write_request_verdict, write_request_gen_params),
	{}
};

static struct kunit_suite md_raid1_10_write_request_suite = {
	.name = "md_raid1_10_write_request",
	.test_cases = md_raid1_10_write_request_cases,
};

kunit_test_suites(&md_raid1_10_rejection_suite, &md_raid1_10_read_leg_suite,
		  &md_raid1_10_read_request_suite,
		  &md_raid1_10_write_request_suite);
