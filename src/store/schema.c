/* schema.c — the store's schema and its migrations.
 *
 * The schema is versioned with PRAGMA user_version.  migrations[i] takes a
 * store from version i to version i+1; a new store runs them all.  Never edit
 * a migration that has shipped: add the next one.
 *
 * Conventions (documented in cxtop(5)):
 *   - money is INTEGER minor units (cents), never REAL;
 *   - instants (*_at) are INTEGER unix seconds, UTC;
 *   - calendar dates (*_on) are TEXT 'YYYY-MM-DD', checked with date();
 *   - percentages are INTEGER basis points (1 % = 100 bp);
 *   - CHECK constraints and foreign keys keep bad rows out whichever door
 *     they come through: the UI, an import, or someone's sqlite3 shell.
 */
#include "schema.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cxtop/xalloc.h"

/* A calendar date column: NULL or a real 'YYYY-MM-DD' date.  date() alone
 * lets '2021-02-30' through; a '+0 days' modifier normalises it to March,
 * so the comparison fails for days a month does not have. */
#define DATE_OK(c) "(" c " IS NULL OR date(" c ", '+0 days') IS " c ")"
/* Integer money / counts that may not be negative. */
#define MONEY(c) "typeof(" c ") = 'integer' AND " c " >= 0"
#define BP(c) "typeof(" c ") = 'integer' AND " c " BETWEEN 0 AND 10000"

static const char v1[] =
	"CREATE TABLE agents ("
	"  id            INTEGER PRIMARY KEY,"
	"  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  team          TEXT NOT NULL CHECK (length(trim(team)) > 0),"
	"  discount_code TEXT UNIQUE CHECK (discount_code IS NULL OR length(discount_code) BETWEEN 3 AND 32),"
	"  monthly_cost  INTEGER NOT NULL DEFAULT 0 CHECK (" MONEY("monthly_cost") "),"
	"  hired_on      TEXT NOT NULL CHECK (" DATE_OK("hired_on") "),"
	"  left_on       TEXT CHECK (" DATE_OK("left_on") " AND (left_on IS NULL OR left_on >= hired_on))"
	");"

	"CREATE TABLE customers ("
	"  id           INTEGER PRIMARY KEY,"
	"  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  email        TEXT UNIQUE CHECK (email IS NULL OR email LIKE '%_@_%'),"
	"  segment      TEXT NOT NULL DEFAULT 'standard' CHECK (length(segment) > 0),"
	"  blacklisted  INTEGER NOT NULL DEFAULT 0 CHECK (blacklisted IN (0, 1)),"
	"  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10),"
	"  created_at   INTEGER NOT NULL CHECK (typeof(created_at) = 'integer')"
	");"
	"CREATE INDEX customers_satisfaction ON customers (satisfaction);"

	/* One row per ticket.  replies counts the agent's public replies, which
	 * is what one-touch resolution is measured on; reopened counts how many
	 * times the customer reopened it after it was solved. */
	"CREATE TABLE tickets ("
	"  id                INTEGER PRIMARY KEY,"
	"  customer_id       INTEGER NOT NULL REFERENCES customers (id),"
	"  agent_id          INTEGER REFERENCES agents (id),"
	"  channel           TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'social', 'sms')),"
	"  topic             TEXT NOT NULL CHECK (length(topic) > 0),"
	"  complexity        INTEGER NOT NULL CHECK (complexity BETWEEN 1 AND 3),"
	"  created_at        INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),"
	"  first_response_at INTEGER CHECK (first_response_at IS NULL OR"
	"                      (typeof(first_response_at) = 'integer' AND first_response_at >= created_at)),"
	"  resolved_at       INTEGER CHECK (resolved_at IS NULL OR"
	"                      (typeof(resolved_at) = 'integer' AND resolved_at >= created_at)),"
	"  status            TEXT NOT NULL CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),"
	"  csat              INTEGER CHECK (csat IS NULL OR csat BETWEEN 0 AND 10),"
	"  replies           INTEGER NOT NULL DEFAULT 0 CHECK (replies >= 0),"
	"  reopened          INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),"
	/* A ticket is solved exactly when it has a resolution time. */
	"  CHECK ((status IN ('solved', 'closed')) = (resolved_at IS NOT NULL)),"
	/* A reply implies a first response. */
	"  CHECK (replies = 0 OR first_response_at IS NOT NULL)"
	");"
	"CREATE INDEX tickets_created ON tickets (created_at);"
	"CREATE INDEX tickets_agent_created ON tickets (agent_id, created_at);"
	"CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at);"
	/* (resolved_at, created_at): the solved-in-a-period scans, and also the
	 * unresolved tickets (resolved_at IS NULL) in creation order and the
	 * backlog at a period's end, both as index ranges. */
	"CREATE INDEX tickets_resolved ON tickets (resolved_at, created_at);"

	"CREATE TABLE campaigns ("
	"  id               INTEGER PRIMARY KEY,"
	"  name             TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 100),"
	"  kind             TEXT NOT NULL CHECK (kind IN ('upsell', 'winback', 'notification', 'discount')),"
	"  channel          TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'social', 'sms')),"
	"  starts_on        TEXT NOT NULL CHECK (" DATE_OK("starts_on") "),"
	"  ends_on          TEXT CHECK (" DATE_OK("ends_on") " AND (ends_on IS NULL OR ends_on >= starts_on)),"
	"  cost_per_contact INTEGER NOT NULL DEFAULT 0 CHECK (" MONEY("cost_per_contact") "),"
	"  target_rate_bp   INTEGER NOT NULL DEFAULT 0 CHECK (" BP("target_rate_bp") "),"
	"  discount_bp      INTEGER NOT NULL DEFAULT 0 CHECK (" BP("discount_bp") "),"
	/* Win-back timing: renewals run on renewal_day, dunning retries for
	 * dunning_days, support gets the failed list on handoff_day. */
	"  renewal_day      INTEGER CHECK (renewal_day IS NULL OR renewal_day BETWEEN 1 AND 28),"
	"  dunning_days     INTEGER CHECK (dunning_days IS NULL OR dunning_days BETWEEN 0 AND 60),"
	"  handoff_day      INTEGER CHECK (handoff_day IS NULL OR handoff_day BETWEEN 1 AND 28),"
	"  archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
	"  updated_at       INTEGER NOT NULL DEFAULT 0"
	");"

	/* Orders.  source says why the order exists; the attributed sources are
	 * the ones support caused (upsell, winback, discount_code). */
	"CREATE TABLE orders ("
	"  id            INTEGER PRIMARY KEY,"
	"  customer_id   INTEGER NOT NULL REFERENCES customers (id),"
	"  placed_at     INTEGER NOT NULL CHECK (typeof(placed_at) = 'integer'),"
	"  amount        INTEGER NOT NULL CHECK (" MONEY("amount") "),"
	"  cogs          INTEGER NOT NULL DEFAULT 0 CHECK (" MONEY("cogs") "),"
	"  source        TEXT NOT NULL CHECK (source IN ('shop', 'subscription', 'upsell', 'winback', 'discount_code')),"
	"  agent_id      INTEGER REFERENCES agents (id),"
	"  campaign_id   INTEGER REFERENCES campaigns (id),"
	"  discount_code TEXT REFERENCES agents (discount_code),"
	"  CHECK (source NOT IN ('upsell', 'winback') OR campaign_id IS NOT NULL),"
	"  CHECK (source <> 'discount_code' OR discount_code IS NOT NULL)"
	");"
	"CREATE INDEX orders_source_placed ON orders (source, placed_at);"
	"CREATE INDEX orders_agent ON orders (agent_id, placed_at);"
	"CREATE INDEX orders_code ON orders (discount_code);"
	"CREATE INDEX orders_campaign ON orders (campaign_id);"

	"CREATE TABLE returns ("
	"  id         INTEGER PRIMARY KEY,"
	"  order_id   INTEGER NOT NULL REFERENCES orders (id),"
	"  kind       TEXT NOT NULL CHECK (kind IN ('return', 'exchange')),"
	"  cost       INTEGER NOT NULL CHECK (" MONEY("cost") "),"
	"  created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer')"
	");"
	"CREATE INDEX returns_created ON returns (created_at);"
	"CREATE INDEX returns_order ON returns (order_id);"

	/* One row per customer contacted by a campaign.  The conversion is the
	 * order (upsell) or renewal (win-back) it produced, so every dollar a
	 * campaign claims can be followed to the row behind it. */
	"CREATE TABLE campaign_contacts ("
	"  id           INTEGER PRIMARY KEY,"
	"  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),"
	"  customer_id  INTEGER NOT NULL REFERENCES customers (id),"
	"  agent_id     INTEGER REFERENCES agents (id),"
	"  contacted_at INTEGER NOT NULL CHECK (typeof(contacted_at) = 'integer'),"
	"  responded    INTEGER NOT NULL DEFAULT 0 CHECK (responded IN (0, 1)),"
	"  order_id     INTEGER REFERENCES orders (id),"
	"  renewal_id   INTEGER REFERENCES renewals (id),"
	"  UNIQUE (campaign_id, customer_id),"
	/* A conversion is always a response. */
	"  CHECK (responded = 1 OR (order_id IS NULL AND renewal_id IS NULL))"
	");"
	"CREATE INDEX contacts_campaign ON campaign_contacts (campaign_id, contacted_at);"
	"CREATE INDEX contacts_agent ON campaign_contacts (agent_id, contacted_at);"

	/* Failed subscription renewals and who recovered them.  Successful
	 * renewals are not stored: only the failures matter to support. */
	"CREATE TABLE renewals ("
	"  id             INTEGER PRIMARY KEY,"
	"  customer_id    INTEGER NOT NULL REFERENCES customers (id),"
	"  due_on         TEXT NOT NULL CHECK (" DATE_OK("due_on") "),"
	"  amount         INTEGER NOT NULL CHECK (" MONEY("amount") "),"
	"  failed_on      TEXT NOT NULL CHECK (" DATE_OK("failed_on") " AND failed_on >= due_on),"
	"  to_support_on  TEXT CHECK (" DATE_OK("to_support_on") " AND (to_support_on IS NULL OR to_support_on >= failed_on)),"
	"  recovered_by   TEXT CHECK (recovered_by IS NULL OR recovered_by IN ('dunning', 'support')),"
	"  recovered_on   TEXT CHECK (" DATE_OK("recovered_on") "),"
	"  agent_id       INTEGER REFERENCES agents (id),"
	"  order_id       INTEGER REFERENCES orders (id),"
	"  CHECK ((recovered_by IS NULL) = (recovered_on IS NULL)),"
	"  CHECK (recovered_by IS NOT 'support' OR (to_support_on IS NOT NULL AND order_id IS NOT NULL))"
	");"
	"CREATE INDEX renewals_due ON renewals (due_on);"

	"CREATE TABLE carrier_claims ("
	"  id          INTEGER PRIMARY KEY,"
	"  carrier     TEXT NOT NULL CHECK (length(trim(carrier)) > 0),"
	"  tracking_no TEXT NOT NULL CHECK (length(trim(tracking_no)) > 0),"
	"  order_id    INTEGER REFERENCES orders (id),"
	"  kind        TEXT NOT NULL CHECK (kind IN ('lost', 'damaged')),"
	"  opened_on   TEXT NOT NULL CHECK (" DATE_OK("opened_on") "),"
	"  filed_on    TEXT CHECK (" DATE_OK("filed_on") "),"
	"  deadline_on TEXT NOT NULL CHECK (" DATE_OK("deadline_on") "),"
	"  status      TEXT NOT NULL CHECK (status IN ('draft', 'filed', 'approved', 'denied', 'paid')),"
	"  claimed     INTEGER NOT NULL CHECK (" MONEY("claimed") "),"
	"  recovered   INTEGER NOT NULL DEFAULT 0 CHECK (" MONEY("recovered") "),"
	"  resolved_on TEXT CHECK (" DATE_OK("resolved_on") "),"
	"  agent_id    INTEGER REFERENCES agents (id),"
	"  UNIQUE (carrier, tracking_no),"
	"  CHECK ((status = 'draft') = (filed_on IS NULL)),"
	"  CHECK (recovered = 0 OR status = 'paid'),"
	"  CHECK ((status IN ('denied', 'paid')) = (resolved_on IS NOT NULL))"
	");"
	"CREATE INDEX claims_status ON carrier_claims (status, deadline_on);"
	"CREATE INDEX claims_resolved ON carrier_claims (resolved_on);"

	/* Monthly costs counted against support.  month is 'YYYY-MM'. */
	"CREATE TABLE costs ("
	"  id     INTEGER PRIMARY KEY,"
	"  month  TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND date(month || '-01', '+0 days') IS month || '-01'),"
	"  kind   TEXT NOT NULL CHECK (kind IN ('staff', 'platform', 'other')),"
	"  amount INTEGER NOT NULL CHECK (" MONEY("amount") "),"
	"  note   TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (month, kind, note)"
	");"

	/* Order-notification channels (cxtop(5): a cash-on-delivery shop's
	 * experiment).  Costs are in the channel's own currency; a NULL cost
	 * means the channel costs staff time rather than money. */
	"CREATE TABLE notify_channels ("
	"  id             INTEGER PRIMARY KEY,"
	"  name           TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
	"  currency       TEXT NOT NULL CHECK (length(currency) = 3),"
	"  cost_min       INTEGER CHECK (cost_min IS NULL OR (" MONEY("cost_min") ")),"
	"  cost_max       INTEGER CHECK (cost_max IS NULL OR (" MONEY("cost_max") " AND cost_max >= cost_min)),"
	"  buyout_min_bp  INTEGER NOT NULL CHECK (buyout_min_bp BETWEEN -10000 AND 10000),"
	"  buyout_max_bp  INTEGER NOT NULL CHECK (buyout_max_bp BETWEEN buyout_min_bp AND 10000),"
	"  note           TEXT NOT NULL DEFAULT ''"
	");"

	"CREATE TABLE settings ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  CHECK (key <> 'returns_liability_bp' OR"
	"         (value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*' AND CAST(value AS INTEGER) BETWEEN 0 AND 10000)),"
	"  CHECK (key <> 'currency' OR (length(value) = 3 AND value GLOB '[A-Z][A-Z][A-Z]'))"
	") WITHOUT ROWID;"

	/* One row per changed field.  The rows of one save share an edit
	 * number, so that `u` undoes the whole save; an undo is itself an edit
	 * (action 'undo'), and the edit it reverted records its number. */
	"CREATE TABLE audit ("
	"  id        INTEGER PRIMARY KEY,"
	"  edit      INTEGER NOT NULL,"
	"  at        INTEGER NOT NULL,"
	"  actor     TEXT NOT NULL CHECK (length(actor) > 0),"
	"  action    TEXT NOT NULL CHECK (action IN ('edit', 'add', 'archive', 'undo')),"
	"  entity    TEXT NOT NULL CHECK (entity IN ('campaigns', 'settings')),"
	"  row_id    TEXT NOT NULL,"
	"  field     TEXT NOT NULL,"
	"  old       TEXT,"
	"  new       TEXT,"
	"  undone_by INTEGER"
	");"
	"CREATE INDEX audit_edit ON audit (edit);"
	"CREATE INDEX audit_entity ON audit (entity, row_id);"

	"INSERT INTO settings (key, value) VALUES"
	"  ('returns_liability_bp', '1000'),"
	"  ('currency', 'USD'),"
	"  ('lost_customer_value', '24300');";

