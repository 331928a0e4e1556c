"""Editors' reports in Wagtail's admin (Rapporter), one module each: guides due for review
(review) and what readers think of each guide (feedback). The admin URLs of both are here; what
readers search for and do not find is the search app's report (search.reports)."""

from django.urls import path

from editorial.reports.base import EDITING
from editorial.reports.feedback import FeedbackReportView, GuideFeedbackView
from editorial.reports.review import ReviewReportView

__all__ = ["EDITING", "urlpatterns"]

urlpatterns = [
    path("granskning/", ReviewReportView.as_view(), name="review"),
    path("granskning/resultat/", ReviewReportView.as_view(results_only=True), name="review_results"),
    path("omdomen/", FeedbackReportView.as_view(), name="feedback"),
    path("omdomen/resultat/", FeedbackReportView.as_view(results_only=True), name="feedback_results"),
    path("omdomen/<id:guide_id>/", GuideFeedbackView.as_view(), name="guide_feedback"),
    path(
        "omdomen/<id:guide_id>/resultat/",
        GuideFeedbackView.as_view(results_only=True),
        name="guide_feedback_results",
    ),
]
