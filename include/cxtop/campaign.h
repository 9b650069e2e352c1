/* campaign.h — a campaign's editable parameters and the rules each must
 * follow.  Pure: the form in the UI and the store's save both use these
 * rules, so a bad value is refused before anything is written. */
#ifndef CXTOP_CAMPAIGN_H
#define CXTOP_CAMPAIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cx_campaign {
	int64_t id;           /* 0 for a new campaign */
	char name[404];       /* at most 100 characters of UTF-8 */
	char kind[16];        /* upsell, winback, notification, discount */
	char channel[8];      /* email, chat, phone, social, sms */
	char starts_on[11];   /* YYYY-MM-DD */
	char ends_on[11];     /* YYYY-MM-DD, or "" when open-ended */
	int64_t cost_per_contact; /* minor units */
	int64_t target_rate_bp;
	int64_t discount_bp;
	int renewal_day;      /* 1-28, 0 when not set */
	int dunning_days;     /* 0-60, -1 when not set */
	int handoff_day;      /* 1-28, 0 when not set */
	bool archived;
	int64_t contacts;     /* read-only: contacts made */
} cx_campaign;

enum cx_campaign_field {
	CX_CF_NAME,
	CX_CF_KIND,
	CX_CF_CHANNEL,
	CX_CF_STARTS,
	CX_CF_ENDS,
	CX_CF_COST,
	CX_CF_TARGET,
	CX_CF_DISCOUNT,
	CX_CF_RENEWAL_DAY,
	CX_CF_DUNNING_DAYS,
	CX_CF_HANDOFF_DAY,
	CX_CF_COUNT
};

/* The store's column ("cost_per_contact") and the form's label
 * ("Cost per contact"). */
const char *cx_campaign_column(enum cx_campaign_field f);
const char *cx_campaign_label(enum cx_campaign_field f);
/* What the field accepts, for the form's hint line. */
const char *cx_campaign_hint(enum cx_campaign_field f);

/* Field f as people type it: "1.50", "20", "2022-02-01", "" for unset.
 * The audit trail records these texts. */
void cx_campaign_get_text(const cx_campaign *c, enum cx_campaign_field f, char *buf, size_t len);

/* Parses and checks text for field f and stores it in c.  Returns NULL when
 * accepted, else the reason ("a date like 2022-02-01"), c unchanged. */
const char *cx_campaign_set_text(cx_campaign *c, enum cx_campaign_field f, const char *text);

/* Rules across fields (ends not before starts; win-back timing only where
 * it makes sense).  Returns NULL, or the reason with *field set. */
const char *cx_campaign_check(const cx_campaign *c, enum cx_campaign_field *field);

/* A new campaign's defaults, starting on `today` ('YYYY-MM-DD'). */
void cx_campaign_defaults(cx_campaign *c, const char *today);

#endif
