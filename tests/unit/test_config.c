/* test_config.c — the user's config.yaml: defaults, good files, ~
 * expansion, and each mistake reported at its line and column. */
#include "testutil.h"

#include <sys/stat.h>

#include "cxtop/config.h"

static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path(name));
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return path;
}

static void assert_defaults(const cx_config *c)
{
	assert_false(c->has_db);
	assert_false(c->has_theme);
	assert_int_equal(c->refresh_ms, 500);
}

static void load_ok(const char *text, cx_config *c)
{
	const char *path = write_file("config.yaml", text);
	cx_error err = {0};
	if (cx_config_load(path, c, &err) != 0)
		fail_msg("load failed: %s", err.msg);
}

/* want is the part after "path:". */
static void expect_error(const char *text, const char *want)
{
	const char *path = write_file("bad.yaml", text);
	char full[1024];
	snprintf(full, sizeof full, "%s:%s", path, want);
	cx_config c;
	memset(&c, 0x5a, sizeof c);
	cx_error err = {0};
	assert_int_equal(cx_config_load(path, &c, &err), -1);
	assert_string_equal(err.msg, full);
	assert_defaults(&c);
}

/* Sets or unsets an environment variable for one test and puts it back. */
struct saved_env {
	const char *name;
	char *value;
};

static struct saved_env env_set(const char *name, const char *value)
{
	struct saved_env s = {name, getenv(name) ? strdup(getenv(name)) : NULL};
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
	return s;
}

static void env_restore(struct saved_env s)
{
	if (s.value)
		setenv(s.name, s.value, 1);
	else
		unsetenv(s.name);
	free(s.value);
}

static void defaults(void **state)
{
	cx_config c;
	memset(&c, 0x5a, sizeof c);
	cx_config_defaults(&c);
	assert_defaults(&c);
}

static void missing_file_means_defaults(void **state)
{
	cx_config c;
	cx_error err = {.status = 9, .msg = "old"};
	const char *path = tu_tmp_path("no-such-config.yaml");
	assert_int_equal(cx_config_load(path, &c, &err), 0);
	assert_defaults(&c);
	assert_string_equal(err.msg, "");
}

static void empty_file_means_defaults(void **state)
{
	cx_config c;
	load_ok("", &c);
	assert_defaults(&c);
	load_ok("# db: ~/team.db\n", &c);
	assert_defaults(&c);
}

static void good_config(void **state)
{
	cx_config c;
	load_ok("# mine\n"
		"db: /srv/support/team.db\n"
		"theme: solarized-dark\n"
		"refresh_ms: 250\n",
		&c);
	assert_true(c.has_db);
	assert_string_equal(c.db, "/srv/support/team.db");
	assert_true(c.has_theme);
	assert_string_equal(c.theme, "solarized-dark");
	assert_int_equal(c.refresh_ms, 250);

	load_ok("theme: ./my/theme.yaml\n", &c);
	assert_false(c.has_db);
	assert_string_equal(c.theme, "./my/theme.yaml");
	assert_int_equal(c.refresh_ms, 500);

	load_ok("refresh_ms: 100\n", &c);
	assert_int_equal(c.refresh_ms, 100);
	load_ok("refresh_ms: \"60000\"\n", &c);
	assert_int_equal(c.refresh_ms, 60000);
}

static void tilde_is_expanded(void **state)
{
	struct saved_env home = env_set("HOME", "/home/tester");
	cx_config c;
	load_ok("db: ~/support/team.db\n", &c);
	assert_string_equal(c.db, "/home/tester/support/team.db");
	load_ok("db: \"~\"\n", &c);
	assert_string_equal(c.db, "/home/tester");
	/* Only a leading ~ or ~/ is ours to expand. */
	load_ok("db: ~other/team.db\n", &c);
	assert_string_equal(c.db, "~other/team.db");
	load_ok("db: data/~/team.db\n", &c);
	assert_string_equal(c.db, "data/~/team.db");

	unsetenv("HOME");
	expect_error("\n"
		     "db: ~/team.db\n",
		     "2:5: cannot expand '~' in db: HOME is not set");
	env_restore(home);
}

