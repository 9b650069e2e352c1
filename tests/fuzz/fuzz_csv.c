/* fuzz_csv.c — libFuzzer target for the CSV reader (src/import/csv.c).
 *
 * Reads the input with every delimiter mode, as UTF-8 and as latin1, and
 * checks what must hold whatever the bytes: fields are NUL-free strings of
 * their stated length and valid places in memory, lines never go back,
 * errors are one "NAME:LINE:FIELD: message" line and stay put, and a
 * record written back out, every field quoted, reads back the same.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude tests/fuzz/fuzz_csv.c \
 *     src/import/csv.c src/base/error.c src/base/xalloc.c -o /tmp/fuzz_csv
 *   /tmp/fuzz_csv -max_total_time=60 /tmp/corpus tests/fuzz/corpus/csv
 *
 * Add -DCX_CSV_CHUNK=64 to put the reader's chunk boundaries inside small
 * inputs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/csv.h"

static char *out;
static size_t out_cap;

static void put(size_t *n, const char *s, size_t len)
{
	if (*n + len + 1 > out_cap) {
		out_cap = (*n + len + 1) * 2;
		out = realloc(out, out_cap);
		CHECK(out);
	}
	memcpy(out + *n, s, len);
	*n += len;
}

/* Writes the record with every field quoted and reads it back. */
static void round_trip(const cx_csv *c)
{
	size_t n = 0, nf = cx_csv_nfields(c);
	char d = cx_csv_delimiter(c);
	for (size_t i = 0; i < nf; i++) {
		const char *f = cx_csv_field(c, i);
		if (i)
			put(&n, &d, 1);
		put(&n, "\"", 1);
		for (const char *q; (q = strchr(f, '"')); f = q + 1) {
			put(&n, f, (size_t)(q - f));
			put(&n, "\"\"", 2);
		}
		put(&n, f, strlen(f));
		put(&n, "\"", 1);
	}
	put(&n, "\n", 1);
	cx_error err;
	cx_csv_opts o = {.delimiter = d};
	cx_csv *back = cx_csv_open_mem("again", out, n, &o, &err);
	CHECK(back);
	CHECK(cx_csv_next(back, &err) == 1);
	CHECK(cx_csv_line(back) == 1);
	CHECK(cx_csv_nfields(back) == nf);
	for (size_t i = 0; i < nf; i++) {
		CHECK(cx_csv_field_len(back, i) == cx_csv_field_len(c, i));
		CHECK(memcmp(cx_csv_field(back, i), cx_csv_field(c, i), cx_csv_field_len(c, i) + 1) == 0);
	}
	CHECK(cx_csv_next(back, &err) == 0);
	cx_csv_close(back);
}

static void one_pass(const uint8_t *data, size_t size, char delim, const char *enc)
{
	cx_error err;
	cx_csv_opts o = {.delimiter = delim, .encoding = enc};
	cx_csv *c = cx_csv_open_mem("fuzz", (const char *)data, size, &o, &err);
	CHECK(c);
	long last = 0;
	int rc;
	while ((rc = cx_csv_next(c, &err)) == 1) {
		CHECK(cx_csv_line(c) > last);
		last = cx_csv_line(c);
		CHECK(cx_csv_nfields(c) >= 1);
		CHECK(delim ? cx_csv_delimiter(c) == delim : strchr(",;\t", cx_csv_delimiter(c)) != NULL);
		size_t sum = 0;
		for (size_t i = 0; i < cx_csv_nfields(c); i++) {
			const char *f = cx_csv_field(c, i);
			CHECK(f);
			CHECK(strlen(f) == cx_csv_field_len(c, i));
			for (size_t k = 0; k < cx_csv_field_len(c, i); k++)
				sum += (unsigned char)f[k];
		}
		CHECK(sum != (size_t)-1);
		CHECK(cx_csv_bytes_read(c) <= cx_csv_size(c));
		round_trip(c);
	}
	if (rc < 0) {
		CHECK(strncmp(err.msg, "fuzz:", 5) == 0);
		CHECK(strchr(err.msg, '\n') == NULL);
		/* Latin-1 maps every byte: only the parser's own errors remain. */
		CHECK(!enc || !strstr(err.msg, "not valid"));
		char first[sizeof err.msg];
		memcpy(first, err.msg, sizeof first);
		CHECK(cx_csv_next(c, &err) == -1);
		CHECK(strcmp(first, err.msg) == 0);
	} else {
		CHECK(rc == 0);
		CHECK(cx_csv_bytes_read(c) == cx_csv_size(c));
		CHECK(cx_csv_next(c, &err) == 0);
	}
	cx_csv_close(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = {0, ',', ';'};
	static const char *const encs[] = {NULL, "latin1"};
	for (size_t d = 0; d < sizeof delims; d++)
		for (size_t e = 0; e < 2; e++)
			one_pass(data, size, delims[d], encs[e]);
	return 0;
}
