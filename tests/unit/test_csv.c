/* test_csv.c — the streaming CSV reader: quoting, line ends, BOM, delimiter
 * detection, encodings, UTF-8 checks, limits, chunk boundaries, files. */
#include "testutil.h"

#include <fcntl.h>

#include "cxtop/csv.h"

/* The reader's chunk (CX_CSV_CHUNK in src/import/csv.c).  The boundary
 * tests slide their data across it, so being off by a little still tests
 * the boundary; being far off would not. */
#define CHUNK 65536
#define MIB (1024 * 1024)

static cx_error err;

static cx_csv *open_n(const char *data, size_t len, char delim, const char *enc)
{
	cx_csv_opts o = {.delimiter = delim, .encoding = enc};
	cx_error_clear(&err);
	cx_csv *c = cx_csv_open_mem("t.csv", data, len, &o, &err);
	assert_non_null(c);
	return c;
}

static cx_csv *open_s(const char *data, char delim)
{
	return open_n(data, strlen(data), delim, NULL);
}

/* Every record as "LINE[f1|f2]", space separated, then "!message" if the
 * reader failed: one string to compare exactly.  Checks on the way that
 * each field's length is its strlen and lines never go back. */
static char out[4096];

static const char *dump(cx_csv *c)
{
	size_t n = 0;
	long last = 0;
	int rc;
	out[0] = '\0';
	while ((rc = cx_csv_next(c, &err)) == 1) {
		assert_true(cx_csv_line(c) > last);
		last = cx_csv_line(c);
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%ld[", n ? " " : "", last);
		for (size_t i = 0; i < cx_csv_nfields(c); i++) {
			assert_int_equal(strlen(cx_csv_field(c, i)), cx_csv_field_len(c, i));
			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i ? "|" : "", cx_csv_field(c, i));
		}
		n += (size_t)snprintf(out + n, sizeof out - n, "]");
		assert_true(n < sizeof out);
	}
	if (rc < 0) {
		snprintf(out + n, sizeof out - n, "%s!%s", n ? " " : "", err.msg);
		assert_int_equal(err.status, CX_EXIT_RUNTIME);
		/* Failed stays failed. */
		char again[sizeof err.msg];
		snprintf(again, sizeof again, "%s", err.msg);
		assert_int_equal(cx_csv_next(c, &err), -1);
		assert_string_equal(err.msg, again);
	}
	cx_csv_close(c);
	return out;
}

static const char *dump_s(const char *data, char delim)
{
	return dump(open_s(data, delim));
}

static const char *dump_n(const char *data, size_t len, char delim, const char *enc)
{
	return dump(open_n(data, len, delim, enc));
}

/* ---- quoting -------------------------------------------------------------- */

static void quoted_fields(void **state)
{
	assert_string_equal(dump_s("a,\"b,c\",\"say \"\"hi\"\"\",\"multi\nline\"\nx,y\n", 0),
			    "1[a|b,c|say \"hi\"|multi\nline] 3[x|y]");
	/* Only quotes: an empty field, then one quote. */
	assert_string_equal(dump_s("\"\",\"\"\"\"\n", 0), "1[|\"]");
	/* Quoted line ends are kept as they are; a CRLF counts as one line. */
	assert_string_equal(dump_s("\"x\r\ny\",\"p\rq\"\r\nz\r\n", 0), "1[x\r\ny|p\rq] 4[z]");
	/* A quoted field ends the file. */
	assert_string_equal(dump_s("a,\"b\"", 0), "1[a|b]");
}

static void lone_quote_in_plain_field_is_literal(void **state)
{
	assert_string_equal(dump_s("5\" screen,x\na\"b\"c,d\"\n", 0), "1[5\" screen|x] 2[a\"b\"c|d\"]");
}

static void junk_after_closing_quote(void **state)
{
	assert_string_equal(dump_s("h1,h2,h3\na,\"abc\"x,c\n", 0),
			    "1[h1|h2|h3] !t.csv:2:2: characters after the closing quote");
	/* A space is junk too: the field said where it ends. */
	assert_string_equal(dump_s("\"a\" ,b\n", 0), "!t.csv:1:1: characters after the closing quote");
	/* On the line where the quote closed, not where it opened. */
	assert_string_equal(dump_s("x,y,\"a\nb\nc\"d\n", 0), "!t.csv:3:3: characters after the closing quote");
}

