/* view_table.c — the list views built on report tables: Agents,
 * Campaigns, Claims and the Leaderboard.
 *
 * Each shows a table of the same cx_doc its `cxtop report` prints, so the
 * list and the printout carry the same numbers.  These lists are short (one
 * row per agent, campaign, open claim), so they are held whole and sorted
 * and searched in memory.  Keys: move, sort (s/S), search (/), scroll the
 * columns (h/l), another table of the report (f), Enter for the detail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "cxtop/report.h"
#include "cxtop/xalloc.h"

#define MAX_COL_WIDTH 30
#define GAP 2

struct tview {
	const char *report;
	int sort_col, sort_desc; /* the default order */
	void (*open)(struct cx_app *app, struct tview *v, size_t row); /* Enter in the detail pane */
	bool (*extra_key)(struct cx_app *app, struct tview *v, int ch); /* the view's own keys */
	/* A detail pane of the view's own instead of "every column". */
	void (*draw_detail)(struct cx_app *app, struct tview *v, size_t row);
	/* state */
	cx_doc *doc;
	int table;
	char **human;   /* rows x cols, the strings drawn */
	size_t nhuman;  /* how many: the table they were made for may change */
	int *width;     /* per column */
	size_t *order;  /* rows shown, after search and sort */
	size_t n;
	size_t cursor, top;
	int hscroll;
	int sort;
	bool desc;
	char search[64];
	bool detail;
	char error[256];
	int page; /* rows on screen, for PgUp/PgDn */
};

static cx_table *table_of(struct tview *v)
{
	return v->doc && v->table < (int)v->doc->ntables ? v->doc->tables[v->table] : NULL;
}

static void free_cache(struct tview *v)
{
	for (size_t i = 0; v->human && i < v->nhuman; i++)
		free(v->human[i]);
	v->nhuman = 0;
	free(v->human);
	free(v->width);
	free(v->order);
	v->human = NULL;
	v->width = NULL;
	v->order = NULL;
	v->n = 0;
}

static bool ascii_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i]) {
			char a = hay[i], b = needle[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			i++;
		}
		if (i == n)
			return true;
	}
	return n == 0;
}

static struct tview *sorting; /* qsort has no context argument */

static int cmp_rows(const void *x, const void *y)
{
	const cx_table *t = table_of(sorting);
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const cx_cell *ca = &t->cells[a * t->ncols + (size_t)sorting->sort];
	const cx_cell *cb = &t->cells[b * t->ncols + (size_t)sorting->sort];
	int r;
	if (ca->kind == CX_CELL_NULL || cb->kind == CX_CELL_NULL)
		r = (ca->kind != CX_CELL_NULL) - (cb->kind != CX_CELL_NULL);
	else if (ca->kind == CX_CELL_TEXT || ca->kind == CX_CELL_DATE)
		r = strcmp(ca->s ? ca->s : "", cb->s ? cb->s : "");
	else
		r = (ca->i > cb->i) - (ca->i < cb->i);
	if (sorting->desc)
		r = -r;
	return r ? r : (a > b) - (a < b);
}

/* Applies the search and the sort to the row order. */
static void arrange(struct tview *v)
{
	cx_table *t = table_of(v);
	if (!t)
		return;
	v->n = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		bool hit = !v->search[0];
		for (size_t c = 0; !hit && c < t->ncols; c++)
			hit = ascii_contains(v->human[r * t->ncols + c], v->search);
		if (hit)
			v->order[v->n++] = r;
	}
	if (v->sort >= 0 && (size_t)v->sort < t->ncols) {
		sorting = v;
		qsort(v->order, v->n, sizeof *v->order, cmp_rows);
	}
	if (v->cursor >= v->n)
		v->cursor = v->n ? v->n - 1 : 0;
}

static bool right_aligned(const cx_column *c)
{
	return c->kind != CX_CELL_TEXT && c->kind != CX_CELL_DATE;
}

