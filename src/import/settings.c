/* settings.c — the settings file: one key and value a row, in the words of
 * cxtop(5), with money in major units and the liability as a percentage
 * like every other native CSV.  Keys are checked here, so that a typo is
 * named instead of stored. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cxtop/convert.h"
#include "cxtop/format.h"
#include "import_internal.h"

enum kind { K_PCT, K_BP, K_MONEY, K_COUNT, K_CURRENCY, K_TEXT };

static const struct setting {
	const char *key;       /* in a settings file */
	const char *store_key; /* in the settings table */
	enum kind kind;
} settings[] = {
	{"company_name", "company_name", K_TEXT},
	{"currency", "currency", K_CURRENCY},
	{"returns_liability", "returns_liability_bp", K_PCT},
	{"returns_liability_bp", "returns_liability_bp", K_BP},
	{"cogs", "cogs_bp", K_PCT},
	{"cogs_bp", "cogs_bp", K_BP},
	{"lost_customer_value", "lost_customer_value", K_MONEY},
	{"notify_shipments", "notify_shipments", K_COUNT},
	{"notify_avg_check", "notify_avg_check", K_MONEY},
	{"notify_currency", "notify_currency", K_CURRENCY},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

const char *cx_imp_setting(const char *key, const char *value, const char **store_key, char *out, size_t len)
{
	const struct setting *s = NULL;
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].key, key) == 0)
			s = &settings[i];
	if (!s)
		return "unknown setting (known: company_name, currency, returns_liability, cogs, lost_customer_value, "
		       "notify_shipments, notify_avg_check, notify_currency)";
	*store_key = s->store_key;
	const char *why = NULL;
	int64_t v;
	switch (s->kind) {
	case K_PCT:
		if (!cx_conv_pct(value, &v, &why))
			return why;
		snprintf(out, len, "%" PRId64, v);
		return NULL;
	case K_BP:
		if (!cx_conv_int(value, 0, 10000, &v, &why))
			return why;
		snprintf(out, len, "%" PRId64, v);
		return NULL;
	case K_MONEY:
		if (!cx_conv_money(value, &v, &why))
			return why;
		snprintf(out, len, "%" PRId64, v);
		return NULL;
	case K_COUNT:
		if (!cx_conv_int(value, 0, INT64_MAX, &v, &why))
			return why;
		snprintf(out, len, "%" PRId64, v);
		return NULL;
	case K_CURRENCY:
		if (strlen(value) != 3 || !isupper((unsigned char)value[0]) || !isupper((unsigned char)value[1]) ||
		    !isupper((unsigned char)value[2]))
			return "is not a currency code (three capital letters, e.g. USD)";
		snprintf(out, len, "%s", value);
		return NULL;
	case K_TEXT:
		if ((why = cx_imp_text_problem(value, 1, 200)) != NULL)
			return why;
		snprintf(out, len, "%s", value);
		return NULL;
	}
	return "unknown setting";
}

void cx_imp_setting_out(const char *store_key, const char *store_value, const char **key, char *out, size_t len)
{
	*key = store_key;
	snprintf(out, len, "%s", store_value);
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		if (strcmp(s->store_key, store_key) != 0 || s->kind == K_BP)
			continue;
		int64_t v;
		const char *why;
		if ((s->kind == K_PCT || s->kind == K_MONEY) && cx_conv_int(store_value, 0, INT64_MAX, &v, &why)) {
			*key = s->key;
			/* Both are hundredths: of a percent, of a unit. */
			cx_fmt_money_plain(out, len, v);
		}
		return;
	}
}
