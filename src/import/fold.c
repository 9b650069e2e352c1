/* fold.c — payment attempts folded into failed renewals.
 *
 * Payment systems export charges: Stripe one row per attempt (a renewal
 * that failed twice and then went through is three rows of one invoice),
 * Recharge one row per charge with its number of attempts.  cxtop keeps
 * failed renewals, one row each (cxtop(5), renewals), so the rows of an
 * import's `charges` table are collected over all of its files, grouped
 * by source_id (the invoice, or the charge) and folded:
 *
 *   due_on        the earliest due_at, else the earliest attempt;
 *   failed_on     the first failed attempt (a paid row that took more than
 *                 one attempt failed on its due day);
 *   recovered_on  the first paid attempt after the failure; none: lost
 *                 (so far: a later export updates the row).
 *
 * A renewal paid at the first attempt is not a failure and is not stored.
 * Who recovered it is cxtop's rule, stated in cxtop(1): support, when the
 * customer opened a ticket between the failure and the payment and a
 * win-back campaign was running on that ticket's day; the payment is then
 * that campaign's win-back order, credited to the ticket's agent.
 * Otherwise dunning.  A renewal not recovered whose customer wrote within
 * 30 days of the failure reached support (to_support_on) all the same.
 *
 * Everything is written through the store's row writer, orders first and
 * then the renewals that name them, in the import's one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "import_internal.h"

#define LOST_WINDOW (30 * 86400) /* a lost renewal's customer writing in: support saw it */

static const char *const outcomes[] = {"paid", "failed", NULL};

/* The columns of one charge, as a native CSV or a mapping names them. */
static const cx_col charge_cols[] = {
	{.name = "source_id", .kind = CX_COL_SOURCE_ID, .required = true},
	{.name = "customer", .kind = CX_COL_TEXT, .required = true, .max = 320},
	{.name = "customer_name", .kind = CX_COL_TEXT, .max = 200},
	{.name = "due_at", .kind = CX_COL_INSTANT},
	{.name = "attempted_at", .kind = CX_COL_INSTANT},
	{.name = "amount", .kind = CX_COL_MONEY, .required = true},
	{.name = "outcome", .kind = CX_COL_ENUM, .required = true, .values = outcomes},
	{.name = "attempts", .kind = CX_COL_INT, .min = 1, .max = 1000},
};
enum { C_KEY, C_CUSTOMER, C_NAME, C_DUE, C_AT, C_AMOUNT, C_OUTCOME, C_ATTEMPTS };

static const cx_table_def charges = {
	.name = "charges",
	.sql = "renewals",
	.cols = charge_cols,
	.ncols = sizeof charge_cols / sizeof charge_cols[0],
};

struct attempt {
	char *key, *customer, *name;
	int64_t due, at; /* -1: not given */
	int64_t amount;
	bool paid;
	int attempts;    /* 0: not given */
	size_t file;
	long line;
};

struct cx_fold {
	struct attempt *a;
	size_t n, cap;
	char **files;
	size_t nfiles;
};

const cx_table_def *cx_fold_table(void)
{
	return &charges;
}

cx_fold *cx_fold_new(void)
{
	return cx_xcalloc(1, sizeof(cx_fold));
}

void cx_fold_free(cx_fold *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->a[i].key);
		free(f->a[i].customer);
		free(f->a[i].name);
	}
	for (size_t i = 0; i < f->nfiles; i++)
		free(f->files[i]);
	free(f->files);
	free(f->a);
	free(f);
}

void cx_fold_file(cx_fold *f, const char *name)
{
	f->files = cx_xreallocarray(f->files, f->nfiles + 1, sizeof *f->files);
	f->files[f->nfiles++] = cx_xstrdup(name);
}

