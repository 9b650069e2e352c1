/* campaign_form.c — the form that edits a campaign's parameters (or adds
 * one).  Every keystroke re-checks the field with the same rules the store
 * applies (src/model/campaign_rules.c), and the reason a value is refused
 * stands next to it in the error colour, the field named, before anything
 * is saved; the field's rule is a dim line under it while it has the
 * cursor.  Kind and channel are picked from their values (Left, Right,
 * Space), never typed; the name is checked against the other campaigns'
 * as it is typed.  Saving is one audited
 * transaction in the store; if someone else changed the campaign since the
 * form opened, the form says so and keeps what was typed. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cxtop/campaign.h"
#include "cxtop/format.h"
#include "glyphs.h"

static const char *const kinds[] = {"upsell", "winback", "notification", "discount"};
static const char *const channels[] = {"email", "chat", "phone", "social", "sms"};

struct form {
	cx_store *st;
	cx_campaign before;
	char text[CX_CF_COUNT][512];
	const char *why[CX_CF_COUNT];
	int focus;
	char message[256];
};

static void check_field(struct form *form, int f)
{
	cx_campaign scratch = form->before;
	form->why[f] = cx_campaign_set_text(&scratch, (enum cx_campaign_field)f, form->text[f]);
	/* A name another campaign has is refused now, not at the save. */
	bool taken = false;
	cx_error err = {0};
	if (f == CX_CF_NAME && !form->why[f] && form->st &&
	    cx_store_campaign_name_taken(form->st, scratch.name, form->before.id, &taken, &err) == 0 && taken)
		form->why[f] = "another campaign already has this name";
}

/* A picker's values (kind, channel), or NULL for a typed field. */
static const char *const *choices(int f, int *n)
{
	*n = f == CX_CF_KIND ? 4 : f == CX_CF_CHANNEL ? 5 : 0;
	return f == CX_CF_KIND ? kinds : f == CX_CF_CHANNEL ? channels : NULL;
}

/* Moves a picker by step (+1, -1) through its values. */
static void pick(struct form *form, int step)
{
	int n, at = 0;
	const char *const *c = choices(form->focus, &n);
	for (int i = 0; i < n; i++)
		if (strcmp(form->text[form->focus], c[i]) == 0)
			at = i;
	snprintf(form->text[form->focus], sizeof form->text[0], "%s", c[(at + n + step) % n]);
}

