"""Locust scenario: managers browsing the catalogue, filtering, searching and reading guides.

Each request is named by page type so the report gives requests/s and percentiles per type.
Run by bench/load/run.sh; the host is given on the command line.
"""

import random

from locust import HttpUser, between, task

AREAS = ["ledarskap", "lon", "arbetsratt", "arbetsmiljo", "rekrytering", "kommunikation", "forandring", "karriar"]
SITUATIONS = [
    "ny-som-chef",
    "svara-samtal",
    "sjukskrivning-och-rehabilitering",
    "lonerevision",
    "omorganisation",
    "konflikt-i-gruppen",
    "leda-pa-distans",
    "mal-och-uppfoljning",
    "anstalla",
    "avsluta-anstallning",
    "stress-och-hog-arbetsbelastning",
]
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
GUIDES = [line.strip() for line in open("guide_paths.txt", encoding="utf-8") if line.strip()]


class Reader(HttpUser):
    wait_time = between(0.5, 2)

    @task(3)
    def catalogue(self):
        self.client.get("/chefsguider/", name="catalogue")

    @task(4)
    def filter(self):
        params = {"omrade": random.sample(AREAS, random.randint(1, 2))}
        if random.random() < 0.5:
            params["situation"] = random.choice(SITUATIONS)
        self.client.get("/chefsguider/", params=params, name="filter")

    @task(3)
    def search(self):
        self.client.get("/chefsguider/", params={"q": random.choice(QUERIES)}, name="search")

    @task(6)
    def guide(self):
        self.client.get(random.choice(GUIDES), name="guide")

    @task(1)
    def api(self):
        self.client.get("/api/v1/guides/", params={"q": random.choice(QUERIES), "limit": 10}, name="api search")
