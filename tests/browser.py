"""Screenshots of local pages in Debian's headless Chromium, and a check that they show
something."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image


def screenshot(page: Path, shot: Path, size: tuple[int, int]) -> Path:
    """Render ``page`` (a local file) to the PNG ``shot``; fail clearly when Chromium is absent.

    The flags keep Chromium off the network, which this machine closes anyway.
    """
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Debian's chromium is installed by scripts/setup.sh --test"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            f"--user-data-dir={tempfile.mkdtemp()}",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={shot}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), "chromium wrote no screenshot"
    return shot


def not_blank(path) -> bool:
    """A picture with real content: many colours and not almost all one colour."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        most = max(count for count, _ in colours)
        return len(colours) > 20 and most < 0.97 * rgb.width * rgb.height
