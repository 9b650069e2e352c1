/* dash_wide.c — the dashboard at 150 columns and more: three columns of
 * panels instead of two, with the trends of the headline figures over the
 * last twelve periods and the top rows of the lists.
 *
 * Every figure here is one that is printed elsewhere: a trend's point is
 * that period's dashboard figure (cx_dashboard_point, the calls of
 * cx_dashboard_load), and a list's rows are the first rows of a report's
 * own table (agents, campaigns, watchlist, claims, sla), drawn with the
 * report's cells as people read them.  None of it is computed before the
 * first frame: the current and previous periods' points come with the
 * dashboard itself, and the rest arrive one period or one report per idle
 * step (dash_wide_idle), newest first, so that the screen answers keys
 * while a big store fills it in.  Points already computed are kept across
 * period steps until the figures change (app->data_gen). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/report.h"
#include "dash.h"
#include "glyphs.h"
#include "view_table.h"

/* ---- trends: one row per figure, written once ---------------------------- */

static bool get_net(const cx_dash_point *p, int64_t *v) { return *v = p->pnl.net, true; }
static bool get_attributed(const cx_dash_point *p, int64_t *v) { return *v = p->pnl.attributed, true; }
static bool get_created(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.raw.created, true; }
static bool get_solved(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.raw.solved, true; }
static bool get_backlog(const cx_dash_point *p, int64_t *v) { return *v = p->backlog, true; }
static bool get_unanswered(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.raw.unanswered, true; }
static bool get_frt(const cx_dash_point *p, int64_t *v)
{
	*v = p->tickets.raw.frt.median_x2;
	return p->tickets.raw.frt.n > 0;
}
static bool get_resolution(const cx_dash_point *p, int64_t *v)
{
	*v = p->tickets.raw.resolution.median_x2;
	return p->tickets.raw.resolution.n > 0;
}
static bool get_csat(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.csat_bp, p->tickets.csat_ok; }
static bool get_nps(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.nps_bp, p->tickets.nps_ok; }
static bool get_one_touch(const cx_dash_point *p, int64_t *v)
{
	return *v = p->tickets.one_touch_bp, p->tickets.one_touch_ok;
}
static bool get_reopened(const cx_dash_point *p, int64_t *v) { return *v = p->tickets.reopen_bp, p->tickets.reopen_ok; }

/* A trend: its label, how its value reads, which way is good, where Enter
 * leads (as the same figure's line in the panels).  A new figure of the
 * point is one more line here. */
static const struct trend_kpi {
	const char *label;
	enum cmp_kind kind;
	int good;
	bool (*get)(const cx_dash_point *p, int64_t *v);
	enum drill what;
	int arg;
} trends[] = {
	{"Net", CMP_MONEY, +1, get_net, D_WHATIF, 0},
	{"Attributed revenue", CMP_MONEY, +1, get_attributed, D_ROWS, F_ATTRIBUTED},
	{"Tickets created", CMP_COUNT, 0, get_created, D_TICKETS, CX_TICKETS_CREATED},
	{"Tickets solved", CMP_COUNT, +1, get_solved, D_TICKETS, CX_TICKETS_SOLVED},
	{"Backlog at end", CMP_COUNT, -1, get_backlog, D_TICKETS, CX_TICKETS_OPEN},
	{"Never answered", CMP_COUNT, -1, get_unanswered, D_TICKETS, CX_TICKETS_UNANSWERED},
	{"First response med", CMP_DURATION, -1, get_frt, D_TICKETS, CX_TICKETS_CREATED},
	{"Resolution med", CMP_DURATION, -1, get_resolution, D_TICKETS, CX_TICKETS_SOLVED},
	{"CSAT", CMP_BP, +1, get_csat, D_TICKETS, CX_TICKETS_SOLVED},
	{"NPS", CMP_POINTS, +1, get_nps, D_TICKETS, CX_TICKETS_SOLVED},
	{"One-touch", CMP_BP, +1, get_one_touch, D_TICKETS, CX_TICKETS_SOLVED},
	{"Reopened", CMP_BP, -1, get_reopened, D_TICKETS, CX_TICKETS_SOLVED},
};
#define NTRENDS ((int)(sizeof trends / sizeof trends[0]))

/* ---- lists: the first rows of a report's table ---------------------------- */

