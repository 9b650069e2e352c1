/* test_render.c — one small report rendered as text, csv, json and md. */
#include "testutil.h"

#include <errno.h>

#include "cxtop/format.h"
#include "cxtop/table.h"

static const cx_column agent_cols[] = {
	{ "agent", "Agent", CX_CELL_TEXT, 0 },      { "team", "Team", CX_CELL_TEXT, 0 },
	{ "tickets", "Tickets", CX_CELL_INT, 0 },   { "revenue", "Revenue", CX_CELL_MONEY, 0 },
	{ "csat_pct", "CSAT", CX_CELL_BP, 0 },      { "frt_median_s", "FRT med", CX_CELL_SECONDS, 0 },
};

/* "rated" is for people only: in text, md and csv but not in json. */
static const cx_column channel_cols[] = {
	{ "channel", "Channel", CX_CELL_TEXT, 0 }, { "tickets", "Tickets", CX_CELL_INT, 0 },
	{ "rated", "Rated", CX_CELL_INT, CX_COL_NOJSON }, { "margin_pct", "Margin", CX_CELL_BP, 0 },
	{ "active", "Active", CX_CELL_BOOL, 0 },   { "since", "Since", CX_CELL_DATE, 0 },
};

static void agent(cx_table *t, const char *name, const char *team, int64_t tickets, int64_t revenue,
		  cx_cell csat, int64_t frt_x2)
{
	cx_cell *r = cx_table_row(t);
	r[0] = cx_text(name);
	r[1] = cx_text(team);
	r[2] = cx_int(tickets);
	r[3] = cx_money(revenue);
	r[4] = csat;
	r[5] = cx_seconds_x2(frt_x2);
}

/* Names in three scripts, a name csv must quote, a pipe md must escape,
 * a missing value, totals, a second table and facts. */
static cx_doc *sample_doc(void)
{
	cx_doc *doc = cx_doc_new("agents", "Agents", "2022-01-01", "2022-01-31", "USD");
	cx_doc_fact(doc, "tickets", "Tickets", cx_int(1701));
	cx_doc_fact(doc, "revenue", "Revenue", cx_money(4437710));
	cx_doc_fact(doc, "frt_median_s", "First response (median)", cx_seconds(3600));
	cx_doc_fact(doc, "top_agent", "Top agent", cx_text("Ольга Петрова"));

	cx_table *t = cx_doc_table(doc, "rows", "By agent", agent_cols, 6);
	agent(t, "Ольга Петрова", "L1|L2", 812, 2100410, cx_bp(9050), 7201);
	agent(t, "王芳", "L2", 701, 1837300, cx_bp(2305), 90);
	agent(t, "Smith, John \"JJ\"", "L1", 188, 500000, cx_null(), 3599 * 2);
	agent(t, "Aino Mäkinen", NULL, 0, 0, cx_bp(10000), 86400 * 2);
	cx_cell *tot = cx_table_totals(t);
	tot[2] = cx_int(1701);
	tot[3] = cx_money(4437710);
	tot[4] = cx_bp(8200);
	tot[5] = cx_seconds(3600);

	cx_table *ch = cx_doc_table(doc, "channels", "By channel", channel_cols, 6);
	cx_cell *r = cx_table_row(ch);
	r[0] = cx_text("email");
	r[1] = cx_int(1200);
	r[2] = cx_int(1100);
	r[3] = cx_bp(-50);
	r[4] = cx_bool(true);
	r[5] = cx_date("2021-01-04");
	r = cx_table_row(ch);
	r[0] = cx_text("chat");
	r[1] = cx_int(501);
	r[2] = cx_int(17);
	r[3] = cx_bp(1250);
	r[4] = cx_bool(false);

	cx_doc_note(doc, "Revenue counts orders placed in the period.");
	cx_doc_note(doc, "CSAT is \"n/a\" without %s.", "ratings");
	return doc;
}

static char *render(const cx_doc *doc, enum cx_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	assert_non_null(m);
	assert_int_equal(cx_render(doc, fmt, m), 0);
	assert_int_equal(fclose(m), 0);
	return text;
}

