#!/usr/bin/env bash
# Issue #19's speed table in one sitting (bench/speed/run.py): stock Wagtail's blog page
# (wagtail/bakerydemo, SQLite), our guide uncached, our guide and a search page through the
# documented proxy (deploy/nginx), and nginx serving the same guide HTML. Results and the load
# average go to bench/speed/results/report.md; copy the table into docs/benchmarks.md.
#
# Usage: bench/speed/run.sh /path/to/bakerydemo   (or BAKERYDEMO=/path/to/bakerydemo)
#   A checkout of https://github.com/wagtail/bakerydemo; it gets a venv of its own (.bench-venv,
#   Python 3.12: it needs Django 6) and its demo data in SQLite on the first run.
#   DURATION (20s), CONNECTIONS (16), WORKERS (2 gunicorn sync workers) can be set.
set -euo pipefail
cd "$(dirname "$0")/../.."
BAKERYDEMO="$(realpath "${1:-${BAKERYDEMO:?give the bakerydemo checkout as an argument or BAKERYDEMO}}")"
source bin/_venv.sh base
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q nginx wrk >/dev/null; }

bakery_python="${BAKERYDEMO_PYTHON:-$BAKERYDEMO/.bench-venv/bin/python}"  # or a venv of your own
if [ ! -x "$bakery_python" ]; then
  "$(command -v python3.12 || command -v python3)" -m venv "$BAKERYDEMO/.bench-venv"
  "$bakery_python" -m pip install -q -r "$BAKERYDEMO/requirements/base.txt" "whitenoise>=6.11,<7" gunicorn  # as its production.txt
fi
if [ ! -f "$BAKERYDEMO/bakerydemodb" ]; then
  (cd "$BAKERYDEMO" && DJANGO_SETTINGS_MODULE=bakerydemo.settings.dev "$bakery_python" manage.py migrate --noinput -v0 \
    && DJANGO_SETTINGS_MODULE=bakerydemo.settings.dev "$bakery_python" manage.py load_initial_data)
fi
(cd "$BAKERYDEMO" && DJANGO_SETTINGS_MODULE=bakerydemo.settings.production DJANGO_SECRET_KEY=bench \
  "$bakery_python" manage.py collectstatic --noinput -v0)

unset DATABASE_URL REDIS_URL  # the embedded default: SQLite, in-process cache
export CHEFSGUIDER_DATA_DIR="$PWD/bench/speed/data" DJANGO_SETTINGS_MODULE=chefsguider.settings.base
if [ ! -f "$CHEFSGUIDER_DATA_DIR/db.sqlite3" ]; then
  mkdir -p "$CHEFSGUIDER_DATA_DIR"
  python manage.py migrate --noinput -v0
  python manage.py load_starter_content
fi
python manage.py collectstatic --noinput -v0

results="$PWD/bench/speed/results"; mkdir -p "$results"  # tee opens report.md before run.py makes the folder
python bench/speed/run.py --bakerydemo "$BAKERYDEMO" --bakerydemo-python "$bakery_python" \
  --data "$CHEFSGUIDER_DATA_DIR" --results "$results" --duration "${DURATION:-20s}" \
  --connections "${CONNECTIONS:-16}" --workers "${WORKERS:-2}" | tee "$results/report.md"
