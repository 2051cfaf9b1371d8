// SPDX-License-Identifier: GPL-2.0
/*
 * rules.c - message patterns.
 *
 * mdc_rules() turns one kernel or daemon message into at most one event:
 * what happened (md reschedule, fault, block-layer error, sense key ...),
 * on which array/leg/device, and which cause the wording points at.  The
 * wordings and their kernel versions are listed in
 * Documentation/mdclassify-guide.rst; they are matched by literal
 * substrings, never by regular expressions, so each rule is cheap.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mdclassify.h"

#define has(s, lit) (strstr((s), (lit)) != NULL)

static void cpy(char *dst, size_t n, const char *s, size_t len)
{
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = 0;
}

/* copy a device-like token: stops at space , : ) ] ; ( */
static const char *devtok(const char *p, char *dst, size_t n)
{
	const char *s = p;

	while (*p && *p != ' ' && *p != ',' && *p != ':' && *p != ')' &&
	       *p != ']' && *p != ';' && *p != '(' && *p != '\t' &&
	       *p != '!' && *p != '\'' && *p != '"')
		p++;
	/* "sdb1." at the end of a sentence */
	if (p > s && p[-1] == '.' && (!*p || *p == ' '))
		cpy(dst, n, s, p - s - 1);
	else
		cpy(dst, n, s, p - s);
	return p;
}

/* copy up to a space; drop a trailing '.' or ',' */
static const char *spacetok(const char *p, char *dst, size_t n)
{
	const char *s = p;
	size_t l;

	while (*p && *p != ' ' && *p != '\t')
		p++;
	l = p - s;
	while (l && (s[l - 1] == '.' || s[l - 1] == ','))
		l--;
	cpy(dst, n, s, l);
	return p;
}

/* the first of two literals found in s */
static const char *strstr2(const char *s, const char *a, const char *b)
{
	const char *p = strstr(s, a);

	return p ? p : strstr(s, b);
}

static int set(struct mdc_event *ev, enum mdc_ev k, enum mdc_sig sig,
	       int strength, const char *why)
{
	ev->kind = k;
	ev->sig = sig;
	ev->strength = strength;
	ev->why = why;
	return 1;
}

static unsigned long long num_after(const char *s, const char *lit, int *ok)
{
	const char *p = strstr(s, lit);

	if (!p) {
		if (ok)
			*ok = 0;
		return 0;
	}
	p += strlen(lit);
	if (ok)
		*ok = isdigit((unsigned char)*p) || (*p == '0');
	return strtoull(p, NULL, 0);
}

/* md personality prefix: "md/raid1:md0: ", "md/raid:mdX: ", "raid1: " */
static const char *md_prefix(const char *m, struct mdc_event *ev)
{
	const char *p;

	if (!strncmp(m, "md/", 3)) {
		p = m + 3;
		if (!strncmp(p, "raid10:", 7)) {
			strcpy(ev->level, "raid10");
			p += 7;
		} else if (!strncmp(p, "raid1:", 6)) {
			strcpy(ev->level, "raid1");
			p += 6;
		} else if (!strncmp(p, "raid:", 5)) {
			strcpy(ev->level, "raid4/5/6");
			p += 5;
		} else if (!strncmp(p, "raid0:", 6)) {
			strcpy(ev->level, "raid0");
			p += 6;
		} else {
			return NULL;
		}
		p = devtok(p, ev->array, sizeof(ev->array));
		if (*p != ':')
			return NULL;
		p++;
		while (*p == ' ')
			p++;
		return p;
	}
	/* 2.6 wording: "raid1: ", "raid10: ", "raid10:md0: ", "raid5: " */
	if (!strncmp(m, "raid1", 5) || !strncmp(m, "raid5", 5) ||
	    !strncmp(m, "raid6", 5) || !strncmp(m, "raid4", 5)) {
		p = m + 5;
		if (*p == '0')
			p++;
		cpy(ev->level, sizeof(ev->level), m, p - m);
		if (!strcmp(ev->level, "raid5") || !strcmp(ev->level, "raid6") ||
		    !strcmp(ev->level, "raid4"))
			strcpy(ev->level, "raid4/5/6");
		if (*p != ':')
			return NULL;
		p++;
		if (*p != ' ') {	/* raid10:md0: */
			p = devtok(p, ev->array, sizeof(ev->array));
			if (*p != ':')
				return NULL;
			p++;
		}
		while (*p == ' ')
			p++;
		return p;
	}
	return NULL;
}

