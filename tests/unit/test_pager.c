/* test_pager.c — the UI's keyset paging, against a fake list: every move
 * lands on the right rows, at the start, the end and in between. */
#include "testutil.h"

#include "tui/pager.h"

/* The fake list: N items whose keys descend (newest first), like tickets. */
#define N 1000
struct item {
	int64_t k, id;
};
static int fetches;

static bool before(const struct item *a, const cx_page_key *b) /* a comes before b in list order */
{
	return a->k > b->k || (a->k == b->k && a->id > b->id);
}

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct item *o = out;
	int count = 0;
	fetches++;
	if (!backward) {
		for (int i = 0; i < N && count < limit; i++) {
			struct item it = {N - i, N - i};
			bool ok = !after || (!before(&it, after) && (inclusive || it.k != after->k || it.id != after->id));
			if (ok)
				o[count++] = it;
		}
	} else {
		for (int i = N - 1; i >= 0 && count < limit; i--) {
			struct item it = {N - i, N - i};
			bool ok = !after || before(&it, after) || (inclusive && it.k == after->k && it.id == after->id);
			if (ok)
				o[count++] = it;
		}
	}
	*n = count;
	return 0;
}

static cx_page_key key_of(const void *item)
{
	const struct item *it = item;
	return (cx_page_key){.k = it->k, .id = it->id};
}

static struct cx_pager pager;

static int setup(void **state)
{
	memset(&pager, 0, sizeof pager);
	pager.fetch = fetch;
	pager.key_of = key_of;
	pager.item_size = sizeof(struct item);
	cx_pager_init(&pager);
	cx_pager_reload(&pager, 20);
	return 0;
}

static int teardown(void **state)
{
	cx_pager_free(&pager);
	return 0;
}

static int64_t at_cursor(void)
{
	return ((const struct item *)cx_pager_item(&pager, pager.cursor))->k;
}

static void first_screen(void **state)
{
	assert_int_equal(pager.n, 20);
	assert_int_equal(at_cursor(), 1000);
}

static void down_scrolls_one_row_at_a_time(void **state)
{
	for (int i = 0; i < 25; i++)
		cx_pager_down(&pager, 1);
	assert_int_equal(at_cursor(), 975);
	assert_int_equal(pager.cursor, 19); /* the cursor stays on the last row */
	assert_int_equal(((const struct item *)cx_pager_item(&pager, 0))->k, 994);
}

static void page_down_and_back_up(void **state)
{
	cx_pager_down(&pager, 19);
	assert_int_equal(at_cursor(), 981);
	cx_pager_down(&pager, 19);
	assert_int_equal(at_cursor(), 962);
	cx_pager_up(&pager, 19);
	assert_int_equal(at_cursor(), 981);
	cx_pager_up(&pager, 19);
	assert_int_equal(at_cursor(), 1000);
	cx_pager_up(&pager, 19); /* at the top: stays */
	assert_int_equal(at_cursor(), 1000);
}

static void end_and_home(void **state)
{
	cx_pager_end(&pager);
	assert_int_equal(at_cursor(), 1);
	assert_int_equal(pager.n, 20);
	cx_pager_down(&pager, 1); /* at the bottom: stays */
	assert_int_equal(at_cursor(), 1);
	cx_pager_up(&pager, 1);
	assert_int_equal(at_cursor(), 2);
	cx_pager_home(&pager);
	assert_int_equal(at_cursor(), 1000);
}

static void far_pages_cost_one_fetch_each(void **state)
{
	/* Deep in the list, a page down is still one query. */
	for (int i = 0; i < 40; i++)
		cx_pager_down(&pager, 19);
	fetches = 0;
	cx_pager_down(&pager, 19);
	assert_int_equal(fetches, 1);
	assert_int_equal(at_cursor(), 1000 - 41 * 19);
}

static void reload_keeps_the_top_row(void **state)
{
	cx_pager_down(&pager, 30);
	int64_t top = ((const struct item *)cx_pager_item(&pager, 0))->k;
	cx_pager_reload(&pager, 10); /* e.g. the terminal got smaller */
	assert_int_equal(((const struct item *)cx_pager_item(&pager, 0))->k, top);
	assert_int_equal(pager.n, 10);
	assert_true(pager.cursor < 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(first_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(down_scrolls_one_row_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(page_down_and_back_up, setup, teardown),
		cmocka_unit_test_setup_teardown(end_and_home, setup, teardown),
		cmocka_unit_test_setup_teardown(far_pages_cost_one_fetch_each, setup, teardown),
		cmocka_unit_test_setup_teardown(reload_keeps_the_top_row, setup, teardown),
	};
	return cmocka_run_group_tests_name("pager", tests, NULL, NULL);
}
