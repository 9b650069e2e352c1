/* ticket_facts.c — the facts of tickets, packed per hour and read back.
 *
 * A packed hour is a blob:
 *
 *   byte 1 (the format), varint n, then n topics (varint length, bytes,
 *   NUL), then one record per ticket:
 *     varint  seconds into the hour of the kind's instant
 *     varint  agent id, zigzag (0: unassigned)
 *     byte    channel | (complexity - 1) << 3 | nps scale << 5
 *     varint  topic index
 *     varint  frt + 1, resolution + 1, replies, reopened, csat + 1
 *             (0 for a missing duration or rating)
 *
 * Varints are LEB128: a month of the 1,000,000-ticket bench store packs
 * into about 14 bytes a ticket.  The packing is cxtop's own business: the
 * blobs are written only by the refresh (rollup.c), which reads the
 * tickets themselves, so nothing outside cxtop ever needs to produce one.
 */
#include "ticket_facts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/xalloc.h"
#include "rollup.h"

#define FORMAT 1

const char *const cx_fact_channel_names[CX_FACT_CHANNELS] = {"email", "chat", "phone", "social", "sms"};

/* The columns of a fact, after the pass's instant. */
#define FACT_COLS                                                                                            \
	", coalesce(agent_id, 0), channel, complexity, topic, first_response_at - created_at,"              \
	" resolved_at - created_at, replies, reopened, csat, (csat_scale = '0-10' OR csat_scale = '1-10')" \
	" FROM tickets WHERE "

static const char *const raw_sql[2] = {
	"SELECT created_at" FACT_COLS "created_at >= ?1 AND created_at < ?2",
	"SELECT resolved_at" FACT_COLS "resolved_at >= ?1 AND resolved_at < ?2",
};

static int channel_index(const unsigned char *name)
{
	for (int i = 0; name && i < CX_FACT_CHANNELS; i++)
		if (strcmp((const char *)name, cx_fact_channel_names[i]) == 0)
			return i;
	return 0; /* the schema allows no other */
}

static void fact_of_row(sqlite3_stmt *s, cx_fact *f)
{
	f->at = sqlite3_column_int64(s, 0);
	f->agent_id = sqlite3_column_int64(s, 1);
	f->channel = channel_index(sqlite3_column_text(s, 2));
	f->complexity = sqlite3_column_int(s, 3);
	f->topic = (const char *)sqlite3_column_text(s, 4);
	if (!f->topic)
		f->topic = "";
	f->frt = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 5);
	f->resolution = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 6);
	f->replies = sqlite3_column_int64(s, 7);
	f->reopened = sqlite3_column_int64(s, 8);
	f->csat = sqlite3_column_type(s, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 9);
	f->nps_scale = sqlite3_column_int(s, 10) != 0;
}

/* Visits the tickets of [start, end) as stored. */
static int scan_raw(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
		    void *ctx, cx_error *err)
{
	if (start >= end)
		return 0;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, raw_sql[kind], &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, start);
	sqlite3_bind_int64(s, 2, end);
	int rc;
	cx_fact f;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fact_of_row(s, &f);
		visit(&f, ctx);
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- packing --------------------------------------------------------------- */

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void put_byte(struct buf *b, unsigned char c)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->p = cx_xreallocarray(b->p, b->cap, 1);
	}
	b->p[b->n++] = c;
}