static int rule_md(const char *m, struct mdc_event *ev)
{
	const char *p = md_prefix(m, ev), *q;

	if (!p)
		return 0;
	q = strstr(p, "Disk failure on ");
	if (q) {
		devtok(q + 16, ev->dev, sizeof(ev->dev));
		return set(ev, EV_FAULT, SIG_NONE, 0, "md failed the device");
	}
	q = strstr(p, "Operation continuing on ");
	if (q) {
		ev->num = atol(q + 24);
		return set(ev, EV_CONTINUING, SIG_NONE, 0, NULL);
	}
	q = strstr(p, "Cannot continue operation (");
	if (q) {
		ev->num = atol(q + 27);
		return set(ev, EV_CANNOT_CONTINUE, SIG_NONE, 0,
			   "array cannot continue");
	}
	q = strstr(p, ": rescheduling sector ");
	if (q) {
		cpy(ev->dev, sizeof(ev->dev), p, q - p);
		ev->sector = strtoull(q + 22, NULL, 10);
		return set(ev, EV_RESCHED, SIG_NONE, 0, "read failed, retried");
	}
	q = strstr(p, "redirecting sector ");
	if (q) {
		ev->sector = strtoull(q + 19, NULL, 10);
		q = strstr(q, "mirror: ");
		if (q) {
			devtok(q + 8, ev->dev, sizeof(ev->dev));
		} else {
			q = strstr(p, ": redirecting");
			if (q && q > p)
				cpy(ev->dev, sizeof(ev->dev), p, q - p);
		}
		return set(ev, EV_REDIRECT, SIG_NONE, 0, NULL);
	}
	q = strstr(p, "read error corrected (");
	if (q) {
		q = strstr(q, " on ");
		if (q)
			devtok(q + 4, ev->dev, sizeof(ev->dev));
		return set(ev, EV_CORRECTED, SIG_NONE, 0,
			   "read error corrected by rewrite");
	}
	q = strstr(p, "unable to read back corrected sectors");
	if (q) {
		q = strstr(q, " on ");
		if (q)
			devtok(q + 4, ev->dev, sizeof(ev->dev));
		return set(ev, EV_DEVSIG, SIG_MEDIA, 1,
			   "rewritten sectors could not be read back");
	}
	q = strstr(p, ": unrecoverable I/O read error");
	if (q) {
		cpy(ev->dev, sizeof(ev->dev), p, q - p);
		return set(ev, EV_UNRECOV, SIG_NONE, 0,
			   "no mirror could serve the read");
	}
	q = strstr(p, "Raid device exceeded read_error threshold");
	if (q) {
		if (q > p + 2)
			cpy(ev->dev, sizeof(ev->dev), p, q - p - 2);
		ev->num = (long)num_after(q, "[cur ", NULL);
		ev->num2 = (long)num_after(q, ":max ", NULL);
		return set(ev, EV_THRESHOLD, SIG_NONE, 0, NULL);
	}
	q = strstr(p, ": Failing raid device");
	if (q) {
		cpy(ev->dev, sizeof(ev->dev), p, q - p);
		return set(ev, EV_FAILING, SIG_NONE, 0, NULL);
	}
	q = strstr(p, "Too many read errors, failing device ");
	if (q) {
		devtok(q + 37, ev->dev, sizeof(ev->dev));
		return set(ev, EV_FAILING, SIG_NONE, 0, NULL);
	}
	q = strstr2(p, "read error not correctable (",
		    "read error NOT corrected!! (");
	if (q) {
		q = strstr(q, " on ");
		if (q)
			devtok(q + 4, ev->dev, sizeof(ev->dev));
		return set(ev, EV_NOTCORR, SIG_NONE, 0,
			   "read error not correctable");
	}
	if (strstr(p, "active with ") || strstr(p, "not clean") ||
	    strstr(p, "operational as raid disk") || strstr(p, "raid level")) {
		q = strstr(p, "active with ");
		if (q) {
			ev->num = atol(q + 12);
			q = strstr(q, " out of ");
			ev->num2 = q ? atol(q + 8) : 0;
		}
		return set(ev, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL);
	}
	return 0;
}

static int rule_md_core(const char *m, struct mdc_event *ev)
{
	const char *p = m + 4, *q;

	q = strstr(p, "super_written gets error=");
	if (q) {
		ev->num = atol(q + 25);
		return set(ev, EV_SUPERWRITE, SIG_NONE, 0,
			   "superblock write failed");
	}
	q = strstr(p, "kicking non-fresh ");
	if (q) {
		devtok(q + 18, ev->dev, sizeof(ev->dev));
		return set(ev, EV_KICKED, SIG_NONE, 0,
			   "stale member left out at assembly");
	}
	if (strstr(p, "data-check") || strstr(p, "resync") ||
	    strstr(p, "recovery") || strstr(p, "bind<") ||
	    strstr(p, "export_rdev") || strstr(p, "superblock") ||
	    strstr(p, "Autodetecting") || strstr(p, "delaying")) {
		q = strstr(p, "RAID array ");
		if (q)
			devtok(q + 11, ev->array, sizeof(ev->array));
		return set(ev, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL);
	}
	return 0;
}