enum list_open { OPEN_AGENT, OPEN_CAMPAIGN, OPEN_CUSTOMER, OPEN_CLAIMS, OPEN_SLA };

static const struct list_def {
	const char *title;
	const char *report, *table; /* the report and its table's json name */
	const char *sort;           /* largest first by this column; NULL: the report's order */
	const char *only;           /* rows whose yes/no column says yes; NULL: all */
	const char *cols[DASH_LIST_COLS]; /* the name first, then figures */
	const char *id;             /* the column Enter opens by */
	enum list_open open;
	const char *empty;
} lists[] = {
	{"Agents by revenue", "agents", "rows", "revenue", NULL, {"agent", "revenue", "solved", "csat_pct"}, "agent_id",
	 OPEN_AGENT, "No agents in this period"},
	{"Campaigns by revenue", "campaigns", "rows", "revenue", NULL, {"campaign", "revenue", "conversion_pct", "roi_pct"},
	 "campaign_id", OPEN_CAMPAIGN, "No campaigns in this period"},
	{"Watchlist, lowest score first", "watchlist", "rows", NULL, NULL, {"customer", "satisfaction", "on_list_since"},
	 "customer_id", OPEN_CUSTOMER, "No one on the watchlist"},
	{"Claims past deadline", "claims", "open", NULL, "past_deadline",
	 {"tracking_no", "days_to_deadline", "claimed", "carrier"}, "claim_id", OPEN_CLAIMS, "No claim past its deadline"},
	{"SLA met by channel", "sla", "channels", NULL, NULL, {"channel", "first_reply_met_pct", "resolution_met_pct"},
	 NULL, OPEN_SLA, "No SLA targets in this period"},
};
#define NLISTS ((int)(sizeof lists / sizeof lists[0]))
_Static_assert(sizeof lists / sizeof lists[0] == DASH_LISTS, "dash.h's DASH_LISTS is the number of lists");
enum { L_AGENTS, L_CAMPAIGNS, L_WATCH, L_CLAIMS, L_SLA };

/* ---- filling in ----------------------------------------------------------- */

static bool same_period(const cx_period *a, const cx_period *b)
{
	return a->from_day == b->from_day && a->to_day == b->to_day;
}

static void remember(struct dash_wide *w, const cx_dash_point *p)
{
	for (int i = 0; i < w->ncache; i++)
		if (same_period(&w->cache[i].period, &p->period))
			return;
	w->cache[w->next_cache] = *p;
	w->next_cache = (w->next_cache + 1) % DASH_CACHE;
	if (w->ncache < DASH_CACHE)
		w->ncache++;
}

static bool recall(const struct dash_wide *w, const cx_period *p, cx_dash_point *out)
{
	for (int i = 0; i < w->ncache; i++)
		if (same_period(&w->cache[i].period, p)) {
			*out = w->cache[i];
			return true;
		}
	return false;
}

/* Puts the point of a dashboard already loaded in slot i when it is that
 * slot's period. */
static void take(struct dash_wide *w, int i, const cx_dashboard *dash)
{
	if (!same_period(&dash->period, &w->pt[i].period))
		return;
	cx_dashboard_point_of(dash, &w->pt[i]);
	w->have[i] = true;
	remember(w, &w->pt[i]);
}

void dash_wide_reset(struct cx_app *app, struct dashboard *d)
{
	struct dash_wide *w = &d->wide;
	bool hours = cx_store_business_hours(app->st);
	if (w->cache_gen != app->data_gen || w->cache_hours != hours) {
		w->ncache = w->next_cache = 0;
		w->cache_gen = app->data_gen;
		w->cache_hours = hours;
	}
	cx_period p = app->period;
	for (int i = DASH_TREND_N - 1; i >= 0; i--) {
		memset(&w->pt[i], 0, sizeof w->pt[i]);
		w->pt[i].period = p;
		w->none[i] = !app->oldest_day || p.to_day < app->oldest_day;
		w->have[i] = !w->none[i] && recall(w, &p, &w->pt[i]);
		p = cx_period_step(p, -1);
	}
	if (d->loaded)
		take(w, DASH_TREND_N - 1, &d->dash);
	if (d->prev_loaded)
		take(w, DASH_TREND_N - 2, &d->prev);
	for (int l = 0; l < NLISTS; l++)
		w->list[l].loaded = false;
	w->error[0] = '\0';
}