/* arg: the campaign's id, 0 for a new one. */
static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct form *form = v->state;
	int64_t id = *(const int64_t *)arg;
	cx_error err = {0};
	form->st = app->st;
	if (id) {
		if (cx_store_campaign_get(app->st, id, &form->before, &err) < 0) {
			cx_app_status(app, true, "%s", err.msg);
			v->refused = true;
			return;
		}
	} else {
		char today[11];
		cx_date_format(app->newest_day ? app->newest_day : cx_local_day((int64_t)time(NULL)), today);
		cx_campaign_defaults(&form->before, today);
	}
	for (int f = 0; f < CX_CF_COUNT; f++) {
		cx_campaign_get_text(&form->before, (enum cx_campaign_field)f, form->text[f], sizeof form->text[f]);
		check_field(form, f);
	}
	snprintf(v->title, sizeof v->title, "%s", id ? "Edit campaign" : "New campaign");
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct form *form = v->state;
	int iy, ix, ih, iw;
	char title[160], shown[560], error[320];
	if (form->before.id)
		snprintf(title, sizeof title, "Edit campaign #%lld %s %s", (long long)form->before.id, cx_glyph(CX_G_DOT),
			 form->before.name);
	else
		snprintf(title, sizeof title, "New campaign");
	/* The reason a value is refused must be read whole: the form widens
	 * for it, and the value box gives way on narrow screens. */
	int need = 0;
	for (int f = 0; f < CX_CF_COUNT; f++) {
		int w = form->why[f] ? cx_ui_width(cx_campaign_label((enum cx_campaign_field)f)) + 2 + cx_ui_width(form->why[f])
				     : 0;
		if (w > need)
			need = w;
	}
	/* A line per field, one more for the rule under the focused one. */
	int want = 21 + 17 + need + 4; /* label, value, error, the frame */
	cx_ui_overlay(app, CX_CF_COUNT + 6, want > 92 ? want : 92, title, &iy, &ix, &ih, &iw);
	int lw = 21, vw = iw - lw - 1 - need;
	if (vw > 30)
		vw = 30;
	if (vw < 16)
		vw = 16;
	/* On a short screen the fields scroll to keep the focused one (and
	 * its rule) in view. */
	int visible = ih - 4 < 1 ? 1 : ih - 4;
	int first = form->focus >= visible ? form->focus - visible + 1 : 0;
	int y = iy, cursor_y = iy;
	for (int f = first; f < CX_CF_COUNT && f < first + visible; f++, y++) {
		bool focus = f == form->focus;
		int n;
		const char *label = cx_campaign_label((enum cx_campaign_field)f);
		cx_ui_style(app, focus ? CX_EL_HEADER : CX_EL_NORMAL);
		cx_ui_text(y, ix, lw, label, false);
		cx_ui_style(app, focus ? CX_EL_ROW_SELECTED : CX_EL_ROW_ALT);
		/* A picker shows that it is one: its value between arrows. */
		if (choices(f, &n))
			snprintf(shown, sizeof shown, "%s %s %s", cx_glyph(CX_G_LEFT), form->text[f], cx_glyph(CX_G_RIGHT));
		else
			snprintf(shown, sizeof shown, "%s", form->text[f]);
		cx_ui_text(y, ix + lw, vw, shown, false);
		if (form->why[f]) {
			/* An error: in the error colour, naming the field. */
			snprintf(error, sizeof error, "%s: %s", label, form->why[f]);
			/* Too narrow for both: the reason whole, beside its label. */
			if (cx_ui_width(error) > iw - lw - vw - 1)
				snprintf(error, sizeof error, "%s", form->why[f]);
			cx_ui_style(app, CX_EL_BAD);
			cx_ui_text(y, ix + lw + vw + 1, iw - lw - vw - 1, error, false);
		}
		if (focus) {
			cursor_y = y;
			/* The rule: dim, on its own line under the field. */
			const char *const *c = choices(f, &n);
			char rule[256];
			if (c)
				snprintf(rule, sizeof rule, "pick with %s %s or Space: %s", cx_glyph(CX_G_LEFT), cx_glyph(CX_G_RIGHT),
					 cx_campaign_hint((enum cx_campaign_field)f));
			else
				snprintf(rule, sizeof rule, "rule: %s", cx_campaign_hint((enum cx_campaign_field)f));
			y++;
			cx_ui_style(app, CX_EL_MUTED);
			cx_ui_text(y, ix, lw, "", false);
			cx_ui_text(y, ix + lw, iw - lw, rule, false);
		}
	}
	cx_ui_style(app, form->message[0] ? CX_EL_BAD : CX_EL_MUTED);
	cx_ui_text(iy + ih - 2, ix, iw, form->message, false);
	cx_ui_style(app, CX_EL_MUTED);
	const char *dot = cx_glyph(CX_G_DOT);
	char keys[160];
	snprintf(keys, sizeof keys, "Enter/%s next %s %s previous %s Ctrl-U clear %s Ctrl-S or F2 save %s Esc cancel",
		 cx_glyph(CX_G_DOWN), dot, cx_glyph(CX_G_UP), dot, dot, dot);
	cx_ui_text(iy + ih - 1, ix, iw, keys, false);
	cx_ui_style(app, CX_EL_NORMAL);
	/* The cursor where typing goes (a picker's value is not typed). */
	int n;
	int cx = ix + lw + (choices(form->focus, &n) ? 2 : cx_ui_width(form->text[form->focus]));
	move(cursor_y, cx < ix + lw + vw ? cx : ix + lw + vw - 1);
}

