"""Opaque keyset cursors: a position ``(created_us, id)`` in the newest-first order."""

from __future__ import annotations

import base64
import binascii

from ..core.errors import OptionsError

_PREFIX = "k1:"


def encode_cursor(created_us: int, proof_id: int) -> str:
    """A URL-safe token meaning "the proofs after this one in newest-first order"."""
    raw = f"{_PREFIX}{created_us:d}:{proof_id:d}".encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str, parameter: str = "before") -> tuple[int, int]:
    """The position a token from :func:`encode_cursor` stands for; OptionsError when malformed."""
    bad = OptionsError(parameter, "not a cursor returned by this server (use the 'next' value)")
    if not token or len(token) > 64:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError) as e:
        raise bad from e
    if not raw.startswith(_PREFIX):
        raise bad
    parts = raw[len(_PREFIX) :].split(":")
    if len(parts) != 2 or not all(p.isdigit() and p.isascii() for p in parts):
        raise bad
    return int(parts[0]), int(parts[1])
