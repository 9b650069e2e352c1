/* scoring.c — the built-in scoring rules, the names they go by, and rules
 * files (src/config/scoring.yaml is the built-in set spelt as a file, and a
 * test keeps the two equal).
 *
 * RULES FILE FORMAT (YAML, one document, UTF-8).  Every top-level key is
 * optional; a file that leaves one out keeps the built-in value.
 *
 *   points               a mapping from event to points per event (whole
 *                        numbers from -1000000 to 1000000); keys merge one
 *                        by one into the built-in table.  Events: solved,
 *                        frt_met, one_touch, promoter, detractor, reopened,
 *                        sla_miss (per ticket, times the complexity weight),
 *                        upsell, winback, revenue_per_100, claim.
 *   complexity_weights   a sequence of exactly 3 whole numbers 1..1000: the
 *                        weight in percent of complexity 1, 2 and 3.
 *   frt_target_minutes   1..1440.
 *   sla_hours            1..2160.
 *   levels               a sequence of 1..12 mappings { name, points }, both
 *                        required: name 1..39 bytes, no control characters,
 *                        no two alike; points 0 or more, the first exactly
 *                        0, each more than the one before.  Replaces the
 *                        built-in list as a whole.
 *   trophies             a mapping: min_ratings, min_tickets (0 or more)
 *                        and rewards, a mapping from trophy (most_points,
 *                        best_csat, fastest_frt, most_revenue, best_saver)
 *                        to a text of at most 63 bytes ("" for no reward);
 *                        each key merges on its own.
 *   badges               a sequence of 0..24 mappings { name, metric, min,
 *                        max, min_tickets }: name and metric required, at
 *                        least one of min and max, min <= max, all three
 *                        numbers 0 or more (min_tickets defaults to 0);
 *                        names as for levels.  Metrics: solved,
 *                        upsell_conversions, winbacks, frt_median_minutes,
 *                        csat_pct, one_touch_pct, no_reopen_streak_days,
 *                        revenue.  Replaces the built-in list as a whole
 *                        ([] for no badges).
 *   flags                a mapping: min_solved (0 or more), and
 *                        easy_tickets_pct, reopen_pct, unrated_pct (1..1000).
 *   alarm                a mapping: cv_below_pct (0..100).
 *
 * Anything else is an error reported as "path:line:column: message" at the
 * offending node (1-based): unknown keys (the message lists the expected
 * ones), values of the wrong kind, numbers out of range, the list rules
 * above, duplicate keys, aliases, more than one document, an empty file,
 * and YAML syntax errors.  A broken file is never half applied: the caller
 * gets the built-in rules and -1.
 */
#include "cxtop/scoring.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/config.h"
#include "cxtop/parse.h"
#include "files.h"
#include "yaml_tree.h"

/* The Makefile sets it from DATADIR; a bare compile still works. */
#ifndef CX_DATADIR
#define CX_DATADIR "/usr/local/share/cxtop"
#endif

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* --- names --------------------------------------------------------------- */

static const char *const rule_keys[CX_R_COUNT] = {
	[CX_R_SOLVED] = "solved",
	[CX_R_FRT_MET] = "frt_met",
	[CX_R_ONE_TOUCH] = "one_touch",
	[CX_R_PROMOTER] = "promoter",
	[CX_R_DETRACTOR] = "detractor",
	[CX_R_REOPENED] = "reopened",
	[CX_R_SLA_MISS] = "sla_miss",
	[CX_R_UPSELL] = "upsell",
	[CX_R_WINBACK] = "winback",
	[CX_R_REVENUE_100] = "revenue_per_100",
	[CX_R_CLAIM] = "claim",
};

static const char *const trophy_keys[CX_T_COUNT] = {
	[CX_T_POINTS] = "most_points",
	[CX_T_CSAT] = "best_csat",
	[CX_T_FRT] = "fastest_frt",
	[CX_T_REVENUE] = "most_revenue",
	[CX_T_SAVER] = "best_saver",
};

