/* sample.h — shared by the pieces of mksample, the sample-store generator.
 *
 * mksample builds sample.db: six months (2021-10-01 .. 2022-03-31) of a
 * made-up subscription-box company whose support team becomes a profit
 * center in January 2022, reproducing the figures of DOMAIN.md exactly.
 *
 * Everything here is integer arithmetic driven by fixed-seed PRNGs, so every
 * machine produces byte-for-byte the same data.  Each generator keeps its
 * own PRNG stream, so changing one table's recipe does not reshuffle the
 * others.
 *
 * The generators first build rows in memory (struct world), because rows
 * refer to each other (a contact to its order, a renewal to its win-back
 * order); store.c then writes them in chronological order so ids grow with
 * time, as they would in a real help desk.
 */
#ifndef CX_SAMPLE_H
#define CX_SAMPLE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* "No value": stored as SQL NULL. */
#define NONE INT64_MIN
#define DAY 86400

/* ---- rng.c: deterministic integer randomness ---------------------------
 * Never draw twice in one expression or initializer list: C leaves the
 * order of evaluation unspecified, and two compilers (or -O levels) would
 * then generate different samples. */
typedef struct rng {
	uint64_t s;
} rng;

void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
int64_t rng_below(rng *r, int64_t n);              /* 0 .. n-1 */
int64_t rng_range(rng *r, int64_t lo, int64_t hi); /* lo .. hi inclusive */
int rng_chance(rng *r, int bp);                    /* true with probability bp/10000 */
int rng_pick(rng *r, const int *weights, int n);   /* index, by weight */
/* A right-skewed (log-normal-like) positive value with the given median. */
int64_t rng_skewed(rng *r, int64_t median);

/* ---- civil.c: calendar dates without localtime ------------------------- */
int64_t day_of(int y, int m, int d); /* days since 1970-01-01 */
void civil(int64_t day, int *y, int *m, int *d);
int month_days(int y, int m);
int mday(int64_t day);          /* day of month, 1..31 */
int weekday(int64_t day);       /* 0 = Monday .. 6 = Sunday */
void fmt_date(char out[11], int64_t day);
int64_t at(int64_t day, int h, int mi, int s);

/* The sample's window: START_DAY .. END_DAY inclusive, all in UTC. */
#define START_Y 2021
#define START_M 10
extern int64_t START_DAY, END_DAY, T_END; /* T_END = last second of END_DAY */
void window_init(void);
/* Month index 0..5 (Oct .. Mar) of a day, or -1 outside the window. */
int month_ix(int64_t day);
int64_t month_first(int ix); /* first day of month ix */
int64_t month_last(int ix);  /* last day of month ix */

/* ---- sql.c: thin sqlite helpers; every failure ends the run ------------ */
void fail_set_output(const char *path);
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql);
void sq_i64(sqlite3_stmt *s, int i, int64_t v);     /* NONE binds NULL */
void sq_text(sqlite3_stmt *s, int i, const char *v); /* NULL binds NULL */
void sq_run(sqlite3_stmt *s);                         /* step to DONE, reset */
void sq_exec(sqlite3 *db, const char *sql);
int64_t sq_int(sqlite3 *db, const char *sql);         /* first column of first row */
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n, size_t size);

/* ---- the world being built --------------------------------------------- */
struct agent {
	int64_t id;
	const char *name, *team, *code;
	int64_t monthly_cost;
	int64_t hired, left;  /* day numbers; left = NONE while employed */
	int frt_pm, res_pm;   /* first-response / resolution time multipliers, per mille */
	int csat_shift;       /* tenths of a CSAT point added to every score */
	int reopen_bp;        /* chance a solved ticket gets reopened */
	int load;             /* relative share of tickets */
	int upsell_w;         /* welcome emails: 0 = does not send them; else conversion rate, % */
	int winback_w;        /* win-back emails: 0 = does not send them; else recovery rate, % */
};

struct customer {
	int64_t id, created_at;
	const char *segment;
	int blacklisted, satisfaction; /* satisfaction 0 = unknown (NULL) */
	int subscriber;                /* has a running subscription (renewals) */
	int cohort; /* 3..5: welcomed by that month's upsell campaign; else -1 */
};

