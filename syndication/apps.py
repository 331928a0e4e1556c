"""Syndication: how readers and search engines find the library from outside the site."""

from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = "Spridning"
