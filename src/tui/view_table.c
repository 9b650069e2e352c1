/* view_table.c — the table view (see view_table.h).
 *
 * A list shows a table of the same cx_doc its `cxtop report` prints, so the
 * list and the printout carry the same numbers.  These lists are short (one
 * row per agent, campaign, open claim), so they are held whole and sorted
 * and searched in memory.  Requests: movement, sort by any column (< > pick
 * it, s flips the order), search, scroll the columns (Left, Right), another
 * table of the report (f), Enter for the detail pane.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view_table.h"
#include "columns.h"
#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "glyphs.h"
#include "search.h"

#define MAX_COL_WIDTH 30
#define GAP 2

cx_table *cx_tview_table(struct cx_tview *t)
{
	return t->doc && t->table < (int)t->doc->ntables ? t->doc->tables[t->table] : NULL;
}

/* A cell as the list shows it: a missing value (no agent, nothing to
 * divide by, an edit not undone) is a dash, not the printout's "n/a". */
static char *shown_cell(const cx_cell *c, const char *currency)
{
	if (c->kind == CX_CELL_NULL)
		return cx_xstrdup(cx_glyph(CX_G_EM_DASH));
	return cx_cell_human(c, currency);
}

int cx_tview_column(const cx_table *tb, const char *key)
{
	for (size_t c = 0; tb && c < tb->ncols; c++)
		if (strcmp(tb->cols[c].key, key) == 0)
			return (int)c;
	return -1;
}

static void free_cache(struct cx_tview *t)
{
	t->nhuman = 0;
	free(t->human);
	free(t->text);
	t->text = NULL;
	free(t->width);
	free(t->order);
	free(t->cols);
	t->cols = NULL;
	t->human = NULL;
	t->width = NULL;
	t->order = NULL;
	t->n = 0;
}

/* Row a before row b in the sorted column (NULLs last), ties in the
 * report's order. */
static int cmp_rows(struct cx_tview *t, size_t a, size_t b)
{
	const cx_table *tb = cx_tview_table(t);
	size_t col = (size_t)t->sort;
	if (col > 0 && (tb->cols[col].flags & CX_COL_SORT_AS_PREVIOUS))
		col--;
	const cx_cell *ca = &tb->cells[a * tb->ncols + col];
	const cx_cell *cb = &tb->cells[b * tb->ncols + col];
	int r;
	if (ca->kind == CX_CELL_NULL || cb->kind == CX_CELL_NULL)
		return (ca->kind == CX_CELL_NULL) - (cb->kind == CX_CELL_NULL);
	if (ca->kind == CX_CELL_TEXT || ca->kind == CX_CELL_DATE)
		r = strcmp(ca->s ? ca->s : "", cb->s ? cb->s : "");
	else
		r = (ca->i > cb->i) - (ca->i < cb->i);
	if (t->desc)
		r = -r;
	return r ? r : (a > b) - (a < b);
}

/* A merge sort of the row order: qsort has no context argument, and the
 * view's state must not live in a file-level variable. */
static void sort_order(struct cx_tview *t)
{
	size_t n = t->n;
	size_t *tmp = cx_xcalloc(n + 1, sizeof *tmp);
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = cmp_rows(t, t->order[i], t->order[j]) <= 0 ? t->order[i++] : t->order[j++];
			while (i < mid)
				tmp[k++] = t->order[i++];
			while (j < hi)
				tmp[k++] = t->order[j++];
		}
		memcpy(t->order, tmp, n * sizeof *tmp);
	}
	free(tmp);
}

/* Applies the search and the sort to the row order. */
static void arrange(struct cx_tview *t)
{
	cx_table *tb = cx_tview_table(t);
	if (!tb)
		return;
	t->n = 0;
	for (size_t r = 0; r < tb->nrows; r++) {
		bool hit = !t->search[0];
		for (size_t c = 0; !hit && c < tb->ncols; c++)
			hit = cx_search_hit(t->human[r * tb->ncols + c], t->search);
		if (hit)
			t->order[t->n++] = r;
	}
	if (t->sort >= 0 && (size_t)t->sort < tb->ncols)
		sort_order(t);
	if (t->cursor >= t->n)
		t->cursor = t->n ? t->n - 1 : 0;
}

