# Chefsguider application image: gunicorn serving Django/Wagtail, static files via WhiteNoise.
# Build: docker build -t chefsguider .   Run with docker-compose.yml (app, PostgreSQL, Redis).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=chefsguider.settings.production \
    CHEFSGUIDER_DATA_DIR=/data

# WeasyPrint needs Pango for PDF rendering; libpq for psycopg is bundled in psycopg[binary].
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 chefsguider
WORKDIR /app
COPY requirements/ requirements/
RUN pip install --no-cache-dir -r requirements/base.lock
COPY . .
# /proxy-cache and /proxy-logs: volumes shared with the proxy (docker-compose.yml), made the app user's.
RUN mkdir -p /data /proxy-cache /proxy-logs && chown chefsguider:chefsguider /data /proxy-cache /proxy-logs
USER chefsguider

# collectstatic needs settings that import cleanly: give it throwaway values at build time only.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v0

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py invalidate_caches && exec gunicorn chefsguider.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --threads 4 --keep-alive 65 --access-logfile - --timeout 60"]