/* "%s error, dev %s, sector %llu op 0x%x:(%s) flags 0x%x phys_seg %u" */
static int rule_blk(const char *m, struct mdc_event *ev)
{
	const char *q = strstr(m, " error, dev "), *s = m, *p;
	char status[48];
	char op[24] = "";
	int ok, zero_seg = 0, flush;
	unsigned long flags;

	if (!q)
		return 0;
	/* caller prefixes of older kernels */
	p = strstr(m, ": ");
	if (p && p < q)
		s = p + 2;
	cpy(status, sizeof(status), s, q - s);
	p = devtok(q + 12, ev->dev, sizeof(ev->dev));
	ev->sector = num_after(p, "sector ", NULL);
	p = strstr(p, ":(");
	if (p) {
		const char *e = strchr(p, ')');

		if (e)
			cpy(op, sizeof(op), p + 2, e - p - 2);
	}
	cpy(ev->dev2, sizeof(ev->dev2), op, strlen(op));
	ev->num = (long)num_after(m, "phys_seg ", &ok);
	if (ok && ev->num == 0)
		zero_seg = 1;
	flags = num_after(m, " flags ", NULL);
	flush = (flags & 0x800) != 0;	/* REQ_PREFLUSH (5.x+) */
	ev->kind = EV_DEVSIG;

	if (!strcmp(status, "critical medium"))
		return set(ev, EV_DEVSIG, SIG_MEDIA, 3, "critical medium error");
	if (!strcmp(status, "recoverable transport") ||
	    !strcmp(status, "timeout") || !strcmp(status, "device offline"))
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
			   "block layer reports a path/timeout error");
	if (!strcmp(status, "critical nexus") ||
	    !strcmp(status, "reservation conflict"))
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 1,
			   "reservation conflict (path/cluster)");
	if (!strcmp(status, "invalid"))
		return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
			   "block layer rejected the request as invalid (BLK_STS_INVAL)");
	if (!strcmp(status, "operation not supported")) {
		if (!strcmp(op, "DISCARD") || !strcmp(op, "WRITE_ZEROES") ||
		    !strcmp(op, "WRITE_SAME") || !strcmp(op, "SECURE_ERASE"))
			return set(ev, EV_DEVSIG, SIG_BENIGN, 2,
				   "optional command not supported (discard/write-zeroes)");
		if (!strcmp(op, "READ") || !strcmp(op, "WRITE"))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
				   "device rejected a READ/WRITE as not supported (malformed request)");
		return set(ev, EV_DEVSIG, SIG_REQUEST, 1,
			   "operation not supported");
	}
	if (!strcmp(status, "critical target"))
		return set(ev, EV_DEVSIG, SIG_REQUEST, 1,
			   "target rejected the command (critical target error)");
	if (!strcmp(status, "protection"))
		return set(ev, EV_DEVSIG, SIG_PROTECTION, 2,
			   "protection information mismatch");
	if (zero_seg && (!strcmp(op, "READ") || (!strcmp(op, "WRITE") && !flush)))
		return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
			   "data request with no data segments (phys_seg 0)");
	if (!strcmp(status, "I/O"))
		return set(ev, EV_DEVSIG, SIG_IOERR, 1, "I/O error");
	return set(ev, EV_DEVSIG, SIG_IOERR, 1, "block error");
}