static const char *const rule_titles[CX_R_COUNT] = {
	[CX_R_SOLVED] = "Solved",
	[CX_R_FRT_MET] = "Reply in time",
	[CX_R_ONE_TOUCH] = "One-touch",
	[CX_R_PROMOTER] = "Promoters",
	[CX_R_DETRACTOR] = "Detractors",
	[CX_R_REOPENED] = "Reopened",
	[CX_R_SLA_MISS] = "SLA missed",
	[CX_R_UPSELL] = "Upsells",
	[CX_R_WINBACK] = "Win-backs",
	[CX_R_REVENUE_100] = "Revenue",
	[CX_R_CLAIM] = "Claims",
};

static const char *const trophy_titles[CX_T_COUNT] = {
	[CX_T_POINTS] = "Most points",
	[CX_T_CSAT] = "Best CSAT",
	[CX_T_FRT] = "Fastest first response",
	[CX_T_REVENUE] = "Most revenue",
	[CX_T_SAVER] = "Best saver",
};

static const char *const metric_keys[CX_M_COUNT] = {
	[CX_M_SOLVED] = "solved",
	[CX_M_UPSELL] = "upsell_conversions",
	[CX_M_WINBACK] = "winbacks",
	[CX_M_FRT_MEDIAN_MIN] = "frt_median_minutes",
	[CX_M_CSAT_PCT] = "csat_pct",
	[CX_M_ONE_TOUCH_PCT] = "one_touch_pct",
	[CX_M_NO_REOPEN_STREAK] = "no_reopen_streak_days",
	[CX_M_REVENUE] = "revenue",
};

const char *cx_rule_key(enum cx_rule r)
{
	return (int)r >= 0 && r < CX_R_COUNT ? rule_keys[r] : NULL;
}

const char *cx_rule_title(enum cx_rule r)
{
	return (int)r >= 0 && r < CX_R_COUNT ? rule_titles[r] : NULL;
}

const char *cx_trophy_key(enum cx_trophy t)
{
	return (int)t >= 0 && t < CX_T_COUNT ? trophy_keys[t] : NULL;
}

const char *cx_trophy_title(enum cx_trophy t)
{
	return (int)t >= 0 && t < CX_T_COUNT ? trophy_titles[t] : NULL;
}

const char *cx_metric_key(enum cx_metric m)
{
	return (int)m >= 0 && m < CX_M_COUNT ? metric_keys[m] : NULL;
}

/* --- the built-in rules -------------------------------------------------- */

static const int64_t default_points[CX_R_COUNT] = {
	[CX_R_SOLVED] = 10,   [CX_R_FRT_MET] = 4,    [CX_R_ONE_TOUCH] = 5,
	[CX_R_PROMOTER] = 6,  [CX_R_DETRACTOR] = -8, [CX_R_REOPENED] = -10,
	[CX_R_SLA_MISS] = -6, [CX_R_UPSELL] = 15,    [CX_R_WINBACK] = 20,
	[CX_R_REVENUE_100] = 2, [CX_R_CLAIM] = 10,
};

static const struct {
	const char *name;
	int64_t points;
} default_levels[] = {
	{"Beginner", 0}, {"Apprentice", 5000}, {"Pro", 15000}, {"Expert", 30000}, {"Guru", 60000},
};

static const char *const default_rewards[CX_T_COUNT] = {
	[CX_T_POINTS] = "a day off",
	[CX_T_CSAT] = "flexible hours for a week",
	[CX_T_FRT] = "a remote day",
	[CX_T_REVENUE] = "a bonus",
	[CX_T_SAVER] = "lunch on the team",
};

static const struct {
	const char *name;
	enum cx_metric metric;
	bool has_min, has_max;
	int64_t min, max, min_tickets;
} default_badges[] = {
	{"Closer", CX_M_UPSELL, true, false, 40, 0, 0},
	{"Saver", CX_M_WINBACK, true, false, 5, 0, 0},
	{"Speedster", CX_M_FRT_MEDIAN_MIN, false, true, 0, 59, 50},
	{"Steady", CX_M_NO_REOPEN_STREAK, true, false, 5, 0, 0},
	{"Crowd favourite", CX_M_CSAT_PCT, true, false, 90, 0, 30},
};

