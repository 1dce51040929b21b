"""Output files that are safe: checked before any work, written whole or not at all.

Every command and library function that writes a file goes through this module, so that the
rules hold everywhere:

- two outputs of one run may not be the same path, and no output may be one of the inputs
  (or lie inside an input folder);
- a missing or read-only folder, or an output path that is a folder, is a one-line error
  raised *before* any work starts (:func:`check_outputs`);
- a file is written to a temporary name in its own folder and moved into place only when the
  whole run has succeeded (:func:`staged`), so nothing partial is left when a run fails or is
  interrupted;
- an existing file is never replaced without ``force``, not even one that appeared while the
  run was working (the move refuses to replace it).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> write_text(folder / "a.txt", "hej").read_text()
'hej'
>>> write_text(folder / "a.txt", "igen")
Traceback (most recent call last):
...
andtsgraph.errors.OutputExistsError: ...a.txt finns redan; ange force=True för att skriva över
>>> with staged([folder / "b.ttl", folder / "c.ttl"]) as (b, c):
...     _ = b.write_text("1"), c.write_text("2")
>>> sorted(p.name for p in folder.iterdir())
['a.txt', 'b.ttl', 'c.ttl']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from andtsgraph.errors import AndtsError, OutputExistsError
from andtsgraph.messages import text

__all__ = [
    "OutputError",
    "check_outputs",
    "staged",
    "write_bytes",
    "write_text",
]

PathLike = str | os.PathLike[str]


class OutputError(AndtsError):
    """An output path cannot be written: its folder is missing or read-only, it is a folder,
    it is an input, or two outputs share it."""


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the same resolved path, or one file by two names)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return True


def _writable(folder: Path) -> bool:
    """Whether a file can be made in ``folder``: tried for real, since permission bits do not
    tell (a read-only mount, an administrator, access lists)."""
    try:
        handle, name = tempfile.mkstemp(prefix=".andtsgraph-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


def check_outputs(
    outputs: Iterable[PathLike | None],
    *,
    inputs: Iterable[PathLike] = (),
    force: bool = False,
    folders: Iterable[PathLike] = (),
    lang: str | None = None,
) -> list[Path]:
    """Check the files a run will write, before it does any work.

    Parameters
    ----------
    outputs : iterable of paths
        The files the run writes (None entries, an option not given, are skipped).
    inputs : iterable of paths
        The files and folders the run reads; no output may be one of them or inside one.
    force : bool
        Whether existing files may be replaced.
    folders : iterable of paths
        Outputs that are folders of files (a CSV template, a corpus): these may exist as
        folders; their parent must be writable, or they themselves if they exist.
    lang : {"sv", "en"}, optional
        The language of the error (by default :func:`andtsgraph.messages.language`).

    Returns
    -------
    list of Path
        The outputs, in order.

    Raises
    ------
    OutputError
        If two outputs are one path, an output is an input, a folder is missing or read-only,
        or a file output is a folder.
    OutputExistsError
        If an output exists and ``force`` is false.

    Examples
    --------
    >>> check_outputs(["same.ttl", "same.ttl"])
    Traceback (most recent call last):
    ...
    andtsgraph.output.OutputError: same.ttl anges två gånger som utfil
    """
    paths = [Path(p) for p in outputs if p is not None]
    folder_outputs = {os.path.realpath(p) for p in folders}
    sources = [Path(p) for p in inputs if p is not None]
    for i, path in enumerate(paths):
        is_folder_output = os.path.realpath(path) in folder_outputs
        for other in paths[:i]:
            if _same(path, other):
                raise OutputError(text("io.output_twice", lang, path=path))
        for source in sources:
            if _same(path, source) or (source.is_dir() and _inside(path, source)):
                raise OutputError(text("io.output_is_input", lang, path=path, input=source))
            if is_folder_output and _inside(source, path):
                raise OutputError(text("io.output_is_input", lang, path=path, input=source))
        if path.is_dir() and not is_folder_output:
            raise OutputError(text("io.output_is_folder", lang, path=path))
        if is_folder_output and path.exists() and not path.is_dir():
            raise OutputError(text("io.output_not_folder", lang, path=path))
        parent = path.parent if not (is_folder_output and path.is_dir()) else path
        if is_folder_output and not parent.exists():
            parent = _existing_ancestor(parent)
        if not parent.is_dir():
            raise OutputError(text("io.folder_missing", lang, path=path, folder=parent))
        if not _writable(parent):
            raise OutputError(text("io.folder_read_only", lang, path=path, folder=parent))
        # A folder output's files are checked one by one when they are moved into place.
        if not force and not is_folder_output and path.exists():
            raise OutputExistsError(text("io.output_exists", lang, path=path), lang=lang)
    return paths


def _existing_ancestor(folder: Path) -> Path:
    """The nearest folder that exists above ``folder`` (a folder output is made with its
    parents)."""
    for parent in [folder, *folder.parents]:
        if parent.exists():
            return parent
    return folder


def _temporary_name(path: Path) -> Path:
    # Hidden, in the same folder (so the move is a rename on one file system), keeping the
    # suffix, since some writers choose the format by it.
    handle, name = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent
    )
    os.close(handle)
    return Path(name)


def _move_into_place(temporary: Path, path: Path, force: bool, lang: str | None) -> None:
    """Move ``temporary`` to ``path``; without ``force`` refuse to replace a file that
    appeared there meanwhile (a hard link fails if the name is taken, atomically)."""
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExistsError(text("io.output_appeared", lang, path=path), lang=lang) from None
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if path.exists():
            raise OutputExistsError(
                text("io.output_appeared", lang, path=path), lang=lang
            ) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


@contextlib.contextmanager
def staged(
    outputs: Sequence[PathLike],
    *,
    inputs: Iterable[PathLike] = (),
    force: bool = False,
    folders: Iterable[PathLike] = (),
    lang: str | None = None,
) -> Iterator[list[Path]]:
    """Write files under temporary names and move them into place only if all went well.

    The outputs are checked first (:func:`check_outputs`). The block receives one temporary
    path per output, in the output's own folder (an empty folder for a folder output); when it
    ends without an exception every file is moved into place, else every temporary file is
    removed and the targets are left as they were.

    Parameters
    ----------
    outputs : sequence of paths
        The files (or, listed in ``folders`` too, folders of files) to write.
    inputs, force, folders, lang
        As for :func:`check_outputs`.

    Yields
    ------
    list of Path
        The temporary paths to write to, one per output.

    Raises
    ------
    OutputError, OutputExistsError
        As :func:`check_outputs`, or if a target appeared meanwhile and ``force`` is false
        (then no file of the run is moved into place).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp()) / "plan.ttl"
    >>> try:
    ...     with staged([out]) as (tmp,):
    ...         _ = tmp.write_text("half a fi")
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     pass
    >>> out.exists(), list(out.parent.iterdir())
    (False, [])
    """
    folder_set = {os.path.realpath(p) for p in folders}
    paths = check_outputs(outputs, inputs=inputs, force=force, folders=folders, lang=lang)
    temporaries: list[Path] = []
    try:
        for path in paths:
            if os.path.realpath(path) in folder_set:
                # Inside the folder if it exists, else in the nearest folder above that does
                # (the folder itself is made only when the run has succeeded).
                base = path if path.is_dir() else _existing_ancestor(path.parent)
                temporaries.append(Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=base)))
            else:
                temporaries.append(_temporary_name(path))
        yield temporaries
        # Refuse every file of the run before moving any: a run is written whole or not at all.
        if not force:
            for path, temporary in zip(paths, temporaries, strict=True):
                if temporary.is_dir():
                    taken = [p for p in temporary.iterdir() if (path / p.name).exists()]
                    if taken:
                        raise OutputExistsError(
                            text("io.output_appeared", lang, path=path / taken[0].name),
                            lang=lang,
                        )
                elif path.exists():
                    raise OutputExistsError(text("io.output_appeared", lang, path=path), lang=lang)
        for path, temporary in zip(paths, temporaries, strict=True):
            if temporary.is_dir():
                path.mkdir(parents=True, exist_ok=True)
                for item in sorted(temporary.iterdir()):
                    _move_into_place(item, path / item.name, force, lang)
            else:
                _move_into_place(temporary, path, force, lang)
    finally:
        for temporary in temporaries:
            if temporary.exists():
                _remove(temporary)


def write_bytes(
    path: PathLike,
    data: bytes,
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    lang: str | None = None,
) -> Path:
    """Write ``data`` to ``path`` safely (see :func:`staged`); return the path.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> write_bytes(Path(tempfile.mkdtemp()) / "x.bin", b"1").read_bytes()
    b'1'
    """
    with staged([path], inputs=inputs, force=force, lang=lang) as (temporary,):
        temporary.write_bytes(data)
    return Path(path)


def write_text(
    path: PathLike,
    content: str,
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    encoding: str = "utf-8",
    lang: str | None = None,
) -> Path:
    """Write ``content`` to ``path`` safely (see :func:`staged`); return the path.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> write_text(Path(tempfile.mkdtemp()) / "x.txt", "å").read_text(encoding="utf-8")
    'å'
    """
    return write_bytes(path, content.encode(encoding), force=force, inputs=inputs, lang=lang)
