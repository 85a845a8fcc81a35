"""Publishing a build atomically: the output folder holds either the last good site or the new one.

Pelican empties its output folder before any data is read (DELETE_OUTPUT_DIRECTORY), so a
build that stops on bad data, on an error or on Ctrl-C would leave a broken or empty site.
Instead every build writes into a fresh staging folder beside the output folder
(``.output.build-<pid>``) and, only when it finished without a single logged error,
exchanges it with the output folder in one rename (renameat2 with RENAME_EXCHANGE on
Linux). A failed or interrupted build removes its staging folder on exit; one that was
killed outright leaves it to the next build, which removes folders of dead builds.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import errno
import logging
import multiprocessing
import os
import shutil
import signal
import sys
from pathlib import Path

STAGING_INFIX = ".build-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class BuildFailed(Exception):
    """The build logged errors; the site it made is not published."""

    exitcode = 1


class StagedBuild:
    """One Pelican instance's builds: where they write, and whether the current one failed."""

    def __init__(self, target: Path, retention: list[str]):
        self.target = target
        self.staging = staging_folder(target, os.getpid())
        self.retention = retention
        self.errors = _ErrorCounter()
        self.running = False
        self.previous_handlers: dict[int, object] = {}

    def begin(self) -> None:
        """Start of a run: an empty staging folder, errors counted, stop signals turned into a clean exit."""
        self.discard()
        self.errors.count = 0
        self.running = True
        try:
            for number in _STOP_SIGNALS:
                self.previous_handlers[number] = signal.signal(number, _stop)
        except ValueError:  # not the main thread: Python delivers signals elsewhere
            pass

    def publish(self) -> None:
        """End of a run: swap the staging folder in, unless an error was logged."""
        self._restore_signals()
        if self.errors.count:  # the staging folder is discarded at exit or by the next run
            count = self.errors.count
            raise BuildFailed(
                f"Beim Bauen {'wurde 1 Fehler' if count == 1 else f'wurden {count} Fehler'} gemeldet (siehe oben); "
                f"die Seite wurde nicht veröffentlicht."
            )
        self.staging.mkdir(parents=True, exist_ok=True)  # a site without pages is still a site
        for name in self.retention:  # Pelican's OUTPUT_RETENTION: files the build never writes
            kept, new = self.target / name, self.staging / name
            if (kept.exists() or kept.is_symlink()) and not (new.exists() or new.is_symlink()):
                kept.rename(new)
        swap(self.staging, self.target)
        self.running = False
        self.discard()  # it now holds the previous site

    def discard(self) -> None:
        if self.staging.is_dir():
            shutil.rmtree(self.staging, ignore_errors=True)

    def abandon(self) -> None:
        """At exit: a run that did not finish stops its workers and leaves the old site."""
        if not self.running:
            return
        for child in multiprocessing.active_children():
            child.terminate()
            child.join()
        self.discard()
        if self.target.exists():
            print(f"Die bisherige Seite in {self.target.name}/ bleibt unverändert.", file=sys.stderr)

    def _restore_signals(self) -> None:
        for number, handler in self.previous_handlers.items():
            signal.signal(number, handler)
        self.previous_handlers.clear()


class _ErrorCounter(logging.Handler):
    """Counts errors anything logs during a run (Pelican logs a page it cannot read and goes on)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _stop(number, frame) -> None:
    raise SystemExit(128 + number)  # runs the atexit cleanup, as Ctrl-C would


def staging_folder(target: Path, pid: int) -> Path:
    return target.with_name(f".{target.name}{STAGING_INFIX}{pid}")


def remove_abandoned(target: Path) -> None:
    """Staging folders of builds that were killed outright (their process is gone)."""
    prefix = f".{target.name}{STAGING_INFIX}"
    if not target.parent.is_dir():
        return
    for folder in target.parent.iterdir():
        pid = folder.name.removeprefix(prefix)
        if folder.name.startswith(prefix) and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target``; afterwards ``new`` holds the old ``target``, if any."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        return
    old = staging_folder(target, os.getpid()).with_suffix(".old")
    target.rename(old)  # no atomic exchange here: a moment without a site
    new.rename(target)
    old.rename(new)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths (Linux 3.15+); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # glibc before 2.28
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL):  # kernel or file system without it
        return False
    raise OSError(error, os.strerror(error), str(second))


# --- Pelican signal receivers (module functions: Pelican keeps only weak references) ---

_builds: dict[int, StagedBuild] = {}


def on_initialized(pelican) -> None:
    target = Path(pelican.output_path).resolve()
    remove_abandoned(target)
    build = StagedBuild(target, list(pelican.settings.get("OUTPUT_RETENTION", [])))
    _builds[id(pelican)] = build
    pelican.output_path = str(build.staging)
    logging.getLogger().addHandler(build.errors)
    atexit.register(build.abandon)


def on_run_started(pelican) -> None:
    build = _builds.get(id(pelican))
    if build is not None:
        build.begin()


def on_finalized(pelican) -> None:
    build = _builds.get(id(pelican))
    if build is not None:
        build.publish()