void cx_scoring_default(cx_scoring *out)
{
	/* Zeroed first, padding and unused slots included, so that two rule
	 * sets that say the same thing compare equal with memcmp. */
	memset(out, 0, sizeof *out);
	memcpy(out->points, default_points, sizeof out->points);
	out->complexity_pct[0] = 100;
	out->complexity_pct[1] = 150;
	out->complexity_pct[2] = 200;
	out->frt_target_s = 60 * 60;
	out->sla_s = 48 * 3600;
	for (int i = 0; i < COUNT(default_levels); i++) {
		snprintf(out->levels[i].name, CX_NAME_LEN, "%s", default_levels[i].name);
		out->levels[i].points = default_levels[i].points;
	}
	out->nlevels = COUNT(default_levels);
	out->trophy_min_ratings = 20;
	out->trophy_min_tickets = 50;
	for (int t = 0; t < CX_T_COUNT; t++)
		snprintf(out->rewards[t], sizeof out->rewards[t], "%s", default_rewards[t]);
	for (int i = 0; i < COUNT(default_badges); i++) {
		cx_badge_rule *b = &out->badges[i];
		snprintf(b->name, CX_NAME_LEN, "%s", default_badges[i].name);
		b->metric = default_badges[i].metric;
		b->has_min = default_badges[i].has_min;
		b->has_max = default_badges[i].has_max;
		b->min = default_badges[i].min;
		b->max = default_badges[i].max;
		b->min_tickets = default_badges[i].min_tickets;
	}
	out->nbadges = COUNT(default_badges);
	out->flag_min_solved = 20;
	out->flag_easy_pct = 80;
	out->flag_reopen_pct = 175;
	out->flag_unrated_pct = 150;
	out->alarm_cv_bp = 1000;
}

/* --- reading a file ------------------------------------------------------ */

enum { POINTS_LIMIT = 1000000 };
#define NO_MAX INT64_MAX

struct load {
	const char *path;
	cx_error *err;
	cx_scoring *s;
};

static int fail(struct load *l, const cx_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct load *l, const cx_ynode *n, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return cx_yaml_fail(l->err, l->path, n, "%s", msg);
}

/* "a, b or c", for "(expected ...)". */
static const char *one_of(char *buf, size_t len, const char *const *names, int n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && at < len; i++) {
		const char *sep = i == 0 ? "" : i == n - 1 ? " or " : ", ";
		int w = snprintf(buf + at, len - at, "%s%s", sep, names[i]);
		if (w < 0)
			break;
		at += (size_t)w;
	}
	return buf;
}

static int find(const char *const *names, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], key) == 0)
			return i;
	return -1;
}

static int unknown_key(struct load *l, const cx_ynode *k, const char *where,
		       const char *const *names, int n)
{
	char list[300];
	one_of(list, sizeof list, names, n);
	if (where)
		return fail(l, k, "unknown key '%.60s' in %s (expected %s)", k->text, where, list);
	return fail(l, k, "unknown key '%.60s' (expected %s)", k->text, list);
}

static int want(struct load *l, const cx_ynode *v, enum cx_ykind kind, const char *what)
{
	static const char *const kinds[] = {
		[CX_Y_SCALAR] = "a scalar", [CX_Y_SEQ] = "a sequence", [CX_Y_MAP] = "a mapping"};
	if (v->kind == kind)
		return 0;
	return fail(l, v, "expected %s for %s, found %s", kinds[kind], what, cx_yaml_kind_name(v));
}