static void unterminated_quote(void **state)
{
	assert_string_equal(dump_s("a,b\nc,\"open\nmore\nstill\n", 0),
			    "1[a|b] !t.csv:2:2: unterminated quoted field (opened on this line)");
	assert_string_equal(dump_s("\"", 0), "!t.csv:1:1: unterminated quoted field (opened on this line)");
	/* "" at the end is an escaped quote, still inside the field. */
	assert_string_equal(dump_s("x\n\n\"abc\"\"", 0), "1[x] !t.csv:3:1: unterminated quoted field (opened on this line)");
}

/* ---- lines ---------------------------------------------------------------- */

static void line_ends(void **state)
{
	assert_string_equal(dump_s("a,b\r\nc\rd\ne\r\n", 0), "1[a|b] 2[c] 3[d] 4[e]");
	/* CR CR LF: a lone CR then a CRLF: two lines. */
	assert_string_equal(dump_s("a\r\r\nb", 0), "1[a] 3[b]");
	assert_string_equal(dump_s("a\r", 0), "1[a]");
}

static void blank_lines_skipped_but_counted(void **state)
{
	assert_string_equal(dump_s("\n\na\n\n\r\n\rb\n\n", 0), "3[a] 7[b]");
	assert_string_equal(dump_s("\n\r\n\r", 0), "");
	assert_string_equal(dump_s("", 0), "");
	/* A line of one delimiter is two empty fields, not a blank line. */
	assert_string_equal(dump_s(",\n", 0), "1[|]");
}

static void empty_fields_and_trailing_delimiter(void **state)
{
	cx_csv *c = open_s(",,\n\"\",x\na,b,\na,", 0);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_nfields(c), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(cx_csv_field(c, i), "");
		assert_int_equal(cx_csv_field_len(c, i), 0);
	}
	cx_csv_close(c);
	assert_string_equal(dump_s(",,\n\"\",x\na,b,\na,", 0), "1[||] 2[|x] 3[a|b|] 4[a|]");
}

static void last_line_without_newline(void **state)
{
	assert_string_equal(dump_s("a\nb", 0), "1[a] 2[b]");
	assert_string_equal(dump_s("a,b\nc,d", 0), "1[a|b] 2[c|d]");
}

static void record_over_several_lines(void **state)
{
	cx_csv *c = open_s("h\n\"a\nb\r\nc\",d\ne,f\n", 0);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_line(c), 1);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_line(c), 2);
	assert_string_equal(cx_csv_field(c, 0), "a\nb\r\nc");
	assert_int_equal(cx_csv_field_len(c, 0), 6);
	assert_string_equal(cx_csv_field(c, 1), "d");
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_line(c), 5);
	assert_string_equal(cx_csv_field(c, 1), "f");
	assert_int_equal(cx_csv_next(c, &err), 0);
	assert_int_equal(cx_csv_next(c, &err), 0); /* the end stays the end */
	cx_csv_close(c);
}

/* ---- BOM and delimiters ---------------------------------------------------- */

static void bom_is_stripped(void **state)
{
	assert_string_equal(dump_s("\xEF\xBB\xBFid,name\n1,x", 0), "1[id|name] 2[1|x]");
	assert_string_equal(dump_s("\xEF\xBB\xBF\"q\";r", 0), "1[q|r]");
	assert_string_equal(dump_s("\xEF\xBB\xBF", 0), "");
	/* Only at the start: later it is an ordinary (valid) character. */
	assert_string_equal(dump_s("a\n\xEF\xBB\xBF" "b", 0), "1[a] 2[\xEF\xBB\xBF" "b]");
	/* A BOM in a cp1252 file, converted, is stripped too. */
	assert_string_equal(dump_n("\xEF\xBB\xBF" "a", 4, 0, "UTF-8"), "1[a]");
}

static char detected(const char *data)
{
	cx_csv *c = open_s(data, 0);
	assert_true(cx_csv_next(c, &err) >= 0);
	char d = cx_csv_delimiter(c);
	cx_csv_close(c);
	return d;
}

