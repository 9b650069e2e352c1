/* fuzz_json.c — libFuzzer target for JSON pages as rows (src/import/json.c):
 * the input is one file of pages (a list of records, users to join, one
 * value after another) read through a mapping with joins; whatever the
 * bytes, it gives rows of exactly the mapping's columns, each cell NULL or
 * a string, or one line of error that names the file.  No crash, leak or
 * undefined behaviour.  The bytes go through a temporary file, since the
 * reader takes paths. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "cxtop/csv.h"
#include "cxtop/mapping.h"
#include "import/import_internal.h"

static const char mapping[] = "table: tickets\n"
			      "json:\n"
			      "  records: tickets\n"
			      "  join:\n"
			      "    requester: {from: users, key: requester_id}\n"
			      "    metric: {from: metric_sets, key: id, on: ticket_id}\n"
			      "skip:\n"
			      "  - {column: status, equals: deleted}\n"
			      "fields:\n"
			      "  source_id: id\n"
			      "  customer: requester.email\n"
			      "  channel: via.channel\n"
			      "  created_at: created_at\n"
			      "  replies: metric.replies\n"
			      "  topic: {column: tags, split: \" \", part: 1}\n";

static cx_mapping map;
static char path[256];

static void remove_input(void)
{
	unlink(path);
}

static void setup(void)
{
	cx_error err = {0};
	if (cx_mapping_load_mem("fuzz-map.yaml", mapping, sizeof mapping - 1, &map, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		abort();
	}
	snprintf(path, sizeof path, "%s/cxtop-fuzz-json-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	atexit(remove_input);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!path[0])
		setup();
	FILE *f = fopen(path, "wb");
	CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0);
	char *files[] = {path};
	cx_error err = {0};
	cx_json_set *s = cx_json_load(files, 1, &map, &err);
	if (!s) {
		CHECK(strstr(err.msg, path) && !strchr(err.msg, '\n') && err.status == 1);
		return 0;
	}
	cx_csv *c = cx_json_rows(s, 0, &err);
	CHECK(c);
	size_t ncols = 0;
	int rc;
	while ((rc = cx_csv_next(c, &err)) == 1) {
		size_t n = cx_csv_nfields(c);
		if (!ncols)
			ncols = n;
		CHECK(n == ncols);
		for (size_t i = 0; i < n; i++) {
			const char *v = cx_csv_field(c, i);
			CHECK(!v || strlen(v) <= cx_csv_field_len(c, i));
		}
	}
	CHECK(rc == 0);
	cx_csv_close(c);
	cx_json_free(s);
	return 0;
}
