/* test_sorted_pages.c — the Tickets and Customers lists sorted by every
 * column, both ways, page after page: the rows come in exactly the order
 * the sqlite3 shell gives for the same ORDER BY (the definitions in
 * cxtop(1)), forward to the end and backward from it, with a channel filter
 * too, whichever way the store reads them (an index walk or one statement). */
#include "testutil.h"

#include <sqlite3.h>

#include "cxtop/store.h"

static cx_store *st;
static sqlite3 *db;
static const char *path;
#define MAX_ROWS 20000

static int setup(void **state)
{
	path = tu_tmp_path("sorted.db");
	unlink(path);
	tu_copy("sample.db", path);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	if (!st)
		fail_msg("%s", err.msg);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	return 0;
}

static int teardown(void **state)
{
	cx_store_close(st);
	sqlite3_close(db);
	unlink(path);
	return 0;
}

/* The ids sql lists, into ids; returns how many. */
static int reference(const char *sql, int64_t *ids)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < MAX_ROWS)
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static const char *const ticket_order[CX_TSORT_COUNT] = {
	[CX_TSORT_CREATED] = "t.created_at DIR, t.id DIR",
	[CX_TSORT_ID] = "t.id DIR",
	[CX_TSORT_CHANNEL] = "t.channel DIR, t.created_at DIR, t.id DIR",
	[CX_TSORT_STATUS] = "t.status DIR, t.created_at DIR, t.id DIR",
	[CX_TSORT_FRT] = "coalesce(t.first_response_at - t.created_at, 4611686018427387904) DIR, t.created_at DIR,"
			 " t.id DIR",
	[CX_TSORT_CSAT] = "coalesce(t.csat, -1) DIR, t.created_at DIR, t.id DIR",
	[CX_TSORT_AGENT] = "coalesce(a.name, '') DIR, coalesce(t.agent_id, 0) DIR, t.created_at DIR, t.id DIR",
	[CX_TSORT_CUSTOMER] = "c.name DIR, t.customer_id DIR, t.created_at DIR, t.id DIR",
	[CX_TSORT_TOPIC] = "t.topic DIR, t.created_at DIR, t.id DIR",
};

static int64_t want[MAX_ROWS], got[MAX_ROWS];

/* order with each DIR written as dir. */
static void order_by(char *buf, size_t len, const char *order, const char *dir)
{
	size_t o = 0;
	while (*order && o + 5 < len) {
		if (strncmp(order, "DIR", 3) == 0) {
			o += (size_t)snprintf(buf + o, len - o, "%s", dir);
			order += 3;
		} else {
			buf[o++] = *order++;
		}
	}
	buf[o] = '\0';
}

/* One page of a list: its ids, and the key of its last row. */
typedef void page_fn(const void *filter, const cx_page_key *after, bool backward, int limit, int64_t *ids,
		     cx_page_key *last, int *n);

static void ticket_page(const void *filter, const cx_page_key *after, bool backward, int limit, int64_t *ids,
			cx_page_key *last, int *n)
{
	cx_ticket_item items[64];
	cx_error err = {0};
	if (cx_store_tickets_page(st, filter, after, false, backward, limit, items, n, &err) < 0)
		fail_msg("%s", err.msg);
	for (int i = 0; i < *n; i++)
		ids[i] = items[i].id;
	if (*n > 0)
		*last = items[*n - 1].key;
}

static void customer_page(const void *filter, const cx_page_key *after, bool backward, int limit, int64_t *ids,
			  cx_page_key *last, int *n)
{
	cx_customer_item items[64];
	cx_error err = {0};
	if (cx_store_customers_page(st, filter, after, false, backward, limit, items, n, &err) < 0)
		fail_msg("%s", err.msg);
	for (int i = 0; i < *n; i++)
		ids[i] = items[i].id;
	if (*n > 0)
		*last = items[*n - 1].key;
}

/* Reads the whole list a page of `limit` at a time, forward or backward
 * from the end (got then in the list's order). */