static void delimiter_detection(void **state)
{
	assert_int_equal(detected("a;b;c\n1;2;3\n"), ';');
	assert_int_equal(detected("a\tb\tc\n1,2,3\n"), '\t');
	assert_int_equal(detected("a,b,c\n1;2;3;4;5\n"), ',');
	/* Ties and nothing: ','. */
	assert_int_equal(detected("a;b,c\n"), ',');
	assert_int_equal(detected("a;b\tc\n"), ',');
	assert_int_equal(detected("abc\n"), ',');
	assert_int_equal(detected(""), ',');
	/* Inside quotes they do not count, even across lines. */
	assert_int_equal(detected("\"a;b;c\nd;e\";f;g,h\n"), ';');
	assert_int_equal(detected("\"a;b;c\",d\n"), ',');
	assert_int_equal(detected("\"x\"\"y;z\",d\n"), ',');
	/* Blank lines first: the first record decides. */
	assert_int_equal(detected("\n\r\n\ta\tb\n"), '\t');
	assert_string_equal(dump_s("\xEF\xBB\xBFx;\"y;1\"\n1;2\n", 0), "1[x|y;1] 2[1|2]");
	assert_string_equal(dump_s("a\tb c\t\n", 0), "1[a|b c|]");
}

static void explicit_delimiter(void **state)
{
	assert_string_equal(dump_s("a,b;c\n", ';'), "1[a,b|c]");
	assert_string_equal(dump_s("a,b\tc;d\n", '\t'), "1[a,b|c;d]");
	/* Given, it is not second-guessed. */
	cx_csv *c = open_s("a;b;c\n", ',');
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_delimiter(c), ',');
	assert_int_equal(cx_csv_nfields(c), 1);
	cx_csv_close(c);
	cx_csv_opts o = {.delimiter = '"'};
	assert_null(cx_csv_open_mem("t.csv", "", 0, &o, &err));
	assert_string_equal(err.msg, "invalid delimiter '\"'");
}

/* ---- encodings and UTF-8 ---------------------------------------------------- */

static void windows_1251(void **state)
{
	static const char in[] = "\xc8\xec\xff,\xcf\xf0\xe8\xe2\xe5\xf2\n\"\xec\xe8\xf0, \xe4\xf0\xf3\xe3\",2\n";
	assert_string_equal(dump_n(in, sizeof in - 1, 0, "windows-1251"),
			    "1[Имя|Привет] 2[мир, друг|2]");
	/* 0x98 is unassigned in windows-1251: named at its line and field. */
	static const char bad[] = "a,b\nc,d\xe4\x98\n";
	assert_string_equal(dump_n(bad, sizeof bad - 1, 0, "windows-1251"),
			    "1[a|b] !t.csv:2:2: bytes that are not valid windows-1251");
}

static void windows_1252_and_latin1(void **state)
{
	static const char in[] = "caf\xe9;\x80 5;\x93q\x94\n";
	assert_string_equal(dump_n(in, sizeof in - 1, 0, "cp1252"), "1[café|€ 5|“q”]");
	assert_string_equal(dump_n(in, sizeof in - 1, 0, "latin1"), "1[café|\xc2\x80 5|\xc2\x93q\xc2\x94]");
	/* 0x81 is unassigned in cp1252; after a quoted line end, the next line. */
	static const char bad[] = "x,\"a\r\nb\x81\"\n";
	assert_string_equal(dump_n(bad, sizeof bad - 1, 0, "cp1252"), "!t.csv:2:2: bytes that are not valid cp1252");
	/* "utf-8" in any case is no conversion, and still checked. */
	assert_string_equal(dump_n("\xe9", 1, 0, "UTF-8"), "!t.csv:1:1: invalid UTF-8");
	assert_string_equal(dump_n("\xc3\xa9", 2, 0, ""), "1[é]");
}

static void multibyte_encoding_truncated(void **state)
{
	/* GB18030 "中" is D6 D0; a file cut after D6. */
	assert_string_equal(dump_n("\xd6\xd0,\xd6", 4, 0, "GB18030"),
			    "!t.csv:1:2: the input ends inside a GB18030 character");
	assert_string_equal(dump_n("\xd6\xd0,a", 4, 0, "GB18030"), "1[中|a]");
}

static void unknown_encoding(void **state)
{
	cx_csv_opts o = {.encoding = "klingon-8"};
	cx_error_clear(&err);
	assert_null(cx_csv_open_mem("t.csv", "a", 1, &o, &err));
	assert_string_equal(err.msg, "unknown encoding 'klingon-8'");
	/* A name the user gave (--encoding, a mapping's encoding:): usage. */
	assert_int_equal(err.status, CX_EXIT_USAGE);
	cx_error_clear(&err);
	assert_null(cx_csv_open("/nonexistent/x.csv", &o, &err));
	assert_string_equal(err.msg, "unknown encoding 'klingon-8'");
}