/* A whole number lo..hi (hi NO_MAX: no upper bound), optionally signed. */
static int integer(struct load *l, const cx_ynode *v, const char *what, int64_t lo, int64_t hi,
		   int64_t *out)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a whole number for %s, found %s", what,
			    cx_yaml_kind_name(v));
	if (!v->text[0])
		return fail(l, v, "missing value for %s", what);
	const char *t = v->text;
	bool neg = *t == '-';
	if (*t == '-' || *t == '+')
		t++;
	int64_t x;
	if (cx_parse_count(t, &x)) {
		if (neg)
			x = -x;
		if (x >= lo && x <= hi) {
			*out = x;
			return 0;
		}
	}
	if (hi == NO_MAX)
		return fail(l, v, "%s must be a whole number (%" PRId64 " or more), not '%.40s'", what,
			    lo, v->text);
	return fail(l, v, "%s must be a whole number from %" PRId64 " to %" PRId64 ", not '%.40s'",
		    what, lo, hi, v->text);
}

/* Text of 1..len-1 bytes without control characters (it is drawn on a
 * terminal as it is). */
static int text(struct load *l, const cx_ynode *v, const char *what, bool may_be_empty,
		char *out, size_t len)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected text for %s, found %s", what, cx_yaml_kind_name(v));
	if (!v->text[0] && !may_be_empty)
		return fail(l, v, "missing value for %s", what);
	if (strlen(v->text) >= len)
		return fail(l, v, "%s is longer than %zu bytes", what, len - 1);
	for (const unsigned char *p = (const unsigned char *)v->text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return fail(l, v, "%s contains a control character", what);
	memset(out, 0, len);
	memcpy(out, v->text, strlen(v->text));
	return 0;
}

static int points(struct load *l, const cx_ynode *v)
{
	if (want(l, v, CX_Y_MAP, "points"))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		int r = find(rule_keys, CX_R_COUNT, k->text);
		char what[64];
		if (r < 0)
			return unknown_key(l, k, "points", rule_keys, CX_R_COUNT);
		snprintf(what, sizeof what, "points.%s", rule_keys[r]);
		if (integer(l, v->item[2 * i + 1], what, -POINTS_LIMIT, POINTS_LIMIT,
			    &l->s->points[r]))
			return -1;
	}
	return 0;
}

static int weights(struct load *l, const cx_ynode *v)
{
	if (want(l, v, CX_Y_SEQ, "complexity_weights"))
		return -1;
	if (v->n != 3)
		return fail(l, v,
			    "complexity_weights must list exactly 3 weights (complexity 1, 2 and 3), "
			    "found %zu",
			    v->n);
	for (int i = 0; i < 3; i++) {
		char what[64];
		int64_t w;
		snprintf(what, sizeof what, "complexity weight %d", i + 1);
		if (integer(l, v->item[i], what, 1, 1000, &w))
			return -1;
		l->s->complexity_pct[i] = (int)w;
	}
	return 0;
}

/* The keys of one item of levels or badges, looked up by name. */
static int item_keys(struct load *l, const cx_ynode *item, const char *where,
		     const char *const *names, int n, const cx_ynode **vals)
{
	for (int j = 0; j < n; j++)
		vals[j] = NULL;
	for (size_t i = 0; i < item->n; i++) {
		const cx_ynode *k = item->item[2 * i];
		int j = find(names, n, k->text);
		if (j < 0)
			return unknown_key(l, k, where, names, n);
		vals[j] = item->item[2 * i + 1];
	}
	return 0;
}

/* No two items of a list with the same name; names[i] are name nodes. */
static int unique_name(struct load *l, const cx_ynode *const *names, size_t i, const char *kind)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(names[j]->text, names[i]->text) == 0)
			return fail(l, names[i], "duplicate %s name '%.60s' (first at %d:%d)", kind,
				    names[i]->text, names[j]->line, names[j]->column);
	return 0;
}

