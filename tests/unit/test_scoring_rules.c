/* test_scoring_rules.c — scoring rules files: the shipped file is the
 * built-in rule set, partial files merge, every mistake is reported at its
 * line and column and leaves the built-in rules, and the file is looked for
 * in the right places. */
#include "testutil.h"

#include <limits.h>
#include <sys/stat.h>

#include "cxtop/scoring.h"

static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path(name));
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return path;
}

static void assert_defaults(const cx_scoring *s)
{
	cx_scoring d;
	cx_scoring_default(&d);
	assert_memory_equal(s, &d, sizeof d);
}

static void load_ok(const char *text, cx_scoring *s)
{
	const char *path = write_file("scoring.yaml", text);
	cx_error err = {0};
	memset(s, 0x5a, sizeof *s);
	if (cx_scoring_load(path, s, &err) != 0)
		fail_msg("load failed: %s", err.msg);
}

/* want is the part after "path:". */
static void expect_error(const char *text, const char *want)
{
	const char *path = write_file("bad.yaml", text);
	char full[1024];
	snprintf(full, sizeof full, "%s:%s", path, want);
	cx_scoring s;
	memset(&s, 0x5a, sizeof s);
	cx_error err = {0};
	assert_int_equal(cx_scoring_load(path, &s, &err), -1);
	assert_string_equal(err.msg, full);
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
	assert_defaults(&s);
}

/* --- names and defaults -------------------------------------------------- */

static void names(void **state)
{
	static const char *const rules[CX_R_COUNT] = {
		"solved",  "frt_met", "one_touch", "promoter",        "detractor", "reopened",
		"sla_miss", "upsell", "winback",   "revenue_per_100", "claim"};
	for (int r = 0; r < CX_R_COUNT; r++)
		assert_string_equal(cx_rule_key((enum cx_rule)r), rules[r]);
	assert_string_equal(cx_rule_key(CX_R_UPSELL), "upsell");
	assert_null(cx_rule_key(CX_R_COUNT));
	assert_null(cx_rule_key((enum cx_rule)-1));
	/* Every rule has words for a column's title: capitalised, no key. */
	for (int r = 0; r < CX_R_COUNT; r++) {
		const char *t = cx_rule_title((enum cx_rule)r);
		assert_non_null(t);
		assert_true(t[0] >= 'A' && t[0] <= 'Z');
		assert_null(strchr(t, '_'));
		assert_true(strlen(t) <= 14);
	}
	assert_string_equal(cx_rule_title(CX_R_FRT_MET), "Reply in time");
	assert_null(cx_rule_title(CX_R_COUNT));

	assert_string_equal(cx_trophy_key(CX_T_POINTS), "most_points");
	assert_string_equal(cx_trophy_key(CX_T_CSAT), "best_csat");
	assert_string_equal(cx_trophy_key(CX_T_FRT), "fastest_frt");
	assert_string_equal(cx_trophy_key(CX_T_REVENUE), "most_revenue");
	assert_string_equal(cx_trophy_key(CX_T_SAVER), "best_saver");
	assert_null(cx_trophy_key(CX_T_COUNT));
	assert_string_equal(cx_trophy_title(CX_T_POINTS), "Most points");
	assert_string_equal(cx_trophy_title(CX_T_CSAT), "Best CSAT");
	assert_string_equal(cx_trophy_title(CX_T_FRT), "Fastest first response");
	assert_string_equal(cx_trophy_title(CX_T_REVENUE), "Most revenue");
	assert_string_equal(cx_trophy_title(CX_T_SAVER), "Best saver");
	assert_null(cx_trophy_title(CX_T_COUNT));

	static const char *const metrics[CX_M_COUNT] = {
		"solved",   "upsell_conversions", "winbacks",
		"frt_median_minutes", "csat_pct", "one_touch_pct",
		"no_reopen_streak_days", "revenue"};
	for (int m = 0; m < CX_M_COUNT; m++)
		assert_string_equal(cx_metric_key((enum cx_metric)m), metrics[m]);
	assert_null(cx_metric_key(CX_M_COUNT));
}