static void invalid_utf8_names_its_line(void **state)
{
	assert_string_equal(dump_s("ok\nfine,\"multi\nline \xff\"\n", 0), "1[ok] !t.csv:3:2: invalid UTF-8");
	assert_string_equal(dump_s("a,b\r\nc,\"x\r\n\r\ny\xc3\"\n", 0), "1[a|b] !t.csv:4:2: invalid UTF-8");
	/* Overlongs, surrogates, beyond U+10FFFF, stray and truncated bytes. */
	static const char *const bad[] = {
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\x80",
		"\xe2\x82", "\xe2\x82x", "\xf0\x9f\x98", "abcdefgh\xe9",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char in[64];
		snprintf(in, sizeof in, "a;b\nc;%s;d\n", bad[i]);
		assert_string_equal(dump_s(in, 0), "1[a|b] !t.csv:2:2: invalid UTF-8");
	}
	/* The edges that are valid. */
	assert_string_equal(dump_s("\xc2\x80,\xed\x9f\xbf,\xee\x80\x80,\xf0\x90\x80\x80,\xf4\x8f\xbf\xbf,\xef\xbf\xbf\n", 0),
			    "1[\xc2\x80|\xed\x9f\xbf|\xee\x80\x80|\xf0\x90\x80\x80|\xf4\x8f\xbf\xbf|\xef\xbf\xbf]");
}

static void nul_byte_refused(void **state)
{
	assert_string_equal(dump_n("a,b\0c\n", 6, 0, NULL), "!t.csv:1:2: NUL byte");
	assert_string_equal(dump_n("x\n\"a\nb\0\"\n", 9, 0, NULL), "1[x] !t.csv:3:1: NUL byte");
	/* After a long ASCII run (the fast path). */
	assert_string_equal(dump_n("abcdefghijklmnop\0", 17, 0, NULL), "!t.csv:1:1: NUL byte");
	assert_string_equal(dump_n("\0", 1, 0, "latin1"), "!t.csv:1:1: NUL byte");
}

/* ---- limits and chunks -------------------------------------------------------- */

static void field_longer_than_1_mib(void **state)
{
	size_t n = MIB + 16;
	char *in = malloc(n);
	assert_non_null(in);
	/* Exactly 1 MiB: fine. */
	memcpy(in, "h\na,", 4);
	memset(in + 4, 'x', MIB);
	memcpy(in + 4 + MIB, ",b\n", 3);
	cx_csv *c = open_n(in, 4 + MIB + 3, 0, NULL);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_nfields(c), 3);
	assert_int_equal(cx_csv_field_len(c, 1), MIB);
	assert_int_equal(strlen(cx_csv_field(c, 1)), MIB);
	assert_string_equal(cx_csv_field(c, 2), "b");
	assert_int_equal(cx_csv_next(c, &err), 0);
	cx_csv_close(c);
	/* One more byte: refused, at the field's line. */
	memcpy(in, "h\na,", 4);
	memset(in + 4, 'x', MIB + 1);
	assert_string_equal(dump_n(in, 4 + MIB + 1, 0, NULL), "1[h] !t.csv:2:2: field longer than 1 MiB");
	/* Quoted, counted after unquoting, named where the field starts. */
	memcpy(in, "\"\n", 2);
	memset(in + 2, 'x', MIB - 1);
	memcpy(in + MIB + 1, "\"\"\"", 3);
	assert_string_equal(dump_n(in, MIB + 4, 0, NULL), "!t.csv:1:1: field longer than 1 MiB");
	free(in);
}

