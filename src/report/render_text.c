/* render_text.c — the report for people: a title, the facts, and tables
 * with columns aligned by display width, for a terminal or for paper.
 *
 *     Agents  2022-01-01 – 2022-01-31
 *
 *     Tickets:  1,701
 *
 *     Agent         Tickets     Revenue
 *     ─────────────────────────────────
 *     Ольга Петрова     812  $21,004.10
 *     ─────────────────────────────────
 *     TOTAL           1,701  $44,377.10
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "render_internal.h"

/* Everything is laid out for PAGE_WIDTH columns: an 80-column terminal
 * and a portrait page both take it, where a wider line wraps into an
 * unreadable mess.  A table too wide for it is fitted in two steps:
 *   1. if shortening its text columns with "…" can make it fit, they are
 *      shortened, widest first (never below their header or MIN_TEXT);
 *   2. otherwise it is printed as panels, one under the other, each
 *      repeating the label columns on the left (ID, Agent, Team) and
 *      carrying as many of the other columns as fit.
 * Numbers are never cut. */
enum { PAGE_WIDTH = 80, MIN_TEXT = 28, GAP = 2 };

/* Padding is held back until something visible follows it, so that no
 * line ends in blanks (they show up as noise in diffs and mail). */
struct line {
	FILE *out;
	int pending;
};

static void put(struct line *l, const char *s)
{
	if (!*s)
		return;
	fprintf(l->out, "%*s%s", l->pending, "", s);
	l->pending = 0;
}

static void end_line(struct line *l)
{
	l->pending = 0;
	fputc('\n', l->out);
}

static void rule(FILE *out, int width)
{
	for (int i = 0; i < width; i++)
		fputs("\u2500", out);
	fputc('\n', out);
}

/* The widths a table is laid out by: its header's and totals' cells, and
 * each column's.  A body cell's text is made again when its row is
 * printed, and its width measured then, so that a table of a million rows
 * (the tickets behind a figure, streamed from the store) costs the widths
 * of its columns, not a copy of every cell. */
struct grid {
	const cx_doc *doc;
	const cx_table *t;
	size_t ncols;
	int *head_w; /* each header cell's width */
	int *colw;   /* the column widths chosen */
};

/* What a cell of the header, the body or the totals is printed as, to free. */
enum part { HEAD, BODY, TOTALS };

static char *cell_text(const struct grid *g, enum part part, const cx_cell *row, size_t c)
{
	const cx_table *t = g->t;
	if (part == HEAD) {
		const cx_column *col = &t->cols[c];
		cx_cell title = {.kind = CX_CELL_TEXT, .s = (char *)(col->title ? col->title : col->key)};
		return cx_rep_human(&title, NULL);
	}
	if (part == BODY)
		return cx_rep_human(&row[c], g->doc->currency);
	/* A totals cell with no value is blank, not "n/a": most columns
	 * (names, rates) simply have no total. */
	const cx_cell *cell = &t->totals[c];
	return cx_rep_total_label(t, c)	   ? cx_xstrdup("TOTAL")
	       : cell->kind == CX_CELL_NULL ? cx_xstrdup("")
					    : cx_rep_human(cell, g->doc->currency);
}

static int text_width(const struct grid *g, enum part part, const cx_cell *row, size_t c)
{
	char *s = cell_text(g, part, row, c);
	int w = cx_utf8_width(s);
	free(s);
	return w;
}

static void grid_build(struct grid *g, const cx_doc *doc, const cx_table *t)
{
	g->doc = doc;
	g->t = t;
	g->ncols = t->ncols;
	g->head_w = cx_xcalloc(g->ncols, sizeof *g->head_w);
	g->colw = cx_xcalloc(g->ncols, sizeof *g->colw);
	for (size_t c = 0; c < g->ncols; c++) {
		g->head_w[c] = text_width(g, HEAD, NULL, c);
		int w = t->totals ? text_width(g, TOTALS, NULL, c) : 0;
		g->colw[c] = w > g->head_w[c] ? w : g->head_w[c];
	}
	cx_table_body_widths(t, doc->currency, g->colw);
}