/* Version 2: rows that came from other systems.
 *
 * Every importable table gets source (the system a row came from: 'cxtop'
 * for cxtop's own rows) and source_id (that system's id for it), unique
 * together, so that importing the same export twice updates rows instead of
 * duplicating them.  orders.source, which said why an order exists, is
 * renamed attribution to make room.  Agents get an email (a help desk names
 * its agents by it); tickets keep the channel and status the source system
 * used before they were mapped to cxtop's five and five, and the scale the
 * customer rated on. */
#define SOURCE_COLS(t)                                                                                   \
	"ALTER TABLE " t " ADD COLUMN source TEXT NOT NULL DEFAULT 'cxtop'"                              \
	"  CHECK (length(source) BETWEEN 1 AND 64 AND source NOT GLOB '*[^a-z0-9._-]*');"                 \
	"ALTER TABLE " t " ADD COLUMN source_id TEXT"                                                    \
	"  CHECK (source_id IS NULL OR (typeof(source_id) = 'text' AND length(source_id) BETWEEN 1 AND 200));" \
	"CREATE UNIQUE INDEX " t "_source ON " t " (source, source_id) WHERE source_id IS NOT NULL;"

/* Tickets are rebuilt rather than altered: their lists of allowed values
 * are written as ORs, because SQLite checks "x IN (a, b, c)" by building a
 * temporary index for every row written, which made an import of a
 * million tickets spend a third of its time on it.  Nothing refers to
 * tickets, so the table can be dropped and renamed inside the migration's
 * transaction; ids, and so every figure, stay as they were. */
#define TICKET_COLS                                                                                      \
	"id, customer_id, agent_id, channel, topic, complexity, created_at, first_response_at,"          \
	" resolved_at, status, csat, replies, reopened"

static const char v2[] =
	"CREATE TABLE tickets_v2 ("
	"  id                INTEGER PRIMARY KEY,"
	"  customer_id       INTEGER NOT NULL REFERENCES customers (id),"
	"  agent_id          INTEGER REFERENCES agents (id),"
	"  channel           TEXT NOT NULL CHECK (channel = 'email' OR channel = 'chat' OR channel = 'phone'"
	"                      OR channel = 'social' OR channel = 'sms'),"
	"  topic             TEXT NOT NULL CHECK (length(topic) > 0),"
	"  complexity        INTEGER NOT NULL CHECK (complexity BETWEEN 1 AND 3),"
	"  created_at        INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),"
	"  first_response_at INTEGER CHECK (first_response_at IS NULL OR"
	"                      (typeof(first_response_at) = 'integer' AND first_response_at >= created_at)),"
	"  resolved_at       INTEGER CHECK (resolved_at IS NULL OR"
	"                      (typeof(resolved_at) = 'integer' AND resolved_at >= created_at)),"
	"  status            TEXT NOT NULL CHECK (status = 'new' OR status = 'open' OR status = 'pending'"
	"                      OR status = 'solved' OR status = 'closed'),"
	"  csat              INTEGER CHECK (csat IS NULL OR csat BETWEEN 0 AND 10),"
	"  replies           INTEGER NOT NULL DEFAULT 0 CHECK (replies >= 0),"
	"  reopened          INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),"
	"  source            TEXT NOT NULL DEFAULT 'cxtop'"
	"                      CHECK (length(source) BETWEEN 1 AND 64 AND source NOT GLOB '*[^a-z0-9._-]*'),"
	"  source_id         TEXT CHECK (source_id IS NULL OR"
	"                      (typeof(source_id) = 'text' AND length(source_id) BETWEEN 1 AND 200)),"
	"  channel_src       TEXT CHECK (channel_src IS NULL OR length(channel_src) BETWEEN 1 AND 100),"
	"  status_src        TEXT CHECK (status_src IS NULL OR length(status_src) BETWEEN 1 AND 100),"
	"  csat_scale        TEXT NOT NULL DEFAULT '0-10' CHECK (csat_scale = '0-10' OR csat_scale = '1-10'"
	"                      OR csat_scale = '1-5' OR csat_scale = 'good-bad'),"
	"  CHECK ((status = 'solved' OR status = 'closed') = (resolved_at IS NOT NULL)),"
	"  CHECK (replies = 0 OR first_response_at IS NOT NULL)"
	");"
	"INSERT INTO tickets_v2 (" TICKET_COLS ") SELECT " TICKET_COLS " FROM tickets ORDER BY id;"
	"DROP TABLE tickets;"
	"ALTER TABLE tickets_v2 RENAME TO tickets;"
	"CREATE INDEX tickets_created ON tickets (created_at);"
	"CREATE INDEX tickets_agent_created ON tickets (agent_id, created_at);"
	"CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at);"
	"CREATE INDEX tickets_resolved ON tickets (resolved_at, created_at);"
	"CREATE UNIQUE INDEX tickets_source ON tickets (source, source_id) WHERE source_id IS NOT NULL;"
	"ALTER TABLE orders RENAME COLUMN source TO attribution;"
	SOURCE_COLS("agents")
	SOURCE_COLS("customers")
	SOURCE_COLS("orders")
	SOURCE_COLS("returns")
	SOURCE_COLS("campaigns")
	SOURCE_COLS("campaign_contacts")
	SOURCE_COLS("renewals")
	SOURCE_COLS("carrier_claims")
	SOURCE_COLS("costs")
	SOURCE_COLS("notify_channels")
	"ALTER TABLE agents ADD COLUMN email TEXT CHECK (email IS NULL OR email LIKE '%_@_%');"
	"CREATE UNIQUE INDEX agents_email ON agents (email);"
	/* Help desks and shops write the same address in different cases:
	 * lookups by email ignore case, through these. */
	"CREATE INDEX agents_email_nocase ON agents (email COLLATE NOCASE);"
	"CREATE INDEX customers_email_nocase ON customers (email COLLATE NOCASE);";

