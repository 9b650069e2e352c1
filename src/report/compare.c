/* compare.c — a report beside the same report for an earlier period.
 *
 * Managers ask "better or worse than last month?" of every figure.  The
 * report is built twice, for its period and for the one it is compared
 * with, and every numeric figure of the first (the facts a report states,
 * then the totals of its main table) gets a row: this period, the earlier
 * one, the change and an arrow.  The same table, so the same numbers, in
 * every format. */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

bool cx_compare_parse(const char *s, enum cx_compare *out)
{
	if (strcmp(s, "previous") == 0)
		*out = CX_COMPARE_PREVIOUS;
	else if (strcmp(s, "year") == 0)
		*out = CX_COMPARE_YEAR;
	else
		return false;
	return true;
}

/* The same calendar day a year earlier (29 February: the 28th). */
static int32_t year_before(int32_t day)
{
	int y, m, d;
	cx_civil_from_days(day, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return cx_days_from_civil(y - 1, m, d);
}

cx_period cx_compare_period(cx_period p, enum cx_compare how)
{
	if (how == CX_COMPARE_YEAR) {
		switch (p.kind) {
		case CX_PERIOD_MONTH:
		case CX_PERIOD_QUARTER:
			return cx_period_containing(p.kind, year_before(p.from_day));
		case CX_PERIOD_WEEK:
			return cx_period_step(p, -52);
		default:
			return cx_period_range(year_before(p.from_day), year_before(p.to_day));
		}
	}
	return cx_period_step(p, -1);
}

static bool numeric(enum cx_cell_kind k)
{
	return k == CX_CELL_INT || k == CX_CELL_MONEY || k == CX_CELL_BP || k == CX_CELL_SECONDS ||
	       k == CX_CELL_POINTS;
}

static const cx_cell *fact_of(const cx_doc *d, const char *key)
{
	for (size_t i = 0; i < d->nfacts; i++)
		if (strcmp(d->fact_keys[i], key) == 0)
			return &d->facts[i];
	return NULL;
}

static const cx_cell *total_of(const cx_doc *d, const char *key)
{
	const cx_table *t = d->ntables ? d->tables[0] : NULL;
	if (!t || !t->totals)
		return NULL;
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].key, key) == 0)
			return &t->totals[c];
	return NULL;
}

/* Only numeric cells come here: nothing to copy but the value. */
static void row(cx_table *t, const char *title, const cx_cell *now, const cx_cell *then)
{
	cx_cell *r = cx_table_row(t);
	r[0] = cx_text(title);
	r[1] = *now;
	if (then && then->kind == now->kind) {
		r[2] = *then;
		r[3] = *now;
		r[3].i = now->i - then->i;
		r[4] = cx_text(r[3].i > 0 ? "▲" : r[3].i < 0 ? "▼" : "=");
	}
}

void cx_report_compare(cx_doc *doc, const cx_doc *prev, cx_period prev_period, const char *first)
{
	static const cx_column cols[] = {
		{"figure", "Figure", CX_CELL_TEXT, 0},
		{"this", "This period", CX_CELL_INT, 0},
		{"previous", "Compared with", CX_CELL_INT, 0},
		{"change", "Change", CX_CELL_INT, 0},
		{"trend", "", CX_CELL_TEXT, 0},
	};
	char label[64], title[160], from[11], to[11];
	cx_period_label(prev_period, label, sizeof label);
	cx_date_format(prev_period.from_day, from);
	cx_date_format(prev_period.to_day, to);
	if (prev)
		snprintf(title, sizeof title, "Compared with %s (%s to %s)", label, from, to);
	else
		snprintf(title, sizeof title, "Not compared: no data in %s (%s to %s)", label, from, to);
	cx_table *t = cx_doc_table(doc, "compare", title, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < doc->nfacts; i++)
		if (numeric(doc->facts[i].kind))
			row(t, doc->fact_titles[i], &doc->facts[i], prev ? fact_of(prev, doc->fact_keys[i]) : NULL);
	const cx_table *main = doc->ntables ? doc->tables[0] : NULL;
	if (main && main->totals)
		for (size_t c = 0; c < main->ncols; c++)
			if (numeric(main->totals[c].kind))
				row(t, main->cols[c].title, &main->totals[c], prev ? total_of(prev, main->cols[c].key) : NULL);
	if (!prev)
		cx_doc_note(doc, "Not compared with %s: %s%s.", label,
			    first && first[0] ? "the store's first ticket is on " : "the store holds no tickets",
			    first ? first : "");
	else
		cx_doc_note(doc, "Compared with %s: change = this period - that one; for percentages, in percentage "
				 "points.",
			    label);
}
