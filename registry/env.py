"""Small helpers to read typed settings from the environment."""

import datetime
import os

_TRUE = {"1", "true", "yes", "on", "ja"}


def env_str(name: str, *, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in _TRUE


def env_list(name: str, *, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_date(name: str) -> datetime.date | None:
    """A date as JJJJ-MM-DD; unset or empty: None."""
    value = os.environ.get(name, "").strip()
    return datetime.date.fromisoformat(value) if value else None
