/* test_scoring.c — points, ranks and ties, movement, levels, badges,
 * trophies with their qualification, anti-gaming flags and the diversity
 * alarm, on crafted agents. */
#include "testutil.h"

#include "cxtop/scoring.h"

static cx_scoring rules;

static int setup(void **state)
{
	cx_scoring_default(&rules);
	/* Round numbers make the expectations readable. */
	memset(rules.points, 0, sizeof rules.points);
	rules.points[CX_R_SOLVED] = 10;
	rules.points[CX_R_REOPENED] = -10;
	rules.points[CX_R_UPSELL] = 15;
	rules.points[CX_R_REVENUE_100] = 2;
	rules.complexity_pct[0] = 100;
	rules.complexity_pct[1] = 150;
	rules.complexity_pct[2] = 200;
	rules.flag_min_solved = 20;
	rules.flag_easy_pct = 80;
	rules.flag_reopen_pct = 200;
	rules.flag_unrated_pct = 150;
	rules.alarm_cv_bp = 1000;
	rules.trophy_min_ratings = 20;
	rules.trophy_min_tickets = 50;
	return 0;
}

/* An agent with `solved` tickets of complexity 2, rated and answered. */
static cx_score_raw agent(int64_t id, const char *name, int64_t solved)
{
	cx_score_raw r = {.agent_id = id};
	snprintf(r.name, sizeof r.name, "%s", name);
	snprintf(r.team, sizeof r.team, "T");
	r.ticket[1][CX_R_SOLVED] = solved;
	r.solved = solved;
	r.complexity_sum = 2 * solved;
	r.rated = solved;
	r.satisfied = solved * 8 / 10;
	r.frt = (cx_dist){.n = solved, .median_x2 = 2 * 3600, .p90 = 7200};
	return r;
}

static void points_weigh_complexity(void **state)
{
	cx_score_raw r = {0};
	r.ticket[0][CX_R_SOLVED] = 10; /* 10 x 10 x 100 % = 100 */
	r.ticket[2][CX_R_SOLVED] = 10; /* 10 x 10 x 200 % = 200 */
	r.ticket[2][CX_R_REOPENED] = 1; /* -10 x 200 % = -20 */
	r.upsell = 2;                  /* 30 */
	r.revenue = 45678;             /* $456.78: 4 hundreds x 2 = 8 */
	int64_t by_rule[CX_R_COUNT];
	assert_int_equal(cx_score_points(&rules, &r, by_rule), 318);
	assert_int_equal(by_rule[CX_R_SOLVED], 300);
	assert_int_equal(by_rule[CX_R_REOPENED], -20);
	assert_int_equal(by_rule[CX_R_UPSELL], 30);
	assert_int_equal(by_rule[CX_R_REVENUE_100], 8);
	/* Ten easy tickets earn half of ten hard ones. */
	cx_score_raw easy = {0}, hard = {0};
	easy.ticket[0][CX_R_SOLVED] = 10;
	hard.ticket[2][CX_R_SOLVED] = 10;
	assert_int_equal(cx_score_points(&rules, &easy, NULL) * 2, cx_score_points(&rules, &hard, NULL));
}

static void every_rule_counts_on_its_own(void **state)
{
	cx_scoring r;
	cx_scoring_default(&r);
	for (int rule = 0; rule < CX_R_COUNT; rule++) {
		cx_score_raw raw = {0};
		if (rule < CX_R_TICKET_RULES)
			raw.ticket[2][rule] = 3; /* three hard tickets */
		else if (rule == CX_R_UPSELL)
			raw.upsell = 3;
		else if (rule == CX_R_WINBACK)
			raw.winback = 3;
		else if (rule == CX_R_REVENUE_100)
			raw.revenue = 30000; /* three hundreds */
		else
			raw.claims = 3;
		int64_t by_rule[CX_R_COUNT];
		int64_t want = 3 * r.points[rule] * (rule < CX_R_TICKET_RULES ? r.complexity_pct[2] : 100) / 100;
		int64_t got = cx_score_points(&r, &raw, by_rule);
		if (got != want || by_rule[rule] != want)
			fail_msg("rule %s: %lld points, want %lld", cx_rule_key((enum cx_rule)rule), (long long)got,
				 (long long)want);
	}
}

