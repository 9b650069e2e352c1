/* store.h — the SQLite store: the only module that speaks SQL.
 *
 * Everything cxtop knows lives in one SQLite file (see cxtop(5) for the
 * schema).  This header is the whole public face of src/store: opening and
 * creating stores, schema versioning, and the queries the model and UI need.
 * Callers never see sqlite3 types; they get plain C structs back.
 */
#ifndef CXTOP_STORE_H
#define CXTOP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/campaign.h"
#include "cxtop/clock.h"
#include "cxtop/error.h"
#include "cxtop/model.h"
#include "cxtop/period.h"
#include "cxtop/scoring.h"

/* The schema version this build writes and understands (PRAGMA user_version). */
#define CX_SCHEMA_VERSION 12

typedef struct cx_store cx_store;

enum cx_open_mode {
	CX_OPEN_READ_WRITE = 0,
	CX_OPEN_READ_ONLY = 1,
};

/* Opens an existing store.  Never creates a file: a missing path is an error
 * (only cx_store_init creates stores).  Rejects anything but a regular file
 * (a FIFO would block), files that are not SQLite
 * databases, stores written by a newer cxtop, and stores that stay locked
 * past the busy timeout.  Older stores are migrated in place unless the store
 * is opened read-only, in which case an old store is refused.  A read-only
 * open leaves no -wal or -shm file behind where SQLite allows, and reads a
 * WAL store in a directory it cannot write (store.c, connect_mode).
 * Returns NULL and fills err on failure. */
cx_store *cx_store_open(const char *path, enum cx_open_mode mode, cx_error *err);

/* Creates a new, empty store at the current schema.  Refuses to touch an
 * existing file.  Returns NULL and fills err on failure; on failure no file
 * is left behind. */
cx_store *cx_store_init(const char *path, cx_error *err);

void cx_store_close(cx_store *st);

/* -1 with err "store '<path>' is damaged: ..." when SQLite has met a
 * damaged page since the store was opened, even in a query whose error
 * went unnoticed; 0 otherwise.  A command asks before it says it is done:
 * a damaged store never gives exit status 0 for work that read it. */
int cx_store_damage(cx_store *st, cx_error *err);

/* One read transaction around several reads, so that they see the store
 * as of one moment (a list read once for its totals and again as it is
 * printed).  cx_store_read_end ends it; nothing is written in it. */
int cx_store_read_begin(cx_store *st, cx_error *err);
void cx_store_read_end(cx_store *st);

const char *cx_store_path(const cx_store *st);
bool cx_store_read_only(const cx_store *st);

/* The store's schema version (PRAGMA user_version). */
int cx_store_schema_version(cx_store *st);

/* PRAGMA data_version: changes whenever another connection commits.  Cheap;
 * meant to be polled.  Returns -1 on error. */
int64_t cx_store_data_version(cx_store *st);

/* A settings value as text, copied into buf.  Returns false if unset. */
bool cx_store_setting(cx_store *st, const char *key, char *buf, size_t len);

/* Runs PRAGMA integrity_check; true when the answer is "ok". */
bool cx_store_integrity_ok(cx_store *st, cx_error *err);

/* Row counts of the main tables, for the summary printed by `cxtop DB`
 * and `cxtop info`. */
typedef struct cx_store_counts {
	int64_t agents, customers, tickets, orders, returns, campaigns, contacts, renewals, claims;
	int64_t first_ticket_at, last_ticket_at; /* unix seconds, 0 when no tickets */
} cx_store_counts;

int cx_store_counts_get(cx_store *st, cx_store_counts *out, cx_error *err);

/* ---- the hourly ticket rollups (schema 4) ---------------------------------
 * Every ticket figure reads the tickets' facts packed per hour; hours that a
 * write has touched since they were packed are read from the tickets
 * themselves until packed again, so figures are exact in any case. */

/* Told how far a long step has got (packing every hour after an upgrade,
 * a repair); may be NULL. */
typedef void (*cx_progress_fn)(const char *what, int64_t done, int64_t total);
/* The progress reporter for upgrades done while opening a store. */
void cx_store_set_progress(cx_progress_fn fn);

