# Sourced by bin/serve and bin/test: make .venv with the pinned packages of the given lock file.
# Reinstalls only when the lock file changed since the last install.
lock="requirements/$1.lock"
python_bin="$(command -v python3.11 || command -v python3)"
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp=".venv/.installed-$1"
if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp" || { [ "$1" = test ] && ! cmp -s requirements/base.lock .venv/.installed-base; }; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
  cp "$lock" "$stamp"
  cp requirements/base.lock .venv/.installed-base
fi
export PATH="$PWD/.venv/bin:$PATH"
