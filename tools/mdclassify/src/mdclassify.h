/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mdclassify - classify md/dm RAID leg failures from kernel logs.
 *
 * Shared types.  Every table is bounded: per-entity evidence is capped
 * (MDC_MAX_EVID lines kept, the rest only counted) and the number of
 * entities is capped (the rest counted in the summary), so memory does
 * not grow with the input size.
 */
#ifndef MDCLASSIFY_H
#define MDCLASSIFY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define MDC_VERSION	"1.0"
#define MDC_MAX_LINE	4096	/* bytes of one line that are parsed */
#define MDC_MAX_JOIN	3	/* mail-wrapped continuation lines joined */
#define MDC_MAX_EVID	10	/* evidence lines kept per entity */
#define MDC_MAX_TEXT	240	/* bytes of raw text kept per evidence line */
#define MDC_MAX_ARRAYS	256
#define MDC_MAX_LEGS	512
#define MDC_LEGCACHE	64	/* find_leg() answers kept (model.c) */
#define MDC_DEVCACHE	32	/* get_dev() answers kept (model.c) */
#define MDC_MAX_DEVS	512
#define MDC_MAX_SW	32
#define MDC_MAX_GSIG	256
#define MDC_MAX_MAP	2048
#define MDC_MAP_SLOTS	4096	/* a power of two, over MDC_MAX_MAP */
#define MDC_NAME	48
#define MDC_MAX_HOSTS	32
#define MDC_MAX_BOOTS	1024
#define MDC_MAX_KVERS	32	/* kernel versions told apart per boot */

/* what a message says about the cause */
enum mdc_sig {
	SIG_NONE,
	SIG_MEDIA,
	SIG_TRANSPORT,
	SIG_REQUEST,
	SIG_SOFTWARE,
	SIG_ADMIN,
	SIG_BENIGN,
	SIG_IOERR,	/* generic I/O error: cause not stated */
	SIG_PROTECTION,	/* PI / integrity mismatch */
	SIG_NR
};

enum mdc_class {
	CL_MEDIA,
	CL_TRANSPORT,
	CL_REQUEST,
	CL_SOFTWARE,
	CL_ADMIN,
	CL_BENIGN,
	CL_UNKNOWN,
	CL_NR
};

enum mdc_fmt {
	FMT_BARE,	/* no prefix (console paste, dmesg -t) */
	FMT_DMESG,	/* [  12.345678] msg */
	FMT_DMESG_T,	/* [Sun Apr 26 15:05:30 2020] msg */
	FMT_SYSLOG,	/* Nov 21 08:00:00 host kernel: msg (journalctl short) */
	FMT_SYSLOG_PRECISE, /* Nov 21 08:00:00.123456 host kernel: msg */
	FMT_ISO,	/* RFC 3339 syslog, journalctl short-iso */
	FMT_MONO,	/* journalctl short-monotonic: [ 12.3] host kernel: msg */
	FMT_KMSG,	/* /dev/kmsg: prio,seq,usec,flags;msg */
	FMT_EXPORT,	/* journalctl -o export */
	FMT_JSON,	/* journalctl -o json */
	FMT_TAG,	/* "kernel: msg", "dmeventd: msg" */
	FMT_ANACONDA,	/* 23:54:39,681 INFO kernel:msg */
	FMT_JOURNAL,	/* read through sd-journal */
	FMT_NR
};

enum mdc_ev {
	EV_NONE,
	EV_DEVSIG,	/* signal on a named device */
	EV_GLOBALSIG,	/* signal not tied to a block device name */
	EV_RESCHED,
	EV_REDIRECT,
	EV_CORRECTED,
	EV_UNRECOV,
	EV_THRESHOLD,
	EV_FAILING,
	EV_FAULT,
	EV_CONTINUING,
	EV_CANNOT_CONTINUE,
	EV_NOTCORR,
	EV_SUPERWRITE,
	EV_KICKED,
	EV_ARRAY_INFO,
	EV_REBUILD,
	EV_RECOVERED,	/* md: md0: recovery done. -- a member back in */
	EV_MIRROR_FAIL,
	EV_LVFAIL,
	EV_LVNAME,
	EV_ADMIN,
	EV_SW_START,
	EV_SW_FRAME,
	EV_VERSION,
	EV_SUPPRESSED,
	EV_HCTL,	/* sd H:C:T:L: [sdX] -- name mapping */
	EV_SCSI_HOST,	/* scsi hostN: driver (boot) */
	EV_ATA_PORT,	/* ataN: SATA max ... (boot) */
	EV_CDB,		/* sd ...: CDB: the command the sense lines were about */
};

