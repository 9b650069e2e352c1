# test_theme.sh — t's theme is remembered: written into the config file
# (its other settings and comments kept) and used on the next run; a file
# that cannot take it is left alone, and the status line says so.
. tests/screen/screen-lib

# A config folder of this suite's own: what the other suites see is not
# touched.
XDG_CONFIG_HOME="$WORK/xdg"
export XDG_CONFIG_HOME
CONF="$XDG_CONFIG_HOME/cxtop/config.yaml"

# No config file yet: t makes one, folder and all.
start 80 24 "$DB"
keys t
check "t says the theme is remembered, and where" "theme: high-contrast (remembered in .*config.yaml)"
keys q
wait_for 'EXIT=' 3
if [ "$(cat "$CONF" 2>/dev/null)" = "theme: high-contrast" ]; then ok "the config file now holds the theme"; else
	echo "not ok - the config file now holds the theme"; sed 's/^/#   | /' "$CONF" 2>/dev/null; fi

# The next run starts with it: t goes on from there.
start 80 24 "$DB"
keys t
check "the next run starts with the remembered theme (t goes on to the one after it)" "theme: light (remembered"
keys q
wait_for 'EXIT=' 3

# The user's own settings and comments stay as they were.
cat >"$CONF" <<'EOF'
# cxtop, the way I like it
refresh_ms: 700   # a bit quicker

theme: mono       # for the projector
EOF
start 80 24 "$DB"
keys t
check "a config file with comments takes the theme" "theme: solarized-dark (remembered"
keys q
wait_for 'EXIT=' 3
want='# cxtop, the way I like it
refresh_ms: 700   # a bit quicker

theme: solarized-dark       # for the projector'
if [ "$(cat "$CONF")" = "$want" ]; then ok "... only the theme's value changed, every comment kept"; else
	echo "not ok - ... only the theme's value changed, every comment kept"; sed 's/^/#   | /' "$CONF"; fi

# A file with a mistake is the user's to fix: not rewritten, and t says so.
printf 'refresh_ms: 700\ncolour: blue\n' >"$CONF"
before=$(cat "$CONF")
start 80 24 "$DB"
keys t
check "a config file with a mistake: the theme changes, not remembered, and why" \
	"theme: high-contrast, not remembered: config.yaml:2:1: unknown key 'colour'"
keys q
wait_for 'EXIT=' 3
if [ "$(cat "$CONF")" = "$before" ]; then ok "... and the file is left as it was"; else
	echo "not ok - ... and the file is left as it was"; sed 's/^/#   | /' "$CONF"; fi

# A theme that is nowhere: the status line names the folders searched.
start 120 24 --theme no-such-theme "$DB"
check "an unknown theme names the folders searched" "theme 'no-such-theme' not found in .*/themes, .*/themes, \./themes"
