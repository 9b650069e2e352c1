/* query_schedules.c — the schedules and SLA policies a store keeps
 * (schema 5), read back as a cx_schedules, and the clock built from them
 * for business time and the SLA (cxtop/clock.h).
 *
 * The clock is kept on the store handle, built on first use and again
 * after anything was written (PRAGMA data_version, total changes), so a
 * schedule loaded by another process shows in the next frame.  Building
 * it reads a few small tables and each schedule's zone over the span of
 * the store's tickets: a few milliseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/clock.h"
#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "cxtop/zone.h"
#include "store_internal.h"

static char *text_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return cx_xstrdup(t ? (const char *)t : "");
}

/* Appends to a malloc'd array of n items (grows one at a time: a few
 * dozen at most). */
static void *append(void *arr, size_t n, size_t elem)
{
	return cx_xreallocarray(arr, n + 1, elem);
}

static int read_schedules(cx_store *st, cx_schedules *out, cx_error *err)
{
	sqlite3_stmt *s;
	int rc;
	if (cx_q_prepare(st, "SELECT id, name, timezone, is_default FROM schedules ORDER BY id", &s, err) < 0)
		return -1;
	int64_t *ids = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->v = append(out->v, out->n, sizeof *out->v);
		ids = append(ids, out->n, sizeof *ids);
		cx_named_schedule *x = &out->v[out->n];
		memset(x, 0, sizeof *x);
		ids[out->n++] = sqlite3_column_int64(s, 0);
		x->name = text_dup(s, 1);
		x->timezone = text_dup(s, 2);
		x->is_default = sqlite3_column_int(s, 3) != 0;
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(ids);
		return -1;
	}
	for (size_t i = 0; i < out->n; i++) {
		cx_named_schedule *x = &out->v[i];
		if (cx_q_prepare(st, "SELECT weekday, start_s, end_s FROM schedule_hours WHERE schedule_id = ?1"
				     " ORDER BY weekday, start_s", &s, err) < 0)
			goto fail;
		sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int d = sqlite3_column_int(s, 0);
			if (x->hours.nhours[d] < CX_SCHED_MAX_INTERVALS) {
				x->hours.hours[d][x->hours.nhours[d]].from = sqlite3_column_int(s, 1);
				x->hours.hours[d][x->hours.nhours[d]++].to = sqlite3_column_int(s, 2);
			}
		}
		if (cx_q_done(st, s, rc, err) < 0)
			goto fail;
		if (cx_q_prepare(st, "SELECT on_day, name FROM schedule_holidays WHERE schedule_id = ?1 ORDER BY on_day",
				 &s, err) < 0)
			goto fail;
		sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int32_t day;
			if (!cx_date_parse((const char *)sqlite3_column_text(s, 0), &day))
				continue; /* the schema lets only real dates in */
			x->holidays = append(x->holidays, x->nholidays, sizeof *x->holidays);
			x->holiday_names = append(x->holiday_names, x->nholidays, sizeof *x->holiday_names);
			x->holidays[x->nholidays] = day;
			x->holiday_names[x->nholidays++] = text_dup(s, 1);
		}
		x->hours.holidays = x->holidays;
		x->hours.nholidays = x->nholidays;
		if (cx_q_done(st, s, rc, err) < 0)
			goto fail;
		if (cx_q_prepare(st, "SELECT team FROM schedule_teams WHERE schedule_id = ?1 ORDER BY team", &s, err) < 0)
			goto fail;
		sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			x->teams = append(x->teams, x->nteams, sizeof *x->teams);
			x->teams[x->nteams++] = text_dup(s, 0);
		}
		if (cx_q_done(st, s, rc, err) < 0)
			goto fail;
	}
	free(ids);
	return 0;
fail:
	free(ids);
	return -1;
}