struct mdc_event {
	enum mdc_ev kind;
	enum mdc_sig sig;
	int strength;			/* 1 weak, 2 clear, 3 unambiguous */
	char array[MDC_NAME];		/* md0, mdX, dm-mirror major:minor */
	char level[16];			/* raid1, raid10, raid, mirror */
	char dev[MDC_NAME];		/* leg or device */
	char dev2[96];			/* LV name, hctl, task, ... */
	uint64_t sector;
	long num, num2;
	int parity;			/* raid4/5/6: 1 raid4/5, 2 raid6, 0 unknown */
	int mstate;			/* dm-mirror: enum mdc_mstate */
	int storage;			/* software event in the storage path */
	const char *why;		/* static text */
};

/* what a dm-mirror line says (struct mdc_event mstate) */
enum mdc_mstate {
	MS_LEG_READ,	/* a leg failed reads or was skipped: it stays in */
	MS_LEG_OUT,	/* dmeventd repairs: write, flush or unclassified */
	MS_FAILED,	/* no leg could serve: I/O fails to the caller */
	MS_NO_SYNC,	/* the primary failed a resync, or while out of sync */
	MS_SEC_NO_SYNC,	/* a secondary failed a resync: regions in one leg */
	MS_REPAIRED,	/* dmeventd's lvconvert --repair of the LV ended well */
	MS_REPAIR_FAILED,	/* ... or failed: the failed leg is still in */
	MS_LOG_OUT,	/* dmeventd: the mirror's log device failed */
};

/* a fixed string and its length, for tables of words (MDC_LIT("md/")) */
struct mdc_lit {
	const char *s;
	size_t n;
};

#define MDC_LIT(s)	{ s, sizeof(s) - 1 }

/* one placed line (or joined record) */
struct mdc_line {
	int file;			/* index into model file table */
	uint64_t lineno;
	enum mdc_fmt fmt;
	int has_rel, has_abs;
	double rel;			/* seconds since boot (has_abs: unset) */
	int64_t abs;			/* seconds since the epoch (UTC) */
	char boot[40];			/* _BOOT_ID when known */
	char kdev[MDC_NAME];		/* _KERNEL_DEVICE when known */
	char tag[24];			/* kernel, dmeventd, lvm, ... */
	char host[64];			/* syslog host name, when there is one */
	const char *msg;
	size_t msglen;
	const char *raw;		/* whole line for evidence */
	size_t rawlen;
	/*
	 * mdc_rules() of the text pre_msg (pre_len bytes, no NUL and no
	 * escaped newline "\x0a" in them) and this tag, worked out ahead
	 * by the thread that loaded the line (scan.c): the model takes it
	 * for a message that is that text; pre_ev NULL: none
	 */
	const struct mdc_event *pre_ev;
	const char *pre_msg;
	size_t pre_len;
	int pre_ret;
	/*
	 * msg holds no NUL byte and no backslash (so no escaped newline):
	 * the loader looked (scan.c); 0: not known
	 */
	int plain;
};

struct mdc_when {
	int boot;
	int clock;			/* 0 none, 1 relative, 2 absolute */
	double t;
	uint64_t seq;			/* global line sequence */
	int file;
};

/*
 * An evidence line.  While the model is built, text holds the line's raw
 * bytes (raw of them, at most MDC_MAX_TEXT - 1: escaping never writes
 * fewer bytes than it reads, so no later byte can reach the report) and
 * is escaped only when an incident takes it (mdc_evid_copy()): in a storm
 * most kept lines are overwritten by a later one before any report.
 * raw is 0 once text is escaped, as in every incident.
 */
struct mdc_evid {
	int file;
	uint64_t line;
	unsigned short raw;
	char text[MDC_MAX_TEXT];
};

struct mdc_evlist {
	struct mdc_evid e[MDC_MAX_EVID];
	unsigned int n;
	uint64_t more;
};

struct mdc_dev {
	char name[MDC_NAME];
	int boot;
	unsigned int cnt[SIG_NR];
	int maxstr[SIG_NR];
	const char *why[SIG_NR];
	struct mdc_when sfirst[SIG_NR], slast[SIG_NR];	/* per signal */
	struct mdc_when first, last;
	struct mdc_evlist ev;
	unsigned int req_pending;	/* request signals awaiting their CDB */
	int zero_len;	/* a zero-length request (phys_seg 0, 0 blocks) refused */
};

