"""Fixtures for the editorial tests: editors with admin access (dates relative to today: conftest.py).
(admin_client, a logged-in superuser, is pytest-django's own.)"""


import pytest


@pytest.fixture
def make_editor(db, django_user_model):
    from django.contrib.auth.models import Group

    def make(username, *, group="Granskare", email=None, first_name=""):
        user = django_user_model.objects.create_user(
            username, email=email if email is not None else f"{username}@chefsguider.example",
            password="lösenord", first_name=first_name,
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make