/* Hours written since they were last packed (kind and hour both count). */
int cx_store_rollup_stale(cx_store *st, int64_t *hours, cx_error *err);
/* Packs every such hour now, in one transaction (waits for the lock). */
int cx_store_rollup_refresh(cx_store *st, cx_error *err);

/* What cxtop check found comparing the rollups with the tickets. */
typedef struct cx_rollup_check {
	int64_t hours;     /* (kind, hour) pairs holding tickets */
	int64_t checked;   /* packed hours compared with the tickets */
	int64_t wrong;     /* packed, but not what the tickets say */
	int64_t missing;   /* tickets in an hour neither packed nor noted as written */
	int64_t extra;     /* packed hours whose tickets are gone, not noted */
	int64_t stale;     /* noted as written, not packed yet: not an error */
	int64_t triggers;  /* of the triggers that keep the notes and the counts, how many are
			      missing or altered */
	int64_t counts_wrong; /* customers whose kept ticket count is not their tickets' */
	int64_t bands_wrong;  /* days whose kept count of a satisfaction band's customers is wrong */
	int64_t months;       /* the leaderboard's kept months in use (score_months) */
	int64_t months_wrong; /* of those, how many disagree with their tickets */
} cx_rollup_check;
/* Compares every packed hour with its tickets, every customer's kept
 * ticket count with their tickets, and every kept leaderboard month with
 * a count of its tickets.  With repair, puts back the triggers, packs
 * every hour, counts every customer's tickets again and forgets the kept
 * months (counted again when next needed), in one transaction. */
int cx_store_rollup_check(cx_store *st, bool repair, cx_rollup_check *out, cx_error *err);

/* Runs one SQL statement with no result rows.  For tests and the sample
 * generator only (they live beside the store); the rest of cxtop uses the
 * typed queries above. */
int cx_store_exec(cx_store *st, const char *sql, cx_error *err);

/* ---- queries for the model ------------------------------------------------
 * Each fills plain structs for one period.  Lists come back as arrays the
 * caller frees with free(); they are as long as the number of groups
 * (agents, campaigns, months), never as long as a table. */

/* created_at of the newest (oldest) ticket, or 0 when there are none; the
 * newest not counting tickets dated after tomorrow, unless all are. */
int cx_store_newest_ticket(cx_store *st, int64_t *out, cx_error *err);
int cx_store_oldest_ticket(cx_store *st, int64_t *out, cx_error *err);
/* The stored returns-liability percentage in basis points (default 1000). */
int64_t cx_store_liability_bp(cx_store *st);
/* The store's currency code (default "USD"); buf of at least 4 bytes. */
void cx_store_currency(cx_store *st, char *buf, size_t len);

/* The P&L inputs of a period.  Monthly costs are prorated by day when the
 * period covers part of a month. */
int cx_store_pnl(cx_store *st, const cx_period *p, cx_pnl_raw *out, cx_error *err);

/* ---- the rows behind each P&L figure (`cxtop report rows`, the
 * dashboard's drill-downs).  Each is the exact set of rows cx_store_pnl
 * sums, with the same conditions, so a list's total is its figure.  Rows
 * come one at a time through a callback (r valid during the call; return
 * 0 to go on): a long list never sits in memory twice. */

/* Orders of the attributions in `mask` (1 upsell, 2 win-back, 4 discount
 * codes) placed in the period, oldest first; only those credited to
 * agent_id (orders.agent_id, as the agents report credits revenue) unless
 * it is 0. */
#define CX_ORDERS_UPSELL 1u
#define CX_ORDERS_WINBACK 2u
#define CX_ORDERS_CODES 4u
typedef struct cx_order_row {
	int64_t id, placed_at, amount, cogs;
	char attribution[16], customer[128], agent[128], campaign[128], code[64];
} cx_order_row;
int cx_store_order_rows(cx_store *st, const cx_period *p, unsigned mask, int64_t agent_id,
			int (*row)(void *ctx, const cx_order_row *r), void *ctx, cx_error *err);

/* Campaign contacts made in the period (of one campaign unless
 * campaign_id is 0), each at its campaign's cost, with the order it
 * converted into (the upsell order, or the recovered renewal's), as the
 * campaigns report counts them. */