static void put_varint(struct buf *b, uint64_t v)
{
	while (v >= 0x80) {
		put_byte(b, (unsigned char)(v | 0x80));
		v >>= 7;
	}
	put_byte(b, (unsigned char)v);
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

struct packer {
	int64_t hour_start;
	struct buf rec;
	char **topics;
	size_t ntopics, cap;
	int64_t n;
};

static size_t topic_index(struct packer *pk, const char *topic)
{
	/* An hour holds a few topics: a linear search is the fastest. */
	for (size_t i = 0; i < pk->ntopics; i++)
		if (strcmp(pk->topics[i], topic) == 0)
			return i;
	if (pk->ntopics == pk->cap) {
		pk->cap = pk->cap ? pk->cap * 2 : 16;
		pk->topics = cx_xreallocarray(pk->topics, pk->cap, sizeof *pk->topics);
	}
	pk->topics[pk->ntopics] = cx_xstrdup(topic);
	return pk->ntopics++;
}

static void pack_one(const cx_fact *f, void *ctx)
{
	struct packer *pk = ctx;
	struct buf *b = &pk->rec;
	put_varint(b, (uint64_t)(f->at - pk->hour_start));
	put_varint(b, zigzag(f->agent_id));
	put_byte(b, (unsigned char)(f->channel | (f->complexity - 1) << 3 | (f->nps_scale ? 1 : 0) << 5));
	put_varint(b, topic_index(pk, f->topic));
	put_varint(b, (uint64_t)(f->frt + 1));
	put_varint(b, (uint64_t)(f->resolution + 1));
	put_varint(b, (uint64_t)f->replies);
	put_varint(b, (uint64_t)f->reopened);
	put_varint(b, (uint64_t)(f->csat + 1));
	pk->n++;
}

int cx_facts_pack_hour(cx_store *st, enum cx_fact_kind kind, int64_t hour, unsigned char **blob, size_t *len,
		       int64_t *tickets, cx_error *err)
{
	struct packer pk = {.hour_start = hour * 3600};
	*blob = NULL;
	*len = 0;
	*tickets = 0;
	int rc = scan_raw(st, kind, hour * 3600, hour * 3600 + 3600, pack_one, &pk, err);
	if (rc == 0 && pk.n > 0) {
		struct buf out = {0};
		put_byte(&out, FORMAT);
		put_varint(&out, pk.ntopics);
		for (size_t i = 0; i < pk.ntopics; i++) {
			size_t l = strlen(pk.topics[i]);
			put_varint(&out, l);
			for (size_t j = 0; j <= l; j++)
				put_byte(&out, (unsigned char)pk.topics[i][j]);
		}
		for (size_t i = 0; i < pk.rec.n; i++)
			put_byte(&out, pk.rec.p[i]);
		*blob = out.p;
		*len = out.n;
		*tickets = pk.n;
	}
	for (size_t i = 0; i < pk.ntopics; i++)
		free(pk.topics[i]);
	free(pk.topics);
	free(pk.rec.p);
	return rc;
}

/* ---- unpacking ------------------------------------------------------------- */

struct reader {
	const unsigned char *p, *end;
	bool bad;
};

static uint64_t get_varint(struct reader *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			r->bad = true;
			return 0;
		}
		unsigned char c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = true;
	return 0;
}

bool cx_facts_unpack(const unsigned char *blob, size_t len, int64_t hour, cx_fact_visit visit, void *ctx)
{
	struct reader r = {blob, blob + len, false};
	if (len < 2 || *r.p++ != FORMAT)
		return false;
	uint64_t ntopics = get_varint(&r);
	if (r.bad || ntopics > len)
		return false;
	const char *small[32];
	const char **topics = ntopics <= 32 ? small : cx_xcalloc(ntopics, sizeof *topics);
	for (uint64_t i = 0; i < ntopics && !r.bad; i++) {
		uint64_t l = get_varint(&r);
		if (r.bad || l >= (uint64_t)(r.end - r.p) || r.p[l] != '\0') {
			r.bad = true;
			break;
		}
		topics[i] = (const char *)r.p;
		r.p += l + 1;
	}
	cx_fact f;
	int64_t base = hour * 3600;
	while (!r.bad && r.p < r.end) {
		f.at = base + (int64_t)get_varint(&r);
		f.agent_id = unzigzag(get_varint(&r));
		if (r.p >= r.end) {
			r.bad = true;
			break;
		}
		unsigned flags = *r.p++;
		f.channel = (int)(flags & 7);
		f.complexity = (int)(flags >> 3 & 3) + 1;
		f.nps_scale = flags >> 5 & 1;
		uint64_t t = get_varint(&r);
		f.frt = (int64_t)get_varint(&r) - 1;
		f.resolution = (int64_t)get_varint(&r) - 1;
		f.replies = (int64_t)get_varint(&r);
		f.reopened = (int64_t)get_varint(&r);
		f.csat = (int)get_varint(&r) - 1;
		if (r.bad || t >= ntopics || f.channel >= CX_FACT_CHANNELS)
			r.bad = true;
		else {
			f.topic = topics[t];
			visit(&f, ctx);
		}
	}
	if (topics != small)
		free(topics);
	return !r.bad;
}