static int levels(struct load *l, const cx_ynode *v)
{
	static const char *const keys[] = {"name", "points"};
	cx_level out[CX_MAX_LEVELS];
	const cx_ynode *names[CX_MAX_LEVELS];

	if (want(l, v, CX_Y_SEQ, "levels"))
		return -1;
	if (v->n == 0)
		return fail(l, v, "levels must not be empty (the first level is at 0 points)");
	memset(out, 0, sizeof out);
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *item = v->item[i], *val[2];
		char where[32], what[64];
		int num = (int)i + 1;
		if (i >= CX_MAX_LEVELS)
			return fail(l, item, "more than %d levels", CX_MAX_LEVELS);
		snprintf(where, sizeof where, "level %d", num);
		if (want(l, item, CX_Y_MAP, where) ||
		    item_keys(l, item, where, keys, COUNT(keys), val))
			return -1;
		if (!val[0])
			return fail(l, item, "level %d has no name", num);
		if (!val[1])
			return fail(l, item, "level %d has no points", num);
		snprintf(what, sizeof what, "level %d name", num);
		if (text(l, val[0], what, false, out[i].name, sizeof out[i].name))
			return -1;
		names[i] = val[0];
		if (unique_name(l, names, i, "level"))
			return -1;
		snprintf(what, sizeof what, "level %d points", num);
		if (integer(l, val[1], what, 0, NO_MAX, &out[i].points))
			return -1;
		if (i == 0 && out[i].points != 0)
			return fail(l, val[1], "the first level must be at 0 points, not %" PRId64,
				    out[i].points);
		if (i > 0 && out[i].points <= out[i - 1].points)
			return fail(l, val[1],
				    "level %d points must be more than level %d's (%" PRId64
				    "), not %" PRId64,
				    num, num - 1, out[i - 1].points, out[i].points);
	}
	memcpy(l->s->levels, out, sizeof out);
	l->s->nlevels = (int)v->n;
	return 0;
}

enum { B_NAME, B_METRIC, B_MIN, B_MAX, B_MIN_TICKETS, B_KEYS };

static int badge(struct load *l, const cx_ynode *item, int num, cx_badge_rule *b,
		 const cx_ynode **name)
{
	static const char *const keys[B_KEYS] = {
		[B_NAME] = "name", [B_METRIC] = "metric", [B_MIN] = "min", [B_MAX] = "max",
		[B_MIN_TICKETS] = "min_tickets"};
	const cx_ynode *val[B_KEYS];
	char where[32], what[64];

	snprintf(where, sizeof where, "badge %d", num);
	if (want(l, item, CX_Y_MAP, where) || item_keys(l, item, where, keys, B_KEYS, val))
		return -1;
	if (!val[B_NAME])
		return fail(l, item, "badge %d has no name", num);
	if (!val[B_METRIC])
		return fail(l, item, "badge %d has no metric", num);
	if (!val[B_MIN] && !val[B_MAX])
		return fail(l, item, "badge %d needs min or max (or both)", num);
	snprintf(what, sizeof what, "badge %d name", num);
	if (text(l, val[B_NAME], what, false, b->name, sizeof b->name))
		return -1;
	*name = val[B_NAME];

	const cx_ynode *m = val[B_METRIC];
	if (m->kind != CX_Y_SCALAR)
		return fail(l, m, "expected a metric name for badge %d, found %s", num,
			    cx_yaml_kind_name(m));
	int metric = find(metric_keys, CX_M_COUNT, m->text);
	if (metric < 0) {
		char list[300];
		return fail(l, m, "unknown metric '%.60s' in badge %d (expected %s)", m->text, num,
			    one_of(list, sizeof list, metric_keys, CX_M_COUNT));
	}
	b->metric = (enum cx_metric)metric;

	if (val[B_MIN]) {
		snprintf(what, sizeof what, "badge %d min", num);
		if (integer(l, val[B_MIN], what, 0, NO_MAX, &b->min))
			return -1;
		b->has_min = true;
	}
	if (val[B_MAX]) {
		snprintf(what, sizeof what, "badge %d max", num);
		if (integer(l, val[B_MAX], what, 0, NO_MAX, &b->max))
			return -1;
		b->has_max = true;
	}
	if (b->has_min && b->has_max && b->min > b->max)
		return fail(l, val[B_MAX],
			    "badge %d max must be at least its min (%" PRId64 "), not %" PRId64, num,
			    b->min, b->max);
	if (val[B_MIN_TICKETS]) {
		snprintf(what, sizeof what, "badge %d min_tickets", num);
		if (integer(l, val[B_MIN_TICKETS], what, 0, NO_MAX, &b->min_tickets))
			return -1;
	}
	return 0;
}

