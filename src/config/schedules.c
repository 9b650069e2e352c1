/* schedules.c — the schedules file (schedules.h; format in cxtop(5),
 * SCHEDULES).
 *
 * Every complaint is one line at the node to fix, "path:line:column:
 * message": a day name nobody could mean, an interval that ends before it
 * starts, two intervals of a day that overlap (at the second), a zone the
 * system does not know, a team given to two schedules, two defaults.
 * Nothing is half loaded: on error the caller gets a zeroed struct.
 */
#include "cxtop/schedules.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "cxtop/zone.h"
#include "yaml_tree.h"

struct load {
	const char *path;
	cx_error *err;
};

#define fail(l, n, ...) cx_yaml_fail((l)->err, (l)->path, (n), __VA_ARGS__)

static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const schedule_keys[] = {"timezone", "teams", "default", "hours", "holidays", NULL};
static const char *const sla_keys[] = {"name",       "priority",   "channel", "first_reply",
				       "next_reply", "resolution", "hours",   NULL};
static const char *const channels[] = {"email", "chat", "phone", "social", "sms", NULL};

static int known(struct load *l, const cx_ynode *n, const char *const *keys, const char *where)
{
	return cx_yaml_known_keys(l->err, l->path, n, keys, where);
}

static int day_index(const char *s, size_t n)
{
	for (int i = 0; i < 7; i++)
		if (n == 3 && strncmp(s, days[i], 3) == 0)
			return i;
	return -1;
}

/* "mon", "mon-fri", "sat,sun", "fri-mon" (a range may wrap the week),
 * "daily" -> a set of weekdays (bit 0 Monday). */
static int day_set(struct load *l, const cx_ynode *k, unsigned *set)
{
	*set = 0;
	if (strcmp(k->text, "daily") == 0) {
		*set = 0x7f;
		return 0;
	}
	for (const char *p = k->text; *p;) {
		size_t n = strcspn(p, ",");
		const char *dash = memchr(p, '-', n);
		int a = day_index(p, dash ? (size_t)(dash - p) : n);
		int b = dash ? day_index(dash + 1, n - (size_t)(dash - p) - 1) : a;
		if (a < 0 || b < 0)
			return fail(l, k, "'%.40s' is not a day, a range or a list of days (mon, mon-fri, sat,sun, daily)",
				    k->text);
		for (int d = a;; d = (d + 1) % 7) {
			*set |= 1u << d;
			if (d == b)
				break;
		}
		p += n + (p[n] == ',');
	}
	return 0;
}

/* "HH:MM" -> seconds after midnight; 24:00 only as an end. */
static bool clock_time(const char *s, size_t n, bool end, int32_t *out)
{
	if (n != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end)))
		return false;
	*out = h * 3600 + m * 60;
	return true;
}

/* One "HH:MM-HH:MM" into each day of set, kept in order; an overlap with
 * an interval already there is an error at this one. */
static int interval(struct load *l, const cx_ynode *v, unsigned set, cx_schedule *s)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected an interval such as 09:00-17:00, found %s", cx_yaml_kind_name(v));
	const char *t = v->text, *dash = strchr(t, '-');
	int32_t a, b;
	if (!dash || !clock_time(t, (size_t)(dash - t), false, &a) || !clock_time(dash + 1, strlen(dash + 1), true, &b))
		return fail(l, v, "'%.40s' is not an interval of the day (HH:MM-HH:MM, e.g. 09:00-17:00; 24:00 ends the day)",
			    t);
	if (a >= b)
		return fail(l, v, "'%.40s' ends before it starts (a night shift is two intervals: 22:00-24:00 and "
			    "00:00-06:00 of the next day)", t);
	for (int d = 0; d < 7; d++) {
		if (!(set & (1u << d)))
			continue;
		int n = s->nhours[d], k = 0;
		while (k < n && s->hours[d][k].from < a)
			k++;
		if ((k > 0 && s->hours[d][k - 1].to > a) || (k < n && s->hours[d][k].from < b))
			return fail(l, v, "%.40s overlaps another interval of %s", t, days[d]);
		if (n == CX_SCHED_MAX_INTERVALS)
			return fail(l, v, "more than %d intervals on %s", CX_SCHED_MAX_INTERVALS, days[d]);
		memmove(&s->hours[d][k + 1], &s->hours[d][k], (size_t)(n - k) * sizeof s->hours[d][0]);
		s->hours[d][k].from = a;
		s->hours[d][k].to = b;
		s->nhours[d]++;
	}
	return 0;
}