static void many_fields(void **state)
{
	/* Empty fields cost a NUL each: far more of them than the first
	 * buffer holds. */
	size_t n = (1 << 20) + 1;
	char *in = malloc(n + 4);
	assert_non_null(in);
	memset(in, ';', 5000);
	memcpy(in + 5000, "\nx", 2);
	cx_csv *c = open_n(in, 5002, 0, NULL);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_delimiter(c), ';');
	assert_int_equal(cx_csv_nfields(c), 5001);
	assert_string_equal(cx_csv_field(c, 5000), "");
	assert_int_equal(cx_csv_field_len(c, 5000), 0);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_string_equal(cx_csv_field(c, 0), "x");
	cx_csv_close(c);
	/* 1,048,576 fields are fine; one more is not. */
	memset(in, ',', n);
	c = open_n(in, n - 2, 0, NULL);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_nfields(c), 1 << 20);
	cx_csv_close(c);
	assert_string_equal(dump_n(in, n - 1, 0, NULL), "!t.csv:1:1048576: more than 1048576 fields in a record");
	free(in);
}

/* Slides a record with the awkward bits (CRLF, a doubled quote, quoted
 * CRLF, multibyte characters) across the chunk boundary, one byte at a
 * time. */
static void chunk_boundaries_utf8(void **state)
{
	static const char tail[] = "a,\"q\"\"u\r\nte\",\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\r\n\"end\"\r\nnext,line\r\n";
	size_t cap = CHUNK * 3;
	char *in = malloc(cap);
	assert_non_null(in);
	for (size_t pad = CHUNK - 24; pad <= CHUNK + 4; pad++) {
		memset(in, 'x', pad);
		in[pad] = '\n';
		memcpy(in + pad + 1, tail, sizeof tail - 1);
		cx_csv *c = open_n(in, pad + sizeof tail, 0, NULL);
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_field_len(c, 0), pad);
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_line(c), 2);
		assert_int_equal(cx_csv_nfields(c), 3);
		assert_string_equal(cx_csv_field(c, 1), "q\"u\r\nte");
		assert_string_equal(cx_csv_field(c, 2), "é€😀");
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_line(c), 4);
		assert_string_equal(cx_csv_field(c, 0), "end");
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_line(c), 5);
		assert_string_equal(cx_csv_field(c, 1), "line");
		assert_int_equal(cx_csv_next(c, &err), 0);
		assert_int_equal(cx_csv_bytes_read(c), (int64_t)(pad + sizeof tail));
		cx_csv_close(c);
	}
	free(in);
}

/* The same through iconv: GB18030's two-byte characters cut by the end of
 * a raw chunk, then an illegal byte far in. */
static void chunk_boundaries_iconv(void **state)
{
	static const char tail[] = "\xd6\xd0,\"\xce\xc4\r\n\"\"\"\r\nz,\xd6\xd0\r\n";
	char *in = malloc(CHUNK * 3);
	assert_non_null(in);
	for (size_t pad = CHUNK - 12; pad <= CHUNK + 4; pad++) {
		memset(in, 'x', pad);
		in[pad] = '\n';
		memcpy(in + pad + 1, tail, sizeof tail - 1);
		cx_csv *c = open_n(in, pad + sizeof tail, 0, "GB18030");
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_field_len(c, 0), pad);
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_line(c), 2);
		assert_int_equal(cx_csv_nfields(c), 2);
		assert_string_equal(cx_csv_field(c, 0), "中");
		assert_string_equal(cx_csv_field(c, 1), "文\r\n\"");
		assert_int_equal(cx_csv_next(c, &err), 1);
		assert_int_equal(cx_csv_line(c), 4);
		assert_string_equal(cx_csv_field(c, 1), "中");
		assert_int_equal(cx_csv_next(c, &err), 0);
		cx_csv_close(c);
	}
	/* 0xFF is not a GB18030 lead byte: the error at its line, field 2. */
	memset(in, 'y', CHUNK * 2);
	for (size_t i = 0; i < 3; i++)
		in[CHUNK / 2 * (i + 1)] = '\n';
	memcpy(in + CHUNK * 2 - 4, ",a\xff", 3);
	cx_csv *c = open_n(in, CHUNK * 2, 0, "GB18030");
	int rc;
	while ((rc = cx_csv_next(c, &err)) == 1)
		;
	assert_int_equal(rc, -1);
	assert_string_equal(err.msg, "t.csv:4:2: bytes that are not valid GB18030");
	cx_csv_close(c);
	free(in);
}

/* ---- files -------------------------------------------------------------------- */

