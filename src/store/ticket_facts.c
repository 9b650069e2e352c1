/* ticket_facts.c — the facts of tickets, packed per hour and read back.
 *
 * A packed hour is a blob:
 *
 *   byte 3 (the format);
 *   the hour's agents: varint n, n zigzag varints (agent ids, 0 unassigned);
 *   its topics: varint n, then each as varint length, bytes, NUL;
 *   the big values: varint n, n varints (see below);
 *   varint n, then n records of 20 or 44 bytes, little-endian:
 *     u16 seconds into the hour of the kind's instant
 *     u16 agent index, u16 topic index
 *     u8  channel | (complexity - 1) << 3 | nps scale << 5
 *     u8  csat + 1 (0: not rated) | priority + 1 << 4 (0: none; 1 low .. 4 urgent)
 *     u32 frt + 1, u32 resolution + 1 (0: none)
 *     u8  replies, u8 reopened
 *     u8  0: the first resolution is the resolution; else all ones
 *     u8  1: the waits follow; 0: none is known (then the record ends)
 *     u32 requester wait + 1, u32 agent wait + 1, u32 next reply + 1,
 *     u32 the same three in business time (0: not known)
 *   A field holding all ones stands for the next of the big values, so a
 *   field never limits what it can hold (a reply count of 300, a duration
 *   of two centuries); the first resolution's big value is its duration
 *   + 1 (0: none).  Only a ticket reopened and solved again has a first
 *   resolution of its own, so most tickets spend one byte on it.
 *
 * Fixed-width records read in a few instructions each, which is most of
 * what a pass over a long period costs; about 20 bytes a ticket, 44 for a
 * solved one whose waits are known (a created ticket's never are).  The
 * waits are counted when the hour is packed, in business time too (with
 * the schedules then loaded: loading schedules marks every resolved hour
 * to be packed again), because they need the timeline's spans, which the
 * facts do not keep.  The
 * blobs are written only by the refresh (rollup.c), which reads the
 * tickets themselves, so nothing outside cxtop ever needs to produce one.
 */
#include "ticket_facts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/xalloc.h"
#include "cxtop/waits.h"
#include "rollup.h"

#define FORMAT 5
#define RECORD 20 /* bytes of a ticket's record without its waits */
#define WAITS 24  /* and of its waits */

const char *const cx_fact_channel_names[CX_FACT_CHANNELS] = {"email", "chat", "phone", "social", "sms"};

/* The columns of a fact, after the pass's instant. */
#define FACT_COLS                                                                                            \
	", coalesce(agent_id, 0), channel, complexity, topic, first_response_at - created_at,"              \
	" resolved_at - created_at, replies, reopened, csat, (csat_scale = '0-10' OR csat_scale = '1-10')," \
	" priority, first_resolved_at - created_at, id, created_at, requester_wait_min, agent_wait_min," \
	" requester_wait_business_min, agent_wait_business_min" \
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

static int priority_index(const unsigned char *name)
{
	for (int i = 0; name && i < CX_PRIO_COUNT; i++)
		if (strcmp((const char *)name, cx_priority_names[i]) == 0)
			return i;
	return -1;
}

void cx_fact_of_row(sqlite3_stmt *s, cx_fact *f)
{
	f->at = sqlite3_column_int64(s, 0);
	f->agent_id = sqlite3_column_int64(s, 1);
	f->channel = (int8_t)channel_index(sqlite3_column_text(s, 2));
	f->complexity = (int8_t)sqlite3_column_int(s, 3);
	f->topic = (const char *)sqlite3_column_text(s, 4);
	if (!f->topic)
		f->topic = "";
	f->frt = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 5);
	f->resolution = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 6);
	f->replies = sqlite3_column_int64(s, 7);
	f->reopened = sqlite3_column_int64(s, 8);
	f->csat = (int8_t)(sqlite3_column_type(s, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 9));
	f->nps_scale = sqlite3_column_int(s, 10) != 0;
	f->priority = (int8_t)priority_index(sqlite3_column_text(s, 11));
	f->first_resolution = sqlite3_column_type(s, 12) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 12);
	cx_fact_no_waits(f);
}