static void defaults(void **state)
{
	cx_scoring s;
	memset(&s, 0x5a, sizeof s);
	cx_scoring_default(&s);
	assert_int_equal(s.points[CX_R_SOLVED], 10);
	assert_int_equal(s.points[CX_R_FRT_MET], 4);
	assert_int_equal(s.points[CX_R_ONE_TOUCH], 5);
	assert_int_equal(s.points[CX_R_PROMOTER], 6);
	assert_int_equal(s.points[CX_R_DETRACTOR], -8);
	assert_int_equal(s.points[CX_R_REOPENED], -10);
	assert_int_equal(s.points[CX_R_SLA_MISS], -6);
	assert_int_equal(s.points[CX_R_UPSELL], 15);
	assert_int_equal(s.points[CX_R_WINBACK], 20);
	assert_int_equal(s.points[CX_R_REVENUE_100], 2);
	assert_int_equal(s.points[CX_R_CLAIM], 10);
	assert_int_equal(s.complexity_pct[0], 100);
	assert_int_equal(s.complexity_pct[1], 150);
	assert_int_equal(s.complexity_pct[2], 200);
	assert_int_equal(s.frt_target_s, 3600);
	assert_int_equal(s.sla_s, 48 * 3600);
	assert_int_equal(s.nlevels, 5);
	assert_string_equal(s.levels[0].name, "Beginner");
	assert_int_equal(s.levels[0].points, 0);
	assert_string_equal(s.levels[1].name, "Apprentice");
	assert_int_equal(s.levels[1].points, 5000);
	assert_string_equal(s.levels[2].name, "Pro");
	assert_int_equal(s.levels[2].points, 15000);
	assert_string_equal(s.levels[3].name, "Expert");
	assert_int_equal(s.levels[3].points, 30000);
	assert_string_equal(s.levels[4].name, "Guru");
	assert_int_equal(s.levels[4].points, 60000);
	assert_int_equal(s.trophy_min_ratings, 20);
	assert_int_equal(s.trophy_min_tickets, 50);
	assert_string_equal(s.rewards[CX_T_POINTS], "a day off");
	assert_string_equal(s.rewards[CX_T_CSAT], "flexible hours for a week");
	assert_string_equal(s.rewards[CX_T_FRT], "a remote day");
	assert_string_equal(s.rewards[CX_T_REVENUE], "a bonus");
	assert_string_equal(s.rewards[CX_T_SAVER], "lunch on the team");
	assert_int_equal(s.nbadges, 5);
	assert_string_equal(s.badges[0].name, "Closer");
	assert_int_equal(s.badges[0].metric, CX_M_UPSELL);
	assert_true(s.badges[0].has_min);
	assert_false(s.badges[0].has_max);
	assert_int_equal(s.badges[0].min, 40);
	assert_int_equal(s.badges[0].min_tickets, 0);
	assert_string_equal(s.badges[1].name, "Saver");
	assert_int_equal(s.badges[1].metric, CX_M_WINBACK);
	assert_int_equal(s.badges[1].min, 5);
	assert_string_equal(s.badges[2].name, "Speedster");
	assert_int_equal(s.badges[2].metric, CX_M_FRT_MEDIAN_MIN);
	assert_false(s.badges[2].has_min);
	assert_true(s.badges[2].has_max);
	assert_int_equal(s.badges[2].max, 59);
	assert_int_equal(s.badges[2].min_tickets, 50);
	assert_string_equal(s.badges[3].name, "Steady");
	assert_int_equal(s.badges[3].metric, CX_M_NO_REOPEN_STREAK);
	assert_int_equal(s.badges[3].min, 5);
	assert_string_equal(s.badges[4].name, "Crowd favourite");
	assert_int_equal(s.badges[4].metric, CX_M_CSAT_PCT);
	assert_int_equal(s.badges[4].min, 90);
	assert_int_equal(s.badges[4].min_tickets, 30);
	assert_int_equal(s.flag_min_solved, 20);
	assert_int_equal(s.flag_easy_pct, 80);
	assert_int_equal(s.flag_reopen_pct, 175);
	assert_int_equal(s.flag_unrated_pct, 150);
	assert_int_equal(s.alarm_cv_bp, 1000);
}