static bool right_aligned(const cx_column *c)
{
	return c->kind != CX_CELL_TEXT && c->kind != CX_CELL_DATE;
}

/* A cell of the table: rows are arrays of the strings drawn. */
static enum cx_element table_cell(const struct cx_col *col, const void *row, const void *ctx, int width, char *buf,
				  size_t len)
{
	const char *const *cells = row;
	const struct cx_tview *t = ctx;
	snprintf(buf, len, "%s", cells[col->arg]);
	/* The cells a search matched are marked. */
	return t->search[0] && cx_search_hit(cells[col->arg], t->search) ? CX_EL_SEARCH : CX_EL_COUNT;
}

/* The table's columns, declared from the report's: its titles, the widest
 * cell for width, numbers right-aligned. */
static void declare(struct cx_tview *t, const cx_table *tb)
{
	free(t->cols);
	t->cols = cx_xcalloc(tb->ncols + 1, sizeof *t->cols);
	for (size_t c = 0; c < tb->ncols; c++)
		t->cols[c] = (struct cx_col){.title = tb->cols[c].title,
					     .width = t->width[c],
					     .right = right_aligned(&tb->cols[c]),
					     .arg = (int)c,
					     .get = table_cell};
}

static void build_cache(struct cx_tview *t)
{
	cx_table *tb = cx_tview_table(t);
	if (!tb)
		return;
	t->human = cx_xcalloc(tb->nrows * tb->ncols + 1, sizeof *t->human);
	t->nhuman = tb->nrows * tb->ncols;
	t->width = cx_xcalloc(tb->ncols, sizeof *t->width);
	t->order = cx_xcalloc(tb->nrows + 1, sizeof *t->order);
	for (size_t c = 0; c < tb->ncols; c++)
		t->width[c] = cx_ui_width(tb->cols[c].title);
	/* Each string's offset in text first (text moves as it grows), the
	 * pointers once it is whole. */
	size_t len = 0, cap = 0;
	size_t *at = cx_xcalloc(t->nhuman + 1, sizeof *at);
	for (size_t r = 0; r < tb->nrows; r++)
		for (size_t c = 0; c < tb->ncols; c++) {
			char *s = shown_cell(&tb->cells[r * tb->ncols + c], t->doc->currency);
			size_t n = strlen(s) + 1;
			if (len + n > cap) {
				cap = (len + n) * 2;
				t->text = cx_xreallocarray(t->text, cap, 1);
			}
			memcpy(t->text + len, s, n);
			at[r * tb->ncols + c] = len;
			len += n;
			int w = cx_ui_width(s);
			if (w > t->width[c])
				t->width[c] = w;
			free(s);
		}
	if (len > 0 && len < cap) /* the room left over given back */
		t->text = cx_xreallocarray(t->text, len, 1);
	for (size_t i = 0; i < t->nhuman; i++)
		t->human[i] = t->text + at[i];
	free(at);
	for (size_t c = 0; tb->totals && c < tb->ncols; c++) {
		char *s = cx_cell_human(&tb->totals[c], t->doc->currency);
		int w = cx_ui_width(s);
		if (w > t->width[c])
			t->width[c] = w;
		free(s);
	}
	for (size_t c = 0; c < tb->ncols; c++)
		if (t->width[c] > MAX_COL_WIDTH && !right_aligned(&tb->cols[c]))
			t->width[c] = MAX_COL_WIDTH;
	if (tb->totals && tb->ncols && t->width[0] < 5)
		t->width[0] = 5; /* "TOTAL" */
	declare(t, tb);
	arrange(t);
}

void cx_tview_switch(struct cx_tview *t, int table)
{
	free_cache(t);
	t->table = table;
	t->cursor = t->top = 0;
	t->hscroll = 0;
	t->sort = -1;
	build_cache(t);
}

static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct cx_tview *t = v->state;
	t->kind = arg;
	t->report = t->kind->report;
	t->table = t->kind->table;
	t->sort = -1;
	v->keys = t->kind->keys;
	snprintf(v->title, sizeof v->title, "%s", t->kind->name);
}