typedef struct cx_contact_row {
	int64_t id, contacted_at, cost;
	char campaign[128], customer[128], agent[128];
	bool responded, converted;
	int64_t order_id, revenue; /* 0 when it did not convert */
} cx_contact_row;
int cx_store_contact_rows(cx_store *st, const cx_period *p, int64_t campaign_id,
			  int (*row)(void *ctx, const cx_contact_row *r), void *ctx, cx_error *err);

/* Returns and exchanges created in the period. */
typedef struct cx_return_row {
	int64_t id, created_at, order_id, cost;
	char kind[12], customer[128];
} cx_return_row;
int cx_store_return_rows(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_return_row *r), void *ctx,
			 cx_error *err);

/* Claims paid with their money resolved in the period (claims recovered). */
typedef struct cx_paid_claim {
	int64_t id, claimed, recovered;
	char carrier[32], tracking[64], kind[10], opened_on[11], resolved_on[11], agent[128];
} cx_paid_claim;
int cx_store_paid_claims(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_paid_claim *r), void *ctx,
			 cx_error *err);

/* The monthly costs a period bears: one share per month and kind, the
 * booked amount prorated by the days of its month the period covers
 * (cxtop(1), Rounding), so that the shares of a month's pieces add up to
 * the month.  The P&L's staff, platform and other are these shares. */
typedef struct cx_cost_share {
	char month[8], kind[12];
	int64_t booked, entries; /* the month's amount of this kind, in cost lines */
	int32_t days, month_days; /* the days the period covers, of the month's */
	int64_t share;
} cx_cost_share;
int cx_store_cost_shares(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_cost_share *r), void *ctx,
			 cx_error *err);

/* The attributed orders placed in the period, by source, as the P&L counts
 * them: index 0 upsell, 1 win-back, 2 discount code. */
typedef struct cx_attributed {
	int64_t orders[3], revenue[3], cogs[3];
} cx_attributed;
int cx_store_attributed(cx_store *st, const cx_period *p, cx_attributed *out, cx_error *err);

enum cx_ticket_group {
	CX_GROUP_TEAM,       /* everything: one row */
	CX_GROUP_AGENT,      /* by agent id (0: unassigned) */
	CX_GROUP_AGENT_TEAM, /* by the agent's team name ("" unassigned) */
	CX_GROUP_CHANNEL,
	CX_GROUP_TOPIC,
	CX_GROUP_COMPLEXITY,
};

typedef struct cx_ticket_group_row {
	int64_t key_int;   /* agent id or complexity; 0 for unassigned tickets */
	char key[256];     /* channel, topic, or the key as text */
	cx_ticket_raw raw;
} cx_ticket_group_row;

int cx_store_ticket_kpis(cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_ticket_group_row **rows,
			 size_t *n, cx_error *err);
/* The dashboard's ticket figures in one pass over each kind of facts: the
 * team's row of CX_GROUP_TEAM, the rows of CX_GROUP_CHANNEL (in that
 * order; the caller frees channels), the daily volume into daily[0..ndaily)
 * and the complaints (tickets solved in the period and rated 0-6). */
typedef struct cx_ticket_overview {
	cx_ticket_raw team;
	cx_ticket_group_row *channels;
	size_t nchannels;
	int64_t complaints;
} cx_ticket_overview;
int cx_store_ticket_overview(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *out,
			     cx_error *err);
/* Tickets open at the end of the period: created before it ends and not
 * resolved by then. */
int cx_store_backlog(cx_store *st, const cx_period *p, int64_t *out, cx_error *err);
/* Tickets created per local day of the period, into out[0..max). */
int cx_store_daily_volume(cx_store *st, const cx_period *p, int64_t *out, int max, cx_error *err);
/* Durations of one agent, sorted, from the tables by SQL and as the store
 * knew them at the period's end: a cross-check for the percentiles
 * (tests only).  which: 0 = FRT, 1 = resolution, 2 = first resolution (of
 * the tickets solved in the period). */
int cx_store_durations(cx_store *st, const cx_period *p, int64_t agent_id, int which, int64_t **values, size_t *n,
		       cx_error *err);