/* The text output, byte for byte: what a manager prints. */
static const char golden_text[] =
	"Agents  2022-01-01 – 2022-01-31\n"
	"\n"
	"Tickets:                 1,701\n"
	"Revenue:                 $44,377.10\n"
	"First response (median): 1h 00m\n"
	"Top agent:               Ольга Петрова\n"
	"\n"
	"By agent\n"
	"Agent             Team   Tickets     Revenue      CSAT  FRT med\n"
	"───────────────────────────────────────────────────────────────\n"
	"Ольга Петрова     L1|L2      812  $21,004.10   90.50 %   1h 00m\n"
	"王芳              L2         701  $18,373.00   23.05 %      45s\n"
	"Smith, John \"JJ\"  L1         188   $5,000.00       n/a  59m 59s\n"
	"Aino Mäkinen      n/a          0       $0.00  100.00 %   1d 00h\n"
	"───────────────────────────────────────────────────────────────\n"
	"TOTAL                      1,701  $44,377.10   82.00 %   1h 00m\n"
	"\n"
	"By channel\n"
	"Channel  Tickets  Rated   Margin  Active  Since\n"
	"────────────────────────────────────────────────────\n"
	"email      1,200  1,100  -0.50 %     yes  2021-01-04\n"
	"chat         501     17  12.50 %      no  n/a\n"
	"\n"
	"Revenue counts orders placed in the period.\n"
	"CSAT is \"n/a\" without ratings.\n";

static void text_matches_golden(void **state)
{
	cx_doc *doc = sample_doc();
	char *out = render(doc, CX_FMT_TEXT);
	bool same = strcmp(out, golden_text) == 0;
	if (!same)
		fprintf(stderr, "text output differs; got:\n%s", out);
	free(out);
	cx_doc_free(doc);
	assert_true(same);
}

/* Display columns from the start of line to p. */
static int col_at(const char *line, const char *p)
{
	char tmp[512];
	size_t n = (size_t)(p - line);
	assert_true(n < sizeof tmp);
	memcpy(tmp, line, n);
	tmp[n] = '\0';
	return cx_utf8_width(tmp);
}

/* Splits a table line into the runs of text between gaps of two or more
 * spaces, as display-column spans [start, end). */
static size_t spans(const char *line, int start[], int end[], size_t max)
{
	size_t n = 0;
	const char *p = line;
	while (*p && n < max) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *q = p;
		while (*q && !(q[0] == ' ' && (q[1] == ' ' || q[1] == '\0')))
			q++;
		start[n] = col_at(line, p);
		end[n] = col_at(line, q);
		n++;
		p = q;
	}
	return n;
}

/* Independently of the golden file: in the agents table every line is
 * exactly as wide (the last column is right-aligned), and every cell
 * starts where its header starts (left-aligned columns) or ends where its
 * header ends (right-aligned ones), counting display columns: Cyrillic 1
 * per letter, CJK 2. */
static void text_columns_line_up_by_display_width(void **state)
{
	cx_doc *doc = sample_doc();
	char *out = render(doc, CX_FMT_TEXT);
	char *header = strstr(out, "Agent  ");
	assert_non_null(header);
	char *stop = strstr(header, "\n\n");
	assert_non_null(stop);
	*stop = '\0';

	int hs[6], he[6];
	char *save = NULL;
	char *line = strtok_r(header, "\n", &save);
	assert_int_equal(spans(line, hs, he, 6), 6);
	int width = cx_utf8_width(line);
	int lines = 1;
	while ((line = strtok_r(NULL, "\n", &save))) {
		lines++;
		assert_int_equal(cx_utf8_width(line), width);
		if (strncmp(line, "─", strlen("─")) == 0)
			continue;
		int s[6], e[6];
		size_t n = spans(line, s, e, 6), c = 0;
		for (size_t k = 0; k < n; k++, c++) {
			/* Skip blank cells (the totals have no team). */
			while (c < 6 && !(agent_cols[c].kind == CX_CELL_TEXT ? s[k] == hs[c] : e[k] == he[c]))
				c++;
			if (c == 6)
				fail_msg("misaligned cell %zu in: %s", k, line);
		}
	}
	assert_int_equal(lines, 8); /* header, rule, 4 rows, rule, totals */
	free(out);
	cx_doc_free(doc);
}

static void text_has_no_trailing_blanks_and_fits_80_columns(void **state)
{
	cx_doc *doc = sample_doc();
	cx_table *t = cx_doc_table(doc, "wide", "Wide", agent_cols, 6);
	char longname[200];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	agent(t, longname, "Ольга Петрова Ольга Петрова Ольга Петрова Ольга Петрова", 1, 1, cx_bp(1), 1);
	char *out = render(doc, CX_FMT_TEXT);
	assert_non_null(strstr(out, "x…"));
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		assert_true(cx_utf8_width(line) <= 80);
		assert_true(line[strlen(line) - 1] != ' ');
	}
	free(out);
	cx_doc_free(doc);
}

