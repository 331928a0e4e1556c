"""python manage.py ensure_admin: make sure an admin login exists and say how to use it.

The password comes from CHEFSGUIDER_ADMIN_PASSWORD, or is generated once and kept in
DATA_DIR/admin-password.txt (readable by the owner only), so repeated runs print the same login.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin user when missing and print its login."

    def handle(self, **options):
        username = os.environ.get("CHEFSGUIDER_ADMIN_USER", "admin")
        password_file = settings.DATA_DIR / "admin-password.txt"
        password = os.environ.get("CHEFSGUIDER_ADMIN_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()
        if not password:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True, "email": ""}
        )
        if created or os.environ.get("CHEFSGUIDER_ADMIN_PASSWORD"):
            user.set_password(password)
            user.save()
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Admin login: {username} / {password}  (http://127.0.0.1:{port}/admin/)")
