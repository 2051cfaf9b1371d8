// SPDX-License-Identifier: GPL-2.0
/*
 * dm-vmerr: TEST-ONLY device-mapper target used by the project's VM harness
 * (kunit/vm). It maps linearly onto one device and, when armed, completes
 * chosen ops on a chosen sector range with a chosen blk_status_t (e.g.
 * BLK_STS_INVAL, which NVMe fault injection cannot produce).
 *
 * Table:    <dev_path> <offset> [align <mask>]
 *           align: a leg with a stricter dma_alignment than the device below
 *           (advertised in io_hints); a data bio with a segment whose memory
 *           offset is not aligned to mask+1 completes with BLK_STS_INVAL, as
 *           blk-mq's bio_split_to_limits() check does (counted in strict=).
 *           Lengths are not checked: md and LVM write 512-byte metadata.
 * Messages: arm <read|write|any> <sector> <nr_sectors> <status> <count> [heal]
 *             status: notsupp|inval|medium|ioerr|<number>; count -1 = unlimited;
 *             or hold: matching bios are held, not completed, until the rule
 *             is disarmed or replaced, or this device is suspended, which
 *             disarms it for good (stalls a resync at a chosen region; a
 *             suspend of a mirror above waits for its held recovery write,
 *             so lvconvert, lvchange --refresh or vgchange -an there hang
 *             until the rule is disarmed);
 *             heal: a successful write overlapping the range disarms the rule
 *             (models a media error that a rewrite repairs).
 *           disarm             (submits the held bios)
 *           reset              (zero the counters)
 * Status:   armed=<0|1> op=<..> start=<s> len=<n> status=<n> left=<n> hits=<n> seen=<n>
 *           strict=<n> hold=<0|1> held=<n>
 *           hits = bios failed (or held) by the rule, seen = bios of the armed
 *           op that overlapped the range (failed or not), held = bios held now.
 * Never build this into a production kernel.
 */
#include <linux/module.h>
#include <linux/device-mapper.h>
#include <linux/bio.h>
#include <linux/spinlock.h>

#define DM_MSG_PREFIX "vmerr"

enum { OP_READ, OP_WRITE, OP_ANY };

struct vmerr_c {
	struct dm_dev *dev;
	sector_t start;
	spinlock_t lock;	/* the rule, its counters and the held bios */
	bool armed, heal, hold;
	int op;
	sector_t rs, rlen;
	blk_status_t status;
	long left;
	unsigned long hits, seen;
	unsigned int align;
	unsigned long strict;
	struct bio_list held;	/* hold: bios mapped, not yet submitted */
	unsigned long nheld;
};

static int vmerr_ctr(struct dm_target *ti, unsigned int argc, char **argv)
{
	struct vmerr_c *vc;
	unsigned long long tmp;
	char dummy;
	int ret;

	if (argc != 2 && !(argc == 4 && !strcmp(argv[2], "align"))) {
		ti->error = "Invalid argument count";
		return -EINVAL;
	}
	vc = kzalloc(sizeof(*vc), GFP_KERNEL);
	if (!vc) {
		ti->error = "Cannot allocate context";
		return -ENOMEM;
	}
	spin_lock_init(&vc->lock);
	if (sscanf(argv[1], "%llu%c", &tmp, &dummy) != 1) {
		ti->error = "Invalid device sector";
		kfree(vc);
		return -EINVAL;
	}
	vc->start = tmp;
	if (argc == 4 && (kstrtouint(argv[3], 0, &vc->align) ||
			  (vc->align & (vc->align + 1)))) {
		ti->error = "Invalid align mask";
		kfree(vc);
		return -EINVAL;
	}
	ret = dm_get_device(ti, argv[0], dm_table_get_mode(ti->table), &vc->dev);
	if (ret) {
		ti->error = "Device lookup failed";
		kfree(vc);
		return ret;
	}
	ti->num_flush_bios = 1;
	ti->num_discard_bios = 1;
	ti->private = vc;
	return 0;
}

/* submit the bios a hold rule kept back; stop_hold: and disarm that rule */
static void vmerr_release(struct vmerr_c *vc, bool stop_hold)
{
	struct bio_list held;
	struct bio *bio;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (stop_hold && vc->hold)
		vc->armed = false;
	held = vc->held;
	bio_list_init(&vc->held);
	vc->nheld = 0;
	spin_unlock_irqrestore(&vc->lock, flags);
	while ((bio = bio_list_pop(&held)))
		submit_bio_noacct(bio);
}

