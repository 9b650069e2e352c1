/* csv.h — a streaming reader of RFC 4180 CSV files, as spreadsheets and
 * help desks really write them.
 *
 * Reads one record at a time through a fixed buffer, so a file of any size
 * costs the same memory.  Handles quoted fields with embedded delimiters,
 * quotes ("") and newlines; LF, CRLF and lone CR line ends; a UTF-8 byte
 * order mark; ',' ';' or tab delimiters (detected from the first line when
 * not given); other encodings through iconv.  Every field is checked to be
 * valid UTF-8 without NUL bytes.  Errors name the place: "FILE:LINE:FIELD:
 * message", LINE being the physical line (1-based) and FIELD the field's
 * number in its record (1-based).
 *
 * Call order: cx_csv_open (or cx_csv_open_mem), then cx_csv_next until it
 * returns 0 (end) or -1 (error), then cx_csv_close.
 */
#ifndef CXTOP_CSV_H
#define CXTOP_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "cxtop/error.h"

typedef struct cx_csv cx_csv;

typedef struct cx_csv_opts {
	/* ',', ';' or '\t'; 0 detects it from the first record: the one of the
	 * three that occurs most often outside quotes (',' on a tie or none). */
	char delimiter;
	/* NULL, "" or "utf-8": the bytes are UTF-8 already.  Anything else is
	 * an iconv(3) encoding name ("windows-1251", "cp1252", "latin1"...),
	 * converted to UTF-8 while reading. */
	const char *encoding;
} cx_csv_opts;

/* Opens path for reading; "-" is standard input.  The name used in messages
 * is the path ("stdin" for "-").  Returns NULL and fills err ("cannot open
 * 'path': reason", "unknown encoding 'x'") on failure. */
cx_csv *cx_csv_open(const char *path, const cx_csv_opts *opts, cx_error *err);

/* Reads from a memory buffer (tests, the fuzzer); name is used in messages.
 * The buffer must stay valid until cx_csv_close. */
cx_csv *cx_csv_open_mem(const char *name, const char *data, size_t len, const cx_csv_opts *opts, cx_error *err);

/* Rows made in memory by another reader (a JSON export's records,
 * flattened by src/import/json.c), read like a file's: nrows rows of
 * ncells cells each, cells[row * ncells + i] (NULL: empty), the first row
 * the header; lines[row] is what messages call the row's line.  Takes
 * ownership of cells, the strings in it, and lines.  Delimiter 0. */
cx_csv *cx_csv_open_rows(const char *name, size_t ncells, char **cells, size_t nrows, long *lines);

/* Reads the next record.  Returns 1 when a record was read, 0 at the end of
 * the input, -1 on error with err filled ("FILE:LINE:FIELD: message"):
 * an unterminated quoted field (named at the line its quote opened),
 * characters after a closing quote, invalid UTF-8, a NUL byte, a field
 * longer than 1 MiB, a read error.  Lines that hold nothing at all are
 * skipped.  After an error, further calls return -1. */
int cx_csv_next(cx_csv *c, cx_error *err);

/* The current record: its number of fields, and field i (0-based) as a
 * NUL-terminated UTF-8 string with its length.  Valid until the next
 * cx_csv_next. */
size_t cx_csv_nfields(const cx_csv *c);
const char *cx_csv_field(const cx_csv *c, size_t i);
size_t cx_csv_field_len(const cx_csv *c, size_t i);

/* The physical line (1-based) on which the current record starts. */
long cx_csv_line(const cx_csv *c);

/* The name used in messages ("stdin" for "-"). */
const char *cx_csv_name(const cx_csv *c);

/* The delimiter in use (after detection). */
char cx_csv_delimiter(const cx_csv *c);

/* Bytes of input consumed so far, and the input's size in bytes (-1 when
 * unknown: a pipe).  For progress bars. */
int64_t cx_csv_bytes_read(const cx_csv *c);
int64_t cx_csv_size(const cx_csv *c);

void cx_csv_close(cx_csv *c);

#endif
