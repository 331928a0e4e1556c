"""Public URLs of the search app."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("sok/oppna/<id:guide_id>/", views.open_result, name="open_result"),
]
