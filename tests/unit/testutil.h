/* testutil.h — helpers shared by the cmocka unit tests. */
#ifndef CXTOP_TESTUTIL_H
#define CXTOP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* A fresh path in a private temp directory; the file does not exist yet.
 * The directory is removed by tu_tmp_cleanup(). */
static char tu_dir[256];

static inline const char *tu_tmp_path(const char *name)
{
	static char path[512];
	if (!tu_dir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tu_dir, sizeof tu_dir, "%s/cxtop-test-XXXXXX", base && *base ? base : "/tmp");
		if (!mkdtemp(tu_dir))
			abort();
	}
	snprintf(path, sizeof path, "%s/%s", tu_dir, name);
	return path;
}

static inline void tu_tmp_cleanup(void)
{
	if (tu_dir[0]) {
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tu_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tu_dir);
		tu_dir[0] = '\0';
	}
}

/* Copies a file (e.g. sample.db) so a test can write to it freely. */
static inline void tu_copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}


#include <time.h>

/* The UTC instant of a wall-clock time in zone, by libc (tm_isdst
 * unknown); TZ is unset again after. */
static inline int64_t tu_local_at(const char *zone, int y, int mo, int d, int h, int mi)
{
	setenv("TZ", zone, 1);
	tzset();
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_isdst = -1};
	int64_t t = (int64_t)mktime(&tm);
	unsetenv("TZ");
	tzset();
	return t;
}

#endif
