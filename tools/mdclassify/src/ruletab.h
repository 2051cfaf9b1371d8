/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ruletab.h - what mdclassify knows about kernel and daemon messages, as
 * data.  Included once, by rules.c (like smartmontools' drivedb.h).
 *
 * Review it line by line.  Each row is one wording:
 *
 *   family    which message the row belongs to (F_TOP rows pick the
 *             family from the start of the message; family rows are
 *             tried only on messages of their family)
 *   match     M_SUB pattern anywhere; M_PRE message starts with it;
 *             M_PRED message starts with it and a digit follows;
 *             M_EQ rest of the message equals it; M_STATUS the block
 *             layer status word equals it; M_NVME the (sct, sc) pair
 *             is in range
 *   pattern   the literal (M_NVME: unused)
 *   also      a second literal that must also be there (or NULL)
 *   anchor    the literal the scanner looks for: every line this row
 *             matches contains it ("%d" stands for each digit; NULL: the
 *             row has no anchor of its own and sees only lines that hold
 *             another row's anchor)
 *   kver      kernel (or tool) versions that print the wording
 *   field     where the device (and numbers) are in the message
 *   event     what happened
 *   sig       which cause the wording points at
 *   str       strength: 0 none, 1 weak, 2 clear, 3 unambiguous
 *   why       the text shown in reports
 *   note      why the row says what it says, and where the wording is
 *             printed (source file of the kernel or tool)
 *
 * Within a family the first row that matches wins: the order of the rows
 * is the precedence between them.  The precedence between the causes of
 * one incident is mdc_sig_precedence[] at the end, written once.
 */

/* families */
enum mdc_fam {
	F_TOP,		/* the message as a whole: picks the family */
	F_SCAN,		/* scanner-only: lines read for context, no event */
	F_MD,		/* md personalities, after "md/raidN:mdX: " / "raidN: " */
	F_MDCORE,	/* "md: " */
	F_BLK,		/* "<status> error, dev <dev>, sector ..." */
	F_NVME,		/* nvme I/O and admin status, "(sct 0x" */
	F_NVMECTL,	/* "nvme nvmeN: " controller events */
	F_SCSI,		/* "sd H:C:T:L: [sdX] " */
	F_ATA,		/* "ataN: ", "ataN.DD: " */
	F_IDE,		/* "hdX: " (drivers/ide, before 5.14) */
	F_DMMIRROR,	/* "device-mapper: raid1: " */
	F_DMINTEG,	/* "device-mapper: integrity: " */
	F_DMRAID,	/* "device-mapper: raid: " */
	F_LVM,		/* dmeventd / lvm plugins */
	F_SW,		/* kernel bug reports */
	F_ADMIN,	/* operator commands */
	F_NR
};

enum mdc_match { M_SUB, M_PRE, M_PRED, M_EQ, M_STATUS, M_NVME };

/* which messages (by syslog tag) a row applies to */
enum mdc_tagsel { T_ANY, T_LVM, T_SUDO, T_MDADM, T_SMARTD, T_NOT_LVM };

/* where the device and numbers are (see rules.c: extract()) */
enum mdc_field {
	X_NONE,
	X_FAMILY,	/* F_TOP: run the family in .sub */
	X_FAMILY_OR_ON,	/* F_TOP: run the family, go on when it matches nothing */
	X_AFTER,	/* device token right after the pattern */
	X_BEFORE,	/* device between the md prefix and the pattern */
	X_ON,		/* device after " on " following the pattern */
	X_FOR,		/* array after " for " following the pattern */
	X_MD_DONE,	/* "md: md0: recovery done.": the array */
	X_MIRROR_STATE,	/* dm-mirror: what the line says of the mirror */
	X_NUM,		/* number right after the pattern -> num */
	X_REDIRECT,	/* sector, then "mirror: DEV" or "DEV: redirecting" */
	X_THRESHOLD,	/* "DEV: Raid device exceeded ... [cur N:max M]" */
	X_ACTIVE,	/* "active with N out of M" */
	X_RAID_ARRAY,	/* "RAID array mdN" */
	X_OPS,		/* F_BLK: the op must be one of .also (space separated) */
	X_SEG0_DATA,	/* F_BLK: READ, or WRITE without PREFLUSH, phys_seg 0 */
	X_NVME_IO,	/* F_NVME: an I/O command (" @ LBA ") */
	X_NVME_ADMIN,	/* F_NVME: no LBA: an admin command */
	X_NVME_PATH,	/* "block nvme1n1: no available path" */
	X_NVME_CTRL,	/* "nvme nvme0: ..." */
	X_MIRROR_DEV,	/* dm-mirror "... device 253:3." */
	X_PRIMARY,	/* dm-mirror "Primary mirror (253:3) failed" */
	X_INTEG_DEV,	/* "device-mapper: integrity: dm-5: Checksum failed" */
	X_LV_DEVICE,	/* dmeventd "Device #N of raid1 array, VG-LV, has failed." */
	X_LV_MIRROR,	/* dmeventd "Primary mirror device 252:58 read failed." */
	X_LV_AFTER,	/* LV name (dm form) after the pattern */
	X_LV_REPAIR,	/* X_LV_AFTER, and did dmeventd's repair end well */
	X_LV_TAKEN,	/* X_LV_AFTER: the LV of the leg dmeventd takes out */
	X_LV_BEFORE,	/* LV name (dm form) before the pattern */
	X_SW,		/* kernel bug: title, storage path or not */
	X_SW_NOTE,	/* reporter's note "[oops in dm_mirror ...]" */
	X_SUDO,		/* COMMAND=... mdadm /dev/mdN --fail /dev/sdX */
	X_SET_FAULTY,	/* mdadm: set /dev/sdb1 faulty in /dev/md0 */
	X_HOT_REMOVED,	/* mdadm: hot removed /dev/sdb1 from /dev/md0 */
	X_FAIL_EVENT,	/* mdadm --monitor Fail event */
	X_DEVPATH,	/* first "/dev/NAME" */
	X_VERSION,	/* "Linux version X" */
	X_SUPPRESSED,	/* "raid1_end_read_request: 12 callbacks suppressed" */
	X_BUFIO,	/* "Buffer I/O error on dev(ice) NAME" */
	X_SCSI_HOST,	/* "scsi host2: ahci": num 2, dev2 the driver */
	X_MDNAME,	/* "md127: raid0 array ...": the array, level from the text */
	X_CDB,		/* "CDB: Write same(16) 93 ...": num the opcode */
	X_DMLOG,	/* "device-mapper: dirty region log: 253:2: ...": the log */
};

struct mdc_rule {
	unsigned char fam, match, tag, field;
	const char *pat, *also, *anchor, *kver;
	unsigned char event, sig;
	signed char str;
	unsigned char sub;		/* F_TOP: family to run */
	short sct, sc_lo, sc_hi;	/* M_NVME */
	const char *why, *note;
	const char *ops;		/* X_OPS: block layer ops, space separated */
};

/* a row; N() an NVMe status row (sct, sc range) */
#define R(fam, m, tag, pat, also, anchor, kver, field, ev, sig, str, why, note) \
	{ fam, m, tag, field, pat, also, anchor, kver, ev, sig, str, 0, 0, 0, 0, \
	  why, note, NULL }
#define TOP(m, tag, pat, also, anchor, field, sub, note) \
	{ F_TOP, m, tag, field, pat, also, anchor, NULL, EV_NONE, SIG_NONE, 0, \
	  sub, 0, 0, 0, NULL, note, NULL }
#define OPS(ops, kver, sig, str, why, note) \
	{ F_BLK, M_STATUS, T_ANY, X_OPS, "operation not supported", NULL, \
	  "rror, dev", kver, EV_DEVSIG, sig, str, 0, 0, 0, 0, why, note, ops }
#define N(sct, lo, hi, kver, sig, str, why, note) \
	{ F_NVME, M_NVME, T_ANY, X_NVME_IO, NULL, NULL, "nvme", kver, \
	  EV_DEVSIG, sig, str, 0, sct, lo, hi, why, note, NULL }

static const struct mdc_rule mdc_rule_table[] = {
/* ---- F_TOP: the family of the message, in this order ------------------ */
TOP(M_PRE, T_LVM, "", NULL, NULL, X_FAMILY_OR_ON, F_LVM,
    "dmeventd and lvm lines first (their WARNING: is no kernel warning)"),
TOP(M_PRE, T_SUDO, "", NULL, "COMMAND=", X_FAMILY, F_ADMIN,
    "sudo lines are operator commands only"),
R(F_TOP, M_PRE, T_ANY, "Linux version ", NULL, "Linux version", "all",
  X_VERSION, EV_VERSION, SIG_NONE, 0, NULL,
  "a boot; the kernel version (init/version.c linux_banner)"),
R(F_TOP, M_SUB, T_ANY, " callbacks suppressed", NULL, NULL, "2.6.35+",
  X_SUPPRESSED, EV_SUPPRESSED, SIG_NONE, 0, NULL,
  "printk_ratelimited dropped messages (lib/ratelimit.c); counted for md's raid1/raid10 read errors only"),
TOP(M_PRE, T_ANY, "md/", NULL, "md/raid", X_FAMILY_OR_ON, F_MD,
    "md personalities, 2.6.38+ wording (drivers/md/raid1.c, raid10.c, raid5.c, raid0.c)"),
TOP(M_PRE, T_ANY, "md/linear", NULL, "md/linear", X_FAMILY_OR_ON, F_MD,
    "md/linear, 5.19+ (drivers/md/md-linear.c linear_error prints \"md/linear%s:\", no colon before the array)"),
TOP(M_PRE, T_ANY, "raid1", NULL, "raid1", X_FAMILY_OR_ON, F_MD,
    "2.6 wording \"raid1: \", \"raid10: \", \"raid10:md0: \""),
TOP(M_PRE, T_ANY, "raid5", NULL, "raid5", X_FAMILY_OR_ON, F_MD, "2.6 wording"),
TOP(M_PRE, T_ANY, "raid6", NULL, "raid6", X_FAMILY_OR_ON, F_MD, "2.6 wording"),
TOP(M_PRE, T_ANY, "raid4", NULL, "raid4", X_FAMILY_OR_ON, F_MD, "2.6 wording"),
TOP(M_PRE, T_ANY, "md: ", NULL, "md: ", X_FAMILY, F_MDCORE,
    "md core (drivers/md/md.c)"),
TOP(M_PRE, T_ANY, "device-mapper: raid1: ", NULL, "device-mapper", X_FAMILY,
    F_DMMIRROR, "dm-mirror (drivers/md/dm-raid1.c)"),
TOP(M_PRE, T_ANY, "device-mapper: integrity: ", NULL, "device-mapper",
    X_FAMILY, F_DMINTEG, "dm-integrity (drivers/md/dm-integrity.c)"),
TOP(M_PRE, T_ANY, "device-mapper: raid: ", NULL, "device-mapper", X_FAMILY,
    F_DMRAID, "dm-raid (drivers/md/dm-raid.c)"),
R(F_TOP, M_PRE, T_ANY, "device-mapper: dirty region log: ",
  "header on dirty region log", "device-mapper", "2.6+", X_DMLOG,
  EV_MIRROR_FAIL, SIG_NONE, 0, "dm-log: the mirror's log device failed",
  "dm-log.c disk_resume(): \"Failed to read header\" / \"Failed to write header on dirty region log (device)\"; fail_log_device()"),
TOP(M_PRE, T_ANY, "device-mapper: ", NULL, "device-mapper", X_NONE, F_TOP,
    "other dm targets: nothing known"),
R(F_TOP, M_PRE, T_ANY, "scsi host", NULL, "scsi host", "2.6+", X_SCSI_HOST,
  EV_SCSI_HOST, SIG_NONE, 0, NULL,
  "\"scsi host2: ahci\": a libata driver's hosts are numbered in the order its \"ataN: SATA max\" lines follow: how ataN maps to sdX"),
TOP(M_PRED, T_ANY, "sd ", NULL, "sd ", X_FAMILY, F_SCSI,
    "SCSI disk (drivers/scsi/sd.c, scsi_logging.c, constants.c)"),
TOP(M_PRED, T_ANY, "ata", NULL, "ata%d", X_FAMILY, F_ATA,
    "libata (drivers/ata/libata-eh.c, libata-core.c)"),
TOP(M_PRE, T_ANY, "hd", NULL, NULL, X_FAMILY_OR_ON, F_IDE,
    "legacy IDE (drivers/ide, removed in 5.14): \"hda: ...\""),
R(F_TOP, M_PRED, T_ANY, "ide", ": reset", "ide%d: reset", "2.6-5.13",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "IDE channel reset", "drivers/ide/ide-iops.c: the channel was reset"),
TOP(M_SUB, T_ANY, " error, dev ", NULL, "rror, dev", X_FAMILY, F_BLK,
    "block layer completion errors (block/blk-core.c blk_print_req_error, 4.13+; end_request: before)"),
R(F_TOP, M_PRE, T_ANY, "Buffer I/O error on device", NULL, "I/O", "2.6+",
  X_BUFIO, EV_DEVSIG, SIG_IOERR, 1,
  "buffer I/O error (a consequence, not a cause)",
  "fs/buffer.c; what a reader above the block layer saw"),
R(F_TOP, M_PRE, T_ANY, "Buffer I/O error on dev", NULL, "I/O", "3.x+",
  X_BUFIO, EV_DEVSIG, SIG_IOERR, 1,
  "buffer I/O error (a consequence, not a cause)", "fs/buffer.c"),
TOP(M_SUB, T_ANY, "nvme", NULL, "nvme", X_FAMILY_OR_ON, F_NVME,
    "NVMe status (drivers/nvme/host/core.c nvme_log_error, 5.19+)"),
TOP(M_SUB, T_ANY, "(sct 0x", NULL, NULL, X_FAMILY_OR_ON, F_NVME,
    "NVMe status with a non-nvme device name"),
TOP(M_PRE, T_ANY, "nvme nvme", NULL, "nvme", X_FAMILY_OR_ON, F_NVMECTL,
    "NVMe controller events (drivers/nvme/host/pci.c, core.c, fabrics)"),
R(F_TOP, M_PRE, T_ANY, "Result: hostbyte=DID_NO_CONNECT", NULL, "Result:",
  "2.6-3.x", X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 1,
  "SCSI host byte: no connection / timeout",
  "split SCSI result line of old kernels; the device is on the line before"),
R(F_TOP, M_PRE, T_ANY, "Result: hostbyte=DID_BAD_TARGET", NULL, "Result:",
  "2.6-3.x", X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 1,
  "SCSI host byte: no connection / timeout", "as above"),
R(F_TOP, M_PRE, T_ANY, "Result: hostbyte=DID_TIME_OUT", NULL, "Result:",
  "2.6-3.x", X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 1,
  "SCSI host byte: no connection / timeout", "as above"),
TOP(M_PRE, T_ANY, "Result: hostbyte=", NULL, "Result:", X_NONE, F_TOP,
    "other split result lines: nothing known"),
R(F_TOP, M_PRE, T_ANY, "Sense Key : Medium Error", NULL, "Sense Key",
  "2.6.3x-3.x", X_NONE, EV_GLOBALSIG, SIG_MEDIA, 3, "SCSI sense: Medium Error",
  "split sense of 2.6.3x-3.x (scsi_print_sense printed \"sd 2:0:0:0: [sda]\" on a line of its own): the device is on the line before, so tied by time"),
R(F_TOP, M_PRE, T_ANY, "Add. Sense: Unrecovered read error", NULL,
  "Add. Sense", "2.6.3x-3.x", X_NONE, EV_GLOBALSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare",
  "split additional sense, as above (ASC 0x11)"),
R(F_TOP, M_SUB, T_ANY, ": Current: sense key: Medium Error", NULL,
  "sense key", "2.6.0-2.6.2x", X_BEFORE, EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI sense: Medium Error",
  "2.6 scsi_print_sense (drivers/scsi/constants.c): \"sdb: Current: sense key: Medium Error\"; later kernels print \"[sdb] Sense Key : Medium Error\""),
R(F_TOP, M_SUB, T_ANY, ": Current: sense key: Hardware Error", NULL,
  "sense key", "2.6.0-2.6.2x", X_BEFORE, EV_DEVSIG, SIG_MEDIA, 1,
  "SCSI sense: Hardware Error", "as above; the disk (or bridge) failed internally"),
R(F_TOP, M_SUB, T_ANY, ": Current: sense key: Illegal Request", NULL,
  "sense key", "2.6.0-2.6.2x", X_BEFORE, EV_DEVSIG, SIG_REQUEST, 2,
  "SCSI sense: Illegal Request", "as above; never 3 (see the modern row)"),
R(F_TOP, M_SUB, T_ANY, ": Current: sense key: Aborted Command", NULL,
  "sense key", "2.6.0-2.6.2x", X_BEFORE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI sense: Not Ready / Aborted Command", "as above"),
R(F_TOP, M_SUB, T_ANY, ": Current: sense key: Not Ready", NULL,
  "sense key", "2.6.0-2.6.2x", X_BEFORE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI sense: Not Ready / Aborted Command", "as above"),
R(F_TOP, M_SUB, T_ANY, "Device offlined - not ready after error recovery",
  NULL, "offline", "2.6+", X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout",
  "scsi_error.c scsi_eh_offline_sdevs; 2.6.1x printed \"scsi: Device offlined - not ready after error recovery: host 0 channel 0 id 0 lun 0\" (no disk name: tied by time); \"sd H:C:T:L: Device offlined\" is the F_SCSI row"),
R(F_TOP, M_SUB, T_ANY, "rejecting I/O to offline device", NULL, "offline",
  "2.6+", X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout",
  "scsi_lib.c; 2.6.1x printed \"scsi0 (0:0): rejecting I/O to offline device\" (no disk name: tied by time)"),
R(F_TOP, M_SUB, T_ANY, "controller is offline", NULL, "offline", "3.x+",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect",
  "smartpqi, hpsa (drivers/scsi/smartpqi/smartpqi_init.c)"),
R(F_TOP, M_SUB, T_ANY, "controller offline", NULL, "offline", "3.x+",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect", "megaraid, hpsa"),
R(F_TOP, M_SUB, T_ANY, "USB disconnect", NULL, "USB disconnect", "2.6+",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect",
  "drivers/usb/core/hub.c; the disk behind a USB bridge went away"),
R(F_TOP, M_SUB, T_ANY, "LogInfo(", "Code={Reset}", "LogInfo", "2.6+",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect",
  "mptsas/mpt3sas log_info decode (drivers/message/fusion/mptbase.c)"),
R(F_TOP, M_SUB, T_ANY, "Controller reset", NULL, NULL, "?",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect",
  "HBA drivers; not an anchor of its own (seen with one of the anchors)"),
R(F_TOP, M_SUB, T_ANY, "adapter reset", NULL, NULL, "?",
  X_NONE, EV_GLOBALSIG, SIG_TRANSPORT, 2,
  "controller offline / reset / USB disconnect", "HBA drivers"),
R(F_TOP, M_SUB, T_ANY, "attempt to access beyond end of device", NULL,
  "beyond end", "2.6+", X_NONE, EV_GLOBALSIG, SIG_REQUEST, 1,
  "request beyond the end of the device",
  "block/blk-core.c bio_check_eod: a request for sectors the device does not have"),
TOP(M_PRE, T_ANY, "", NULL, NULL, X_FAMILY_OR_ON, F_SW, "kernel bug reports"),
TOP(M_PRE, T_ANY, "", NULL, NULL, X_FAMILY_OR_ON, F_ADMIN,
    "operator commands in any tag"),
R(F_TOP, M_SUB, T_MDADM, "Fail event detected on md device /dev/", NULL,
  "mdadm", "mdadm 2.x+", X_FAIL_EVENT, EV_FAULT, SIG_NONE, 0,
  "mdadm monitor saw a Fail event", "mdadm Monitor.c"),
R(F_TOP, M_SUB, T_SMARTD, "Currently unreadable (pending) sectors", NULL,
  "(pending)", "smartmontools", X_DEVPATH, EV_DEVSIG, SIG_MEDIA, 2,
  "SMART: pending/uncorrectable sectors", "smartd.cpp, attribute 197"),
R(F_TOP, M_SUB, T_SMARTD, "Offline uncorrectable sectors", NULL,
  "uncorrectable", "smartmontools", X_DEVPATH, EV_DEVSIG, SIG_MEDIA, 2,
  "SMART: pending/uncorrectable sectors", "smartd.cpp, attribute 198"),
TOP(M_PRE, T_NOT_LVM, "Device #", NULL, "Device #", X_FAMILY, F_LVM,
    "untagged dmeventd text in pastes"),
TOP(M_SUB, T_NOT_LVM, "mirror device ", NULL, "irror", X_FAMILY, F_LVM,
    "untagged dmeventd text"),
TOP(M_PRE, T_NOT_LVM, "Log device", NULL, "Log device", X_FAMILY, F_LVM,
    "untagged dmeventd text"),
TOP(M_PRE, T_NOT_LVM, "Mirror device, ", NULL, "irror", X_FAMILY, F_LVM,
    "untagged dmeventd text (older lvm2)"),
TOP(M_SUB, T_NOT_LVM, "lvconvert --repair", NULL, "lvconvert", X_FAMILY,
    F_LVM, "untagged dmeventd text"),
TOP(M_SUB, T_NOT_LVM, " is now in-sync", NULL, "in-sync", X_FAMILY, F_LVM,
    "untagged dmeventd text"),
TOP(M_SUB, T_NOT_LVM, "repair on RAID device", NULL, NULL, X_FAMILY,
    F_LVM, "untagged dmeventd text"),

/* ---- F_SCAN: lines the scanner reads for context; never an event ----- */
R(F_SCAN, M_SUB, T_ANY, "Call Trace", NULL, "Call Trace", "all", X_NONE,
  EV_NONE, SIG_NONE, 0, NULL, "trace frames of a bug report"),
R(F_SCAN, M_SUB, T_ANY, "Oops", NULL, "Oops", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "oops header (F_SW matches it)"),
R(F_SCAN, M_SUB, T_ANY, "WARNING", NULL, "WARNING", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "WARN() header (F_SW matches it)"),
R(F_SCAN, M_SUB, T_ANY, "INFO: task", NULL, "INFO: task", "all", X_NONE,
  EV_NONE, SIG_NONE, 0, NULL, "hung task (F_SW matches it)"),
R(F_SCAN, M_SUB, T_ANY, "KASAN", NULL, "KASAN", "4.0+", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "KASAN report (F_SW matches it)"),
R(F_SCAN, M_SUB, T_ANY, "Unable to handle", NULL, "Unable to handle", "all",
  X_NONE, EV_NONE, SIG_NONE, 0, NULL, "page fault oops (F_SW matches it)"),
R(F_SCAN, M_SUB, T_ANY, "Emask", NULL, "Emask", "2.6.20+", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "libata EH detail lines"),
R(F_SCAN, M_SUB, T_ANY, "[sd", NULL, "[sd", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "lines naming a SCSI disk in brackets"),
R(F_SCAN, M_SUB, T_ANY, "timeout", NULL, "timeout", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "timeouts of any driver"),
R(F_SCAN, M_SUB, T_ANY, "DID_", NULL, "DID_", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "SCSI host bytes (F_SCSI matches them)"),
R(F_SCAN, M_SUB, T_ANY, "end_request", NULL, "end_request", "2.6-3.x",
  X_NONE, EV_NONE, SIG_NONE, 0, NULL, "old block layer errors"),
R(F_SCAN, M_SUB, T_ANY, "Sense Key", NULL, "Sense Key", "all", X_NONE,
  EV_NONE, SIG_NONE, 0, NULL, "sense lines (F_SCSI matches them)"),
R(F_SCAN, M_SUB, T_ANY, "Add. Sense", NULL, "Add. Sense", "all", X_NONE,
  EV_NONE, SIG_NONE, 0, NULL, "additional sense (F_SCSI matches them)"),
R(F_SCAN, M_SUB, T_ANY, "mdadm", NULL, "mdadm", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "mdadm lines (F_TOP/F_ADMIN match them)"),
R(F_SCAN, M_SUB, T_ANY, "faulty", NULL, "faulty", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "mdadm set faulty (F_ADMIN matches it)"),
R(F_SCAN, M_SUB, T_ANY, "raid:", NULL, "raid:", "all", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "md/raid: and device-mapper: raid: lines"),
R(F_SCAN, M_SUB, T_ANY, "\"MESSAGE\":[", NULL, "\"MESSAGE\":[", "systemd",
  X_NONE, EV_NONE, SIG_NONE, 0, NULL,
  "journalctl -o json: a MESSAGE with bytes that are not UTF-8 is an array"),

/* ---- F_MD: md personalities; the device is the leg ------------------- */
R(F_MD, M_SUB, T_ANY, "Disk failure on ", "failing array", "failing array",
  "5.19+", X_AFTER, EV_FAULT, SIG_NONE, 0,
  "md failed the device; raid0/linear have no redundancy: the array failed",
  "raid0.c raid0_error, md-linear.c linear_error: \"md/raid0%s: Disk failure on %pg detected, failing array.\" and MD_BROKEN"),
R(F_MD, M_SUB, T_ANY, "Disk failure on ", NULL, "md/raid", "2.6+",
  X_AFTER, EV_FAULT, SIG_NONE, 0, "md failed the device",
  "md_error -> raid1_error/raid10_error/raid5_error"),
R(F_MD, M_SUB, T_ANY, "Operation continuing on ", NULL, "md/raid", "2.6+",
  X_NUM, EV_CONTINUING, SIG_NONE, 0, NULL, "devices left in service"),
R(F_MD, M_SUB, T_ANY, "Cannot continue operation (", NULL, "md/raid",
  "4.x+", X_NUM, EV_CANNOT_CONTINUE, SIG_NONE, 0, "array cannot continue",
  "raid5_error: the array failed"),
R(F_MD, M_SUB, T_ANY, "not enough operational devices", NULL, "md/raid",
  "2.6+", X_FOR, EV_CANNOT_CONTINUE, SIG_NONE, 0,
  "array cannot start: not enough operational devices",
  "raid5.c/raid10.c at assembly: members missing or failed (the cause is earlier)"),
R(F_MD, M_SUB, T_ANY, "cannot start dirty degraded array", NULL, "md/raid",
  "2.6+", X_NONE, EV_CANNOT_CONTINUE, SIG_NONE, 0,
  "array cannot start: dirty and degraded", "raid5.c at assembly"),
R(F_MD, M_SUB, T_ANY, ": rescheduling sector ", NULL, "md/raid", "2.6+",
  X_BEFORE, EV_RESCHED, SIG_NONE, 0, "read failed, retried",
  "raid1/raid10 read error path"),
R(F_MD, M_SUB, T_ANY, "redirecting sector ", NULL, "md/raid", "2.6+",
  X_REDIRECT, EV_REDIRECT, SIG_NONE, 0, NULL,
  "the read went to another mirror"),
R(F_MD, M_SUB, T_ANY, "read error corrected (", NULL, "md/raid", "2.6+",
  X_ON, EV_CORRECTED, SIG_NONE, 0, "read error corrected by rewrite",
  "fix_read_error rewrote the sectors"),
R(F_MD, M_SUB, T_ANY, "unable to read back corrected sectors", NULL,
  "md/raid", "2.6+", X_ON, EV_DEVSIG, SIG_MEDIA, 1,
  "rewritten sectors could not be read back",
  "fix_read_error: the sectors do not keep data"),
R(F_MD, M_SUB, T_ANY, ": unrecoverable I/O read error", NULL, "md/raid",
  "2.6+", X_BEFORE, EV_UNRECOV, SIG_NONE, 0,
  "no mirror could serve the read", "raid1 read_balance found no leg"),
R(F_MD, M_SUB, T_ANY, "Raid device exceeded read_error threshold", NULL,
  "md/raid", "2.6.33+", X_THRESHOLD, EV_THRESHOLD, SIG_NONE, 0, NULL,
  "raid1/raid10 max_read_errors accounting"),
R(F_MD, M_SUB, T_ANY, ": Failing raid device", NULL, "md/raid", "2.6.33+",
  X_BEFORE, EV_FAILING, SIG_NONE, 0, NULL, "after the threshold line"),
R(F_MD, M_SUB, T_ANY, "Too many read errors, failing device ", NULL,
  "raid5", "2.6+", X_AFTER, EV_FAILING, SIG_NONE, 0, NULL, "raid5"),
R(F_MD, M_SUB, T_ANY, "read error not correctable (", NULL, "md/raid",
  "2.6+", X_ON, EV_NOTCORR, SIG_NONE, 0, "read error not correctable",
  "raid5 raid5_end_read_request"),
R(F_MD, M_SUB, T_ANY, "read error NOT corrected!! (", NULL, "md/raid",
  "2.6+", X_ON, EV_NOTCORR, SIG_NONE, 0, "read error not correctable",
  "raid5, older wording"),
R(F_MD, M_SUB, T_ANY, "active with ", NULL, "md/raid", "2.6+", X_ACTIVE,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly: N out of M devices"),
R(F_MD, M_SUB, T_ANY, "not clean", NULL, "md/raid", "2.6+", X_ACTIVE,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),
R(F_MD, M_SUB, T_ANY, "operational as raid disk", NULL, "md/raid", "2.6+",
  X_ACTIVE, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),
R(F_MD, M_SUB, T_ANY, "raid level", NULL, "md/raid", "2.6+", X_ACTIVE,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),

/* ---- F_MDCORE: "md: " ------------------------------------------------ */
R(F_MDCORE, M_SUB, T_ANY, "super_written gets error=-19", NULL, "md: ",
  "2.6.2x-4.12", X_NUM, EV_SUPERWRITE, SIG_TRANSPORT, 2,
  "superblock write failed: the member is gone (ENODEV)",
  "md.c super_written printed the bio error; -ENODEV (-19) is what a removed/dead device's queue returns (4.13+ print blk_status_t: error=10 is BLK_STS_IOERR, no cause)"),
R(F_MDCORE, M_SUB, T_ANY, " array has a missing/failed member", NULL,
  "missing/failed", "5.4-5.18", X_MDNAME, EV_CANNOT_CONTINUE, SIG_NONE, 0,
  "a raid0/linear member is gone: the array failed",
  "raid0.c raid0_make_request / md-linear.c linear_make_request: \"md: %s: raid0 array has a missing/failed member\" (MD_BROKEN); the member is not named"),
R(F_MDCORE, M_SUB, T_ANY, "super_written gets error=", NULL, "md: ", "2.6+",
  X_NUM, EV_SUPERWRITE, SIG_NONE, 0, "superblock write failed",
  "md.c super_written; the leg fails right after"),
R(F_MDCORE, M_SUB, T_ANY, "kicking non-fresh ", NULL, "md: ", "2.6+",
  X_AFTER, EV_KICKED, SIG_NONE, 0, "stale member left out at assembly",
  "md.c analyze_sbs: the member missed writes earlier"),
R(F_MDCORE, M_SUB, T_ANY, "data-check", NULL, "md: ", "2.6+", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "scrub"),
R(F_MDCORE, M_SUB, T_ANY, "resync", NULL, "md: ", "2.6+", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "resync"),
R(F_MDCORE, M_SUB, T_ANY, ": recovery done", NULL, "md: ", "2.6+",
  X_MD_DONE, EV_RECOVERED, SIG_BENIGN, 1, NULL,
  "md_do_sync: \"md: %s: %s done.\": a rebuilt member is in service"),
R(F_MDCORE, M_SUB, T_ANY, ": sync done", NULL, "md: ", "2.6",
  X_MD_DONE, EV_RECOVERED, SIG_BENIGN, 1, NULL,
  "2.6 md_do_sync: \"md: %s: sync done.\" after a resync or a rebuild"),
R(F_MDCORE, M_SUB, T_ANY, "recovery", NULL, "md: ", "2.6+", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "rebuild"),
R(F_MDCORE, M_SUB, T_ANY, "bind<", NULL, "md: ", "2.6-4.x", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),
R(F_MDCORE, M_SUB, T_ANY, "export_rdev", NULL, "md: ", "2.6-4.x",
  X_RAID_ARRAY, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),
R(F_MDCORE, M_SUB, T_ANY, "superblock", NULL, "md: ", "2.6+", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "assembly"),
R(F_MDCORE, M_SUB, T_ANY, "Autodetecting", NULL, "md: ", "2.6+",
  X_RAID_ARRAY, EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "autodetect"),
R(F_MDCORE, M_SUB, T_ANY, "delaying", NULL, "md: ", "2.6+", X_RAID_ARRAY,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "resync queued"),

/* ---- F_BLK: block layer status words (blk_errors[] in block/blk-core.c) */
R(F_BLK, M_STATUS, T_ANY, "critical medium", NULL, "rror, dev", "4.13+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 3, "critical medium error",
  "BLK_STS_MEDIUM"),
R(F_BLK, M_STATUS, T_ANY, "recoverable transport", NULL, "rror, dev",
  "4.13+", X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "block layer reports a path/timeout error", "BLK_STS_TRANSPORT"),
R(F_BLK, M_STATUS, T_ANY, "timeout", NULL, "rror, dev", "4.13+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2, "block layer reports a path/timeout error",
  "BLK_STS_TIMEOUT"),
R(F_BLK, M_STATUS, T_ANY, "device offline", NULL, "rror, dev", "5.x+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "block layer reports a path/timeout error", "BLK_STS_OFFLINE"),
R(F_BLK, M_STATUS, T_ANY, "critical nexus", NULL, "rror, dev", "4.13+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "reservation conflict (path/cluster)", "BLK_STS_NEXUS"),
R(F_BLK, M_STATUS, T_ANY, "reservation conflict", NULL, "rror, dev",
  "5.x+", X_NONE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "reservation conflict (path/cluster)", "BLK_STS_RESV_CONFLICT"),
R(F_BLK, M_STATUS, T_ANY, "invalid", NULL, "rror, dev", "6.x+", X_NONE,
  EV_DEVSIG, SIG_REQUEST, 3,
  "block layer rejected the request as invalid (BLK_STS_INVAL)",
  "BLK_STS_INVAL: the block layer's own verdict on the request"),
R(F_BLK, M_SUB, T_ANY, "phys_seg 0", NULL, "rror, dev", "5.x+",
  X_SEG0_DATA, EV_DEVSIG, SIG_REQUEST, 3,
  "data request with no data segments (phys_seg 0)",
  "a READ, or a WRITE that is no flush, carrying no data: malformed"),
OPS("DISCARD WRITE_ZEROES WRITE_SAME SECURE_ERASE", "4.13+", SIG_BENIGN, 2,
  "optional command not supported (discard/write-zeroes)",
  "BLK_STS_NOTSUPP on an optional command: the kernel turns the feature off"),
OPS("READ WRITE", "4.13+", SIG_REQUEST, 1,
  "a READ/WRITE answered \"not supported\" (malformed request, or a namespace that is gone)",
  "BLK_STS_NOTSUPP on a data command with data: NVMe also says it for a namespace that is gone, so weak; the malformed shape (phys_seg 0) is the row above"),
R(F_BLK, M_STATUS, T_ANY, "operation not supported", NULL, "rror, dev",
  "4.13+", X_NONE, EV_DEVSIG, SIG_REQUEST, 1, "operation not supported",
  "BLK_STS_NOTSUPP, other ops"),
R(F_BLK, M_STATUS, T_ANY, "critical target", NULL, "rror, dev", "4.13+",
  X_NONE, EV_DEVSIG, SIG_IOERR, 1,
  "critical target error without sense data: ambiguous (an invalid command, or a Hardware Error)",
  "BLK_STS_TARGET: kernels 2.6.38-3.17 printed medium errors so, 5.x+ map Hardware Error and DID_TARGET_FAILURE to it; never a request by itself"),
R(F_BLK, M_STATUS, T_ANY, "protection", NULL, "rror, dev", "4.13+", X_NONE,
  EV_DEVSIG, SIG_PROTECTION, 2, "protection information mismatch",
  "BLK_STS_PROTECTION"),
R(F_BLK, M_STATUS, T_ANY, "I/O", NULL, "rror, dev", "all", X_NONE,
  EV_DEVSIG, SIG_IOERR, 1, "I/O error", "BLK_STS_IOERR; end_request: I/O error"),
R(F_BLK, M_SUB, T_ANY, "", NULL, "rror, dev", "all", X_NONE, EV_DEVSIG,
  SIG_IOERR, 1, "block error", "any other status"),

/* ---- F_NVME: "nvme1n1: Read(0x2) @ LBA 9, 8 blocks, ... (sct 0x2 / sc 0x81)" */
R(F_NVME, M_SUB, T_ANY, "(sct 0x", NULL, "nvme", "5.19+", X_NVME_ADMIN,
  EV_DEVSIG, SIG_BENIGN, 1, "NVMe admin command error (probing)",
  "no LBA: an admin command, e.g. an optional log page"),
R(F_NVME, M_SUB, T_ANY, ", 0 blocks", NULL, "nvme", "5.19+", X_NVME_IO,
  EV_DEVSIG, SIG_REQUEST, 3, "zero-length NVMe command (0 blocks)",
  "a data command without data: malformed (the v6.18 regression)"),
N(0, 0x1, 0x2, "5.19+", SIG_REQUEST, 3,
  "NVMe Invalid Field/Opcode (sct 0x0): the command was malformed",
  "Invalid Command Opcode / Invalid Field in Command"),
N(0, 0xb, 0xb, "5.19+", SIG_TRANSPORT, 2,
  "NVMe Invalid Namespace (sct 0x0 / sc 0xb): the namespace went away",
  "Invalid Namespace or Format: what a namespace that was detached or deleted answers; no request was malformed"),
N(0, 0x80, 0x80, "5.19+", SIG_REQUEST, 3,
  "NVMe Invalid Field/Opcode (sct 0x0): the command was malformed",
  "LBA Out of Range"),
N(2, 0x82, 0x84, "5.19+", SIG_PROTECTION, 2,
  "NVMe protection information check failed", "Guard/App/Ref tag check"),
N(2, 0, 0xff, "5.19+", SIG_MEDIA, 3, "NVMe media error (sct 0x2)",
  "Media and Data Integrity Errors"),
N(3, 0, 0xff, "5.19+", SIG_TRANSPORT, 2,
  "NVMe path error / command aborted (sct 0x3)", "Path Related Status"),
N(-1, 0, 0xff, "5.19+", SIG_IOERR, 1, "NVMe I/O error", "other status"),
R(F_NVME, M_SUB, T_ANY, "no available path", NULL, "nvme", "4.15+",
  X_NVME_PATH, EV_DEVSIG, SIG_TRANSPORT, 2,
  "no available path to the namespace", "drivers/nvme/host/multipath.c"),
R(F_NVME, M_SUB, T_ANY, "no usable path", NULL, "nvme", "4.15+",
  X_NVME_PATH, EV_DEVSIG, SIG_TRANSPORT, 2,
  "no available path to the namespace", "drivers/nvme/host/multipath.c"),

/* ---- F_NVMECTL: "nvme nvme0: ..." ------------------------------------ */
R(F_NVMECTL, M_SUB, T_ANY, "timeout", NULL, "nvme", "4.x+", X_NVME_CTRL,
  EV_DEVSIG, SIG_TRANSPORT, 2, "NVMe command timeout / controller reset",
  "nvme_timeout (pci.c)"),
R(F_NVMECTL, M_SUB, T_ANY, "controller is down", NULL, "nvme", "4.x+",
  X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "pci.c"),
R(F_NVMECTL, M_SUB, T_ANY, "aborting reset", NULL, "nvme", "?",
  X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "pci.c"),
R(F_NVMECTL, M_SUB, T_ANY, "Removing after probe", NULL, "nvme", "4.x+",
  X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "pci.c nvme_remove_dead_ctrl"),
R(F_NVMECTL, M_SUB, T_ANY, "Disabling device after reset", NULL, "nvme",
  "4.x+", X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "pci.c"),
R(F_NVMECTL, M_SUB, T_ANY, "starting error recovery", NULL, "nvme", "5.x+",
  X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "fabrics"),
R(F_NVMECTL, M_SUB, T_ANY, "Reconnecting", NULL, "nvme", "5.x+",
  X_NVME_CTRL, EV_DEVSIG, SIG_TRANSPORT, 2,
  "NVMe command timeout / controller reset", "fabrics"),

/* ---- F_SCSI: "sd H:C:T:L: [sdX] ..." ---------------------------------- */
R(F_SCSI, M_SUB, T_ANY, "CDB: ", NULL, "sd ", "2.6.3x+", X_CDB, EV_CDB,
  SIG_NONE, 0, NULL,
  "scsi_print_command (drivers/scsi/scsi_logging.c, constants.c before 4.x), printed after the sense lines of the same command: an Illegal Request on a command that is no READ/WRITE (WRITE SAME 0x41/0x93, UNMAP 0x42, ATA PASS-THROUGH 0x85/0xa1, INQUIRY, MODE SENSE, ...) is a refused probe or pass-through, no evidence against the failing I/O (model.c)"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Medium Error", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 3, "SCSI sense: Medium Error",
  "scsi_print_sense_hdr (drivers/scsi/constants.c)"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Illegal Request", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_REQUEST, 2, "SCSI sense: Illegal Request",
  "the command was refused, but which command is on the CDB line: a probe, a pass-through (smartd), WRITE SAME or Write Zeroes refused says nothing about READ/WRITE, so never 3"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Hardware Error", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 1, "SCSI sense: Hardware Error",
  "the disk (or bridge) failed internally"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Not Ready", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI sense: Not Ready / Aborted Command", "spun down, becoming ready"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Aborted Command", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI sense: Not Ready / Aborted Command", "often link CRC errors"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : Data Protect", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_REQUEST, 1, "SCSI sense: Data Protect",
  "write protected"),
R(F_SCSI, M_SUB, T_ANY, "Sense Key : ", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_NONE, 0, NULL, "other sense keys: evidence, no cause"),
R(F_SCSI, M_SUB, T_ANY, "Unrecovered read error", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare", "ASC 0x11"),
R(F_SCSI, M_SUB, T_ANY, "Unrecovered Read Error", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare", "ASC 0x11"),
R(F_SCSI, M_SUB, T_ANY, "ASC=0x11 ", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare",
  "ASC 0x11 printed as a number"),
R(F_SCSI, M_SUB, T_ANY, "No defect spare", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare", "ASC 0x32"),
R(F_SCSI, M_SUB, T_ANY, "Mechanical positioning error", NULL, "sd ",
  "2.6+", X_NONE, EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: mechanical positioning error (the drive's mechanics)",
  "ASC 0x15/0x01 (drivers/scsi/scsi_common.c additional[] table)"),
R(F_SCSI, M_SUB, T_ANY, "Record not found", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3,
  "SCSI additional sense: unrecovered read error / no spare", "ASC 0x14"),
R(F_SCSI, M_SUB, T_ANY, "Invalid field in cdb", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_REQUEST, 2, "SCSI additional sense: invalid request",
  "ASC 0x24"),
R(F_SCSI, M_SUB, T_ANY, "Invalid field in CDB", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_REQUEST, 2, "SCSI additional sense: invalid request",
  "ASC 0x24"),
R(F_SCSI, M_SUB, T_ANY, "Invalid command operation code", NULL, "sd ",
  "2.6+", X_NONE, EV_DEVSIG, SIG_REQUEST, 2,
  "SCSI additional sense: invalid request", "ASC 0x20"),
R(F_SCSI, M_SUB, T_ANY, "Logical block address out of range", NULL, "sd ",
  "2.6+", X_NONE, EV_DEVSIG, SIG_REQUEST, 2,
  "SCSI additional sense: invalid request", "ASC 0x21"),
R(F_SCSI, M_SUB, T_ANY, "Unaligned write command", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_REQUEST, 2, "SCSI additional sense: invalid request",
  "ASC 0x21/0x04"),
R(F_SCSI, M_SUB, T_ANY, "Invalid field in parameter list", NULL, "sd ",
  "2.6+", X_NONE, EV_DEVSIG, SIG_REQUEST, 2,
  "SCSI additional sense: invalid request", "ASC 0x26"),
R(F_SCSI, M_SUB, T_ANY, "Add. Sense: ", "not ready", "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI additional sense: logical unit not ready", "ASC 0x04"),
R(F_SCSI, M_SUB, T_ANY, "Add. Sense: ", "hard reset", "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 1,
  "SCSI additional sense: logical unit not ready", "ASC 0x29"),
R(F_SCSI, M_SUB, T_ANY, "Add. Sense: ", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_NONE, 0, NULL, "other additional sense: evidence, no cause"),
R(F_SCSI, M_SUB, T_ANY, "ASC=0x", NULL, "sd ", "2.6+", X_NONE, EV_DEVSIG,
  SIG_NONE, 0, NULL, "other additional sense: evidence, no cause"),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_NO_CONNECT", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", "the device went away"),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_BAD_TARGET", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_TIME_OUT", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_TRANSPORT", NULL, "sd ", "2.6.31+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", "DID_TRANSPORT_*"),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_ABORT", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_RESET", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_BUS_BUSY", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI host byte: no connection / timeout / reset", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_MEDIUM_ERROR", NULL, "sd ", "5.x+",
  X_NONE, EV_DEVSIG, SIG_MEDIA, 3, "SCSI host byte: medium error", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_TARGET_FAILURE", NULL, "sd ", "2.6+",
  X_NONE, EV_DEVSIG, SIG_IOERR, 1,
  "SCSI host byte: target failure (ambiguous: invalid command or Hardware Error)",
  "also used for Hardware Error sense on modern kernels: never a request by itself"),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=DID_ERROR", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 1, "SCSI host byte: host adapter error", ""),
R(F_SCSI, M_SUB, T_ANY, "hostbyte=", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_NONE, 0, NULL, "other host bytes: evidence, no cause"),
R(F_SCSI, M_SUB, T_ANY, "rejecting I/O to offline device", NULL, "sd ",
  "2.6+", X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout", "scsi_lib.c"),
R(F_SCSI, M_SUB, T_ANY, "Device offlined", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout", "scsi_error.c"),
R(F_SCSI, M_SUB, T_ANY, "timing out command", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout", "scsi_error.c"),
R(F_SCSI, M_SUB, T_ANY, "device reset", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout", "scsi_error.c EH"),
R(F_SCSI, M_SUB, T_ANY, "bus reset", NULL, "sd ", "2.6+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "SCSI device offline / reset / command timeout", "scsi_error.c EH"),

/* ---- F_ATA: "ata3.00: ..." (the device is the link ataN) ------------- */
R(F_ATA, M_SUB, T_ANY, "SATA max ", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_ATA_PORT, SIG_NONE, 0, NULL,
  "port probe at boot (libata-core.c ata_host_register): takes the next libata \"scsi hostN\""),
R(F_ATA, M_SUB, T_ANY, "PATA max ", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_ATA_PORT, SIG_NONE, 0, NULL, "as above"),
R(F_ATA, M_EQ, T_ANY, " DUMMY", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_ATA_PORT, SIG_NONE, 0, NULL, "a dummy port also has a SCSI host"),
R(F_ATA, M_SUB, T_ANY, "(media error)", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3, "ATA uncorrectable read (UNC / media error)",
  "libata-eh.c ata_eh_link_report"),
R(F_ATA, M_SUB, T_ANY, "{ UNC }", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3, "ATA uncorrectable read (UNC / media error)",
  "error register UNC"),
R(F_ATA, M_SUB, T_ANY, " UNC ", NULL, "ata%d", "2.6.20+", X_NONE, EV_DEVSIG,
  SIG_MEDIA, 3, "ATA uncorrectable read (UNC / media error)", ""),
R(F_ATA, M_SUB, T_ANY, "{ UNC IDNF }", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_DEVSIG, SIG_MEDIA, 3, "ATA uncorrectable read (UNC / media error)", ""),
#define ATA_LINK(pat, kv, note) \
R(F_ATA, M_SUB, T_ANY, pat, NULL, "ata%d", kv, X_NONE, EV_DEVSIG, \
  SIG_TRANSPORT, 2, "ATA link reset / PHY change / command timeout", note)
ATA_LINK("(timeout)", "2.6.20+", "command timeout"),
ATA_LINK("(ATA bus error)", "2.6.20+", "SError"),
ATA_LINK("(host bus error)", "2.6.20+", ""),
ATA_LINK("(HSM violation)", "2.6.20+", ""),
ATA_LINK("ICRC", "2.6.20+", "interface CRC: cable"),
ATA_LINK("hard resetting link", "2.6.20+", ""),
ATA_LINK("soft resetting link", "2.6.20+", ""),
ATA_LINK("SATA link down", "2.6.20+", ""),
ATA_LINK("link is slow to respond", "2.6.20+", ""),
ATA_LINK("COMRESET failed", "2.6.20+", ""),
ATA_LINK("SRST failed", "2.6.20+", ""),
ATA_LINK("softreset failed", "2.6.20+", ""),
ATA_LINK("reset failed", "2.6.20+", ""),
ATA_LINK("limiting SATA link speed", "2.6.20+", ""),
ATA_LINK("PHY RDY changed", "2.6.20+", "hot-plug or a bad cable"),
ATA_LINK("PHYRdyChg", "2.6.20+", "SError bit"),
ATA_LINK("failed to IDENTIFY", "2.6.20+", ""),
ATA_LINK("revalidation failed", "2.6.20+", ""),
ATA_LINK(": disabled", "2.6.20+", ""),
R(F_ATA, M_EQ, T_ANY, " disabled", NULL, "ata%d", "2.6.20+", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2,
  "ATA link reset / PHY change / command timeout", "\"ata3.00: disabled\""),
ATA_LINK("frozen", "2.6.20+", "EH froze the port"),

/* ---- F_IDE: "hda: ..." (drivers/ide, 2.6 to 5.13) ---------------------- */
R(F_IDE, M_SUB, T_ANY, "UncorrectableError", NULL, "UncorrectableError",
  "2.6-5.13", X_NONE, EV_DEVSIG, SIG_MEDIA, 3,
  "IDE uncorrectable read (UncorrectableError)", "ide-lib.c error decode"),
R(F_IDE, M_SUB, T_ANY, "BadCRC", NULL, "BadCRC", "2.6-5.13", X_NONE,
  EV_DEVSIG, SIG_TRANSPORT, 2, "IDE interface CRC error (cable)",
  "ide-lib.c error decode"),
R(F_IDE, M_SUB, T_ANY, "lost interrupt", NULL, "lost interrupt", "2.6-5.13",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "IDE lost interrupt / drive not ready / status error", "ide-io.c"),
R(F_IDE, M_SUB, T_ANY, "drive not ready", NULL, "drive not ready",
  "2.6-5.13", X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "IDE lost interrupt / drive not ready / status error", "ide-io.c"),
R(F_IDE, M_SUB, T_ANY, "status error", NULL, "status error", "2.6-5.13",
  X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "IDE lost interrupt / drive not ready / status error", "ide-lib.c"),
R(F_IDE, M_SUB, T_ANY, "timeout waiting for DMA", NULL, "timeout",
  "2.6-5.13", X_NONE, EV_DEVSIG, SIG_TRANSPORT, 2,
  "IDE lost interrupt / drive not ready / status error", "ide-dma.c"),

/* ---- F_DMMIRROR: "device-mapper: raid1: ..." -------------------------- */
R(F_DMMIRROR, M_SUB, T_ANY, "mirror device ", NULL, "device-mapper", "2.6+",
  X_MIRROR_DEV, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dm-mirror failed a leg after a read error", "dm-raid1.c fail_mirror"),
R(F_DMMIRROR, M_SUB, T_ANY, "read failed from ", NULL, "device-mapper",
  "2.6+", X_MIRROR_DEV, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dm-mirror failed a leg after a read error", "dm-raid1.c"),
R(F_DMMIRROR, M_SUB, T_ANY, "Primary mirror (", NULL, "device-mapper",
  "2.6+", X_PRIMARY, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dm-mirror primary leg failed", "dm-raid1.c"),
R(F_DMMIRROR, M_SUB, T_ANY, "recovery", NULL, "device-mapper", "2.6+",
  X_MIRROR_STATE, EV_MIRROR_FAIL, SIG_NONE, 0, "dm-mirror recovery/read failure", ""),
R(F_DMMIRROR, M_SUB, T_ANY, "All sides", NULL, "device-mapper", "2.6+",
  X_MIRROR_STATE, EV_MIRROR_FAIL, SIG_NONE, 0, "dm-mirror recovery/read failure", ""),
R(F_DMMIRROR, M_SUB, T_ANY, "Mirror read failed", NULL, "device-mapper",
  "2.6+", X_MIRROR_STATE, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dm-mirror recovery/read failure", ""),

/* ---- F_DMINTEG -------------------------------------------------------- */
R(F_DMINTEG, M_SUB, T_ANY, "not aligned", NULL, "device-mapper", "4.12+",
  X_NONE, EV_GLOBALSIG, SIG_REQUEST, 3,
  "dm-integrity rejected a misaligned bio",
  "dm-integrity.c: a bio not aligned to the integrity block size"),
R(F_DMINTEG, M_SUB, T_ANY, "Checksum failed", NULL, "device-mapper",
  "4.12+", X_INTEG_DEV, EV_DEVSIG, SIG_MEDIA, 1,
  "dm-integrity checksum mismatch", "data changed under dm-integrity"),

/* ---- F_DMRAID --------------------------------------------------------- */
R(F_DMRAID, M_SUB, T_ANY, "specified for rebuild", NULL, "device-mapper",
  "3.x+", X_NONE, EV_REBUILD, SIG_NONE, 0,
  "dm-raid rebuilds a leg (lvconvert --repair/--replace)", "dm-raid.c"),
R(F_DMRAID, M_SUB, T_ANY, "Failed to read superblock of device at position",
  NULL, "device-mapper", "3.x+", X_NONE, EV_CANNOT_CONTINUE, SIG_NONE, 0,
  "dm-raid could not read a member's superblock at activation",
  "dm-raid.c analyse_superblocks: a leg missing at activation"),
R(F_DMRAID, M_SUB, T_ANY, "", NULL, "device-mapper", "3.x+", X_NONE,
  EV_ARRAY_INFO, SIG_BENIGN, 1, NULL, "other dm-raid lines"),

/* ---- F_LVM: dmeventd plugins (lvm2 daemons/dmeventd/plugins) ---------- */
R(F_LVM, M_PRE, T_ANY, "Device #", " array, ", "Device #", "lvm2 2.02+",
  X_LV_DEVICE, EV_LVFAIL, SIG_NONE, 0, "dmeventd: RAID LV device failed",
  "dmeventd_raid.c; only \"has failed\" is a fault"),
R(F_LVM, M_SUB, T_ANY, "mirror device ", "Primary", "irror", "lvm2",
  X_LV_MIRROR, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dmeventd: mirror device failed", "dmeventd_mirror.c"),
R(F_LVM, M_SUB, T_ANY, "mirror device ", "Secondary", "irror", "lvm2",
  X_LV_MIRROR, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dmeventd: mirror device failed", "dmeventd_mirror.c"),
R(F_LVM, M_SUB, T_ANY, "Mirror device, ", NULL, "irror", "lvm2 (older)",
  X_LV_MIRROR, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dmeventd: mirror device failed",
  "dmeventd_mirror.c of older lvm2: \"Mirror device, 253:4, has failed.\""),
R(F_LVM, M_SUB, T_ANY, "Log device", NULL, "Log device", "lvm2",
  X_LV_MIRROR, EV_MIRROR_FAIL, SIG_NONE, 0,
  "dmeventd: mirror log device failed",
  "dmeventd_mirror.c: \"Log device 253:2 has failed (D).\" (and \"flush failed.\"); older lvm2 \"Log device, 253:2, has failed.\""),
R(F_LVM, M_SUB, T_ANY, "lvconvert --repair ", NULL, "lvconvert", "lvm2",
  X_LV_AFTER, EV_LVNAME, SIG_NONE, 0, NULL, "names the LV"),
R(F_LVM, M_SUB, T_ANY, " is now in-sync", NULL, "in-sync", "lvm2",
  X_LV_BEFORE, EV_LVNAME, SIG_NONE, 0, NULL, "names the LV"),
R(F_LVM, M_SUB, T_ANY, " is not in-sync", NULL, "in-sync", "lvm2",
  X_LV_BEFORE, EV_LVNAME, SIG_NONE, 0, NULL, "names the LV"),
R(F_LVM, M_SUB, T_ANY, "repair on RAID device ", NULL, NULL, "lvm2",
  X_LV_AFTER, EV_LVNAME, SIG_NONE, 0, NULL, "names the LV"),
R(F_LVM, M_SUB, T_ANY, "Repair of mirrored device ", NULL, "irror", "lvm2",
  X_LV_REPAIR, EV_LVNAME, SIG_NONE, 0, NULL,
  "dmeventd_mirror.c: lvconvert --repair --use-policies \"finished successfully\" or \"failed\""),
R(F_LVM, M_SUB, T_ANY, "Device failure in ", NULL, "Device failure in", "lvm2",
  X_LV_TAKEN, EV_LVNAME, SIG_NONE, 0, NULL,
  "names the LV (dmeventd_mirror.c; its own anchor: no other on the line)"),

/* ---- F_SW: kernel bug reports (lib/bug.c, kernel/panic.c, mm/, ...) --- */
R(F_SW, M_PRE, T_ANY, "Oops", NULL, "Oops", "all", X_SW, EV_SW_START,
  SIG_SOFTWARE, 2, "kernel bug report", "arch die()"),
R(F_SW, M_PRE, T_ANY, "BUG: ", NULL, "BUG", "all", X_SW, EV_SW_START,
  SIG_SOFTWARE, 2, "kernel bug report", "BUG: ... (many)"),
R(F_SW, M_PRE, T_ANY, "kernel BUG at", NULL, "BUG", "all", X_SW,
  EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report", "BUG_ON()"),
R(F_SW, M_PRE, T_ANY, "KASAN: ", NULL, "KASAN", "4.0+", X_SW, EV_SW_START,
  SIG_SOFTWARE, 2, "kernel bug report", "mm/kasan"),
R(F_SW, M_SUB, T_ANY, "BUG: KASAN", NULL, "BUG", "4.0+", X_SW, EV_SW_START,
  SIG_SOFTWARE, 2, "kernel bug report", "mm/kasan/report.c"),
R(F_SW, M_PRE, T_ANY, "WARNING: ", "CPU:", "WARNING", "all", X_SW,
  EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report",
  "WARN(); lvm's \"WARNING: \" has no CPU: and no \" at \""),
R(F_SW, M_PRE, T_ANY, "WARNING: ", " at ", "WARNING", "all", X_SW,
  EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report", "WARN(), older form"),
R(F_SW, M_PRE, T_ANY, "WARNING: ", NULL, "WARNING", "-", X_NONE, EV_NONE,
  SIG_NONE, 0, NULL, "any other \"WARNING: \" (lvm, mdadm) is no kernel bug: stop"),
R(F_SW, M_PRE, T_ANY, "Unable to handle kernel", NULL, "Unable to handle",
  "all", X_SW, EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report",
  "page fault in the kernel"),
R(F_SW, M_PRE, T_ANY, "general protection fault", NULL, NULL, "all", X_SW,
  EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report",
  "x86 #GP; the Oops line follows"),
R(F_SW, M_SUB, T_ANY, "BUG: soft lockup", NULL, "BUG", "3.x+", X_SW,
  EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report (soft lockup)",
  "kernel/watchdog.c: \"watchdog: BUG: soft lockup - CPU#3 stuck for 22s!\""),
R(F_SW, M_SUB, T_ANY, "detected stall", NULL, "detected stall", "3.x+",
  X_SW, EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report (RCU stall)",
  "kernel/rcu/tree_stall.h: \"rcu: INFO: rcu_sched self-detected stall on CPU\", \"detected stalls on CPUs/tasks\""),
R(F_SW, M_PRE, T_ANY, "INFO: task ", "blocked for more than", "INFO: task",
  "2.6.30+", X_SW, EV_SW_START, SIG_SOFTWARE, 2, "kernel bug report",
  "kernel/hung_task.c"),
R(F_SW, M_SUB, T_ANY, "oops", NULL, NULL, "-", X_SW_NOTE, EV_SW_START,
  SIG_SOFTWARE, 1, "kernel oops in the storage path (trace not in the log)",
  "a reporter's note such as \"[kernel oops in dm_mirror ...]\""),
R(F_SW, M_SUB, T_ANY, "Oops", NULL, "Oops", "-", X_SW_NOTE, EV_SW_START,
  SIG_SOFTWARE, 1, "kernel oops in the storage path (trace not in the log)",
  "as above"),

/* ---- F_ADMIN: operator commands --------------------------------------- */
R(F_ADMIN, M_SUB, T_ANY, "COMMAND=", "mdadm", "COMMAND=", "sudo", X_SUDO,
  EV_ADMIN, SIG_ADMIN, 3, "operator ran mdadm --fail/--remove",
  "sudo log of mdadm --fail/-f/--set-faulty/--remove/-r"),
R(F_ADMIN, M_SUB, T_ANY, "set /dev/", " faulty in /dev/", "faulty",
  "mdadm", X_SET_FAULTY, EV_ADMIN, SIG_ADMIN, 3,
  "operator set the device faulty (mdadm)", "mdadm Manage.c"),
R(F_ADMIN, M_SUB, T_ANY, "hot removed /dev/", NULL, "mdadm", "mdadm",
  X_HOT_REMOVED, EV_ADMIN, SIG_ADMIN, 2,
  "operator removed the device (mdadm)", "mdadm Manage.c"),
};

/*
 * The causes of one incident, strongest first at equal strength: a dying
 * disk also causes link resets, and kernels 2.6.38-3.17 print a medium
 * error as "critical target", so media goes before request; a request
 * goes before transport only when the request evidence is of the failing
 * I/O itself (see classify.c).
 */
static const enum mdc_sig mdc_sig_precedence[] = {
	SIG_MEDIA, SIG_REQUEST, SIG_TRANSPORT,
};

/*
 * ... and one rule for the request: following the kernel rule (a request
 * is to blame only when every leg rejects it), a request is named as the
 * cause only with this strength, which only the malformed shapes have
 * (phys_seg 0, 0 blocks, BLK_STS_INVAL, a misaligned bio).  A command
 * refused by the device (Illegal Request, NOTSUPP with data) is evidence,
 * not a verdict: it never outranks link resets, timeouts or disconnects,
 * and alone it leaves the cause unknown.
 */
#define MDC_REQUEST_SHAPE	3
