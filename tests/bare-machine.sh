#!/bin/sh
# bare-machine.sh — the README's promise, tried: on a minimal Debian 12 with
# only git and make, `make check` installs what it needs and passes.
#
# Builds a minimal Debian 12 (bookworm) root with debootstrap (variant
# minbase, plus git and make, nothing else), puts the committed tree (git
# archive HEAD) in it, and runs `make check` there under chroot.  Run by
# hand and before releases, not by make check: it downloads Debian
# packages and takes a while.
#
#   sudo sh tests/bare-machine.sh [MIRROR]
#
# MIRROR defaults to http://deb.debian.org/debian.  BARE_ROOT=DIR builds in
# DIR (default: a new directory under /tmp, removed afterwards unless
# BARE_KEEP=1).  Skipped, with a message and exit status 0, when not root
# or when debootstrap is not installed (apt-get install debootstrap).
set -eu
cd "$(dirname "$0")/.." || exit 1

if [ "$(id -u)" -ne 0 ]; then
	echo "bare-machine: skipped: needs root (debootstrap, chroot, mounts)"
	exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
	echo "bare-machine: skipped: debootstrap is not installed (apt-get install debootstrap)"
	exit 0
fi

mirror=${1:-http://deb.debian.org/debian}
root=${BARE_ROOT:-$(mktemp -d "${TMPDIR:-/tmp}/cxtop-bare-XXXXXX")}
mounted=""
cleanup() {
	for m in $mounted; do umount -l "$m" 2>/dev/null || :; done
	if [ -z "${BARE_ROOT:-}" ] && [ "${BARE_KEEP:-0}" != 1 ]; then rm -rf "$root"; fi
}
trap cleanup EXIT INT TERM

echo "bare-machine: a minimal Debian 12 with git and make in $root"
debootstrap --variant=minbase --include=git,make bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
	tail -n 20 "$root.log"
	echo "bare-machine: debootstrap failed (log: $root.log)"
	exit 1
}
rm -f "$root.log"

# What any machine has: /proc (the sanitizers read it), /dev with its
# terminals (the screen tests run tmux), and a resolver for apt.
mount -t proc proc "$root/proc" && mounted="$root/proc $mounted"
mount --rbind /dev "$root/dev" && mounted="$root/dev $mounted"
mount -t sysfs sys "$root/sys" && mounted="$root/sys $mounted"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || :

# Only git and make: nothing else from the build is on the new system.
for c in cc gcc pkg-config clang sqlite3; do
	if chroot "$root" sh -c "command -v $c" >/dev/null 2>&1; then
		echo "bare-machine: $c is already in the new root; it is not bare"
		exit 1
	fi
done

mkdir -p "$root/root/cxtop"
git archive --format=tar HEAD | tar -xf - -C "$root/root/cxtop"
echo "bare-machine: make check in the new root (installs its packages first)"
if chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb \
	sh -c 'cd /root/cxtop && make check'; then
	echo "bare-machine: ok - make check passes on a minimal Debian 12 with only git and make"
else
	echo "bare-machine: not ok - make check failed on a minimal Debian 12 (root kept in $root)"
	BARE_KEEP=1
	exit 1
fi
