"""Emptying the proxy's cache: every kept page is gone from where nginx looks the moment purge()
returns, and the files are deleted from the disk in the background."""

import threading

from operations import proxy_cache


def kept_pages(root):
    """Pages where nginx (levels=1:2) looks for them: <hex>/<two hex>/<key hash>."""
    return sorted(path.relative_to(root).as_posix() for path in root.glob("?/??/*") if path.is_file())


def fill(root, count):
    for number in range(count):
        key = f"{number:032x}"
        folder = root / key[-1] / key[-3:-1]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).write_text("<html>kept page</html>")


def wait_for_purge_threads():
    for thread in threading.enumerate():
        if thread.name == "proxy-cache-purge":
            thread.join(timeout=30)


def test_every_kept_page_is_out_of_the_cache_when_purge_returns_and_off_the_disk_soon(settings, tmp_path):
    root = tmp_path / "cache"
    fill(root, 300)
    settings.PROXY_CACHE_DIR = str(root)
    assert len(kept_pages(root)) == 300
    assert proxy_cache.purge() == 16  # one rename per top-level folder, whatever they hold
    assert kept_pages(root) == []
    wait_for_purge_threads()
    assert list(root.iterdir()) == []


def test_what_an_earlier_process_left_aside_is_deleted_by_the_next_purge(settings, tmp_path):
    root = tmp_path / "cache"
    left = root / f"{proxy_cache.ASIDE}earlier" / "a" / "bc"
    left.mkdir(parents=True)
    (left / "page").write_text("left by a process that ended before its thread")
    fill(root, 3)
    settings.PROXY_CACHE_DIR = str(root)
    proxy_cache.purge()
    wait_for_purge_threads()
    assert list(root.iterdir()) == []


def test_without_a_proxy_or_its_folder_nothing_happens(settings, tmp_path):
    settings.PROXY_CACHE_DIR = ""
    assert proxy_cache.purge() == 0
    settings.PROXY_CACHE_DIR = str(tmp_path / "not-made-yet")
    assert proxy_cache.purge() == 0
