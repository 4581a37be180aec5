#!/usr/bin/env bash
# Install digestbot as a systemd service on one VM: as root, from a checkout of the repository,
#   bash deploy/systemd/install.sh
# then fill in /etc/digestbot/env and `systemctl enable --now digestbot`.
# It creates the `digestbot` system user, a virtualenv in /opt/digestbot with the versions of
# constraints.txt, /etc/digestbot/env (mode 0600, kept if it exists) and the unit, and reloads
# systemd. Run it again to upgrade. ROOT=/some/dir installs into that staging tree instead of
# / and leaves the running systemd alone (the tests run it so, on a tree they check).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${ROOT:-}
python=${PYTHON:-python3.11}

user_exists() {
  if [ -n "$root" ]; then grep -q '^digestbot:' "$root/etc/passwd"; else id digestbot >/dev/null 2>&1; fi
}
if ! user_exists; then
  useradd ${root:+--prefix "$root"} --system --user-group --no-create-home \
    --home-dir /var/lib/digestbot --shell /usr/sbin/nologin digestbot
fi
# --upgrade-deps: the pip that venv bundles (23.2 with Python 3.11.7) fails to resolve this
# project's requirements ("Candidate is not for this requirement lxml[html-clean]").
"$python" -m venv --upgrade-deps "$root/opt/digestbot"
"$root/opt/digestbot/bin/pip" install --quiet --constraint constraints.txt .
[ -e "$root/etc/digestbot/env" ] || install -D -m 0600 deploy/env.example "$root/etc/digestbot/env"
install -D -m 0644 deploy/systemd/digestbot.service "$root/etc/systemd/system/digestbot.service"
[ -n "$root" ] || systemctl daemon-reload
echo "digestbot installed: fill in ${root}/etc/digestbot/env, then: systemctl enable --now digestbot"