struct order {
	int64_t id; /* set when written */
	int64_t customer, placed_at, amount, cogs;
	const char *source;
	int64_t agent, campaign; /* NONE when not attributed */
	const char *code;        /* discount code or NULL */
};

struct renewal {
	int64_t id; /* set when written */
	int64_t customer, amount;
	int64_t due, to_support, recovered_on; /* day numbers or NONE */
	const char *recovered_by;              /* NULL, "dunning" or "support" */
	int64_t agent;
	int order_ix; /* index into world.orders or -1 */
};

struct contact {
	int64_t campaign, customer, agent, contacted_at;
	int responded;
	int order_ix, renewal_ix; /* -1 when none */
};

enum { N_MONTHS = 6 };

struct world {
	sqlite3 *db;
	struct agent *agents;
	int nagents;
	struct customer *customers; /* sorted by created_at; id = index + 1 */
	int ncustomers;
	struct order *orders;
	int norders, caporders;
	int nregular; /* orders[0 .. nregular-1] are shop/subscription orders */
	struct renewal *renewals;
	int nrenewals, caprenewals;
	struct contact *contacts;
	int ncontacts, capcontacts;
	int64_t camp_upsell[3], camp_winback[3]; /* Jan, Feb, Mar 2022 */
	int64_t camp_discount, camp_notify;
};

int add_order(struct world *w, const struct order *o);
int add_renewal(struct world *w, const struct renewal *r);
void add_contact(struct world *w, const struct contact *c);
void world_free(struct world *w);

/* Customers created at or before t: the first n of w->customers. */
int customers_by(const struct world *w, int64_t t);
/* A uniformly chosen customer (index) created at or before t. */
int pick_customer(const struct world *w, rng *r, int64_t t);
/* Whether agent a is employed on the given day. */
int agent_active(const struct agent *a, int64_t day);
int64_t cogs_of(rng *r, int64_t amount); /* about 40 % of amount */
/* Spreads a total over n amounts: each starts at base[i] and gains between
 * 0 and cap[i]; fails (returns -1) when the total cannot be reached. */
int fit_total(rng *r, int64_t *amount, const int64_t *base, const int64_t *cap, int n, int64_t total);
/* n prices drawn from tiers (by weight) plus up to tax_bp of tax each; with
 * total >= 0 they are nudged between tiers and the tax spread so that they
 * sum to exactly total. */
void priced(rng *r, const int64_t *tiers, const int *tier_w, int ntiers, int tax_bp, int n, int64_t total,
	    int64_t *out);
/* Marks exactly k of the n flags (first set by chance, then adjusted). */
void exactly_k(rng *r, int *flag, int n, int k);

/* ---- names.c ----------------------------------------------------------- */
typedef struct email_set email_set;
email_set *email_set_new(void);
void email_set_free(email_set *e);
/* A person's display name and a unique e-mail address for it. */
void make_person(rng *r, email_set *e, char *name, size_t namelen, char *email, size_t emaillen);

/* ---- the generators, in the order mksample runs them ------------------- */
void gen_agents(struct world *w);
void gen_customers(struct world *w);
void gen_campaigns(struct world *w);
void gen_regular_orders(struct world *w);
void gen_discount_orders(struct world *w);
void gen_upsell(struct world *w);
void gen_renewals(struct world *w); /* and the win-back contacts and orders */
void write_orders_contacts_renewals(struct world *w);
void gen_returns(struct world *w);
void gen_claims(struct world *w);
void gen_tickets(struct world *w);
/* timeline.c: a ticket's conversation, as its fields say it went. */
struct tl_ticket {
	int64_t id, agent, created, frt, resolved, first_resolved; /* NONE when not */
	int replies, reopened, csat;                                 /* csat -1: none */
	const char *status;
};
struct tl_writer;
struct tl_writer *tl_open(sqlite3 *db);
void tl_write(struct tl_writer *tw, const struct tl_ticket *t);
void tl_close(struct tl_writer *tw);
/* satisfaction.c: the customers' scores follow their ratings, with history. */
void gen_satisfaction(struct world *w);
void gen_books(struct world *w); /* costs, settings, notify channels */

/* ---- verify.c ---------------------------------------------------------- */
/* Checks every figure the sample promises; prints the P&L; returns the
 * number of failed checks (each explained on stderr). */
int verify(sqlite3 *db);

#endif
