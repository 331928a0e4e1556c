"""Public URLs of the editorial app: feedback and search-result opening."""

from django.urls import path

from editorial import views

app_name = "editorial"
urlpatterns = [
    path("omdome/<id:guide_id>/", views.feedback, name="feedback"),
    path("sok/oppna/<id:search_id>/<id:guide_id>/", views.open_result, name="open_result"),
]