static void fini(struct cx_view *v)
{
	struct cx_tview *t = v->state;
	free_cache(t);
	cx_doc_free(t->doc);
	t->doc = NULL;
}

static void load(struct cx_app *app, struct cx_view *v)
{
	struct cx_tview *t = v->state;
	fini(v);
	const cx_report_def *def = cx_report_find(t->report);
	cx_report_opts opt = {
		.period = app->period,
		.figure = t->figure[0] ? t->figure : NULL,
		.agent_id = t->agent_id,
		.campaign_id = t->campaign_id,
		.carrier = t->carrier[0] ? t->carrier : NULL,
		.status = t->status[0] ? t->status : NULL};
	cx_error err = {0};
	t->doc = def ? def->build(app->st, &opt, &err) : NULL;
	snprintf(t->error, sizeof t->error, "%s", t->doc ? "" : err.msg);
	if (t->doc && t->table >= (int)t->doc->ntables)
		t->table = 0;
	/* A report's warning (a refused scoring file) is worth the status
	 * line: the list shows meanwhile. */
	if (t->doc && t->doc->warning)
		cx_app_status(app, true, "%s", t->doc->warning);
	build_cache(t);
}

/* The columns that stay put while the rest scroll: an ID and the name. */
static size_t frozen(const cx_table *tb)
{
	/* The row's name stays in view however far the columns scroll. */
	static const char *const names[] = {"agent", "campaign", "customer", "carrier", "channel", "topic", "trophy",
					    "team", NULL};
	for (size_t c = 0; c < tb->ncols && c < 4; c++)
		for (int i = 0; names[i]; i++)
			if (strcmp(tb->cols[c].key, names[i]) == 0)
				return c + 1;
	size_t k = 0;
	if (k < tb->ncols && right_aligned(&tb->cols[k]) && tb->ncols > 2)
		k++;
	if (k < tb->ncols && !right_aligned(&tb->cols[k]))
		k++;
	return k;
}

/* Whether every column from the k-th scrolled one on fits beside the
 * frozen ones. */
static bool fits_from(const struct cx_app *app, const struct cx_tview *t, const cx_table *tb, int k)
{
	size_t fz = frozen(tb);
	int x = 0;
	for (size_t c = 0; c < tb->ncols; c++)
		if (c < fz || (int)(c - fz) >= k)
			x += t->width[c] + GAP;
	return x - GAP <= app->cols;
}

/* The widths on this screen: the frozen columns, then those scrolled to;
 * a number is shown whole or not at all ("$5,7…" would mislead), only a
 * name may be cut to fit.  A scroll the screen no longer needs (it grew)
 * is given back, so no column stays hidden that would fit. */