/* Version 3: history.  A row as first stored is what its columns said;
 * every later change to a ticket's or a claim's state is kept here by
 * triggers, whoever writes (an import, the UI, someone's sqlite3 shell),
 * with the values before and after and the moment the store learnt it.
 * A figure as of an earlier moment reads each row as it was then: the
 * values before its first change after that moment, else the row.  So a
 * report on October reads the same in March as it did in November, however
 * many tickets were reopened and claims paid since. */
static const char v3[] =
	"CREATE TABLE ticket_changes ("
	"  id               INTEGER PRIMARY KEY,"
	"  ticket_id        INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
	"  at               INTEGER NOT NULL,"
	"  status_before    TEXT NOT NULL,"
	"  status_after     TEXT NOT NULL,"
	"  resolved_before  INTEGER,"
	"  resolved_after   INTEGER,"
	"  reopened_before  INTEGER NOT NULL,"
	"  reopened_after   INTEGER NOT NULL,"
	"  replies_before   INTEGER NOT NULL,"
	"  replies_after    INTEGER NOT NULL,"
	"  csat_before      INTEGER,"
	"  csat_after       INTEGER,"
	"  agent_before     INTEGER,"
	"  agent_after      INTEGER"
	");"
	"CREATE INDEX ticket_changes_at ON ticket_changes (at);"
	"CREATE INDEX ticket_changes_ticket ON ticket_changes (ticket_id, at);"
	"CREATE TRIGGER tickets_history AFTER UPDATE OF status, resolved_at, reopened, replies, csat, agent_id"
	"  ON tickets"
	"  WHEN old.status IS NOT new.status OR old.resolved_at IS NOT new.resolved_at"
	"    OR old.reopened IS NOT new.reopened OR old.replies IS NOT new.replies"
	"    OR old.csat IS NOT new.csat OR old.agent_id IS NOT new.agent_id "
	"BEGIN"
	"  INSERT INTO ticket_changes (ticket_id, at, status_before, status_after, resolved_before, resolved_after,"
	"    reopened_before, reopened_after, replies_before, replies_after, csat_before, csat_after,"
	"    agent_before, agent_after)"
	"  VALUES (new.id, CAST(strftime('%s', 'now') AS INTEGER), old.status, new.status, old.resolved_at,"
	"    new.resolved_at, old.reopened, new.reopened, old.replies, new.replies, old.csat, new.csat,"
	"    old.agent_id, new.agent_id);"
	"END;"
	"CREATE TABLE claim_changes ("
	"  id               INTEGER PRIMARY KEY,"
	"  claim_id         INTEGER NOT NULL REFERENCES carrier_claims (id) ON DELETE CASCADE,"
	"  on_day           TEXT NOT NULL,"
	"  status_before    TEXT NOT NULL,"
	"  status_after     TEXT NOT NULL,"
	"  filed_before     TEXT,"
	"  filed_after      TEXT,"
	"  resolved_before  TEXT,"
	"  resolved_after   TEXT,"
	"  recovered_before INTEGER NOT NULL,"
	"  recovered_after  INTEGER NOT NULL"
	");"
	"CREATE INDEX claim_changes_claim ON claim_changes (claim_id, on_day);"
	"CREATE INDEX claim_changes_day ON claim_changes (on_day);"
	"CREATE TRIGGER claims_history AFTER UPDATE OF status, filed_on, resolved_on, recovered ON carrier_claims"
	"  WHEN old.status IS NOT new.status OR old.filed_on IS NOT new.filed_on"
	"    OR old.resolved_on IS NOT new.resolved_on OR old.recovered IS NOT new.recovered "
	"BEGIN"
	"  INSERT INTO claim_changes (claim_id, on_day, status_before, status_after, filed_before, filed_after,"
	"    resolved_before, resolved_after, recovered_before, recovered_after)"
	"  VALUES (new.id, date('now', 'localtime'), old.status, new.status, old.filed_on, new.filed_on,"
	"    old.resolved_on, new.resolved_on, old.recovered, new.recovered);"
	"END;";

/* Version 4: the hourly ticket rollups (rollup.c, ticket_facts.c).  The
 * facts every ticket KPI needs, packed per (kind, UTC hour): kind 0 holds
 * the tickets created in the hour, kind 1 those resolved in it.  cxtop
 * packs them; the triggers below, which fire for every writer (cxtop, an
 * import, someone's sqlite3 shell), only note which hours a write touched,
 * which costs one small lookup per row written.  Until cxtop packs such an
 * hour again, every reader takes that hour from the tickets themselves, so
 * a figure is exact whatever wrote last.  The BEFORE INSERT trigger notes
 * the hours of a row that an INSERT OR REPLACE is about to delete (SQLite
 * fires no delete trigger then). */
/* Notes one (kind, hour).  An upsert, not INSERT OR IGNORE: an outer
 * INSERT OR ROLLBACK (or ABORT, FAIL) would override a trigger's OR
 * IGNORE, never its ON CONFLICT DO NOTHING.  And no NOT EXISTS on the
 * same table: SQLite would copy such a SELECT into a temporary table first,
 * for every row written (four times the cost of the row itself). */
#define DIRTY(kind, at)                                                                         \
	"  INSERT INTO ticket_hours_dirty (kind, hour) SELECT " kind ", " at " / 3600"            \
	"    WHERE " at " IS NOT NULL ON CONFLICT DO NOTHING;"
/* The row an INSERT OR REPLACE is about to delete, by id or by source id. */
#define BY_ID(col) "(SELECT " col " FROM tickets WHERE id = new.id)"
#define BY_SOURCE(col)                                                                       \
	"(SELECT " col " FROM tickets WHERE source = new.source AND source_id = new.source_id" \
	" AND source_id IS NOT NULL)"
#define ROLLUP_INSERT_DELETE_TRIGGERS \
	"CREATE TRIGGER tickets_rollup_insert AFTER INSERT ON tickets BEGIN" \
	DIRTY("0", "new.created_at") \
	DIRTY("1", "new.resolved_at") \
	"END;" \
	"CREATE TRIGGER tickets_rollup_replace BEFORE INSERT ON tickets" \
	"  WHEN EXISTS (SELECT 1 FROM tickets WHERE id = new.id)" \
	"    OR (new.source_id IS NOT NULL AND EXISTS (SELECT 1 FROM tickets WHERE source = new.source" \
	"      AND source_id = new.source_id AND source_id IS NOT NULL)) BEGIN" \
	DIRTY("0", BY_ID("created_at")) \
	DIRTY("1", BY_ID("resolved_at")) \
	DIRTY("0", BY_SOURCE("created_at")) \
	DIRTY("1", BY_SOURCE("resolved_at")) \
	"END;" \
	"CREATE TRIGGER tickets_rollup_delete AFTER DELETE ON tickets BEGIN" \
	DIRTY("0", "old.created_at") \
	DIRTY("1", "old.resolved_at") \
	"END;"
/* The update trigger names the columns the facts are made of; version 5
 * adds priority (more_cols: ", priority"), version 7 first_resolved_at. */
#define ROLLUP_UPDATE_TRIGGER(more_cols) \
	"CREATE TRIGGER tickets_rollup_update AFTER UPDATE OF agent_id, channel, topic, complexity, created_at," \
	"  first_response_at, resolved_at, replies, reopened, csat, csat_scale" more_cols " ON tickets BEGIN" \
	DIRTY("0", "old.created_at") \
	DIRTY("1", "old.resolved_at") \
	DIRTY("0", "new.created_at") \
	DIRTY("1", "new.resolved_at") \
	"END;"
#define ROLLUP_TRIGGERS ROLLUP_INSERT_DELETE_TRIGGERS ROLLUP_UPDATE_TRIGGER("")
static const char v4[] =
	"CREATE TABLE ticket_hours ("
	"  kind    INTEGER NOT NULL CHECK (kind = 0 OR kind = 1),"
	"  hour    INTEGER NOT NULL,"
	"  tickets INTEGER NOT NULL,"
	"  facts   BLOB NOT NULL,"
	"  PRIMARY KEY (kind, hour)"
	") WITHOUT ROWID;"
	"CREATE TABLE ticket_hours_dirty ("
	"  kind    INTEGER NOT NULL,"
	"  hour    INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, hour)"
	") WITHOUT ROWID;"
	ROLLUP_TRIGGERS
	/* The attributed orders of a period, grouped by agent, read from the
	 * index alone (replacing the plain (attribution, placed_at) one). */
	"DROP INDEX orders_source_placed;"
	"CREATE INDEX orders_attribution ON orders (attribution, placed_at, agent_id, amount, cogs);"
	/* The dashboard counts the blacklisted: a few rows, indexed alone. */
	"CREATE INDEX customers_blacklisted ON customers (id) WHERE blacklisted = 1;"
	/* Every hour of an existing store is to be packed: cxtop does so right
	 * after the upgrade (store.c), with a progress bar. */
	"INSERT INTO ticket_hours_dirty (kind, hour)"
	"  SELECT DISTINCT 0, created_at / 3600 FROM tickets"
	"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL;";

