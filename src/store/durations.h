/* durations.h — private to src/store: a group's durations, for its exact
 * median and p90 in bounded memory (ticket_kpis.c).
 *
 * While a period is short enough (ticket_kpis.c's KEEP_MAX) the values
 * are simply kept (4 bytes each while they fit) and selected.  Beyond
 * that a first pass only counts them into 2,016 log-linear bins (exact
 * below 256 s, then 32 bins an octave), which says which bins hold the median's and the p90's ranks; a second pass
 * keeps only the values of those bins, and the figures are selected among
 * them.  Either way the answer is the exact value at the exact rank. */
#ifndef CXTOP_STORE_DURATIONS_H
#define CXTOP_STORE_DURATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/model.h"

typedef struct cx_durations {
	bool binned; /* counting into bins, then a second pass */
	int64_t n;
	uint32_t *v32; /* kept values (while binned is false) */
	int64_t *v64;
	size_t cap;
	uint32_t *bins;         /* counts per bin (binned) */
	int target[3];          /* the bins of the ranks lo, hi, p90 */
	int64_t *kept;          /* second pass: the values of the target bins */
	size_t nkept, keptcap;
} cx_durations;

void cx_durations_init(cx_durations *d, bool binned);
/* First pass: one value (>= 0). */
void cx_durations_add(cx_durations *d, int64_t v);
/* Between the passes: which bins the ranks fall in.  True when a second
 * pass is needed (binned and not empty). */
bool cx_durations_plan(cx_durations *d);
/* Second pass: the same values again, in any order. */
void cx_durations_again(cx_durations *d, int64_t v);
/* The distribution; the values are used up. */
cx_dist cx_durations_dist(cx_durations *d);
void cx_durations_free(cx_durations *d);

#endif