typedef struct cx_agent_row {
	int64_t id;
	char name[128], team[64], code[40];
	int64_t monthly_cost;
	int32_t hired_day, left_day; /* left_day is INT32_MAX while on the team */
	int64_t revenue;             /* attributed orders placed in the period */
	int64_t cogs;
	int64_t orders;
} cx_agent_row;

/* Agents on the team during the period, or with tickets in it; by team, name. */
int cx_store_agents(cx_store *st, const cx_period *p, cx_agent_row **rows, size_t *n, cx_error *err);

typedef struct cx_campaign_row {
	int64_t id;
	char name[128], kind[16], channel[8], starts_on[11], ends_on[11];
	bool archived;
	cx_campaign_raw raw;
} cx_campaign_row;

/* Campaigns running during the period or with contacts in it; their
 * contacts made in the period. */
int cx_store_campaigns(cx_store *st, const cx_period *p, cx_campaign_row **rows, size_t *n, cx_error *err);

typedef struct cx_winback_row {
	char month[8]; /* 'YYYY-MM' of the renewals' due date */
	cx_winback_raw raw;
} cx_winback_row;

int cx_store_winback(cx_store *st, const cx_period *p, cx_winback_row **rows, size_t *n, cx_error *err);

typedef struct cx_claim_group {
	char carrier[32], status[12];
	int64_t count, claimed, recovered;
} cx_claim_group;

/* Claims opened in the period, by carrier and status. */
int cx_store_claims_by_status(cx_store *st, const cx_period *p, cx_claim_group **rows, size_t *n, cx_error *err);

typedef struct cx_open_claim {
	int64_t id;
	char carrier[32], tracking[64], kind[10], status[12], opened_on[11], deadline_on[11], agent[128];
	int64_t claimed, recovered; /* recovered: paid by the day asked about (0 while open) */
} cx_open_claim;

/* Claims open on as_of_day (opened by then, not denied or paid by then),
 * with the status they had that day, nearest deadline first: row is
 * called for each (r valid during the call; it returns 0 to go on, -1 to
 * stop), one claim in memory at a time. */
int cx_store_open_claims(cx_store *st, int32_t as_of_day, int (*row)(void *ctx, const cx_open_claim *r), void *ctx,
			 cx_error *err);
/* The same claims counted: how many, their claimed value, how many are
 * past their deadline on that day and how many fall due within 7 days. */
typedef struct cx_open_claims_summary {
	int64_t open, claimed, past_deadline, due_7d;
} cx_open_claims_summary;
int cx_store_open_claims_summary(cx_store *st, int32_t as_of_day, cx_open_claims_summary *out, cx_error *err);
/* The claims cx_store_claims_by_status counts, one by one: opened in the
 * period, as they stood at its end, of one carrier and one status (NULL:
 * any), in the by-status table's order and then by id. */
int cx_store_claims_opened(cx_store *st, const cx_period *p, const char *carrier, const char *status,
			   int (*row)(void *ctx, const cx_open_claim *r), void *ctx, cx_error *err);

typedef struct cx_watch_row {
	int64_t id;
	char name[128], email[128], segment[32];
	int satisfaction;
	bool blacklisted;
	int64_t last_ticket_id, last_ticket_at; /* 0 when the customer has none */
	char last_agent[128];
	int64_t since; /* when the customer's satisfaction last fell to 6 or less */
} cx_watch_row;

typedef struct cx_watch_counts {
	int64_t watchlist, promoters, passives, rated, blacklisted;
	int64_t complaints; /* tickets solved in the period and rated 0-6 */
} cx_watch_counts;

/* Calls row(ctx, r) for each customer on the watchlist, the lowest score
 * first and then the newest ticket first (r valid during the call; row
 * returns 0 to go on, -1 to stop): one customer in memory at a time,
 * however long the list. */
int cx_store_watchlist(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_watch_row *r), void *ctx,
		       cx_watch_counts *counts, cx_error *err);
/* The counts alone, without the list. */
int cx_store_watch_counts(cx_store *st, const cx_period *p, cx_watch_counts *counts, cx_error *err);
/* The customers' counts only (complaints left 0), as of instant `at`:
 * those who existed then, each with the satisfaction it had then. */
int cx_store_customer_counts(cx_store *st, int64_t at, cx_watch_counts *counts, cx_error *err);