/* Version 5: working hours and service levels.
 *
 * A ticket's priority, as the help desk set it (NULL when it set none).
 * Schedules (a zone, weekly intervals of wall-clock time, holidays), which
 * team works by which, and the SLA policies, tried in id order, are
 * written by `cxtop schedule load` as a whole, from a file cxtop has
 * checked; the CHECKs hold whoever writes.  The packed facts gain the
 * priority (format 3), so every hour is packed again after the upgrade;
 * the audit learns the action 'load' of the entity 'schedules'. */
#define PRIORITY_OK(c)                                                                                    \
	"(" c " IS NULL OR " c " = 'low' OR " c " = 'normal' OR " c " = 'high' OR " c " = 'urgent')"
#define SECONDS_OF_DAY(c) "typeof(" c ") = 'integer' AND " c " BETWEEN 0 AND 86400"
static const char v5[] =
	"ALTER TABLE tickets ADD COLUMN priority TEXT CHECK " PRIORITY_OK("priority") ";"
	"DROP TRIGGER tickets_rollup_update;"
	ROLLUP_UPDATE_TRIGGER(", priority")
	"INSERT INTO ticket_hours_dirty (kind, hour)"
	"  SELECT DISTINCT 0, created_at / 3600 FROM tickets"
	"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL"
	"  ON CONFLICT DO NOTHING;"

	"CREATE TABLE schedules ("
	"  id         INTEGER PRIMARY KEY,"
	"  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 100),"
	"  timezone   TEXT NOT NULL CHECK (length(timezone) BETWEEN 1 AND 64 AND timezone NOT GLOB '*..*'),"
	"  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default = 0 OR is_default = 1)"
	");"
	"CREATE UNIQUE INDEX schedules_one_default ON schedules (is_default) WHERE is_default = 1;"
	/* [start_s, end_s): seconds after local midnight of weekday (0 Monday). */
	"CREATE TABLE schedule_hours ("
	"  schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,"
	"  weekday     INTEGER NOT NULL CHECK (typeof(weekday) = 'integer' AND weekday BETWEEN 0 AND 6),"
	"  start_s     INTEGER NOT NULL CHECK (" SECONDS_OF_DAY("start_s") "),"
	"  end_s       INTEGER NOT NULL CHECK (" SECONDS_OF_DAY("end_s") " AND end_s > start_s),"
	"  PRIMARY KEY (schedule_id, weekday, start_s)"
	") WITHOUT ROWID;"
	"CREATE TABLE schedule_holidays ("
	"  schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,"
	"  on_day      TEXT NOT NULL CHECK (" DATE_OK("on_day") "),"
	"  name        TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 100),"
	"  PRIMARY KEY (schedule_id, on_day)"
	") WITHOUT ROWID;"
	"CREATE TABLE schedule_teams ("
	"  team        TEXT PRIMARY KEY CHECK (length(trim(team)) > 0),"
	"  schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE"
	");"
	/* priorities: a bit per low, normal, high, urgent (1, 2, 4, 8); channels:
	 * per email, chat, phone, social, sms (1 .. 16); 0 matches any.  Targets
	 * in seconds, NULL for none; business = 1 counts them in the team's
	 * working hours, 0 on the clock. */
	"CREATE TABLE sla_policies ("
	"  id          INTEGER PRIMARY KEY,"
	"  name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),"
	"  priorities  INTEGER NOT NULL DEFAULT 0 CHECK (typeof(priorities) = 'integer' AND priorities BETWEEN 0 AND 15),"
	"  channels    INTEGER NOT NULL DEFAULT 0 CHECK (typeof(channels) = 'integer' AND channels BETWEEN 0 AND 31),"
	"  first_reply INTEGER CHECK (first_reply IS NULL OR (typeof(first_reply) = 'integer' AND first_reply > 0)),"
	"  resolution  INTEGER CHECK (resolution IS NULL OR (typeof(resolution) = 'integer' AND resolution > 0)),"
	"  business    INTEGER NOT NULL DEFAULT 1 CHECK (business = 0 OR business = 1),"
	"  CHECK (first_reply IS NOT NULL OR resolution IS NOT NULL)"
	");"

	"CREATE TABLE audit_v5 ("
	"  id        INTEGER PRIMARY KEY,"
	"  edit      INTEGER NOT NULL,"
	"  at        INTEGER NOT NULL,"
	"  actor     TEXT NOT NULL CHECK (length(actor) > 0),"
	"  action    TEXT NOT NULL CHECK (action = 'edit' OR action = 'add' OR action = 'archive'"
	"              OR action = 'undo' OR action = 'load'),"
	"  entity    TEXT NOT NULL CHECK (entity = 'campaigns' OR entity = 'settings' OR entity = 'schedules'),"
	"  row_id    TEXT NOT NULL,"
	"  field     TEXT NOT NULL,"
	"  old       TEXT,"
	"  new       TEXT,"
	"  undone_by INTEGER"
	");"
	"INSERT INTO audit_v5 SELECT id, edit, at, actor, action, entity, row_id, field, old, new, undone_by"
	"  FROM audit ORDER BY id;"
	"DROP TABLE audit;"
	"ALTER TABLE audit_v5 RENAME TO audit;"
	"CREATE INDEX audit_edit ON audit (edit);"
	"CREATE INDEX audit_entity ON audit (entity, row_id);";

/* Version 6: the schema guards every writer.
 *
 * Foreign keys are a connection's setting, off in the sqlite3 shell, and
 * a CHECK that says "csat BETWEEN 0 AND 10" lets 9.5 in.  These triggers
 * hold whatever the connection: a reference must name an existing row; a
 * count, a rating or a day must be a whole number; an instant must lie in
 * 2000-2099 (so one mistyped year cannot move every report's default
 * period to 3170); money must stay within 1,000,000,000.00 (CX_MONEY_MAX),
 * so that sums over ten million rows cannot overflow; and a row that
 * others name cannot be deleted from under them.
 *
 * Each rule is written once, below, with $ where the row goes: "new." in
 * the triggers, nothing in the query that finds the rows an existing store
 * already holds against it.  The upgrade runs those queries first and
 * refuses a store that has any, saying how to find them
 * (cx_schema_guard_problems); the triggers are made from the same list
 * (guard_sql).  Like every migration, never edit a rule: add a version,
 * as version 7 did (guards_v7). */
#define INSTANT_RANGE "BETWEEN 946684800 AND 4102444799" /* 2000-01-01 .. 2099-12-31 UTC */
#define MONEY_MAX "100000000000"
#define G_REF(col, table, key) "($" col " IS NULL OR EXISTS (SELECT 1 FROM " table " WHERE " key " = $" col "))"
#define G_INSTANT(col) "($" col " IS NULL OR (typeof($" col ") = 'integer' AND $" col " " INSTANT_RANGE "))"
#define G_INT(col) "($" col " IS NULL OR typeof($" col ") = 'integer')"
#define G_MONEY(col) "($" col " IS NULL OR $" col " <= " MONEY_MAX ")"
#define AND " AND "

static const struct cx_guard guards[] = {
	{"agents", G_MONEY("monthly_cost"), "monthly_cost is over 1000000000.00"},
	{"customers", G_INSTANT("created_at"), "created_at is not an instant in 2000-2099"},
	{"customers", G_INT("satisfaction") AND G_INT("blacklisted"), "satisfaction or blacklisted is not a whole number"},
	{"tickets", G_REF("customer_id", "customers", "id"), "customer_id names no customer"},
	{"tickets", G_REF("agent_id", "agents", "id"), "agent_id names no agent"},
	{"tickets", G_INSTANT("created_at") AND G_INSTANT("first_response_at") AND G_INSTANT("resolved_at"),
	 "created_at, first_response_at or resolved_at is not an instant in 2000-2099"},
	{"tickets", G_INT("complexity") AND G_INT("csat") AND G_INT("replies") AND G_INT("reopened"),
	 "complexity, csat, replies or reopened is not a whole number"},
	{"campaigns", G_MONEY("cost_per_contact"), "cost_per_contact is over 1000000000.00"},
	{"campaigns", G_INT("renewal_day") AND G_INT("dunning_days") AND G_INT("handoff_day") AND G_INT("archived"),
	 "renewal_day, dunning_days, handoff_day or archived is not a whole number"},
	{"orders", G_REF("customer_id", "customers", "id"), "customer_id names no customer"},
	{"orders", G_REF("agent_id", "agents", "id"), "agent_id names no agent"},
	{"orders", G_REF("campaign_id", "campaigns", "id"), "campaign_id names no campaign"},
	{"orders", G_REF("discount_code", "agents", "discount_code"), "discount_code is the code of no agent"},
	{"orders", G_INSTANT("placed_at"), "placed_at is not an instant in 2000-2099"},
	{"orders", G_MONEY("amount") AND G_MONEY("cogs"), "amount or cogs is over 1000000000.00"},
	{"returns", G_REF("order_id", "orders", "id"), "order_id names no order"},
	{"returns", G_INSTANT("created_at"), "created_at is not an instant in 2000-2099"},
	{"returns", G_MONEY("cost"), "cost is over 1000000000.00"},
	{"campaign_contacts", G_REF("campaign_id", "campaigns", "id"), "campaign_id names no campaign"},
	{"campaign_contacts", G_REF("customer_id", "customers", "id"), "customer_id names no customer"},
	{"campaign_contacts", G_REF("agent_id", "agents", "id"), "agent_id names no agent"},
	{"campaign_contacts", G_REF("order_id", "orders", "id"), "order_id names no order"},
	{"campaign_contacts", G_REF("renewal_id", "renewals", "id"), "renewal_id names no renewal"},
	{"campaign_contacts", G_INSTANT("contacted_at"), "contacted_at is not an instant in 2000-2099"},
	{"renewals", G_REF("customer_id", "customers", "id"), "customer_id names no customer"},
	{"renewals", G_REF("agent_id", "agents", "id"), "agent_id names no agent"},
	{"renewals", G_REF("order_id", "orders", "id"), "order_id names no order"},
	{"renewals", G_MONEY("amount"), "amount is over 1000000000.00"},
	{"carrier_claims", G_REF("order_id", "orders", "id"), "order_id names no order"},
	{"carrier_claims", G_REF("agent_id", "agents", "id"), "agent_id names no agent"},
	{"carrier_claims", G_MONEY("claimed") AND G_MONEY("recovered"), "claimed or recovered is over 1000000000.00"},
	{"costs", G_MONEY("amount"), "amount is over 1000000000.00"},
	{"notify_channels", G_MONEY("cost_min") AND G_MONEY("cost_max"), "cost_min or cost_max is over 1000000000.00"},
};

