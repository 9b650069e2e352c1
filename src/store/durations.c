/* durations.c — exact medians and p90 in bounded memory (durations.h). */
#include "durations.h"

#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"

#define NBINS 2016

/* Monotonic in v: bins 0-255 are the seconds themselves; then each
 * power of two from 256 is cut into 32 equal bins. */
static int bin_of(int64_t v)
{
	if (v < 256)
		return v < 0 ? 0 : (int)v;
	int e = 63 - __builtin_clzll((unsigned long long)v);
	return 256 + (e - 8) * 32 + (int)((v >> (e - 5)) & 31);
}

void cx_durations_init(cx_durations *d, bool binned)
{
	memset(d, 0, sizeof *d);
	d->binned = binned;
	if (binned)
		d->bins = cx_xcalloc(NBINS, sizeof *d->bins);
}

void cx_durations_add(cx_durations *d, int64_t x)
{
	d->n++;
	if (d->binned) {
		d->bins[bin_of(x)]++;
		return;
	}
	if (!d->v64 && (x < 0 || x > (int64_t)UINT32_MAX)) {
		/* Eight bytes a value from the first that needs them. */
		d->v64 = cx_xcalloc(d->cap ? d->cap : 64, sizeof *d->v64);
		for (int64_t i = 0; i < d->n - 1; i++)
			d->v64[i] = d->v32[i];
		free(d->v32);
		d->v32 = NULL;
		if (!d->cap)
			d->cap = 64;
	}
	size_t i = (size_t)d->n - 1;
	if (i == d->cap) {
		d->cap = d->cap ? d->cap + d->cap / 2 : 64;
		if (d->v64)
			d->v64 = cx_xreallocarray(d->v64, d->cap, sizeof *d->v64);
		else
			d->v32 = cx_xreallocarray(d->v32, d->cap, sizeof *d->v32);
	}
	if (d->v64)
		d->v64[i] = x;
	else
		d->v32[i] = (uint32_t)x;
}

bool cx_durations_plan(cx_durations *d)
{
	if (!d->binned || d->n == 0)
		return false;
	int64_t rank[3];
	cx_dist_ranks(d->n, &rank[0], &rank[1], &rank[2]);
	int64_t below = 0;
	int k = 0;
	for (int b = 0; b < NBINS && k < 3; b++) {
		while (k < 3 && rank[k] <= below + d->bins[b])
			d->target[k++] = b;
		below += d->bins[b];
	}
	return true;
}

void cx_durations_again(cx_durations *d, int64_t v)
{
	int b = bin_of(v);
	if (b != d->target[0] && b != d->target[1] && b != d->target[2])
		return;
	if (d->nkept == d->keptcap) {
		d->keptcap = d->keptcap ? d->keptcap * 2 : 256;
		d->kept = cx_xreallocarray(d->kept, d->keptcap, sizeof *d->kept);
	}
	d->kept[d->nkept++] = v;
}

static int cmp64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

cx_dist cx_durations_dist(cx_durations *d)
{
	if (!d->binned)
		return d->v64 ? cx_dist_of(d->v64, d->n) : cx_dist_of_u32(d->v32, d->n);
	cx_dist out = {.n = d->n};
	if (d->n == 0)
		return out;
	/* The kept values, sorted, are the target bins one after the other
	 * (bins follow value); a rank's place among them is its place in its
	 * bin plus the kept bins below it. */
	qsort(d->kept, d->nkept, sizeof *d->kept, cmp64);
	int64_t rank[3], value[3];
	cx_dist_ranks(d->n, &rank[0], &rank[1], &rank[2]);
	for (int k = 0; k < 3; k++) {
		int64_t below = 0, kept_below = 0;
		for (int b = 0; b < d->target[k]; b++)
			below += d->bins[b];
		for (int j = 0; j < 3; j++) {
			bool seen = false;
			for (int i = 0; i < j; i++)
				seen |= d->target[i] == d->target[j];
			if (!seen && d->target[j] < d->target[k])
				kept_below += d->bins[d->target[j]];
		}
		int64_t at = kept_below + (rank[k] - below) - 1;
		value[k] = at >= 0 && (size_t)at < d->nkept ? d->kept[at] : 0;
	}
	out.median_x2 = value[0] + value[1];
	out.p90 = value[2];
	return out;
}

void cx_durations_free(cx_durations *d)
{
	free(d->v32);
	free(d->v64);
	free(d->bins);
	free(d->kept);
	memset(d, 0, sizeof *d);
}
