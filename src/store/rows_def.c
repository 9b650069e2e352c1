/* rows_def.c — the importable tables, described once.
 *
 * Import reads these to know which CSV columns a table has and how to read
 * each; export writes them in this order; the writer (rows_write.c) builds
 * its SQL from them.  A column added to the schema is importable once it is
 * listed here (and documented in cxtop(5), NATIVE CSV).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cxtop/store_rows.h"

#define N(a) (sizeof a / sizeof a[0])

static const char *const channels[] = {"email", "chat", "phone", "social", "sms", NULL};
static const char *const ticket_status[] = {"new", "open", "pending", "solved", "closed", NULL};
static const char *const attributions[] = {"shop", "subscription", "upsell", "winback", "discount_code", NULL};
static const char *const return_kinds[] = {"return", "exchange", NULL};
static const char *const campaign_kinds[] = {"upsell", "winback", "notification", "discount", NULL};
static const char *const recovered_by[] = {"dunning", "support", NULL};
static const char *const claim_kinds[] = {"lost", "damaged", NULL};
static const char *const claim_status[] = {"draft", "filed", "approved", "denied", "paid", NULL};
static const char *const priorities[] = {"low", "normal", "high", "urgent", NULL};
static const char *const cost_kinds[] = {"staff", "platform", "other", NULL};

/* Column shorthands, to keep each table one screen. */
#define ID {.name = "id", .kind = CX_COL_ID}
#define SOURCE {.name = "source", .kind = CX_COL_SOURCE, .defaulted = true}, {.name = "source_id", .kind = CX_COL_SOURCE_ID}
#define TEXT(n, req, len) {.name = n, .kind = CX_COL_TEXT, .required = req, .max = len}
#define ENUM(n, req, v) {.name = n, .kind = CX_COL_ENUM, .required = req, .values = v}
#define INT(n, req, lo, hi) {.name = n, .kind = CX_COL_INT, .required = req, .min = lo, .max = hi}
#define MONEY(n, req) {.name = n, .kind = CX_COL_MONEY, .required = req}
#define MONEY_D(n) {.name = n, .kind = CX_COL_MONEY, .defaulted = true}
#define INSTANT(n, req) {.name = n, .kind = CX_COL_INSTANT, .required = req}
#define DATE(n, req) {.name = n, .kind = CX_COL_DATE, .required = req}
#define BOOL(n) {.name = n, .kind = CX_COL_BOOL, .defaulted = true}
#define REF(n, req, t) {.name = n, .kind = CX_COL_REF, .required = req, .ref = t}
#define LOOKUP(n, t, col) {.name = n, .kind = CX_COL_LOOKUP, .ref = t, .fills = col}
#define HINT(n) {.name = n, .kind = CX_COL_HINT}
/* A customer or agent by id or by natural key, and what to create it with. */
#define CUSTOMER(req) REF("customer_id", req, "customers"), LOOKUP("customer", "customers", "customer_id"), HINT("customer_name")
#define AGENT REF("agent_id", false, "agents"), LOOKUP("agent", "agents", "agent_id"), HINT("agent_team")
#define ORDER(req) REF("order_id", req, "orders"), LOOKUP("order", "orders", "order_id")

static const cx_col agents[] = {
	ID, SOURCE,
	TEXT("name", true, 200),
	TEXT("email", false, 320),
	TEXT("team", true, 100),
	TEXT("discount_code", false, 32),
	MONEY_D("monthly_cost"),
	DATE("hired_on", true),
	DATE("left_on", false),
};

static const cx_col customers[] = {
	ID, SOURCE,
	TEXT("name", true, 200),
	TEXT("email", false, 320),
	{.name = "segment", .kind = CX_COL_TEXT, .max = 100, .defaulted = true},
	BOOL("blacklisted"),
	INT("satisfaction", false, 1, 10),
	INSTANT("created_at", true),
};

static const cx_col tickets[] = {
	ID, SOURCE,
	CUSTOMER(true),
	AGENT,
	ENUM("channel", true, channels),
	TEXT("channel_src", false, 100),
	{.name = "topic", .kind = CX_COL_TEXT, .required = true, .max = 200, .dflt = "unspecified"},
	{.name = "complexity", .kind = CX_COL_INT, .required = true, .min = 1, .max = 3, .dflt = "1"},
	INSTANT("created_at", true),
	INSTANT("first_response_at", false),
	INSTANT("resolved_at", false),
	/* Empty: resolved_at when first solved (schema.c, version 7). */
	INSTANT("first_resolved_at", false),
	ENUM("status", true, ticket_status),
	TEXT("status_src", false, 100),
	INT("csat", false, 0, 10),
	{.name = "csat_scale", .kind = CX_COL_SCALE, .defaulted = true},
	{.name = "replies", .kind = CX_COL_INT, .max = 1000000, .defaulted = true},
	{.name = "reopened", .kind = CX_COL_INT, .max = 1000000, .defaulted = true},
	ENUM("priority", false, priorities),
	/* The waits a help desk computed, in whole minutes (schema 9): used
	 * for a ticket whose timeline does not say. */
	INT("requester_wait_min", false, 0, 100000000),
	INT("agent_wait_min", false, 0, 100000000),
	INT("requester_wait_business_min", false, 0, 100000000),
	INT("agent_wait_business_min", false, 0, 100000000),
};

static const cx_col orders[] = {
	ID, SOURCE,
	CUSTOMER(true),
	INSTANT("placed_at", true),
	MONEY("amount", true),
	MONEY_D("cogs"),
	{.name = "attribution", .kind = CX_COL_ENUM, .required = true, .values = attributions, .dflt = "shop"},
	AGENT,
	REF("campaign_id", false, "campaigns"),
	LOOKUP("campaign", "campaigns", "campaign_id"),
	TEXT("discount_code", false, 32),
	/* A code from a shop's export: when it is an agent's, it is this
	 * order's discount_code and credits the agent; a shop's own promotion
	 * code is not support's and is left out. */
	HINT("agent_code"),
};