/* A row others name stays: $ is "old." here. */
#define G_UNUSED(other, col) "NOT EXISTS (SELECT 1 FROM " other " WHERE " col " = $id)"
static const struct cx_guard delete_guards[] = {
	{"agents",
	 G_UNUSED("tickets", "agent_id") AND G_UNUSED("orders", "agent_id") AND G_UNUSED("campaign_contacts", "agent_id")
		 AND G_UNUSED("renewals", "agent_id") AND G_UNUSED("carrier_claims", "agent_id"),
	 "the agent has tickets, orders, contacts, renewals or claims"},
	{"customers",
	 G_UNUSED("tickets", "customer_id") AND G_UNUSED("orders", "customer_id")
		 AND G_UNUSED("campaign_contacts", "customer_id") AND G_UNUSED("renewals", "customer_id"),
	 "the customer has tickets, orders, contacts or renewals"},
	{"campaigns", G_UNUSED("orders", "campaign_id") AND G_UNUSED("campaign_contacts", "campaign_id"),
	 "the campaign has orders or contacts"},
	{"orders",
	 G_UNUSED("returns", "order_id") AND G_UNUSED("campaign_contacts", "order_id") AND G_UNUSED("renewals", "order_id")
		 AND G_UNUSED("carrier_claims", "order_id"),
	 "the order has returns, contacts, renewals or claims"},
	{"renewals", G_UNUSED("campaign_contacts", "renewal_id"), "the renewal has contacts"},
};

/* Version 7: the first resolution.
 *
 * resolved_at is the final resolution: a ticket reopened and solved again
 * moves it.  first_resolved_at keeps the first: the triggers below fill it
 * from resolved_at when a ticket is first solved, whoever writes (an
 * import, cxtop, someone's sqlite3 shell), and keep it afterwards (solving
 * again leaves it, writing NULL over it puts it back).  A writer that
 * knows the first resolution (a help desk's export) may give it instead,
 * within these rules.  For an existing store the upgrade takes it from
 * ticket_changes, the first resolution the history recorded (a value the
 * rules would refuse, such as one a later edit left after resolved_at, is
 * passed over), else from resolved_at.  The packed facts gain the first
 * resolution (format 4), so every hour is packed again after the
 * upgrade. */
#define G_NOT_AFTER(early, late) "($" early " IS NULL OR $" late " IS NULL OR $" early " <= $" late ")"
static const struct cx_guard guards_v7[] = {
	{"tickets", G_INSTANT("first_resolved_at"), "first_resolved_at is not an instant in 2000-2099"},
	{"tickets", G_NOT_AFTER("created_at", "first_resolved_at"), "first_resolved_at is before created_at"},
	{"tickets", G_NOT_AFTER("first_resolved_at", "resolved_at"), "first_resolved_at is after resolved_at"},
};

#define NGUARDS (sizeof guards / sizeof guards[0])
#define NDELETE_GUARDS (sizeof delete_guards / sizeof delete_guards[0])

/* Every version's rules, in order: a table's insert and update triggers
 * hold the rules of the lists up to the store's version. */
static const struct {
	const struct cx_guard *g;
	size_t n;
} rule_lists[] = {
	{guards, NGUARDS},
	{guards_v7, sizeof guards_v7 / sizeof guards_v7[0]},
};

/* Appends cond with each $ replaced by prefix. */
static void put_cond(char **out, size_t *len, size_t *cap, const char *cond, const char *prefix)
{
	for (const char *c = cond; *c; c++) {
		const char *piece = *c == '$' ? prefix : (const char[]){*c, '\0'};
		size_t n = strlen(piece);
		if (*len + n + 1 > *cap) {
			*cap = (*len + n + 1) * 2;
			*out = cx_xreallocarray(*out, *cap, 1);
		}
		memcpy(*out + *len, piece, n + 1);
		*len += n;
	}
}

static void put(char **out, size_t *len, size_t *cap, const char *text)
{
	put_cond(out, len, cap, text, "");
}

/* table's BEFORE INSERT (update false) or BEFORE UPDATE trigger, holding
 * the rules of rule_lists[0 .. nlists). */
static void put_table_guard(char **sql, size_t *len, size_t *cap, const char *table, bool update, size_t nlists)
{
	char head[160];
	snprintf(head, sizeof head, "CREATE TRIGGER guard_%s_%s BEFORE %s ON %s BEGIN ", table,
		 update ? "update" : "insert", update ? "UPDATE" : "INSERT", table);
	put(sql, len, cap, head);
	for (size_t l = 0; l < nlists; l++)
		for (size_t g = 0; g < rule_lists[l].n; g++) {
			const struct cx_guard *r = &rule_lists[l].g[g];
			if (strcmp(r->table, table) != 0)
				continue;
			char msg[160];
			snprintf(msg, sizeof msg, "SELECT RAISE(ABORT, '%s: %s') WHERE NOT (", table, r->message);
			put(sql, len, cap, msg);
			put_cond(sql, len, cap, r->cond, "new.");
			put(sql, len, cap, ");");
		}
	put(sql, len, cap, "END;");
}

/* The triggers of version 6, made once from the lists above. */
static const char *guard_sql(void)
{
	static char *sql;
	if (sql)
		return sql;
	size_t len = 0, cap = 0;
	static const char *const tables[] = {"agents",    "customers",         "tickets",  "campaigns",
					     "orders",    "returns",           "campaign_contacts", "renewals",
					     "carrier_claims", "costs",    "notify_channels"};
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (int w = 0; w < 2; w++)
			put_table_guard(&sql, &len, &cap, tables[t], w == 1, 1);
	for (size_t g = 0; g < NDELETE_GUARDS; g++) {
		char head[256];
		snprintf(head, sizeof head,
			 "CREATE TRIGGER guard_%s_delete BEFORE DELETE ON %s BEGIN SELECT RAISE(ABORT, '%s: cannot delete: %s')"
			 " WHERE NOT (",
			 delete_guards[g].table, delete_guards[g].table, delete_guards[g].table, delete_guards[g].message);
		put(&sql, &len, &cap, head);
		put_cond(&sql, &len, &cap, delete_guards[g].cond, "old.");
		put(&sql, &len, &cap, "); END;");
	}
	return sql;
}

/* The first resolution the history recorded: the resolved_at a ticket was
 * first stored with, else the first a change gave it (ids grow with time). */
#define FIRST_IN_HISTORY                                                                                    \
	"coalesce((SELECT c.resolved_before FROM ticket_changes c WHERE c.ticket_id = t.ticket_id"          \
	"            ORDER BY c.id LIMIT 1),"                                                              \
	"          (SELECT c.resolved_after FROM ticket_changes c WHERE c.ticket_id = t.ticket_id"           \
	"            AND c.resolved_after IS NOT NULL ORDER BY c.id LIMIT 1))"
#define FIRST_RESOLVED_OF "(SELECT at FROM temp.first_resolved f WHERE f.id = tickets.id)"
static const char v7_fill[] =
	"ALTER TABLE tickets ADD COLUMN first_resolved_at INTEGER;"
	/* Only the new column is written here, which no rule of version 6
	 * reads: its update trigger would triple the time for nothing. */
	"DROP TRIGGER guard_tickets_update;"
	"UPDATE tickets SET first_resolved_at = resolved_at WHERE resolved_at IS NOT NULL;"
	"CREATE TEMP TABLE first_resolved (id INTEGER PRIMARY KEY, at INTEGER);"
	"INSERT INTO temp.first_resolved (id, at)"
	"  SELECT t.ticket_id, " FIRST_IN_HISTORY " FROM (SELECT DISTINCT ticket_id FROM ticket_changes) t;"
	"UPDATE tickets SET first_resolved_at = " FIRST_RESOLVED_OF
	"  WHERE id IN (SELECT id FROM temp.first_resolved WHERE at IS NOT NULL)"
	"    AND " FIRST_RESOLVED_OF " BETWEEN max(created_at, 946684800) AND coalesce(resolved_at, 4102444799);"
	"DROP TABLE temp.first_resolved;"
	"DROP TRIGGER guard_tickets_insert;";
/* After the rules: fill it when a ticket is first solved; keep it. */
static const char v7_keep[] =
	"CREATE TRIGGER tickets_first_resolved_insert AFTER INSERT ON tickets"
	"  WHEN new.first_resolved_at IS NULL AND new.resolved_at IS NOT NULL "
	"BEGIN"
	"  UPDATE tickets SET first_resolved_at = new.resolved_at WHERE id = new.id;"
	"END;"
	"CREATE TRIGGER tickets_first_resolved_update AFTER UPDATE OF resolved_at, first_resolved_at ON tickets"
	"  WHEN new.first_resolved_at IS NULL AND coalesce(old.first_resolved_at, new.resolved_at) IS NOT NULL "
	"BEGIN"
	"  UPDATE tickets SET first_resolved_at = coalesce(old.first_resolved_at, new.resolved_at) WHERE id = new.id;"
	"END;"
	"DROP TRIGGER tickets_rollup_update;"
	ROLLUP_UPDATE_TRIGGER(", priority, first_resolved_at")
	"INSERT INTO ticket_hours_dirty (kind, hour)"
	"  SELECT DISTINCT 0, created_at / 3600 FROM tickets"
	"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL"
	"  ON CONFLICT DO NOTHING;";

/* Version 7 whole: the fill, the tickets' triggers holding the rules of
 * versions 6 and 7, and the triggers that keep the column. */
static const char *v7_sql(void)
{
	static char *sql;
	if (sql)
		return sql;
	size_t len = 0, cap = 0;
	put(&sql, &len, &cap, v7_fill);
	put_table_guard(&sql, &len, &cap, "tickets", false, 2);
	put_table_guard(&sql, &len, &cap, "tickets", true, 2);
	put(&sql, &len, &cap, v7_keep);
	return sql;
}

