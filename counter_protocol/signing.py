"""Ed25519 keys and signatures: what a device and the server sign, and how each checks the other.

`cryptography` loads on the first key or signature, not with this module: the counter builds its
sync service at every start, and that library is ~30 ms of the way to the first screen, where
nothing is signed. The key classes are still importable from here (module `__getattr__`).
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

__all__ = [
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    "SignatureError",
    "b64decode",
    "b64encode",
    "generate_private_key",
    "load_private_key",
    "load_public_key",
    "private_key_b64",
    "private_key_bytes",
    "private_key_from_bytes",
    "public_key_b64",
    "sign",
    "verify",
]

KEY_BYTES = 32
SIGNATURE_BYTES = 64


def __getattr__(name: str) -> object:
    if name in ("Ed25519PrivateKey", "Ed25519PublicKey"):
        from cryptography.hazmat.primitives.asymmetric import ed25519

        return getattr(ed25519, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SignatureError(ValueError):
    """A key or signature that does not decode or does not verify."""


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    """Strict standard base64; raises SignatureError on anything else."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError) as exc:
        raise SignatureError("not valid base64") from exc


def generate_private_key() -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def private_key_bytes(key: Ed25519PrivateKey) -> bytes:
    """The 32 raw private bytes."""
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def private_key_b64(key: Ed25519PrivateKey) -> str:
    """The 32 raw private bytes, base64: what a device or the server keeps in its own DB."""
    return b64encode(private_key_bytes(key))


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The 32 raw public bytes, base64: what is sent at enrolment."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def private_key_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if len(raw) != KEY_BYTES:
        raise SignatureError("an Ed25519 private key is 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(raw)


def load_private_key(text: str) -> Ed25519PrivateKey:
    return private_key_from_bytes(b64decode(text))


def load_public_key(text: str) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = b64decode(text)
    if len(raw) != KEY_BYTES:
        raise SignatureError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    """Base64 Ed25519 signature over exactly `data`."""
    return b64encode(key.sign(data))


def verify(public_key: Ed25519PublicKey | str, data: bytes, signature: str) -> None:
    """Raise SignatureError unless `signature` (base64) signs exactly `data`."""
    key = load_public_key(public_key) if isinstance(public_key, str) else public_key
    raw = b64decode(signature)
    if len(raw) != SIGNATURE_BYTES:
        raise SignatureError("an Ed25519 signature is 64 bytes")
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(raw, data)
    except InvalidSignature as exc:
        raise SignatureError("signature does not match the data") from exc