static void ties_share_a_rank_and_skip_the_next(void **state)
{
	cx_score_raw raw[4] = {agent(1, "Ann", 30), agent(2, "Bob", 50), agent(3, "Cid", 30), agent(4, "Dee", 10)};
	cx_board b;
	cx_board_compute(&rules, raw, 4, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.n, 4);
	assert_string_equal(b.scores[0].raw->name, "Bob");
	assert_int_equal(b.scores[0].rank, 1);
	assert_int_equal(b.scores[1].rank, 2); /* Ann and Cid tie */
	assert_int_equal(b.scores[2].rank, 2);
	assert_string_equal(b.scores[1].raw->name, "Ann"); /* ties by name */
	assert_int_equal(b.scores[3].rank, 4);             /* 3 is skipped */
	cx_board_free(&b);
}

static void movement_against_the_previous_period(void **state)
{
	cx_score_raw now[3] = {agent(1, "Ann", 50), agent(2, "Bob", 40), agent(3, "Cid", 30)};
	cx_score_raw before[2] = {agent(2, "Bob", 60), agent(1, "Ann", 10)};
	cx_board b;
	cx_board_compute(&rules, now, 3, before, 2, NULL, 0, &b);
	assert_int_equal(b.scores[0].prev_rank, 2); /* Ann: 2 -> 1 */
	assert_int_equal(b.scores[1].prev_rank, 1); /* Bob: 1 -> 2 */
	assert_int_equal(b.scores[2].prev_rank, 0); /* Cid: new */
	cx_board_free(&b);
}

static void levels_come_from_lifetime_points(void **state)
{
	cx_score_raw now[1] = {agent(1, "Ann", 10)};
	cx_score_raw life[1] = {agent(1, "Ann", 10000)}; /* 10,000 x 15 = 150,000 points */
	cx_board b;
	cx_board_compute(&rules, now, 1, NULL, 0, life, 1, &b);
	assert_int_equal(b.scores[0].lifetime, 150000);
	assert_int_equal(b.scores[0].level, rules.nlevels - 1);
	cx_board_free(&b);
	cx_board_compute(&rules, now, 1, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.scores[0].level, 0); /* 150 points: the first level */
	cx_board_free(&b);
}

static void an_empty_period(void **state)
{
	cx_board b;
	cx_board_compute(&rules, NULL, 0, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.n, 0);
	for (int t = 0; t < CX_T_COUNT; t++)
		assert_int_equal(b.trophy[t], -1);
	assert_false(b.alarm);
	cx_board_free(&b);
	/* An agent who left, with nothing this period: no points, no trophy. */
	cx_score_raw gone[1] = {agent(9, "Gone", 0)};
	cx_board_compute(&rules, gone, 1, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.scores[0].points, 0);
	assert_int_equal(b.trophy[CX_T_POINTS], -1);
	assert_int_equal(b.trophy[CX_T_CSAT], -1);
	cx_board_free(&b);
}

static void trophies_need_the_minimum_volume(void **state)
{
	cx_score_raw raw[2] = {agent(1, "Ann", 100), agent(2, "Bob", 10)};
	raw[1].satisfied = 10; /* 100 % CSAT, but only 10 ratings */
	raw[1].frt.median_x2 = 60; /* 30 s, but only 10 tickets */
	raw[0].winback = 3;
	cx_board b;
	cx_board_compute(&rules, raw, 2, NULL, 0, NULL, 0, &b);
	assert_string_equal(b.scores[b.trophy[CX_T_CSAT]].raw->name, "Ann");
	assert_string_equal(b.scores[b.trophy[CX_T_FRT]].raw->name, "Ann");
	assert_string_equal(b.scores[b.trophy[CX_T_SAVER]].raw->name, "Ann");
	assert_int_equal(b.trophy_value[CX_T_SAVER], 3);
	assert_int_equal(b.trophy[CX_T_REVENUE], -1); /* nobody sold */
	/* With enough ratings Bob's 100 % wins. */
	raw[1] = agent(2, "Bob", 40);
	raw[1].satisfied = 40;
	cx_board_free(&b);
	cx_board_compute(&rules, raw, 2, NULL, 0, NULL, 0, &b);
	assert_string_equal(b.scores[b.trophy[CX_T_CSAT]].raw->name, "Bob");
	assert_int_equal(b.trophy_value[CX_T_CSAT], 10000);
	cx_board_free(&b);
}

