"""Reading an import file's bytes: refusing empty and non-UTF-8 files with the line at fault.

Spreadsheet users save CSVs from Excel in their locale's code page; decoding such a file as
UTF-8 with replacement characters would store mangled Vietnamese names, so it is refused
with the position of the first bad byte instead.
"""
from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from graph.model import Document
from ingest.imports.batch import ImportFileError

_BOM = b"\xef\xbb\xbf"


def check_regular(path: Path) -> None:
    """Refuse anything but a regular file: ``/dev/zero`` never ends and a pipe waits for a writer."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read file ({exc.strerror})", str(path)) from None
    if not stat.S_ISREG(mode):
        raise ImportFileError(f"{path}: not a regular file (a device, pipe or directory cannot be imported)",
                              str(path))


def read_bytes(path: Path) -> bytes:
    """The file's bytes; an empty file is an error (it is usually a failed download or save)."""
    check_regular(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read file ({exc.strerror})", str(path)) from None
    if not data:
        raise ImportFileError(f"{path}: empty file (0 bytes)", str(path))
    return data


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped) or raise naming line and column."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ImportFileError(f"{path}, line {line}: encoding: byte 0x{data[exc.start]:02x} at column "
                              f"{column} is not UTF-8; save the file as UTF-8", str(path), line) from None


def import_document(paths: list[Path], datas: list[bytes]) -> Document:
    """The ``Document`` of an import: named after its (first) file, checksum over all its bytes."""
    digest = hashlib.sha256()
    for data in datas:
        digest.update(data)
    first = paths[0]
    return Document(id=first.name, title=" + ".join(p.name for p in paths), path=str(first),
                    checksum=digest.hexdigest(), date=None, kind="import")
