"""Each installation's own key pairs, kept in its data folder.

An Ed25519 key signs what this installation sends (batches and requests); an
X25519 key receives batches sealed to it. The private halves are PEM files
readable only by the owner; the public halves travel in enrolment files and
are stored by the neighbour in its database.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from sync.errors import SyncError

KEY_FOLDER = "sync-keys"
SIGNING_FILE = "signing-ed25519.pem"
BOX_FILE = "box-x25519.pem"


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_b64: str) -> str:
    """A short form of a public key that two people can read to each other over the phone."""
    digest = hashlib.sha256(unb64(public_b64)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class InstallationKeys:
    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def sign_public(self) -> str:
        return b64(self.signing.public_key().public_bytes_raw())

    @property
    def box_public(self) -> str:
        return b64(self.box.public_key().public_bytes_raw())

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)


def verify(sign_public_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sign_public_b64)).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


def box_public_key(box_public_b64: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(unb64(box_public_b64))


def key_folder(data_folder: Path) -> Path:
    return data_folder / KEY_FOLDER


def load(data_folder: Path) -> InstallationKeys:
    folder = key_folder(data_folder)
    try:
        signing = _read_private(folder / SIGNING_FILE)
        box = _read_private(folder / BOX_FILE)
    except FileNotFoundError:
        raise SyncError("no_keys", "本机还没有同步密钥（{folder}）",
                        "请先运行 haian-desk enrol request 生成登记文件", params={"folder": folder}) from None
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(box, X25519PrivateKey):
        raise SyncError("bad_keys", "同步密钥文件的类型不对（{folder}）", "请恢复原来的密钥文件，或重新登记", params={"folder": folder})
    return InstallationKeys(signing, box)


def load_or_create(data_folder: Path) -> InstallationKeys:
    folder = key_folder(data_folder)
    present = [(folder / name).exists() for name in (SIGNING_FILE, BOX_FILE)]
    if all(present):
        return load(data_folder)
    if any(present):  # never overwrite half of an enrolled identity
        raise SyncError("bad_keys", "同步密钥文件不全（{folder}）",
                        "请从备份恢复密钥文件；或删除整个文件夹后重新登记", params={"folder": folder})
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    keys = InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    _write_private(folder / SIGNING_FILE, keys.signing)
    _write_private(folder / BOX_FILE, keys.box)
    return keys


def _read_private(path: Path):
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def _write_private(path: Path, key) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    # Created with owner-only permissions from the start: never world-readable, not even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o600)
