/* fact_cache.c — the facts of the last period read, kept decoded.
 *
 * One screen of the dashboard reads the same month's facts several times
 * (the team's and the channels' KPIs, the daily volume, the leaderboard's
 * ticket events, the complaints); `report agents` three times.  The first
 * pass of each kind keeps what it decoded, and the next ones over the same
 * range walk that array instead of the blobs, for as long as nothing was
 * written: PRAGMA data_version says whether another connection committed,
 * sqlite3_total_changes whether this one wrote.  Only periods of up to
 * CAP tickets are kept (a month of a 1,000,000-ticket year; about 7 MB a
 * kind), so memory stays bounded whatever the period.
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "keymap.h"
#include "ticket_facts.h"

#define CAP 100000

struct cx_fact_cache {
	bool valid, full;
	int64_t start, end, data_version, changes;
	cx_fact *facts;
	size_t n, cap;
	char **topics; /* each fact's topic points at one of these */
	size_t ntopics, tcap;
	cx_keymap topic_index;
};

static void clear(struct cx_fact_cache *c)
{
	for (size_t i = 0; i < c->ntopics; i++)
		free(c->topics[i]);
	free(c->topics);
	free(c->facts);
	cx_keymap_free(&c->topic_index);
	memset(c, 0, sizeof *c);
}

void cx_fact_cache_free(cx_store *st)
{
	for (int k = 0; k < 2; k++) {
		if (st->fact_cache[k])
			clear(st->fact_cache[k]);
		free(st->fact_cache[k]);
		st->fact_cache[k] = NULL;
	}
}

bool cx_fact_cache_visit(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
			 void *ctx)
{
	struct cx_fact_cache *c = st->fact_cache[kind];
	if (!c || !c->valid || c->start != start || c->end != end || c->data_version != cx_store_data_version(st) ||
	    c->changes != sqlite3_total_changes64(st->db))
		return false;
	for (size_t i = 0; i < c->n; i++)
		visit(&c->facts[i], ctx);
	return true;
}

struct cx_fact_cache *cx_fact_cache_begin(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end)
{
	if (!st->fact_cache[kind])
		st->fact_cache[kind] = cx_xcalloc(1, sizeof *st->fact_cache[kind]);
	struct cx_fact_cache *c = st->fact_cache[kind];
	clear(c);
	c->start = start;
	c->end = end;
	c->data_version = cx_store_data_version(st);
	c->changes = sqlite3_total_changes64(st->db);
	c->full = false;
	return c;
}

void cx_fact_cache_add(struct cx_fact_cache *c, const cx_fact *f)
{
	if (c->full)
		return;
	if (c->n == CAP) {
		/* Too long a period to keep: let the memory go now. */
		clear(c);
		c->full = true;
		return;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 4096;
		if (c->cap > CAP)
			c->cap = CAP;
		c->facts = cx_xreallocarray(c->facts, c->cap, sizeof *c->facts);
	}
	int *ix = cx_keymap_at(&c->topic_index, 0, f->topic);
	if (*ix < 0) {
		int i = (int)c->ntopics;
		c->topics = cx_q_grow(c->topics, &c->tcap, c->ntopics, sizeof *c->topics);
		c->topics[c->ntopics++] = cx_xstrdup(f->topic);
		*cx_keymap_at(&c->topic_index, 0, f->topic) = i;
		ix = cx_keymap_at(&c->topic_index, 0, f->topic);
	}
	c->facts[c->n] = *f;
	c->facts[c->n++].topic = c->topics[*ix];
}

void cx_fact_cache_end(struct cx_fact_cache *c, bool ok)
{
	if (!ok || c->full) {
		clear(c);
		return;
	}
	c->valid = true;
}
