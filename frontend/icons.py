"""The site's icons: one inline SVG sprite per page, holding only the symbols that page uses.

Each icon is the inner markup of a 24×24 stroke drawing (the stroke, its width and caps come from
the .icon class in site.css). Guide areas and situations get theirs by slug; a term the editors add
later gets the book until someone picks a better one here.
"""

ICONS = {
    # Interface
    "search": '<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>',
    "filter": '<path d="M4 6h16M7 12h10M10 18h4"/>',
    "close": '<path d="M6 6l12 12M18 6 6 18"/>',
    "arrow": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    "check": '<path d="m5 12 4 4 10-10"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "book": '<path d="M4 19V5a2 2 0 0 1 2-2h14v14H6a2 2 0 0 0 0 4h14v-4"/>',
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
    "checklist": '<path d="M10 6h10M10 12h10M10 18h10M3 6l1.5 1.5L7 5M3 12l1.5 1.5L7 11M3 18l1.5 1.5L7 17"/>',
    "folder": '<path d="M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z"/>',
    "letter": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "pen": '<path d="M4 20h4L19 9l-4-4L4 16zM13 7l4 4"/>',
    "mic": '<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>',
    "question": '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17v.01"/>',
    "bookmark": '<path d="M6 3h12v18l-6-4-6 4z"/>',
    "steps": '<path d="M4 20h5v-5h5v-5h5V5"/>',
    # Guide areas
    "compass": '<circle cx="12" cy="12" r="9"/><path d="m15.5 8.5-2 5-5 2 2-5z"/>',
    "coins": '<ellipse cx="9" cy="7" rx="6" ry="3"/><path d="M3 7v4c0 1.7 2.7 3 6 3s6-1.3 6-3V7M9 14v3c0 1.7 2.7 3 '
             '6 3s6-1.3 6-3v-4c0-1.5-2.2-2.7-5-3"/>',
    "scale": '<path d="M12 3v18M7 21h10M4 7h16M6 7l-3 7a3 3 0 0 0 6 0zM18 7l-3 7a3 3 0 0 0 6 0z"/>',
    "heart": '<path d="M12 20s-8-4.6-8-10.2A4.3 4.3 0 0 1 12 7a4.3 4.3 0 0 1 8 2.8C20 15.4 12 20 12 20z"/>'
             '<path d="M7.5 12.5h2.5l1-2 2 4 1-2h2.5"/>',
    "user-plus": '<circle cx="9" cy="8" r="4"/><path d="M2 21a7 7 0 0 1 14 0M19 8v6M16 11h6"/>',
    "chat": '<path d="M3 4h13v10H8l-4 3v-3H3zM16 8h5v9h-1v3l-4-3h-5v-3"/>',
    "refresh": '<path d="M20 11A8 8 0 0 0 5.5 7M4 3v4h4M4 13a8 8 0 0 0 14.5 4M20 21v-4h-4"/>',
    "trend": '<path d="m3 17 6-6 4 4 8-8M15 7h6v6"/>',
    "equal": '<circle cx="12" cy="12" r="9"/><path d="M8 10h8M8 14h8"/>',
    "chart": '<path d="M3 3v18h18M7 16v1M11 11v6M15 8v9M19 5v12"/>',
    # Situations
    "sprout": '<path d="M12 21v-9M12 12C12 7.5 9 5 4 5c0 4.5 3 7 8 7zM12 14c0-4 3-6.5 8-6.5 0 4-3 6.5-8 6.5z"/>',
    "chat-alert": '<path d="M4 4h16v12h-9l-5 4v-4H4zM12 7v4M12 13.5v.01"/>',
    "medical": '<rect x="3" y="3" width="18" height="18" rx="4"/><path d="M12 8v8M8 12h8"/>',
    "percent": '<path d="M19 5 5 19"/><circle cx="7" cy="7" r="2.5"/><circle cx="17" cy="17" r="2.5"/>',
    "org": '<rect x="9" y="3" width="6" height="5" rx="1"/><rect x="3" y="16" width="6" height="5" rx="1"/>'
           '<rect x="15" y="16" width="6" height="5" rx="1"/><path d="M12 8v4M6 16v-4h12v4"/>',
    "bolt": '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
    "laptop": '<rect x="4" y="5" width="16" height="11" rx="1"/><path d="M2 19h20"/>',
    "target": '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1"/>',
    "user-check": '<circle cx="9" cy="8" r="4"/><path d="M2 21a7 7 0 0 1 14 0M16 11l2 2 4-4"/>',
    "exit": '<path d="M14 3H5v18h9M10 12h11M17 8l4 4-4 4"/>',
    "gauge": '<path d="M3.5 18a9 9 0 1 1 17 0"/><path d="m12 14 4-5"/><circle cx="12" cy="14" r="1"/>',
    "sun": '<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2'
           'M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>',
    "clipboard": '<rect x="5" y="4" width="14" height="17" rx="2"/><path d="M9 4V2h6v2M9.5 11l5 5M14.5 11l-5 5"/>',
    "shield": '<path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6zM12 8v5M12 16v.01"/>',
    "doc-check": '<path d="M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4"/>',
    "bulb": '<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5h6c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3z"/>',
    "id": '<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/>'
          '<path d="M6 16a3 3 0 0 1 6 0M14 10h4M14 14h4"/>',
}

#: Guide areas and situations (content/terms.yml) by slug.
TERM_ICONS = {
    "ledarskap": "compass",
    "lon": "coins",
    "arbetsratt": "scale",
    "arbetsmiljo": "heart",
    "rekrytering": "user-plus",
    "kommunikation": "chat",
    "forandring": "refresh",
    "karriar": "trend",
    "jamstalldhet": "equal",
    "verksamhetsutveckling": "chart",
    "ny-som-chef": "sprout",
    "svara-samtal": "chat-alert",
    "sjukskrivning-och-rehabilitering": "medical",
    "lonerevision": "percent",
    "omorganisation": "org",
    "konflikt-i-gruppen": "bolt",
    "leda-pa-distans": "laptop",
    "mal-och-uppfoljning": "target",
    "anstalla": "user-check",
    "avsluta-anstallning": "exit",
    "stress-och-hog-arbetsbelastning": "gauge",
    "ledighet-och-franvaro": "sun",
    "brister-i-arbetet": "clipboard",
    "hot-vald-och-kris": "shield",
    "etik-och-regler": "doc-check",
    "utveckla-verksamheten": "bulb",
    "din-egen-anstallning": "id",
}
DEFAULT_TERM_ICON = "book"


def icon_for_term(slug: str) -> str:
    return TERM_ICONS.get(slug, DEFAULT_TERM_ICON)


def sprite(names) -> str:
    """One hidden <svg> with a <symbol id="i-NAME"> for each of the named icons."""
    known = sorted(set(names) & ICONS.keys())
    symbols = "".join(f'<symbol id="i-{name}" viewBox="0 0 24 24">{ICONS[name]}</symbol>' for name in known)
    return f'<svg class="icon-sprite" aria-hidden="true">{symbols}</svg>' if symbols else ""

#: The tools (tools.models.ToolPage.tool) and the letters, by kind.
TOOL_ICONS = {"follow_up": "checklist", "meeting_pack": "folder", "personal_evaluation": "pen", "process": "calendar",
              "letters": "letter"}
