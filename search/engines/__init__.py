"""Interchangeable engines behind the search seam: `tantivy` (embedded) and `postgres` (shared)."""
