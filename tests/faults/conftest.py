"""A real small disk for the full-disk and read-only-folder cases: a tmpfs mounted for the
test (CI runs as root, where `mount -t tmpfs` works); skipped, with the reason, elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class SmallDisk:
    root: Path

    def fill(self) -> None:
        """Write until the disk refuses another byte."""
        for name, chunk in (("filler", 4096), ("filler-tail", 1)):
            try:  # pages first, then the last few bytes one at a time
                with (self.root / name).open("ab", buffering=0) as handle:
                    while True:
                        handle.write(b"\0" * chunk)
            except OSError:
                pass

    def free(self) -> None:
        for name in ("filler", "filler-tail"):
            (self.root / name).unlink(missing_ok=True)

    def remount(self, *options: str) -> None:
        subprocess.run(
            ["mount", "-o", ",".join(("remount", *options)), str(self.root)],
            check=True,
            capture_output=True,
        )


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 2 MiB tmpfs of its own."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs (CI runs as root)")
    root = tmp_path / "disk"
    root.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(root)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)