/* A report cell as the lists show it: a missing value is a dash. */
static void cell_text(const cx_cell *c, const char *currency, char *buf, size_t len)
{
	if (c->kind == CX_CELL_NULL) {
		snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
		return;
	}
	char *s = cx_cell_human(c, currency);
	snprintf(buf, len, "%s", s);
	free(s);
}

/* Whether row r belongs in the list (its yes/no column says yes). */
static bool wanted(const struct list_def *def, const cx_table *tb, size_t r, int only)
{
	if (!def->only)
		return true;
	return only >= 0 && tb->cells[r * tb->ncols + (size_t)only].i != 0;
}

static void fill_list(const struct list_def *def, const cx_doc *doc, struct dash_list *out)
{
	const cx_table *tb = NULL;
	for (size_t i = 0; i < doc->ntables; i++)
		if (strcmp(doc->tables[i]->name, def->table) == 0)
			tb = doc->tables[i];
	out->n = 0;
	if (!tb)
		return;
	int col[DASH_LIST_COLS], sc = def->sort ? cx_tview_column(tb, def->sort) : -1;
	int only = def->only ? cx_tview_column(tb, def->only) : -1;
	int idc = def->id ? cx_tview_column(tb, def->id) : -1;
	for (int c = 0; c < DASH_LIST_COLS; c++) {
		col[c] = def->cols[c] ? cx_tview_column(tb, def->cols[c]) : -1;
		snprintf(out->head[c], sizeof out->head[c], "%s", col[c] >= 0 ? tb->cols[col[c]].title : "");
	}
	bool *used = calloc(tb->nrows ? tb->nrows : 1, sizeof *used);
	if (!used)
		return;
	size_t from = 0;
	while (out->n < DASH_LIST_ROWS) {
		/* The next row: in the report's order, or the largest left
		 * (missing values last, ties in the report's order). */
		size_t best = tb->nrows;
		for (size_t r = sc < 0 ? from : 0; r < tb->nrows; r++) {
			if (used[r] || !wanted(def, tb, r, only))
				continue;
			if (sc < 0) {
				best = r;
				break;
			}
			const cx_cell *a = &tb->cells[r * tb->ncols + (size_t)sc];
			const cx_cell *b = best < tb->nrows ? &tb->cells[best * tb->ncols + (size_t)sc] : NULL;
			if (!b || (a->kind != CX_CELL_NULL && (b->kind == CX_CELL_NULL || a->i > b->i)))
				best = r;
		}
		if (best >= tb->nrows)
			break;
		used[best] = true;
		from = best + 1;
		const cx_cell *row = &tb->cells[best * tb->ncols];
		for (int c = 0; c < DASH_LIST_COLS; c++) {
			out->cell[out->n][c][0] = '\0';
			if (col[c] >= 0)
				cell_text(&row[col[c]], doc->currency, out->cell[out->n][c], sizeof out->cell[0][0]);
		}
		out->id[out->n] = idc >= 0 && row[idc].kind == CX_CELL_ID ? row[idc].i : 0;
		out->n++;
	}
	free(used);
}

/* A list in the report's order needs only its first rows: the report is
 * read as a stream (one row held at a time, as `cxtop report` prints it)
 * and the rows shown are taken as they go by.  The watchlist of a big
 * store held whole was 14 MB for ten lines. */
struct first_rows {
	const struct list_def *def;
	const cx_table *tb;
	const char *currency;
	int col[DASH_LIST_COLS], only, idc;
	struct dash_list *out;
};

static void take_row(void *ctx, const cx_cell *row)
{
	struct first_rows *f = ctx;
	struct dash_list *out = f->out;
	if (out->n >= DASH_LIST_ROWS || (f->def->only && (f->only < 0 || row[f->only].i == 0)))
		return;
	for (int c = 0; c < DASH_LIST_COLS; c++) {
		out->cell[out->n][c][0] = '\0';
		if (f->col[c] >= 0)
			cell_text(&row[f->col[c]], f->currency, out->cell[out->n][c], sizeof out->cell[0][0]);
	}
	out->id[out->n] = f->idc >= 0 && row[f->idc].kind == CX_CELL_ID ? row[f->idc].i : 0;
	out->n++;
}

