"""Shared fixtures. Test data lives in scratch.py (a second conftest.py would shadow this one's name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scratch import DataFolder


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path)
