"""Each installation's own key pairs, kept in its data folder.

An Ed25519 key signs what this installation sends (batches and requests); an
X25519 key receives batches sealed to it. The public halves travel in
enrolment files and are stored by the neighbour in its database.

The private halves are PEM files readable only by the owner, and encrypted
(PKCS#8, ``BestAvailableEncryption``) under a password derived from the station
key (``haian_desk.storage.keys.subkey``): the same protection as the database,
so whoever copies the data folder without the passphrase (or the OS key store
that holds the key) gets neither. That matters most at a township hub, whose
X25519 key opens every enrolled station's backups. A folder with no station
key yet (a PC asking to be recovered, before its station exists) writes them
plain; plain files, including those of older releases, are encrypted at the
first load once the key is at hand, and the plain copy is overwritten with
zeros before it is removed (``haian_desk.storage.wipe``).
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

from haian_desk.core import failpoints
from haian_desk.storage import keys as station_keys
from haian_desk.storage.wipe import wipe
from sync.errors import SyncError

KEY_FOLDER = "sync-keys"
SIGNING_FILE = "signing-ed25519.pem"
BOX_FILE = "box-x25519.pem"
PEM_LABEL = b"haian-desk sync private keys v1"  # the subkey of the station key that encrypts the PEM files
ENCRYPTED_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
PLAIN_LEFTOVER = ".plain-old"  # the plain file during its replacement; wiped at once, or at the next load


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_b64: str) -> str:
    """A short form of a public key that two people can read to each other over the phone."""
    digest = hashlib.sha256(unb64(public_b64)).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


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
    password = _password(data_folder)
    try:
        signing = _read_private(folder / SIGNING_FILE, password)
        box = _read_private(folder / BOX_FILE, password)
    except FileNotFoundError:
        raise SyncError(
            "no_keys",
            "本机还没有同步密钥（{folder}）",
            "请先运行 haian-desk enrol request 生成登记文件",
            params={"folder": folder},
        ) from None
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(box, X25519PrivateKey):
        raise SyncError(
            "bad_keys",
            "同步密钥文件的类型不对（{folder}）",
            "请恢复原来的密钥文件，或重新登记",
            params={"folder": folder},
        )
    return InstallationKeys(signing, box)


def load_or_create(data_folder: Path) -> InstallationKeys:
    folder = key_folder(data_folder)
    present = [(folder / name).exists() for name in (SIGNING_FILE, BOX_FILE)]
    if all(present):
        return load(data_folder)
    if any(present):  # never overwrite half of an enrolled identity
        raise SyncError(
            "bad_keys",
            "同步密钥文件不全（{folder}）",
            "请从备份恢复密钥文件；或删除整个文件夹后重新登记",
            params={"folder": folder},
        )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    password = _password(data_folder)
    keys = InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    _write_private(folder / SIGNING_FILE, keys.signing, password)
    _write_private(folder / BOX_FILE, keys.box, password)
    return keys


def is_protected(data_folder: Path) -> bool:
    """Both private key files encrypted (what the self-test and the docs promise)."""
    folder = key_folder(data_folder)
    return all((folder / name).read_bytes().startswith(ENCRYPTED_HEADER) for name in (SIGNING_FILE, BOX_FILE))


def _password(data_folder: Path) -> bytes | None:
    """The PEM password: a subkey of the station key (None while the folder has no station key yet).

    Asking for the key may ask for the passphrase (``PassphraseNeeded``), as opening the database does.
    """
    if station_keys.read_key_file(data_folder) is None:
        return None
    return station_keys.subkey(station_keys.unlock(data_folder), PEM_LABEL).hex().encode("ascii")


def _read_private(path: Path, password: bytes | None):
    data = path.read_bytes()
    leftover = path.with_name(path.name + PLAIN_LEFTOVER)
    if not data.startswith(ENCRYPTED_HEADER):
        key = serialization.load_pem_private_key(data, password=None)
        if password is not None:
            _encrypt_in_place(path, key, password)
        return key
    if password is None:
        raise SyncError(
            "bad_keys",
            "同步密钥已加密，但本机找不到本站钥匙（{folder}）",
            "请把本站的钥匙文件（station-key.json）放回数据目录，或从备份恢复",
            params={"folder": path.parent},
        )
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except ValueError:
        raise SyncError(
            "bad_keys",
            "同步密钥打不开（{folder}）：它们不是用本站现在的钥匙加密的",
            "请恢复原来的数据目录；或删除这个文件夹后重新登记同步",
            params={"folder": path.parent},
        ) from None
    wipe(leftover)  # a kill after the encrypted copy moved in, before the plain one was wiped
    return key


def _encrypt_in_place(path: Path, key, password: bytes) -> None:
    """Plain → encrypted, never without a readable key file: the plain one is wiped only after."""
    leftover = path.with_name(path.name + PLAIN_LEFTOVER)
    if leftover.exists():  # killed after the link last time: the same plain bytes, so only the name goes
        if os.path.samefile(leftover, path):
            leftover.unlink()
        else:
            wipe(leftover)
    os.link(path, leftover)  # the plain bytes keep a name until they are overwritten
    failpoints.hit("sync_keys.linked")
    _write_private(path, key, password)
    failpoints.hit("sync_keys.encrypted")
    wipe(leftover)  # zeros over the plain key's blocks, then gone


def _write_private(path: Path, key, password: bytes | None = None) -> None:
    protection = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protection)
    # Created with owner-only permissions from the start: never world-readable, not even briefly.
    # Written beside and moved in whole: a kill half way leaves the old file, never half a key.
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(partial, 0o600)
    os.replace(partial, path)