/* The shipped file says exactly what cx_scoring_default says. */
static void shipped_file_is_the_default(void **state)
{
	cx_scoring s, d;
	cx_error err = {0};
	memset(&s, 0x5a, sizeof s);
	if (cx_scoring_load("src/config/scoring.yaml", &s, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	cx_scoring_default(&d);
	for (int r = 0; r < CX_R_COUNT; r++)
		assert_int_equal(s.points[r], d.points[r]);
	for (int i = 0; i < 3; i++)
		assert_int_equal(s.complexity_pct[i], d.complexity_pct[i]);
	assert_int_equal(s.frt_target_s, d.frt_target_s);
	assert_int_equal(s.sla_s, d.sla_s);
	assert_int_equal(s.nlevels, d.nlevels);
	for (int i = 0; i < d.nlevels; i++) {
		assert_string_equal(s.levels[i].name, d.levels[i].name);
		assert_int_equal(s.levels[i].points, d.levels[i].points);
	}
	assert_int_equal(s.trophy_min_ratings, d.trophy_min_ratings);
	assert_int_equal(s.trophy_min_tickets, d.trophy_min_tickets);
	for (int t = 0; t < CX_T_COUNT; t++)
		assert_string_equal(s.rewards[t], d.rewards[t]);
	assert_int_equal(s.nbadges, d.nbadges);
	for (int i = 0; i < d.nbadges; i++) {
		assert_string_equal(s.badges[i].name, d.badges[i].name);
		assert_int_equal(s.badges[i].metric, d.badges[i].metric);
		assert_int_equal(s.badges[i].has_min, d.badges[i].has_min);
		assert_int_equal(s.badges[i].has_max, d.badges[i].has_max);
		if (d.badges[i].has_min)
			assert_int_equal(s.badges[i].min, d.badges[i].min);
		if (d.badges[i].has_max)
			assert_int_equal(s.badges[i].max, d.badges[i].max);
		assert_int_equal(s.badges[i].min_tickets, d.badges[i].min_tickets);
	}
	assert_int_equal(s.flag_min_solved, d.flag_min_solved);
	assert_int_equal(s.flag_easy_pct, d.flag_easy_pct);
	assert_int_equal(s.flag_reopen_pct, d.flag_reopen_pct);
	assert_int_equal(s.flag_unrated_pct, d.flag_unrated_pct);
	assert_int_equal(s.alarm_cv_bp, d.alarm_cv_bp);
	/* ...and nothing else: unused slots and padding too. */
	assert_memory_equal(&s, &d, sizeof d);
}

/* --- good files ---------------------------------------------------------- */

static void partial_file_merges(void **state)
{
	cx_scoring s, d;
	load_ok("points:\n"
		"  solved: 12\n",
		&s);
	cx_scoring_default(&d);
	d.points[CX_R_SOLVED] = 12;
	assert_memory_equal(&s, &d, sizeof d);

	/* A file with nothing but an empty mapping is the defaults. */
	load_ok("{}\n", &s);
	assert_defaults(&s);
	load_ok("# mine\n"
		"points: {}\n"
		"trophies: { rewards: {} }\n",
		&s);
	assert_defaults(&s);
}

static void every_key(void **state)
{
	cx_scoring s;
	load_ok("points:\n"
		"  detractor: -20\n"
		"  claim: +3\n"
		"  upsell: 0\n"
		"complexity_weights: [100, 100, 1000]\n"
		"frt_target_minutes: 30\n"
		"sla_hours: 24\n"
		"levels:\n"
		"  - name: Rookie\n"
		"    points: 0\n"
		"  - { points: 100, name: \"Old hand\" }\n"
		"trophies:\n"
		"  min_ratings: 5\n"
		"  rewards:\n"
		"    best_saver: \"\"\n"
		"    most_points: cake\n"
		"badges:\n"
		"  - name: Band\n"
		"    metric: one_touch_pct\n"
		"    min: 40\n"
		"    max: 60\n"
		"    min_tickets: 10\n"
		"  - { name: Rich, metric: revenue, min: 0 }\n"
		"flags:\n"
		"  unrated_pct: 1000\n"
		"  min_solved: 0\n"
		"alarm:\n"
		"  cv_below_pct: 25\n",
		&s);
	assert_int_equal(s.points[CX_R_DETRACTOR], -20);
	assert_int_equal(s.points[CX_R_CLAIM], 3);
	assert_int_equal(s.points[CX_R_UPSELL], 0);
	assert_int_equal(s.points[CX_R_SOLVED], 10); /* merged, not replaced */
	assert_int_equal(s.complexity_pct[0], 100);
	assert_int_equal(s.complexity_pct[1], 100);
	assert_int_equal(s.complexity_pct[2], 1000);
	assert_int_equal(s.frt_target_s, 1800);
	assert_int_equal(s.sla_s, 86400);
	/* Lists replace the built-in ones, tail and all. */
	assert_int_equal(s.nlevels, 2);
	assert_string_equal(s.levels[0].name, "Rookie");
	assert_int_equal(s.levels[0].points, 0);
	assert_string_equal(s.levels[1].name, "Old hand");
	assert_int_equal(s.levels[1].points, 100);
	assert_string_equal(s.levels[2].name, "");
	assert_int_equal(s.levels[2].points, 0);
	assert_int_equal(s.trophy_min_ratings, 5);
	assert_int_equal(s.trophy_min_tickets, 50);
	assert_string_equal(s.rewards[CX_T_SAVER], "");
	assert_string_equal(s.rewards[CX_T_POINTS], "cake");
	assert_string_equal(s.rewards[CX_T_CSAT], "flexible hours for a week");
	assert_int_equal(s.nbadges, 2);
	assert_string_equal(s.badges[0].name, "Band");
	assert_int_equal(s.badges[0].metric, CX_M_ONE_TOUCH_PCT);
	assert_true(s.badges[0].has_min);
	assert_true(s.badges[0].has_max);
	assert_int_equal(s.badges[0].min, 40);
	assert_int_equal(s.badges[0].max, 60);
	assert_int_equal(s.badges[0].min_tickets, 10);
	assert_string_equal(s.badges[1].name, "Rich");
	assert_int_equal(s.badges[1].metric, CX_M_REVENUE);
	assert_true(s.badges[1].has_min);
	assert_false(s.badges[1].has_max);
	assert_int_equal(s.badges[1].min, 0);
	assert_int_equal(s.badges[1].min_tickets, 0);
	assert_string_equal(s.badges[2].name, "");
	assert_int_equal(s.flag_min_solved, 0);
	assert_int_equal(s.flag_easy_pct, 80);
	assert_int_equal(s.flag_unrated_pct, 1000);
	assert_int_equal(s.alarm_cv_bp, 2500);

	load_ok("badges: []\n", &s);
	assert_int_equal(s.nbadges, 0);
	assert_string_equal(s.badges[0].name, "");
	assert_int_equal(s.nlevels, 5);

	/* The limits themselves are fine. */
	load_ok("levels:\n"
		"  - { name: L1, points: 0 }\n  - { name: L2, points: 1 }\n"
		"  - { name: L3, points: 2 }\n  - { name: L4, points: 3 }\n"
		"  - { name: L5, points: 4 }\n  - { name: L6, points: 5 }\n"
		"  - { name: L7, points: 6 }\n  - { name: L8, points: 7 }\n"
		"  - { name: L9, points: 8 }\n  - { name: L10, points: 9 }\n"
		"  - { name: L11, points: 10 }\n  - { name: 123456789012345678901234567890123456789, "
		"points: 11 }\n"
		"points: { solved: 1000000, reopened: -1000000 }\n"
		"frt_target_minutes: 1440\n"
		"sla_hours: 2160\n"
		"alarm: { cv_below_pct: 0 }\n"
		"flags: { easy_tickets_pct: 1 }\n",
		&s);
	assert_int_equal(s.nlevels, CX_MAX_LEVELS);
	assert_string_equal(s.levels[11].name, "123456789012345678901234567890123456789");
	assert_int_equal(s.points[CX_R_SOLVED], 1000000);
	assert_int_equal(s.points[CX_R_REOPENED], -1000000);
	assert_int_equal(s.frt_target_s, 1440 * 60);
	assert_int_equal(s.sla_s, 2160 * 3600);
	assert_int_equal(s.alarm_cv_bp, 0);
	assert_int_equal(s.flag_easy_pct, 1);

	char many[4096] = "badges:\n";
	for (int i = 0; i < CX_MAX_BADGES; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many),
			 "  - { name: B%d, metric: solved, min: %d }\n", i, i);
	load_ok(many, &s);
	assert_int_equal(s.nbadges, CX_MAX_BADGES);
	assert_string_equal(s.badges[23].name, "B23");
}

/* --- mistakes ------------------------------------------------------------ */

static void unknown_keys(void **state)
{
	expect_error("points:\n"
		     "  solved: 10\n"
		     "bonus: 5\n",
		     "3:1: unknown key 'bonus' (expected points, complexity_weights, "
		     "frt_target_minutes, sla_hours, levels, trophies, badges, flags or alarm)");
	expect_error("points:\n"
		     "  solved: 10\n"
		     "  sloved: 3\n",
		     "3:3: unknown key 'sloved' in points (expected solved, frt_met, one_touch, "
		     "promoter, detractor, reopened, sla_miss, upsell, winback, revenue_per_100 "
		     "or claim)");
	expect_error("levels:\n"
		     "  - { name: A, points: 0, colour: red }\n",
		     "2:27: unknown key 'colour' in level 1 (expected name or points)");
	expect_error("badges:\n"
		     "  - name: A\n"
		     "    metric: solved\n"
		     "    at_least: 3\n",
		     "4:5: unknown key 'at_least' in badge 1 (expected name, metric, min, max or "
		     "min_tickets)");
	expect_error("trophies:\n"
		     "  min_csat: 3\n",
		     "2:3: unknown key 'min_csat' in trophies (expected min_ratings, min_tickets or "
		     "rewards)");
	expect_error("trophies:\n"
		     "  rewards:\n"
		     "    most_calls: pizza\n",
		     "3:5: unknown key 'most_calls' in trophies.rewards (expected most_points, "
		     "best_csat, fastest_frt, most_revenue or best_saver)");
	expect_error("flags: { reopen: 3 }\n",
		     "1:10: unknown key 'reopen' in flags (expected min_solved, easy_tickets_pct, "
		     "reopen_pct or unrated_pct)");
	expect_error("alarm: { cv_below: 3 }\n",
		     "1:10: unknown key 'cv_below' in alarm (expected cv_below_pct)");
}

static void wrong_kinds(void **state)
{
	expect_error("- points\n", "1:1: expected a mapping at the top level, found a sequence");
	expect_error("just text\n", "1:1: expected a mapping at the top level, found a scalar");
	expect_error("points: [1, 2]\n", "1:9: expected a mapping for points, found a sequence");
	expect_error("points:\n", "1:8: expected a mapping for points, found a scalar");
	expect_error("points: { solved: [10] }\n",
		     "1:19: expected a whole number for points.solved, found a sequence");
	expect_error("points: { solved: }\n", "1:19: missing value for points.solved");
	expect_error("complexity_weights: 100\n",
		     "1:21: expected a sequence for complexity_weights, found a scalar");
	expect_error("levels: { name: A, points: 0 }\n",
		     "1:9: expected a sequence for levels, found a mapping");
	expect_error("levels:\n  - Beginner\n",
		     "2:5: expected a mapping for level 1, found a scalar");
	expect_error("badges: {}\n", "1:9: expected a sequence for badges, found a mapping");
	expect_error("badges: [[]]\n", "1:10: expected a mapping for badge 1, found a sequence");
	expect_error("badges: [{ name: A, metric: [solved], min: 1 }]\n",
		     "1:29: expected a metric name for badge 1, found a sequence");
	expect_error("trophies: 3\n", "1:11: expected a mapping for trophies, found a scalar");
	expect_error("trophies: { rewards: [a] }\n",
		     "1:22: expected a mapping for trophies.rewards, found a sequence");
	expect_error("trophies: { rewards: { best_csat: { a: b } } }\n",
		     "1:35: expected text for trophies.rewards.best_csat, found a mapping");
	expect_error("flags: []\n", "1:8: expected a mapping for flags, found a sequence");
	expect_error("alarm: 10\n", "1:8: expected a mapping for alarm, found a scalar");
	expect_error("levels: [{ name: { a: 1 }, points: 0 }]\n",
		     "1:18: expected text for level 1 name, found a mapping");
}

static void bad_numbers(void **state)
{
	expect_error("points:\n"
		     "  solved: ten\n",
		     "2:11: points.solved must be a whole number from -1000000 to 1000000, not 'ten'");
	expect_error("points: { promoter: 2.5 }\n",
		     "1:21: points.promoter must be a whole number from -1000000 to 1000000, "
		     "not '2.5'");
	expect_error("points: { claim: 1000001 }\n",
		     "1:18: points.claim must be a whole number from -1000000 to 1000000, "
		     "not '1000001'");
	expect_error("points: { claim: -1000001 }\n",
		     "1:18: points.claim must be a whole number from -1000000 to 1000000, "
		     "not '-1000001'");
	expect_error("points: { claim: 1e3 }\n",
		     "1:18: points.claim must be a whole number from -1000000 to 1000000, not '1e3'");
	expect_error("points: { claim: '- 3' }\n",
		     "1:18: points.claim must be a whole number from -1000000 to 1000000, not '- 3'");
	expect_error("points: { claim: '-' }\n",
		     "1:18: points.claim must be a whole number from -1000000 to 1000000, not '-'");
	expect_error("sla_hours: 1.5\n",
		     "1:12: sla_hours must be a whole number from 1 to 2160, not '1.5'");
	expect_error("sla_hours: 2161\n",
		     "1:12: sla_hours must be a whole number from 1 to 2160, not '2161'");
	expect_error("sla_hours: 0\n",
		     "1:12: sla_hours must be a whole number from 1 to 2160, not '0'");
	expect_error("frt_target_minutes: 0\n",
		     "1:21: frt_target_minutes must be a whole number from 1 to 1440, not '0'");
	expect_error("frt_target_minutes: 1441\n",
		     "1:21: frt_target_minutes must be a whole number from 1 to 1440, not '1441'");
	expect_error("trophies:\n"
		     "  min_ratings: -1\n",
		     "2:16: trophies.min_ratings must be a whole number (0 or more), not '-1'");
	expect_error("trophies: { min_tickets: many }\n",
		     "1:26: trophies.min_tickets must be a whole number (0 or more), not 'many'");
	expect_error("trophies: { min_tickets: 99999999999999999999 }\n",
		     "1:26: trophies.min_tickets must be a whole number (0 or more), "
		     "not '99999999999999999999'");
	expect_error("flags: { min_solved: -5 }\n",
		     "1:22: flags.min_solved must be a whole number (0 or more), not '-5'");
	expect_error("flags: { easy_tickets_pct: 0 }\n",
		     "1:28: flags.easy_tickets_pct must be a whole number from 1 to 1000, not '0'");
	expect_error("flags: { reopen_pct: 1001 }\n",
		     "1:22: flags.reopen_pct must be a whole number from 1 to 1000, not '1001'");
	expect_error("flags: { unrated_pct: 150% }\n",
		     "1:23: flags.unrated_pct must be a whole number from 1 to 1000, not '150%'");
	expect_error("alarm:\n"
		     "  cv_below_pct: 101\n",
		     "2:17: alarm.cv_below_pct must be a whole number from 0 to 100, not '101'");
}

static void complexity_weights(void **state)
{
	expect_error("complexity_weights: [100, 150]\n",
		     "1:21: complexity_weights must list exactly 3 weights (complexity 1, 2 and 3), "
		     "found 2");
	expect_error("complexity_weights:\n"
		     "  - 100\n"
		     "  - 150\n"
		     "  - 200\n"
		     "  - 250\n",
		     "2:3: complexity_weights must list exactly 3 weights (complexity 1, 2 and 3), "
		     "found 4");
	expect_error("complexity_weights: []\n",
		     "1:21: complexity_weights must list exactly 3 weights (complexity 1, 2 and 3), "
		     "found 0");
	expect_error("complexity_weights: [100, 0, 200]\n",
		     "1:27: complexity weight 2 must be a whole number from 1 to 1000, not '0'");
	expect_error("complexity_weights: [100, 150, 1001]\n",
		     "1:32: complexity weight 3 must be a whole number from 1 to 1000, not '1001'");
	expect_error("complexity_weights: [100, 150, x]\n",
		     "1:32: complexity weight 3 must be a whole number from 1 to 1000, not 'x'");
	expect_error("complexity_weights: [[100], 150, 200]\n",
		     "1:22: expected a whole number for complexity weight 1, found a sequence");
}

static void bad_levels(void **state)
{
	expect_error("levels:\n"
		     "  - { name: A, points: 0 }\n"
		     "  - { name: B, points: -5 }\n",
		     "3:24: level 2 points must be a whole number (0 or more), not '-5'");
	expect_error("levels:\n"
		     "  - name: A\n"
		     "    points: 0\n"
		     "  - name: B\n"
		     "    points: 100\n"
		     "  - name: C\n"
		     "    points: 100\n",
		     "7:13: level 3 points must be more than level 2's (100), not 100");
	expect_error("levels:\n"
		     "  - { name: A, points: 0 }\n"
		     "  - { name: B, points: 500 }\n"
		     "  - { name: C, points: 200 }\n",
		     "4:24: level 3 points must be more than level 2's (500), not 200");
	expect_error("levels:\n"
		     "  - { name: A, points: 10 }\n",
		     "2:24: the first level must be at 0 points, not 10");
	expect_error("levels: []\n",
		     "1:9: levels must not be empty (the first level is at 0 points)");
	expect_error("levels:\n"
		     "  - { name: Pro, points: 0 }\n"
		     "  - { name: Pro, points: 10 }\n",
		     "3:13: duplicate level name 'Pro' (first at 2:13)");
	expect_error("levels:\n"
		     "  - { name: A }\n",
		     "2:5: level 1 has no points");
	expect_error("levels:\n"
		     "  - { name: A, points: 0 }\n"
		     "  - points: 10\n",
		     "3:5: level 2 has no name");
	expect_error("levels:\n"
		     "  - { name: \"\", points: 0 }\n",
		     "2:13: missing value for level 1 name");
	expect_error("levels:\n"
		     "  - { name: 1234567890123456789012345678901234567890, points: 0 }\n",
		     "2:13: level 1 name is longer than 39 bytes");
	expect_error("levels:\n"
		     "  - { name: \"A\\tB\", points: 0 }\n",
		     "2:13: level 1 name contains a control character");
	char many[2048] = "levels:\n";
	for (int i = 0; i <= CX_MAX_LEVELS; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many),
			 "  - { name: L%d, points: %d }\n", i, i);
	expect_error(many, "14:5: more than 12 levels");
}