/* "nvme1n1: Read(0x2) @ LBA 935446535, 0 blocks, I/O Error (sct 0x0 / sc 0x2)" */
static int rule_nvme(const char *m, struct mdc_event *ev)
{
	const char *q;
	unsigned long sct, sc;

	q = strstr(m, "(sct 0x");
	if (q) {
		const char *c = strchr(m, ':');
		int io = strstr(m, " @ LBA ") != NULL;

		if (c && c < q)
			cpy(ev->dev, sizeof(ev->dev), m, c - m);
		sct = strtoul(q + 5, NULL, 16);
		q = strstr(q, "sc 0x");
		sc = q ? strtoul(q + 3, NULL, 16) : 0;
		ev->num = (long)sct;
		ev->num2 = (long)sc;
		if (!io)
			return set(ev, EV_DEVSIG, SIG_BENIGN, 1,
				   "NVMe admin command error (probing)");
		if (strstr(m, ", 0 blocks"))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
				   "zero-length NVMe command (0 blocks)");
		if (sct == 0 && (sc == 1 || sc == 2 || sc == 0xb || sc == 0x80))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
				   "NVMe Invalid Field/Opcode (sct 0x0): the command was malformed");
		if (sct == 2 && sc >= 0x82 && sc <= 0x84)
			return set(ev, EV_DEVSIG, SIG_PROTECTION, 2,
				   "NVMe protection information check failed");
		if (sct == 2)
			return set(ev, EV_DEVSIG, SIG_MEDIA, 3,
				   "NVMe media error (sct 0x2)");
		if (sct == 3)
			return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
				   "NVMe path error / command aborted (sct 0x3)");
		return set(ev, EV_DEVSIG, SIG_IOERR, 1, "NVMe I/O error");
	}
	q = strstr2(m, "no available path", "no usable path");
	if (q) {
		const char *p = m;

		if (!strncmp(p, "block ", 6))
			p += 6;
		if (q > p)
			devtok(p, ev->dev, sizeof(ev->dev));
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
			   "no available path to the namespace");
	}
	if (!strncmp(m, "nvme nvme", 9) &&
	    (strstr(m, "timeout") || strstr(m, "controller is down") ||
	     strstr(m, "aborting reset") || strstr(m, "Removing after probe") ||
	     strstr(m, "Disabling device after reset") ||
	     strstr(m, "starting error recovery") || strstr(m, "Reconnecting"))) {
		devtok(m + 5, ev->dev, sizeof(ev->dev));
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
			   "NVMe command timeout / controller reset");
	}
	return 0;
}

/* "sd 1:0:1:0: [sdb] ..." */
static int rule_scsi(const char *m, struct mdc_event *ev)
{
	const char *p = m + 3, *q, *b;
	char hctl[32] = "";

	{
		const char *h = p;

		while (isdigit((unsigned char)*p) || *p == ':')
			p++;
		if (p - h < 8 || p[-1] != ':' || *p != ' ')
			return 0;
		cpy(hctl, sizeof(hctl), h, p - h - 1);
	}
	while (*p == ' ')
		p++;
	b = p;
	if (*p == '[') {
		p = devtok(p + 1, ev->dev, sizeof(ev->dev));
		if (*p == ']')
			p++;
		cpy(ev->dev2, sizeof(ev->dev2), hctl, strlen(hctl));
	} else {
		/* no [sdX]: keep the H:C:T:L, resolved later */
		snprintf(ev->dev, sizeof(ev->dev), "%s", hctl);
	}
	(void)b;
	q = strstr(p, "Sense Key : ");
	if (q) {
		q += 12;
		if (!strncmp(q, "Medium Error", 12))
			return set(ev, EV_DEVSIG, SIG_MEDIA, 3,
				   "SCSI sense: Medium Error");
		if (!strncmp(q, "Illegal Request", 15))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
				   "SCSI sense: Illegal Request");
		if (!strncmp(q, "Hardware Error", 14))
			return set(ev, EV_DEVSIG, SIG_MEDIA, 1,
				   "SCSI sense: Hardware Error");
		if (!strncmp(q, "Not Ready", 9) ||
		    !strncmp(q, "Aborted Command", 15))
			return set(ev, EV_DEVSIG, SIG_TRANSPORT, 1,
				   "SCSI sense: Not Ready / Aborted Command");
		if (!strncmp(q, "Data Protect", 12))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 1,
				   "SCSI sense: Data Protect");
		return set(ev, EV_DEVSIG, SIG_NONE, 0, NULL);
	}
	q = strstr2(p, "Add. Sense: ", "ASC=0x");
	if (q) {
		if (strstr(q, "Unrecovered read error") ||
		    strstr(q, "Unrecovered Read Error") ||
		    strstr(q, "ASC=0x11 ") || strstr(q, "No defect spare") ||
		    strstr(q, "Record not found"))
			return set(ev, EV_DEVSIG, SIG_MEDIA, 3,
				   "SCSI additional sense: unrecovered read error / no spare");
		if (strstr(q, "Invalid field in cdb") ||
		    strstr(q, "Invalid field in CDB") ||
		    strstr(q, "Invalid command operation code") ||
		    strstr(q, "Logical block address out of range") ||
		    strstr(q, "Unaligned write command") ||
		    strstr(q, "Invalid field in parameter list"))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 3,
				   "SCSI additional sense: invalid request");
		if (strstr(q, "not ready") || strstr(q, "hard reset"))
			return set(ev, EV_DEVSIG, SIG_TRANSPORT, 1,
				   "SCSI additional sense: logical unit not ready");
		return set(ev, EV_DEVSIG, SIG_NONE, 0, NULL);
	}
	q = strstr(p, "hostbyte=");
	if (q) {
		q += 9;
		if (!strncmp(q, "DID_NO_CONNECT", 14) ||
		    !strncmp(q, "DID_BAD_TARGET", 14) ||
		    !strncmp(q, "DID_TIME_OUT", 12) ||
		    !strncmp(q, "DID_TRANSPORT", 13) ||
		    !strncmp(q, "DID_ABORT", 9) || !strncmp(q, "DID_RESET", 9) ||
		    !strncmp(q, "DID_BUS_BUSY", 12))
			return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
				   "SCSI host byte: no connection / timeout / reset");
		if (!strncmp(q, "DID_MEDIUM_ERROR", 16))
			return set(ev, EV_DEVSIG, SIG_MEDIA, 3,
				   "SCSI host byte: medium error");
		if (!strncmp(q, "DID_TARGET_FAILURE", 18))
			return set(ev, EV_DEVSIG, SIG_REQUEST, 1,
				   "SCSI host byte: target failure");
		if (!strncmp(q, "DID_ERROR", 9))
			return set(ev, EV_DEVSIG, SIG_TRANSPORT, 1,
				   "SCSI host byte: host adapter error");
		return set(ev, EV_DEVSIG, SIG_NONE, 0, NULL);
	}
	if (strstr(p, "rejecting I/O to offline device") ||
	    strstr(p, "Device offlined") || strstr(p, "timing out command") ||
	    strstr(p, "device reset") || strstr(p, "bus reset"))
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
			   "SCSI device offline / reset / command timeout");
	if (ev->dev2[0])
		return set(ev, EV_HCTL, SIG_NONE, 0, NULL);
	return 0;
}