static void build_cache(struct tview *v)
{
	cx_table *t = table_of(v);
	if (!t)
		return;
	v->human = cx_xcalloc(t->nrows * t->ncols + 1, sizeof *v->human);
	v->nhuman = t->nrows * t->ncols;
	v->width = cx_xcalloc(t->ncols, sizeof *v->width);
	v->order = cx_xcalloc(t->nrows + 1, sizeof *v->order);
	for (size_t c = 0; c < t->ncols; c++)
		v->width[c] = cx_utf8_width(t->cols[c].title);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			char *s = cx_cell_human(&t->cells[r * t->ncols + c], v->doc->currency);
			v->human[r * t->ncols + c] = s;
			int w = cx_utf8_width(s);
			if (w > v->width[c])
				v->width[c] = w;
		}
	for (size_t c = 0; t->totals && c < t->ncols; c++) {
		char *s = cx_cell_human(&t->totals[c], v->doc->currency);
		int w = cx_utf8_width(s);
		if (w > v->width[c])
			v->width[c] = w;
		free(s);
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (v->width[c] > MAX_COL_WIDTH && !right_aligned(&t->cols[c]))
			v->width[c] = MAX_COL_WIDTH;
	if (t->totals && t->ncols && v->width[0] < 5)
		v->width[0] = 5; /* "TOTAL" */
	arrange(v);
}

static void load(struct cx_app *app, struct tview *v)
{
	free_cache(v);
	cx_doc_free(v->doc);
	v->doc = NULL;
	const cx_report_def *def = cx_report_find(v->report);
	cx_report_opts opt = {.period = app->period};
	cx_error err = {0};
	v->doc = def ? def->build(app->st, &opt, &err) : NULL;
	snprintf(v->error, sizeof v->error, "%s", v->doc ? "" : err.msg);
	if (v->doc && v->table >= (int)v->doc->ntables)
		v->table = 0;
	/* A report's warning (a refused scoring file) is worth the status
	 * line: the list shows meanwhile. */
	if (v->doc && v->doc->warning)
		cx_app_status(app, true, "%s", v->doc->warning);
	build_cache(v);
}


/* The columns that stay put while the rest scroll: an ID and the name. */
static size_t frozen(const cx_table *t)
{
	/* The row's name stays in view however far the columns scroll. */
	static const char *const names[] = {"agent", "campaign", "customer", "carrier", "channel", "topic", "trophy",
					    "team", NULL};
	for (size_t c = 0; c < t->ncols && c < 4; c++)
		for (int i = 0; names[i]; i++)
			if (strcmp(t->cols[c].key, names[i]) == 0)
				return c + 1;
	size_t k = 0;
	if (k < t->ncols && right_aligned(&t->cols[k]) && t->ncols > 2)
		k++;
	if (k < t->ncols && !right_aligned(&t->cols[k]))
		k++;
	return k;
}

static void draw_row(struct cx_app *app, struct tview *v, int y, const char *const *cells, enum cx_element el)
{
	cx_table *t = table_of(v);
	size_t fz = frozen(t);
	int x = 0;
	cx_ui_style(app, el);
	cx_ui_fill(y, 0, app->cols);
	for (size_t c = 0; c < t->ncols && x < app->cols; c++) {
		if (c >= fz && (int)(c - fz) < v->hscroll)
			continue;
		int w = v->width[c];
		/* A number is shown whole or not at all ("$5,7…" would mislead);
		 * only a name may be cut to fit. */
		if (x + w > app->cols) {
			if (right_aligned(&t->cols[c]) && c >= fz)
				break;
			w = app->cols - x;
		}
		cx_ui_text(y, x, w, cells[c], right_aligned(&t->cols[c]));
		x += w + GAP;
	}
}