static void bad_badges(void **state)
{
	expect_error("badges:\n"
		     "  - { name: X, metric: speed, min: 1 }\n",
		     "2:24: unknown metric 'speed' in badge 1 (expected solved, upsell_conversions, "
		     "winbacks, frt_median_minutes, csat_pct, one_touch_pct, no_reopen_streak_days "
		     "or revenue)");
	expect_error("badges:\n"
		     "  - { name: X, metric: solved }\n",
		     "2:5: badge 1 needs min or max (or both)");
	expect_error("badges:\n"
		     "  - { name: X, metric: solved, min: 1 }\n"
		     "  - name: Y\n"
		     "    metric: solved\n"
		     "    min_tickets: 10\n",
		     "3:5: badge 2 needs min or max (or both)");
	expect_error("badges:\n"
		     "  - { name: X, metric: csat_pct, min: 90, max: 80 }\n",
		     "2:48: badge 1 max must be at least its min (90), not 80");
	expect_error("badges:\n"
		     "  - { metric: solved, min: 1 }\n",
		     "2:5: badge 1 has no name");
	expect_error("badges:\n"
		     "  - { name: X, min: 1 }\n",
		     "2:5: badge 1 has no metric");
	expect_error("badges:\n"
		     "  - { name: X, metric: solved, max: -1 }\n",
		     "2:37: badge 1 max must be a whole number (0 or more), not '-1'");
	expect_error("badges:\n"
		     "  - { name: X, metric: solved, min: 1, min_tickets: x }\n",
		     "2:53: badge 1 min_tickets must be a whole number (0 or more), not 'x'");
	expect_error("badges:\n"
		     "  - { name: X, metric: solved, min: 1 }\n"
		     "  - { name: X, metric: winbacks, min: 1 }\n",
		     "3:13: duplicate badge name 'X' (first at 2:13)");
	char many[4096] = "badges:\n";
	for (int i = 0; i <= CX_MAX_BADGES; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many),
			 "  - { name: B%d, metric: solved, min: %d }\n", i, i);
	expect_error(many, "26:5: more than 24 badges");
}