/* "ata3.00: ..." "ata4: ..." */
static int rule_ata(const char *m, struct mdc_event *ev)
{
	const char *p;

	p = devtok(m, ev->dev, sizeof(ev->dev));
	if (*p != ':')
		return 0;
	p++;
	if (strstr(p, "(media error)") || strstr(p, "{ UNC }") ||
	    strstr(p, " UNC ") || strstr(p, "{ UNC IDNF }"))
		return set(ev, EV_DEVSIG, SIG_MEDIA, 3,
			   "ATA uncorrectable read (UNC / media error)");
	if (strstr(p, "(timeout)") || strstr(p, "(ATA bus error)") ||
	    strstr(p, "(host bus error)") || strstr(p, "(HSM violation)") ||
	    strstr(p, "ICRC") || strstr(p, "hard resetting link") ||
	    strstr(p, "soft resetting link") || strstr(p, "SATA link down") ||
	    strstr(p, "link is slow to respond") ||
	    strstr(p, "COMRESET failed") || strstr(p, "SRST failed") ||
	    strstr(p, "softreset failed") || strstr(p, "reset failed") ||
	    strstr(p, "limiting SATA link speed") ||
	    strstr(p, "PHY RDY changed") || strstr(p, "PHYRdyChg") ||
	    strstr(p, "failed to IDENTIFY") ||
	    strstr(p, "revalidation failed") || strstr(p, ": disabled") ||
	    !strcmp(p, " disabled") || strstr(p, "frozen"))
		return set(ev, EV_DEVSIG, SIG_TRANSPORT, 2,
			   "ATA link reset / PHY change / command timeout");
	return 0;
}