const char *cx_fold_add(cx_fold *f, const cx_val *v, long line)
{
	bool due = v[C_DUE].type == CX_V_INT, at = v[C_AT].type == CX_V_INT;
	if (!due && !at)
		return "neither attempted_at nor due_at: the attempt has no time";
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->a = cx_xreallocarray(f->a, f->cap, sizeof *f->a);
	}
	struct attempt *a = &f->a[f->n++];
	*a = (struct attempt){
		.key = cx_xstrdup(v[C_KEY].s),
		.customer = cx_xstrdup(v[C_CUSTOMER].s),
		.name = v[C_NAME].type == CX_V_TEXT ? cx_xstrdup(v[C_NAME].s) : NULL,
		.due = due ? v[C_DUE].i : -1,
		.at = at ? v[C_AT].i : -1,
		.amount = v[C_AMOUNT].i,
		.paid = strcmp(v[C_OUTCOME].s, "paid") == 0,
		.attempts = v[C_ATTEMPTS].type == CX_V_INT ? (int)v[C_ATTEMPTS].i : 0,
		.file = f->nfiles ? f->nfiles - 1 : 0,
		.line = line,
	};
	return NULL;
}

static int64_t when(const struct attempt *a)
{
	return a->at >= 0 ? a->at : a->due;
}

/* By renewal, then in the order the attempts ran (then as the files had
 * them). */
