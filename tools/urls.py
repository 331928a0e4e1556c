"""Plain Django addresses of the tools, outside the page tree: the PDF of any guide."""

from django.urls import path

from tools import views

app_name = "tools"

urlpatterns = [
    path("pdf/<slug:slug>/", views.guide_pdf, name="guide_pdf"),
]