static void draw_detail(struct cx_app *app, struct tview *v)
{
	cx_table *t = table_of(v);
	if (!t || v->cursor >= v->n)
		return;
	size_t r = v->order[v->cursor];
	int iy, ix, ih, iw;
	char title[160];
	size_t fz = frozen(t);
	snprintf(title, sizeof title, "%s", fz ? v->human[r * t->ncols + fz - 1] : "Detail");
	cx_ui_overlay(app, (int)t->ncols + 4, 64, title, &iy, &ix, &ih, &iw);
	for (size_t c = 0; c < t->ncols && (int)c < ih - 1; c++) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_ui_text(iy + (int)c, ix, 24, t->cols[c].title, false);
		cx_ui_style(app, CX_EL_NORMAL);
		cx_ui_text(iy + (int)c, ix + 25, iw - 25, v->human[r * t->ncols + c], false);
	}
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, v->open ? "Enter: its tickets   Esc: close" : "Esc: close", false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static void draw(struct cx_app *app, struct tview *v, int top, int height)
{
	cx_table *t = table_of(v);
	if (!t) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(top + 1, 1, app->cols - 2, v->error[0] ? v->error : "nothing to show", false);
		return;
	}
	/* Title line: which table, how many rows, search and sort. */
	char info[256];
	snprintf(info, sizeof info, " %s%s%zu of %zu rows%s%s%s  sort: %s%s", t->title ? t->title : "",
		 t->title ? " · " : "", v->n, t->nrows, v->search[0] ? " · search \"" : "", v->search,
		 v->search[0] ? "\"" : "", v->sort >= 0 ? t->cols[v->sort].title : "-", v->desc ? " ▼" : " ▲");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols, info, false);

	const char **hdr = cx_xcalloc(t->ncols, sizeof *hdr);
	for (size_t c = 0; c < t->ncols; c++)
		hdr[c] = t->cols[c].title;
	draw_row(app, v, top + 1, hdr, CX_EL_HEADER);
	free(hdr);

	int body = height - 2 - (t->totals ? 1 : 0);
	v->page = body > 1 ? body : 1;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + (size_t)v->page)
		v->top = v->cursor - (size_t)v->page + 1;
	for (int i = 0; i < body; i++) {
		size_t k = v->top + (size_t)i;
		if (k >= v->n)
			break;
		size_t r = v->order[k];
		enum cx_element el = k == v->cursor ? CX_EL_ROW_SELECTED : (k % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		draw_row(app, v, top + 2 + i, (const char *const *)&v->human[r * t->ncols], el);
	}
	if (v->n == 0) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_ui_text(top + 2, 1, app->cols - 2, v->search[0] ? "no row matches the search" : "no rows in this period",
			   false);
	}
	if (t->totals) {
		char **tot = cx_xcalloc(t->ncols, sizeof *tot);
		for (size_t c = 0; c < t->ncols; c++)
			tot[c] = t->totals[c].kind == CX_CELL_NULL ? cx_xstrdup(c == 0 ? "TOTAL" : "")
								   : cx_cell_human(&t->totals[c], v->doc->currency);
		draw_row(app, v, top + height - 1, (const char *const *)tot, CX_EL_HEADER);
		for (size_t c = 0; c < t->ncols; c++)
			free(tot[c]);
		free(tot);
	}
	cx_ui_style(app, CX_EL_NORMAL);
	if (v->detail && v->draw_detail && v->cursor < v->n)
		v->draw_detail(app, v, v->order[v->cursor]);
	else if (v->detail)
		draw_detail(app, v);
}

static struct tview *searching;

static void on_search(struct cx_app *app, bool done)
{
	struct tview *v = searching;
	snprintf(v->search, sizeof v->search, "%s", app->input);
	v->cursor = v->top = 0;
	arrange(v);
	if (done && v->search[0])
		cx_app_status(app, false, "%zu rows match \"%s\"", v->n, v->search);
}

static bool key(struct cx_app *app, struct tview *v, int ch)
{
	cx_table *t = table_of(v);
	if (v->extra_key && !v->detail && v->extra_key(app, v, ch))
		return true;
	if (!t)
		return false;
	if (v->detail) {
		if (ch == 27 || ch == 'q') {
			v->detail = false;
			return true;
		}
		if ((ch == '\n' || ch == KEY_ENTER) && v->open && v->cursor < v->n) {
			v->detail = false;
			v->open(app, v, v->order[v->cursor]);
			return true;
		}
		return ch != 'q';
	}
	size_t page = (size_t)(v->page > 1 ? v->page - 1 : 1);
	switch (ch) {
	case 'j':
	case KEY_DOWN:
		if (v->cursor + 1 < v->n)
			v->cursor++;
		return true;
	case 'k':
	case KEY_UP:
		if (v->cursor > 0)
			v->cursor--;
		return true;
	case KEY_NPAGE:
	case ' ':
		v->cursor = v->cursor + page < v->n ? v->cursor + page : (v->n ? v->n - 1 : 0);
		return true;
	case KEY_PPAGE:
		v->cursor = v->cursor > page ? v->cursor - page : 0;
		return true;
	case 'g':
	case KEY_HOME:
		v->cursor = 0;
		return true;
	case 'G':
	case KEY_END:
		v->cursor = v->n ? v->n - 1 : 0;
		return true;
	case 'l':
	case KEY_RIGHT:
		if (v->hscroll + 1 < (int)(t->ncols - frozen(t)))
			v->hscroll++;
		return true;
	case 'h':
	case KEY_LEFT:
		if (v->hscroll > 0)
			v->hscroll--;
		return true;
	case 's':
		v->sort = (v->sort + 1) % (int)t->ncols;
		arrange(v);
		cx_app_status(app, false, "sorted by %s", t->cols[v->sort].title);
		return true;
	case 'S':
		v->desc = !v->desc;
		arrange(v);
		return true;
	case '/':
		searching = v;
		cx_app_prompt(app, "search: ", on_search);
		return true;
	case 'f':
		if (v->doc && v->doc->ntables > 1) {
			free_cache(v);
			v->table = (v->table + 1) % (int)v->doc->ntables;
			v->cursor = v->top = 0;
			v->hscroll = 0;
			v->sort = -1;
			build_cache(v);
		}
		return true;
	case '\n':
	case KEY_ENTER:
		if (v->n)
			v->detail = true;
		return true;
	case 27:
		if (v->search[0]) {
			v->search[0] = '\0';
			arrange(v);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void click(struct cx_app *app, struct tview *v, int y, int x)
{
	if (y == -1) {
		v->cursor = v->cursor > 3 ? v->cursor - 3 : 0;
		return;
	}
	if (y == -2) {
		v->cursor = v->cursor + 3 < v->n ? v->cursor + 3 : (v->n ? v->n - 1 : 0);
		return;
	}
	/* Rows start two lines below the view's top (info, header). */
	int row = y - 4;
	if (row >= 0 && v->top + (size_t)row < v->n) {
		if (v->cursor == v->top + (size_t)row)
			v->detail = true;
		v->cursor = v->top + (size_t)row;
	}
}

/* ---- the four views ------------------------------------------------------ */

/* The column with this json key, or -1. */
static int column(const cx_table *t, const char *key)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].key, key) == 0)
			return (int)c;
	return -1;
}