int32_t cx_fact_local_day(cx_day_cache *c, int64_t at)
{
	if (at >= c->lo && at < c->hi)
		return c->day;
	time_t t = (time_t)at;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return INT32_MIN;
	int32_t day = cx_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	int64_t lo = cx_local_midnight(day), hi = cx_local_midnight(day + 1);
	if (at >= lo && at < hi) {
		c->lo = lo;
		c->hi = hi;
		c->day = day;
	}
	return day;
}

/* ---- the scan -------------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int scan_hours(cx_store *st, enum cx_fact_kind kind, int64_t h0, int64_t h1, cx_fact_visit visit, void *ctx,
		      cx_error *err)
{
	/* Current hours from their blobs... */
	static const char blobs_sql[] =
		"SELECT hour, facts FROM ticket_hours h WHERE kind = ?1 AND hour >= ?2 AND hour < ?3"
		" AND NOT EXISTS (SELECT 1 FROM ticket_hours_dirty d WHERE d.kind = ?1 AND d.hour = h.hour)";
	/* ...and those a write has touched since, from the tickets. */
	static const char dirty_sql[] =
		"SELECT hour FROM ticket_hours_dirty WHERE kind = ?1 AND hour >= ?2 AND hour < ?3";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, blobs_sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, h0);
	sqlite3_bind_int64(s, 3, h1);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(s, 1);
		int len = sqlite3_column_bytes(s, 1);
		int64_t hour = sqlite3_column_int64(s, 0);
		if (!b || !cx_facts_unpack(b, (size_t)len, hour, visit, ctx)) {
			cx_q_release(st, s);
			return cx_fail(err, CX_EXIT_RUNTIME,
				       "store '%s': the ticket rollup of hour %lld is damaged (cxtop check --repair rebuilds it)",
				       st->path, (long long)hour);
		}
	}
	if (cx_q_done(st, s, rc, err) < 0)
		return -1;

	int64_t *dirty = NULL;
	size_t n = 0, cap = 0;
	if (cx_q_prepare(st, dirty_sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, h0);
	sqlite3_bind_int64(s, 3, h1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		dirty = cx_q_grow(dirty, &cap, n, sizeof *dirty);
		dirty[n++] = sqlite3_column_int64(s, 0);
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(dirty);
		return -1;
	}
	/* Consecutive dirty hours in one range each. */
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0;) {
		size_t j = i + 1;
		while (j < n && dirty[j] == dirty[j - 1] + 1)
			j++;
		ret = scan_raw(st, kind, dirty[i] * 3600, dirty[j - 1] * 3600 + 3600, visit, ctx, err);
		i = j;
	}
	free(dirty);
	return ret;
}

/* Passes each fact on, and keeps it for the next pass over the range. */
struct tee {
	cx_fact_visit visit;
	void *ctx;
	struct cx_fact_cache *cache;
};

static void tee_visit(const cx_fact *f, void *ctx)
{
	struct tee *t = ctx;
	cx_fact_cache_add(t->cache, f);
	t->visit(f, t->ctx);
}

static int scan(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit, void *ctx,
		cx_error *err)
{
	/* Whole hours come from the rollup; hour 0 and earlier never do (an
	 * instant's hour is its floor, which SQL's division is not below 0). */
	int64_t h0 = floor_div(start + 3599, 3600), h1 = floor_div(end, 3600);
	if (h0 < 1)
		h0 = 1;
	if (h1 <= h0)
		return scan_raw(st, kind, start, end, visit, ctx, err);
	/* One read transaction: the blobs, the dirty list and the rows agree. */
	if (sqlite3_exec(st->db, "SAVEPOINT facts", NULL, NULL, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	int ret = scan_raw(st, kind, start, h0 * 3600, visit, ctx, err);
	if (ret == 0)
		ret = scan_hours(st, kind, h0, h1, visit, ctx, err);
	if (ret == 0)
		ret = scan_raw(st, kind, h1 * 3600, end, visit, ctx, err);
	sqlite3_exec(st->db, "RELEASE facts", NULL, NULL, NULL);
	return ret;
}

int cx_facts_scan(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit, void *ctx,
		  cx_error *err)
{
	if (start >= end)
		return 0;
	cx_rollup_refresh_if_idle(st);
	if (cx_fact_cache_visit(st, kind, start, end, visit, ctx))
		return 0;
	struct tee t = {visit, ctx, cx_fact_cache_begin(st, kind, start, end)};
	int ret = scan(st, kind, start, end, tee_visit, &t, err);
	cx_fact_cache_end(t.cache, ret == 0);
	return ret;
}
