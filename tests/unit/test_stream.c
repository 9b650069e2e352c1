/* test_stream.c — a list report printed as it is read (streamed) is the
 * same, byte for byte, as the one held in memory, in every format; and a
 * streamed table whose rows change between readings fails its rendering
 * with a clear error instead of printing a mixture.
 *
 * Reads a copy of sample.db (run from the repository root). */
#include "testutil.h"

#include "cxtop/report.h"
#include "cxtop/store.h"
#include "cxtop/table.h"
#include "cxtop/xalloc.h"

static cx_store *st;

static int open_copy(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("stream.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	if (!st)
		fprintf(stderr, "%s\n", err.msg);
	return st ? 0 : -1;
}

static int close_copy(void **state)
{
	(void)state;
	cx_store_close(st);
	tu_tmp_cleanup();
	return 0;
}

/* The report rendered in fmt, malloc'd; held or streamed. */
static char *rendered(const char *report, cx_report_opts opt, enum cx_format fmt, bool stream)
{
	const cx_report_def *def = cx_report_find(report);
	assert_non_null(def);
	cx_error err = {0};
	opt.stream = stream;
	assert_int_equal(cx_store_read_begin(st, &err), 0);
	cx_doc *doc = def->build(st, &opt, &err);
	if (!doc)
		fail_msg("%s %s: %s", report, opt.figure ? opt.figure : "", err.msg);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	assert_int_equal(cx_render(doc, fmt, out), 0);
	assert_int_equal(fclose(out), 0);
	cx_doc_free(doc);
	cx_store_read_end(st);
	return text;
}

static void same_both_ways(const char *report, const cx_report_opts *opt)
{
	for (enum cx_format fmt = CX_FMT_TEXT; fmt <= CX_FMT_MD; fmt++) {
		char *held = rendered(report, *opt, fmt, false);
		char *streamed = rendered(report, *opt, fmt, true);
		if (strcmp(held, streamed) != 0)
			fail_msg("%s %s, format %d: streamed output differs from held", report,
				 opt->figure ? opt->figure : "", (int)fmt);
		assert_true(strlen(held) > 0);
		free(held);
		free(streamed);
	}
}

static cx_report_opts month_opts(void)
{
	cx_report_opts opt = {0};
	cx_error err = {0};
	assert_int_equal(cx_report_default_period(st, CX_PERIOD_MONTH, &opt.period, &err), 0);
	return opt;
}

static void test_every_figure_same_streamed_as_held(void **state)
{
	(void)state;
	cx_report_opts opt = month_opts();
	for (size_t i = 0; cx_report_figure_name(i); i++) {
		opt.figure = cx_report_figure_name(i);
		same_both_ways("rows", &opt);
	}
}

/* A long range: the longest lists, text laid out in panels (the few that
 * grow with the store: every figure at once is slow under the sanitizers). */
static void test_long_lists_same_over_all_time(void **state)
{
	(void)state;
	static const char *const figures[] = {"tickets", "backlog", "attributed", "liability", "claims_open"};
	cx_report_opts opt = {0};
	opt.period = cx_period_range(cx_days_from_civil(2020, 1, 1), cx_days_from_civil(2023, 12, 31));
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		opt.figure = figures[i];
		same_both_ways("rows", &opt);
	}
}

static void test_one_agents_rows_same_streamed(void **state)
{
	(void)state;
	cx_report_opts opt = month_opts();
	opt.agent_id = 3;
	opt.figure = "tickets";
	same_both_ways("rows", &opt);
	opt.figure = "solved";
	same_both_ways("rows", &opt);
}

/* An empty list: "(no rows)" in text, [] in json. */
static void test_empty_list_same_streamed(void **state)
{
	(void)state;
	cx_report_opts opt = {0};
	opt.period = cx_period_range(cx_days_from_civil(1999, 1, 1), cx_days_from_civil(1999, 1, 31));
	opt.figure = "tickets";
	same_both_ways("rows", &opt);
}

static void test_watchlist_same_streamed(void **state)
{
	(void)state;
	cx_report_opts opt = month_opts();
	same_both_ways("watchlist", &opt);
}

/* The claims report's second table, the open claims. */
static void test_open_claims_same_streamed(void **state)
{
	(void)state;
	cx_report_opts opt = month_opts();
	same_both_ways("claims", &opt);
}

/* ---- a table whose rows change between readings ----------------------- */

static int calls;

/* Two rows the first time, three after: as if the store changed. */
static int growing_rows(void *ctx, cx_table *t, cx_error *err)
{
	(void)ctx;
	(void)err;
	int n = calls++ ? 3 : 2;
	for (int i = 0; i < n; i++)
		cx_table_row(t)[0] = cx_int(i);
	return 0;
}

/* A doc of one streamed column read by `read`, rendered in fmt: the
 * rendering must fail.  The first reading's row count is *nrows. */
static cx_doc *render_fails(cx_rows_reader read, enum cx_format fmt, size_t *nrows)
{
	static const cx_column cols[] = {{"n", "N", CX_CELL_INT, 0}};
	cx_error err = {0};
	calls = 0;
	cx_doc *doc = cx_doc_new("test", "Test", NULL, NULL, "USD");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, 1);
	assert_int_equal(cx_table_stream(doc, t, read, NULL, NULL, &err), 0);
	*nrows = t->nrows;
	assert_null(cx_doc_stream_error(doc));
	FILE *out = fopen("/dev/null", "w");
	assert_non_null(out);
	assert_int_equal(cx_render(doc, fmt, out), -1);
	fclose(out);
	return doc;
}

static void test_rows_changed_between_readings_fail(void **state)
{
	(void)state;
	size_t n;
	cx_doc *doc = render_fails(growing_rows, CX_FMT_CSV, &n);
	assert_int_equal(n, 2);
	const cx_error *e = cx_doc_stream_error(doc);
	assert_non_null(e);
	assert_non_null(strstr(e->msg, "changed while it was read"));
	cx_doc_free(doc);
}

/* A reading that fails while rendering says why. */
static int failing_rows(void *ctx, cx_table *t, cx_error *err)
{
	(void)ctx;
	cx_table_row(t)[0] = cx_int(1);
	return calls++ ? cx_fail(err, CX_EXIT_RUNTIME, "store 'x.db': disk I/O error") : 0;
}

static void test_reading_failure_while_rendering_is_reported(void **state)
{
	(void)state;
	size_t n;
	cx_doc *doc = render_fails(failing_rows, CX_FMT_TEXT, &n);
	assert_int_equal(n, 1);
	assert_non_null(cx_doc_stream_error(doc));
	assert_string_equal(cx_doc_stream_error(doc)->msg, "store 'x.db': disk I/O error");
	cx_doc_free(doc);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_figure_same_streamed_as_held),
		cmocka_unit_test(test_long_lists_same_over_all_time),
		cmocka_unit_test(test_one_agents_rows_same_streamed),
		cmocka_unit_test(test_empty_list_same_streamed),
		cmocka_unit_test(test_watchlist_same_streamed),
		cmocka_unit_test(test_open_claims_same_streamed),
		cmocka_unit_test(test_rows_changed_between_readings_fail),
		cmocka_unit_test(test_reading_failure_while_rendering_is_reported),
	};
	return cmocka_run_group_tests(tests, open_copy, close_copy);
}