/* A table no shortening can fit in 80 columns is printed as panels, each
 * repeating the label columns (ID, Agent, Team) and each within 80
 * columns, every line of a panel as wide as its rule. */
static void text_splits_wide_tables_into_panels(void **state)
{
	static const char *const keys[] = { "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10" };
	cx_column cols[13] = {
		{ "id", "ID", CX_CELL_INT, 0 },
		{ "agent", "Agent", CX_CELL_TEXT, 0 },
		{ "team", "Team", CX_CELL_TEXT, 0 },
	};
	for (size_t i = 0; i < 10; i++)
		cols[3 + i] = (cx_column){ keys[i], keys[i], CX_CELL_MONEY, 0 };
	cx_doc *doc = cx_doc_new("wide", "Wide", NULL, NULL, "USD");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, 13);
	static const char *const names[] = { "Ольга Петрова", "王芳" };
	for (size_t r = 0; r < 2; r++) {
		cx_cell *row = cx_table_row(t);
		row[0] = cx_int((int64_t)r + 1);
		row[1] = cx_text(names[r]);
		row[2] = cx_text("Frontline");
		for (size_t i = 0; i < 10; i++)
			row[3 + i] = cx_money(123456789);
	}
	char *out = render(doc, CX_FMT_TEXT);

	int panels = 0, rule_width = 0, headers[10] = { 0 };
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int w = cx_utf8_width(line);
		assert_true(w <= 80);
		if (strncmp(line, "ID  Agent", 9) == 0) {
			panels++;
			for (size_t i = 0; i < 10; i++) {
				char h[8];
				snprintf(h, sizeof h, " %s", keys[i]);
				const char *p = strstr(line, h);
				/* " m1" also starts " m10": count whole headers only. */
				if (p && (p[strlen(h)] == ' ' || p[strlen(h)] == '\0'))
					headers[i]++;
			}
		} else if (strncmp(line, "─", strlen("─")) == 0) {
			rule_width = w;
		} else if (strstr(line, "Frontline")) {
			assert_int_equal(w, rule_width);
		}
	}
	assert_true(panels >= 2);
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(headers[i], 1);
	free(out);
	cx_doc_free(doc);
}

/* A minimal RFC 4180 reader for one record: returns the fields, advances *p. */
static size_t csv_record(const char **p, char fields[][64], size_t max)
{
	size_t n = 0;
	const char *s = *p;
	for (;;) {
		size_t k = 0;
		if (*s == '"') {
			for (s++; !(s[0] == '"' && s[1] != '"'); s++) {
				if (s[0] == '"')
					s++;
				fields[n][k++] = *s;
			}
			s++;
		} else {
			while (*s != ',' && *s != '\r')
				fields[n][k++] = *s++;
		}
		fields[n++][k] = '\0';
		if (*s == ',' && n < max) {
			s++;
			continue;
		}
		assert_int_equal(s[0], '\r');
		assert_int_equal(s[1], '\n');
		*p = s + 2;
		return n;
	}
}

static void csv_quotes_and_uses_crlf(void **state)
{
	cx_doc *doc = sample_doc();
	char *out = render(doc, CX_FMT_CSV);
	for (char *p = strchr(out, '\n'); p; p = strchr(p + 1, '\n'))
		assert_int_equal(p[-1], '\r');
	/* The single figures come first, as a key,value block. */
	static const char want[] =
		"key,value\r\n"
		"tickets,1701\r\n"
		"revenue,44377.10\r\n"
		"frt_median_s,3600\r\n"
		"top_agent,Ольга Петрова\r\n"
		"\r\n"
		"agent,team,tickets,revenue,csat_pct,frt_median_s\r\n"
		"Ольга Петрова,L1|L2,812,21004.10,90.50,3600.5\r\n"
		"王芳,L2,701,18373.00,23.05,45\r\n"
		"\"Smith, John \"\"JJ\"\"\",L1,188,5000.00,,3599\r\n"
		"Aino Mäkinen,,0,0.00,100.00,86400\r\n"
		"TOTAL,,1701,44377.10,82.00,3600\r\n"
		"\r\n"
		"channel,tickets,rated,margin_pct,active,since\r\n"
		"email,1200,1100,-0.50,true,2021-01-04\r\n"
		"chat,501,17,12.50,false,\r\n";
	assert_string_equal(out, want);

	/* The quoted name reads back exactly. */
	const char *p = strstr(out, "\"Smith");
	char f[8][64];
	assert_int_equal(csv_record(&p, f, 8), 6);
	assert_string_equal(f[0], "Smith, John \"JJ\"");
	assert_string_equal(f[4], "");
	assert_string_equal(f[5], "3599");
	free(out);
	cx_doc_free(doc);
}