static int read_all(page_fn *page, const void *filter, bool backward, int limit)
{
	int64_t ids[64];
	cx_page_key key;
	int n, total = 0;
	for (bool first = true;; first = false) {
		page(filter, first ? NULL : &key, backward, limit, ids, &key, &n);
		for (int i = 0; i < n && total < MAX_ROWS; i++)
			got[total++] = ids[i];
		if (n < limit)
			break;
	}
	if (backward)
		for (int i = 0; i < total / 2; i++) {
			int64_t x = got[i];
			got[i] = got[total - 1 - i];
			got[total - 1 - i] = x;
		}
	return total;
}

static void same(const char *what, int n_want, int n_got)
{
	if (n_want != n_got)
		fail_msg("%s: %d rows, the shell lists %d", what, n_got, n_want);
	for (int i = 0; i < n_want; i++)
		if (want[i] != got[i])
			fail_msg("%s: row %d is #%lld, the shell's is #%lld", what, i, (long long)got[i], (long long)want[i]);
}

static void check_tickets(const char *channel)
{
	int64_t start = 1646092800, end = 1648771200; /* March 2022, UTC */
	for (int sort = 0; sort < CX_TSORT_COUNT; sort++)
		for (int asc = 0; asc < 2; asc++) {
			char order[512], sql[2048], what[64];
			order_by(order, sizeof order, ticket_order[sort], asc ? "ASC" : "DESC");
			snprintf(sql, sizeof sql,
				 "SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id"
				 " LEFT JOIN agents a ON a.id = t.agent_id WHERE t.created_at >= %lld AND t.created_at < %lld"
				 "%s%s%s ORDER BY %s",
				 (long long)start, (long long)end, channel ? " AND t.channel = '" : "", channel ? channel : "",
				 channel ? "'" : "", order);
			int n = reference(sql, want);
			cx_ticket_filter f = {.start = start, .end = end, .sort = (enum cx_ticket_sort)sort, .ascending = asc};
			if (channel)
				snprintf(f.channel, sizeof f.channel, "%s", channel);
			snprintf(what, sizeof what, "tickets sort %d %s%s", sort, asc ? "up" : "down", channel ? " chat" : "");
			assert_true(n > 100);
			same(what, n, read_all(ticket_page, &f, false, 37));
			same(what, n, read_all(ticket_page, &f, true, 41));
		}
}

static void tickets_in_every_order(void **state)
{
	check_tickets(NULL);
}

static void tickets_of_one_channel_in_every_order(void **state)
{
	check_tickets("chat");
}

static const char *const customer_order[CX_CSORT_COUNT] = {
	[CX_CSORT_ID] = "c.id DIR",
	[CX_CSORT_NAME] = "c.name DIR, c.id DIR",
	[CX_CSORT_EMAIL] = "coalesce(c.email, '') DIR, c.id DIR",
	[CX_CSORT_SEGMENT] = "c.segment DIR, c.id DIR",
	[CX_CSORT_SCORE] = "coalesce(c.satisfaction, 0) DIR, c.id DIR",
	[CX_CSORT_TICKETS] = "(SELECT count(*) FROM tickets t WHERE t.customer_id = c.id) DIR, c.id DIR",
	[CX_CSORT_BLACKLISTED] = "c.blacklisted DIR, c.id DIR",
};

static void customers_in_every_order(void **state)
{
	for (int sort = 0; sort < CX_CSORT_COUNT; sort++)
		for (int desc = 0; desc < 2; desc++) {
			char order[256], sql[512], what[64];
			order_by(order, sizeof order, customer_order[sort], desc ? "DESC" : "ASC");
			snprintf(sql, sizeof sql, "SELECT c.id FROM customers c ORDER BY %s", order);
			int n = reference(sql, want);
			cx_customer_filter f = {.sort = (enum cx_customer_sort)sort, .descending = desc};
			snprintf(what, sizeof what, "customers sort %d %s", sort, desc ? "down" : "up");
			same(what, n, read_all(customer_page, &f, false, 61));
			same(what, n, read_all(customer_page, &f, true, 59));
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tickets_in_every_order),
		cmocka_unit_test(tickets_of_one_channel_in_every_order),
		cmocka_unit_test(customers_in_every_order),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	tu_tmp_cleanup();
	return rc;
}