static void agent_tickets(struct cx_app *app, struct tview *v, size_t row)
{
	cx_table *t = table_of(v);
	int ci = column(t, "agent_id"), cn = column(t, "agent");
	if (ci < 0 || cn < 0)
		return;
	const cx_cell *id = &t->cells[row * t->ncols + (size_t)ci];
	const cx_cell *name = &t->cells[row * t->ncols + (size_t)cn];
	if (id->kind == CX_CELL_ID)
		cx_tickets_show(app, id->i, name->s, NULL, 0);
}

/* Campaigns: e edits, a adds, D archives (or restores), A shows the audit
 * trail instead of the campaigns and back. */
static int64_t selected_campaign(struct tview *v)
{
	cx_table *t = table_of(v);
	if (!t || v->cursor >= v->n || strcmp(v->report, "campaigns") != 0)
		return 0;
	const cx_cell *id = &t->cells[v->order[v->cursor] * t->ncols];
	return id->kind == CX_CELL_ID ? id->i : 0;
}

static bool campaign_keys(struct cx_app *app, struct tview *v, int ch)
{
	int64_t id = selected_campaign(v);
	cx_error err = {0};
	switch (ch) {
	case 'e':
		if (id && cx_app_writable(app))
			cx_form_open(app, id);
		return true;
	case 'a':
		if (cx_app_writable(app))
			cx_form_open(app, 0);
		return true;
	case 'D': {
		cx_campaign c;
		if (!id || !cx_app_writable(app))
			return true;
		if (cx_store_campaign_get(app->st, id, &c, &err) < 0 ||
		    cx_store_campaign_archive(app->st, id, !c.archived, app->actor, &err) < 0) {
			cx_app_status(app, true, "%s", err.msg);
			return true;
		}
		cx_app_edited(app);
		cx_app_status(app, false, "%s campaign #%lld (%s); u undoes", c.archived ? "restored" : "archived",
			      (long long)id, c.name);
		return true;
	}
	case 'A':
		v->report = strcmp(v->report, "campaigns") == 0 ? "audit" : "campaigns";
		v->cursor = v->top = 0;
		v->hscroll = 0;
		v->sort = -1;
		app->stale[CX_V_CAMPAIGNS] = true;
		return true;
	default:
		return false;
	}
}

static struct tview agents = {.report = "agents", .sort_col = -1, .open = agent_tickets};
static struct tview campaigns = {.report = "campaigns", .sort_col = -1, .extra_key = campaign_keys};
static struct tview claims = {.report = "claims", .sort_col = -1, .table = 1}; /* open claims first */

#define TVIEW(name, var, title, help)                                                                  \
	static void name##_load(struct cx_app *app)                                                   \
	{                                                                                             \
		if (!var.doc) {                                                                       \
			var.sort = var.sort_col;                                                      \
			var.desc = var.sort_desc;                                                     \
		}                                                                                     \
		load(app, &var);                                                                      \
	}                                                                                             \
	static void name##_draw(struct cx_app *app, int top, int height)                              \
	{                                                                                             \
		draw(app, &var, top, height);                                                         \
	}                                                                                             \
	static bool name##_key(struct cx_app *app, int ch)                                            \
	{                                                                                             \
		return key(app, &var, ch);                                                            \
	}                                                                                             \
	static void name##_click(struct cx_app *app, int y, int x)                                    \
	{                                                                                             \
		click(app, &var, y, x);                                                               \
	}                                                                                             \
	const struct cx_view cx_view_##name = {title, name##_load, name##_draw, name##_key, name##_click, help};