/* a suspend waits for every bio in flight: a held one would never end */
static void vmerr_presuspend(struct dm_target *ti)
{
	vmerr_release(ti->private, true);
}

static void vmerr_dtr(struct dm_target *ti)
{
	struct vmerr_c *vc = ti->private;

	/* every table is suspended (presuspend: none held) before it goes */
	WARN_ON_ONCE(!bio_list_empty(&vc->held));
	dm_put_device(ti, vc->dev);
	kfree(vc);
}

static bool op_matches(int op, struct bio *bio)
{
	switch (op) {
	case OP_READ:
		return bio_op(bio) == REQ_OP_READ;
	case OP_WRITE:
		return bio_op(bio) == REQ_OP_WRITE;
	default:
		return bio_op(bio) == REQ_OP_READ || bio_op(bio) == REQ_OP_WRITE;
	}
}

static bool misaligned(struct bio *bio, unsigned int mask)
{
	struct bvec_iter iter;
	struct bio_vec bv;

	if (!mask || !bio_has_data(bio))
		return false;
	bio_for_each_bvec(bv, bio, iter)
		if (bv.bv_offset & mask)
			return true;
	return false;
}

static int vmerr_map(struct dm_target *ti, struct bio *bio)
{
	struct vmerr_c *vc = ti->private;
	sector_t s = dm_target_offset(ti, bio->bi_iter.bi_sector);
	sector_t n = bio_sectors(bio);
	blk_status_t st = BLK_STS_OK;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (misaligned(bio, vc->align)) {
#ifdef BLK_STS_INVAL
		st = BLK_STS_INVAL;
#else
		st = BLK_STS_IOERR;
#endif
		vc->strict++;
	} else if (vc->armed && op_matches(vc->op, bio) &&
	    s < vc->rs + vc->rlen && s + max_t(sector_t, n, 1) > vc->rs) {
		vc->seen++;
		if (vc->left) {
			vc->hits++;
			if (vc->left > 0)
				vc->left--;
			if (vc->hold) {
				bio_set_dev(bio, vc->dev->bdev);
				bio->bi_iter.bi_sector = vc->start + s;
				bio_list_add(&vc->held, bio);
				vc->nheld++;
				spin_unlock_irqrestore(&vc->lock, flags);
				return DM_MAPIO_SUBMITTED;
			}
			st = vc->status;
		}
	} else if (vc->armed && vc->heal && bio_op(bio) == REQ_OP_WRITE &&
		   s < vc->rs + vc->rlen && s + n > vc->rs) {
		vc->armed = false;
	}
	spin_unlock_irqrestore(&vc->lock, flags);

	if (st != BLK_STS_OK) {
		bio->bi_status = st;
		bio_endio(bio);
		return DM_MAPIO_SUBMITTED;
	}
	bio_set_dev(bio, vc->dev->bdev);
	if (bio_sectors(bio) || op_is_zone_mgmt(bio_op(bio)))
		bio->bi_iter.bi_sector = vc->start + s;
	return DM_MAPIO_REMAPPED;
}

static int parse_status(const char *a, blk_status_t *st)
{
	unsigned int v;

	if (!strcmp(a, "notsupp"))
		*st = BLK_STS_NOTSUPP;
#ifdef BLK_STS_INVAL
	else if (!strcmp(a, "inval"))
		*st = BLK_STS_INVAL;
#endif
	else if (!strcmp(a, "medium"))
		*st = BLK_STS_MEDIUM;
	else if (!strcmp(a, "ioerr"))
		*st = BLK_STS_IOERR;
	else if (!kstrtouint(a, 0, &v) && v)
		*st = (__force blk_status_t)v;
	else
		return -EINVAL;
	return 0;
}

