#!/bin/sh
# Install the Debian packages Replytrail's app and test suite need, without starting system daemons.
# Idempotent: a second run with everything present takes well under a second.
#   $1 = "venv" -> only python3-venv (Debian's python3 has no ensurepip without it)
#   $1 = "run"  -> what the desktop app needs (Qt's X11 libraries)
#   $1 = "package" -> plus what ./dev package needs (PyInstaller's strip, libpython)
#   $1 = "test" -> plus the real servers the tests start (Dovecot, PostgreSQL, Xvfb, a tray host,
#                  gnome-keyring, dnsmasq for the discovery namespace)
set -eu
export DEBIAN_FRONTEND=noninteractive
what=${1:-test}
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
        echo "replytrail: installing Debian packages needs root (or sudo)" >&2; exit 1; fi
fi

RUN_PKGS="libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 libxkbcommon-x11-0
 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
 fonts-dejavu-core"
# ./dev package: strip (binutils), the shared libpython PyInstaller bundles, the system libpq
# the bundle's psycopg opens; the package tests validate the .desktop and AppStream files
PACKAGE_PKGS="binutils libpython3.11 libpq5"
TEST_PKGS="$PACKAGE_PKGS desktop-file-utils appstream dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-submissiond postgresql
 xvfb xauth polybar xdotool gnome-keyring dbus-daemon dnsmasq-base iproute2 ca-certificates
 chromium"
PKGS="$RUN_PKGS"
[ "$what" = test ] && PKGS="$PKGS $TEST_PKGS"
[ "$what" = package ] && PKGS="$PKGS $PACKAGE_PKGS"
if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
    PKGS="$PKGS python3-venv"
fi
[ "$what" = venv ] && PKGS="python3-venv"

# Package postinsts must not start system daemons (dovecot on 143/993, postgresql on 5432).
if [ "$what" = test ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
fi
if [ "$what" = test ]; then
    $SUDO mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' | $SUDO tee /etc/postgresql-common/createcluster.d/50-no-main-cluster.conf >/dev/null
fi

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "replytrail: installing Debian packages:$missing" >&2
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 $missing >/dev/null
fi

if [ "$what" = test ]; then
    # If a system instance got started anyway (host with systemd), stop it: tests start their own.
    for svc in dovecot postgresql; do
        if [ -x /etc/init.d/$svc ]; then
            $SUDO service $svc stop >/dev/null 2>&1 || true
        fi
    done
    # dbus-x11 makes Qt autolaunch a session bus that outlives the tests.
    if dpkg-query -W -f='${Status}' dbus-x11 2>/dev/null | grep -q 'install ok installed'; then
        $SUDO apt-get remove -y -q dbus-x11 >/dev/null || true
    fi
fi
exit 0