static const struct cx_key_help list_help[] = {
	{"j k, arrows", "move; PgUp PgDn, g G (Home End) jump"},
	{"h l", "scroll the columns left / right"},
	{"s  S", "sort by the next column / reverse the order"},
	{"/", "search (Esc clears)"},
	{"f", "the report's other table (teams, open claims)"},
	{"Enter", "every figure of the row (agents: Enter again lists the tickets)"},
	{NULL, NULL},
};

TVIEW(agents, agents, "Agents", list_help)
static const struct cx_key_help campaign_help[] = {
	{"e", "edit the campaign's parameters"},
	{"a", "add a campaign"},
	{"D", "archive the campaign (or bring it back)"},
	{"A", "the audit trail of every edit, and back"},
	{"j k, arrows", "move; PgUp PgDn, g G (Home End) jump"},
	{"h l", "scroll the columns left / right"},
	{"s  S", "sort by the next column / reverse the order"},
	{"/", "search (Esc clears)"},
	{"Enter", "every figure of the campaign"},
	{NULL, NULL},
};

TVIEW(campaigns, campaigns, "Campaigns", campaign_help)
TVIEW(claims, claims, "Claims", list_help)

/* The leaderboard: the `leaderboard` report's table, and as the detail,
 * how the agent's points were earned rule by rule (the report's second
 * table, same order) and why a flag was raised (its notes). */
static void leader_detail(struct cx_app *app, struct tview *v, size_t row)
{
	cx_table *t = v->doc->tables[0];
	cx_table *how = v->doc->ntables > 1 ? v->doc->tables[1] : NULL;
	int cn = column(t, "agent");
	const char *name = cn >= 0 ? t->cells[row * t->ncols + (size_t)cn].s : "";
	int iy, ix, ih, iw;
	char title[160];
	snprintf(title, sizeof title, "How %s earned the points", name ? name : "");
	cx_ui_overlay(app, (how ? (int)how->ncols : 2) + 7, 70, title, &iy, &ix, &ih, &iw);
	int y = iy;
	for (size_t c = 1; how && row < how->nrows && c < how->ncols && y < iy + ih - 4; c++, y++) {
		char *s = cx_cell_human(&how->cells[row * how->ncols + c], v->doc->currency);
		bool total = c + 1 == how->ncols;
		cx_ui_style(app, total ? CX_EL_HEADER : CX_EL_MUTED);
		cx_ui_text(y, ix, 24, total ? "Total points" : how->cols[c].title, false);
		cx_ui_style(app, total ? CX_EL_HEADER : how->cells[row * how->ncols + c].i < 0 ? CX_EL_BAD : CX_EL_NORMAL);
		cx_ui_text(y, ix + 25, 10, s, true);
		free(s);
	}
	/* The flags' reasons are the report's notes "Name: ...". */
	for (size_t k = 0; name && k < v->doc->nnotes; k++) {
		size_t len = strlen(name);
		if (strncmp(v->doc->notes[k], name, len) == 0 && v->doc->notes[k][len] == ':') {
			cx_ui_style(app, CX_EL_WARN);
			cx_ui_text(y + 1, ix, iw, v->doc->notes[k] + len + 2, false);
		}
	}
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, "Enter: the agent's tickets   Esc: close", false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static struct tview leader = {.report = "leaderboard", .sort_col = -1, .open = agent_tickets,
			      .draw_detail = leader_detail};

static const struct cx_key_help leader_help[] = {
	{"Enter", "how the agent's points were earned, rule by rule"},
	{"/", "filter, e.g. by team: /Retention"},
	{"f", "the points of every rule for everyone"},
	{"s  S", "sort by the next column / reverse"},
	{"[  ]", "previous / next period (movement is against the one before)"},
	{NULL, NULL},
};

TVIEW(leaderboard, leader, "Leaderboard", leader_help)

/* The dashboard's claims figures open the claims still open that day. */
void cx_claims_show_open(struct cx_app *app)
{
	if (claims.doc && claims.table != 1) {
		free_cache(&claims);
		claims.table = 1;
		claims.cursor = claims.top = 0;
		claims.hscroll = 0;
		claims.sort = -1;
		build_cache(&claims);
	} else {
		claims.table = 1;
	}
	cx_app_switch(app, CX_V_CLAIMS);
}
