/* report_common.c — what every report builder shares: the doc header, the
 * liability in force, and the ticket-KPI columns. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cxtop/xalloc.h"
#include "report_internal.h"

const cx_column cx_kpi_columns[CX_KPI_NCOLS] = {
	{"tickets", "Tickets", CX_CELL_INT, 0},
	{"solved", "Solved", CX_CELL_INT, 0},
	{"frt_median_s", "FRT med", CX_CELL_SECONDS, 0},
	{"frt_p90_s", "FRT p90", CX_CELL_SECONDS, 0},
	{"resolution_median_s", "Res med", CX_CELL_SECONDS, 0},
	{"resolution_p90_s", "Res p90", CX_CELL_SECONDS, 0},
	{"first_resolution_median_s", "1st res med", CX_CELL_SECONDS, 0},
	{"first_resolution_p90_s", "1st res p90", CX_CELL_SECONDS, 0},
	{"requester_wait_median_s", "Req wait", CX_CELL_SECONDS, 0},
	{"agent_wait_median_s", "Agent wait", CX_CELL_SECONDS, 0},
	{"next_reply_median_s", "Next reply", CX_CELL_SECONDS, 0},
	{"csat_pct", "CSAT", CX_CELL_BP, 0},
	{"nps", "NPS", CX_CELL_POINTS, 0},
	{"one_touch_pct", "1-touch", CX_CELL_BP, 0},
	{"reopen_pct", "Reopen", CX_CELL_BP, 0},
	{"unanswered", "No reply", CX_CELL_INT, CX_COL_NOJSON},
	{"unresolved", "Open", CX_CELL_INT, CX_COL_NOJSON},
	{"rated", "Rated", CX_CELL_INT, CX_COL_NOJSON},
	{"unrated", "Unrated", CX_CELL_INT, CX_COL_NOJSON},
};

cx_cell cx_bp_or_null(bool ok, int64_t bp)
{
	return ok ? cx_bp(bp) : cx_null();
}

cx_cell cx_dist_median(const cx_dist *d)
{
	return d->n > 0 ? cx_seconds_x2(d->median_x2) : cx_null();
}

cx_cell cx_dist_p90(const cx_dist *d)
{
	return d->n > 0 ? cx_seconds(d->p90) : cx_null();
}

void cx_kpi_cells(cx_cell *c, const cx_ticket_kpi *k)
{
	c[0] = cx_int(k->raw.created);
	c[1] = cx_int(k->raw.solved);
	c[2] = cx_dist_median(&k->raw.frt);
	c[3] = cx_dist_p90(&k->raw.frt);
	c[4] = cx_dist_median(&k->raw.resolution);
	c[5] = cx_dist_p90(&k->raw.resolution);
	c[6] = cx_dist_median(&k->raw.first_resolution);
	c[7] = cx_dist_p90(&k->raw.first_resolution);
	c[8] = cx_dist_median(&k->raw.requester_wait);
	c[9] = cx_dist_median(&k->raw.agent_wait);
	c[10] = cx_dist_median(&k->raw.next_reply);
	c[11] = cx_bp_or_null(k->csat_ok, k->csat_bp);
	c[12] = k->nps_ok ? cx_points(k->nps_bp) : cx_null();
	c[13] = cx_bp_or_null(k->one_touch_ok, k->one_touch_bp);
	c[14] = cx_bp_or_null(k->reopen_ok, k->reopen_bp);
	c[15] = cx_int(k->raw.unanswered);
	c[16] = cx_int(k->raw.unresolved);
	c[17] = cx_int(k->raw.rated);
	c[18] = cx_int(k->unrated);
}

cx_doc *cx_report_doc(cx_store *st, const cx_report_opts *opt, const char *name, const char *title)
{
	char from[11], to[11], currency[8], label[64], full[256];
	cx_date_format(opt->period.from_day, from);
	cx_date_format(opt->period.to_day, to);
	cx_store_currency(st, currency, sizeof currency);
	/* A named period (March 2022, 2022-W09, 2022 Q1) leads the title; the
	 * renderer adds the dates themselves. */
	cx_period_label(opt->period, label, sizeof label);
	/* The company's name heads a printout when the store has one. */
	char company[96] = "", lead[128];
	cx_store_setting(st, "company_name", company, sizeof company);
	snprintf(lead, sizeof lead, "%s%s%s", company, company[0] ? " · " : "", title);
	if (opt->period.kind == CX_PERIOD_RANGE)
		snprintf(full, sizeof full, "%s", lead);
	else
		snprintf(full, sizeof full, "%s — %s", lead, label);
	/* Say which clock the durations were counted on whenever it is not
	 * the usual one, in every format. */
	if (opt->business_hours && strlen(full) + 20 < sizeof full)
		strcat(full, " · business hours");
	cx_doc *doc = cx_doc_new(name, full, from, to, currency);
	if (opt->business_hours)
		cx_doc_fact(doc, "hours", "Hours", cx_text("business"));
	return doc;
}

int cx_report_use_business_hours(cx_store *st, cx_error *err)
{
	cx_schedules s;
	if (cx_store_schedules(st, &s, err) < 0)
		return -1;
	size_t n = s.n;
	cx_schedules_free(&s);
	if (n == 0)
		return cx_fail(err, CX_EXIT_RUNTIME,
			       "store '%s' has no schedules: business hours need one (cxtop schedule load FILE)",
			       cx_store_path(st));
	cx_store_set_hours(st, true);
	return 0;
}

int64_t cx_report_liability(cx_store *st, const cx_report_opts *opt)
{
	return opt->liability_set ? opt->liability_bp : cx_store_liability_bp(st);
}

int cx_report_default_period(cx_store *st, enum cx_period_kind kind, cx_period *out, cx_error *err)
{
	int64_t newest;
	if (cx_store_newest_ticket(st, &newest, err) < 0)
		return -1;
	int32_t day = newest > 0 ? cx_local_day(newest) : cx_local_day((int64_t)time(NULL));
	*out = cx_period_containing(kind, day);
	return 0;
}

int cx_report_fill(cx_doc *doc, cx_table *t, bool stream, cx_rows_reader read, void *ctx, size_t size,
		   cx_error *err)
{
	if (!stream)
		return read(ctx, t, err);
	void *kept = cx_xmalloc(size);
	memcpy(kept, ctx, size);
	int rc = cx_table_stream(doc, t, read, kept, free, err);
	memcpy(ctx, kept, size);
	return rc;
}