/* dm-mirror kernel side: "device-mapper: raid1: ..." */
static int rule_dm(const char *m, struct mdc_event *ev)
{
	const char *p = m + 15, *q;

	if (!strncmp(p, "raid1: ", 7)) {
		strcpy(ev->level, "mirror");
		strcpy(ev->array, "dm-mirror");
		p += 7;
		q = strstr2(p, "mirror device ", "read failed from ");
		if (q) {
			q = strchr(q + 10, ' ');
			if (q && !strncmp(q, " from ", 6))
				q += 5;
			if (q)
				spacetok(q + 1, ev->dev, sizeof(ev->dev));
			return set(ev, EV_MIRROR_FAIL, SIG_NONE, 0,
				   "dm-mirror failed a leg after a read error");
		}
		q = strstr(p, "Primary mirror (");
		if (q) {
			q += 16;
			devtok(q, ev->dev, sizeof(ev->dev));
			if (q[strlen(ev->dev)] == ':')
				spacetok(q, ev->dev, sizeof(ev->dev));
			if (ev->dev[0] && ev->dev[strlen(ev->dev) - 1] == ')')
				ev->dev[strlen(ev->dev) - 1] = 0;
			return set(ev, EV_MIRROR_FAIL, SIG_NONE, 0,
				   "dm-mirror primary leg failed");
		}
		if (strstr(p, "recovery") || strstr(p, "All sides") ||
		    strstr(p, "Mirror read failed"))
			return set(ev, EV_MIRROR_FAIL, SIG_NONE, 0,
				   "dm-mirror recovery/read failure");
		return 0;
	}
	if (!strncmp(p, "integrity: ", 11)) {
		if (strstr(p, "not aligned"))
			return set(ev, EV_GLOBALSIG, SIG_REQUEST, 3,
				   "dm-integrity rejected a misaligned bio");
		if (strstr(p, "Checksum failed")) {
			q = p + 11;
			devtok(q, ev->dev, sizeof(ev->dev));
			return set(ev, EV_DEVSIG, SIG_MEDIA, 1,
				   "dm-integrity checksum mismatch");
		}
		return 0;
	}
	if (!strncmp(p, "raid: ", 6)) {
		strcpy(ev->array, "mdX");
		q = strstr(p, "specified for rebuild");
		if (q)
			return set(ev, EV_REBUILD, SIG_NONE, 0,
				   "dm-raid rebuilds a leg (lvconvert --repair/--replace)");
		return set(ev, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL);
	}
	return 0;
}

/* dm name "vg0-iris_boot" -> "vg0/iris_boot" ("--" is an escaped '-') */
static void dmname_to_lv(const char *s, char *dst, size_t n)
{
	size_t o = 0;

	for (; *s && o + 2 < n; s++) {
		if (*s == '-' && s[1] == '-') {
			dst[o++] = '-';
			s++;
		} else if (*s == '-') {
			dst[o++] = '/';
		} else {
			dst[o++] = *s;
		}
	}
	dst[o] = 0;
}

/* lvm2 dmeventd plugins */
static int rule_lvm(const char *m, struct mdc_event *ev)
{
	const char *q, *e;
	char name[96];

	if (!strncmp(m, "WARNING: ", 9))
		m += 9;
	q = strstr(m, " array, ");
	if (!strncmp(m, "Device #", 8) && q) {
		ev->num = atol(m + 8);
		q += 8;
		e = strchr(q, ',');
		if (!e)
			return 0;
		cpy(name, sizeof(name), q, e - q);
		dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		if (strstr(e, "has failed"))
			return set(ev, EV_LVFAIL, SIG_NONE, 0,
				   "dmeventd: RAID LV device failed");
		return 0;
	}
	q = strstr(m, "mirror device ");
	if (q && (strstr(m, "Primary") || strstr(m, "Secondary"))) {
		strcpy(ev->array, "dm-mirror");
		strcpy(ev->level, "mirror");
		spacetok(q + 14, ev->dev, sizeof(ev->dev));
		return set(ev, EV_MIRROR_FAIL, SIG_NONE, 0,
			   "dmeventd: mirror device failed");
	}
	q = strstr(m, "lvconvert --repair ");
	if (q) {
		devtok(q + 19, ev->dev2, sizeof(ev->dev2));
		return set(ev, EV_LVNAME, SIG_NONE, 0, NULL);
	}
	q = strstr2(m, " is now in-sync", " is not in-sync");
	if (q) {
		const char *s = q;

		while (s > m && s[-1] != ' ')
			s--;
		cpy(name, sizeof(name), s, q - s);
		if (name[0] && name[strlen(name) - 1] == ',')
			name[strlen(name) - 1] = 0;
		dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		return set(ev, EV_LVNAME, SIG_NONE, 0, NULL);
	}
	q = strstr(m, "repair on RAID device ");
	if (q) {
		q += 22;
	} else {
		q = strstr(m, "Device failure in ");
		if (q)
			q += 18;
	}
	if (q) {
		spacetok(q, name, sizeof(name));
		dmname_to_lv(name, ev->dev2, sizeof(ev->dev2));
		return set(ev, EV_LVNAME, SIG_NONE, 0, NULL);
	}
	return 0;
}