/* Visits the tickets of [start, end) as stored, but those of `skip`. */
static int scan_raw(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
		    void *ctx, const cx_as_of *skip, cx_error *err)
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
		if (skip && skip->n && cx_as_of_has(skip, sqlite3_column_int64(s, 13)))
			continue;
		cx_fact_of_row(s, &f);
		/* Final at the solve: the whole timeline, as packed. */
		if (kind == CX_FACT_RESOLVED && cx_fact_waits(st, s, 13, &f, CX_WAITS_FINAL) < 0) {
			cx_q_release(st, s);
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path,
				       sqlite3_errmsg(st->db));
		}
		visit(&f, ctx);
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- packing --------------------------------------------------------------- */

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void put_bytes(struct buf *b, const void *src, size_t n)
{
	if (!n)
		return;
	while (b->n + n > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->p = cx_xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->n, src, n);
	b->n += n;
}

static void put_varint(struct buf *b, uint64_t v)
{
	unsigned char c;
	while (v >= 0x80) {
		c = (unsigned char)(v | 0x80);
		put_bytes(b, &c, 1);
		v >>= 7;
	}
	c = (unsigned char)v;
	put_bytes(b, &c, 1);
}

static void put_le(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* A small table of distinct values (an hour's agents or topics). */
struct table {
	int64_t *ids;
	char **names;
	size_t n, cap;
};

static size_t table_index(struct table *t, int64_t id, const char *name)
{
	/* An hour holds a few dozen at most: a linear search is the fastest. */
	for (size_t i = 0; i < t->n; i++)
		if (name ? strcmp(t->names[i], name) == 0 : t->ids[i] == id)
			return i;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->ids = cx_xreallocarray(t->ids, t->cap, sizeof *t->ids);
		t->names = cx_xreallocarray(t->names, t->cap, sizeof *t->names);
	}
	t->ids[t->n] = id;
	t->names[t->n] = name ? cx_xstrdup(name) : NULL;
	return t->n++;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->names[i]);
	free(t->ids);
	free(t->names);
}

struct packer {
	int64_t hour_start;
	struct buf rec, big;
	struct table agents, topics;
	int64_t n, nbig;
	bool overflow; /* more than 65,535 agents or topics in one hour */
};

/* A field of w bytes, or the escape (all ones) and the value in the big list. */
static void put_field(struct packer *pk, unsigned char *p, uint64_t v, int w)
{
	uint64_t escape = w == 4 ? 0xFFFFFFFFu : (1u << (8 * w)) - 1;
	if (v >= escape) {
		put_le(p, escape, w);
		put_varint(&pk->big, v);
		pk->nbig++;
	} else {
		put_le(p, v, w);
	}
}

static void pack_one(const cx_fact *f, void *ctx)
{
	struct packer *pk = ctx;
	unsigned char r[RECORD + WAITS];
	size_t agent = table_index(&pk->agents, f->agent_id, NULL);
	size_t topic = table_index(&pk->topics, 0, f->topic);
	if (agent > 0xFFFF || topic > 0xFFFF)
		pk->overflow = true;
	put_le(r, (uint64_t)(f->at - pk->hour_start), 2);
	put_le(r + 2, agent, 2);
	put_le(r + 4, topic, 2);
	r[6] = (unsigned char)(f->channel | (f->complexity - 1) << 3 | (f->nps_scale ? 1 : 0) << 5);
	r[7] = (unsigned char)((f->csat + 1) | (f->priority + 1) << 4);
	put_field(pk, r + 8, (uint64_t)(f->frt + 1), 4);
	put_field(pk, r + 12, (uint64_t)(f->resolution + 1), 4);
	put_field(pk, r + 16, (uint64_t)f->replies, 1);
	put_field(pk, r + 17, (uint64_t)f->reopened, 1);
	r[18] = 0;
	if (f->first_resolution != f->resolution) {
		r[18] = 0xFF;
		put_varint(&pk->big, (uint64_t)(f->first_resolution + 1));
		pk->nbig++;
	}
	const int64_t waits[6] = {f->req_wait, f->agent_wait, f->next_reply, f->req_wait_b, f->agent_wait_b, f->next_reply_b};
	r[19] = 0;
	for (int i = 0; i < 6; i++)
		r[19] |= waits[i] >= 0;
	for (int i = 0; r[19] && i < 6; i++)
		put_field(pk, r + RECORD + 4 * i, (uint64_t)(waits[i] + 1), 4);
	put_bytes(&pk->rec, r, r[19] ? RECORD + WAITS : RECORD);
	pk->n++;
}