static int hours(struct load *l, const cx_ynode *v, cx_schedule *s)
{
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping of days to intervals for 'hours', found %s", cx_yaml_kind_name(v));
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i], *iv = v->item[2 * i + 1];
		unsigned set;
		if (day_set(l, k, &set))
			return -1;
		if (iv->kind == CX_Y_SEQ) {
			for (size_t j = 0; j < iv->n; j++)
				if (interval(l, iv->item[j], set, s))
					return -1;
		} else if (interval(l, iv, set, s)) {
			return -1;
		}
	}
	return 0;
}

struct holiday {
	int32_t day;
	char *name;
};

static int by_day(const void *a, const void *b)
{
	int32_t x = ((const struct holiday *)a)->day, y = ((const struct holiday *)b)->day;
	return (x > y) - (x < y);
}

/* holidays: a mapping of dates to names, or a list of dates. */
static int holidays(struct load *l, const cx_ynode *v, cx_named_schedule *s)
{
	bool map = v->kind == CX_Y_MAP;
	if (!map && v->kind != CX_Y_SEQ)
		return fail(l, v, "expected dates for 'holidays' (2022-12-24: Christmas Eve), found %s",
			    cx_yaml_kind_name(v));
	struct holiday *h = cx_xcalloc(v->n ? v->n : 1, sizeof *h);
	size_t n = 0;
	int ret = 0;
	for (size_t i = 0; i < v->n && ret == 0; i++) {
		const cx_ynode *d = map ? v->item[2 * i] : v->item[i];
		const cx_ynode *name = map ? v->item[2 * i + 1] : NULL;
		if (d->kind != CX_Y_SCALAR || !cx_date_parse(d->text, &h[n].day))
			ret = fail(l, d, "'%.40s' is not a date (YYYY-MM-DD)", d->kind == CX_Y_SCALAR ? d->text : "?");
		else if (name && name->kind != CX_Y_SCALAR)
			ret = fail(l, name, "expected the holiday's name, found %s", cx_yaml_kind_name(name));
		else
			h[n++].name = cx_xstrdup(name ? name->text : "");
		for (size_t j = 0; ret == 0 && j + 1 < n; j++)
			if (h[j].day == h[n - 1].day)
				ret = fail(l, d, "%.40s is given twice", d->text);
	}
	qsort(h, n, sizeof *h, by_day);
	s->holidays = cx_xcalloc(n ? n : 1, sizeof *s->holidays);
	s->holiday_names = cx_xcalloc(n ? n : 1, sizeof *s->holiday_names);
	s->nholidays = n;
	for (size_t i = 0; i < n; i++) {
		s->holidays[i] = h[i].day;
		s->holiday_names[i] = h[i].name;
	}
	free(h);
	return ret;
}

static int text_list(struct load *l, const cx_ynode *v, char ***out, size_t *n)
{
	if (v->kind == CX_Y_SCALAR) {
		*out = cx_xcalloc(1, sizeof **out);
		(*out)[(*n)++] = cx_xstrdup(v->text);
		return 0;
	}
	if (v->kind != CX_Y_SEQ)
		return fail(l, v, "expected a team or a list of teams, found %s", cx_yaml_kind_name(v));
	*out = cx_xcalloc(v->n ? v->n : 1, sizeof **out);
	for (size_t i = 0; i < v->n; i++) {
		if (v->item[i]->kind != CX_Y_SCALAR || !v->item[i]->text[0])
			return fail(l, v->item[i], "expected a team's name");
		(*out)[(*n)++] = cx_xstrdup(v->item[i]->text);
	}
	return 0;
}

