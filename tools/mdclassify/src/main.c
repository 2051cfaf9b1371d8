// SPDX-License-Identifier: GPL-2.0
/*
 * mdclassify - read kernel logs and tell, per md/dm RAID array and leg,
 * why it degraded and what to run next.  See mdclassify(1).
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mdclassify.h"

struct ctx {
	struct mdc_model *m;
	const struct mdc_opts *o;
	struct mdc_input *in;
	const char *name;
	struct timespec start, last;
	int progress_shown;
};

static void usage(FILE *f)
{
	fputs("Usage: mdclassify [options] [FILE...]\n"
	      "Read kernel logs (files, compressed files, stdin or the journal) and\n"
	      "classify md/dm RAID leg failures: media, transport, request, software,\n"
	      "admin, benign or unknown, with the command to run next.\n\n"
	      "  -j, --json               one JSON document (with --follow: JSON lines)\n"
	      "      --journal[=DIR|FILE] read the systemd journal (all boots)\n"
	      "  -f, --follow             keep reading a growing file or the journal\n"
	      "      --since TIME         ignore lines before TIME (YYYY-MM-DD[ HH:MM[:SS]] or @EPOCH)\n"
	      "      --until TIME         ignore lines after TIME\n"
	      "      --year YYYY          year of syslog time stamps (default: this year)\n"
	      "      --kernel VERSION     kernel version when the log does not show it\n"
	      "      --dmsetup-ls FILE    `dmsetup ls` or `lsblk` output: dm-N -> LV names\n"
	      "      --live               add the current state of each leg\n"
	      "      --sysfs-root DIR     read /sys from DIR (with --live)\n"
	      "      --dmsetup-status FILE `dmsetup status` output (with --live)\n"
	      "      --prometheus FILE    write node_exporter textfile metrics\n"
	      "      --color=WHEN         auto (default), always, never; NO_COLOR disables\n"
	      "      --no-progress        no progress bar on stderr\n"
	      "      --brief              one line per incident: class, verdict, leg, command\n"
	      "  -h, --help               this text\n"
	      "  -V, --version            version\n\n"
	      "Exit: 0 nothing degraded, 1 degraded legs with known cause, 2 usage or\n"
	      "input error, 3 something needs investigation (unknown cause, kernel bug).\n",
	      f);
}

static int parse_time(const char *s, int64_t *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n;

	if (*s == '@') {
		char *e;

		*out = strtoll(s + 1, &e, 10);
		return *e ? -1 : 0;
	}
	n = sscanf(s, "%d-%d-%d%*[ T]%d:%d:%d", &y, &mo, &d, &h, &mi, &sec);
	if (n < 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	*out = mdc_mktime_utc(y, mo, d, h, mi, sec);
	return 0;
}

static double secs(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

static void follow_emit(struct ctx *c)
{
	struct mdc_model *m = c->m;
	unsigned int i;

	for (i = 0; i < m->nlegs && i < MDC_MAX_LEGS; i++) {
		struct mdc_incident in;

		if (m->printed[i] || !m->legs[i]->faulted)
			continue;
		m->printed[i] = 1;
		mdc_classify_leg(m, i, &in);
		if (c->o->json)
			mdc_report_incident_jsonl(stdout, m, &in);
		else
			mdc_report_incident_text(stdout, m, &in, c->o->color);
		fflush(stdout);
		free(in.evid);
	}
	if (c->o->prometheus) {
		struct mdc_result r;

		if (!mdc_classify(m, &r)) {
			mdc_report_prom(c->o->prometheus, m, &r);
			mdc_result_free(&r);
		}
	}
}

static void tick(void *arg)
{
	struct ctx *c = arg;
	struct timespec now;
	uint64_t total, pos;
	double el;

	if (c->o->follow)
		follow_emit(c);
	if (!c->o->progress || !c->in)
		return;
	total = mdc_input_total(c->in);
	if (total < (64u << 20))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (secs(&c->last, &now) < 0.25)
		return;
	c->last = now;
	pos = mdc_input_pos(c->in);
	el = secs(&c->start, &now);
	fprintf(stderr, "\r%s: %llu/%llu MiB (%3.0f%%) %.0f MB/s   ", c->name,
		(unsigned long long)(pos >> 20),
		(unsigned long long)(total >> 20),
		total ? 100.0 * pos / total : 0.0,
		el > 0 ? pos / el / 1e6 : 0.0);
	c->progress_shown = 1;
}

int main(int argc, char **argv)
{
	enum {
		O_JOURNAL = 256, O_SINCE, O_UNTIL, O_YEAR, O_KERNEL, O_DMLS,
		O_LIVE, O_SYSFS, O_DMSTATUS, O_PROM, O_COLOR, O_NOPROG, O_BRIEF
	};
	static const struct option lo[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "journal", optional_argument, NULL, O_JOURNAL },
		{ "follow", no_argument, NULL, 'f' },
		{ "since", required_argument, NULL, O_SINCE },
		{ "until", required_argument, NULL, O_UNTIL },
		{ "year", required_argument, NULL, O_YEAR },
		{ "kernel", required_argument, NULL, O_KERNEL },
		{ "dmsetup-ls", required_argument, NULL, O_DMLS },
		{ "live", no_argument, NULL, O_LIVE },
		{ "sysfs-root", required_argument, NULL, O_SYSFS },
		{ "dmsetup-status", required_argument, NULL, O_DMSTATUS },
		{ "prometheus", required_argument, NULL, O_PROM },
		{ "color", optional_argument, NULL, O_COLOR },
		{ "colour", optional_argument, NULL, O_COLOR },
		{ "no-progress", no_argument, NULL, O_NOPROG },
		{ "brief", no_argument, NULL, O_BRIEF },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct mdc_opts o;
	struct mdc_model *m;
	struct mdc_result r;
	struct mdc_scanner *sc;
	const char *dmls[16];
	const char *journal = NULL;
	int use_journal = 0, ndmls = 0, c, i, code, io_error = 0;
	const char *color = "auto";
	struct ctx cx;
	time_t now = time(NULL);
	struct tm tm;

	memset(&o, 0, sizeof(o));
	gmtime_r(&now, &tm);
	o.year = tm.tm_year + 1900;
	o.progress = 1;
	while ((c = getopt_long(argc, argv, "jfhV", lo, NULL)) != -1) {
		switch (c) {
		case 'j':
			o.json = 1;
			break;
		case 'f':
			o.follow = 1;
			break;
		case O_JOURNAL:
			use_journal = 1;
			journal = optarg;
			break;
		case O_SINCE:
		case O_UNTIL:
			if (parse_time(optarg, c == O_SINCE ? &o.since : &o.until)) {
				fprintf(stderr, "mdclassify: bad time '%s'\n", optarg);
				return 2;
			}
			if (c == O_SINCE)
				o.has_since = 1;
			else
				o.has_until = 1;
			break;
		case O_YEAR:
			o.year = atoi(optarg);
			break;
		case O_KERNEL:
			o.kernel = optarg;
			break;
		case O_DMLS:
			if (ndmls < 16)
				dmls[ndmls++] = optarg;
			break;
		case O_LIVE:
			o.live = 1;
			break;
		case O_SYSFS:
			o.sysfs_root = optarg;
			break;
		case O_DMSTATUS:
			o.dmsetup_status = optarg;
			break;
		case O_PROM:
			o.prometheus = optarg;
			break;
		case O_COLOR:
			color = optarg ? optarg : "always";
			break;
		case O_NOPROG:
			o.progress = 0;
			break;
		case O_BRIEF:
			o.brief = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("mdclassify %s\n", MDC_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (strcmp(color, "auto") && strcmp(color, "always") &&
	    strcmp(color, "never")) {
		fprintf(stderr, "mdclassify: --color must be auto, always or never\n");
		return 2;
	}
	o.color = !strcmp(color, "always") ||
		  (!strcmp(color, "auto") && isatty(STDOUT_FILENO));
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		o.color = 0;
	if (o.json)
		o.color = 0;
	if (!isatty(STDERR_FILENO))
		o.progress = 0;

	m = calloc(1, sizeof(*m));
	if (!m)
		return 2;
	mdc_model_init(m, &o);
	for (i = 0; i < ndmls; i++) {
		if (mdc_load_dmsetup_ls(m, dmls[i]) < 0) {
			fprintf(stderr, "mdclassify: %s: cannot read\n", dmls[i]);
			io_error = 1;
		}
	}
	memset(&cx, 0, sizeof(cx));
	cx.m = m;
	cx.o = &o;
	clock_gettime(CLOCK_MONOTONIC, &cx.start);

	sc = mdc_scanner_new(m);
	if (!sc)
		return 2;
	if (use_journal)
		mdc_read_journal(m, journal, o.follow, tick, &cx);
	for (i = optind; i < argc || (i == optind && !use_journal && optind == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		char err[512];
		struct mdc_input *in = mdc_input_open(path, err, sizeof(err));
		uint64_t before;
		int file;

		if (!in) {
			fprintf(stderr, "mdclassify: %s\n", err);
			m->st.input_errors++;
			continue;
		}
		file = mdc_model_file(m, !strcmp(path, "-") ? "stdin" : path);
		m->st.inputs++;
		cx.in = in;
		cx.name = path;
		clock_gettime(CLOCK_MONOTONIC, &cx.start);
		before = m->st.bytes;
		mdc_scan_input(sc, in, file, o.follow && i == argc - 1, tick, &cx);
		if (m->st.bytes == before && !o.follow) {
			/* an empty source is no evidence that all is well */
			fprintf(stderr, "mdclassify: %s: empty input\n",
				!strcmp(path, "-") ? "stdin" : path);
			m->st.input_errors++;
		}
		cx.in = NULL;
		mdc_input_close(in);
		if (i >= argc)
			break;
	}
	mdc_scanner_free(sc);
	if (cx.progress_shown)
		fputs("\r\033[K", stderr);
	if (m->st.input_errors)
		io_error = 1;

	if (mdc_classify(m, &r)) {
		fprintf(stderr, "mdclassify: out of memory\n");
		return 2;
	}
	if (o.live)
		mdc_live_annotate(m, &r);
	code = mdc_exit_code(&r, io_error);
	if (o.json)
		mdc_report_json(stdout, m, &r, code);
	else if (o.brief)
		mdc_report_brief(stdout, m, &r, NULL);
	else
		mdc_report_text(stdout, m, &r, o.color);
	if (o.prometheus && mdc_report_prom(o.prometheus, m, &r)) {
		fprintf(stderr, "mdclassify: cannot write %s\n", o.prometheus);
		if (!code)
			code = 2;
	}
	mdc_result_free(&r);
	mdc_model_free(m);
	free(m);
	if (fflush(stdout))
		return 2;
	return code;
}
