"""Guide library: guide areas and situations (snippets), the catalogue page and guide pages.

The order matters: `pages` imports the catalogue's views at the top, and the views import the
terms and the guide page from this package, so both are defined before `pages` is read.
"""

# isort: off
from guides.models.terms import GUIDE_FORMS, RESERVED_GUIDE_SLUGS, GuideArea, MembershipCallToAction, Situation, Term
from guides.models.guide import GuidePage, GuideSourceLink, can_read_body, heading_anchor
from guides.models.pages import CataloguePage, HomePage
# isort: on

__all__ = [
    "GUIDE_FORMS",
    "RESERVED_GUIDE_SLUGS",
    "CataloguePage",
    "GuideArea",
    "GuidePage",
    "GuideSourceLink",
    "HomePage",
    "MembershipCallToAction",
    "Situation",
    "Term",
    "can_read_body",
    "heading_anchor",
]
