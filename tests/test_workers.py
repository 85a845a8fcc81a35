"""Forked workers (workers.Task): the work runs beside the build, a failure stops it in German."""

from __future__ import annotations

import sys

import pytest

from boersen.workers import Task


def test_a_task_does_its_work_in_a_worker(tmp_path):
    task = Task(lambda: (tmp_path / "done").write_text("ja", encoding="utf-8"), "test-worker", "unused")
    task.start()
    task.finish()
    assert (tmp_path / "done").read_text(encoding="utf-8") == "ja"


def test_a_failed_worker_stops_the_build_with_a_german_message():
    task = Task(lambda: sys.exit(3), "test-worker", "Die Seiten in tr, ar, uk konnten nicht geschrieben werden")
    task.start()
    with pytest.raises(RuntimeError) as raised:
        task.finish()
    assert str(raised.value) == "Die Seiten in tr, ar, uk konnten nicht geschrieben werden (Prozess endete mit 3)."