static void layout(struct cx_app *app, struct cx_tview *t, const cx_table *tb, int *width)
{
	size_t fz = frozen(tb);
	int x = 0;
	bool full = false;
	while (t->hscroll > 0 && fits_from(app, t, tb, t->hscroll - 1))
		t->hscroll--;
	for (size_t c = 0; c < tb->ncols; c++) {
		width[c] = 0;
		if (full || (c >= fz && (int)(c - fz) < t->hscroll))
			continue;
		int w = t->width[c];
		if (x + w > app->cols) {
			full = true;
			/* Only words are worth showing cut (a name, a note, with
			 * room for a few letters); a figure or a date cut is
			 * misread, so it goes off screen whole. */
			if (c >= fz && (right_aligned(&tb->cols[c]) || tb->cols[c].kind != CX_CELL_TEXT ||
					app->cols - x < 8))
				continue;
			w = app->cols - x;
		}
		width[c] = w;
		x += w + GAP;
		full = full || x >= app->cols;
	}
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct cx_tview *t = v->state;
	cx_table *tb = cx_tview_table(t);
	if (!tb) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(top + 1, 1, app->cols - 2, t->error[0] ? t->error : "nothing to show", false);
		return;
	}
	/* Title line: which table, how many rows, search and sort. */
	char info[256];
	const char *dot = cx_glyph(CX_G_DOT);
	char title[128] = "", search[160] = "";
	if (tb->title)
		snprintf(title, sizeof title, "%s %s ", tb->title, dot);
	if (t->search[0])
		snprintf(search, sizeof search, " %s search \"%s\"", dot, t->search);
	char shown[32], all[32];
	cx_fmt_int(shown, sizeof shown, (int64_t)t->n);
	cx_fmt_int(all, sizeof all, (int64_t)tb->nrows);
	int *width = cx_xcalloc(tb->ncols + 1, sizeof *width);
	int n = (int)tb->ncols;
	layout(app, t, tb, width);
	/* Columns off the screen, on either side: say so, and which key. */
	int right = 0;
	for (size_t c = frozen(tb); c < tb->ncols; c++)
		right += (int)(c - frozen(tb)) >= t->hscroll && width[c] == 0;
	char hidden[96] = "";
	if (t->hscroll || right)
		snprintf(hidden, sizeof hidden, "  %s%smore columns%s%s", t->hscroll ? cx_glyph(CX_G_LEFT) : "",
			 t->hscroll ? " " : "", right ? " " : "", right ? cx_glyph(CX_G_RIGHT) : "");
	snprintf(info, sizeof info, " %s%s of %s rows%s  sort: %s%s%s", title, shown, all, search,
		 t->sort >= 0 ? tb->cols[t->sort].title : "the report's order", t->sort < 0 ? "" : " ",
		 t->sort < 0 ? "" : cx_glyph(t->desc ? CX_G_SORT_DOWN : CX_G_SORT_UP));
	/* The columns off screen are said whatever else is cut: at the
	 * line's right end. */
	int hw = cx_ui_width(hidden);
	if (hw >= app->cols)
		hw = 0;
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols - hw, info, false);
	if (hw)
		cx_ui_text(top, app->cols - hw, hw, hidden, false);

	/* The header marks the sorted column. */
	cx_cols_draw(app, t->cols, n, width, GAP, top + 1, NULL, t, CX_EL_HEADER, t->sort, t->desc);

	int body = height - 2 - (tb->totals ? 1 : 0);
	t->page = body > 1 ? body : 1;
	if (t->cursor < t->top)
		t->top = t->cursor;
	if (t->cursor >= t->top + (size_t)t->page)
		t->top = t->cursor - (size_t)t->page + 1;
	for (int i = 0; i < body; i++) {
		size_t k = t->top + (size_t)i;
		if (k >= t->n)
			break;
		size_t r = t->order[k];
		enum cx_element el = k == t->cursor ? CX_EL_ROW_SELECTED : (k % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_cols_draw(app, t->cols, n, width, GAP, top + 2 + i, &t->human[r * tb->ncols], t, el, -1, false);
	}
	if (t->n == 0) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_ui_text(top + 2, 1, app->cols - 2, t->search[0] ? "no row matches the search" : "no rows in this period",
			   false);
	}
	if (tb->totals) {
		char **tot = cx_xcalloc(tb->ncols, sizeof *tot);
		for (size_t c = 0; c < tb->ncols; c++)
			tot[c] = tb->totals[c].kind == CX_CELL_NULL ? cx_xstrdup(c == 0 ? "TOTAL" : "")
								    : cx_cell_human(&tb->totals[c], t->doc->currency);
		cx_cols_draw(app, t->cols, n, width, GAP, top + height - 1, tot, t, CX_EL_HEADER, -1, false);
		for (size_t c = 0; c < tb->ncols; c++)
			free(tot[c]);
		free(tot);
	}
	free(width);
	cx_ui_style(app, CX_EL_NORMAL);
}