static void badges_follow_their_rules(void **state)
{
	cx_scoring r = rules;
	r.nbadges = 2;
	r.badges[0] = (cx_badge_rule){.name = "Closer", .metric = CX_M_UPSELL, .has_min = true, .min = 10};
	r.badges[1] = (cx_badge_rule){.name = "Speedster", .metric = CX_M_FRT_MEDIAN_MIN, .has_max = true, .max = 59,
				      .min_tickets = 50};
	cx_score_raw raw[3] = {agent(1, "Ann", 60), agent(2, "Bob", 40), agent(3, "Cid", 60)};
	raw[0].upsell = 10;
	raw[0].frt.median_x2 = 2 * 30 * 60; /* 30 min */
	raw[1].frt.median_x2 = 2 * 30 * 60; /* fast, but under 50 tickets */
	raw[2].upsell = 9;
	cx_board b;
	cx_board_compute(&r, raw, 3, NULL, 0, NULL, 0, &b);
	for (size_t i = 0; i < b.n; i++) {
		const char *n = b.scores[i].raw->name;
		uint32_t want = strcmp(n, "Ann") == 0 ? 3u : 0u;
		assert_int_equal(b.scores[i].badges, want);
	}
	cx_board_free(&b);
}

static void anti_gaming_flags(void **state)
{
	cx_score_raw raw[4] = {agent(1, "Ann", 100), agent(2, "Bob", 100), agent(3, "Cid", 100), agent(4, "Dee", 100)};
	/* Dee: all complexity 1 (team mean ~1.75) */
	memset(raw[3].ticket, 0, sizeof raw[3].ticket);
	raw[3].ticket[0][CX_R_SOLVED] = 100;
	raw[3].complexity_sum = 100;
	/* Cid: reopens far above the team */
	raw[2].reopened = 30;
	raw[0].reopened = raw[1].reopened = 2;
	/* Bob: closes many tickets without a rating */
	raw[1].rated = 10;
	raw[1].satisfied = 8;
	cx_board b;
	cx_board_compute(&rules, raw, 4, NULL, 0, NULL, 0, &b);
	for (size_t i = 0; i < b.n; i++) {
		const char *n = b.scores[i].raw->name;
		unsigned want = strcmp(n, "Dee") == 0 ? CX_FLAG_EASY
				: strcmp(n, "Cid") == 0 ? CX_FLAG_REOPEN
				: strcmp(n, "Bob") == 0 ? CX_FLAG_UNRATED
							: 0u;
		if (b.scores[i].flags != want)
			fail_msg("%s: flags %u, want %u", n, b.scores[i].flags, want);
	}
	cx_board_free(&b);
	/* Small volumes are never flagged. */
	cx_score_raw few[2] = {agent(1, "Ann", 100), agent(2, "Bob", 5)};
	few[1].reopened = 5;
	cx_board_compute(&rules, few, 2, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.scores[1].flags, 0);
	cx_board_free(&b);
}

static void the_alarm_sounds_on_a_uniform_team(void **state)
{
	cx_score_raw same[5];
	for (int i = 0; i < 5; i++) {
		same[i] = agent(i + 1, "X", 100 + i); /* solved 100..104: CV ~1.4 % */
		same[i].name[1] = (char)('a' + i);
	}
	cx_board b;
	cx_board_compute(&rules, same, 5, NULL, 0, NULL, 0, &b);
	assert_int_equal(b.cv_agents, 5);
	assert_true(b.cv_bp[0] < 1000);
	assert_true(b.alarm);
	cx_board_free(&b);
	/* One agent who really differs is enough to silence it. */
	same[4].frt.median_x2 = 2 * 8 * 3600;
	cx_board_compute(&rules, same, 5, NULL, 0, NULL, 0, &b);
	assert_false(b.alarm);
	cx_board_free(&b);
	/* Fewer than three agents with volume: no verdict. */
	cx_board_compute(&rules, same, 2, NULL, 0, NULL, 0, &b);
	assert_false(b.alarm);
	cx_board_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(points_weigh_complexity, setup),
		cmocka_unit_test_setup(every_rule_counts_on_its_own, setup),
		cmocka_unit_test_setup(ties_share_a_rank_and_skip_the_next, setup),
		cmocka_unit_test_setup(movement_against_the_previous_period, setup),
		cmocka_unit_test_setup(levels_come_from_lifetime_points, setup),
		cmocka_unit_test_setup(an_empty_period, setup),
		cmocka_unit_test_setup(trophies_need_the_minimum_volume, setup),
		cmocka_unit_test_setup(badges_follow_their_rules, setup),
		cmocka_unit_test_setup(anti_gaming_flags, setup),
		cmocka_unit_test_setup(the_alarm_sounds_on_a_uniform_team, setup),
	};
	return cmocka_run_group_tests_name("scoring", tests, NULL, NULL);
}