static int badges(struct load *l, const cx_ynode *v)
{
	cx_badge_rule out[CX_MAX_BADGES];
	const cx_ynode *names[CX_MAX_BADGES];

	if (want(l, v, CX_Y_SEQ, "badges"))
		return -1;
	memset(out, 0, sizeof out);
	for (size_t i = 0; i < v->n; i++) {
		if (i >= CX_MAX_BADGES)
			return fail(l, v->item[i], "more than %d badges", CX_MAX_BADGES);
		if (badge(l, v->item[i], (int)i + 1, &out[i], &names[i]) ||
		    unique_name(l, names, i, "badge"))
			return -1;
	}
	memcpy(l->s->badges, out, sizeof out);
	l->s->nbadges = (int)v->n;
	return 0;
}

static int rewards(struct load *l, const cx_ynode *v)
{
	if (want(l, v, CX_Y_MAP, "trophies.rewards"))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		int t = find(trophy_keys, CX_T_COUNT, k->text);
		char what[64];
		if (t < 0)
			return unknown_key(l, k, "trophies.rewards", trophy_keys, CX_T_COUNT);
		snprintf(what, sizeof what, "trophies.rewards.%s", trophy_keys[t]);
		if (text(l, v->item[2 * i + 1], what, true, l->s->rewards[t],
			 sizeof l->s->rewards[t]))
			return -1;
	}
	return 0;
}

static int trophies(struct load *l, const cx_ynode *v)
{
	static const char *const keys[] = {"min_ratings", "min_tickets", "rewards"};
	if (want(l, v, CX_Y_MAP, "trophies"))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i], *val = v->item[2 * i + 1];
		int rc;
		switch (find(keys, COUNT(keys), k->text)) {
		case 0:
			rc = integer(l, val, "trophies.min_ratings", 0, NO_MAX,
				     &l->s->trophy_min_ratings);
			break;
		case 1:
			rc = integer(l, val, "trophies.min_tickets", 0, NO_MAX,
				     &l->s->trophy_min_tickets);
			break;
		case 2:
			rc = rewards(l, val);
			break;
		default:
			rc = unknown_key(l, k, "trophies", keys, COUNT(keys));
			break;
		}
		if (rc)
			return -1;
	}
	return 0;
}

static int flags(struct load *l, const cx_ynode *v)
{
	static const char *const keys[] = {"min_solved", "easy_tickets_pct", "reopen_pct",
					   "unrated_pct"};
	cx_scoring *s = l->s;
	int64_t *slot[] = {&s->flag_min_solved, &s->flag_easy_pct, &s->flag_reopen_pct,
			   &s->flag_unrated_pct};
	if (want(l, v, CX_Y_MAP, "flags"))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		int j = find(keys, COUNT(keys), k->text);
		char what[64];
		if (j < 0)
			return unknown_key(l, k, "flags", keys, COUNT(keys));
		snprintf(what, sizeof what, "flags.%s", keys[j]);
		if (integer(l, v->item[2 * i + 1], what, j == 0 ? 0 : 1, j == 0 ? NO_MAX : 1000,
			    slot[j]))
			return -1;
	}
	return 0;
}

static int alarm(struct load *l, const cx_ynode *v)
{
	static const char *const keys[] = {"cv_below_pct"};
	if (want(l, v, CX_Y_MAP, "alarm"))
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		int64_t pct;
		if (find(keys, COUNT(keys), k->text) < 0)
			return unknown_key(l, k, "alarm", keys, COUNT(keys));
		if (integer(l, v->item[2 * i + 1], "alarm.cv_below_pct", 0, 100, &pct))
			return -1;
		l->s->alarm_cv_bp = pct * 100;
	}
	return 0;
}

static int minutes_or_hours(struct load *l, const cx_ynode *v, const char *what, int64_t max,
			    int64_t unit_s, int64_t *out_s)
{
	int64_t x;
	if (integer(l, v, what, 1, max, &x))
		return -1;
	*out_s = x * unit_s;
	return 0;
}