struct mdc_array {
	char name[MDC_NAME];
	unsigned int nh;		/* hash of name (model.c) */
	char level[16];
	int boot;
	char lv[96];
	unsigned long suppressed;
	long remaining;
	long total;			/* raid disks ("active with N out of M") */
	long chain;			/* failures each one device less, in a row */
	int unrecov;			/* raid1/10: a rebuild found no good copy */
	long recovered;			/* "recovery done" with no count to add to */
	int parity;			/* as in struct mdc_event */
	enum mdc_mstate mstate;		/* dm-mirror: MS_*NO_SYNC, or MS_LEG_READ */
	int dead;
	struct mdc_when first;
};

struct mdc_leg {
	int array;
	char name[MDC_NAME];
	unsigned int nh;		/* hash of name (model.c) */
	int boot;
	unsigned long resched, redirect, corrected, failing, fault, notcorr;
	unsigned long kicked, mirror_fail, lvfail, admin, unrecov, superwrite;
	unsigned long suppressed;
	long thr_cur, thr_max;
	uint64_t sector0;
	int same_sector;
	int faulted;
	int closed;			/* array re-assembled after this */
	int repaired;			/* dmeventd's repair after the fault: 1 done, -1 failed */
	int out_set;			/* out_at is set */
	int log;			/* dm-mirror: the mirror's log device, not a leg */
	int log_dmeventd, log_header;	/* ... said by dmeventd, by dm-log's header I/O */
	struct mdc_when out_at;		/* dmeventd's last "has failed (D)" of it */
	int lv_index;
	char lv[96];
	char lv_how[64];
	struct mdc_when first, fault_at, last;
	struct mdc_evlist ev;
};

struct mdc_sw {
	int boot;
	int storage;
	char title[160];
	char array[MDC_NAME];
	struct mdc_when at;
	struct mdc_evlist ev;
};

struct mdc_gsig {
	enum mdc_sig sig;
	int strength;
	const char *why;
	struct mdc_when at;
	struct mdc_evid ev;
};

struct mdc_map {
	char from[MDC_NAME];	/* dm-58, 252:58, 0:1:0:0 */
	char to[96];		/* vg0-iris_boot_rimage_0, sdb */
	unsigned int fh;	/* hash of from, as kept */
};

struct mdc_stats {
	uint64_t bytes, lines, candidates, matched, skipped;
	uint64_t overlong, binary, joined, filtered;
	uint64_t dropped_entities, input_errors;
	unsigned int inputs;
};

struct mdc_opts {
	int json, color, follow, live, verbose, progress, brief;
	int64_t since, until;		/* 0 = unset */
	int has_since, has_until;
	int year;			/* for syslog lines without a year */
	const char *kernel;		/* --kernel VERSION */
	const char *prometheus;
	const char *sysfs_root;
	const char *dmsetup_status;
};

struct mdc_result;

