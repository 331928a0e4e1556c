"""Findability of the readers' pages: RSS and Atom feeds, sitemap.xml, canonical and OpenGraph tags and
a guide's schema.org JSON-LD. Sits above guides; nothing below imports it (frontend's base template
loads its tags)."""
