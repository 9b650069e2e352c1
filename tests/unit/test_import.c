/* test_import.c — cxtop import on a real store: inserts, idempotent
 * re-imports, updates, rollback on a bad last row, references by natural
 * key, the unmapped-value report, and every mapping feature applied. */
#include "testutil.h"

#include <sqlite3.h>

#include "cxtop/import.h"
#include "cxtop/mapping.h"
#include "cxtop/store.h"

static char db_path[512];
static cx_store *st;
static char *errbuf;
static size_t errlen;
static FILE *errs;

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(tu_tmp_path(name), "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	static int n;
	char name[32];
	snprintf(name, sizeof name, "imp%d.db", n++);
	snprintf(db_path, sizeof db_path, "%s", tu_tmp_path(name));
	cx_error err = {0};
	st = cx_store_init(db_path, &err);
	assert_non_null(st);
	errs = open_memstream(&errbuf, &errlen);
	return 0;
}

static int teardown(void **state)
{
	cx_store_close(st);
	fclose(errs);
	free(errbuf);
	errbuf = NULL;
	return 0;
}

/* Runs one import of files (NUL-separated in one string? no: up to 3). */
static int import(const char *table, const char *file, const cx_mapping *map, cx_import_result *res, cx_error *err)
{
	char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path(file));
	char *files[] = {path};
	cx_import_opts o = {.table = table, .files = files, .nfiles = 1, .map = map, .tz = map ? NULL : "UTC", .errors_to = errs};
	return cx_import_run(st, &o, res, err);
}

static int64_t qi(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t v = -1;
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static char *qs(const char *sql)
{
	static char out[1024];
	sqlite3 *db;
	sqlite3_stmt *s;
	out[0] = '\0';
	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

static const char *errors(void)
{
	fflush(errs);
	return errbuf ? errbuf : "";
}

static void base_rows(void)
{
	cx_import_result r;
	cx_error err = {0};
	write_file("agents.csv", "name,email,team,discount_code,hired_on\n"
				 "Aino Virtanen,aino@example.com,Helsinki,AINO10,2021-03-01\n"
				 "Olga Petrova,olga@example.com,Riga,OLGA10,2021-04-01\n");
	assert_int_equal(import("agents", "agents.csv", NULL, &r, &err), 0);
	write_file("customers.csv", "name,email,created_at\nAnn Lee,ann@example.com,2021-12-01\n"
				    "Bob Ray,bob@example.com,2021-12-02 10:00\n");
	assert_int_equal(import("customers", "customers.csv", NULL, &r, &err), 0);
	write_file("campaigns.csv", "name,kind,channel,starts_on,cost_per_contact,target_rate\n"
				    "Welcome Feb,upsell,email,2022-02-01,1.50,20%\n");
	assert_int_equal(import("campaigns", "campaigns.csv", NULL, &r, &err), 0);
}

static void inserts_then_leaves_alone(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	assert_int_equal(import("agents", "agents.csv", NULL, &r, &err), 0);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(r.unchanged, 2);
	assert_int_equal(r.updated, 0);
	assert_int_equal(qi("SELECT count(*) FROM agents"), 2);
	assert_int_equal(qi("SELECT target_rate_bp FROM campaigns"), 2000);
	assert_int_equal(qi("SELECT cost_per_contact FROM campaigns"), 150);
	assert_int_equal(qi("SELECT created_at FROM customers WHERE email = 'bob@example.com'"), 1638439200);
}

static void updates_changed_rows(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("agents2.csv", "name,email,team,hired_on\nAino Virtanen,aino@example.com,Tampere,2021-03-01\n"
				  "Olga Petrova,olga@example.com,Riga,2021-04-01\n");
	assert_int_equal(import("agents", "agents2.csv", NULL, &r, &err), 0);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.unchanged, 1);
	assert_string_equal(qs("SELECT team FROM agents WHERE email = 'aino@example.com'"), "Tampere");
	/* A column the file does not give keeps its value. */
	assert_string_equal(qs("SELECT discount_code FROM agents WHERE email = 'aino@example.com'"), "AINO10");
}

static void hash_file(const char *path, unsigned char out[64])
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	memset(out, 0, 64);
	int c;
	size_t i = 0;
	uint64_t h = 1469598103934665603ull;
	while ((c = fgetc(f)) != EOF) {
		h = (h ^ (unsigned)c) * 1099511628211ull;
		out[i++ % 64] ^= (unsigned char)(h >> 24);
	}
	fclose(f);
}

