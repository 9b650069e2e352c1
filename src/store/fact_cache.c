/* fact_cache.c — the facts of the last period read, kept for the next
 * passes over it.
 *
 * One screen of the dashboard reads the same month's facts several times
 * (the team's and the channels' KPIs, the daily volume, the leaderboard's
 * ticket events, the complaints); `report agents` three times.  The first
 * pass of each kind keeps what it read, and the next ones over the same
 * range walk that instead of the store, for as long as nothing was
 * written: PRAGMA data_version says whether another connection committed,
 * sqlite3_total_changes whether this one wrote.
 *
 * The packed hours are kept as they were read (about 20 bytes a ticket)
 * and unpacked again on each visit, not kept decoded (80 bytes a fact:
 * 16 MB for a month of a million-ticket year, both kinds): unpacking is a
 * few loads a fact, and the cache knows nothing of the packed format, so
 * a field added to the facts needs nothing here.  Only the few facts read
 * from the tickets (the partial hours at either end, hours written since
 * they were packed, tickets changed after the period's end) are kept
 * decoded.  Everything comes back in the order it was read.  A period
 * that needs more than CAP_BYTES is not kept, so memory stays bounded
 * whatever the period.
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "keymap.h"
#include "ticket_facts.h"

/* About 150,000 tickets packed: a month of a million-ticket year (1.8 MB
 * a kind) and then some.  A quarter of that year would take 5.3 MB a kind
 * and, beside the quarter's durations, more than the UI's 32 MB; its
 * passes read the store each time, as they did when the cache held
 * 100,000 decoded facts. */
#define CAP_BYTES (3u << 20)

/* What was read, in order: a packed hour, or a run of decoded facts. */
struct entry {
	int64_t hour;
	unsigned char *blob; /* NULL: facts[first .. first + count) */
	size_t len;
	size_t first, count;
};

struct cx_fact_cache {
	bool valid, full;
	int64_t start, end, data_version, changes;
	size_t bytes; /* held, against CAP_BYTES */
	struct entry *entries;
	size_t nentries, ecap;
	cx_fact *facts;
	size_t nfacts, fcap;
	char **topics; /* each decoded fact's topic points at one of these */
	size_t ntopics, tcap;
	cx_keymap topic_index;
};

static void clear(struct cx_fact_cache *c)
{
	for (size_t i = 0; i < c->nentries; i++)
		free(c->entries[i].blob);
	free(c->entries);
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
	for (size_t i = 0; i < c->nentries; i++) {
		const struct entry *e = &c->entries[i];
		if (!e->blob) {
			for (size_t j = 0; j < e->count; j++)
				visit(&c->facts[e->first + j], ctx);
			continue;
		}
		/* Whole when it was read, and a copy since: it unpacks again. */
		cx_facts_unpack(e->blob, e->len, e->hour, visit, ctx);
	}
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

/* Room for `more` bytes; false (and the memory let go now) when the
 * period is too long to keep. */
static bool room(struct cx_fact_cache *c, size_t more)
{
	if (!c || c->full) /* NULL: a pass that keeps nothing */
		return false;
	if (c->bytes + more > CAP_BYTES) {
		clear(c);
		c->full = true;
		return false;
	}
	c->bytes += more;
	return true;
}

static struct entry *new_entry(struct cx_fact_cache *c)
{
	c->entries = cx_q_grow(c->entries, &c->ecap, c->nentries, sizeof *c->entries);
	struct entry *e = &c->entries[c->nentries++];
	memset(e, 0, sizeof *e);
	return e;
}

void cx_fact_cache_add_hour(struct cx_fact_cache *c, int64_t hour, const unsigned char *blob, size_t len)
{
	if (!room(c, len + sizeof(struct entry)))
		return;
	struct entry *e = new_entry(c);
	e->hour = hour;
	e->len = len;
	e->blob = cx_xmalloc(len ? len : 1);
	memcpy(e->blob, blob, len);
}

void cx_fact_cache_add(struct cx_fact_cache *c, const cx_fact *f)
{
	if (!room(c, sizeof *f))
		return;
	int *ix = cx_keymap_at(&c->topic_index, 0, f->topic);
	if (*ix < 0) {
		int i = (int)c->ntopics;
		c->topics = cx_q_grow(c->topics, &c->tcap, c->ntopics, sizeof *c->topics);
		c->topics[c->ntopics++] = cx_xstrdup(f->topic);
		*cx_keymap_at(&c->topic_index, 0, f->topic) = i;
		ix = cx_keymap_at(&c->topic_index, 0, f->topic);
	}
	c->facts = cx_q_grow(c->facts, &c->fcap, c->nfacts, sizeof *c->facts);
	c->facts[c->nfacts] = *f;
	c->facts[c->nfacts].topic = c->topics[*ix];
	/* A run of decoded facts is one entry. */
	struct entry *last = c->nentries ? &c->entries[c->nentries - 1] : NULL;
	if (!last || last->blob) {
		last = new_entry(c);
		last->first = c->nfacts;
	}
	last->count++;
	c->nfacts++;
}

void cx_fact_cache_end(struct cx_fact_cache *c, bool ok)
{
	if (!ok || c->full) {
		clear(c);
		return;
	}
	c->valid = true;
}
