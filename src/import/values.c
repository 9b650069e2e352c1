/* values.c — the names other systems give channels and ticket statuses,
 * and the text cxtop accepts in a name.
 *
 * Help desks have more channels than cxtop's five (web forms, the API,
 * WhatsApp, Instagram...) and more statuses than its five (on hold,
 * waiting on a third party...).  Each one listed here has a home among
 * cxtop's, chosen by how the customer waits and what the agent does; the
 * ticket keeps the original in channel_src and status_src.  A value not
 * listed, and not mapped by a mapping file, stops the import with a list
 * (cxtop(5), CHANNELS AND STATUSES). */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "cxtop/format.h"
#include "import_internal.h"

struct alias {
	const char *from, *to;
};

/* Keys are compared after folding case and treating '_', '-' and ' ' as
 * one. */
static const struct alias channel_aliases[] = {
	{"email", "email"}, {"mail", "email"}, {"e mail", "email"}, {"web", "email"}, {"web form", "email"},
	{"webform", "email"}, {"portal", "email"}, {"api", "email"}, {"form", "email"},
	{"feedback widget", "email"}, {"outbound email", "email"}, {"help center", "email"},
	{"chat", "chat"}, {"live chat", "chat"}, {"livechat", "chat"}, {"messaging", "chat"},
	{"native messaging", "chat"}, {"whatsapp", "chat"}, {"telegram", "chat"}, {"line", "chat"},
	{"wechat", "chat"}, {"chat widget", "chat"},
	{"phone", "phone"}, {"voice", "phone"}, {"call", "phone"}, {"telephone", "phone"}, {"phone call", "phone"},
	{"social", "social"}, {"twitter", "social"}, {"x", "social"}, {"facebook", "social"},
	{"facebook messenger", "social"}, {"messenger", "social"}, {"instagram", "social"},
	{"instagram dm", "social"}, {"twitter dm", "social"}, {"facebook post", "social"},
	{"sms", "sms"}, {"text", "sms"}, {"text message", "sms"},
	{NULL, NULL},
};

static const struct alias status_aliases[] = {
	{"new", "new"},
	{"open", "open"}, {"in progress", "open"}, {"assigned", "open"}, {"reopened", "open"}, {"active", "open"},
	{"pending", "pending"}, {"hold", "pending"}, {"on hold", "pending"}, {"waiting", "pending"},
	{"waiting on customer", "pending"}, {"waiting on third party", "pending"}, {"awaiting reply", "pending"},
	{"solved", "solved"}, {"resolved", "solved"}, {"done", "solved"},
	{"closed", "closed"},
	{NULL, NULL},
};

/* Help desks' priority scales: Freshdesk's medium, osTicket's emergency. */
static const struct alias priority_aliases[] = {
	{"low", "low"}, {"normal", "normal"}, {"medium", "normal"}, {"high", "high"}, {"urgent", "urgent"},
	{"emergency", "urgent"}, {"critical", "urgent"},
	{NULL, NULL},
};

/* Folds s into out: lower case, runs of ' ', '_', '-' as one space, no
 * outer spaces. */
static void fold(const char *s, char *out, size_t len)
{
	size_t n = 0;
	bool space = false;
	for (; *s && n + 2 < len; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '_' || c == '-' || c == '\t') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = (char)tolower(c);
	}
	out[n] = '\0';
}

static const char *alias_of(const struct alias *a, const char *value)
{
	char key[128];
	fold(value, key, sizeof key);
	for (; a->from; a++)
		if (strcmp(a->from, key) == 0)
			return a->to;
	return NULL;
}

const char *cx_imp_canonical(const cx_col *c, const char *value)
{
	/* Most files use cxtop's own words: those first, exactly. */
	for (const char *const *v = c->values; *v; v++)
		if (strcmp(*v, value) == 0)
			return *v;
	if (strcmp(c->name, "channel") == 0)
		return alias_of(channel_aliases, value);
	if (strcmp(c->name, "status") == 0 && c->values && strcmp(c->values[0], "new") == 0)
		return alias_of(status_aliases, value);
	if (strcmp(c->name, "priority") == 0)
		return alias_of(priority_aliases, value);
	/* Other enumerations: their own words, in any case. */
	char key[128];
	fold(value, key, sizeof key);
	for (const char *const *v = c->values; *v; v++) {
		char want[128];
		fold(*v, want, sizeof want);
		if (strcmp(want, key) == 0)
			return *v;
	}
	return NULL;
}

const char *cx_imp_text_problem(const char *s, int64_t min, int64_t max)
{
	int64_t chars = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		int k = cx_utf8_next(p, &cp);
		if (k <= 0 || cp == CX_UTF8_INVALID)
			return "is not valid UTF-8";
		/* Control characters would move a terminal's cursor or start an
		 * escape sequence wherever the name is shown. */
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return "holds a control character";
		if (cp == 0x202a || cp == 0x202b || cp == 0x202d || cp == 0x202e || cp == 0x2066 || cp == 0x2067 ||
		    cp == 0x2068)
			return "holds a text-direction override";
		p += k;
		chars++;
	}
	if (max && chars > max)
		return "is too long";
	if (min && chars < min)
		return "is too short";
	return NULL;
}
