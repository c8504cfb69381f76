"""Where user data lives: --data-dir, else BACKLEG_DATA_DIR, else platformdirs' user data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "backleg"
DB_FILENAME = "backleg.sqlite3"
ENV_DATA_DIR = "BACKLEG_DATA_DIR"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None, env: Mapping[str, str]) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    from_env = env.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME
