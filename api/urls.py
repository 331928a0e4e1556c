from django.urls import path

from api import views
from api.openapi import openapi_json

app_name = "api"
urlpatterns = [
    path("guides/", views.guides, name="guides"),
    path("suggest/", views.suggest, name="suggest"),
    path("openapi.json", openapi_json, name="openapi"),
]