static void csv_of_facts_only(void **state)
{
	cx_doc *doc = cx_doc_new("summary", "Summary", "2022-01-01", "2022-01-31", "EUR");
	cx_doc_fact(doc, "revenue", "Revenue", cx_money(-5));
	cx_doc_fact(doc, "note", "Note", cx_text("a,b"));
	cx_doc_fact(doc, "none", "None", cx_null());
	char *out = render(doc, CX_FMT_CSV);
	assert_string_equal(out, "key,value\r\nrevenue,-0.05\r\nnote,\"a,b\"\r\nnone,\r\n");
	free(out);
	cx_doc_free(doc);
}

static void md_tables(void **state)
{
	cx_doc *doc = sample_doc();
	char *out = render(doc, CX_FMT_MD);
	static const char head[] = "## Agents\n\n2022-01-01 – 2022-01-31\n\n- Tickets: 1,701\n";
	assert_int_equal(strncmp(out, head, strlen(head)), 0);
	assert_non_null(strstr(out, "\n### By agent\n\n"
				    "| Agent | Team | Tickets | Revenue | CSAT | FRT med |\n"
				    "| --- | --- | ---: | ---: | ---: | ---: |\n"
				    "| Ольга Петрова | L1\\|L2 | 812 | $21,004.10 | 90.50 % | 1h 00m |\n"));
	assert_non_null(strstr(out, "| **TOTAL** |  | **1,701** | **$44,377.10** | **82.00 %** | **1h 00m** |\n"));
	assert_non_null(strstr(out, "| Channel | Tickets | Rated | Margin | Active | Since |\n"
				    "| --- | ---: | ---: | ---: | ---: | --- |\n"));
	assert_non_null(strstr(out, "\nRevenue counts orders placed in the period.\n"));
	free(out);
	cx_doc_free(doc);
}

static void jq_true(const char *path, const char *filter)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "jq -e '%s' '%s' >/dev/null", filter, path);
	int rc = system(cmd);
	if (rc != 0)
		fail_msg("jq -e '%s' did not hold (status %d)", filter, rc);
}