static void grid_free(struct grid *g)
{
	free(g->head_w);
	free(g->colw);
}

static bool is_text(const cx_table *t, size_t c)
{
	return !cx_rep_right(&t->cols[c]);
}

/* The narrowest a column may get: numbers and dates as they are, text
 * down to its header (row 0 of the grid) or MIN_TEXT. */
static int floor_width(const struct grid *g, const cx_table *t, size_t c)
{
	if (t->cols[c].kind != CX_CELL_TEXT)
		return g->colw[c];
	int f = g->head_w[c] > MIN_TEXT ? g->head_w[c] : MIN_TEXT;
	return f < g->colw[c] ? f : g->colw[c];
}

/* Width of the columns cols[0..n) side by side; with floors when asked. */
static int span_width(const struct grid *g, const cx_table *t, const size_t *cols, size_t n, bool floors)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += (floors ? floor_width(g, t, cols[i]) : g->colw[cols[i]]) + (i ? GAP : 0);
	return total;
}

/* Takes one column at a time off the widest text column among cols that
 * may still shrink, until they fit in limit: long columns end up sharing
 * the room evenly. */
static void shrink(struct grid *g, const cx_table *t, const size_t *cols, size_t n, int limit)
{
	for (int excess = span_width(g, t, cols, n, false) - limit; excess > 0; excess--) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (g->colw[cols[i]] > floor_width(g, t, cols[i]) &&
			    (best == n || g->colw[cols[i]] > g->colw[cols[best]]))
				best = i;
		if (best == n)
			return;
		g->colw[cols[best]]--;
	}
}

/* The label columns repeated in every panel: the first text column, after
 * at most one leading number (an ID).  A table that does
 * not start that way repeats just its first column. */
static size_t key_columns(const cx_table *t)
{
	size_t k = 0;
	if (k < t->ncols && !is_text(t, k))
		k++;
	if (k == t->ncols || !is_text(t, k))
		return 1;
	/* The name alone identifies a row; kind, team, channel... are not
	 * worth their room again in every panel. */
	k++;
	return k < t->ncols ? k : 1;
}

static void print_row(FILE *out, const struct grid *g, enum part part, const cx_cell *row, const size_t *cols,
		      size_t n)
{
	const cx_table *t = g->t;
	struct line l = { out, 0 };
	for (size_t i = 0; i < n; i++) {
		size_t c = cols[i];
		char *text = cell_text(g, part, row, c);
		const char *s = text;
		int w = cx_utf8_width(s);
		char *cut = NULL;
		if (w > g->colw[c]) {
			size_t len = strlen(s) + 4;
			cut = cx_xmalloc(len);
			w = cx_utf8_fit(cut, len, s, g->colw[c]);
			s = cut;
		}
		if (i)
			l.pending += GAP;
		if (cx_rep_right(&t->cols[c])) {
			l.pending += g->colw[c] - w;
			put(&l, s);
		} else {
			put(&l, s);
			l.pending += g->colw[c] - w;
		}
		free(cut);
		free(text);
	}
	end_line(&l);
}

/* The panel being printed, for the rows handed to print_body. */
struct panel {
	FILE *out;
	const struct grid *g;
	const size_t *cols;
	size_t n;
};

static void print_body(void *ctx, const cx_cell *row)
{
	const struct panel *p = ctx;
	print_row(p->out, p->g, BODY, row, p->cols, p->n);
}

/* Header, rule, rows, and the totals under a second rule. */
static void print_panel(FILE *out, const struct grid *g, const cx_table *t, const size_t *cols, size_t n)
{
	int width = span_width(g, t, cols, n, false);
	print_row(out, g, HEAD, NULL, cols, n);
	rule(out, width);
	struct panel p = { out, g, cols, n };
	if (cx_table_each(t, print_body, &p) < 0)
		return; /* the store failed: cx_render says so */
	if (!t->nrows)
		fputs("(no rows)\n", out);
	if (t->totals) {
		rule(out, width);
		print_row(out, g, TOTALS, NULL, cols, n);
	}
}

