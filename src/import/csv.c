/* csv.c — the streaming CSV reader (see cxtop/csv.h for the contract).
 *
 * Input flows source -> (iconv) -> buf -> rec.  buf holds UTF-8 text and is
 * refilled in chunks; the parser copies each field's bytes, unquoted, into
 * rec, one record at a time, every field NUL-terminated and located by its
 * start offset, so a record costs no allocation once the buffers have
 * grown to the widest record seen.  Fields are scanned with a stop-byte
 * table rather than byte by byte through functions: the parser only wakes
 * up at a delimiter, a quote or a line end. */
#include "cxtop/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxtop/file.h"
#include "cxtop/xalloc.h"

/* The read size.  Tests and the fuzzer may build with a tiny one to put
 * chunk boundaries everywhere; below 64 bytes iconv might not have room
 * for one character. */
#ifndef CX_CSV_CHUNK
#define CX_CSV_CHUNK 65536
#endif
#if CX_CSV_CHUNK < 64
#error "CX_CSV_CHUNK must be at least 64"
#endif

#define FIELD_MAX ((size_t)1 << 20)
/* Fields are capped, and so are records, in bytes and in fields, so that a
 * line of a billion commas cannot take the memory with it. */
#define RECORD_MAX ((size_t)64 << 20)
#define FIELDS_MAX ((size_t)1 << 20)
/* Detection reads the first record ahead; a first record longer than this
 * is judged on its beginning. */
#define DETECT_MAX ((size_t)1 << 20)

/* What ended a field. */
enum { T_DELIM, T_EOL, T_END };

/* Why the converter stopped for good. */
enum { CONV_OK, CONV_ILLEGAL, CONV_TRUNCATED };

struct cx_csv {
	char *name;
	char msg[512]; /* the sticky error, once failed */
	bool failed;

	/* The source: a file descriptor, or memory. */
	int fd;
	bool close_fd;
	const char *mem;
	size_t mem_len, mem_off;
	bool src_eof;
	int64_t nread, size;

	/* The converter, when the input is not UTF-8. */
	iconv_t cd;
	char *enc;
	char *raw;
	size_t raw_len;
	int conv_state;

	/* UTF-8 text; [pos, len) is unread. */
	char *buf;
	size_t pos, len, cap;
	char why[256]; /* what went wrong in more() */

	bool started;
	char delim;
	unsigned char stop_plain[256], stop_quoted[256];
	long line, rec_line, field_line;

	/* Rows made by another reader (cx_csv_open_rows): cells[r * ncells + i],
	 * the next one rows_at. */
	char **cells;
	size_t ncells, nrows, rows_at;
	long *lines;

	/* The current record: fields back to back, each NUL-terminated. */
	char *rec;
	size_t rec_len, rec_cap;
	size_t *starts;
	size_t nf, starts_cap;
};

/* ---- errors --------------------------------------------------------------- */