/* The detail pane: the kind's own, or every column of the row. */
static void open_detail(struct cx_app *app, struct cx_tview *t)
{
	cx_table *tb = cx_tview_table(t);
	if (!tb || t->cursor >= t->n)
		return;
	size_t r = t->order[t->cursor];
	struct cx_detail *d = cx_xcalloc(1, sizeof *d);
	if (t->kind->detail) {
		t->kind->detail(t, r, d);
	} else {
		size_t fz = frozen(tb);
		snprintf(d->title, sizeof d->title, "%s", fz ? t->human[r * tb->ncols + fz - 1] : "Detail");
		for (size_t c = 0; c < tb->ncols; c++) {
			cx_detail_add(d, tb->cols[c].title, t->human[r * tb->ncols + c], CX_EL_NORMAL);
			/* An agent's counts and revenue open the rows they add up;
			 * a campaign's contacts, conversions, revenue and cost its
			 * contacts (with their orders and cost). */
			const char *key = tb->cols[c].key;
			if (strcmp(t->report, "agents") == 0 && d->n > 0)
				d->rows[d->n - 1].figure = strcmp(key, "tickets") == 0   ? "tickets"
							   : strcmp(key, "solved") == 0  ? "solved"
							   : strcmp(key, "revenue") == 0 ? "attributed"
											 : NULL;
			if (strcmp(t->report, "campaigns") == 0 && d->n > 0 &&
			    (strcmp(key, "contacted") == 0 || strcmp(key, "converted") == 0 ||
			     strcmp(key, "revenue") == 0 || strcmp(key, "cost") == 0))
				d->rows[d->n - 1].figure = "campaign_costs";
		}
	}
	int ci = cx_tview_column(tb, "agent_id"), cn = cx_tview_column(tb, "agent");
	if (t->kind->agent_rows && ci >= 0 && cn >= 0 && tb->cells[r * tb->ncols + (size_t)ci].kind == CX_CELL_ID) {
		d->agent_id = tb->cells[r * tb->ncols + (size_t)ci].i;
		snprintf(d->agent, sizeof d->agent, "%s", t->human[r * tb->ncols + (size_t)cn]);
	}
	int ki = cx_tview_column(tb, "campaign_id"), kn = cx_tview_column(tb, "campaign");
	if (strcmp(t->report, "campaigns") == 0 && ki >= 0 && kn >= 0 &&
	    tb->cells[r * tb->ncols + (size_t)ki].kind == CX_CELL_ID) {
		d->campaign_id = tb->cells[r * tb->ncols + (size_t)ki].i;
		snprintf(d->agent, sizeof d->agent, "%s", t->human[r * tb->ncols + (size_t)kn]);
	}
	cx_detail_push(app, d);
	free(d);
}

static void on_search(struct cx_app *app, struct cx_view *v, bool done)
{
	struct cx_tview *t = v->state;
	snprintf(t->search, sizeof t->search, "%s", app->input);
	t->cursor = t->top = 0;
	arrange(t);
	cx_table *tb = cx_tview_table(t);
	if (!done || !t->search[0] || !tb)
		return;
	/* In which columns the rows matched. */
	struct cx_search_count *c = cx_xcalloc(tb->ncols + 1, sizeof *c);
	for (size_t k = 0; k < tb->ncols; k++)
		c[k].column = tb->cols[k].title;
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = 0; k < tb->ncols; k++)
			c[k].n += cx_search_hit(t->human[t->order[i] * tb->ncols + k], t->search);
	char says[256];
	cx_search_says(says, sizeof says, (int64_t)t->n, "row", "rows", t->search, c, (int)tb->ncols);
	cx_app_status(app, false, "%s", says);
	free(c);
}