typedef struct cx_notify_row {
	char name[128], currency[4], note[128];
	cx_notify_channel ch; /* ch.name points into name */
} cx_notify_row;

int cx_store_notify(cx_store *st, cx_notify_row **rows, size_t *n, cx_error *err);

/* ---- gamification -----------------------------------------------------------
 * What each agent did in the period, counted for the scoring rules: ticket
 * events per complexity (solved, FRT within frt_target_s, one-touch, rated
 * 9-10, rated 0-6, reopened, resolved after sla_s), conversions, revenue,
 * claims recovered, the FRT median and the longest run of working days
 * without a reopened ticket.  One row per agent on the team in the period or
 * with activity in it. */
int cx_store_score_raw(cx_store *st, const cx_period *p, int64_t frt_target_s, int64_t sla_s, bool points_only,
		       cx_score_raw **rows, size_t *n, cx_error *err);
/* cx_store_ticket_overview and cx_store_score_raw (not points_only) for
 * the same period at once, the dashboard's: each kind of facts is read
 * once for both instead of twice. */
int cx_store_overview_and_scores(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *ov,
				 int64_t frt_target_s, int64_t sla_s, cx_score_raw **rows, size_t *n, cx_error *err);
/* points_only: just what the points need (no FRT median, no streaks), as
 * for the period before a board's. */
/* What the points of every day up to to_day need (the levels): the same
 * counts as points_only over all history, read as the store knew them at
 * that day's end.  The months before to_day's come from the leaderboard's
 * kept months (score_months) where they are current; a writable store
 * keeps the ones it had to count. */
int cx_store_score_life(cx_store *st, int32_t to_day, int64_t frt_target_s, int64_t sla_s, cx_score_raw **rows,
			size_t *n, cx_error *err);

/* ---- paged lists (keyset pagination) ---------------------------------------
 * A page is the `limit` rows after (or, going backward, before) a key, in
 * the list's order.  The key is the last (first) row's sort value and id, so
 * page 10,000 costs what page 1 costs: an index range, never an OFFSET. */

typedef struct cx_page_key {
	int64_t k;   /* the sort value when a number (or the agent's, customer's id
			when the list is sorted by their name) */
	int64_t id;  /* the tie-breaker */
	int64_t t;   /* between them: when the ticket was created */
	char s[128]; /* the sort value when text */
} cx_page_key;

typedef struct cx_ticket_item {
	int64_t id, created_at, first_response_at, resolved_at; /* 0 when NULL */
	int64_t first_resolved_at; /* the first time it was solved; 0 when never */
	int64_t agent_id, customer_id;
	char customer[96], agent[96], channel[8], topic[48], status[10];
	int complexity, csat; /* csat -1 when unrated */
	int replies, reopened;
	char email[96];  /* the customer's ("" when none) */
	cx_page_key key; /* its place in the list's order (the filter's sort) */
} cx_ticket_item;

/* One entry of a ticket's timeline (the ticket_timeline view): its
 * creation, each customer message, agent reply, status change, reopening
 * and rating, with the instant the store dates it. */
typedef struct cx_ticket_event {
	int64_t at;
	char kind[12];                      /* created message reply status reopened rated */
	char status_before[10], status_after[10]; /* a status change's; "" otherwise */
} cx_ticket_event;

/* The ticket's timeline, oldest first (ties in the order written). */
int cx_store_ticket_events(cx_store *st, int64_t ticket_id, cx_ticket_event **rows, size_t *n, cx_error *err);

/* Which tickets of the period [start, end) a list holds: each state is
 * the set one dashboard figure counts, so that a drill-down's count is
 * the figure (with start/end 0, all time: as the tickets are now). */
enum cx_ticket_state {
	CX_TICKETS_CREATED,    /* created in the period ("Created") */
	CX_TICKETS_OPEN,       /* created before its end and open at its end, as
				  the store knew it then ("Backlog at period end") */
	CX_TICKETS_SOLVED,     /* resolved in the period, whenever created ("Solved") */
	CX_TICKETS_UNANSWERED, /* created in the period, never answered */
	CX_TICKETS_STATES
};

