/* kpi.c — ticket KPIs from the store's counts, and the rank arithmetic of
 * medians and nearest-rank percentiles. */
#include "cxtop/format.h"
#include "cxtop/model.h"

void cx_dist_ranks(int64_t n, int64_t *mid_lo, int64_t *mid_hi, int64_t *p90)
{
	/* Odd n: both middle ranks are (n+1)/2.  Even n: n/2 and n/2 + 1. */
	*mid_lo = (n + 1) / 2;
	*mid_hi = n / 2 + 1;
	/* ceil(0.9 n) = ceil(9n / 10), in integers. */
	*p90 = (9 * n + 9) / 10;
	if (n == 0)
		*mid_lo = *mid_hi = *p90 = 0;
}

cx_dist cx_dist_of_sorted(const int64_t *v, int64_t n)
{
	cx_dist d = {.n = n};
	if (n <= 0)
		return d;
	int64_t lo, hi, p;
	cx_dist_ranks(n, &lo, &hi, &p);
	d.median_x2 = v[lo - 1] + v[hi - 1];
	d.p90 = v[p - 1];
	return d;
}

/* Moves the k-th smallest (0-based) of v[lo..hi] to v[k], smaller ones
 * before it and larger after: Hoare's selection with a middle pivot.
 * Written once for both element types. */
#define SELECT_KTH(name, type)                                          \
	static void name(type *v, int64_t lo, int64_t hi, int64_t k)    \
	{                                                               \
		while (lo < hi) {                                       \
			type pivot = v[lo + (hi - lo) / 2];             \
			int64_t i = lo, j = hi;                         \
			while (i <= j) {                                \
				while (v[i] < pivot)                    \
					i++;                            \
				while (v[j] > pivot)                    \
					j--;                            \
				if (i <= j) {                           \
					type t = v[i];                  \
					v[i++] = v[j];                  \
					v[j--] = t;                     \
				}                                       \
			}                                               \
			if (k <= j)                                     \
				hi = j;                                 \
			else if (k >= i)                                \
				lo = i;                                 \
			else                                            \
				return;                                 \
		}                                                       \
	}
SELECT_KTH(select_kth, int64_t)
SELECT_KTH(select_kth_u32, uint32_t)

/* Ranks in increasing order: each selection leaves the part above it for
 * the next, so the three together cost about one. */
#define DIST_OF(select)                                        \
	cx_dist d = {.n = n};                                  \
	if (n <= 0)                                            \
		return d;                                      \
	int64_t lo, hi, p;                                     \
	cx_dist_ranks(n, &lo, &hi, &p);                        \
	select(v, 0, n - 1, lo - 1);                           \
	int64_t a = (int64_t)v[lo - 1];                        \
	select(v, lo - 1, n - 1, hi - 1);                      \
	int64_t b = (int64_t)v[hi - 1];                        \
	select(v, hi - 1, n - 1, p - 1);                       \
	d.median_x2 = a + b;                                   \
	d.p90 = (int64_t)v[p - 1];                             \
	return d;

cx_dist cx_dist_of(int64_t *v, int64_t n)
{
	DIST_OF(select_kth)
}

cx_dist cx_dist_of_u32(uint32_t *v, int64_t n)
{
	DIST_OF(select_kth_u32)
}

cx_ticket_kpi cx_ticket_kpi_of(const cx_ticket_raw *raw)
{
	cx_ticket_kpi k = {.raw = *raw};
	if (raw->rated > 0) {
		k.csat_ok = true;
		k.csat_bp = cx_ratio_bp(raw->satisfied, raw->rated);
	}
	/* NPS is a 0-10 question: a good/bad or 1-5 rating says nothing of
	 * promoters and detractors. */
	if (raw->nps_rated > 0) {
		k.nps_ok = true;
		k.nps_bp = cx_ratio_bp(raw->promoters - raw->detractors, raw->nps_rated);
	}
	if (raw->solved > 0) {
		k.one_touch_ok = k.reopen_ok = true;
		k.one_touch_bp = cx_ratio_bp(raw->one_touch, raw->solved);
		k.reopen_bp = cx_ratio_bp(raw->reopened, raw->solved);
	}
	k.unrated = raw->solved - raw->rated;
	return k;
}

void cx_ticket_raw_add_counts(cx_ticket_raw *dst, const cx_ticket_raw *src)
{
	dst->created += src->created;
	dst->unanswered += src->unanswered;
	dst->unresolved += src->unresolved;
	dst->solved += src->solved;
	dst->one_touch += src->one_touch;
	dst->reopened += src->reopened;
	dst->rated += src->rated;
	dst->satisfied += src->satisfied;
	dst->nps_rated += src->nps_rated;
	dst->promoters += src->promoters;
	dst->detractors += src->detractors;
}
