# Fleksbro web application. Build: docker build -t fleksbro .
# Run: docker run -e FLEKSBRO_SECRET_KEY=... -e FLEKSBRO_DATABASE_URL=postgresql+psycopg://... -p 8000:8000 fleksbro
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    FLEKSBRO_ENVIRONMENT=production \
    HF_HUB_OFFLINE=1

WORKDIR /srv/fleksbro
RUN useradd --system --create-home --home-dir /home/fleksbro fleksbro

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY matching ./matching
COPY migrations ./migrations
COPY web ./web
RUN pip install --upgrade pip && pip install -e . && mkdir -p var && chown fleksbro var

USER fleksbro
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
# Migrations first, then the server (migrations are idempotent: "upgrade head").
CMD ["sh", "-c", "fleksbro migrate && exec fleksbro serve --host 0.0.0.0 --port 8000 --workers 2"]