struct mdc_model {
	const struct mdc_opts *opts;
	char **files;			/* input names, grown as needed */
	unsigned int nfiles, files_cap;
	struct mdc_array *arrays[MDC_MAX_ARRAYS];
	unsigned int narrays;
	struct mdc_leg *legs[MDC_MAX_LEGS];
	unsigned int nlegs;
	struct mdc_dev *devs[MDC_MAX_DEVS];
	unsigned int ndevs;
	struct mdc_sw *sw[MDC_MAX_SW];
	unsigned int nsw;
	struct mdc_gsig *gsig;
	unsigned int ngsig;
	struct mdc_map *map;		/* dm-N / major:minor / hctl -> name */
	unsigned int nmap;
	/*
	 * map's index by from: open addressing on fh, index + 1 of an
	 * entry (0: empty); entries are never taken out
	 */
	unsigned short *map_slot;
	unsigned int map_gen;		/* counts the changes to map */
	/*
	 * classify.c: whether a leg owns each device (0 not known, 1 no,
	 * 2 yes), known for owns_nlegs legs and map_gen owns_gen
	 */
	unsigned char *owns;
	unsigned int owns_nlegs, owns_gen;
	char kernel[64];
	char kernel_src[32];
	char cur_boot_id[40];
	int boot;
	int last_file, last_abs;	/* input context of the previous line */
	uint64_t seq;
	int sw_open;			/* index+1 of software event taking frames */
	int sw_frames;
	unsigned long superwrite_pending;
	unsigned long suppressed_pending;
	/* syslog hosts: every host has its own boots (one report each) */
	char hosts[MDC_MAX_HOSTS][64];
	char host_boot_id[MDC_MAX_HOSTS][40];	/* each host's current _BOOT_ID */
	unsigned int nhosts, cur_host;
	int maxboot;
	unsigned char boot_host[MDC_MAX_BOOTS];	/* host index + 1 */
	/* the kernel a boot ran ("Linux version"): kvers index + 1 */
	unsigned char boot_kver[MDC_MAX_BOOTS];
	char kvers[MDC_MAX_KVERS][64];	/* the distinct versions seen */
	unsigned int nkvers;
	int syslog_year;		/* year of syslog stamps after a turn */
	int64_t syslog_last;		/* previous syslog stamp */
	int hostq[32];			/* libata SCSI hosts not yet given a port */
	unsigned int hostq_n;
	struct mdc_when superwrite_at;
	struct mdc_stats st;
	/*
	 * get_dev()'s last answers by the name as the message gave it: a
	 * storm names the same few devices on every line, failing disks
	 * a few dozen (partitions, H:C:T:L, the md arrays)
	 */
	struct {
		char name[MDC_NAME];
		int boot;
		struct mdc_dev *d;
	} devcache[MDC_DEVCACHE];
	/*
	 * find_leg()'s last answers by the name's hash: the leg found
	 * (index + 1, 0: none kept), and a name none of the first nlegs
	 * legs has in the boot (nlegs 0: none kept)
	 */
	struct mdc_legcache {
		unsigned int leg;
		unsigned int nh, nlegs;
		int boot;
		char name[MDC_NAME];
	} legcache[MDC_LEGCACHE];
	/* follow mode: legs already printed */
	unsigned char printed[MDC_MAX_LEGS];
};

/* escape.c */
size_t mdc_escape(char *dst, size_t dstlen, const char *src, size_t len);
const char *mdc_escaped_nl(const char *p, size_t n);
#define MDC_HAS_NUL	1u
#define MDC_HAS_BSLASH	2u
unsigned int mdc_nul_bslash(const char *p, size_t n);

/* lineformat.c */
int mdc_parse_line(struct mdc_line *l, const char *s, size_t len, int year);
int mdc_line_stamped(const char *s, size_t len);
const char *mdc_fmt_name(enum mdc_fmt f);
int64_t mdc_mktime_utc(int y, int mon, int d, int h, int mi, int s);
int mdc_month(const char *s, size_t len);

/* rules.c (the knowledge is the table in ruletab.h) */
#define MDC_MAX_ANCHOR	24	/* bytes of one scanner anchor */
#define MDC_MAX_ANCHORS	96
struct mdc_anchor {
	char lit[MDC_MAX_ANCHOR];
	unsigned char len;
};

/* msg: len bytes and a NUL (strlen(msg) == len) */
int mdc_rules(const char *msg, size_t len, const char *tag,
	      struct mdc_event *ev);
int mdc_rules_ahead(const char *msg, size_t len, const char *tag,
		    struct mdc_event *ev);
/* times the calling thread's wording memo knew rows to pass or place */
unsigned long mdc_rules_memo_used(void);
/* messages mdc_rules()' memo of messages answered */
unsigned long mdc_rules_memo_hits(void);
unsigned int mdc_rule_count(void);
const char *mdc_rule_anchor(unsigned int i);
unsigned int mdc_anchors(struct mdc_anchor *out, unsigned int max);
const enum mdc_sig *mdc_precedence(unsigned int *n);
int mdc_request_shape(void);
/* dm name "vg0-iris_boot" -> "vg0/iris_boot"; "" when it does not fit */
void mdc_dmname_to_lv(const char *s, char *dst, size_t n);

/* model.c */
void mdc_model_init(struct mdc_model *m, const struct mdc_opts *o);
void mdc_model_free(struct mdc_model *m);
int mdc_model_file(struct mdc_model *m, const char *name);
void mdc_model_line(struct mdc_model *m, struct mdc_line *l);
int mdc_model_add_map(struct mdc_model *m, const char *from, const char *to);
const char *mdc_model_lookup(const struct mdc_model *m, const char *from);
int mdc_load_dmsetup_ls(struct mdc_model *m, const char *path);
void mdc_evadd(struct mdc_evlist *el, int file, uint64_t line,
	       const char *text, size_t len);
void mdc_evid_set(struct mdc_evid *e, int file, uint64_t line,
		  const char *text, size_t len);
void mdc_evid_copy(struct mdc_evid *dst, const struct mdc_evid *src);
int mdc_near(const struct mdc_when *a, const struct mdc_when *b,
	     double before, double after);
