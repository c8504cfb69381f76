"""The desktop entry, AppStream metainfo, icons and screenshots that the .deb installs."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from backleg_desktop import __version__

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "backleg.desktop"
METAINFO = LINUX / "io.github.backleg.backleg.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "backleg"  # /usr/bin/backleg, as [project.gui-scripts] names it
    assert entry["Icon"] == "backleg"
    assert entry["Terminal"] == "false"


def test_the_metainfo_names_this_version_the_desktop_file_and_real_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the new version"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 4
    for url in images:
        relative = re.sub(r"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/main/", "", url)
        assert relative != url, url
        assert png_size(REPO / relative) == (1280, 800), relative


def test_the_readme_shows_the_screenshots_the_metainfo_lists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("session", "rest", "exercise", "history"):
        assert f"(packaging/screenshots/{name}.png)" in readme, name


def test_the_theme_icons_are_the_app_icon_at_every_size() -> None:
    hicolor = LINUX / "icons" / "hicolor"
    svg = hicolor / "scalable" / "apps" / "backleg.svg"
    source = REPO / "resources" / "icons" / "backleg.svg"
    assert svg.read_bytes() == source.read_bytes(), "run packaging/make_icons.py"
    for size in ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / "backleg.png"
        assert png_size(png) == (size, size), png
        assert png.stat().st_size > 100, png


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (apt-get install desktop-file-utils appstream)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_desktop_entry_validates_without_a_hint() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout


def test_the_metainfo_validates_pedantically_without_a_remark() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Validation was successful." in output and not re.search(r"^[EWIP]: ", output, re.M)