static void bad_rewards(void **state)
{
	char longer[200] = "trophies:\n  rewards:\n    best_csat: ";
	memset(longer + strlen(longer), 'a', 64);
	strcat(longer, "\n");
	expect_error(longer, "3:16: trophies.rewards.best_csat is longer than 63 bytes");
}

static void yaml_errors(void **state)
{
	expect_error("", "1:1: empty scoring rules file");
	expect_error("# nothing yet\n\n", "1:1: empty scoring rules file");
	expect_error("---\n", "1:1: empty scoring rules file");
	expect_error("points:\n"
		     "  solved: 10\n"
		     "    frt_met: 4\n",
		     "3:12: syntax error: mapping values are not allowed in this context");
	expect_error("points: { solved: 10\n",
		     "2:1: syntax error: did not find expected ',' or '}' "
		     "(while parsing a flow mapping started at 1:9)");
	expect_error("points:\n"
		     "  solved: 10\n"
		     "  solved: 12\n",
		     "3:3: duplicate key 'solved' (first at 2:3)");
	expect_error("sla_hours: &h 10\n"
		     "frt_target_minutes: *h\n",
		     "2:21: aliases (*h) are not supported");
	expect_error("sla_hours: 10\n"
		     "---\n"
		     "sla_hours: 12\n",
		     "2:1: only one YAML document is allowed");
}

