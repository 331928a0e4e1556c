#!/usr/bin/env bash
# Load benchmark: 50 concurrent readers for 2 minutes against gunicorn on PostgreSQL with 10,000
# guides, uncached and with the Redis page cache, and nginx serving the same pages as static files.
# Then the capacity runs: the same 50 users without pauses, against the cached site and nginx.
# Usage: bench/load/run.sh   (takes about 15 minutes; results in bench/load/results/)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/_venv.sh test
pip install -q locust==2.43.1 >/dev/null
command -v nginx >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q nginx >/dev/null; }

USERS="${USERS:-50}"; DURATION="${DURATION:-2m}"; GUIDES="${GUIDES:-10000}"
DB="${LOAD_DB:-chefsguider_load}"  # a database of its own per checkout: LOAD_DB=…
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" CHEFSGUIDER_SEARCH_ENGINE=postgres
export CHEFSGUIDER_DATA_DIR="$PWD/bench/load/data" DJANGO_SETTINGS_MODULE=chefsguider.settings.base
export SEARCH_RATE=1000000/m SUGGEST_RATE=1000000/m
results="$PWD/bench/load/results"; mkdir -p "$results" "$CHEFSGUIDER_DATA_DIR"; rm -f "$results/load-average.txt"

if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  createdb -h 127.0.0.1 -U postgres "$DB"
  python manage.py migrate --noinput -v0
  python manage.py load_starter_content
  python manage.py generate_guides --count "$GUIDES"
fi
python manage.py collectstatic --noinput -v0
# Every run starts from the same search log (each search served adds a row).
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "truncate editorial_searchlog cascade"
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc \
  "select url_path from wagtailcore_page p join guides_guidepage g on g.page_ptr_id=p.id where p.live order by random() limit 500" \
  | sed 's#^/start##' > bench/load/guide_paths.txt
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select slug from guides_guidearea" > bench/load/areas.txt
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select slug from guides_situation" > bench/load/situations.txt

serve() {  # $1 = page cache seconds, $2 = redis url or empty
  PAGE_CACHE_SECONDS="$1" REDIS_URL="$2" gunicorn chefsguider.wsgi --bind 127.0.0.1:8090 --workers 4 \
    --threads 4 --timeout 120 --keep-alive 10 --log-level warning > "$results/gunicorn-$1.log" 2>&1 &
  echo $! > "$results/gunicorn.pid"
  for _ in $(seq 60); do curl -sf http://127.0.0.1:8090/healthz >/dev/null && return; sleep 1; done
  echo "gunicorn did not start" >&2; exit 1
}
stop() { kill "$(cat "$results/gunicorn.pid")"; sleep 2; }
swarm() {  # $1 = label, $2 = host; THINK=0 in the environment drops the readers' pauses
  echo "$1 starts: $(uptime)" >> "$results/load-average.txt"
  (cd bench/load && locust -f locustfile.py --headless -u "$USERS" -r 10 -t "$DURATION" --host "$2" \
      --csv "$results/$1" --only-summary > "$results/$1.log" 2>&1) || true  # locust exits 1 on any failure
  echo "$1 ends: $(uptime)" >> "$results/load-average.txt"
}

serve 0 ""; swarm uncached http://127.0.0.1:8090; stop
redis-cli -n "${LOAD_REDIS_DB:-3}" flushdb >/dev/null
serve 600 "redis://127.0.0.1:6379/${LOAD_REDIS_DB:-3}"; swarm cached http://127.0.0.1:8090
THINK=0 swarm cached-capacity http://127.0.0.1:8090

# The same rendered pages as files, served by nginx: the ceiling for the cached path.
static="$results/static"; rm -rf "$static"; mkdir -p "$static"
python bench/load/snapshot.py http://127.0.0.1:8090 "$static"
stop
cat > "$results/nginx.conf" <<CONF
worker_processes 2; pid $results/nginx.pid; error_log $results/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; gzip on; gzip_types text/html application/json;
  server { listen 127.0.0.1:8091; root $static; default_type text/html;
    location / { try_files \$uri/index.html \$uri =404; } } }
CONF
nginx -c "$results/nginx.conf"
swarm nginx http://127.0.0.1:8091
THINK=0 swarm nginx-capacity http://127.0.0.1:8091
nginx -c "$results/nginx.conf" -s stop
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from editorial_searchlog" > "$results/search-log-count.txt"
python bench/load/report.py "$results" > "$results/report.md"
cat "$results/report.md"