static void sort_by(struct cx_app *app, struct cx_tview *t, int col, bool desc)
{
	cx_table *tb = cx_tview_table(t);
	t->sort = col;
	t->desc = desc;
	arrange(t);
	if (col >= 0)
		cx_app_status(app, false, "sorted by %s, %s", tb->cols[col].title, desc ? "highest first" : "lowest first");
	else
		cx_app_status(app, false, "in the report's order");
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct cx_tview *t = v->state;
	cx_table *tb = cx_tview_table(t);
	if (t->kind->handle) {
		enum cx_handled h = t->kind->handle(app, v, req);
		if (h != CX_UNHANDLED)
			return h;
	}
	if (!tb)
		return CX_UNHANDLED;
	if (cx_move(req, &t->cursor, t->n, (size_t)(t->page > 1 ? t->page - 1 : 1)))
		return CX_HANDLED;
	int ncols = (int)tb->ncols;
	switch (req) {
	case CX_REQ_RIGHT:
		if (t->hscroll + 1 < (int)(tb->ncols - frozen(tb)))
			t->hscroll++;
		return CX_HANDLED;
	case CX_REQ_LEFT:
		if (t->hscroll > 0)
			t->hscroll--;
		return CX_HANDLED;
	case CX_REQ_SORT_NEXT:
		/* From the report's order, > starts at the first column. */
		sort_by(app, t, t->sort + 1 < ncols ? t->sort + 1 : ncols - 1, t->desc);
		return CX_HANDLED;
	case CX_REQ_SORT_PREV:
		sort_by(app, t, t->sort > 0 ? t->sort - 1 : t->sort < 0 ? 0 : -1, t->desc);
		return CX_HANDLED;
	case CX_REQ_SORT_FLIP:
		sort_by(app, t, t->sort < 0 ? 0 : t->sort, !t->desc);
		return CX_HANDLED;
	case CX_REQ_SEARCH:
		cx_app_prompt(app, v, "search: ", on_search);
		return CX_HANDLED;
	case CX_REQ_FILTER:
		if (t->doc && t->doc->ntables > 1)
			cx_tview_switch(t, (t->table + 1) % (int)t->doc->ntables);
		return CX_HANDLED;
	case CX_REQ_OPEN:
		open_detail(app, t);
		return CX_HANDLED;
	case CX_REQ_BACK:
		/* Esc first undoes the search, then leaves. */
		if (t->search[0]) {
			t->search[0] = '\0';
			arrange(t);
			return CX_HANDLED;
		}
		return CX_UNHANDLED;
	default:
		return CX_UNHANDLED;
	}
}

static enum cx_handled click(struct cx_app *app, struct cx_view *v, int y, int x)
{
	struct cx_tview *t = v->state;
	/* Rows start under the info line and the header. */
	int row = y - 2;
	if (row < 0 || t->top + (size_t)row >= t->n)
		return CX_UNHANDLED;
	bool again = t->cursor == t->top + (size_t)row;
	t->cursor = t->top + (size_t)row;
	if (again)
		open_detail(app, t);
	return CX_HANDLED;
}

const struct cx_view_ops cx_table_ops = {
	.kind = "Table",
	.state_size = sizeof(struct cx_tview),
	.init = init,
	.fini = fini,
	.load = load,
	.draw = draw,
	.handle = handle,
	.click = click,
};

/* The rows behind one figure of the dashboard (`cxtop report rows`): the
 * table view over that report, made from the figure's name. */
static void rows_init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct cx_tview *t = v->state;
	const struct cx_rows_arg *a = arg;
	init(app, v, &cx_table_rows);
	snprintf(t->figure, sizeof t->figure, "%s", a->figure);
	t->agent_id = a->agent_id;
	t->campaign_id = a->campaign_id;
	snprintf(t->carrier, sizeof t->carrier, "%s", a->carrier ? a->carrier : "");
	snprintf(t->status, sizeof t->status, "%s", a->status ? a->status : "");
	const char *title = cx_report_figure_title(a->figure);
	if (a->carrier || a->status)
		snprintf(v->title, sizeof v->title, "Claims: %s%s%s", t->carrier, a->carrier && a->status ? ", " : "",
			 t->status);
	else if (a->campaign_id)
		snprintf(v->title, sizeof v->title, "Contacts: campaign %s", a->who ? a->who : "");
	else if (a->agent_id)
		snprintf(v->title, sizeof v->title, "%s: agent %s", strcmp(a->figure, "attributed") == 0 ? "Revenue" : a->figure,
			 a->who ? a->who : "");
	else
		snprintf(v->title, sizeof v->title, "%s", title ? title : a->figure);
}

const struct cx_view_ops cx_rows_ops = {
	.kind = "Rows",
	.state_size = sizeof(struct cx_tview),
	.init = rows_init,
	.fini = fini,
	.load = load,
	.draw = draw,
	.handle = handle,
	.click = click,
};