static int fill_first_rows(const struct list_def *def, const cx_doc *doc, struct dash_list *out)
{
	struct first_rows f = {.def = def, .currency = doc->currency, .out = out};
	for (size_t i = 0; i < doc->ntables; i++)
		if (strcmp(doc->tables[i]->name, def->table) == 0)
			f.tb = doc->tables[i];
	out->n = 0;
	if (!f.tb)
		return 0;
	f.only = def->only ? cx_tview_column(f.tb, def->only) : -1;
	f.idc = def->id ? cx_tview_column(f.tb, def->id) : -1;
	for (int c = 0; c < DASH_LIST_COLS; c++) {
		f.col[c] = def->cols[c] ? cx_tview_column(f.tb, def->cols[c]) : -1;
		snprintf(out->head[c], sizeof out->head[c], "%s", f.col[c] >= 0 ? f.tb->cols[f.col[c]].title : "");
	}
	return cx_table_each(f.tb, take_row, &f);
}

static void load_list(struct cx_app *app, struct dashboard *d, int l)
{
	struct dash_list *out = &d->wide.list[l];
	const cx_report_def *def = cx_report_find(lists[l].report);
	/* Unsorted lists stream; the sorted ones (agents, campaigns: a row
	 * per agent or campaign) are held to find their largest. */
	cx_report_opts opt = {.period = app->period, .business_hours = cx_store_business_hours(app->st),
			      .stream = !lists[l].sort};
	cx_error err = {0};
	out->loaded = true;
	out->n = 0;
	out->error[0] = '\0';
	/* One read transaction: a streamed list is read twice, and both
	 * readings must see the same rows. */
	if (opt.stream && cx_store_read_begin(app->st, &err) < 0) {
		snprintf(out->error, sizeof out->error, "%s", err.msg);
		return;
	}
	cx_doc *doc = def ? def->build(app->st, &opt, &err) : NULL;
	if (!doc)
		snprintf(out->error, sizeof out->error, "%s", err.msg);
	else if (opt.stream)
		fill_first_rows(&lists[l], doc, out);
	else
		fill_list(&lists[l], doc, out);
	const cx_error *again = doc ? cx_doc_stream_error(doc) : NULL;
	if (again)
		snprintf(out->error, sizeof out->error, "%s", again->msg);
	cx_doc_free(doc);
	if (opt.stream)
		cx_store_read_end(app->st);
}

enum cx_idle dash_wide_idle(struct cx_app *app, struct dashboard *d)
{
	struct dash_wide *w = &d->wide;
	bool did = false;
	/* The nearest periods first: a trend reads from its right end. */
	for (int i = DASH_TREND_N - 1; i >= 0 && !did; i--) {
		if (w->have[i] || w->none[i])
			continue;
		cx_error err = {0};
		cx_period p = w->pt[i].period;
		if (cx_dashboard_point(app->st, &p, cx_store_liability_bp(app->st), &w->pt[i], &err) < 0) {
			snprintf(w->error, sizeof w->error, "%s", err.msg);
			w->none[i] = true;
		} else {
			w->have[i] = true;
			remember(w, &w->pt[i]);
		}
		did = true;
	}
	for (int l = 0; l < NLISTS && !did; l++) {
		if (w->list[l].loaded || (l == L_SLA && !d->dash.sla_on))
			continue;
		load_list(app, d, l);
		did = true;
	}
	if (!did)
		return CX_IDLE_NONE;
	for (int i = 0; i < DASH_TREND_N; i++)
		if (!w->have[i] && !w->none[i])
			return CX_IDLE_MORE;
	for (int l = 0; l < NLISTS; l++)
		if (!w->list[l].loaded && !(l == L_SLA && !d->dash.sla_on))
			return CX_IDLE_MORE;
	return CX_IDLE_DONE;
}

/* ---- drawing -------------------------------------------------------------- */

/* One cell per point (two when there is room), scaled between the lowest
 * and the highest point shown; a period before the data, or not read yet,
 * is blank. */