int cx_facts_pack_hour(cx_store *st, enum cx_fact_kind kind, int64_t hour, unsigned char **blob, size_t *len,
		       int64_t *tickets, cx_error *err)
{
	struct packer pk = {.hour_start = hour * 3600};
	*blob = NULL;
	*len = 0;
	*tickets = 0;
	int rc = scan_raw(st, kind, hour * 3600, hour * 3600 + 3600, pack_one, &pk, NULL, err);
	if (rc == 0 && pk.overflow)
		rc = cx_fail(err, CX_EXIT_RUNTIME, "store '%s': more than 65,535 agents or topics in the hour %lld",
			     st->path, (long long)hour);
	if (rc == 0 && pk.n > 0) {
		struct buf out = {0};
		unsigned char format = FORMAT;
		put_bytes(&out, &format, 1);
		put_varint(&out, pk.agents.n);
		for (size_t i = 0; i < pk.agents.n; i++)
			put_varint(&out, zigzag(pk.agents.ids[i]));
		put_varint(&out, pk.topics.n);
		for (size_t i = 0; i < pk.topics.n; i++) {
			size_t l = strlen(pk.topics.names[i]);
			put_varint(&out, l);
			put_bytes(&out, pk.topics.names[i], l + 1);
		}
		put_varint(&out, (uint64_t)pk.nbig);
		put_bytes(&out, pk.big.p, pk.big.n);
		put_varint(&out, (uint64_t)pk.n);
		put_bytes(&out, pk.rec.p, pk.rec.n);
		*blob = out.p;
		*len = out.n;
		*tickets = pk.n;
	}
	table_free(&pk.agents);
	table_free(&pk.topics);
	free(pk.rec.p);
	free(pk.big.p);
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

/* Fixed widths spelled out: a loop over the width cost a third of the
 * unpacking (every fact has a dozen such fields). */
static inline uint64_t le16(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8;
}

static inline uint64_t le32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/* A record's field: its value, or the next of the big list when it holds
 * the escape (all ones). */
static inline int64_t field32(const unsigned char *p, struct reader *big)
{
	uint64_t v = le32(p);
	return (int64_t)(v == 0xFFFFFFFFu ? get_varint(big) : v);
}

static inline int64_t field8(const unsigned char *p, struct reader *big)
{
	return (int64_t)(*p == 0xFF ? get_varint(big) : *p);
}

bool cx_facts_unpack(const unsigned char *blob, size_t len, int64_t hour, cx_fact_visit visit, void *ctx)
{
	struct reader r = {blob, blob + len, false};
	if (len < 2 || *r.p++ != FORMAT)
		return false;
	uint64_t nagents = get_varint(&r);
	if (r.bad || nagents > len)
		return false;
	/* A busy hour of a big team names hundreds of agents. */
	int64_t agents_small[512];
	int64_t *agents = nagents <= 512 ? agents_small : cx_xcalloc(nagents, sizeof *agents);
	for (uint64_t i = 0; i < nagents; i++)
		agents[i] = unzigzag(get_varint(&r));
	uint64_t ntopics = r.bad ? 0 : get_varint(&r);
	const char *topics_small[32];
	const char **topics = r.bad || ntopics > len ? NULL : ntopics <= 32 ? topics_small : cx_xcalloc(ntopics, sizeof *topics);
	r.bad |= !topics;
	for (uint64_t i = 0; i < ntopics && !r.bad; i++) {
		uint64_t l = get_varint(&r);
		if (r.bad || l >= (uint64_t)(r.end - r.p) || r.p[l] != '\0') {
			r.bad = true;
			break;
		}
		topics[i] = (const char *)r.p;
		r.p += l + 1;
	}
	/* The big values are read alongside the records, in order. */
	uint64_t nbig = r.bad ? 0 : get_varint(&r);
	struct reader big = {r.p, r.end, r.bad};
	for (uint64_t i = 0; i < nbig && !r.bad; i++)
		get_varint(&r);
	uint64_t n = r.bad ? 0 : get_varint(&r);
	if (r.bad || n > (uint64_t)(r.end - r.p) / RECORD)
		r.bad = true;
	big.end = r.p;
	cx_fact f;
	int64_t base = hour * 3600;
	uint64_t seen = 0;
	for (const unsigned char *p = r.p; !r.bad && p < r.end; p += p[19] ? RECORD + WAITS : RECORD, seen++) {
		if (r.end - p < RECORD || p[19] > 1 || (p[19] && r.end - p < RECORD + WAITS)) {
			r.bad = true;
			break;
		}
		uint64_t agent = le16(p + 2), topic = le16(p + 4);
		unsigned flags = p[6];
		f.at = base + (int64_t)le16(p);
		f.channel = (int8_t)(flags & 7);
		f.complexity = (int8_t)((flags >> 3 & 3) + 1);
		f.nps_scale = flags >> 5 & 1;
		f.csat = (int8_t)((p[7] & 15) - 1);
		f.priority = (int8_t)((p[7] >> 4) - 1);
		f.frt = field32(p + 8, &big) - 1;
		f.resolution = field32(p + 12, &big) - 1;
		f.replies = field8(p + 16, &big);
		f.reopened = field8(p + 17, &big);
		f.first_resolution = p[18] == 0 ? f.resolution : (int64_t)get_varint(&big) - 1;
		if (p[19]) {
			f.req_wait = field32(p + RECORD, &big) - 1;
			f.agent_wait = field32(p + RECORD + 4, &big) - 1;
			f.next_reply = field32(p + RECORD + 8, &big) - 1;
			f.req_wait_b = field32(p + RECORD + 12, &big) - 1;
			f.agent_wait_b = field32(p + RECORD + 16, &big) - 1;
			f.next_reply_b = field32(p + RECORD + 20, &big) - 1;
		} else {
			f.req_wait = f.agent_wait = f.next_reply = -1;
			f.req_wait_b = f.agent_wait_b = f.next_reply_b = -1;
		}
		if (big.bad || (p[18] != 0 && p[18] != 0xFF) || agent >= nagents || topic >= ntopics || f.channel >= CX_FACT_CHANNELS || f.csat > 10 ||
		    f.priority >= CX_PRIO_COUNT) {
			r.bad = true;
			break;
		}
		f.agent_id = agents[agent];
		f.topic = topics[topic];
		visit(&f, ctx);
	}
	if (seen != n)
		r.bad = true;
	if (agents != agents_small)
		free(agents);
	if (topics && topics != topics_small)
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

static int cmp_hour(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Passes each fact on, and keeps it for the next pass over the range: a
 * fact read from the tickets decoded, a packed hour as it was read. */
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

static int scan_hours(cx_store *st, enum cx_fact_kind kind, int64_t h0, int64_t h1, struct tee *t,
		      const cx_as_of *skip, cx_error *err)
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
	int64_t *dirty = NULL;
	size_t n = 0, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(s, 1);
		int len = sqlite3_column_bytes(s, 1);
		int64_t hour = sqlite3_column_int64(s, 0);
		/* An hour holding a ticket changed since the period's end is
		 * read from the tickets, without it (facts_as_of.c). */
		if (skip && skip->n && cx_as_of_hour_taken(skip, hour)) {
			dirty = cx_q_grow(dirty, &cap, n, sizeof *dirty);
			dirty[n++] = hour;
			continue;
		}
		if (!b || !cx_facts_unpack(b, (size_t)len, hour, t->visit, t->ctx)) {
			free(dirty);
			cx_q_release(st, s);
			return cx_fail(err, CX_EXIT_RUNTIME,
				       "store '%s': the ticket rollup of hour %lld is damaged (cxtop check --repair rebuilds it)",
				       st->path, (long long)hour);
		}
		cx_fact_cache_add_hour(t->cache, hour, b, (size_t)len);
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(dirty);
		return -1;
	}

	if (cx_q_prepare(st, dirty_sql, &s, err) < 0) {
		free(dirty);
		return -1;
	}
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
	if (n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(dirty, n, sizeof *dirty, cmp_hour);
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0;) {
		size_t j = i + 1;
		while (j < n && dirty[j] == dirty[j - 1] + 1)
			j++;
		ret = scan_raw(st, kind, dirty[i] * 3600, dirty[j - 1] * 3600 + 3600, tee_visit, t, skip, err);
		i = j;
	}
	free(dirty);
	return ret;
}

/* How many tickets' instants of the kind lie in [start, end), counted
 * from the tickets (an index range). */
static int count_raw(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, int64_t *n, cx_error *err)
{
	static const char *const sql[2] = {
		"SELECT count(*) FROM tickets WHERE created_at >= ?1 AND created_at < ?2",
		"SELECT count(*) FROM tickets WHERE resolved_at >= ?1 AND resolved_at < ?2",
	};
	*n = 0;
	if (start >= end)
		return 0;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql[kind], &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, start);
	sqlite3_bind_int64(s, 2, end);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_facts_count(cx_store *st, enum cx_fact_kind kind, int64_t end, int64_t *out, cx_error *err)
{
	/* The packed hours' counts (the index ticket_hours_counts), less the
	 * packed counts of the hours written since, plus those hours and the
	 * partial hour at the end (and anything before hour 1, never packed)
	 * counted from the tickets: every hour with tickets is packed or
	 * noted as written (what cxtop check verifies). */
	/* The hours before h1 summed, or (the usual end, near the newest
	 * hour) the kept total less the hours from h1 on: whichever side is
	 * shorter, judged by the hours' span. */
	static const char packed_sql[] =
		"SELECT CASE WHEN ?2 - (SELECT min(hour) FROM ticket_hours WHERE kind = ?1)"
		"              < (SELECT max(hour) FROM ticket_hours WHERE kind = ?1) - ?2"
		"  THEN (SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = ?1 AND hour >= 1 AND hour < ?2)"
		"  ELSE (SELECT tickets FROM ticket_hours_totals WHERE kind = ?1)"
		"     - (SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = ?1 AND hour >= ?2)"
		"     - (SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = ?1 AND hour < 1) END";
	static const char dirty_sql[] =
		"SELECT d.hour, coalesce(h.tickets, 0) FROM ticket_hours_dirty d"
		" LEFT JOIN ticket_hours h ON h.kind = d.kind AND h.hour = d.hour"
		" WHERE d.kind = ?1 AND d.hour >= 1 AND d.hour < ?2";
	int64_t h1 = floor_div(end, 3600), total = 0, n;
	*out = 0;
	if (h1 < 1)
		return count_raw(st, kind, INT64_MIN, end, out, err);
	if (count_raw(st, kind, INT64_MIN, 3600, &n, err) < 0)
		return -1;
	total += n;
	if (count_raw(st, kind, h1 * 3600, end, &n, err) < 0)
		return -1;
	total += n;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, packed_sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, h1);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		total += sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	if (cx_q_done(st, s, rc, err) < 0 || cx_q_prepare(st, dirty_sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, h1);
	/* The dirty hours' list first: counting each reads another table
	 * while this statement is open, which is fine in SQLite, but the
	 * list is short and this keeps one statement at a time. */
	int64_t *hours = NULL;
	size_t nh = 0, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		hours = cx_q_grow(hours, &cap, nh, sizeof *hours);
		hours[nh++] = sqlite3_column_int64(s, 0);
		total -= sqlite3_column_int64(s, 1);
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(hours);
		return -1;
	}
	for (size_t i = 0; i < nh; i++) {
		if (count_raw(st, kind, hours[i] * 3600, hours[i] * 3600 + 3600, &n, err) < 0) {
			free(hours);
			return -1;
		}
		total += n;
	}
	free(hours);
	*out = total;
	return 0;
}

