/* report_internal.h — private to src/report: the report builders and the
 * pieces they share. */
#ifndef CXTOP_REPORT_INTERNAL_H
#define CXTOP_REPORT_INTERNAL_H

#include <stdlib.h>

#include "cxtop/format.h"
#include "cxtop/model.h"
#include "cxtop/report.h"

cx_doc *cx_report_pnl(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_summary(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_agents(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_channels(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_topics(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_campaigns(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_winback(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_notify(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_claims(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_watchlist(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_audit(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_leaderboard(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_sla(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_schedules(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_rows(cx_store *st, const cx_report_opts *opt, cx_error *err);
cx_doc *cx_report_trophies(cx_store *st, const cx_report_opts *opt, cx_error *err);

/* A new doc for the report over opt->period, in the store's currency. */
cx_doc *cx_report_doc(cx_store *st, const cx_report_opts *opt, const char *name, const char *title);

/* Fills table t of doc with read(ctx, t, err): held, or, when stream is
 * set, streamed (cx_table_stream) with a copy of ctx, whose size is size,
 * kept with the table for its readings again.  Either way ctx holds the
 * first reading's sums afterwards. */
int cx_report_fill(cx_doc *doc, cx_table *t, bool stream, cx_rows_reader read, void *ctx, size_t size,
		   cx_error *err);

/* The liability percentage in force: --liability, else the stored one. */
int64_t cx_report_liability(cx_store *st, const cx_report_opts *opt);

/* Ticket KPI columns, shared by agents, channels, topics: the table's
 * leading label columns come first, then these.  cx_kpi_cells fills them
 * starting at cells[first]. */
#define CX_KPI_NCOLS 19
extern const cx_column cx_kpi_columns[CX_KPI_NCOLS];
void cx_kpi_cells(cx_cell *cells, const cx_ticket_kpi *k);

/* A cell that is n/a when !ok. */
cx_cell cx_bp_or_null(bool ok, int64_t bp);
cx_cell cx_dist_median(const cx_dist *d);
cx_cell cx_dist_p90(const cx_dist *d);

#endif