static void refresh_out_of_range(void **state)
{
	expect_error("db: /x.db\n"
		     "theme: light\n"
		     "refresh_ms: 50\n",
		     "3:13: refresh_ms must be a whole number from 100 to 60000, not '50'");
	expect_error("refresh_ms: 60001\n",
		     "1:13: refresh_ms must be a whole number from 100 to 60000, not '60001'");
	expect_error("refresh_ms: -500\n",
		     "1:13: refresh_ms must be a whole number from 100 to 60000, not '-500'");
	expect_error("refresh_ms: 0.5e3\n",
		     "1:13: refresh_ms must be a whole number from 100 to 60000, not '0.5e3'");
	expect_error("refresh_ms: fast\n",
		     "1:13: refresh_ms must be a whole number from 100 to 60000, not 'fast'");
	expect_error("refresh_ms: 99999999999999999999\n",
		     "1:13: refresh_ms must be a whole number from 100 to 60000, "
		     "not '99999999999999999999'");
}

static void unknown_key(void **state)
{
	expect_error("db: /x.db\n"
		     "  # indented comment\n"
		     "colour: blue\n",
		     "3:1: unknown key 'colour' (expected db, theme or refresh_ms)");
}

static void wrong_types_and_empty_values(void **state)
{
	expect_error("theme: [light, dark]\n", "1:8: expected text for theme, found a sequence");
	expect_error("db:\n  path: /x.db\n", "2:3: expected text for db, found a mapping");
	expect_error("db:\n", "1:4: missing value for db");
	expect_error("- db\n", "1:1: expected a mapping at the top level, found a sequence");
	char longtheme[400] = "theme: ";
	memset(longtheme + 7, 'a', 300);
	strcpy(longtheme + 307, "\n");
	expect_error(longtheme, "1:8: theme is longer than 255 bytes");
}

static void yaml_errors(void **state)
{
	expect_error("db: /x.db\n"
		     "db: /y.db\n",
		     "2:1: duplicate key 'db' (first at 1:1)");
	expect_error("theme: 'light\n",
		     "2:1: syntax error: found unexpected end of stream "
		     "(while scanning a quoted scalar started at 1:8)");
	expect_error("db: /x.db\n"
		     "  theme: light\n",
		     "2:8: syntax error: mapping values are not allowed in this context");
}

static void half_a_file_is_not_applied(void **state)
{
	/* The good db line must not survive the bad refresh line. */
	expect_error("db: /x.db\n"
		     "theme: light\n"
		     "refresh_ms: 5\n",
		     "3:13: refresh_ms must be a whole number from 100 to 60000, not '5'");
}

static void a_directory_is_not_a_config(void **state)
{
	char dir[600], want[800];
	snprintf(dir, sizeof dir, "%s", tu_tmp_path("confdir"));
	assert_int_equal(mkdir(dir, 0755), 0);
	cx_config c;
	cx_error err = {0};
	assert_int_equal(cx_config_load(dir, &c, &err), -1);
	snprintf(want, sizeof want, "cannot open config file '%s': Is a directory", dir);
	assert_string_equal(err.msg, want);
	assert_defaults(&c);
}

static void default_path(void **state)
{
	struct saved_env xdg = env_set("XDG_CONFIG_HOME", "/xdg");
	struct saved_env home = env_set("HOME", "/home/tester");
	char buf[256];

	assert_true(cx_config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/xdg/cxtop/config.yaml");
	assert_true(cx_config_dir(buf, sizeof buf));
	assert_string_equal(buf, "/xdg/cxtop");
	assert_false(cx_config_default_path(buf, 10)); /* too small */

	setenv("XDG_CONFIG_HOME", "", 1); /* empty counts as unset */
	assert_true(cx_config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/home/tester/.config/cxtop/config.yaml");
	setenv("XDG_CONFIG_HOME", "relative/dir", 1); /* ignored, per the XDG spec */
	assert_true(cx_config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/home/tester/.config/cxtop/config.yaml");
	unsetenv("XDG_CONFIG_HOME");
	assert_true(cx_config_default_path(buf, sizeof buf));
	assert_string_equal(buf, "/home/tester/.config/cxtop/config.yaml");
	unsetenv("HOME");
	assert_false(cx_config_default_path(buf, sizeof buf));

	env_restore(home);
	env_restore(xdg);
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(missing_file_means_defaults),
		cmocka_unit_test(empty_file_means_defaults),
		cmocka_unit_test(good_config),
		cmocka_unit_test(tilde_is_expanded),
		cmocka_unit_test(refresh_out_of_range),
		cmocka_unit_test(unknown_key),
		cmocka_unit_test(wrong_types_and_empty_values),
		cmocka_unit_test(yaml_errors),
		cmocka_unit_test(half_a_file_is_not_applied),
		cmocka_unit_test(a_directory_is_not_a_config),
		cmocka_unit_test(default_path),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, teardown_all);
}