size_t cx_schema_guards(int version, const struct cx_guard **out)
{
	size_t i = version >= 7 ? 1 : 0;
	*out = rule_lists[i].g;
	return rule_lists[i].n;
}

char *cx_schema_guard_query(const struct cx_guard *g, bool count)
{
	char *sql = NULL;
	size_t len = 0, cap = 0;
	char head[160];
	snprintf(head, sizeof head, "SELECT %s FROM %s WHERE NOT (", count ? "count(*)" : "*", g->table);
	put(&sql, &len, &cap, head);
	put_cond(&sql, &len, &cap, g->cond, "");
	put(&sql, &len, &cap, ")");
	return sql;
}

/* Version 8: the customers' satisfaction history, kept by the store like
 * the tickets' (version 3), so that the watchlist of a past period is the
 * one it had then, with when each customer entered it.  A customer's
 * satisfaction as of an instant is the value before its first change
 * after it, else the row's.  The (satisfaction, created_at) index counts
 * the customers of each band who existed by a period's end from the
 * index alone. */
static const char v8[] =
	"CREATE TABLE customer_changes ("
	"  id                  INTEGER PRIMARY KEY,"
	"  customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
	"  at                  INTEGER NOT NULL,"
	"  satisfaction_before INTEGER,"
	"  satisfaction_after  INTEGER"
	");"
	"CREATE INDEX customer_changes_customer ON customer_changes (customer_id, at);"
	"CREATE INDEX customer_changes_at ON customer_changes (at);"
	"CREATE TRIGGER customers_history AFTER UPDATE OF satisfaction ON customers"
	"  WHEN old.satisfaction IS NOT new.satisfaction "
	"BEGIN"
	"  INSERT INTO customer_changes (customer_id, at, satisfaction_before, satisfaction_after)"
	"  VALUES (new.id, CAST(strftime('%s', 'now') AS INTEGER), old.satisfaction, new.satisfaction);"
	"END;"
	"DROP INDEX IF EXISTS customers_satisfaction;"
	"CREATE INDEX customers_satisfaction ON customers (satisfaction, created_at);";


/* Version 9: the ticket timeline.  A ticket's created_at is its first
 * event; ticket_events holds the rest, each with its instant: a customer
 * message, an agent's public reply, a status change (before and after),
 * a reopening, a rating given.  Whoever knows a ticket's conversation (the
 * sample, an import of one, someone's sqlite3 shell) writes its events;
 * the triggers below keep it for every writer that only changes the
 * ticket's fields, dating each event when the store learns of it, as the
 * history of version 3 does, so a past period never moves.  An increase
 * of replies by any number is one reply event: the write says only that
 * replies were made.  A store from before keeps what can be derived: each
 * first reply, at first_response_at.  Its status changes, later replies,
 * customer messages, reopen and rating times are not known, so the waits
 * of its tickets are unknown (cxtop(1)), not zero.
 *
 * The waits of solved tickets are packed with their facts (ticket_facts.c,
 * format 5): every hour is packed again.  Imports may carry the waits a
 * help desk computed (Zendesk's minutes, calendar and business): kept in
 * the *_wait_*min columns, used for a ticket whose timeline does not say.
 * SLA policies gain a next-reply target. */
#define TL_STATUS_OK(c)                                                                               \
	"(" c " IS NULL OR " c " = 'new' OR " c " = 'open' OR " c " = 'pending' OR " c " = 'hold' OR "   \
	c " = 'solved' OR " c " = 'closed')"
#define MINUTES_OK(c) "CHECK (" c " IS NULL OR (typeof(" c ") = 'integer' AND " c " >= 0))"
#define NOW "CAST(strftime('%s', 'now') AS INTEGER)"
#define EVENTS_DIRTY(row)                                                                  \
	DIRTY("1", "(SELECT resolved_at FROM tickets WHERE id = " row ".ticket_id)")
#define ROLLUP_COLS_V9 ", priority, first_resolved_at, requester_wait_min, agent_wait_min," \
	" requester_wait_business_min, agent_wait_business_min"
static const char v9[] =
	"CREATE TABLE ticket_events ("
	"  id            INTEGER PRIMARY KEY,"
	"  ticket_id     INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
	"  at            INTEGER NOT NULL CHECK (typeof(at) = 'integer'),"
	"  kind          TEXT NOT NULL CHECK (kind = 'message' OR kind = 'reply' OR kind = 'status'"
	"                  OR kind = 'reopened' OR kind = 'rated'),"
	"  status_before TEXT CHECK " TL_STATUS_OK("status_before") ","
	"  status_after  TEXT CHECK " TL_STATUS_OK("status_after") ","
	"  CHECK ((kind = 'status') = (status_before IS NOT NULL AND status_after IS NOT NULL)),"
	"  CHECK (kind = 'status' OR (status_before IS NULL AND status_after IS NULL))"
	");"
	"CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);"
	/* The whole timeline, created included, for anyone reading it by hand. */
	"CREATE VIEW ticket_timeline AS"
	"  SELECT id AS ticket_id, created_at AS at, 'created' AS kind, NULL AS status_before,"
	"    NULL AS status_after, 0 AS event_id FROM tickets"
	"  UNION ALL SELECT ticket_id, at, kind, status_before, status_after, id FROM ticket_events;"
	"CREATE TRIGGER tickets_timeline AFTER UPDATE OF status, replies, reopened, csat ON tickets"
	"  WHEN old.status IS NOT new.status OR new.replies > old.replies OR new.reopened > old.reopened"
	"    OR (new.csat IS NOT NULL AND old.csat IS NOT new.csat) "
	"BEGIN"
	"  INSERT INTO ticket_events (ticket_id, at, kind) SELECT new.id, " NOW ", 'reopened'"
	"    WHERE new.reopened > old.reopened;"
	"  INSERT INTO ticket_events (ticket_id, at, kind) SELECT new.id, " NOW ", 'reply'"
	"    WHERE new.replies > old.replies;"
	"  INSERT INTO ticket_events (ticket_id, at, kind, status_before, status_after)"
	"    SELECT new.id, " NOW ", 'status', old.status, new.status WHERE old.status IS NOT new.status;"
	"  INSERT INTO ticket_events (ticket_id, at, kind) SELECT new.id, " NOW ", 'rated'"
	"    WHERE new.csat IS NOT NULL AND old.csat IS NOT new.csat;"
	"END;"
	/* An event written or removed by hand changes the ticket's waits. */
	"CREATE TRIGGER ticket_events_rollup_insert AFTER INSERT ON ticket_events BEGIN" EVENTS_DIRTY("new") "END;"
	"CREATE TRIGGER ticket_events_rollup_delete AFTER DELETE ON ticket_events BEGIN" EVENTS_DIRTY("old") "END;"
	"CREATE TRIGGER ticket_events_rollup_update AFTER UPDATE ON ticket_events BEGIN"
	EVENTS_DIRTY("old") EVENTS_DIRTY("new") "END;"
	"INSERT INTO ticket_events (ticket_id, at, kind)"
	"  SELECT id, first_response_at, 'reply' FROM tickets WHERE first_response_at IS NOT NULL ORDER BY id;"
	"ALTER TABLE tickets ADD COLUMN requester_wait_min INTEGER " MINUTES_OK("requester_wait_min") ";"
	"ALTER TABLE tickets ADD COLUMN agent_wait_min INTEGER " MINUTES_OK("agent_wait_min") ";"
	"ALTER TABLE tickets ADD COLUMN requester_wait_business_min INTEGER "
	MINUTES_OK("requester_wait_business_min") ";"
	"ALTER TABLE tickets ADD COLUMN agent_wait_business_min INTEGER " MINUTES_OK("agent_wait_business_min") ";"
	"DROP TRIGGER tickets_rollup_update;"
	ROLLUP_UPDATE_TRIGGER(ROLLUP_COLS_V9)
	"CREATE TABLE sla_policies_v9 ("
	"  id          INTEGER PRIMARY KEY,"
	"  name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),"
	"  priorities  INTEGER NOT NULL DEFAULT 0 CHECK (typeof(priorities) = 'integer' AND priorities BETWEEN 0 AND 15),"
	"  channels    INTEGER NOT NULL DEFAULT 0 CHECK (typeof(channels) = 'integer' AND channels BETWEEN 0 AND 31),"
	"  first_reply INTEGER CHECK (first_reply IS NULL OR (typeof(first_reply) = 'integer' AND first_reply > 0)),"
	"  resolution  INTEGER CHECK (resolution IS NULL OR (typeof(resolution) = 'integer' AND resolution > 0)),"
	"  business    INTEGER NOT NULL DEFAULT 1 CHECK (business = 0 OR business = 1),"
	"  next_reply  INTEGER CHECK (next_reply IS NULL OR (typeof(next_reply) = 'integer' AND next_reply > 0)),"
	"  CHECK (first_reply IS NOT NULL OR resolution IS NOT NULL OR next_reply IS NOT NULL)"
	");"
	"INSERT INTO sla_policies_v9 (id, name, priorities, channels, first_reply, resolution, business)"
	"  SELECT id, name, priorities, channels, first_reply, resolution, business FROM sla_policies ORDER BY id;"
	"DROP TABLE sla_policies;"
	"ALTER TABLE sla_policies_v9 RENAME TO sla_policies;"
	/* An agent's team decides the schedule the waits were counted in. */
	"CREATE TRIGGER agents_team_waits AFTER UPDATE OF team ON agents WHEN old.team IS NOT new.team BEGIN"
	"  INSERT INTO ticket_hours_dirty (kind, hour) SELECT DISTINCT 1, resolved_at / 3600 FROM tickets"
	"    WHERE agent_id = new.id AND resolved_at IS NOT NULL ON CONFLICT DO NOTHING;"
	"END;"
	"INSERT INTO ticket_hours_dirty (kind, hour)"
	"  SELECT DISTINCT 0, created_at / 3600 FROM tickets"
	"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL"
	"  ON CONFLICT DO NOTHING;";
/* Version 10: the indexes that sort the long lists by any column at any
 * depth (src/store/query_pages.c).  A ticket column's index is (column,
 * created_at), so that a period's tickets of one channel, status, topic
 * or rating are one range in creation order; the first response's is on
 * the expression the list sorts by.  A customer column's index is the
 * expression the list sorts by (the id follows in every index). */