static int vmerr_message(struct dm_target *ti, unsigned int argc, char **argv,
			 char *result, unsigned int maxlen)
{
	struct vmerr_c *vc = ti->private;
	unsigned long long rs, rlen;
	blk_status_t st;
	unsigned long flags;
	bool hold = false;
	long left;
	int op;

	if (argc == 1 && !strcasecmp(argv[0], "disarm")) {
		spin_lock_irqsave(&vc->lock, flags);
		vc->armed = false;
		spin_unlock_irqrestore(&vc->lock, flags);
		vmerr_release(vc, false);
		return 0;
	}
	if (argc == 1 && !strcasecmp(argv[0], "reset")) {
		spin_lock_irqsave(&vc->lock, flags);
		vc->hits = 0;
		vc->seen = 0;
		spin_unlock_irqrestore(&vc->lock, flags);
		return 0;
	}
	if ((argc != 6 && argc != 7) || strcasecmp(argv[0], "arm"))
		return -EINVAL;
	if (!strcmp(argv[1], "read"))
		op = OP_READ;
	else if (!strcmp(argv[1], "write"))
		op = OP_WRITE;
	else if (!strcmp(argv[1], "any"))
		op = OP_ANY;
	else
		return -EINVAL;
	if (!strcmp(argv[4], "hold")) {
		hold = true;
		st = BLK_STS_OK;
	} else if (parse_status(argv[4], &st)) {
		return -EINVAL;
	}
	if (kstrtoull(argv[2], 0, &rs) || kstrtoull(argv[3], 0, &rlen) || !rlen ||
	    kstrtol(argv[5], 0, &left))
		return -EINVAL;
	if (argc == 7 && (strcmp(argv[6], "heal") || hold))
		return -EINVAL;
	vmerr_release(vc, true);
	spin_lock_irqsave(&vc->lock, flags);
	vc->op = op;
	vc->rs = rs;
	vc->rlen = rlen;
	vc->status = st;
	vc->left = left;
	vc->heal = argc == 7;
	vc->hold = hold;
	vc->hits = 0;
	vc->seen = 0;
	vc->armed = true;
	spin_unlock_irqrestore(&vc->lock, flags);
	return 0;
}

static void vmerr_status(struct dm_target *ti, status_type_t type,
			 unsigned int status_flags, char *result, unsigned int maxlen)
{
	struct vmerr_c *vc = ti->private;
	unsigned int sz = 0;
	unsigned long flags;

	switch (type) {
	case STATUSTYPE_INFO:
		spin_lock_irqsave(&vc->lock, flags);
		DMEMIT("armed=%d op=%d start=%llu len=%llu status=%u left=%ld ",
		       vc->armed, vc->op, (unsigned long long)vc->rs,
		       (unsigned long long)vc->rlen, (__force unsigned int)vc->status,
		       vc->left);
		DMEMIT("hits=%lu seen=%lu strict=%lu hold=%d held=%lu",
		       vc->hits, vc->seen, vc->strict, vc->hold, vc->nheld);
		spin_unlock_irqrestore(&vc->lock, flags);
		break;
	case STATUSTYPE_TABLE:
		DMEMIT("%s %llu", vc->dev->name, (unsigned long long)vc->start);
		if (vc->align)
			DMEMIT(" align %u", vc->align);
		break;
	default:
		break;
	}
}

static int vmerr_iterate_devices(struct dm_target *ti, iterate_devices_callout_fn fn, void *data)
{
	struct vmerr_c *vc = ti->private;

	return fn(ti, vc->dev, vc->start, ti->len, data);
}

static void vmerr_io_hints(struct dm_target *ti, struct queue_limits *limits)
{
	struct vmerr_c *vc = ti->private;

	limits->dma_alignment |= vc->align;
}

static struct target_type vmerr_target = {
	.name = "vmerr",
	.version = {1, 1, 0},
	.module = THIS_MODULE,
	.ctr = vmerr_ctr,
	.dtr = vmerr_dtr,
	.map = vmerr_map,
	.presuspend = vmerr_presuspend,
	.message = vmerr_message,
	.status = vmerr_status,
	.iterate_devices = vmerr_iterate_devices,
	.io_hints = vmerr_io_hints,
};

static int __init vmerr_init(void)
{
	return dm_register_target(&vmerr_target);
}

static void __exit vmerr_exit(void)
{
	dm_unregister_target(&vmerr_target);
}

module_init(vmerr_init);
module_exit(vmerr_exit);
MODULE_DESCRIPTION("test-only dm target completing chosen bios with a chosen status");
MODULE_LICENSE("GPL");
