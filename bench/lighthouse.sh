#!/usr/bin/env bash
# Lighthouse (mobile emulation, the default) performance and accessibility scores for the catalogue
# and a guide page, with Debian's Chromium. Serves the starter library with gunicorn on a scratch
# data folder. Usage: bench/lighthouse.sh   (results in bench/results/lighthouse-*.json)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/_venv.sh base
export CHEFSGUIDER_DATA_DIR="$PWD/bench/results/lighthouse-data" DJANGO_SETTINGS_MODULE=chefsguider.settings.base
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
mkdir -p bench/results "$CHEFSGUIDER_DATA_DIR"
python manage.py migrate --noinput -v0
python manage.py load_starter_content >/dev/null
python manage.py collectstatic --noinput -v0
gunicorn chefsguider.wsgi --bind 127.0.0.1:8092 --workers 2 --log-level warning &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 60); do curl -sf http://127.0.0.1:8092/healthz >/dev/null && break; sleep 1; done
for target in "catalogue /chefsguider/" "guide /chefsguider/lonesamtal-med-medarbetare/"; do
  set -- $target
  npx -y lighthouse@12.8.2 "http://127.0.0.1:8092$2" --quiet --output=json \
    --output-path="bench/results/lighthouse-$1.json" --only-categories=performance,accessibility \
    --chrome-flags="--headless --no-sandbox --disable-gpu"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2], {k: round(v['score']*100) for k, v in r['categories'].items()}, 'LCP', r['audits']['largest-contentful-paint']['displayValue'], 'CLS', r['audits']['cumulative-layout-shift']['displayValue'], 'TBT', r['audits']['total-blocking-time']['displayValue'])" "bench/results/lighthouse-$1.json" "$1"
done