static void a_bad_last_row_writes_nothing(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	cx_store_close(st);
	unsigned char before[64], after[64];
	hash_file(db_path, before);
	st = cx_store_open(db_path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	write_file("t.csv", "source_id,customer,agent,channel,created_at,status,resolved_at\n"
			    "1,ann@example.com,AINO10,email,2022-02-01 09:00,open,\n"
			    "2,new@example.com,Newbie,chat,2022-02-01 10:00,solved,2022-02-01 11:00\n"
			    "3,bob@example.com,Olga Petrova,phone,2022-02-01 12:00,solved,2022-02-01 11:00\n");
	assert_int_equal(import("tickets", "t.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(errors(), "t.csv:4:7: the store refuses this row: resolved_at is before created_at"));
	assert_non_null(strstr(err.msg, "nothing was written"));
	cx_store_close(st);
	hash_file(db_path, after);
	assert_memory_equal(before, after, 64);
	st = cx_store_open(db_path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	assert_int_equal(qi("SELECT count(*) FROM tickets"), 0);
	assert_int_equal(qi("SELECT count(*) FROM agents"), 2);
	assert_int_equal(qi("SELECT count(*) FROM customers"), 2);
}

static void references_by_natural_key(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("o.csv", "source_id,customer,placed_at,amount,cogs,attribution,campaign,agent,discount_code\n"
			    "#1,ann@example.com,2022-02-03T12:00:00Z,113.21,41.00,upsell,Welcome Feb,aino@example.com,\n"
			    "#2,bob@example.com,2022-02-04T12:00:00Z,\"1,020.00\",0,discount_code,,OLGA10,OLGA10\n");
	assert_int_equal(import("orders", "o.csv", NULL, &r, &err), 0);
	assert_int_equal(r.inserted, 2);
	assert_int_equal(qi("SELECT amount FROM orders WHERE source_id = '#2'"), 102000);
	assert_string_equal(qs("SELECT a.name FROM orders o JOIN agents a ON a.id = o.agent_id WHERE o.source_id = '#2'"),
			    "Olga Petrova");
	assert_int_equal(qi("SELECT count(*) FROM orders o JOIN campaigns c ON c.id = o.campaign_id"), 1);
	write_file("r.csv", "source_id,order,kind,cost,created_at\nR1,#1,return,20.00,2022-02-10\n");
	assert_int_equal(import("returns", "r.csv", NULL, &r, &err), 0);
	assert_int_equal(qi("SELECT o.amount FROM returns r JOIN orders o ON o.id = r.order_id"), 11321);
	write_file("r2.csv", "source_id,order,kind,cost,created_at\nR2,#9,return,20.00,2022-02-10\n");
	assert_int_equal(import("returns", "r2.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(errors(), "r2.csv:2:2: no order with source id '#9' from source 'csv'"));
	write_file("c.csv", "campaign,customer,contacted_at,responded\nWelcome Feb,ann@example.com,2022-02-02,1\n");
	assert_int_equal(import("contacts", "c.csv", NULL, &r, &err), 0);
	assert_int_equal(import("contacts", "c.csv", NULL, &r, &err), 0);
	assert_int_equal(r.unchanged, 1); /* found by campaign and customer */
}

static void unmapped_values_are_listed(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("u.csv", "source_id,customer,channel,created_at,status\n"
			    "1,ann@example.com,pigeon,2022-02-01,open\n"
			    "2,ann@example.com,fax,2022-02-01,open\n"
			    "3,ann@example.com,pigeon,2022-02-01,escalated\n");
	assert_int_equal(import("tickets", "u.csv", NULL, &r, &err), -1);
	const char *e = errors();
	assert_non_null(strstr(e, "2 channel values with no place among email, chat, phone, social, sms: "
				  "\"pigeon\" (2 rows, first on line 2), \"fax\" (1 row, first on line 3)"));
	assert_non_null(strstr(e, "1 status value with no place among new, open, pending, solved, closed: "
				  "\"escalated\" (1 row, first on line 4)"));
	assert_non_null(strstr(e, "map them with --map FILE"));
	assert_int_equal(qi("SELECT count(*) FROM tickets"), 0);
}

static void dry_run_and_files_in_one_call(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("t1.csv", "source_id,customer,channel,created_at,status\n1,ann@example.com,email,2022-02-01,open\n");
	write_file("t2.csv", "source_id,customer,channel,created_at,status,resolved_at\n"
			     "1,ann@example.com,email,2022-02-01,solved,2022-02-02\n");
	char a[512], b[512];
	snprintf(a, sizeof a, "%s", tu_tmp_path("t1.csv"));
	snprintf(b, sizeof b, "%s", tu_tmp_path("t2.csv"));
	char *files[] = {a, b};
	cx_import_opts o = {.table = "tickets", .files = files, .nfiles = 2, .tz = "UTC", .errors_to = errs,
			    .dry_run = true};
	assert_int_equal(cx_import_run(st, &o, &r, &err), 0);
	assert_int_equal(r.inserted, 1);
	assert_int_equal(r.updated, 1); /* the later file updates, it is no duplicate */
	assert_int_equal(qi("SELECT count(*) FROM tickets"), 0);
	o.dry_run = false;
	assert_int_equal(cx_import_run(st, &o, &r, &err), 0);
	assert_string_equal(qs("SELECT status FROM tickets"), "solved");
}

static void a_mapping_applied(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("helpdesk.csv", "\xef\xbb\xbfTicket;Requester;Email;Assignee;Via;State;Created;FRT min;Rating;Cat;Sub\n"
				   "T-1;Ann Lee;ann@example.com;Aino Virtanen;Web Form;Hold;01/02/2022 09:30;15;Good;Billing;Refund\n"
				   "T-2;Cy Doe;cy@example.com;Aino Virtanen;WhatsApp;Solved;02/02/2022 10:00;;Offered;Shipping;\n"
				   "T-3;Spam Bot;spam@example.com;;email;Deleted;02/02/2022 11:00;;;x;y\n");
	write_file("helpdesk.yaml", "table: tickets\n"
				    "source: helpdesk\n"
				    "timezone: Europe/Helsinki\n"
				    "formats: ['%d/%m/%Y %H:%M']\n"
				    "skip:\n"
				    "  - column: State\n"
				    "    equals: deleted\n"
				    "fields:\n"
				    "  source_id: Ticket\n"
				    "  customer: Email\n"
				    "  customer_name: Requester\n"
				    "  agent: Assignee\n"
				    "  channel: Via\n"
				    "  status:\n"
				    "    column: State\n"
				    "    map: {hold: pending}\n"
				    "  resolved_at:\n"
				    "    column: Created\n"
				    "    formats: ['%d/%m/%Y %H:%M']\n"
				    "  created_at: Created\n"
				    "  first_response_at: {column: FRT min, after: created_at, unit: minutes}\n"
				    "  csat: {column: Rating, scale: good-bad}\n"
				    "  topic: {columns: [Cat, Sub], join: ' / '}\n"
				    "  complexity: {value: '2'}\n");
	cx_mapping m;
	assert_int_equal(cx_mapping_load(tu_tmp_path("helpdesk.yaml"), &m, &err), 0);
	/* resolved_at only for solved tickets: drop it from the first row's
	 * meaning by mapping it from an empty column instead. */
	int rc = import("tickets", "helpdesk.csv", &m, &r, &err);
	assert_int_equal(rc, -1); /* T-1 is on hold but has a resolved_at */
	assert_non_null(strstr(errors(), "helpdesk.csv:2:7: the store refuses this row: a ticket has resolved_at exactly "
					  "when its status is solved or closed"));
	cx_mapping_free(&m);

	/* Without the resolved_at line: it imports. */
	write_file("helpdesk2.yaml", "table: tickets\nsource: helpdesk\ntimezone: Europe/Helsinki\n"
				     "formats: ['%d/%m/%Y %H:%M']\n"
				     "skip:\n  - column: State\n    equals: deleted\n"
				     "fields:\n  source_id: Ticket\n  customer: Email\n  customer_name: Requester\n"
				     "  agent: Assignee\n  channel: Via\n"
				     "  status: {column: State, map: {hold: pending, solved: open}}\n"
				     "  created_at: Created\n"
				     "  first_response_at: {column: FRT min, after: created_at, unit: minutes}\n"
				     "  csat: {column: Rating, scale: good-bad}\n"
				     "  topic: {columns: [Cat, Sub], join: ' / '}\n"
				     "  complexity: {value: '2'}\n");
	assert_int_equal(cx_mapping_load(tu_tmp_path("helpdesk2.yaml"), &m, &err), 0);
	assert_int_equal(import("tickets", "helpdesk.csv", &m, &r, &err), 0);
	assert_int_equal(r.inserted, 2);
	assert_int_equal(r.skipped, 1);
	assert_int_equal(r.created_customers, 1); /* cy@ */
	assert_int_equal(r.created_agents, 0);
	/* 09:30 in Helsinki (UTC+2 in February) is 07:30Z. */
	assert_int_equal(qi("SELECT created_at FROM tickets WHERE source_id = 'T-1'"), 1643700600);
	assert_int_equal(qi("SELECT first_response_at - created_at FROM tickets WHERE source_id = 'T-1'"), 900);
	assert_int_equal(qi("SELECT first_response_at IS NULL FROM tickets WHERE source_id = 'T-2'"), 1);
	assert_string_equal(qs("SELECT status || '/' || status_src FROM tickets WHERE source_id = 'T-1'"), "pending/Hold");
	assert_string_equal(qs("SELECT channel || '/' || channel_src FROM tickets WHERE source_id = 'T-1'"),
			    "email/Web Form");
	assert_string_equal(qs("SELECT csat || '/' || csat_scale FROM tickets WHERE source_id = 'T-1'"), "10/good-bad");
	assert_int_equal(qi("SELECT csat IS NULL FROM tickets WHERE source_id = 'T-2'"), 1);
	assert_string_equal(qs("SELECT topic FROM tickets WHERE source_id = 'T-1'"), "Billing / Refund");
	assert_string_equal(qs("SELECT topic FROM tickets WHERE source_id = 'T-2'"), "Shipping");
	assert_string_equal(qs("SELECT source FROM tickets LIMIT 1"), "helpdesk");
	assert_string_equal(qs("SELECT name FROM customers WHERE email = 'cy@example.com'"), "Cy Doe");
	assert_int_equal(import("tickets", "helpdesk.csv", &m, &r, &err), 0);
	assert_int_equal(r.unchanged, 2);
	cx_mapping_free(&m);
}

static void mapping_names_checked_against_the_file(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	write_file("m.csv", "Id,Mail,When\n1,ann@example.com,2022-02-01\n");
	write_file("m1.yaml", "table: tickets\nfields:\n  source_id: Id\n  customer: Email\n");
	cx_mapping m;
	assert_int_equal(cx_mapping_load(tu_tmp_path("m1.yaml"), &m, &err), 0);
	assert_int_equal(import("tickets", "m.csv", &m, &r, &err), -1);
	assert_non_null(strstr(err.msg, "m1.yaml:4:3: column 'Email' is not in the header of"));
	cx_mapping_free(&m);
	write_file("m2.yaml", "table: tickets\nfields:\n  source_id: Id\n  requester: Mail\n");
	assert_int_equal(cx_mapping_load(tu_tmp_path("m2.yaml"), &m, &err), 0);
	assert_int_equal(import("tickets", "m.csv", &m, &r, &err), -1);
	assert_non_null(strstr(err.msg, "m2.yaml:4:3: unknown field 'requester' for tickets"));
	cx_mapping_free(&m);
	write_file("m3.yaml", "table: agents\nfields:\n  name: Id\n");
	assert_int_equal(cx_mapping_load(tu_tmp_path("m3.yaml"), &m, &err), 0);
	assert_int_equal(import("tickets", "m.csv", &m, &r, &err), -1);
	assert_non_null(strstr(err.msg, "is for agents, not tickets"));
	cx_mapping_free(&m);
}

static void windows_1251_file(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	/* "Ольга" in windows-1251, ';' delimited as Russian spreadsheets write. */
	write_file("cp.csv", "name;team;hired_on\r\n\xce\xeb\xfc\xe3\xe0;\xd0\xe8\xe3\xe0;2021-04-01\r\n");
	char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path("cp.csv"));
	char *files[] = {path};
	cx_import_opts o = {.table = "agents", .files = files, .nfiles = 1, .encoding = "windows-1251", .errors_to = errs};
	assert_int_equal(cx_import_run(st, &o, &r, &err), 0);
	assert_string_equal(qs("SELECT name || ' ' || team FROM agents"), "Ольга Рига");
	/* The same bytes read as UTF-8 are refused, not stored as garbage. */
	o.encoding = NULL;
	assert_int_equal(cx_import_run(st, &o, &r, &err), -1);
	assert_non_null(strstr(err.msg, "cp.csv:2"));
}

static void control_characters_refused(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	write_file("cc.csv", "name,team,hired_on\n\"Jyrki\x1b[2J\",Helsinki,2021-04-01\n");
	assert_int_equal(import("agents", "cc.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(errors(), "cc.csv:2:1: name: holds a control character"));
}

static void a_key_the_row_has_decides(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	/* Another Aino, another email: a new agent, not Aino updated. */
	write_file("a2.csv", "name,email,team,hired_on\nAino Virtanen,aino2@example.com,Oulu,2022-01-01\n");
	assert_int_equal(import("agents", "a2.csv", NULL, &r, &err), 0);
	assert_int_equal(r.inserted, 1);
	assert_string_equal(qs("SELECT team FROM agents WHERE email = 'aino@example.com'"), "Helsinki");
	/* Emails match whatever their case. */
	write_file("a3.csv", "name,email,team,hired_on\nAino Virtanen,AINO@Example.com,Helsinki,2021-03-01\n");
	assert_int_equal(import("agents", "a3.csv", NULL, &r, &err), 0);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(qi("SELECT count(*) FROM agents"), 3);
	/* A customer without an email, an id or a source id cannot be found
	 * again: refused rather than added twice. */
	write_file("c0.csv", "name,created_at\nBob,2022-01-01\n");
	assert_int_equal(import("customers", "c0.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(errors(), "c0.csv:2: a customers row needs email, a source_id or an id"));
	/* A settings file without its key column. */
	write_file("s0.csv", "value\nUSD\n");
	assert_int_equal(import("settings", "s0.csv", NULL, &r, &err), -1);
	assert_non_null(strstr(errors(), "s0.csv:2: a settings row needs a key and a value"));
}

static void empty_cells_vary_the_columns(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	/* Each row leaves a different set of defaulted cells empty: more sets
	 * of columns than the writer keeps statements for. */
	char csv[8192] = "source_id,customer,channel,created_at,status,replies,reopened,topic,complexity,csat_scale\n";
	for (int i = 0; i < 32; i++)
		snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "V%d,ann@example.com,email,2022-02-01,open,%s,%s,%s,%s,%s\n",
			 i, i & 1 ? "0" : "", i & 2 ? "0" : "", i & 4 ? "billing" : "", i & 8 ? "2" : "", i & 16 ? "1-5" : "");
	write_file("v.csv", csv);
	assert_int_equal(import("tickets", "v.csv", NULL, &r, &err), 0);
	assert_int_equal(r.inserted, 32);
	assert_int_equal(import("tickets", "v.csv", NULL, &r, &err), 0);
	assert_int_equal(r.unchanged, 32);
}

static void orders_credit_their_agents(void **state)
{
	cx_import_result r;
	cx_error err = {0};
	base_rows();
	/* No attribution, no agent: the code says both. */
	write_file("oc.csv", "source_id,customer,placed_at,amount,discount_code\n#7,bob@example.com,2022-02-04,50.00,OLGA10\n"
			     "#8,ann@example.com,2022-02-05,30.00,\n");
	cx_import_opts o;
	char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path("oc.csv"));
	char *files[] = {path};
	o = (cx_import_opts){.table = "orders", .files = files, .nfiles = 1, .tz = "UTC", .errors_to = errs,
			     .source = "shop"};
	assert_int_equal(cx_import_run(st, &o, &r, &err), 0);
	assert_string_equal(qs("SELECT attribution || '/' || a.name FROM orders o JOIN agents a ON a.id = o.agent_id"
			       " WHERE o.source_id = '#7'"),
			    "discount_code/Olga Petrova");
	assert_string_equal(qs("SELECT attribution FROM orders WHERE source_id = '#8'"), "shop");
	/* An upsell order from its campaign, credited to the contact's agent;
	 * the contact file names the order from the shop's source. */
	write_file("ou.csv", "source_id,customer,placed_at,amount,campaign\n#9,ann@example.com,2022-02-06,80.00,Welcome Feb\n");
	snprintf(path, sizeof path, "%s", tu_tmp_path("ou.csv"));
	assert_int_equal(cx_import_run(st, &o, &r, &err), 0);
	assert_string_equal(qs("SELECT attribution FROM orders WHERE source_id = '#9'"), "upsell");
	write_file("cu.csv", "campaign,customer,agent,contacted_at,responded,order\n"
			     "Welcome Feb,ann@example.com,Aino Virtanen,2022-02-02,1,#9\n");
	assert_int_equal(import("contacts", "cu.csv", NULL, &r, &err), 0);
	assert_string_equal(qs("SELECT a.name FROM orders o JOIN agents a ON a.id = o.agent_id WHERE o.source_id = '#9'"),
			    "Aino Virtanen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(inserts_then_leaves_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(updates_changed_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(a_bad_last_row_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(references_by_natural_key, setup, teardown),
		cmocka_unit_test_setup_teardown(unmapped_values_are_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(dry_run_and_files_in_one_call, setup, teardown),
		cmocka_unit_test_setup_teardown(a_mapping_applied, setup, teardown),
		cmocka_unit_test_setup_teardown(mapping_names_checked_against_the_file, setup, teardown),
		cmocka_unit_test_setup_teardown(windows_1251_file, setup, teardown),
		cmocka_unit_test_setup_teardown(control_characters_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(a_key_the_row_has_decides, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_cells_vary_the_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(orders_credit_their_agents, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_tmp_cleanup();
	return rc;
}