static void half_a_file_is_not_applied(void **state)
{
	/* The good lines before the bad one must not survive. */
	expect_error("points: { solved: 99 }\n"
		     "levels:\n"
		     "  - { name: A, points: 0 }\n"
		     "badges: []\n"
		     "alarm: { cv_below_pct: 50 }\n"
		     "sla_hours: 9999\n",
		     "6:12: sla_hours must be a whole number from 1 to 2160, not '9999'");
}

static void unreadable_files(void **state)
{
	char dir[600], want[800];
	cx_scoring s;
	cx_error err = {0};

	snprintf(dir, sizeof dir, "%s", tu_tmp_path("no-such-rules.yaml"));
	memset(&s, 0x5a, sizeof s);
	assert_int_equal(cx_scoring_load(dir, &s, &err), -1);
	snprintf(want, sizeof want, "cannot open scoring rules '%s': No such file or directory",
		 dir);
	assert_string_equal(err.msg, want);
	assert_defaults(&s);

	snprintf(dir, sizeof dir, "%s", tu_tmp_path("rulesdir"));
	assert_int_equal(mkdir(dir, 0755), 0);
	memset(&s, 0x5a, sizeof s);
	assert_int_equal(cx_scoring_load(dir, &s, &err), -1);
	snprintf(want, sizeof want, "cannot open scoring rules '%s': Is a directory", dir);
	assert_string_equal(err.msg, want);
	assert_defaults(&s);
}