static const char *write_tmp(const char *name, const char *text)
{
	const char *path = tu_tmp_path(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void json_parses_with_exact_values(void **state)
{
	if (system("command -v jq >/dev/null 2>&1") != 0)
		fail_msg("jq is not installed (make check installs it)");
	cx_doc *doc = sample_doc();
	char *out = render(doc, CX_FMT_JSON);
	const char *path = write_tmp("doc.json", out);
	jq_true(path, ".rows[0].agent == \"Ольга Петрова\"");
	jq_true(path, ".totals.revenue == 4437710");
	jq_true(path, ".rows[1].csat_pct == 23.05");
	jq_true(path, ".rows[2].agent == \"Smith, John \\\"JJ\\\"\"");
	jq_true(path, ".rows[2].csat_pct == null and .rows[3].team == null");
	jq_true(path, ".rows[0].frt_median_s == 3600.5 and .rows[1].frt_median_s == 45");
	jq_true(path, ".rows[0].team == \"L1|L2\" and .totals.agent == null");
	jq_true(path, ".report == \"agents\" and .from == \"2022-01-01\" and .currency == \"USD\"");
	jq_true(path, ".tickets == 1701 and .revenue == 4437710 and .frt_median_s == 3600");
	jq_true(path, ".channels | length == 2");
	jq_true(path, ".channels[0].margin_pct == -0.5 and .channels[0].active == true");
	jq_true(path, ".channels[1].since == null and .channels[1].active == false");
	jq_true(path, "has(\"channels_totals\") | not");
	jq_true(path, ".channels[0] | keys == [\"active\", \"channel\", \"margin_pct\", \"since\", \"tickets\"]");
	jq_true(path, ".notes[1] == \"CSAT is \\\"n/a\\\" without ratings.\"");
	free(out);
	cx_doc_free(doc);
}

/* Control characters are escaped and bytes that are not UTF-8 replaced,
 * so the export stays valid JSON whatever is in the store. */
static void json_escapes_what_it_must(void **state)
{
	cx_doc *doc = cx_doc_new("odd", NULL, NULL, NULL, NULL);
	static const cx_column cols[] = { { "s", "S", CX_CELL_TEXT, 0 } };
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, 1);
	cx_table_row(t)[0] = cx_text("tab\there\nback\\slash \x01 bad\xFF end");
	cx_doc_fact(doc, "weird key \"q\"", NULL, cx_bool(true));
	char *out = render(doc, CX_FMT_JSON);
	assert_non_null(strstr(out, "\"tab\\u0009here\\u000Aback\\\\slash \\u0001 bad\xEF\xBF\xBD end\""));
	const char *path = write_tmp("odd.json", out);
	jq_true(path, ".rows[0].s == \"tab\\there\\nback\\\\slash \\u0001 bad\\ufffd end\"");
	jq_true(path, ".[\"weird key \\\"q\\\"\"] == true and .title == null and .totals == null");
	jq_true(path, ".notes == []");
	free(out);
	cx_doc_free(doc);
}

static void empty_doc_renders_in_every_format(void **state)
{
	cx_doc *doc = cx_doc_new("empty", "Empty", "2022-01-01", "2022-01-01", "RUB");
	static const cx_column cols[] = { { "n", "N", CX_CELL_INT, 0 } };
	cx_doc_table(doc, "rows", NULL, cols, 1);
	char *out = render(doc, CX_FMT_TEXT);
	assert_string_equal(out, "Empty  2022-01-01 – 2022-01-01\n\nN\n─\n(no rows)\n");
	free(out);
	out = render(doc, CX_FMT_JSON);
	const char *path = write_tmp("empty.json", out);
	jq_true(path, ".rows == [] and .totals == null");
	free(out);
	out = render(doc, CX_FMT_CSV);
	assert_string_equal(out, "n\r\n");
	free(out);
	out = render(doc, CX_FMT_MD);
	assert_string_equal(out, "## Empty\n\n2022-01-01 – 2022-01-01\n\n| N |\n| ---: |\n");
	free(out);
	cx_doc_free(doc);
}

static void many_rows_grow(void **state)
{
	cx_doc *doc = cx_doc_new("many", "Many", NULL, NULL, "RUB");
	static const cx_column cols[] = { { "i", "I", CX_CELL_INT, 0 }, { "m", "M", CX_CELL_MONEY, 0 } };
	cx_table *t = cx_doc_table(doc, NULL, NULL, cols, 2);
	for (int i = 0; i < 1000; i++) {
		cx_cell *r = cx_table_row(t);
		r[0] = cx_int(i);
		r[1] = cx_money(i * 100);
	}
	assert_int_equal(t->nrows, 1000);
	assert_string_equal(t->name, "rows");
	char *out = render(doc, CX_FMT_TEXT);
	assert_non_null(strstr(out, "\n999  999.00 RUB\n"));
	free(out);
	cx_doc_free(doc);
}

static void failed_stream_is_reported(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	cx_doc *doc = sample_doc();
	errno = 0;
	assert_int_equal(cx_render(doc, CX_FMT_TEXT, full), -1);
	assert_int_equal(errno, ENOSPC);
	fclose(full);
	cx_doc_free(doc);
}

static void format_names(void **state)
{
	enum cx_format f = CX_FMT_TEXT;
	assert_true(cx_format_parse("json", &f));
	assert_int_equal(f, CX_FMT_JSON);
	assert_true(cx_format_parse("md", &f));
	assert_int_equal(f, CX_FMT_MD);
	assert_true(cx_format_parse("csv", &f));
	assert_int_equal(f, CX_FMT_CSV);
	assert_true(cx_format_parse("text", &f));
	assert_int_equal(f, CX_FMT_TEXT);
	assert_false(cx_format_parse("JSON", &f));
	assert_false(cx_format_parse("", &f));
	assert_false(cx_format_parse(NULL, &f));
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_matches_golden),
		cmocka_unit_test(text_columns_line_up_by_display_width),
		cmocka_unit_test(text_has_no_trailing_blanks_and_fits_80_columns),
		cmocka_unit_test(text_splits_wide_tables_into_panels),
		cmocka_unit_test(csv_quotes_and_uses_crlf),
		cmocka_unit_test(csv_of_facts_only),
		cmocka_unit_test(md_tables),
		cmocka_unit_test(json_parses_with_exact_values),
		cmocka_unit_test(json_escapes_what_it_must),
		cmocka_unit_test(empty_doc_renders_in_every_format),
		cmocka_unit_test(many_rows_grow),
		cmocka_unit_test(failed_stream_is_reported),
		cmocka_unit_test(format_names),
	};
	return cmocka_run_group_tests_name("render", tests, NULL, teardown_all);
}
