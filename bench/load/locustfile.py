"""Locust scenario: managers browsing the catalogue, filtering, searching and reading guides.

Each request is named by page type so the report gives requests/s and percentiles per type.
Readers pause 0.5–2 s between pages; THINK=0 drops the pause, so the users ask as fast as the
server answers (the capacity runs). Run by bench/load/run.sh; the host is given on the command line.
"""

import os
import random
from urllib.parse import urlencode

from locust import FastHttpUser, between, constant, task

QUERIES = [
    "lönesamtal",
    "sjukskriven medarbetare",
    "konflikt",
    "uppsägning arbetsbrist",
    "medarbetarsamtal",
    "rekrytering intervju",
    "distans",
    "stress",
    "feedback",
    "omorganisation",
    "turordning",
    "lonerevision",
    "introduktion nyanställd",
    "arbetsmiljö",
    "provanställning",
    "svårt samtal",
    "mål uppföljning",
]


def lines(name: str) -> list[str]:
    """What run.sh read from the benchmark's database: guide addresses, area and situation slugs."""
    return [line.strip() for line in open(name, encoding="utf-8") if line.strip()]


AREAS, SITUATIONS, GUIDES = lines("areas.txt"), lines("situations.txt"), lines("guide_paths.txt")
# Readers favour some guides: the n-th most read guide is read about 1/n as often as the first (Zipf).
GUIDE_WEIGHTS = [1 / rank for rank in range(1, len(GUIDES) + 1)]


class Reader(FastHttpUser):
    wait_time = constant(0) if os.environ.get("THINK") == "0" else between(0.5, 2)

    @task(3)
    def catalogue(self):
        self.client.get("/chefsguider/", name="catalogue")

    @task(4)
    def filter(self):
        params = {"omrade": random.sample(AREAS, random.randint(1, 2))}
        if random.random() < 0.5:
            params["situation"] = random.choice(SITUATIONS)
        self.client.get(f"/chefsguider/?{urlencode(params, doseq=True)}", name="filter")

    @task(3)
    def search(self):
        self.client.get(f"/chefsguider/?{urlencode({'q': random.choice(QUERIES)})}", name="search")

    @task(6)
    def guide(self):
        self.client.get(random.choices(GUIDES, GUIDE_WEIGHTS)[0], name="guide")

    @task(1)
    def api(self):
        query = urlencode({"q": random.choice(QUERIES), "limit": 10})
        self.client.get(f"/api/v1/guides/?{query}", name="api search")
