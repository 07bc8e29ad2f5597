"""Passphrase protection: scrypt derives a key, AES-256-GCM encrypts and authenticates.

Both come from the ``cryptography`` library; nothing here is home-made cryptography.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.exchange.errors import InvalidContents, WrongPassphrase
from desktop_app.i18n import _

CIPHER = "AES-256-GCM"
KDF = "scrypt"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
NONCE_BYTES = 12
#: The most work a file may ask of us (a file could name a huge n to stall the app).
MAX_SCRYPT_N = 2**17


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def encrypt(plaintext: bytes, passphrase: str, associated: bytes) -> tuple[bytes, dict[str, Any]]:
    """Encrypt ``plaintext``; return the ciphertext and the parameters for the manifest."""
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, associated)
    params = {
        "cipher": CIPHER,
        "kdf": KDF,
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
    }
    return ciphertext, params


def _decode(value: object, size: int) -> bytes:
    if not isinstance(value, str):
        raise ValueError
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    if len(raw) != size:
        raise ValueError
    return raw


def decrypt(ciphertext: bytes, passphrase: str, params: dict[str, Any], associated: bytes) -> bytes:
    """Decrypt and check ``ciphertext``; a wrong passphrase or any change is refused."""
    try:
        if params.get("cipher") != CIPHER or params.get("kdf") != KDF:
            raise ValueError
        n, r, p = params.get("n"), params.get("r"), params.get("p")
        for value in (n, r, p):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
        assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
        if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
            raise ValueError
        salt = _decode(params.get("salt"), SALT_BYTES)
        nonce = _decode(params.get("nonce"), NONCE_BYTES)
    except (ValueError, UnicodeEncodeError):
        raise InvalidContents(
            _("This file's protection settings are not ones Partner Log uses.")
        ) from None
    key = _key(passphrase, salt, n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated)
    except InvalidTag:
        raise WrongPassphrase(
            _("The passphrase does not open this file."),
            _("Check the passphrase with the person who sent it. Nothing was changed."),
        ) from None