static void sparkline(struct cx_app *app, const struct dash_wide *w, const struct trend_kpi *t, int y, int x, int width)
{
	static const enum cx_glyph ticks[] = {CX_G_SPARK_1, CX_G_SPARK_2, CX_G_SPARK_3, CX_G_SPARK_4,
					      CX_G_SPARK_5, CX_G_SPARK_6, CX_G_SPARK_7, CX_G_BLOCK};
	int64_t v[DASH_TREND_N], lo = 0, hi = 0;
	bool ok[DASH_TREND_N], any = false;
	for (int i = 0; i < DASH_TREND_N; i++) {
		ok[i] = w->have[i] && t->get(&w->pt[i], &v[i]);
		if (ok[i]) {
			lo = !any || v[i] < lo ? v[i] : lo;
			hi = !any || v[i] > hi ? v[i] : hi;
			any = true;
		}
	}
	int per = width >= 2 * DASH_TREND_N ? 2 : 1;
	cx_ui_style(app, CX_EL_SPARKLINE);
	for (int i = 0; i < DASH_TREND_N && (i + 1) * per <= width; i++) {
		int level = 3;
		if (ok[i] && hi > lo) {
			/* Halved together until seven times the span fits. */
			uint64_t span = (uint64_t)hi - (uint64_t)lo, off = (uint64_t)v[i] - (uint64_t)lo;
			while (span > UINT64_MAX / 8)
				span /= 2, off /= 2;
			level = (int)(off * 7 / span);
		}
		for (int k = 0; k < per; k++)
			mvaddstr(y, x + i * per + k, ok[i] ? cx_glyph(ticks[level]) : " ");
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void trends_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	struct dash_wide *wd = &d->wide;
	char title[160], from[64], to[64];
	cx_period_label(wd->pt[0].period, from, sizeof from);
	cx_period_label(wd->pt[DASH_TREND_N - 1].period, to, sizeof to);
	snprintf(title, sizeof title, "Trends, %s to %s", from, to);
	dash_box(app, y, x, h, w, title);
	y++, x += 2, w -= 4;
	int end = y + h - 2, lw = 0, vw = 0;
	char b[NTRENDS][64];
	for (int i = 0; i < NTRENDS; i++) {
		int64_t now = 0;
		if (wd->have[DASH_TREND_N - 1] && trends[i].get(&wd->pt[DASH_TREND_N - 1], &now))
			dash_value_text(d, trends[i].kind, now, false, b[i], sizeof b[i]);
		else
			snprintf(b[i], sizeof b[i], "%s", cx_glyph(CX_G_EM_DASH));
		if (cx_ui_width(trends[i].label) > lw)
			lw = cx_ui_width(trends[i].label);
		if (cx_ui_width(b[i]) > vw)
			vw = cx_ui_width(b[i]);
	}
	/* Every sparkline in the same columns, between the labels and the
	 * widest value (and its arrow). */
	int room = w - lw - 1 - 1 - vw - (w >= 44 ? 2 : 0);
	room = room >= 2 * DASH_TREND_N ? 2 * DASH_TREND_N : room;
	for (int i = 0; i < NTRENDS && y < end; i++) {
		const struct trend_kpi *t = &trends[i];
		int64_t now = 0, before = 0;
		bool ok = wd->have[DASH_TREND_N - 1] && t->get(&wd->pt[DASH_TREND_N - 1], &now);
		if (ok && wd->have[DASH_TREND_N - 2] && t->get(&wd->pt[DASH_TREND_N - 2], &before))
			dash_vs(d, now, before, t->good, t->kind);
		d->pending.on = d->pending.on && ok;
		d->pending_trend = i + 1;
		dash_line(app, d, y, x, w, t->label, b[i], CX_EL_NORMAL, t->what, t->arg);
		if (room >= DASH_TREND_N)
			sparkline(app, wd, t, y, x + lw + 1, room);
		y++;
	}
	if (wd->error[0] && y < end) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(y, x, w, wd->error, false);
		cx_ui_style(app, CX_EL_NORMAL);
	}
}