static int fail_at(cx_csv *c, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Records the error where it happened; cx_csv_next hands it out, now and on
 * every later call. */
static int fail_at(cx_csv *c, long line, const char *fmt, ...)
{
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(c->msg, sizeof c->msg, "%s:%ld:%zu: %s", c->name, line, c->nf ? c->nf : 1, what);
	c->failed = true;
	return -1;
}

/* ---- input ----------------------------------------------------------------- */

static ssize_t read_source(cx_csv *c, char *dst, size_t n)
{
	if (c->src_eof)
		return 0;
	ssize_t got;
	if (c->mem) {
		size_t left = c->mem_len - c->mem_off;
		got = (ssize_t)(n < left ? n : left);
		memcpy(dst, c->mem + c->mem_off, (size_t)got);
		c->mem_off += (size_t)got;
	} else {
		do
			got = read(c->fd, dst, n);
		while (got < 0 && errno == EINTR);
		if (got < 0)
			return -1;
	}
	if (got == 0)
		c->src_eof = true;
	c->nread += got;
	return got;
}

/* Converts raw bytes into buf's free space, reading more raw bytes as
 * needed, until something was produced or nothing more can be.  An illegal
 * sequence is not an error yet: the text before it is good, and the parser
 * reports the error when it gets there, at the right line. */
static ssize_t convert(cx_csv *c)
{
	size_t before = c->len;
	while (c->conv_state == CONV_OK && c->len == before) {
		if (c->raw_len < CX_CSV_CHUNK && !c->src_eof) {
			ssize_t n = read_source(c, c->raw + c->raw_len, CX_CSV_CHUNK - c->raw_len);
			if (n < 0)
				return -1;
			c->raw_len += (size_t)n;
		}
		if (c->raw_len == 0)
			break;
		char *in = c->raw, *out = c->buf + c->len;
		size_t inleft = c->raw_len, outleft = c->cap - c->len;
		size_t r = iconv(c->cd, &in, &inleft, &out, &outleft);
		int e = errno;
		c->len = (size_t)(out - c->buf);
		/* What iconv left is at most a character cut by the chunk's end
		 * (or what did not fit), kept for the next round. */
		memmove(c->raw, in, inleft);
		c->raw_len = inleft;
		if (r != (size_t)-1)
			continue;
		if (e == E2BIG)
			break;
		if (e == EILSEQ)
			c->conv_state = CONV_ILLEGAL;
		else if (e == EINVAL && c->src_eof)
			c->conv_state = CONV_TRUNCATED;
		else if (e != EINVAL)
			return -1;
	}
	return (ssize_t)(c->len - before);
}

/* Moves the unread text to the front of buf and appends more.  Returns the
 * bytes added, 0 when no more will come, -1 on a read error. */
static ssize_t fill(cx_csv *c)
{
	if (c->pos > 0) {
		memmove(c->buf, c->buf + c->pos, c->len - c->pos);
		c->len -= c->pos;
		c->pos = 0;
	}
	if (c->cap - c->len < 64)
		return 0; /* only detection fills a buffer this far; it grows it first */
	if (c->cd != (iconv_t)-1)
		return convert(c);
	ssize_t n = read_source(c, c->buf + c->len, c->cap - c->len);
	if (n > 0)
		c->len += (size_t)n;
	return n;
}

/* 1: more text in buf; 0: the end of the input; -1: an error, c->why says
 * which. */
static int more(cx_csv *c)
{
	ssize_t n = fill(c);
	if (n > 0)
		return 1;
	if (n < 0) {
		snprintf(c->why, sizeof c->why, "read error: %s", strerror(errno));
		return -1;
	}
	if (c->conv_state == CONV_ILLEGAL) {
		snprintf(c->why, sizeof c->why, "bytes that are not valid %s", c->enc);
		return -1;
	}
	if (c->conv_state == CONV_TRUNCATED) {
		snprintf(c->why, sizeof c->why, "the input ends inside a %s character", c->enc);
		return -1;
	}
	return 0;
}

/* Whether a byte is waiting at pos: 1, 0 at the end, -1 on error (reported
 * at the current line). */
static int avail(cx_csv *c)
{
	if (c->pos < c->len)
		return 1;
	int r = more(c);
	if (r < 0)
		return fail_at(c, c->line, "%s", c->why);
	return r;
}

/* ---- the first record: BOM and delimiter ---------------------------------- */

static void set_delimiter(cx_csv *c, char d)
{
	c->delim = d;
	memset(c->stop_plain, 0, sizeof c->stop_plain);
	memset(c->stop_quoted, 0, sizeof c->stop_quoted);
	c->stop_plain[(unsigned char)d] = 1;
	c->stop_plain['\n'] = c->stop_plain['\r'] = 1;
	c->stop_quoted['"'] = 1;
	c->stop_quoted['\n'] = c->stop_quoted['\r'] = 1;
}

/* Makes room at the end of buf when it is full, doubling up to the
 * detection limit.  False when the limit is reached. */
static bool grow_for_detection(cx_csv *c)
{
	if (c->cap - c->len >= 64)
		return true;
	if (c->cap >= DETECT_MAX + CX_CSV_CHUNK)
		return false;
	c->cap *= 2;
	c->buf = cx_xreallocarray(c->buf, c->cap, 1);
	return true;
}

/* Counts ',' ';' and tab outside quotes in the first non-blank record,
 * reading ahead as far as it goes.  Quotes simply toggle: a "" inside a
 * quoted field toggles twice and changes nothing. */
static void detect_delimiter(cx_csv *c)
{
	long count[3] = {0, 0, 0};
	bool quoted = false, seen = false;
	size_t i = 0; /* scanned, counted from pos */
	for (;;) {
		for (; c->pos + i < c->len; i++) {
			char ch = c->buf[c->pos + i];
			if (ch == '"')
				quoted = !quoted;
			else if (quoted)
				continue;
			else if (ch == ',')
				count[0]++;
			else if (ch == ';')
				count[1]++;
			else if (ch == '\t')
				count[2]++;
			else if (ch == '\n' || ch == '\r') {
				if (seen)
					goto decide;
				continue;
			}
			seen = true;
		}
		/* An error met reading ahead is left for the parser, which
		 * reports it where it is; the counts so far decide. */
		if (!grow_for_detection(c) || more(c) <= 0)
			break;
	}
decide:
	if (count[1] > count[0] && count[1] > count[2])
		set_delimiter(c, ';');
	else if (count[2] > count[0] && count[2] > count[1])
		set_delimiter(c, '\t');
	else
		set_delimiter(c, ',');
}

/* Errors here, too, are left for the parser to meet in place. */
static void start(cx_csv *c)
{
	c->started = true;
	/* The BOM may arrive in pieces (a pipe, a tiny chunk). */
	while (c->len - c->pos < 3 && more(c) > 0)
		;
	if (c->len - c->pos >= 3 && memcmp(c->buf + c->pos, "\xEF\xBB\xBF", 3) == 0)
		c->pos += 3;
	if (!c->delim)
		detect_delimiter(c);
}

/* ---- records ---------------------------------------------------------------- */

/* Room for n more bytes in rec, and the NUL that will end the field. */
static void reserve(cx_csv *c, size_t n)
{
	if (c->rec_len + n + 1 <= c->rec_cap)
		return;
	size_t cap = c->rec_cap;
	while (c->rec_len + n + 1 > cap)
		cap *= 2;
	c->rec = cx_xreallocarray(c->rec, cap, 1);
	c->rec_cap = cap;
}

/* Appends n bytes to the current field, within the limits. */
static int append(cx_csv *c, const char *s, size_t n)
{
	size_t field = c->rec_len - c->starts[c->nf - 1];
	if (n > FIELD_MAX - field)
		return fail_at(c, c->field_line, "field longer than 1 MiB");
	if (c->rec_len + n > RECORD_MAX)
		return fail_at(c, c->rec_line, "record longer than 64 MiB");
	reserve(c, n);
	memcpy(c->rec + c->rec_len, s, n);
	c->rec_len += n;
	return 0;
}

/* Empty fields cost a NUL and an offset each: a line of commas is capped
 * like any other record. */
static int begin_field(cx_csv *c)
{
	if (c->nf == FIELDS_MAX)
		return fail_at(c, c->rec_line, "more than %zu fields in a record", FIELDS_MAX);
	if (c->rec_len >= RECORD_MAX)
		return fail_at(c, c->rec_line, "record longer than 64 MiB");
	if (c->nf == c->starts_cap) {
		c->starts_cap *= 2;
		c->starts = cx_xreallocarray(c->starts, c->starts_cap, sizeof *c->starts);
	}
	c->starts[c->nf++] = c->rec_len;
	c->field_line = c->line;
	return 0;
}

/* The offset of the first byte in s that is not valid UTF-8, or is NUL; n
 * when all are fine.  Overlong forms, surrogates and code points beyond
 * U+10FFFF are invalid. */
static size_t utf8_bad(const unsigned char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
	size_t i = 0;
	while (i < n) {
		/* ASCII without NUL goes eight bytes at a time. */
		if (n - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (((w | ((w - ones) & ~w)) & high) == 0) {
				i += 8;
				continue;
			}
		}
		unsigned char b = s[i];
		if (b >= 0x01 && b < 0x80) {
			i++;
			continue;
		}
		unsigned char lo = 0x80, hi = 0xBF;
		size_t len;
		if (b >= 0xC2 && b <= 0xDF)
			len = 2;
		else if (b >= 0xE0 && b <= 0xEF) {
			len = 3;
			if (b == 0xE0)
				lo = 0xA0; /* overlong */
			else if (b == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (b >= 0xF0 && b <= 0xF4) {
			len = 4;
			if (b == 0xF0)
				lo = 0x90; /* overlong */
			else if (b == 0xF4)
				hi = 0x8F; /* beyond U+10FFFF */
		} else
			return i; /* NUL, a stray continuation byte, C0, C1, F5-FF */
		if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		i += len;
	}
	return n;
}

/* Checks the field just read and terminates it. */
static int end_field(cx_csv *c)
{
	size_t start = c->starts[c->nf - 1], n = c->rec_len - start;
	const unsigned char *s = (const unsigned char *)c->rec + start;
	size_t bad = utf8_bad(s, n);
	if (bad < n) {
		/* The line of the bad byte itself: a quoted field keeps its line
		 * ends, so count them (CRLF once). */
		long line = c->field_line;
		for (size_t i = 0; i < bad; i++)
			if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
				line++;
		return fail_at(c, line, s[bad] ? "invalid UTF-8" : "NUL byte");
	}
	reserve(c, 0);
	c->rec[c->rec_len++] = '\0';
	return 0;
}

/* Counts the line end just consumed; a CR followed by LF is one. */
static int end_line(cx_csv *c, char ch)
{
	c->line++;
	if (ch == '\r') {
		int r = avail(c);
		if (r < 0)
			return -1;
		if (r > 0 && c->buf[c->pos] == '\n')
			c->pos++;
	}
	return T_EOL;
}

/* Runs of bytes that stop[] passes over; returns the stop byte (consumed),
 * or -1 at the end of buf with everything before it appended. */
static int scan(cx_csv *c, const unsigned char *stop)
{
	const char *p = c->buf + c->pos, *e = c->buf + c->len;
	const char *s = p;
	while (p < e && !stop[(unsigned char)*p])
		p++;
	if (p > s && append(c, s, (size_t)(p - s)) < 0)
		return -2;
	c->pos = (size_t)(p - c->buf);
	if (p == e)
		return -1;
	c->pos++;
	return (unsigned char)*p;
}

/* An unquoted field: everything up to a delimiter or a line end, quotes
 * included (a `5" screen` is five inches). */
static int plain(cx_csv *c)
{
	for (;;) {
		int ch = scan(c, c->stop_plain);
		if (ch == -2)
			return -1;
		if (ch == c->delim)
			return T_DELIM;
		if (ch >= 0)
			return end_line(c, (char)ch);
		int r = avail(c);
		if (r <= 0)
			return r < 0 ? -1 : T_END;
	}
}

/* After a closing quote: a delimiter, a line end or the end; anything else
 * is an error. */
static int after_quote(cx_csv *c)
{
	char ch = c->buf[c->pos];
	if (ch == c->delim) {
		c->pos++;
		return T_DELIM;
	}
	if (ch == '\n' || ch == '\r') {
		c->pos++;
		return end_line(c, ch);
	}
	return fail_at(c, c->line, "characters after the closing quote");
}

/* A quoted field, pos at its opening quote. */
static int quoted(cx_csv *c)
{
	long opened = c->line;
	c->pos++;
	for (;;) {
		int ch = scan(c, c->stop_quoted), r;
		if (ch == -2)
			return -1;
		if (ch == -1) {
			r = avail(c);
			if (r < 0)
				return -1;
			if (r == 0)
				return fail_at(c, opened, "unterminated quoted field (opened on this line)");
			continue;
		}
		char b = (char)ch;
		if (b == '\n' || b == '\r') {
			c->line++;
			if (append(c, &b, 1) < 0)
				return -1;
			if (b == '\r') {
				if ((r = avail(c)) < 0)
					return -1;
				if (r > 0 && c->buf[c->pos] == '\n') {
					c->pos++;
					if (append(c, "\n", 1) < 0)
						return -1;
				}
			}
			continue;
		}
		/* A quote: doubled, or the closing one. */
		if ((r = avail(c)) <= 0)
			return r < 0 ? -1 : T_END;
		if (c->buf[c->pos] != '"')
			return after_quote(c);
		c->pos++;
		if (append(c, "\"", 1) < 0)
			return -1;
	}
}

/* Skips lines that hold nothing.  1: a record starts at pos; 0: the end. */
static int skip_blank(cx_csv *c)
{
	for (;;) {
		int r = avail(c);
		if (r <= 0)
			return r;
		char ch = c->buf[c->pos];
		if (ch != '\n' && ch != '\r')
			return 1;
		c->pos++;
		if (end_line(c, ch) < 0)
			return -1;
	}
}

static int read_record(cx_csv *c)
{
	c->nf = 0;
	c->rec_len = 0;
	int r = skip_blank(c);
	if (r <= 0)
		return r;
	c->rec_line = c->line;
	for (;;) {
		if (begin_field(c) < 0)
			return -1;
		r = avail(c);
		if (r < 0)
			return -1;
		int t = r == 0 ? T_END : c->buf[c->pos] == '"' ? quoted(c) : plain(c);
		if (t < 0 || end_field(c) < 0)
			return -1;
		if (t != T_DELIM)
			return 1;
	}
}

/* The next of the rows another reader made, as if it had been read. */
static int next_row(cx_csv *c)
{
	if (c->rows_at == c->nrows)
		return 0;
	c->rec_len = 0;
	c->nf = 0;
	for (size_t i = 0; i < c->ncells; i++) {
		const char *v = c->cells[c->rows_at * c->ncells + i];
		size_t n = v ? strlen(v) : 0;
		if (c->nf == c->starts_cap) {
			c->starts_cap *= 2;
			c->starts = cx_xreallocarray(c->starts, c->starts_cap, sizeof *c->starts);
		}
		while (c->rec_len + n + 1 > c->rec_cap) {
			c->rec_cap *= 2;
			c->rec = cx_xreallocarray(c->rec, c->rec_cap, 1);
		}
		c->starts[c->nf++] = c->rec_len;
		memcpy(c->rec + c->rec_len, v ? v : "", n);
		c->rec_len += n;
		c->rec[c->rec_len++] = '\0';
	}
	c->rec_line = c->lines[c->rows_at++];
	c->nread = (int64_t)c->rows_at;
	return 1;
}

int cx_csv_next(cx_csv *c, cx_error *err)
{
	if (c->cells)
		return next_row(c);
	if (!c->failed) {
		if (!c->started)
			start(c);
		int r = read_record(c);
		if (r >= 0)
			return r;
	}
	/* A failed reader keeps failing: its position means nothing now. */
	c->nf = 0;
	return cx_fail(err, CX_EXIT_RUNTIME, "%s", c->msg);
}

/* ---- the record, read ------------------------------------------------------- */

size_t cx_csv_nfields(const cx_csv *c)
{
	return c->nf;
}

const char *cx_csv_field(const cx_csv *c, size_t i)
{
	return i < c->nf ? c->rec + c->starts[i] : NULL;
}

size_t cx_csv_field_len(const cx_csv *c, size_t i)
{
	if (i >= c->nf)
		return 0;
	size_t end = i + 1 < c->nf ? c->starts[i + 1] : c->rec_len;
	return end - 1 - c->starts[i];
}

long cx_csv_line(const cx_csv *c)
{
	return c->rec_line;
}

const char *cx_csv_name(const cx_csv *c)
{
	return c->name;
}

char cx_csv_delimiter(const cx_csv *c)
{
	return c->delim;
}

int64_t cx_csv_bytes_read(const cx_csv *c)
{
	return c->nread;
}

int64_t cx_csv_size(const cx_csv *c)
{
	return c->size;
}

/* ---- opening and closing ------------------------------------------------------ */

static bool is_utf8(const char *enc)
{
	return !enc || !*enc || strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0;
}

/* The parts shared by files and memory; NULL on a bad option. */
static cx_csv *new_reader(const char *name, const cx_csv_opts *opts, cx_error *err)
{
	char d = opts ? opts->delimiter : 0;
	const char *enc = opts ? opts->encoding : NULL;
	if (d && (d == '"' || d == '\n' || d == '\r' || (unsigned char)d >= 0x80)) {
		cx_fail(err, CX_EXIT_RUNTIME, "invalid delimiter '%c'", d);
		return NULL;
	}
	iconv_t cd = (iconv_t)-1;
	if (!is_utf8(enc)) {
		cd = iconv_open("UTF-8", enc);
		if (cd == (iconv_t)-1) {
			cx_fail(err, CX_EXIT_USAGE, "unknown encoding '%s'", enc);
			return NULL;
		}
	}
	cx_csv *c = cx_xcalloc(1, sizeof *c);
	c->name = cx_xstrdup(name);
	c->fd = -1;
	c->cd = cd;
	if (cd != (iconv_t)-1) {
		c->enc = cx_xstrdup(enc);
		c->raw = cx_xmalloc(CX_CSV_CHUNK);
	}
	c->cap = CX_CSV_CHUNK;
	c->buf = cx_xmalloc(c->cap);
	c->rec_cap = 256;
	c->rec = cx_xmalloc(c->rec_cap);
	c->starts_cap = 16;
	c->starts = cx_xreallocarray(NULL, c->starts_cap, sizeof *c->starts);
	c->line = 1;
	c->size = -1;
	if (d)
		set_delimiter(c, d);
	return c;
}

cx_csv *cx_csv_open(const char *path, const cx_csv_opts *opts, cx_error *err)
{
	bool std_in = strcmp(path, "-") == 0;
	cx_csv *c = new_reader(std_in ? "stdin" : path, opts, err);
	if (!c)
		return NULL;
	/* A file must be a regular one (a FIFO would block for ever); stdin
	 * may be a pipe, as asked for. */
	const char *why = NULL;
	if (std_in) {
		c->fd = STDIN_FILENO;
	} else {
		c->fd = cx_open_regular(path, &why);
		c->close_fd = c->fd >= 0;
	}
	struct stat st;
	if (!why && fstat(c->fd, &st) != 0)
		why = strerror(errno);
	else if (!why && S_ISDIR(st.st_mode))
		why = strerror(EISDIR);
	if (why) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open '%s': %s", path, why);
		cx_csv_close(c);
		return NULL;
	}
	if (S_ISREG(st.st_mode))
		c->size = st.st_size;
	return c;
}

cx_csv *cx_csv_open_mem(const char *name, const char *data, size_t len, const cx_csv_opts *opts, cx_error *err)
{
	cx_csv *c = new_reader(name, opts, err);
	if (!c)
		return NULL;
	c->mem = data ? data : "";
	c->mem_len = data ? len : 0;
	c->size = (int64_t)c->mem_len;
	return c;
}

cx_csv *cx_csv_open_rows(const char *name, size_t ncells, char **cells, size_t nrows, long *lines)
{
	cx_error err;
	cx_csv *c = new_reader(name, NULL, &err); /* cannot fail without options */
	c->cells = cells;
	c->ncells = ncells;
	c->nrows = nrows;
	c->lines = lines;
	c->size = (int64_t)nrows;
	return c;
}

void cx_csv_close(cx_csv *c)
{
	if (!c)
		return;
	if (c->cells) {
		for (size_t i = 0; i < c->ncells * c->nrows; i++)
			free(c->cells[i]);
		free(c->cells);
		free(c->lines);
	}
	if (c->close_fd)
		close(c->fd);
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c->name);
	free(c->enc);
	free(c->raw);
	free(c->buf);
	free(c->rec);
	free(c->starts);
	free(c);
}