static int read_sla(cx_store *st, cx_schedules *out, cx_error *err)
{
	sqlite3_stmt *s;
	int rc;
	if (cx_q_prepare(st,
			 "SELECT name, priorities, channels, coalesce(first_reply, 0), coalesce(resolution, 0), business,"
			 " coalesce(next_reply, 0) FROM sla_policies ORDER BY id",
			 &s, err) < 0)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->sla = append(out->sla, out->nsla, sizeof *out->sla);
		cx_sla_policy *p = &out->sla[out->nsla++];
		p->name = text_dup(s, 0);
		p->priorities = (unsigned)sqlite3_column_int(s, 1);
		p->channels = (unsigned)sqlite3_column_int(s, 2);
		p->first_reply = sqlite3_column_int64(s, 3);
		p->resolution = sqlite3_column_int64(s, 4);
		p->business = sqlite3_column_int(s, 5) != 0;
		p->next_reply = sqlite3_column_int64(s, 6);
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_schedules(cx_store *st, cx_schedules *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	out->path = cx_xstrdup(st->path);
	if (read_schedules(st, out, err) < 0 || read_sla(st, out, err) < 0) {
		cx_schedules_free(out);
		return -1;
	}
	return 0;
}

/* ---- the clock ------------------------------------------------------------ */

struct cx_store_clock {
	cx_clock clock;
	int64_t data_version, changes;
};

void cx_store_clock_free(cx_store *st)
{
	if (!st->clock_cache)
		return;
	cx_clock_free(&st->clock_cache->clock);
	free(st->clock_cache);
	st->clock_cache = NULL;
}

/* The instants a zone must cover: every ticket's, and now (an open
 * ticket's time runs until the period's end), read from the indexes.  A
 * first reply is never after now nor after a ticket's resolution in real
 * data; the zones reach 400 days past the newest instant besides. */
static int ticket_span(cx_store *st, int64_t *lo, int64_t *hi, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st,
			 "SELECT (SELECT min(created_at) FROM tickets), (SELECT max(created_at) FROM tickets),"
			 " (SELECT max(resolved_at) FROM tickets)",
			 &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	int64_t now = (int64_t)time(NULL);
	*lo = now;
	*hi = now;
	if (rc == SQLITE_ROW) {
		/* An empty store has NULLs here: now alone, then. */
		if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
			*lo = sqlite3_column_int64(s, 0);
			int64_t a = sqlite3_column_int64(s, 1), b = sqlite3_column_int64(s, 2);
			*hi = a > b ? a : b;
			if (*hi < now)
				*hi = now;
			if (*lo > now)
				*lo = now;
		}
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

static int build_clock(cx_store *st, cx_clock *c, cx_error *err)
{
	cx_schedules set;
	if (cx_store_schedules(st, &set, err) < 0)
		return -1;
	cx_clock_init(c, &set);
	int64_t lo, hi;
	if (ticket_span(st, &lo, &hi, err) < 0)
		return -1;
	/* Zones through the end of the year after the last instant: a period
	 * a manager picks ahead of the data still counts right. */
	hi += 400 * 86400LL;
	for (size_t i = 0; i < c->set.n; i++) {
		cx_zone_span *spans;
		size_t n;
		if (cx_zone_load(c->set.v[i].timezone, lo, hi, &spans, &n, err) < 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "store '%s': schedule '%s': unknown time zone '%s'", st->path,
				       c->set.v[i].name, c->set.v[i].timezone);
		cx_clock_set_zone(c, i, spans, n);
	}
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "SELECT id, team FROM agents", &s, err) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		cx_clock_add_agent(c, sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1));
	if (cx_q_done(st, s, rc, err) < 0)
		return -1;
	cx_clock_ready(c);
	return 0;
}

int cx_store_clock(cx_store *st, const cx_clock **out, cx_error *err)
{
	struct cx_store_clock *k = st->clock_cache;
	int64_t dv = cx_store_data_version(st), ch = sqlite3_total_changes64(st->db);
	if (k && (st->clock_pinned || (k->data_version == dv && k->changes == ch))) {
		*out = &k->clock;
		return 0;
	}
	cx_store_clock_free(st);
	k = cx_xcalloc(1, sizeof *k);
	if (build_clock(st, &k->clock, err) < 0) {
		cx_clock_free(&k->clock);
		free(k);
		*out = NULL;
		return -1;
	}
	k->data_version = dv;
	k->changes = ch;
	st->clock_cache = k;
	*out = &k->clock;
	return 0;
}
