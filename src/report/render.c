/* render.c — cx_render() dispatch, format names, and the cell rules shared
 * by the text and md writers. */
#include "cxtop/table.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "render_internal.h"

bool cx_format_parse(const char *name, enum cx_format *out)
{
	static const struct {
		const char *name;
		enum cx_format fmt;
	} names[] = { { "text", CX_FMT_TEXT }, { "csv", CX_FMT_CSV }, { "json", CX_FMT_JSON }, { "md", CX_FMT_MD } };
	for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].fmt;
			return true;
		}
	return false;
}

int cx_render(const cx_doc *doc, enum cx_format fmt, FILE *out)
{
	/* Cleared so that a failure stdio did not explain still gets an errno. */
	errno = 0;
	switch (fmt) {
	case CX_FMT_TEXT: cx_render_text(doc, out); break;
	case CX_FMT_CSV: cx_render_csv(doc, out); break;
	case CX_FMT_JSON: cx_render_json(doc, out); break;
	case CX_FMT_MD: cx_render_md(doc, out); break;
	default: errno = EINVAL; return -1;
	}
	/* A full disk or a closed pipe often shows only when the buffer is
	 * flushed, so flush before asking whether the stream failed.  A
	 * streamed table read again from a failing store fails it too
	 * (cx_doc_stream_error says why). */
	bool failed = fflush(out) != 0 || ferror(out) || cx_doc_stream_error(doc);
	if (failed) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

char *cx_rep_human(const cx_cell *c, const char *currency)
{
	char buf[96];
	switch (c->kind) {
	case CX_CELL_TEXT:
	case CX_CELL_DATE:
		/* Never a terminal control: "^[" for ESC, "<U+202E>" for an
		 * override, each as wide as it is drawn (cxtop(1), OUTPUT). */
		return cx_safe_dup(c->s ? c->s : "");
	case CX_CELL_INT: cx_fmt_int(buf, sizeof buf, c->i); break;
	case CX_CELL_ID: snprintf(buf, sizeof buf, "%" PRId64, c->i); break;
	case CX_CELL_MONEY: cx_fmt_money(buf, sizeof buf, c->i, currency); break;
	case CX_CELL_POINTS: cx_fmt_bp(buf, sizeof buf, c->i); break;
	case CX_CELL_BP: {
		size_t n = strlen(cx_fmt_bp(buf, sizeof buf - 2, c->i));
		memcpy(buf + n, " %", 3);
		break;
	}
	case CX_CELL_SECONDS: cx_fmt_duration_x2(buf, sizeof buf, c->i); break;
	case CX_CELL_BOOL: strcpy(buf, c->i ? "yes" : "no"); break;
	case CX_CELL_NULL:
	default: strcpy(buf, "n/a"); break;
	}
	return cx_xstrdup(buf);
}

bool cx_rep_right(const cx_column *col)
{
	return col->kind != CX_CELL_TEXT && col->kind != CX_CELL_DATE;
}

bool cx_rep_total_label(const cx_table *t, size_t col)
{
	return col == 0 && t->totals && (t->totals[0].kind == CX_CELL_NULL || t->totals[0].kind == CX_CELL_TEXT);
}

char *cx_cell_human(const cx_cell *c, const char *currency)
{
	return cx_rep_human(c, currency);
}