int64_t cx_facts_estimate(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end)
{
	sqlite3_stmt *s;
	cx_error err = {0};
	if (cx_q_prepare(st, "SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = ?1 AND hour >= ?2 AND hour <= ?3",
			 &s, &err) < 0)
		return 0;
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, floor_div(start, 3600));
	sqlite3_bind_int64(s, 3, floor_div(end, 3600));
	int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	cx_q_release(st, s);
	return n;
}

/* as_of_end: the tickets changed since `end` are read as they were then;
 * false, as they are now. */
static int scan(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, bool as_of_end, struct tee *t,
		cx_error *err)
{
	/* Whole hours come from the rollup; hour 0 and earlier never do (an
	 * instant's hour is its floor, which SQL's division is not below 0). */
	int64_t h0 = floor_div(start + 3599, 3600), h1 = floor_div(end, 3600);
	if (h0 < 1)
		h0 = 1;
	/* One read transaction: the history, the blobs, the dirty list and the
	 * rows agree. */
	if (sqlite3_exec(st->db, "SAVEPOINT facts", NULL, NULL, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	/* The tickets changed since the end, as they were then. */
	cx_as_of as_of = {0};
	int ret = as_of_end ? cx_as_of_load(st, kind, end, &as_of, err) : 0;
	if (ret == 0 && h1 <= h0) {
		ret = scan_raw(st, kind, start, end, tee_visit, t, &as_of, err);
	} else if (ret == 0) {
		ret = scan_raw(st, kind, start, h0 * 3600, tee_visit, t, &as_of, err);
		if (ret == 0)
			ret = scan_hours(st, kind, h0, h1, t, &as_of, err);
		if (ret == 0)
			ret = scan_raw(st, kind, h1 * 3600, end, tee_visit, t, &as_of, err);
	}
	if (ret == 0)
		cx_as_of_visit(&as_of, start, end, tee_visit, t);
	cx_as_of_free(&as_of);
	sqlite3_exec(st->db, "RELEASE facts", NULL, NULL, NULL);
	return ret;
}

/* Business hours: each fact's durations counted in its schedule's working
 * time, on the way from the scan (or the cache, which keeps them on the
 * clock) to the visitor. */
struct business {
	const cx_clock *clock;
	enum cx_fact_kind kind;
	cx_fact_visit visit;
	void *ctx;
};

void cx_fact_business(const cx_clock *clock, enum cx_fact_kind kind, const cx_fact *f, cx_fact *g)
{
	*g = *f;
	int64_t created = kind == CX_FACT_CREATED ? f->at : f->at - f->resolution;
	if (f->frt >= 0)
		g->frt = cx_clock_business(clock, f->agent_id, created, created + f->frt);
	if (f->resolution >= 0)
		g->resolution = cx_clock_business(clock, f->agent_id, created, created + f->resolution);
	if (f->first_resolution >= 0)
		g->first_resolution = f->first_resolution == f->resolution
					      ? g->resolution
					      : cx_clock_business(clock, f->agent_id, created, created + f->first_resolution);
	/* The waits were counted in business time when packed. */
	g->req_wait = f->req_wait_b;
	g->agent_wait = f->agent_wait_b;
	g->next_reply = f->next_reply_b;
}

static void business_visit(const cx_fact *f, void *ctx)
{
	struct business *b = ctx;
	cx_fact g;
	cx_fact_business(b->clock, b->kind, f, &g);
	b->visit(&g, b->ctx);
}

static int scan_on_the_clock(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
			     void *ctx, cx_error *err)
{
	if (cx_fact_cache_visit(st, kind, start, end, visit, ctx))
		return 0;
	struct tee t = {visit, ctx, cx_fact_cache_begin(st, kind, start, end)};
	int ret = scan(st, kind, start, end, true, &t, err);
	cx_fact_cache_end(t.cache, ret == 0);
	return ret;
}

int cx_facts_scan_now(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
		      void *ctx, cx_error *err)
{
	if (start >= end)
		return 0;
	struct tee t = {visit, ctx, NULL}; /* nothing kept: the as-of passes share the cache */
	return scan(st, kind, start, end, false, &t, err);
}

int cx_facts_of_tickets(cx_store *st, enum cx_fact_kind kind, const int64_t *ids, size_t n, cx_fact_visit visit,
			void *ctx, cx_error *err)
{
	static const char *const sql[2] = {
		"SELECT created_at" FACT_COLS "id = ?1",
		"SELECT resolved_at" FACT_COLS "id = ?1 AND resolved_at IS NOT NULL",
	};
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql[kind], &s, err) < 0)
		return -1;
	int rc = SQLITE_DONE;
	cx_fact f;
	for (size_t i = 0; i < n && (rc == SQLITE_DONE || rc == SQLITE_ROW); i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			cx_fact_of_row(s, &f);
			visit(&f, ctx);
		}
	}
	return cx_q_done(st, s, rc, err);
}

int cx_facts_scan(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit, void *ctx,
		  cx_error *err)
{
	if (start >= end)
		return 0;
	cx_rollup_refresh_if_idle(st);
	if (!st->business_hours)
		return scan_on_the_clock(st, kind, start, end, visit, ctx, err);
	struct business b = {.kind = kind, .visit = visit, .ctx = ctx};
	if (cx_store_clock(st, &b.clock, err) < 0)
		return -1;
	return scan_on_the_clock(st, kind, start, end, business_visit, &b, err);
}

void cx_store_set_hours(cx_store *st, bool business)
{
	st->business_hours = business;
}

bool cx_store_business_hours(const cx_store *st)
{
	return st->business_hours;
}
