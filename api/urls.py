from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("guides/", views.guides, name="guides"),
    path("suggest/", views.suggest, name="suggest"),
]
