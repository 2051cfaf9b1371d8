// SPDX-License-Identifier: GPL-2.0
/*
 * journal.c - read the systemd binary journal through sd-journal
 * (--journal[=DIR|FILE]).
 *
 * All boots are read (journalctl -k would imply -b, the current boot
 * only), at every priority (journalctl -p err would drop md's notice and
 * info lines such as "exceeded read_error threshold").  Kernel transport
 * entries are read, plus the lvm2/mdadm daemons (dmeventd names the LV of
 * a failed leg).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <systemd/sd-journal.h>

#include "mdclassify.h"

static int field(sd_journal *j, const char *name, char *dst, size_t n)
{
	const void *d;
	size_t len, kl = strlen(name) + 1;

	dst[0] = 0;
	if (sd_journal_get_data(j, name, &d, &len) < 0 || len < kl)
		return -1;
	len -= kl;
	if (len >= n)
		len = n - 1;
	memcpy(dst, (const char *)d + kl, len);
	dst[len] = 0;
	return (int)len;
}

static void entry(struct mdc_model *m, sd_journal *j, int file,
		  uint64_t lineno)
{
	char msg[MDC_MAX_LINE + 1], raw[MDC_MAX_LINE], tmp[64], ident[24];
	struct mdc_line l;
	uint64_t usec;
	size_t i, o = 0;
	int n;

	m->st.lines++;
	n = field(j, "MESSAGE", raw, sizeof(raw));
	if (n <= 0)
		return;
	m->st.bytes += n + 1;
	if (!mdc_anchor_hit(raw, n))
		return;
	m->st.candidates++;
	for (i = 0; i < (size_t)n && o + 5 < sizeof(msg); i++) {
		if (raw[i] == '\n') {
			memcpy(msg + o, "\\x0a", 4);
			o += 4;
		} else {
			msg[o++] = raw[i];
		}
	}
	msg[o] = 0;
	memset(&l, 0, sizeof(l));
	field(j, "_BOOT_ID", l.boot, sizeof(l.boot));
	if (!sd_journal_get_realtime_usec(j, &usec)) {
		l.abs = usec / 1000000;
		l.has_abs = 1;
	}
	if (field(j, "_SOURCE_MONOTONIC_TIMESTAMP", tmp, sizeof(tmp)) > 0) {
		l.rel = strtod(tmp, NULL) / 1e6;
		l.has_rel = 1;
	}
	field(j, "_KERNEL_DEVICE", l.kdev, sizeof(l.kdev));
	field(j, "_HOSTNAME", l.host, sizeof(l.host));	/* one report per host */
	if (field(j, "_TRANSPORT", tmp, sizeof(tmp)) > 0 && !strcmp(tmp, "kernel"))
		strcpy(l.tag, "kernel");
	else if (field(j, "SYSLOG_IDENTIFIER", ident, sizeof(ident)) > 0)
		snprintf(l.tag, sizeof(l.tag), "%s", ident);
	l.fmt = FMT_JOURNAL;
	l.file = file;
	l.lineno = lineno;
	l.msg = msg;
	l.msglen = o;
	l.raw = msg;
	l.rawlen = o;
	mdc_model_line(m, &l);
}

int mdc_read_journal(struct mdc_model *m, const char *dir, int follow,
		     void (*tick)(void *), void *arg)
{
	static const char *const idents[] = {
		"SYSLOG_IDENTIFIER=dmeventd", "SYSLOG_IDENTIFIER=lvm",
		"SYSLOG_IDENTIFIER=mdadm", NULL
	};
	sd_journal *j = NULL;
	struct stat st;
	uint64_t lineno = 0;
	int r, file, i;
	char name[4200];

	if (!dir) {
		r = sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY);
	} else if (!stat(dir, &st) && S_ISREG(st.st_mode)) {
		const char *files[] = { dir, NULL };

		r = sd_journal_open_files(&j, files, 0);
	} else {
		r = sd_journal_open_directory(&j, dir, 0);
	}
	if (r < 0) {
		fprintf(stderr, "mdclassify: cannot open the journal %s: %s\n",
			dir ? dir : "(system)", strerror(-r));
		m->st.input_errors++;
		return -1;
	}
	snprintf(name, sizeof(name), "journal:%s", dir ? dir : "system");
	file = mdc_model_file(m, name);
	m->st.inputs++;
	sd_journal_add_match(j, "_TRANSPORT=kernel", 0);
	for (i = 0; idents[i]; i++) {
		sd_journal_add_disjunction(j);
		sd_journal_add_match(j, idents[i], 0);
	}
	r = sd_journal_seek_head(j);
	for (;;) {
		r = sd_journal_next(j);
		if (r < 0) {
			fprintf(stderr, "mdclassify: journal %s: %s\n",
				dir ? dir : "(system)", strerror(-r));
			m->st.input_errors++;
			break;
		}
		if (r > 0) {
			entry(m, j, file, ++lineno);
			continue;
		}
		if (!follow)
			break;
		if (tick)
			tick(arg);
		sd_journal_wait(j, 1000000);
	}
	if (!lineno)
		fprintf(stderr, "mdclassify: journal %s: no kernel, dmeventd, lvm or mdadm entries found\n",
			dir ? dir : "(system)");
	sd_journal_close(j);
	return 0;
}