static int storage_text(const char *s)
{
	static const char *const k[] = {
		"md_", "raid1", "raid10", "raid5", "raid456", "dm_", "dm-",
		"mirror", "kcopyd", "kmirrord", "blk_", "bio_", "submit_bio",
		"nvme", "scsi", "ata_", "sd_", "drivers/md/", "block/",
		"drivers/nvme", "drivers/scsi", "drivers/ata", "[md_mod]",
		"[raid1]", "[dm_mod]", "[dm_mirror]", "_raid", "integrity",
		NULL
	};
	int i;

	for (i = 0; k[i]; i++)
		if (strstr(s, k[i]))
			return 1;
	return 0;
}

static int rule_software(const char *m, struct mdc_event *ev)
{
	const char *q;

	if (!strncmp(m, "Oops", 4) || !strncmp(m, "BUG: ", 5) ||
	    !strncmp(m, "kernel BUG at", 13) || !strncmp(m, "KASAN: ", 7) ||
	    strstr(m, "BUG: KASAN") || !strncmp(m, "WARNING: ", 9) ||
	    !strncmp(m, "Unable to handle kernel", 23) ||
	    !strncmp(m, "general protection fault", 24) ||
	    (!strncmp(m, "INFO: task ", 11) && strstr(m, "blocked for more than"))) {
		/* WARNING: lines from lvm are not kernel warnings */
		if (!strncmp(m, "WARNING: ", 9) && !strstr(m, "CPU:") &&
		    !strstr(m, " at "))
			return 0;
		ev->storage = storage_text(m);
		cpy(ev->dev2, sizeof(ev->dev2), m, strlen(m));
		return set(ev, EV_SW_START, SIG_SOFTWARE, 2,
			   "kernel bug report");
	}
	/* a reporter's note such as "[kernel oops in dm_mirror ...]" */
	q = strstr2(m, "oops", "Oops");
	if (q && storage_text(m)) {
		ev->storage = 1;
		cpy(ev->dev2, sizeof(ev->dev2), m, strlen(m));
		return set(ev, EV_SW_START, SIG_SOFTWARE, 1,
			   "kernel oops in the storage path (trace not in the log)");
	}
	return 0;
}

static int rule_admin(const char *m, struct mdc_event *ev)
{
	const char *q;

	/* sudo: ... COMMAND=/sbin/mdadm /dev/md0 --fail /dev/sdb1 */
	q = strstr(m, "COMMAND=");
	if (q && strstr(q, "mdadm") &&
	    (strstr(q, "--fail") || strstr(q, " -f ") ||
	     strstr(q, "--set-faulty") || strstr(q, "--remove") ||
	     strstr(q, " -r "))) {
		const char *d = strstr(q, "/dev/md");

		if (d)
			devtok(d + 5, ev->array, sizeof(ev->array));
		d = strrchr(q, ' ');
		if (d && !strncmp(d + 1, "/dev/", 5))
			devtok(d + 6, ev->dev, sizeof(ev->dev));
		return set(ev, EV_ADMIN, SIG_ADMIN, 3,
			   "operator ran mdadm --fail/--remove");
	}
	/* mdadm: set /dev/sdb1 faulty in /dev/md0 */
	q = strstr(m, "set /dev/");
	if (q && strstr(m, " faulty in /dev/")) {
		devtok(q + 9, ev->dev, sizeof(ev->dev));
		q = strstr(m, " faulty in /dev/");
		devtok(q + 16, ev->array, sizeof(ev->array));
		return set(ev, EV_ADMIN, SIG_ADMIN, 3,
			   "operator set the device faulty (mdadm)");
	}
	q = strstr(m, "hot removed /dev/");
	if (q) {
		devtok(q + 17, ev->dev, sizeof(ev->dev));
		q = strstr(m, " from /dev/");
		if (q)
			devtok(q + 11, ev->array, sizeof(ev->array));
		return set(ev, EV_ADMIN, SIG_ADMIN, 2,
			   "operator removed the device (mdadm)");
	}
	return 0;
}

int mdc_rules(const char *m, size_t len, const char *tag,
	      struct mdc_event *ev)
{
	const char *q;

	memset(ev, 0, sizeof(*ev));
	(void)len;
	while (*m == ' ' || *m == '\t')
		m++;