/* What a ticket list is sorted by; ties go by creation, then number.  An
 * unanswered ticket's first response is the longest, an unrated one's
 * CSAT below 0, an unassigned one's agent before every name. */
enum cx_ticket_sort {
	CX_TSORT_CREATED,
	CX_TSORT_ID,
	CX_TSORT_CHANNEL,
	CX_TSORT_STATUS,
	CX_TSORT_FRT,
	CX_TSORT_CSAT,
	CX_TSORT_AGENT,
	CX_TSORT_CUSTOMER,
	CX_TSORT_TOPIC,
	CX_TSORT_COUNT
};

typedef struct cx_ticket_filter {
	int64_t start, end;  /* the period; 0/0 for all time */
	int64_t agent_id;    /* 0 for any agent */
	int64_t customer_id; /* 0 for any customer */
	char channel[8];     /* "" for any */
	enum cx_ticket_state state;
	/* A ticket number (digits, or # and digits), or a substring of the
	 * topic, the customer's name or email or the agent's name. */
	char search[64];
	enum cx_ticket_sort sort; /* pages only: the column the list is sorted by */
	bool ascending;           /* ... lowest first (the default is newest first) */
} cx_ticket_filter;

/* What a list of tickets adds up to: the figures of its state, so that
 * the list shows the dashboard's CSAT, one-touch and reopen rates beside
 * the rows they come from. */
typedef struct cx_ticket_totals {
	int64_t tickets, answered, resolved;
	int64_t rated, satisfied;      /* rated: csat given; satisfied: 7 or more */
	int64_t one_touch, reopened;   /* among the resolved */
	/* With a search: how many matched in each column (a ticket may
	 * match in more than one). */
	int64_t match_id, match_topic, match_customer, match_email, match_agent;
} cx_ticket_totals;

/* In the filter's order (newest first unless it says otherwise).  after
 * NULL: the first page (or, backward, the last).
 * inclusive: the row at `after` itself comes first (re-reading a screen
 * from its top row). */
int cx_store_tickets_page(cx_store *st, const cx_ticket_filter *f, const cx_page_key *after, bool inclusive,
			  bool backward, int limit, cx_ticket_item *out, int *n, cx_error *err);
/* Every ticket of the filter, oldest first, in one statement (a report's
 * whole list, where pages would sort the period again for each). */
int cx_store_tickets_each(cx_store *st, const cx_ticket_filter *f, int (*row)(void *ctx, const cx_ticket_item *it),
			  void *ctx, cx_error *err);
int cx_store_ticket_totals(cx_store *st, const cx_ticket_filter *f, cx_ticket_totals *out, cx_error *err);

typedef struct cx_customer_item {
	int64_t id, created_at, tickets;
	char name[128], email[128], segment[32];
	int satisfaction; /* 0 when unknown */
	bool blacklisted;
	cx_page_key key; /* its place in the list's order (the filter's sort) */
} cx_customer_item;

/* What a customer list is sorted by; ties go by number.  No email sorts
 * first, an unknown satisfaction below 1. */
enum cx_customer_sort {
	CX_CSORT_ID,
	CX_CSORT_NAME,
	CX_CSORT_EMAIL,
	CX_CSORT_SEGMENT,
	CX_CSORT_SCORE,
	CX_CSORT_TICKETS,
	CX_CSORT_BLACKLISTED,
	CX_CSORT_COUNT
};

typedef struct cx_customer_filter {
	int which;          /* 0 all, 1 watchlist (satisfaction <= 6), 2 blacklisted, 3 promoters */
	char search[64];    /* substring of name or email */
	enum cx_customer_sort sort; /* pages only */
	bool descending;            /* ... highest first (the default is by number, lowest first) */
} cx_customer_filter;

/* How many customers the filter holds and, with a search, how many
 * matched by name and by email. */
typedef struct cx_customer_totals {
	int64_t customers, match_name, match_email;
} cx_customer_totals;

/* In the filter's order. */
int cx_store_customers_page(cx_store *st, const cx_customer_filter *f, const cx_page_key *after, bool inclusive,
			    bool backward, int limit, cx_customer_item *out, int *n, cx_error *err);
int cx_store_customer_count(cx_store *st, const cx_customer_filter *f, cx_customer_totals *out, cx_error *err);

