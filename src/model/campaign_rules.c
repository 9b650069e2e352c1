/* campaign_rules.c — the campaign form's fields and their rules: dates
 * real and ordered, money >= 0 with at most 2 decimals, percentages 0-100,
 * days of month 1-28 (every month has them), names non-empty. */
#include "cxtop/campaign.h"

#include <stdio.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/parse.h"
#include "cxtop/period.h"

static const struct {
	const char *column, *label, *hint;
} fields[CX_CF_COUNT] = {
	[CX_CF_NAME] = {"name", "Name", "non-empty, unique, at most 100 characters"},
	[CX_CF_KIND] = {"kind", "Kind", "upsell, winback, notification or discount"},
	[CX_CF_CHANNEL] = {"channel", "Channel", "email, chat, phone, social or sms"},
	[CX_CF_STARTS] = {"starts_on", "Starts on", "a date like 2022-02-01"},
	[CX_CF_ENDS] = {"ends_on", "Ends on", "a date not before the start, or empty for open-ended"},
	[CX_CF_COST] = {"cost_per_contact", "Cost per contact", "an amount 0-1000000000 with at most 2 decimals, e.g. 1.50"},
	[CX_CF_TARGET] = {"target_rate_bp", "Target response %", "a percentage 0-100, at most 2 decimals"},
	[CX_CF_DISCOUNT] = {"discount_bp", "Discount %", "a percentage 0-100, at most 2 decimals"},
	[CX_CF_RENEWAL_DAY] = {"renewal_day", "Renewal day", "day of month 1-28, or empty"},
	[CX_CF_DUNNING_DAYS] = {"dunning_days", "Dunning days", "0-60 days, or empty"},
	[CX_CF_HANDOFF_DAY] = {"handoff_day", "Support hand-off day", "day of month 1-28, or empty"},
};

const char *cx_campaign_column(enum cx_campaign_field f)
{
	return f < CX_CF_COUNT ? fields[f].column : NULL;
}

const char *cx_campaign_label(enum cx_campaign_field f)
{
	return f < CX_CF_COUNT ? fields[f].label : NULL;
}

const char *cx_campaign_hint(enum cx_campaign_field f)
{
	return f < CX_CF_COUNT ? fields[f].hint : NULL;
}

static void pct_text(char *buf, size_t len, int64_t bp)
{
	/* "20", "12.5", "0.25": as short as exact. */
	if (bp % 100 == 0)
		snprintf(buf, len, "%lld", (long long)(bp / 100));
	else if (bp % 10 == 0)
		snprintf(buf, len, "%lld.%lld", (long long)(bp / 100), (long long)(bp % 100 / 10));
	else
		snprintf(buf, len, "%lld.%02lld", (long long)(bp / 100), (long long)(bp % 100));
}