static int by_key_time(const void *pa, const void *pb)
{
	const struct attempt *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	int64_t x = when(a), y = when(b);
	if (x != y)
		return x < y ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* One renewal, folded from its attempts, and support's part in it. */
struct renewal {
	const struct attempt *first;
	int64_t due, failed, recovered; /* recovered -1: not (yet) */
	int64_t contact, agent;         /* the customer's ticket: -1 none; agent 0 none */
	int64_t campaign;               /* support's win-back campaign, 0: not support's */
};

static bool fold_group(const struct attempt *g, size_t n, struct renewal *r)
{
	*r = (struct renewal){.first = &g[0], .failed = -1, .recovered = -1, .contact = -1};
	r->due = when(&g[0]);
	for (size_t i = 0; i < n; i++)
		if (g[i].due >= 0 && g[i].due < r->due)
			r->due = g[i].due;
	for (size_t i = 0; i < n && r->recovered < 0; i++) {
		int64_t t = when(&g[i]);
		if (!g[i].paid) {
			if (r->failed < 0)
				r->failed = t;
		} else if (r->failed >= 0) {
			r->recovered = t;
		} else if (g[i].attempts > 1) {
			/* Paid, but not at the first attempt: the earlier ones
			 * failed, from the day it was due. */
			r->failed = r->due;
			r->recovered = t;
		}
	}
	return r->failed >= 0;
}

static void day_of(int64_t t, char out[11])
{
	cx_date_format(cx_local_day(t), out);
}

static const cx_table_def *table(const char *name, int *cols, const char *const *names, size_t n)
{
	const cx_table_def *t = cx_table_find(name);
	for (size_t i = 0; i < n; i++)
		cols[i] = cx_table_col(t, names[i]);
	return t;
}

static void text(cx_val *v, const char *s)
{
	*v = s ? (cx_val){.type = CX_V_TEXT, .s = s} : (cx_val){.type = CX_V_NULL};
}

static void whole(cx_val *v, int64_t i)
{
	*v = (cx_val){.type = CX_V_INT, .i = i};
}

static int put(cx_fold *f, cx_rows *w, const char *source, const cx_val *vals, const struct renewal *r,
	       const char *what, cx_error *err)
{
	int bad;
	int rc = cx_rows_put(w, source, vals, r->first->line, &bad, err);
	if (rc == 0)
		return 0;
	if (rc == -1) {
		char why[sizeof err->msg];
		snprintf(why, sizeof why, "%s", err->msg);
		cx_fail(err, CX_EXIT_RUNTIME, "%s:%ld: the %s of renewal %s: %s", f->files[r->first->file],
			r->first->line, what, r->first->key, why);
	}
	return -1;
}

int cx_fold_write(cx_fold *f, cx_rows *w, const char *source, cx_fold_counts *c, cx_error *err)
{
	*c = (cx_fold_counts){0};
	qsort(f->a, f->n, sizeof *f->a, by_key_time);
	struct renewal *rs = cx_xcalloc(f->n ? f->n : 1, sizeof *rs);
	size_t nr = 0;
	for (size_t i = 0, j; i < f->n; i = j) {
		for (j = i + 1; j < f->n && strcmp(f->a[j].key, f->a[i].key) == 0; j++)
			;
		struct renewal r;
		if (!fold_group(&f->a[i], j - i, &r)) {
			c->first_try++;
			continue;
		}
		/* Support's part: the customer's first ticket after the failure. */
		int64_t to = r.recovered >= 0 ? r.recovered : r.failed + LOST_WINDOW;
		int found = cx_rows_first_ticket(w, r.first->customer, r.failed, to, &r.contact, &r.agent, err);
		if (found < 0)
			goto fail;
		if (!found) {
			r.contact = -1;
		} else if (r.recovered >= 0) {
			char day[11];
			day_of(r.contact, day);
			found = cx_rows_winback_campaign(w, day, &r.campaign, err);
			if (found < 0)
				goto fail;
			if (!found) {
				/* Recovered, and not support's: dunning's alone. */
				r.campaign = 0;
				r.contact = -1;
				c->uncredited++;
			}
		}
		rs[nr++] = r;
	}

	/* The win-back orders first: the renewals name them. */
	int oc[8];
	static const char *const ocols[] = {"source_id",  "customer",    "customer_name", "placed_at",
					    "amount",     "attribution", "agent_id",      "campaign_id"};
	const cx_table_def *ot = table("orders", oc, ocols, 8);
	cx_val *v = cx_xcalloc(ot->ncols, sizeof *v);
	for (size_t i = 0; i < nr; i++) {
		const struct renewal *r = &rs[i];
		if (!r->campaign)
			continue;
		memset(v, 0, ot->ncols * sizeof *v);
		text(&v[oc[0]], r->first->key);
		text(&v[oc[1]], r->first->customer);
		if (r->first->name)
			text(&v[oc[2]], r->first->name);
		whole(&v[oc[3]], r->recovered);
		whole(&v[oc[4]], r->first->amount);
		text(&v[oc[5]], "winback");
		if (r->agent)
			whole(&v[oc[6]], r->agent);
		whole(&v[oc[7]], r->campaign);
		if (put(f, w, source, v, r, "win-back order", err) < 0)
			goto fail_v;
		c->winback += r->first->amount;
	}
	c->orders = *cx_rows_counts_of(w);

	int rc_[12];
	static const char *const rcols[] = {"source_id",     "customer",     "customer_name", "due_on",
					    "amount",        "failed_on",    "to_support_on", "recovered_by",
					    "recovered_on",  "agent_id",     "order_id",      "order"};
	const cx_table_def *rt = table("renewals", rc_, rcols, 12);
	if (cx_rows_next_table(w, rt, err) < 0)
		goto fail_v;
	free(v);
	v = cx_xcalloc(rt->ncols, sizeof *v);
	for (size_t i = 0; i < nr; i++) {
		const struct renewal *r = &rs[i];
		char due[11], failed[11], contact[11], recovered[11];
		day_of(r->due, due);
		day_of(r->failed, failed);
		memset(v, 0, rt->ncols * sizeof *v);
		text(&v[rc_[0]], r->first->key);
		text(&v[rc_[1]], r->first->customer);
		if (r->first->name)
			text(&v[rc_[2]], r->first->name);
		text(&v[rc_[3]], due);
		whole(&v[rc_[4]], r->first->amount);
		text(&v[rc_[5]], failed);
		if (r->contact >= 0) {
			day_of(r->contact, contact);
			text(&v[rc_[6]], contact);
		} else {
			text(&v[rc_[6]], NULL);
		}
		if (r->recovered >= 0) {
			day_of(r->recovered, recovered);
			text(&v[rc_[7]], r->campaign ? "support" : "dunning");
			text(&v[rc_[8]], recovered);
			if (r->campaign)
				c->support++;
			else
				c->dunning++;
		} else {
			text(&v[rc_[7]], NULL);
			text(&v[rc_[8]], NULL);
			c->lost++;
		}
		if (r->contact >= 0 && r->agent)
			whole(&v[rc_[9]], r->agent);
		else
			text(&v[rc_[9]], NULL);
		if (r->campaign)
			text(&v[rc_[11]], r->first->key);
		else
			text(&v[rc_[10]], NULL);
		if (put(f, w, source, v, r, "row", err) < 0)
			goto fail_v;
	}
	c->renewals = nr;
	free(v);
	free(rs);
	return 0;
fail_v:
	free(v);
fail:
	free(rs);
	return -1;
}
