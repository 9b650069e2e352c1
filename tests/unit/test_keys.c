/* test_keys.c — the key table, the `?` help and the man page's KEYS section
 * say the same thing: every key in the table is in the man page and in
 * some view's help, every key the man page lists is in the table, and no
 * key is bound twice. */
#include "testutil.h"

#include "tui/app.h"
#include "tui/view_table.h"

#define MAX_NAMES 256

/* The key names the man page's KEYS section sets in bold after each .TP. */
static int man_keys(char names[][32], int max)
{
	FILE *f = fopen("man/cxtop.1", "r");
	assert_non_null(f);
	char line[1024];
	bool in_keys = false, after_tp = false;
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".SS Keys", 8) == 0) {
			in_keys = true;
			continue;
		}
		if (in_keys && (strncmp(line, ".SH", 3) == 0 || strncmp(line, ".SS", 3) == 0))
			break;
		if (!in_keys)
			continue;
		if (strcmp(line, ".TP") == 0) {
			after_tp = true;
			continue;
		}
		if (!after_tp)
			continue;
		after_tp = false;
		if (strncmp(line, ".B ", 3) != 0 && strncmp(line, ".BR ", 4) != 0)
			continue;
		/* Words outside quotes are keys; quoted ones are the ", " between. */
		char *p = strchr(line, ' ') + 1;
		while (*p && n < max) {
			while (*p == ' ')
				p++;
			if (*p == '"') {
				char *q = strchr(p + 1, '"');
				p = q ? q + 1 : p + strlen(p);
				continue;
			}
			int k = 0;
			while (*p && *p != ' ' && k < 31) {
				if (p[0] == '\\' && p[1] == '-') {
					names[n][k++] = '-';
					p += 2;
				} else {
					names[n][k++] = *p++;
				}
			}
			names[n][k] = '\0';
			if (k)
				n++;
		}
	}
	fclose(f);
	return n;
}

static bool listed(char names[][32], int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

static void every_key_is_in_the_man_page(void **state)
{
	char names[MAX_NAMES][32];
	int n = man_keys(names, MAX_NAMES);
	assert_true(n > 20);
	for (size_t i = 0; i < cx_nkeys; i++)
		if (cx_keys[i].name && !listed(names, n, cx_keys[i].name))
			fail_msg("key '%s' is in the key table but not in man/cxtop.1's KEYS", cx_keys[i].name);
}

static void every_man_key_is_in_the_table(void **state)
{
	char names[MAX_NAMES][32];
	int n = man_keys(names, MAX_NAMES);
	for (int i = 0; i < n; i++) {
		bool found = false;
		for (size_t k = 0; k < cx_nkeys && !found; k++)
			found = cx_keys[k].name && strcmp(cx_keys[k].name, names[i]) == 0;
		if (!found)
			fail_msg("man/cxtop.1's KEYS lists '%s', which the key table does not bind", names[i]);
	}
}

static void no_key_is_bound_twice(void **state)
{
	for (size_t i = 0; i < cx_nkeys; i++)
		for (size_t j = i + 1; j < cx_nkeys; j++)
			if (cx_keys[i].first <= cx_keys[j].last && cx_keys[j].first <= cx_keys[i].last)
				fail_msg("keys '%s' and '%s' overlap", cx_keys[i].name ? cx_keys[i].name : "?",
					 cx_keys[j].name ? cx_keys[j].name : "?");
}

/* ---- the help ------------------------------------------------------------ */

struct seen {
	char text[8192];
};

static void collect(void *ctx, const char *keys, const char *what)
{
	struct seen *s = ctx;
	size_t used = strlen(s->text);
	snprintf(s->text + used, sizeof s->text - used, "|%s|\n", keys ? keys : "");
}

/* Is key `name` among the keys of some line of the help? */
static bool in_help(const struct seen *s, const char *name)
{
	char a[48], b[48];
	snprintf(a, sizeof a, "|%s|", name);
	snprintf(b, sizeof b, "|%s,", name);
	if (strstr(s->text, a) || strstr(s->text, b))
		return true;
	snprintf(a, sizeof a, " %s|", name);
	snprintf(b, sizeof b, " %s,", name);
	return strstr(s->text, a) || strstr(s->text, b);
}


static void every_key_is_in_some_help(void **state)
{
	const struct cx_req_use *views[] = {
		cx_dashboard_ops.keys,	 cx_table_agents.keys,	 cx_tickets_ops.keys, cx_table_campaigns.keys,
		cx_table_claims.keys,	 cx_table_leaderboard.keys, cx_whatif_ops.keys, cx_customers_ops.keys,
	};
	struct seen all = {{0}};
	for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
		struct seen one = {{0}};
		assert_non_null(views[v]);
		cx_help_lines("view", views[v], collect, &one);
		cx_help_lines("view", views[v], collect, &all);
		/* What works everywhere is in every view's help. */
		for (size_t i = 0; i < cx_nkeys; i++)
			if (cx_keys[i].name && cx_req_global(cx_keys[i].req) && !in_help(&one, cx_keys[i].name))
				fail_msg("global key '%s' is missing from view %zu's help", cx_keys[i].name, v + 1);
	}
	for (size_t i = 0; i < cx_nkeys; i++)
		if (cx_keys[i].name && !in_help(&all, cx_keys[i].name))
			fail_msg("key '%s' is in no view's help", cx_keys[i].name);
}

static bool answers(const struct cx_req_use *uses, enum cx_req req)
{
	for (int i = 0; uses && uses[i].req != CX_REQ_NONE; i++)
		if (uses[i].req == req)
			return true;
	return false;
}

/* Every list sorts by any column and searches: its help says so, with the
 * keys the man page lists for them. */
static void every_list_sorts_and_searches_in_its_help(void **state)
{
	const struct cx_req_use *lists[] = {cx_table_agents.keys, cx_tickets_ops.keys, cx_table_campaigns.keys,
					    cx_table_claims.keys, cx_table_leaderboard.keys, cx_customers_ops.keys};
	const enum cx_req reqs[] = {CX_REQ_SORT_PREV, CX_REQ_SORT_NEXT, CX_REQ_SORT_FLIP, CX_REQ_SEARCH};
	for (size_t v = 0; v < sizeof lists / sizeof lists[0]; v++)
		for (size_t r = 0; r < sizeof reqs / sizeof reqs[0]; r++)
			if (!answers(lists[v], reqs[r]))
				fail_msg("list %zu does not list '%s' in its help", v + 1, cx_req_what(reqs[r]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key_is_in_the_man_page),
		cmocka_unit_test(every_man_key_is_in_the_table),
		cmocka_unit_test(no_key_is_bound_twice),
		cmocka_unit_test(every_key_is_in_some_help),
		cmocka_unit_test(every_list_sorts_and_searches_in_its_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