/* --- finding the file ---------------------------------------------------- */

struct saved_env {
	const char *name;
	char *value;
};

static struct saved_env env_set(const char *name, const char *value)
{
	struct saved_env s = {name, getenv(name) ? strdup(getenv(name)) : NULL};
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
	return s;
}

static void env_restore(struct saved_env s)
{
	if (s.value)
		setenv(s.name, s.value, 1);
	else
		unsetenv(s.name);
	free(s.value);
}

static bool installed(void)
{
	struct stat sb;
	return stat(CX_DATADIR "/scoring.yaml", &sb) == 0 && S_ISREG(sb.st_mode);
}

static void find_order(void **state)
{
	char xdg[600], home[600], path[1200], buf[1200], cwd[PATH_MAX];
	snprintf(xdg, sizeof xdg, "%s", tu_tmp_path("xdg"));
	snprintf(home, sizeof home, "%s", tu_tmp_path("home"));
	assert_int_equal(mkdir(xdg, 0755), 0);
	assert_int_equal(mkdir(home, 0755), 0);
	/* $CXTOP_SCORING names a file outright, before any search. */
	setenv("CXTOP_SCORING", "/some/team/rules.yaml", 1);
	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, "/some/team/rules.yaml");
	unsetenv("CXTOP_SCORING");
	struct saved_env sx = env_set("XDG_CONFIG_HOME", xdg);
	struct saved_env sh = env_set("HOME", home);
	/* Without a user file: the installed file, else the source tree's. */
	const char *fallback = installed() ? CX_DATADIR "/scoring.yaml" : "src/config/scoring.yaml";

	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, fallback);

	/* A directory in the user's place is not a file. */
	snprintf(path, sizeof path, "%s/cxtop", xdg);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/cxtop/scoring.yaml", xdg);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, fallback);
	assert_int_equal(rmdir(path), 0);

	/* The user's file wins. */
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("points: { solved: 1 }\n", f);
	assert_int_equal(fclose(f), 0);
	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, path);
	assert_false(cx_scoring_find(buf, 8)); /* too small for any candidate */
	assert_string_equal(buf, "");

	/* Without XDG_CONFIG_HOME: ~/.config/cxtop. */
	unsetenv("XDG_CONFIG_HOME");
	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, fallback);
	snprintf(path, sizeof path, "%s/.config", home);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/.config/cxtop", home);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/.config/cxtop/scoring.yaml", home);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_true(cx_scoring_find(buf, sizeof buf));
	assert_string_equal(buf, path);

	/* Elsewhere, without a user file, without src/config/: nothing, unless
	 * cxtop is installed. */
	setenv("XDG_CONFIG_HOME", xdg, 1);
	snprintf(path, sizeof path, "%s/cxtop/scoring.yaml", xdg);
	assert_int_equal(unlink(path), 0);
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(home), 0);
	if (installed()) {
		assert_true(cx_scoring_find(buf, sizeof buf));
		assert_string_equal(buf, CX_DATADIR "/scoring.yaml");
	} else {
		assert_false(cx_scoring_find(buf, sizeof buf));
		assert_string_equal(buf, "");
	}
	assert_int_equal(chdir(cwd), 0);

	env_restore(sh);
	env_restore(sx);
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names),
		cmocka_unit_test(defaults),
		cmocka_unit_test(shipped_file_is_the_default),
		cmocka_unit_test(partial_file_merges),
		cmocka_unit_test(every_key),
		cmocka_unit_test(unknown_keys),
		cmocka_unit_test(wrong_kinds),
		cmocka_unit_test(bad_numbers),
		cmocka_unit_test(complexity_weights),
		cmocka_unit_test(bad_levels),
		cmocka_unit_test(bad_badges),
		cmocka_unit_test(bad_rewards),
		cmocka_unit_test(yaml_errors),
		cmocka_unit_test(half_a_file_is_not_applied),
		cmocka_unit_test(unreadable_files),
		cmocka_unit_test(find_order),
	};
	return cmocka_run_group_tests_name("scoring_rules", tests, NULL, teardown_all);
}