static const char v10[] =
	"CREATE INDEX tickets_channel_created ON tickets (channel, created_at);"
	"CREATE INDEX tickets_status_created ON tickets (status, created_at);"
	"CREATE INDEX tickets_topic_created ON tickets (topic, created_at);"
	"CREATE INDEX tickets_csat_created ON tickets (csat, created_at);"
	"CREATE INDEX tickets_frt_created ON tickets"
	"  (coalesce(first_response_at - created_at, 4611686018427387904), created_at);"
	"CREATE INDEX customers_name ON customers (name);"
	"CREATE INDEX customers_email_sort ON customers (coalesce(email, ''));"
	"CREATE INDEX customers_segment ON customers (segment);"
	"CREATE INDEX customers_score ON customers (coalesce(satisfaction, 0));"
	"CREATE INDEX customers_blacklist ON customers (blacklisted);";

/* Version 11: each customer's ticket count, kept by triggers whoever
 * writes, so that the Customers view sorts by it at any depth through one
 * index (before, every page counted every customer's tickets).  A row for
 * every customer, 0 until a ticket names them; each ticket inserted,
 * deleted or moved to another customer adds or takes one.  An INSERT OR
 * REPLACE deletes the row it replaces without a delete trigger, so the
 * BEFORE INSERT trigger notes that row's customer, and the insert's
 * trigger counts those customers' tickets again, after its own addition
 * (a note left by an insert that was then ignored only costs a count).
 * cxtop check compares the counts with the tickets; --repair counts them
 * again. */
#define ADD_TICKET(who, n) "  UPDATE customer_tickets SET tickets = tickets " n " WHERE customer_id = " who ";"
#define CUSTOMER_COUNT_TRIGGERS                                                                              \
	"CREATE TRIGGER customers_count_insert AFTER INSERT ON customers BEGIN"                              \
	"  INSERT INTO customer_tickets (customer_id, tickets) VALUES (new.id, 0) ON CONFLICT DO NOTHING;" \
	"END;"                                                                                               \
	"CREATE TRIGGER customers_count_delete AFTER DELETE ON customers BEGIN"                              \
	"  DELETE FROM customer_tickets WHERE customer_id = old.id;"                                         \
	"END;"                                                                                               \
	"CREATE TRIGGER customers_count_renumber AFTER UPDATE OF id ON customers BEGIN"                      \
	"  DELETE FROM customer_tickets WHERE customer_id = old.id;"                                         \
	"  INSERT INTO customer_tickets (customer_id, tickets)"                                              \
	"    VALUES (new.id, (SELECT count(*) FROM tickets WHERE customer_id = new.id)) ON CONFLICT DO NOTHING;" \
	"END;"                                                                                               \
	"CREATE TRIGGER tickets_count_replace BEFORE INSERT ON tickets"                                      \
	"  WHEN EXISTS (SELECT 1 FROM tickets WHERE id = new.id)"                                            \
	"    OR (new.source_id IS NOT NULL AND EXISTS (SELECT 1 FROM tickets WHERE source = new.source"      \
	"      AND source_id = new.source_id AND source_id IS NOT NULL)) BEGIN"                              \
	"  INSERT INTO customer_tickets_dirty (customer_id) SELECT customer_id FROM tickets"                 \
	"    WHERE id = new.id OR (new.source_id IS NOT NULL AND source = new.source"                        \
	"      AND source_id = new.source_id) ON CONFLICT DO NOTHING;"                                       \
	"END;"                                                                                               \
	"CREATE TRIGGER tickets_count_insert AFTER INSERT ON tickets BEGIN"                                  \
	ADD_TICKET("new.customer_id", "+ 1")                                                                 \
	"  UPDATE customer_tickets SET tickets = (SELECT count(*) FROM tickets t"                            \
	"    WHERE t.customer_id = customer_tickets.customer_id)"                                            \
	"    WHERE customer_id IN (SELECT customer_id FROM customer_tickets_dirty);"                         \
	"  DELETE FROM customer_tickets_dirty;"                                                              \
	"END;"                                                                                               \
	"CREATE TRIGGER tickets_count_delete AFTER DELETE ON tickets BEGIN"                                  \
	ADD_TICKET("old.customer_id", "- 1")                                                                 \
	"END;"                                                                                               \
	"CREATE TRIGGER tickets_count_move AFTER UPDATE OF customer_id ON tickets"                           \
	"  WHEN old.customer_id IS NOT new.customer_id BEGIN"                                                \
	ADD_TICKET("old.customer_id", "- 1") ADD_TICKET("new.customer_id", "+ 1")                            \
	"END;"
#define CUSTOMER_COUNT_FILL                                                                                 \
	"INSERT INTO customer_tickets (customer_id, tickets)"                                                \
	"  SELECT c.id, (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id) FROM customers c;"
static const char v11[] =
	"CREATE TABLE customer_tickets ("
	"  customer_id INTEGER PRIMARY KEY,"
	"  tickets     INTEGER NOT NULL"
	");"
	"CREATE INDEX customer_tickets_order ON customer_tickets (tickets, customer_id);"
	"CREATE TABLE customer_tickets_dirty (customer_id INTEGER PRIMARY KEY);"
	CUSTOMER_COUNT_FILL CUSTOMER_COUNT_TRIGGERS;

/* Version 12: the leaderboard's months (score_months.c).  Levels count every
 * point an agent ever earned, which summed the whole history on every
 * board.  A month's ticket events per agent are kept here as the tickets
 * stand now, under what judging them depends on (the targets, business
 * hours, the schedules and SLA policies); a board adds the kept months and
 * reads only the rest.  cxtop fills it as a writer, and throws away the
 * months of every hour it packs again (rollup.c), so a month is kept only
 * while nothing written since has touched its solved tickets. */
/* Orders and paid claims earn points too: a write that touches an
 * attributed order or a paid claim drops the kept months its day falls in
 * (a claim's day is a local date, so the months a day either side of it
 * too).  Months start at most 32 days before an instant in them, which
 * bounds the primary key's range. */
#define FORGET_MONTHS(at) \
	"  DELETE FROM score_months WHERE start_at > (" at ") - 2851200 AND start_at <= (" at ") + 86400" \
	"    AND end_at > (" at ") - 86400;"
#define ORDER_COUNTS(row) "(" row ".agent_id IS NOT NULL AND " row ".attribution IN ('upsell', 'winback', 'discount_code'))"
#define CLAIM_DAY(row) "CAST(strftime('%s', " row ".resolved_on) AS INTEGER)"
#define CLAIM_COUNTS(row) "(" row ".status = 'paid' AND " row ".agent_id IS NOT NULL AND " row ".resolved_on IS NOT NULL)"
#define SCORE_MONTH_TRIGGERS \
	/* The row an INSERT OR REPLACE is about to delete fires no delete \
	 * trigger: its months are dropped before. */ \
	"CREATE TRIGGER orders_months_replace BEFORE INSERT ON orders" \
	"  WHEN EXISTS (SELECT 1 FROM orders o WHERE (o.id = new.id OR (new.source_id IS NOT NULL" \
	"    AND o.source = new.source AND o.source_id = new.source_id)) AND " ORDER_COUNTS("o") ") BEGIN" \
	FORGET_MONTHS("(SELECT o.placed_at FROM orders o WHERE o.id = new.id AND " ORDER_COUNTS("o") ")") \
	FORGET_MONTHS("(SELECT o.placed_at FROM orders o WHERE new.source_id IS NOT NULL AND o.source = new.source" \
		      " AND o.source_id = new.source_id AND " ORDER_COUNTS("o") ")") "END;" \
	"CREATE TRIGGER claims_months_replace BEFORE INSERT ON carrier_claims" \
	"  WHEN EXISTS (SELECT 1 FROM carrier_claims c WHERE (c.id = new.id" \
	"    OR (c.carrier = new.carrier AND c.tracking_no = new.tracking_no)) AND " CLAIM_COUNTS("c") ") BEGIN" \
	FORGET_MONTHS("(SELECT " CLAIM_DAY("c") " FROM carrier_claims c WHERE c.id = new.id AND " CLAIM_COUNTS("c") ")") \
	FORGET_MONTHS("(SELECT " CLAIM_DAY("c") " FROM carrier_claims c WHERE c.carrier = new.carrier" \
		      " AND c.tracking_no = new.tracking_no AND " CLAIM_COUNTS("c") ")") "END;" \
	"CREATE TRIGGER orders_months_insert AFTER INSERT ON orders WHEN " ORDER_COUNTS("new") " BEGIN" \
	FORGET_MONTHS("new.placed_at") "END;" \
	"CREATE TRIGGER orders_months_delete AFTER DELETE ON orders WHEN " ORDER_COUNTS("old") " BEGIN" \
	FORGET_MONTHS("old.placed_at") "END;" \
	"CREATE TRIGGER orders_months_update AFTER UPDATE OF agent_id, attribution, amount, placed_at ON orders" \
	"  WHEN " ORDER_COUNTS("old") " OR " ORDER_COUNTS("new") " BEGIN" \
	FORGET_MONTHS("old.placed_at") FORGET_MONTHS("new.placed_at") "END;" \
	"CREATE TRIGGER claims_months_insert AFTER INSERT ON carrier_claims WHEN " CLAIM_COUNTS("new") " BEGIN" \
	FORGET_MONTHS(CLAIM_DAY("new")) "END;" \
	"CREATE TRIGGER claims_months_delete AFTER DELETE ON carrier_claims WHEN " CLAIM_COUNTS("old") " BEGIN" \
	FORGET_MONTHS(CLAIM_DAY("old")) "END;" \
	"CREATE TRIGGER claims_months_update AFTER UPDATE OF status, agent_id, resolved_on ON carrier_claims" \
	"  WHEN " CLAIM_COUNTS("old") " OR " CLAIM_COUNTS("new") " BEGIN" \
	FORGET_MONTHS(CLAIM_DAY("old")) FORGET_MONTHS(CLAIM_DAY("new")) "END;"