static int schedule(struct load *l, const cx_ynode *k, const cx_ynode *v, cx_named_schedule *s)
{
	char where[80];
	snprintf(where, sizeof where, " in schedule '%.40s'", k->text);
	s->name = cx_xstrdup(k->text);
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for schedule '%.40s' (timezone:, hours:...), found %s", k->text,
			    cx_yaml_kind_name(v));
	if (known(l, v, schedule_keys, where))
		return -1;
	const cx_ynode *at, *x;
	if (!(x = cx_yaml_get(v, "timezone", &at)))
		return fail(l, v, "missing 'timezone'%s (e.g. Europe/Helsinki)", where);
	if (x->kind != CX_Y_SCALAR || !cx_zone_known(x->text))
		return fail(l, x, "unknown time zone '%.60s'%s (a name under /usr/share/zoneinfo, e.g. Europe/Helsinki)",
			    x->kind == CX_Y_SCALAR ? x->text : "?", where);
	s->timezone = cx_xstrdup(x->text);
	if (!(x = cx_yaml_get(v, "hours", &at)))
		return fail(l, v, "missing 'hours'%s (e.g. mon-fri: 09:00-17:00)", where);
	if (hours(l, x, &s->hours))
		return -1;
	if ((x = cx_yaml_get(v, "holidays", &at)) && holidays(l, x, s))
		return -1;
	s->hours.holidays = s->holidays;
	s->hours.nholidays = s->nholidays;
	if ((x = cx_yaml_get(v, "teams", &at)) && text_list(l, x, &s->teams, &s->nteams))
		return -1;
	if ((x = cx_yaml_get(v, "default", &at))) {
		if (x->kind != CX_Y_SCALAR || (strcmp(x->text, "true") != 0 && strcmp(x->text, "false") != 0))
			return fail(l, x, "expected true or false for 'default'%s", where);
		s->is_default = strcmp(x->text, "true") == 0;
	}
	return 0;
}

/* A target: "90m", "1h", "1h 30m", "2d" (24 hours, on the clock only). */
static int target(struct load *l, const cx_ynode *v, bool business, int64_t *out)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a time such as 1h 30m, found %s", cx_yaml_kind_name(v));
	int64_t total = 0;
	const char *p = v->text;
	bool any = false;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *end;
		long n = strtol(p, &end, 10);
		int unit = end > p ? *end : 0;
		int64_t mult = unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? 86400 : 0;
		if (end == p || n < 0 || n > 100000 || !mult || *p == '-' || *p == '+')
			return fail(l, v, "'%.40s' is not a time (e.g. 45m, 4h, 1h 30m, 2d)", v->text);
		if (unit == 'd' && business)
			return fail(l, v, "'%.40s': a day of business time is not 24 hours; give hours, or hours: calendar",
				    v->text);
		total += n * mult;
		any = true;
		p = end + 1;
	}
	if (!any || total == 0)
		return fail(l, v, "'%.40s' is not a time (e.g. 45m, 4h, 1h 30m, 2d)", v->text);
	*out = total;
	return 0;
}

/* priority: or channel: one word or a list of words, as bits. */
static int word_bits(struct load *l, const cx_ynode *v, const char *const *words, size_t nwords, const char *what,
		     unsigned *out)
{
	size_t n = v->kind == CX_Y_SEQ ? v->n : 1;
	if (v->kind == CX_Y_MAP || (v->kind == CX_Y_SEQ && n == 0))
		return fail(l, v, "expected a %s or a list of them", what);
	for (size_t i = 0; i < n; i++) {
		const cx_ynode *w = v->kind == CX_Y_SEQ ? v->item[i] : v;
		size_t j = 0;
		while (j < nwords && (w->kind != CX_Y_SCALAR || strcmp(words[j], w->text) != 0))
			j++;
		if (j == nwords) {
			char list[120] = "";
			for (j = 0; j < nwords; j++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "", words[j]);
			return fail(l, w, "'%.40s' is not a %s (%s)", w->kind == CX_Y_SCALAR ? w->text : "?", what, list);
		}
		*out |= 1u << j;
	}
	return 0;
}