	if (tag && (!strcmp(tag, "dmeventd") || !strncmp(tag, "lvm", 3))) {
		if (rule_lvm(m, ev))
			return 1;
	}
	if (tag && !strcmp(tag, "sudo"))
		return rule_admin(m, ev);
	if (!strncmp(m, "Linux version ", 14)) {
		devtok(m + 14, ev->dev2, sizeof(ev->dev2));
		return set(ev, EV_VERSION, SIG_NONE, 0, NULL);
	}
	q = strstr(m, " callbacks suppressed");
	if (q) {
		const char *s = q;

		while (s > m && isdigit((unsigned char)s[-1]))
			s--;
		ev->num = atol(s);
		if (s - m > 2)
			cpy(ev->dev2, sizeof(ev->dev2), m, s - m - 2);
		if (!strncmp(m, "raid1", 5) || !strncmp(m, "raid10", 6))
			strcpy(ev->array, "mdX?");
		return set(ev, EV_SUPPRESSED, SIG_NONE, 0, NULL);
	}
	if (!strncmp(m, "md/", 3) || !strncmp(m, "raid1", 5) ||
	    !strncmp(m, "raid5", 5) || !strncmp(m, "raid6", 5) ||
	    !strncmp(m, "raid4", 5)) {
		if (rule_md(m, ev))
			return 1;
		memset(ev, 0, sizeof(*ev));
	}
	if (!strncmp(m, "md: ", 4))
		return rule_md_core(m, ev);
	if (!strncmp(m, "device-mapper: ", 15))
		return rule_dm(m, ev);
	if (!strncmp(m, "sd ", 3) && isdigit((unsigned char)m[3]))
		return rule_scsi(m, ev);
	if (!strncmp(m, "ata", 3) && isdigit((unsigned char)m[3]))
		return rule_ata(m, ev);
	if (strstr(m, " error, dev "))
		return rule_blk(m, ev);
	if (!strncmp(m, "Buffer I/O error on dev", 23) ||
	    !strncmp(m, "Buffer I/O error on device", 26)) {
		q = m + 23;
		if (!strncmp(q, "ice", 3))
			q += 3;
		devtok(q + 1, ev->dev, sizeof(ev->dev));
		return set(ev, EV_DEVSIG, SIG_IOERR, 1,
			   "buffer I/O error (a consequence, not a cause)");
	}
	if (strstr(m, "nvme") || strstr(m, "(sct 0x")) {
		if (rule_nvme(m, ev))
			return 1;
		memset(ev, 0, sizeof(*ev));
	}
	if (!strncmp(m, "Result: hostbyte=", 17)) {
		/* split SCSI line of old kernels; device from the line before */
		if (strstr(m, "DID_NO_CONNECT") || strstr(m, "DID_BAD_TARGET") ||
		    strstr(m, "DID_TIME_OUT"))
			return set(ev, EV_GLOBALSIG, SIG_TRANSPORT, 1,
				   "SCSI host byte: no connection / timeout");
		return 0;
	}
	if (strstr(m, "controller is offline") ||
	    strstr(m, "controller offline") ||
	    strstr(m, "USB disconnect") ||
	    (strstr(m, "LogInfo(") && strstr(m, "Code={Reset}")) ||
	    strstr(m, "Controller reset") || strstr(m, "adapter reset"))
		return set(ev, EV_GLOBALSIG, SIG_TRANSPORT, 2,
			   "controller offline / reset / USB disconnect");
	q = strstr(m, "attempt to access beyond end of device");
	if (q)
		return set(ev, EV_GLOBALSIG, SIG_REQUEST, 1,
			   "request beyond the end of the device");
	if (rule_software(m, ev))
		return 1;
	if (rule_admin(m, ev))
		return 1;
	q = strstr(m, "Fail event detected on md device /dev/");
	if (tag && !strcmp(tag, "mdadm") && q) {
		devtok(q + 38, ev->array, sizeof(ev->array));
		q = strstr(q, "component device /dev/");
		if (q)
			devtok(q + 22, ev->dev, sizeof(ev->dev));
		return set(ev, EV_FAULT, SIG_NONE, 0,
			   "mdadm monitor saw a Fail event");
	}
	if (tag && !strcmp(tag, "smartd") &&
	    (strstr(m, "Currently unreadable (pending) sectors") ||
	     strstr(m, "Offline uncorrectable sectors"))) {
		q = strstr(m, "/dev/");
		if (q)
			devtok(q + 5, ev->dev, sizeof(ev->dev));
		return set(ev, EV_DEVSIG, SIG_MEDIA, 2,
			   "SMART: pending/uncorrectable sectors");
	}
	if (tag && (!strcmp(tag, "dmeventd") || !strncmp(tag, "lvm", 3)))
		return 0;
	/* untagged dmeventd text in pastes */
	if (!strncmp(m, "Device #", 8) || strstr(m, "mirror device ") ||
	    strstr(m, "lvconvert --repair") || strstr(m, " is now in-sync") ||
	    strstr(m, "repair on RAID device"))
		return rule_lvm(m, ev);
	return 0;
}