enum {
	K_POINTS,
	K_WEIGHTS,
	K_FRT,
	K_SLA,
	K_LEVELS,
	K_TROPHIES,
	K_BADGES,
	K_FLAGS,
	K_ALARM,
	K_COUNT
};

static const char *const top_keys[K_COUNT] = {
	[K_POINTS] = "points",
	[K_WEIGHTS] = "complexity_weights",
	[K_FRT] = "frt_target_minutes",
	[K_SLA] = "sla_hours",
	[K_LEVELS] = "levels",
	[K_TROPHIES] = "trophies",
	[K_BADGES] = "badges",
	[K_FLAGS] = "flags",
	[K_ALARM] = "alarm",
};

static int apply(struct load *l, const cx_ynode *root)
{
	if (!root)
		return cx_fail(l->err, CX_EXIT_RUNTIME, "%s:1:1: empty scoring rules file", l->path);
	if (root->kind != CX_Y_MAP)
		return fail(l, root, "expected a mapping at the top level, found %s",
			    cx_yaml_kind_name(root));
	for (size_t i = 0; i < root->n; i++) {
		const cx_ynode *k = root->item[2 * i], *v = root->item[2 * i + 1];
		int rc;
		switch (find(top_keys, K_COUNT, k->text)) {
		case K_POINTS:
			rc = points(l, v);
			break;
		case K_WEIGHTS:
			rc = weights(l, v);
			break;
		case K_FRT:
			rc = minutes_or_hours(l, v, "frt_target_minutes", 1440, 60,
					      &l->s->frt_target_s);
			break;
		case K_SLA:
			rc = minutes_or_hours(l, v, "sla_hours", 2160, 3600, &l->s->sla_s);
			break;
		case K_LEVELS:
			rc = levels(l, v);
			break;
		case K_TROPHIES:
			rc = trophies(l, v);
			break;
		case K_BADGES:
			rc = badges(l, v);
			break;
		case K_FLAGS:
			rc = flags(l, v);
			break;
		case K_ALARM:
			rc = alarm(l, v);
			break;
		default:
			rc = unknown_key(l, k, NULL, top_keys, K_COUNT);
			break;
		}
		if (rc)
			return -1;
	}
	return 0;
}

static int top(const char *path, const cx_ynode *root, void *s, cx_error *err)
{
	struct load l = {.path = path, .err = err, .s = s};
	return apply(&l, root);
}

/* From the file (text NULL) or from text. */
static int load(const char *path, const char *text, size_t len, cx_scoring *out, cx_error *err)
{
	cx_scoring s;
	/* Built in a local copy: *out is the whole new rule set or the
	 * defaults, never a mixture. */
	cx_scoring_default(&s);
	if (cx_yaml_load(path, text, len, "scoring rules", top, &s, err) != 0) {
		cx_scoring_default(out);
		return -1;
	}
	memcpy(out, &s, sizeof s);
	return 0;
}

int cx_scoring_load(const char *path, cx_scoring *out, cx_error *err)
{
	return load(path, NULL, 0, out, err);
}

int cx_scoring_load_mem(const char *path, const char *text, size_t len, cx_scoring *out, cx_error *err)
{
	return load(path, text ? text : "", len, out, err);
}

/* --- finding the file ---------------------------------------------------- */


bool cx_scoring_find(char *buf, size_t len)
{
	char cfg[1024];
	if (!len)
		return false;
	/* $CXTOP_SCORING names a file outright (a team's shared rules, the
	 * tests); then the user's own rules, the installed ones, a checkout's. */
	const char *env = getenv("CXTOP_SCORING");
	if (env && *env) {
		int w = snprintf(buf, len, "%s", env);
		if (w > 0 && (size_t)w < len)
			return true;
	}
	if ((cx_config_dir(cfg, sizeof cfg) && cx_cfg_try_path(buf, len, cfg, "scoring.yaml")) ||
	    cx_cfg_try_path(buf, len, CX_DATADIR, "scoring.yaml") ||
	    cx_cfg_try_path(buf, len, "src/config", "scoring.yaml"))
		return true;
	buf[0] = '\0';
	return false;
}
