"""Test helpers for the search seam: every engine as a pytest parameter.

The PostgreSQL engine's parameter carries the `postgres` marker, which the root conftest skips
(with the reason) when the tests run on SQLite.
"""

import pytest

from search.registry import ENGINES

ENGINE_PARAMS = [pytest.param(name, marks=pytest.mark.postgres) if name == "postgres" else name for name in ENGINES]