void cx_campaign_get_text(const cx_campaign *c, enum cx_campaign_field f, char *buf, size_t len)
{
	switch (f) {
	case CX_CF_NAME:
		snprintf(buf, len, "%s", c->name);
		break;
	case CX_CF_KIND:
		snprintf(buf, len, "%s", c->kind);
		break;
	case CX_CF_CHANNEL:
		snprintf(buf, len, "%s", c->channel);
		break;
	case CX_CF_STARTS:
		snprintf(buf, len, "%s", c->starts_on);
		break;
	case CX_CF_ENDS:
		snprintf(buf, len, "%s", c->ends_on);
		break;
	case CX_CF_COST:
		cx_fmt_money_plain(buf, len, c->cost_per_contact);
		break;
	case CX_CF_TARGET:
		pct_text(buf, len, c->target_rate_bp);
		break;
	case CX_CF_DISCOUNT:
		pct_text(buf, len, c->discount_bp);
		break;
	case CX_CF_RENEWAL_DAY:
		if (c->renewal_day)
			snprintf(buf, len, "%d", c->renewal_day);
		else
			snprintf(buf, len, "%s", "");
		break;
	case CX_CF_DUNNING_DAYS:
		if (c->dunning_days >= 0)
			snprintf(buf, len, "%d", c->dunning_days);
		else
			snprintf(buf, len, "%s", "");
		break;
	case CX_CF_HANDOFF_DAY:
		if (c->handoff_day)
			snprintf(buf, len, "%d", c->handoff_day);
		else
			snprintf(buf, len, "%s", "");
		break;
	default:
		snprintf(buf, len, "%s", "");
		break;
	}
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* A small whole number in [lo, hi]; empty means unset. */
static const char *small_int(const char *text, int lo, int hi, int unset, int *out, const char *why)
{
	int64_t v;
	if (!*text) {
		*out = unset;
		return NULL;
	}
	if (!cx_parse_count(text, &v) || v < lo || v > hi)
		return why;
	*out = (int)v;
	return NULL;
}

const char *cx_campaign_set_text(cx_campaign *c, enum cx_campaign_field f, const char *text)
{
	static const char *const kinds[] = {"upsell", "winback", "notification", "discount", NULL};
	static const char *const channels[] = {"email", "chat", "phone", "social", "sms", NULL};
	int32_t day;
	int64_t v;
	switch (f) {
	case CX_CF_NAME: {
		/* Trimmed: a name of blanks is no name. */
		while (*text == ' ')
			text++;
		size_t n = strlen(text);
		while (n && text[n - 1] == ' ')
			n--;
		if (n == 0)
			return "a name is required";
		/* Characters, not bytes: a Cyrillic name is as long as it looks. */
		size_t chars = 0;
		for (size_t i = 0; i < n; i++)
			chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (chars > 100 || n >= sizeof c->name)
			return "at most 100 characters";
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)text[i] < 32)
				return "no control characters";
		memcpy(c->name, text, n);
		c->name[n] = '\0';
		return NULL;
	}
	case CX_CF_KIND:
		if (!one_of(text, kinds))
			return fields[f].hint;
		snprintf(c->kind, sizeof c->kind, "%s", text);
		return NULL;
	case CX_CF_CHANNEL:
		if (!one_of(text, channels))
			return fields[f].hint;
		snprintf(c->channel, sizeof c->channel, "%s", text);
		return NULL;
	case CX_CF_STARTS:
		if (!cx_date_parse(text, &day))
			return "a real date like 2022-02-01";
		snprintf(c->starts_on, sizeof c->starts_on, "%s", text);
		return NULL;
	case CX_CF_ENDS:
		if (*text && !cx_date_parse(text, &day))
			return "a real date like 2022-02-28, or empty";
		snprintf(c->ends_on, sizeof c->ends_on, "%s", text);
		return NULL;
	case CX_CF_COST:
		if (!cx_parse_money(text, &v))
			return cx_money_refusal(text);
		c->cost_per_contact = v;
		return NULL;
	case CX_CF_TARGET:
	case CX_CF_DISCOUNT:
		if (!cx_parse_pct(text, &v))
			return "a percentage 0-100, at most 2 decimals";
		if (f == CX_CF_TARGET)
			c->target_rate_bp = v;
		else
			c->discount_bp = v;
		return NULL;
	case CX_CF_RENEWAL_DAY:
		return small_int(text, 1, 28, 0, &c->renewal_day, "a day of the month 1-28, or empty");
	case CX_CF_DUNNING_DAYS:
		return small_int(text, 0, 60, -1, &c->dunning_days, "0 to 60 days, or empty");
	case CX_CF_HANDOFF_DAY:
		return small_int(text, 1, 28, 0, &c->handoff_day, "a day of the month 1-28, or empty");
	default:
		return "no such field";
	}
}

const char *cx_campaign_check(const cx_campaign *c, enum cx_campaign_field *field)
{
	if (c->ends_on[0] && strcmp(c->ends_on, c->starts_on) < 0) {
		*field = CX_CF_ENDS;
		return "ends before it starts";
	}
	if (c->renewal_day && c->handoff_day && c->handoff_day <= c->renewal_day) {
		*field = CX_CF_HANDOFF_DAY;
		return "support gets the failed renewals after the renewal day";
	}
	if (c->renewal_day && c->dunning_days >= 0 && c->handoff_day &&
	    c->renewal_day + c->dunning_days > c->handoff_day) {
		*field = CX_CF_DUNNING_DAYS;
		return "dunning must end by the hand-off day";
	}
	return NULL;
}

void cx_campaign_defaults(cx_campaign *c, const char *today)
{
	memset(c, 0, sizeof *c);
	snprintf(c->kind, sizeof c->kind, "upsell");
	snprintf(c->channel, sizeof c->channel, "email");
	snprintf(c->starts_on, sizeof c->starts_on, "%s", today);
	c->dunning_days = -1;
}
