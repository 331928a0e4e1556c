"""Backup and restore: a backup taken with `backup` brings database and media files back."""

import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from editorial.models import GuideFeedback
from guides.models import GuidePage
from operations.content_cache import generation


# Restoring replaces the whole database, so this test needs real commits; the serialized
# rollback puts the seeded site back for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_brings_back_the_database_and_media_of_the_backup(make_guide, tmp_path, capsys):
    guide = make_guide("Guiden som ska finnas kvar", slug="kvar")
    GuideFeedback.objects.create(guide=guide, helpful=True, comment="Bra!")
    media_file = settings.MEDIA_ROOT / "dokument" / "mall.txt"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_text("mall")

    call_command("backup", str(tmp_path))
    folder = next(tmp_path.iterdir())
    assert json.loads((folder / "manifest.json").read_text())["guides_exported"] == 1
    assert (folder / "export" / "kvar.md").exists() and (folder / "export" / "terms.yml").exists()

    GuidePage.objects.get(pk=guide.pk).delete()
    make_guide("Efter backupen", slug="efter")
    media_file.unlink()
    capsys.readouterr()

    kept_from = generation()
    call_command("restore", str(folder), "--noinput")
    assert "now run rebuild_search_index" in capsys.readouterr().out
    assert generation() != kept_from  # pages kept from the replaced database are stale
    assert list(GuidePage.objects.values_list("slug", flat=True)) == ["kvar"]
    assert GuideFeedback.objects.get().comment == "Bra!"
    assert media_file.read_text() == "mall"
    media_file.unlink()


def test_restore_refuses_what_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), "--noinput")
    (tmp_path / "manifest.json").write_text(json.dumps({"database": "oracle", "created": "x"}))
    with pytest.raises(CommandError, match="holds a oracle database"):
        call_command("restore", str(tmp_path), "--noinput")
