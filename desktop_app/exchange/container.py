"""The file itself: a zip with ``manifest.json`` and the data, read only into memory.

Writing: ``pack`` builds the bytes. Reading: ``unpack`` checks, in this order, that the
file is a zip of a sane shape, that its manifest is ours and not from a newer version,
that every member matches its SHA-256, and (if protected) that the passphrase opens it.
Nothing is ever extracted to disk.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import __version__, clock
from desktop_app.exchange import protection, strict_json
from desktop_app.exchange.errors import (
    BadExchangeFile,
    DamagedFile,
    InvalidContents,
    NewerFormat,
    NotAnExchangeFile,
    PassphraseNeeded,
    TamperedFile,
    UnsafeFile,
)
from desktop_app.i18n import _

FORMAT_NAME = "partner-log-exchange"
#: 2: payments carry ``reason``, ``voided_at`` and ``void_reason``, and project files an
#: optional ``corrections`` list (version 1 files are read as payments with no reason
#: that were never voided, and no corrections).
FORMAT_VERSION = 2
SUFFIX = ".partnerlog"
KINDS = ("partner", "project")
MANIFEST = "manifest.json"
DATA = "data.json"
DATA_PROTECTED = "data.json.enc"
ALLOWED_MEMBERS = {MANIFEST, DATA, DATA_PROTECTED}

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 3
MAX_MANIFEST_BYTES = 64 * 1024
MAX_DATA_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100
RATIO_FREE_BYTES = 1024 * 1024
MEMBER_LIMITS = {MANIFEST: MAX_MANIFEST_BYTES, DATA: MAX_DATA_BYTES, DATA_PROTECTED: MAX_DATA_BYTES}
#: A fixed time for every zip entry, so the same data always packs the same way.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Unpacked:
    manifest: dict[str, Any]
    data: dict[str, Any]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def associated_data(manifest: dict[str, Any]) -> bytes:
    """What the encryption also authenticates: the manifest, less checksums and keys."""
    return strict_json.dumps(
        {k: v for k, v in manifest.items() if k not in ("members", "protection")}
    )


def new_manifest(
    kind: str, author: dict[str, str], counts: dict[str, int], **extra: Any
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "kind": kind,
        "created_at": clock.now().isoformat(timespec="seconds"),
        "author": author,
        "counts": counts,
        **extra,
    }


def pack(manifest: dict[str, Any], data: dict[str, Any], passphrase: str | None = None) -> bytes:
    """The bytes of a complete exchange file."""
    manifest = dict(manifest)
    payload = strict_json.dumps(data)
    if passphrase:
        name = DATA_PROTECTED
        body, manifest["protection"] = protection.encrypt(
            payload, passphrase, associated_data(manifest)
        )
        compression = zipfile.ZIP_STORED
    else:
        name, body, compression = DATA, payload, zipfile.ZIP_DEFLATED
        manifest["protection"] = None
    manifest["members"] = {name: {"sha256": _sha256(body), "size": len(body)}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, content, method in (
            (MANIFEST, strict_json.dumps(manifest), zipfile.ZIP_DEFLATED),
            (name, body, compression),
        ):
            info = zipfile.ZipInfo(member, date_time=_ZIP_TIME)
            info.compress_type = method
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def read_file_bytes(path: Path) -> bytes:
    """Read a file from disk with a size limit, in plain words when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise BadExchangeFile(
            _("The file {name} could not be found.").format(name=Path(path).name),
            _("Check the file name and try again."),
        ) from None
    except OSError:
        raise BadExchangeFile(
            _("The file {name} could not be read.").format(name=Path(path).name),
            _("Check that the file is not open elsewhere and try again."),
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise UnsafeFile(_("This file is too large to be a Partner Log file."))
    return raw


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeFile(_("This file holds more parts than a Partner Log file ever has."))
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _unsafe_name(info.filename):
            raise UnsafeFile(
                _("This file holds a path that points outside it. It was refused for safety.")
            )
        if info.filename not in ALLOWED_MEMBERS or info.filename in found:
            raise UnsafeFile(_("This file holds parts that a Partner Log file never has."))
        limit = MEMBER_LIMITS[info.filename]
        if info.file_size > limit:
            raise UnsafeFile(_("A part of this file is too large to be read safely."))
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise UnsafeFile(
                _("This file is packed in a suspicious way (a 'zip bomb'). It was refused.")
            )
        found[info.filename] = info
    if MANIFEST not in found:
        raise NotAnExchangeFile(_("This is not a Partner Log file."))
    return found


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = MEMBER_LIMITS[info.filename]
    with archive.open(info) as handle:
        content = handle.read(limit + 1)
    if len(content) > limit:
        raise UnsafeFile(_("A part of this file is too large to be read safely."))
    return content


def _check_version(manifest: dict[str, Any]) -> None:
    if manifest.get("format") != FORMAT_NAME:
        raise NotAnExchangeFile(_("This is not a Partner Log file."))
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InvalidContents(_("This file does not say which version of the format it uses."))
    if version > FORMAT_VERSION:
        app = manifest.get("app_version")
        made_by = f" {app}" if isinstance(app, str) and len(app) < 20 else ""
        raise NewerFormat(
            _("This file was made by a newer version of Partner Log{made_by}.").format(
                made_by=made_by
            ),
            _("Install the newest version of Partner Log to open it. Nothing was changed."),
        )


def _open(raw: bytes) -> tuple[dict[str, Any], bytes, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        if raw[:4] == b"PK\x03\x04":
            raise DamagedFile(
                _("This file is incomplete or damaged."),
                _("Nothing was changed. Ask the sender to send it again."),
            ) from None
        raise NotAnExchangeFile(
            _("This is not a Partner Log file."),
            _("Partner Log files end in .partnerlog. Nothing was changed."),
        ) from None
    with archive:
        members = _members(archive)
        manifest = strict_json.loads(_read_member(archive, members[MANIFEST]))
        if not isinstance(manifest, dict):
            raise NotAnExchangeFile(_("This is not a Partner Log file."))
        _check_version(manifest)
        listed = manifest.get("members")
        if not isinstance(listed, dict) or len(listed) != 1:
            raise InvalidContents(_("This file's list of contents is not valid."))
        name = next(iter(listed))
        entry = listed[name]
        if name not in (DATA, DATA_PROTECTED) or name not in members or not isinstance(entry, dict):
            raise TamperedFile(_("This file's contents do not match its list of contents."))
        body = _read_member(archive, members[name])
    if not isinstance(entry.get("sha256"), str) or _sha256(body) != entry["sha256"]:
        raise TamperedFile(
            _("This file was changed after it was made, so it cannot be trusted."),
            _("Nothing was changed. Ask the sender to make the file again."),
        )
    return manifest, body, name


def unpack(raw: bytes, passphrase: str | None = None) -> Unpacked:
    """Check and open an exchange file's bytes. Refusals raise ``BadExchangeFile``."""
    if len(raw) > MAX_FILE_BYTES:
        raise UnsafeFile(_("This file is too large to be a Partner Log file."))
    try:
        manifest, body, name = _open(raw)
    except BadExchangeFile:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        OverflowError,
        struct.error,
        NotImplementedError,
        RuntimeError,
        KeyError,
        IndexError,
        TypeError,
    ):
        raise DamagedFile(
            _("This file is incomplete or damaged."),
            _("Nothing was changed. Ask the sender to send it again."),
        ) from None
    if name == DATA_PROTECTED:
        params = manifest.get("protection")
        if not isinstance(params, dict):
            raise InvalidContents(_("This file's protection settings are missing."))
        if not passphrase:
            raise PassphraseNeeded(
                _("This file is protected with a passphrase."),
                _("Enter the passphrase the sender gave you. Nothing was changed."),
            )
        body = protection.decrypt(body, passphrase, params, associated_data(manifest))
    data = strict_json.loads(body)
    if not isinstance(data, dict):
        raise InvalidContents(_("This file's contents are not in the Partner Log format."))
    return Unpacked(manifest=manifest, data=data)
