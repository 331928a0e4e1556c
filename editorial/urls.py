"""Public URLs of the editorial app: reader feedback."""

from django.urls import path

from editorial import views

app_name = "editorial"
urlpatterns = [
    path("omdome/<id:guide_id>/", views.feedback, name="feedback"),
]