static enum cx_handled save(struct cx_app *app, struct form *form)
{
	cx_campaign after = form->before;
	int bad = -1;
	for (int f = 0; f < CX_CF_COUNT; f++) {
		const char *why = cx_campaign_set_text(&after, (enum cx_campaign_field)f, form->text[f]);
		form->why[f] = why;
		/* The name's uniqueness too: the form's words, not the store's. */
		if (!why && f == CX_CF_NAME) {
			check_field(form, f);
			why = form->why[f];
		}
		if (why && bad < 0)
			bad = f;
	}
	if (bad >= 0) {
		form->focus = bad;
		snprintf(form->message, sizeof form->message, "not saved: %s: %s",
			 cx_campaign_label((enum cx_campaign_field)bad), form->why[bad]);
		return CX_HANDLED;
	}
	enum cx_campaign_field f;
	const char *why = cx_campaign_check(&after, &f);
	if (why) {
		form->focus = (int)f;
		form->why[f] = why;
		snprintf(form->message, sizeof form->message, "not saved: %s: %s", cx_campaign_label(f), why);
		return CX_HANDLED;
	}
	cx_error err = {0};
	int64_t id = form->before.id;
	int rc = id ? cx_store_campaign_save(app->st, &form->before, &after, app->actor, &err)
		    : cx_store_campaign_add(app->st, &after, app->actor, &id, &err);
	if (rc < 0) {
		snprintf(form->message, sizeof form->message, "not saved: %s", err.msg);
		return CX_HANDLED;
	}
	cx_app_edited(app);
	cx_app_status(app, false, "saved campaign #%lld (%s); u undoes", (long long)id, after.name);
	return CX_CLOSE;
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct form *form = v->state;
	char *t = form->text[form->focus];
	size_t len = strlen(t);
	int n;
	/* A picker moves through its values; typing does not reach it. */
	if (choices(form->focus, &n)) {
		switch (ch) {
		case KEY_RIGHT:
		case ' ':
			pick(form, 1);
			form->message[0] = '\0';
			check_field(form, form->focus);
			return CX_HANDLED;
		case KEY_LEFT:
			pick(form, -1);
			form->message[0] = '\0';
			check_field(form, form->focus);
			return CX_HANDLED;
		default:
			if (ch >= 32 && ch <= 255)
				return CX_HANDLED;
			if (ch == 21 || ch == KEY_BACKSPACE || ch == 127 || ch == 8)
				return CX_HANDLED;
			break;
		}
	}
	switch (ch) {
	case 27:
		cx_app_status(app, false, "not saved");
		return CX_CLOSE;
	case '\t':
	case '\n':
	case KEY_ENTER:
	case KEY_DOWN:
		form->focus = (form->focus + 1) % CX_CF_COUNT;
		return CX_HANDLED;
	case KEY_BTAB:
	case KEY_UP:
		form->focus = (form->focus + CX_CF_COUNT - 1) % CX_CF_COUNT;
		return CX_HANDLED;
	case 19: /* Ctrl-S */
	case KEY_F(2):
		return save(app, form);
	case 21: /* Ctrl-U */
		t[0] = '\0';
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		while (len > 0 && ((unsigned char)t[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		t[len] = '\0';
		break;
	default:
		if (ch < 32 || ch > 255)
			return CX_UNHANDLED; /* Ctrl-C still quits */
		if (len + 1 >= sizeof form->text[0])
			return CX_HANDLED;
		t[len] = (char)ch;
		t[len + 1] = '\0';
		break;
	}
	form->message[0] = '\0';
	check_field(form, form->focus);
	return CX_HANDLED;
}

const struct cx_view_ops cx_form_ops = {
	.kind = "Campaign form",
	.state_size = sizeof(struct form),
	.overlay = true,
	.text_input = true,
	.init = init,
	.draw = draw,
	.handle = handle,
};
