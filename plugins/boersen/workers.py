"""Forked worker processes that never outlive the build.

The build checks files and writes search files in forked processes. A worker left behind by
a killed build would go on writing into a folder the next build uses, so every worker asks
the kernel to end it when its parent dies (Linux' PR_SET_PDEATHSIG; elsewhere the workers
are daemons, which Python ends when the parent exits normally).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def fork_context():
    """The "fork" context when a second core can help, else None (run in this process)."""
    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    return multiprocessing.get_context("fork")


def start_worker() -> None:
    """First thing in every forked worker: default signals, die with the parent, no cyclic GC.

    A short-lived worker's cycles die with it, and collecting them cost a third of the time.
    """
    gc.disable()
    # The build turns stop signals into a clean exit; a worker just stops (a Python-level
    # handler can miss a signal that arrives while the worker waits on a lock).
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


class Task:
    """``work()`` in a forked worker beside the build (right here when there is no second core).

    ``failure`` is the German message raised by ``finish`` when the worker did not end well.
    """

    def __init__(self, work, name: str, failure: str):
        self.work, self.name, self.failure, self.process = work, name, failure, None

    def _run_in_child(self) -> None:
        start_worker()
        self.work()

    def start(self) -> None:
        context = fork_context()
        if context is None:
            self.work()
            return
        # A daemon is ended when the build exits early; start_worker ends it if the build is killed.
        self.process = context.Process(target=self._run_in_child, name=self.name, daemon=True)
        self.process.start()

    def finish(self) -> None:
        """Wait for the worker; raise ``RuntimeError(failure)`` when it failed."""
        if self.process is None:
            return
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"{self.failure} (Prozess endete mit {self.process.exitcode}).")
