"""Index directory layout: generations swapped atomically, a cross-process write lock, a journal.

```
index_dir/
  CURRENT          name of the live generation, replaced atomically (os.replace)
  write.lock       fcntl lock: one writer at a time across processes
  rebuild.lock     fcntl lock: one rebuild at a time
  REBUILDING       name of the generation a rebuild is filling (writes are journaled into it)
  <engine>-000007/ one engine index; STAMP inside changes on every commit
```
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from .types import IndexedDoc, SearchIndexBusyError

logger = logging.getLogger(__name__)

CURRENT = "CURRENT"
REBUILDING = "REBUILDING"
JOURNAL = "journal.jsonl"
STAMP = "STAMP"


@contextlib.contextmanager
def file_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive fcntl lock on path, waiting at most timeout seconds."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise SearchIndexBusyError(f"search index locked: {path}") from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Replace path's content atomically (readers see the old or the new file, never half)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Layout:
    """Paths and generation bookkeeping of one index directory."""

    def __init__(self, root: str | os.PathLike[str], engine: str) -> None:
        """Remember the root directory (created if missing) and the engine name."""
        self.root = Path(root)
        self.engine = engine
        self.root.mkdir(parents=True, exist_ok=True)

    def write_lock(self, timeout: float) -> contextlib.AbstractContextManager[None]:
        """Cross-process lock held by every writer."""
        return file_lock(self.root / "write.lock", timeout)

    def rebuild_lock(self, timeout: float) -> contextlib.AbstractContextManager[None]:
        """Cross-process lock held for a whole rebuild."""
        return file_lock(self.root / "rebuild.lock", timeout)

    def current(self) -> str | None:
        """Name of the live generation of this engine, or None."""
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not name.startswith(self.engine + "-") or not (self.root / name).is_dir():
            return None
        return name

    def current_token(self) -> tuple[int, int] | None:
        """Cheap identity of CURRENT (inode, mtime) to notice a swap without reading it."""
        try:
            st = os.stat(self.root / CURRENT)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def stamp_token(self, gen: str) -> tuple[int, int] | None:
        """Cheap identity of a generation's STAMP, changed by every commit."""
        try:
            st = os.stat(self.root / gen / STAMP)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def bump(self, gen: str) -> None:
        """Tell readers of gen that a commit happened."""
        write_atomic(self.root / gen / STAMP, f"{time.time_ns()}\n")

    def new_generation(self) -> str:
        """Create and return an empty generation directory with the next number."""
        numbers = [
            int(p.name.rsplit("-", 1)[1])
            for p in self.root.iterdir()
            if p.is_dir() and p.name.rsplit("-", 1)[-1].isdigit()
        ]
        name = f"{self.engine}-{max(numbers, default=0) + 1:06d}"
        (self.root / name).mkdir()
        return name

    def publish(self, gen: str) -> None:
        """Make gen the live generation atomically and drop all but the previous one."""
        previous = self.current()
        write_atomic(self.root / CURRENT, gen + "\n")
        keep = {gen, previous}
        for p in self.root.iterdir():
            if p.is_dir() and p.name not in keep and p.name.rsplit("-", 1)[-1].isdigit():
                shutil.rmtree(p, ignore_errors=True)

    def start_rebuild(self, gen: str) -> None:
        """Record that writes must also be journaled into gen."""
        write_atomic(self.root / REBUILDING, gen + "\n")

    def end_rebuild(self) -> None:
        """Forget the rebuild marker."""
        with contextlib.suppress(FileNotFoundError):
            (self.root / REBUILDING).unlink()

    def rebuilding(self) -> str | None:
        """Generation a rebuild is filling, if any."""
        try:
            name = (self.root / REBUILDING).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if (self.root / name).is_dir() else None

    def journal(self, gen: str, op: str, payload: list) -> None:
        """Append a write made during a rebuild, for replay before the swap."""
        with open(self.root / gen / JOURNAL, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"op": op, "payload": payload}) + "\n")

    def read_journal(self, gen: str) -> Iterator[tuple[str, list]]:
        """Replay the journal of gen in order."""
        path = self.root / gen / JOURNAL
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                entry = json.loads(line)
                yield entry["op"], entry["payload"]


def doc_to_json(doc: IndexedDoc) -> dict:
    """Serialise an IndexedDoc for the journal."""
    return asdict(doc)


def doc_from_json(data: dict) -> IndexedDoc:
    """Rebuild an IndexedDoc from the journal."""
    return IndexedDoc(**{**data, "keywords": tuple(data.get("keywords") or ())})