static void list_panel(struct cx_app *app, struct dashboard *d, int l, int y, int x, int h, int w)
{
	const struct dash_list *ls = &d->wide.list[l];
	char title[96];
	if (l == L_CLAIMS) {
		char n[32];
		cx_fmt_int(n, sizeof n, d->dash.claims_past_deadline);
		snprintf(title, sizeof title, "%s (%s)", lists[l].title, n);
	} else if (l == L_WATCH) {
		char n[32];
		cx_fmt_int(n, sizeof n, d->dash.watch.watchlist);
		snprintf(title, sizeof title, "%s (%s)", lists[l].title, n);
	} else {
		snprintf(title, sizeof title, "%s", lists[l].title);
	}
	dash_box(app, y, x, h, w, title);
	if (h < 3)
		return;
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	if (!ls->loaded || ls->error[0] || ls->n == 0) {
		cx_ui_style(app, ls->error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(y, x, w, !ls->loaded ? cx_glyph(CX_G_ELLIPSIS) : ls->error[0] ? ls->error : lists[l].empty, false);
		cx_ui_style(app, CX_EL_NORMAL);
		return;
	}
	/* The figures' columns as wide as their widest cell or title; the
	 * name takes the rest. */
	int cw[DASH_LIST_COLS] = {0}, figs = 0, ncols = 1, need = cx_ui_width(ls->head[0]);
	for (int r = 0; r < ls->n; r++)
		if (cx_ui_width(ls->cell[r][0]) > need)
			need = cx_ui_width(ls->cell[r][0]);
	for (int c = 1; c < DASH_LIST_COLS && lists[l].cols[c]; c++, ncols++) {
		cw[c] = cx_ui_width(ls->head[c]);
		for (int r = 0; r < ls->n; r++)
			if (cx_ui_width(ls->cell[r][c]) > cw[c])
				cw[c] = cx_ui_width(ls->cell[r][c]);
		figs += cw[c] + 2;
	}
	/* Names whole before the last figures: those are in the report. */
	while (ncols > 2 && w - figs < need)
		figs -= cw[--ncols] + 2;
	int nw = w - figs;
	if (nw < 8)
		return;
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_text(y, x, nw, ls->head[0], false);
	for (int c = 1, cx = x + nw; c < ncols; cx += cw[c] + 2, c++)
		cx_ui_text(y, cx, cw[c] + 2, ls->head[c], true);
	y++;
	for (int r = 0; r < ls->n && y < end; r++, y++) {
		bool sel = d->nitems == d->selected;
		d->pending.on = false;
		/* The item's label names the row for the status line. */
		dash_item(d, y, x, w, D_LIST, l * DASH_LIST_ROWS + r, ls->cell[r][0]);
		cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
		cx_ui_text(y, x, nw, ls->cell[r][0], false);
		for (int c = 1, cx = x + nw; c < ncols; cx += cw[c] + 2, c++)
			cx_ui_text(y, cx, cw[c] + 2, ls->cell[r][c], true);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

/* Stacks panels in one column: those of a fixed height first (want > 0),
 * the rest share what is left. */
struct slot {
	int l; /* a list, or -1 for the panel drawn by fn */
	void (*fn)(struct cx_app *, struct dashboard *, int, int, int, int);
	int want;
	bool on;
};

static void column(struct cx_app *app, struct dashboard *d, struct slot *s, int n, int y, int x, int h, int w)
{
	int fixed = 0, flex = 0;
	for (int i = 0; i < n; i++)
		if (s[i].on && s[i].want > 0)
			fixed += s[i].want;
		else if (s[i].on)
			flex++;
	int left = h - fixed, share = flex ? left / flex : 0;
	for (int i = 0; i < n && h > 0; i++) {
		if (!s[i].on)
			continue;
		int ph = s[i].want > 0 ? s[i].want : --flex ? share : left;
		if (s[i].want <= 0)
			left -= ph;
		if (ph > h)
			ph = h;
		if (ph >= 3) {
			if (s[i].fn)
				s[i].fn(app, d, y, x, ph, w);
			else
				list_panel(app, d, s[i].l, y, x, ph, w);
		}
		y += ph;
		h -= ph;
	}
}

void dash_wide_draw(struct cx_app *app, struct dashboard *d, int top, int height)
{
	/* A third each, but the tickets' column wide enough for its labels
	 * whole beside two figures ("SLA met first reply · resolution") and the
	 * trends' for a label, twelve cells and a value. */
	int tw = app->cols / 3 > 58 ? app->cols / 3 : 58;
	int rw = (app->cols - tw) / 2 > 50 ? (app->cols - tw) / 2 : 50;
	int lw = app->cols - tw - rw;
	int x[3] = {0, lw, lw + tw}, w[3] = {lw, tw, rw};
	/* The upper band holds every trend (twelve and the frame). */
	int upper = height >= 40 ? NTRENDS + 2 : height >= 26 ? 13 : height / 2;
	int lower = height - upper, y = top + upper;
	dash_pnl_panel(app, d, top, x[0], upper, w[0]);
	dash_tickets_panel(app, d, top, x[1], upper, w[1]);
	trends_panel(app, d, top, x[2], upper, w[2]);
	int people = d->dash.nleaders + 5 + (d->dash.alarm ? 1 : 0);
	int sla = (d->wide.list[L_SLA].loaded ? d->wide.list[L_SLA].n : 5) + 4;
	struct slot c1[] = {
		{-1, dash_channels_panel, (int)d->dash.nchannels + 2, true},
		{L_CAMPAIGNS, NULL, 0, true},
	};
	struct slot c2[] = {
		{-1, dash_people_panel, people < lower / 2 ? people : lower / 2, true},
		{L_AGENTS, NULL, 0, true},
	};
	struct slot c3[] = {
		{L_SLA, NULL, sla < lower / 3 ? sla : lower / 3, d->dash.sla_on},
		{L_WATCH, NULL, 0, true},
		{L_CLAIMS, NULL, 0, true},
	};
	column(app, d, c1, 2, y, x[0], lower, w[0]);
	column(app, d, c2, 2, y, x[1], lower, w[1]);
	column(app, d, c3, 3, y, x[2], lower, w[2]);
}

/* ---- what a trend says, and where a list's row leads ---------------------- */

void dash_wide_say(struct cx_app *app, const struct dashboard *d, int trend)
{
	const struct dash_wide *w = &d->wide;
	const struct trend_kpi *t = &trends[trend];
	int lo = -1, hi = -1, missing = 0;
	int64_t v, lv = 0, hv = 0;
	for (int i = 0; i < DASH_TREND_N; i++) {
		if (w->none[i])
			continue;
		if (!w->have[i]) {
			missing++;
			continue;
		}
		if (!t->get(&w->pt[i], &v))
			continue;
		if (lo < 0 || v < lv)
			lo = i, lv = v;
		if (hi < 0 || v >= hv)
			hi = i, hv = v;
	}
	if (lo < 0) {
		cx_app_status(app, false, "%s: no value in these periods%s", t->label, missing ? " yet" : "");
		return;
	}
	char a[64], b[64], la[64], lb[64];
	dash_value_text(d, t->kind, lv, false, a, sizeof a);
	dash_value_text(d, t->kind, hv, false, b, sizeof b);
	cx_period_label(w->pt[lo].period, la, sizeof la);
	cx_period_label(w->pt[hi].period, lb, sizeof lb);
	cx_app_status(app, false, "%s: lowest %s (%s), highest %s (%s)%s", t->label, a, la, b, lb,
		      missing ? "; still reading the rest" : "");
}

void dash_wide_drill(struct cx_app *app, struct dashboard *d, int arg)
{
	int l = arg / DASH_LIST_ROWS, r = arg % DASH_LIST_ROWS;
	if (l < 0 || l >= NLISTS || r >= d->wide.list[l].n)
		return;
	const struct dash_list *ls = &d->wide.list[l];
	struct cx_tickets_arg a = {0};
	switch (lists[l].open) {
	case OPEN_AGENT:
		if (!ls->id[r])
			return;
		a.filter.agent_id = ls->id[r];
		snprintf(a.who, sizeof a.who, "%s", ls->cell[r][0]);
		cx_nav_push(app, &cx_tickets_ops, &a);
		return;
	case OPEN_CUSTOMER:
		a.filter.customer_id = ls->id[r];
		a.all_time = true;
		snprintf(a.who, sizeof a.who, "%s", ls->cell[r][0]);
		cx_nav_push(app, &cx_tickets_ops, &a);
		return;
	case OPEN_CAMPAIGN: {
		struct cx_rows_arg ra = {.figure = "campaign_costs", .campaign_id = ls->id[r], .who = ls->cell[r][0]};
		cx_nav_push(app, &cx_rows_ops, &ra);
		return;
	}
	case OPEN_CLAIMS:
		cx_nav_push(app, &cx_table_ops, &cx_table_claims);
		return;
	case OPEN_SLA:
		cx_nav_push(app, &cx_table_ops, &cx_table_sla);
		return;
	}
}