static void reads_a_file(void **state)
{
	static const char body[] = "\xEF\xBB\xBFid;name\r\n1;\"Doe; John\"\r\n\r\n2;\"x\ny\"\r\n";
	const char *path = tu_tmp_path("t.csv");
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(body, 1, sizeof body - 1, f), sizeof body - 1);
	assert_int_equal(fclose(f), 0);

	cx_csv *c = cx_csv_open(path, NULL, &err);
	assert_non_null(c);
	assert_string_equal(cx_csv_name(c), path);
	assert_int_equal(cx_csv_size(c), sizeof body - 1);
	assert_int_equal(cx_csv_bytes_read(c), 0);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_delimiter(c), ';');
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_string_equal(cx_csv_field(c, 1), "Doe; John");
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_line(c), 4);
	assert_string_equal(cx_csv_field(c, 1), "x\ny");
	assert_int_equal(cx_csv_next(c, &err), 0);
	assert_int_equal(cx_csv_bytes_read(c), sizeof body - 1);
	cx_csv_close(c);

	/* Errors carry the path. */
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("a\n\"b\n", f);
	assert_int_equal(fclose(f), 0);
	cx_csv_opts o = {.delimiter = ',', .encoding = "windows-1251"};
	c = cx_csv_open(path, &o, &err);
	assert_non_null(c);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_next(c, &err), -1);
	char want[600];
	snprintf(want, sizeof want, "%s:2:1: unterminated quoted field (opened on this line)", path);
	assert_string_equal(err.msg, want);
	cx_csv_close(c);
	tu_tmp_cleanup();
}

static void reads_stdin(void **state)
{
	int p[2], saved = dup(STDIN_FILENO);
	assert_true(saved >= 0);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "a\tb\n", 4), 4);
	close(p[1]);
	assert_true(dup2(p[0], STDIN_FILENO) >= 0);
	close(p[0]);
	cx_csv *c = cx_csv_open("-", NULL, &err);
	assert_non_null(c);
	assert_string_equal(cx_csv_name(c), "stdin");
	assert_int_equal(cx_csv_size(c), -1);
	assert_string_equal(dump(c), "1[a|b]");
	/* The reader does not close standard input. */
	assert_int_equal(fcntl(STDIN_FILENO, F_GETFD), 0);
	assert_true(dup2(saved, STDIN_FILENO) >= 0);
	close(saved);
}

static void missing_file(void **state)
{
	cx_error_clear(&err);
	assert_null(cx_csv_open("/nonexistent/tickets.csv", NULL, &err));
	assert_string_equal(err.msg, "cannot open '/nonexistent/tickets.csv': No such file or directory");
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
	assert_null(cx_csv_open("/", NULL, &err));
	assert_string_equal(err.msg, "cannot open '/': Is a directory");
}

static void memory_size_and_progress(void **state)
{
	cx_csv *c = open_s("a,b\nc,d\n", 0);
	assert_string_equal(cx_csv_name(c), "t.csv");
	assert_int_equal(cx_csv_size(c), 8);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_next(c, &err), 1);
	assert_int_equal(cx_csv_next(c, &err), 0);
	assert_int_equal(cx_csv_bytes_read(c), 8);
	cx_csv_close(c);
	assert_string_equal(dump_n(NULL, 0, 0, NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(lone_quote_in_plain_field_is_literal),
		cmocka_unit_test(junk_after_closing_quote),
		cmocka_unit_test(unterminated_quote),
		cmocka_unit_test(line_ends),
		cmocka_unit_test(blank_lines_skipped_but_counted),
		cmocka_unit_test(empty_fields_and_trailing_delimiter),
		cmocka_unit_test(last_line_without_newline),
		cmocka_unit_test(record_over_several_lines),
		cmocka_unit_test(bom_is_stripped),
		cmocka_unit_test(delimiter_detection),
		cmocka_unit_test(explicit_delimiter),
		cmocka_unit_test(windows_1251),
		cmocka_unit_test(windows_1252_and_latin1),
		cmocka_unit_test(multibyte_encoding_truncated),
		cmocka_unit_test(unknown_encoding),
		cmocka_unit_test(invalid_utf8_names_its_line),
		cmocka_unit_test(nul_byte_refused),
		cmocka_unit_test(field_longer_than_1_mib),
		cmocka_unit_test(many_fields),
		cmocka_unit_test(chunk_boundaries_utf8),
		cmocka_unit_test(chunk_boundaries_iconv),
		cmocka_unit_test(reads_a_file),
		cmocka_unit_test(reads_stdin),
		cmocka_unit_test(missing_file),
		cmocka_unit_test(memory_size_and_progress),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