/* ---- edits, each one transaction with its audit rows -----------------------
 * Every edit refuses on a read-only store ("store is read-only"), writes
 * nothing when any part fails, and records one audit row per changed field,
 * all under one edit number, with the actor ($USER or --actor). */

int cx_store_campaign_get(cx_store *st, int64_t id, cx_campaign *out, cx_error *err);
/* Whether a campaign other than except_id (0: any) has this name, for the
 * form to say so as the name is typed; the save checks again. */
int cx_store_campaign_name_taken(cx_store *st, const char *name, int64_t except_id, bool *taken, cx_error *err);
/* Saves `after` over the campaign that was `before` when the form opened.
 * If the row no longer matches `before` (another process changed it), the
 * save is refused and nothing is written.  A name another campaign has is
 * refused too.  Saving no change writes nothing. */
int cx_store_campaign_save(cx_store *st, const cx_campaign *before, const cx_campaign *after, const char *actor,
			   cx_error *err);
int cx_store_campaign_add(cx_store *st, const cx_campaign *c, const char *actor, int64_t *id, cx_error *err);
/* Archives (or brings back) a campaign; campaigns are never deleted. */
int cx_store_campaign_archive(cx_store *st, int64_t id, bool archived, const char *actor, cx_error *err);
/* Sets a setting (e.g. returns_liability_bp) with its audit row. */
int cx_store_setting_set(cx_store *st, const char *key, const char *value, const char *actor, cx_error *err);
/* Undoes the newest edit not undone yet, as a new audited edit.  Refused
 * when a value has changed since that edit.  Returns 1 when something was
 * undone (described in what), 0 when there is nothing to undo, -1 on error. */
int cx_store_undo(cx_store *st, const char *actor, char *what, size_t len, cx_error *err);

typedef struct cx_audit_row {
	int64_t id, edit, at, undone_by;
	char actor[64], action[10], entity[16], row_id[32], field[32], old_value[512], new_value[512];
} cx_audit_row;

/* ---- working hours and SLA (schema 5; query_schedules.c, edit.c) ---------- */

/* The schedules and SLA policies the store keeps (all empty when none
 * were loaded); path is the store's.  Free with cx_schedules_free. */
int cx_store_schedules(cx_store *st, cx_schedules *out, cx_error *err);

/* What a load changed, for its one-line summary. */
typedef struct cx_schedules_loaded {
	size_t schedules, teams, holidays, policies;
	char unknown_team[64];  /* a team the file names that no agent is in ("" none) */
	size_t unscheduled;     /* agents whose team no schedule covers (when there is no default) */
} cx_schedules_loaded;
/* Replaces every schedule, team assignment and SLA policy with s's, in one
 * transaction with one audit row (action 'load', entity 'schedules', row
 * the file's name, old and new a summary); a load is not undone by `u`:
 * load the earlier file again. */
int cx_store_schedules_load(cx_store *st, const cx_schedules *s, const char *actor, cx_schedules_loaded *out,
			    cx_error *err);

/* The store's clock (schedules, zones, each agent's schedule, SLA
 * policies), kept on the handle and rebuilt after any write.  Valid until
 * the next call on st. */
int cx_store_clock(cx_store *st, const cx_clock **out, cx_error *err);

/* Visits each ticket created in the period, in id order, as the store
 * knew it at the period's end (agent and resolution before any later
 * change).  With next_reply, its next replies as of as_of come from its
 * timeline (else they are -1: none). */
int cx_store_sla_tickets(cx_store *st, const cx_period *p, bool next_reply, int64_t as_of,
			 void (*visit)(const cx_sla_ticket *t, void *ctx), void *ctx, cx_error *err);

/* From now on, ticket durations (first response, resolution; every KPI,
 * median and score built on them) count the working hours of each
 * ticket's schedule (business) or every second (calendar, the default). */
void cx_store_set_hours(cx_store *st, bool business);
bool cx_store_business_hours(const cx_store *st);

/* The newest `limit` audit rows, newest first. */
int cx_store_audit(cx_store *st, int limit, cx_audit_row **rows, size_t *n, cx_error *err);

/* Version of the SQLite library in use, for --version. */
const char *cx_store_sqlite_version(void);

#endif