const char *mdc_boot_host(const struct mdc_model *m, int boot);
const char *mdc_boot_kernel(const struct mdc_model *m, int boot);

/* classify.c */
struct mdc_incident {
	const char *array, *level, *leg, *device;
	char lv[96];
	int boot;
	enum mdc_class cls;
	const char *confidence;
	int faulted;
	int mirror_log;			/* leg is a dm-mirror's log device */
	char action[1280];		/* the longest: 2 VG/LV and 2 VG names */
	char fix[672];
	char why[1024];
	char live[1024];
	struct mdc_evid *evid;
	unsigned int nevid;
	uint64_t more;
	const struct mdc_leg *legp;
	const struct mdc_dev *devp;
	const struct mdc_sw *swp;
};

struct mdc_result {
	struct mdc_incident *inc;
	unsigned int ninc;
	unsigned int degraded;
	int unknown;
	enum mdc_class primary;
	int has_primary;
};

const char *mdc_class_name(enum mdc_class c);
const char *mdc_verdict_name(enum mdc_class c);
int mdc_classify(struct mdc_model *m, struct mdc_result *r);
int mdc_classify_leg(struct mdc_model *m, unsigned int i,
		     struct mdc_incident *inc);
void mdc_result_free(struct mdc_result *r);
int mdc_kernel_affected(const char *ver, int mirror);
int mdc_exit_code(const struct mdc_result *r, int io_error);

/* report_text.c, report_json.c, report_prom.c */
#define MDC_JSON_SCHEMA_VERSION	1	/* Documentation/mdclassify.schema.json */
int mdc_array_state(const struct mdc_model *m, unsigned int ai,
		    const char **state, char *why, size_t n);
void mdc_report_text(FILE *f, const struct mdc_model *m,
		     const struct mdc_result *r, int color);
void mdc_report_incident_text(FILE *f, const struct mdc_model *m,
			      const struct mdc_incident *in, int color);
void mdc_report_brief(FILE *f, const struct mdc_model *m,
		      const struct mdc_result *r, const char *prefix);
void mdc_report_json(FILE *f, const struct mdc_model *m,
		     const struct mdc_result *r, int exit_code);
void mdc_report_incident_jsonl(FILE *f, const struct mdc_model *m,
			       const struct mdc_incident *in);
int mdc_report_prom(const char *path, const struct mdc_model *m,
		    const struct mdc_result *r);

/* input.c */
struct mdc_input;
struct mdc_input *mdc_input_open(const char *path, char *err, size_t errlen);
long mdc_input_read(struct mdc_input *in, char *buf, size_t len,
		    char *err, size_t errlen);
uint64_t mdc_input_total(const struct mdc_input *in);
uint64_t mdc_input_pos(const struct mdc_input *in);
int mdc_input_fd(const struct mdc_input *in);
int mdc_input_plain(const struct mdc_input *in);
int mdc_input_ready(struct mdc_input *in, int ms);
const char *mdc_input_kind(const struct mdc_input *in);
int mdc_input_seekable(const struct mdc_input *in);
void mdc_input_set_pos(struct mdc_input *in, uint64_t off);
const char *mdc_input_name(const struct mdc_input *in);
void mdc_input_close(struct mdc_input *in);

/* scan.c */
struct mdc_scanner;
struct mdc_scanner *mdc_scanner_new(struct mdc_model *m);
void mdc_scanner_free(struct mdc_scanner *s);
int mdc_scan_input(struct mdc_scanner *s, struct mdc_input *in, int file,
		   int follow, void (*tick)(void *), void *arg);
int mdc_scan_buffer(struct mdc_model *m, const char *buf, size_t len,
		    int file);
int mdc_anchor_hit(const char *s, size_t len);
void mdc_process_line(struct mdc_model *m, const char *s, size_t len,
		      int file, uint64_t lineno);
size_t mdc_count_nl(const char *p, size_t n);

/* journal.c */
int mdc_read_journal(struct mdc_model *m, const char *dir, int follow,
		     void (*tick)(void *), void *arg);

/* live.c */
void mdc_live_annotate(struct mdc_model *m, struct mdc_result *r);
struct mdu_array_info_s;
struct mdu_disk_info_s;
const char *mdc_md_disk_word(const struct mdu_disk_info_s *d);
int mdc_md_describe(const struct mdu_array_info_s *a,
		    const struct mdu_disk_info_s *d, char *out, size_t n);

#endif
