/* rng.c — deterministic integer randomness for the sample generator.
 *
 * splitmix64: tiny, fast, and its output depends on nothing but the seed, so
 * every machine generates the same store.  No floating point anywhere: the
 * skewed distribution is a quantile table interpolated in integers.
 */
#include "sample.h"

void rng_seed(rng *r, uint64_t seed)
{
	r->s = seed;
}

uint64_t rng_next(rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int64_t rng_below(rng *r, int64_t n)
{
	if (n <= 1)
		return 0;
	/* Modulo bias is below 2^-40 for the sizes used here. */
	return (int64_t)(rng_next(r) % (uint64_t)n);
}

int64_t rng_range(rng *r, int64_t lo, int64_t hi)
{
	return hi <= lo ? lo : lo + rng_below(r, hi - lo + 1);
}

int rng_chance(rng *r, int bp)
{
	return rng_below(r, 10000) < bp;
}

int rng_pick(rng *r, const int *weights, int n)
{
	int64_t total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	int64_t x = rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

/* Quantiles of a log-normal with sigma 0.85 and median 1000, at p = 0.3 %,
 * 1/32, 2/32, ... 31/32, 99.7 %.  Response and resolution times look like
 * this: most tickets are quick, a long tail is not. */
static const int64_t lognorm_q[33] = {
	97,   205,  271,  326,  376,  424,  470,  517,  564,  611,  660,
	710,  763,  817,  875,  936,  1000, 1069, 1143, 1223, 1311, 1408,
	1515, 1636, 1774, 1935, 2126, 2360, 2659, 3066, 3684, 4871, 10336,
};

int64_t rng_skewed(rng *r, int64_t median)
{
	int64_t u = rng_below(r, 32 * 1024);
	int64_t seg = u >> 10, frac = u & 1023;
	int64_t q = lognorm_q[seg] + (lognorm_q[seg + 1] - lognorm_q[seg]) * frac / 1024;
	int64_t v = median * q / 1000;
	return v > 0 ? v : 1;
}