static int policy(struct load *l, size_t i, const cx_ynode *v, cx_sla_policy *p)
{
	char where[40];
	snprintf(where, sizeof where, " in sla policy %zu", i + 1);
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for sla policy %zu (priority:, first_reply:...), found %s", i + 1,
			    cx_yaml_kind_name(v));
	if (known(l, v, sla_keys, where))
		return -1;
	const cx_ynode *at, *x;
	p->business = true;
	if ((x = cx_yaml_get(v, "hours", &at))) {
		if (x->kind != CX_Y_SCALAR || (strcmp(x->text, "business") != 0 && strcmp(x->text, "calendar") != 0))
			return fail(l, x, "expected business or calendar for 'hours'%s", where);
		p->business = strcmp(x->text, "business") == 0;
	}
	char name[32];
	snprintf(name, sizeof name, "policy %zu", i + 1);
	x = cx_yaml_get(v, "name", &at);
	if (x && (x->kind != CX_Y_SCALAR || !x->text[0]))
		return fail(l, x, "expected a name%s", where);
	p->name = cx_xstrdup(x ? x->text : name);
	if ((x = cx_yaml_get(v, "priority", &at)) &&
	    word_bits(l, x, cx_priority_names, CX_PRIO_COUNT, "priority", &p->priorities))
		return -1;
	if ((x = cx_yaml_get(v, "channel", &at)) && word_bits(l, x, channels, 5, "channel", &p->channels))
		return -1;
	if ((x = cx_yaml_get(v, "first_reply", &at)) && target(l, x, p->business, &p->first_reply))
		return -1;
	if ((x = cx_yaml_get(v, "next_reply", &at)) && target(l, x, p->business, &p->next_reply))
		return -1;
	if ((x = cx_yaml_get(v, "resolution", &at)) && target(l, x, p->business, &p->resolution))
		return -1;
	if (!p->first_reply && !p->resolution && !p->next_reply)
		return fail(l, v, "sla policy %zu has no target (first_reply:, next_reply:, resolution:)", i + 1);
	return 0;
}

static int policies(struct load *l, const cx_ynode *v, cx_schedules *out)
{
	if (v->kind != CX_Y_SEQ)
		return fail(l, v, "expected a list of policies for 'sla', found %s", cx_yaml_kind_name(v));
	out->sla = cx_xcalloc(v->n ? v->n : 1, sizeof *out->sla);
	for (size_t i = 0; i < v->n; i++) {
		out->nsla++;
		if (policy(l, i, v->item[i], &out->sla[i]))
			return -1;
	}
	return 0;
}

static int top(struct load *l, const cx_ynode *root, cx_schedules *out)
{
	static const char *const top_keys[] = {"schedules", "sla", NULL};
	if (!root)
		return cx_fail(l->err, CX_EXIT_RUNTIME, "%s:1:1: empty file: it needs schedules:", l->path);
	if (root->kind != CX_Y_MAP)
		return fail(l, root, "expected a mapping at the top level, found %s", cx_yaml_kind_name(root));
	if (known(l, root, top_keys, ""))
		return -1;
	const cx_ynode *at, *v = cx_yaml_get(root, "schedules", &at);
	if (!v)
		return fail(l, root, "missing 'schedules'");
	if (v->kind != CX_Y_MAP || v->n == 0)
		return fail(l, v, "expected a mapping of schedules by name, found %s",
			    v->kind == CX_Y_MAP ? "an empty one" : cx_yaml_kind_name(v));
	out->v = cx_xcalloc(v->n, sizeof *out->v);
	const cx_ynode *dflt = NULL;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		cx_named_schedule *s = &out->v[out->n++];
		if (schedule(l, k, v->item[2 * i + 1], s))
			return -1;
		if (s->is_default) {
			if (dflt)
				return fail(l, k, "'%.40s' and '%.40s' are both the default: one schedule can be", dflt->text,
					    k->text);
			dflt = k;
		}
		for (size_t t = 0; t < s->nteams; t++)
			for (size_t j = 0; j + 1 < out->n; j++)
				for (size_t u = 0; u < out->v[j].nteams; u++)
					if (strcmp(out->v[j].teams[u], s->teams[t]) == 0)
						return fail(l, k, "team '%.40s' is in '%.40s' already", s->teams[t],
							    out->v[j].name);
	}
	if ((v = cx_yaml_get(root, "sla", &at)))
		return policies(l, v, out);
	return 0;
}

/* The whole file into *out, all or nothing. */
static int load(const char *path, const cx_ynode *root, void *out, cx_error *err)
{
	struct load l = {.path = path, .err = err};
	cx_schedules *s = out;
	s->path = cx_xstrdup(path);
	int rc = top(&l, root, s);
	if (rc != 0)
		cx_schedules_free(s);
	return rc;
}

int cx_schedules_load(const char *path, cx_schedules *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	return cx_yaml_load(path, NULL, 0, "schedules", load, out, err);
}

int cx_schedules_load_mem(const char *path, const char *text, size_t len, cx_schedules *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	return cx_yaml_load(path, text ? text : "", len, "schedules", load, out, err);
}