static const cx_col returns[] = {
	ID, SOURCE,
	ORDER(true),
	ENUM("kind", true, return_kinds),
	MONEY("cost", true),
	INSTANT("created_at", true),
};

static const cx_col campaigns[] = {
	ID, SOURCE,
	TEXT("name", true, 100),
	ENUM("kind", true, campaign_kinds),
	ENUM("channel", true, channels),
	DATE("starts_on", true),
	DATE("ends_on", false),
	MONEY_D("cost_per_contact"),
	{.name = "target_rate", .sql = "target_rate_bp", .kind = CX_COL_BP, .defaulted = true},
	{.name = "discount", .sql = "discount_bp", .kind = CX_COL_BP, .defaulted = true},
	INT("renewal_day", false, 1, 28),
	INT("dunning_days", false, 0, 60),
	INT("handoff_day", false, 1, 28),
	BOOL("archived"),
};

static const cx_col contacts[] = {
	ID, SOURCE,
	REF("campaign_id", true, "campaigns"),
	LOOKUP("campaign", "campaigns", "campaign_id"),
	CUSTOMER(true),
	AGENT,
	INSTANT("contacted_at", true),
	BOOL("responded"),
	ORDER(false),
	REF("renewal_id", false, "renewals"),
	LOOKUP("renewal", "renewals", "renewal_id"),
};

static const cx_col renewals[] = {
	ID, SOURCE,
	CUSTOMER(true),
	DATE("due_on", true),
	MONEY("amount", true),
	DATE("failed_on", true),
	DATE("to_support_on", false),
	ENUM("recovered_by", false, recovered_by),
	DATE("recovered_on", false),
	AGENT,
	ORDER(false),
};

static const cx_col claims[] = {
	ID, SOURCE,
	TEXT("carrier", true, 100),
	TEXT("tracking_no", true, 100),
	ORDER(false),
	ENUM("kind", true, claim_kinds),
	DATE("opened_on", true),
	DATE("filed_on", false),
	DATE("deadline_on", true),
	ENUM("status", true, claim_status),
	MONEY("claimed", true),
	MONEY_D("recovered"),
	DATE("resolved_on", false),
	AGENT,
};

static const cx_col costs[] = {
	ID, SOURCE,
	{.name = "month", .kind = CX_COL_MONTH, .required = true},
	ENUM("kind", true, cost_kinds),
	MONEY("amount", true),
	{.name = "note", .kind = CX_COL_TEXT, .max = 200, .defaulted = true},
};

static const cx_col notify[] = {
	ID, SOURCE,
	TEXT("name", true, 200),
	{.name = "currency", .kind = CX_COL_TEXT, .required = true, .min = 3, .max = 3},
	MONEY("cost_min", false),
	MONEY("cost_max", false),
	{.name = "buyout_min", .sql = "buyout_min_bp", .kind = CX_COL_SBP, .required = true},
	{.name = "buyout_max", .sql = "buyout_max_bp", .kind = CX_COL_SBP, .required = true},
	{.name = "note", .kind = CX_COL_TEXT, .max = 200, .defaulted = true},
};

/* Settings are key and value; import reads each key's value by its own
 * rule (src/import/settings.c). */
static const cx_col settings[] = {
	TEXT("key", true, 64),
	TEXT("value", true, 1000),
};

#define TABLE(n, s, c, d, ...) {.name = n, .sql = s, .cols = c, .ncols = N(c), .date_col = d, __VA_ARGS__}

static const cx_table_def tables[] = {
	TABLE("settings", "settings", settings, NULL, .natural = {{"key"}}),
	TABLE("agents", "agents", agents, "hired_on", .natural = {{"email"}, {"name"}}),
	TABLE("customers", "customers", customers, "created_at", .natural = {{"email"}}),
	TABLE("campaigns", "campaigns", campaigns, "starts_on", .natural = {{"name"}}, .touch = "updated_at"),
	TABLE("orders", "orders", orders, "placed_at"),
	TABLE("returns", "returns", returns, "created_at"),
	TABLE("renewals", "renewals", renewals, "due_on"),
	TABLE("contacts", "campaign_contacts", contacts, "contacted_at",
	      .natural = {{"campaign_id", "customer_id"}}),
	TABLE("tickets", "tickets", tickets, "created_at"),
	TABLE("claims", "carrier_claims", claims, "opened_on", .natural = {{"carrier", "tracking_no"}}),
	TABLE("costs", "costs", costs, NULL, .natural = {{"month", "kind", "note"}}),
	TABLE("notify", "notify_channels", notify, NULL, .natural = {{"name"}}),
};

const cx_table_def *cx_table_all(size_t *n)
{
	*n = N(tables);
	return tables;
}

const cx_table_def *cx_table_find(const char *name)
{
	for (size_t i = 0; i < N(tables); i++)
		if (strcmp(tables[i].name, name) == 0 || strcmp(tables[i].sql, name) == 0)
			return &tables[i];
	return NULL;
}

int cx_table_col(const cx_table_def *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *cx_table_names(void)
{
	/* Written once from the list above, so that a new table is named. */
	static char names[256];
	if (!names[0])
		for (size_t i = 0, n = 0; i < N(tables); i++)
			n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", tables[i].name);
	return names;
}

bool cx_col_stored(const cx_col *c)
{
	return c->kind != CX_COL_LOOKUP && c->kind != CX_COL_HINT;
}

const char *cx_col_sql(const cx_col *c)
{
	return c->sql ? c->sql : c->name;
}