static void print_panels(FILE *out, struct grid *g, const cx_table *t, size_t *cols)
{
	size_t k = key_columns(t);
	if (k >= t->ncols) { /* one huge column: nothing to split */
		print_panel(out, g, t, cols, t->ncols);
		return;
	}
	shrink(g, t, cols, k, PAGE_WIDTH / 2);
	int key_width = span_width(g, t, cols, k, false);
	/* A long text column beyond the key gets what a panel has left. */
	for (size_t c = k; c < t->ncols; c++) {
		int room = PAGE_WIDTH - key_width - GAP;
		if (t->cols[c].kind == CX_CELL_TEXT && g->colw[c] > room)
			g->colw[c] = room > floor_width(g, t, c) ? room : floor_width(g, t, c);
	}
	for (size_t next = k; next < t->ncols;) {
		size_t n = k;
		int width = key_width;
		/* At least one column per panel, even one wider than the page. */
		while (next < t->ncols && (n == k || width + GAP + g->colw[next] <= PAGE_WIDTH)) {
			width += GAP + g->colw[next];
			cols[n++] = next++;
		}
		if (n > k && cols[k] != k)
			fputc('\n', out);
		print_panel(out, g, t, cols, n);
	}
}

static void print_table(FILE *out, const cx_doc *doc, const cx_table *t)
{
	if (t->title) {
		char *safe = cx_safe_dup(t->title);
		fprintf(out, "%s\n", safe);
		free(safe);
	}
	if (!t->ncols)
		return;
	struct grid g;
	grid_build(&g, doc, t);
	size_t *cols = cx_xcalloc(t->ncols, sizeof *cols);
	for (size_t c = 0; c < t->ncols; c++)
		cols[c] = c;
	if (span_width(&g, t, cols, t->ncols, true) <= PAGE_WIDTH) {
		shrink(&g, t, cols, t->ncols, PAGE_WIDTH);
		print_panel(out, &g, t, cols, t->ncols);
	} else {
		print_panels(out, &g, t, cols);
	}
	free(cols);
	grid_free(&g);
}

/* "Title: value" lines with the values starting in one column. */
static void print_facts(FILE *out, const cx_doc *doc)
{
	int tw = 0;
	for (size_t i = 0; i < doc->nfacts; i++) {
		int w = cx_utf8_width(doc->fact_titles[i]);
		tw = w > tw ? w : tw;
	}
	for (size_t i = 0; i < doc->nfacts; i++) {
		char *v = cx_rep_human(&doc->facts[i], doc->currency);
		int pad = tw - cx_utf8_width(doc->fact_titles[i]) + 1;
		fprintf(out, "%s:%*s%s\n", doc->fact_titles[i], pad, "", v);
		free(v);
	}
}

/* A note as lines of at most PAGE_WIDTH columns, broken between words
 * (a word longer than that gets a line of its own). */
static void print_wrapped(FILE *out, const char *text)
{
	char *copy = cx_xstrdup(text), *save = NULL;
	int used = 0;
	for (char *word = strtok_r(copy, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
		int w = cx_utf8_width(word);
		if (used && used + 1 + w > PAGE_WIDTH) {
			fputc('\n', out);
			used = 0;
		}
		fprintf(out, "%s%s", used ? " " : "", word);
		used += (used ? 1 : 0) + w;
	}
	fputc('\n', out);
	free(copy);
}

void cx_render_text(const cx_doc *doc, FILE *out)
{
	char *title = cx_safe_dup(doc->title ? doc->title : doc->report ? doc->report : "");
	fputs(title, out);
	free(title);
	if (doc->from && doc->to)
		fprintf(out, "  %s \u2013 %s", doc->from, doc->to);
	fputc('\n', out);
	/* Each block below is set off by one blank line. */
	if (doc->nfacts) {
		fputc('\n', out);
		print_facts(out, doc);
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		fputc('\n', out);
		print_table(out, doc, doc->tables[i]);
	}
	if (doc->nnotes)
		fputc('\n', out);
	for (size_t i = 0; i < doc->nnotes; i++)
		print_wrapped(out, doc->notes[i]);
}