/* The customers of each satisfaction band (0: 6 or less, 1: 9 or 10, 2:
 * 7 or 8) and the blacklisted (3), per UTC day of their created_at: the
 * dashboard's watchlist counts at an instant are the days before it summed
 * and its own day counted (query_customers.c).  Kept by triggers whoever
 * writes.  An INSERT OR REPLACE deletes the rows it replaces (by id, or by
 * email) without a delete trigger, so the BEFORE INSERT trigger notes
 * their cells and the insert's trigger counts those cells again, after its
 * own addition. */
/* The packed hours' tickets per kind in all, kept by triggers on
 * ticket_hours (which only cxtop's packing writes, by upsert or delete):
 * the tickets of the hours before an instant are the total less the few
 * hours after it (ticket_facts.c cx_facts_count). */
#define HOURS_TOTAL_TRIGGERS                                                                                  \
	"CREATE TRIGGER ticket_hours_total_insert AFTER INSERT ON ticket_hours BEGIN"                        \
	"  UPDATE ticket_hours_totals SET tickets = tickets + new.tickets WHERE kind = new.kind;"             \
	"END;"                                                                                                \
	"CREATE TRIGGER ticket_hours_total_update AFTER UPDATE OF tickets ON ticket_hours BEGIN"              \
	"  UPDATE ticket_hours_totals SET tickets = tickets - old.tickets WHERE kind = old.kind;"             \
	"  UPDATE ticket_hours_totals SET tickets = tickets + new.tickets WHERE kind = new.kind;"             \
	"END;"                                                                                                \
	"CREATE TRIGGER ticket_hours_total_delete AFTER DELETE ON ticket_hours BEGIN"                        \
	"  UPDATE ticket_hours_totals SET tickets = tickets - old.tickets WHERE kind = old.kind;"             \
	"END;"
#define HOURS_TOTAL_FILL                                                                                     \
	"DELETE FROM ticket_hours_totals;"                                                                    \
	"INSERT INTO ticket_hours_totals (kind, tickets)"                                                     \
	"  VALUES (0, (SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = 0)),"                 \
	"         (1, (SELECT coalesce(sum(tickets), 0) FROM ticket_hours WHERE kind = 1));"
#define CUSTOMER_DAY(row) "((" row ".created_at - ((" row ".created_at % 86400) + 86400) % 86400) / 86400)"
#define BAND_OF(row)                                                                             \
	"(CASE WHEN " row ".satisfaction <= 6 THEN 0 WHEN " row ".satisfaction >= 9 THEN 1"       \
	" WHEN " row ".satisfaction IS NOT NULL THEN 2 END)"
#define BAND_ADD(row, n)                                                                                    \
	"  INSERT INTO customer_bands (band, day, customers) SELECT " BAND_OF(row) ", " CUSTOMER_DAY(row) ", " n \
	"    WHERE " row ".satisfaction IS NOT NULL ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;" \
	"  INSERT INTO customer_bands (band, day, customers) SELECT 3, " CUSTOMER_DAY(row) ", " n               \
	"    WHERE " row ".blacklisted = 1 ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;"
/* The exact count of one cell, from the customers (index ranges). */
#define BAND_CELL_COUNT(b, d)                                                                                 \
	"(SELECT count(*) FROM customers c WHERE c.created_at >= " d " * 86400 AND c.created_at < " d " * 86400 + 86400" \
	"  AND CASE " b " WHEN 3 THEN c.blacklisted = 1 ELSE " BAND_OF("c") " = " b " END)"
#define CUSTOMER_BAND_TRIGGERS                                                                              \
	"CREATE TRIGGER customers_bands_replace BEFORE INSERT ON customers"                                 \
	"  WHEN EXISTS (SELECT 1 FROM customers WHERE id = new.id)"                                         \
	"    OR (new.email IS NOT NULL AND EXISTS (SELECT 1 FROM customers WHERE email = new.email)) BEGIN"   \
	"  INSERT INTO customer_bands_dirty (band, day)"                                                    \
	"    SELECT " BAND_OF("c") ", " CUSTOMER_DAY("c") " FROM customers c"                              \
	"    WHERE (c.id = new.id OR c.email = new.email) AND c.satisfaction IS NOT NULL"                   \
	"    UNION SELECT 3, " CUSTOMER_DAY("c") " FROM customers c"                                        \
	"    WHERE (c.id = new.id OR c.email = new.email) AND c.blacklisted = 1"                            \
	"    ON CONFLICT DO NOTHING;"                                                                       \
	"END;"                                                                                              \
	"CREATE TRIGGER customers_bands_insert AFTER INSERT ON customers BEGIN"                             \
	BAND_ADD("new", "1")                                                                                \
	"  UPDATE customer_bands SET customers = " BAND_CELL_COUNT("customer_bands.band", "customer_bands.day") \
	"    WHERE (band, day) IN (SELECT band, day FROM customer_bands_dirty);"                            \
	"  DELETE FROM customer_bands_dirty;"                                                               \
	"END;"                                                                                              \
	"CREATE TRIGGER customers_bands_delete AFTER DELETE ON customers BEGIN"                             \
	BAND_ADD("old", "-1")                                                                               \
	"END;"                                                                                              \
	"CREATE TRIGGER customers_bands_update AFTER UPDATE OF satisfaction, blacklisted, created_at ON customers" \
	"  WHEN old.satisfaction IS NOT new.satisfaction OR old.blacklisted IS NOT new.blacklisted"         \
	"    OR old.created_at IS NOT new.created_at BEGIN"                                                 \
	BAND_ADD("old", "-1") BAND_ADD("new", "1")                                                          \
	"END;"
#define CUSTOMER_BAND_FILL                                                                                  \
	"INSERT INTO customer_bands (band, day, customers)"                                                 \
	"  SELECT " BAND_OF("c") ", " CUSTOMER_DAY("c") ", count(*) FROM customers c"                      \
	"  WHERE c.satisfaction IS NOT NULL GROUP BY 1, 2"                                                  \
	"  UNION ALL SELECT 3, " CUSTOMER_DAY("c") ", count(*) FROM customers c WHERE c.blacklisted = 1 GROUP BY 2;"
static const char v12[] =
	"CREATE TABLE score_months ("
	"  start_at INTEGER NOT NULL,"  /* the month's first instant, local midnight */
	"  end_at   INTEGER NOT NULL,"  /* the next month's */
	"  frt_s    INTEGER NOT NULL,"  /* the first-reply target judged by */
	"  sla_s    INTEGER NOT NULL,"  /* the resolution target */
	"  business INTEGER NOT NULL,"  /* 1: durations in business hours */
	"  clock    INTEGER NOT NULL,"  /* fingerprint of schedules, policies, teams */
	"  agent_id INTEGER NOT NULL,"  /* 0: the month's mark, kept even when empty */
	"  counts   BLOB NOT NULL,"
	"  PRIMARY KEY (start_at, frt_s, sla_s, business, clock, agent_id)"
	") WITHOUT ROWID;" SCORE_MONTH_TRIGGERS
	/* The tickets of each packed hour, read without its facts: the
	 * backlog is the tickets created before an instant less those solved
	 * before it, two sums over these (ticket_facts.c cx_facts_count). */
	"CREATE INDEX ticket_hours_counts ON ticket_hours (kind, hour, tickets);"
	"CREATE TABLE ticket_hours_totals ("
	"  kind    INTEGER PRIMARY KEY,"
	"  tickets INTEGER NOT NULL"
	");" HOURS_TOTAL_FILL HOURS_TOTAL_TRIGGERS
	"CREATE TABLE customer_bands ("
	"  band      INTEGER NOT NULL,"
	"  day       INTEGER NOT NULL,"
	"  customers INTEGER NOT NULL,"
	"  PRIMARY KEY (band, day)"
	") WITHOUT ROWID;"
	"CREATE TABLE customer_bands_dirty ("
	"  band INTEGER NOT NULL,"
	"  day  INTEGER NOT NULL,"
	"  PRIMARY KEY (band, day)"
	") WITHOUT ROWID;"
	CUSTOMER_BAND_FILL CUSTOMER_BAND_TRIGGERS;

static const char *const migrations[] = {
	v1,
	v2,
	v3,
	v4,
	v5,
	NULL, /* version 6: guard_sql(), made at run time from the rules above */
	NULL, /* version 7: v7_sql(), likewise */
	v8,
	v9,
	v10,
	v11,
	v12,
};

const char *cx_schema_migration(int from_version)
{
	if (from_version < 0 || (size_t)from_version >= sizeof migrations / sizeof migrations[0])
		return NULL;
	return from_version == 5 ? guard_sql() : from_version == 6 ? v7_sql() : migrations[from_version];
}

const char *cx_schema_rollup_triggers(void)
{
	return ROLLUP_INSERT_DELETE_TRIGGERS ROLLUP_UPDATE_TRIGGER(ROLLUP_COLS_V9) CUSTOMER_COUNT_TRIGGERS
		SCORE_MONTH_TRIGGERS CUSTOMER_BAND_TRIGGERS HOURS_TOTAL_TRIGGERS;
}

const char *cx_schema_customer_count_fill(void)
{
	return "DELETE FROM customer_tickets; DELETE FROM customer_tickets_dirty;" CUSTOMER_COUNT_FILL
	       "DELETE FROM customer_bands; DELETE FROM customer_bands_dirty;" CUSTOMER_BAND_FILL;
}

const char *cx_schema_hours_total_fill(void)
{
	return HOURS_TOTAL_FILL;
}

const char *cx_schema_customer_band_check(void)
{
	/* Cells whose kept count is not the customers' (a cell kept at 0 for
	 * customers gone is right). */
	return "SELECT (SELECT count(*) FROM customer_bands b WHERE b.customers <> " BAND_CELL_COUNT("b.band", "b.day") ")"
	       " + (SELECT count(*) FROM (SELECT " BAND_OF("c") " AS band, " CUSTOMER_DAY("c") " AS day FROM customers c"
	       "    WHERE c.satisfaction IS NOT NULL UNION SELECT 3, " CUSTOMER_DAY("c") " FROM customers c"
	       "    WHERE c.blacklisted = 1) x"
	       "    WHERE NOT EXISTS (SELECT 1 FROM customer_bands b WHERE b.band = x.band AND b.day = x.day))";
}
