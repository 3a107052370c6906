"""The station key: what opens the encrypted database and the station's backups.

The key is derived from the station passphrase with scrypt (``cryptography``),
so the passphrase alone, typed on any PC, opens the station's data again. The
data folder keeps only what the derivation needs besides the passphrase (its
salt and cost) and a short check value that tells a mistyped passphrase from a
damaged file; never the key itself.

Where the operating system has a real key store (Windows Credential Manager /
DPAPI, macOS Keychain, the Secret Service) the derived key is kept there, so
opening the app after a reboot asks for nothing more than the login. Where it
has none (``keyring`` falls back to ``keyring.backends.fail``) the passphrase
is asked at start, or read from ``HAIAN_DESK_PASSPHRASE`` for the command line.
A demo station is made with a published passphrase (``DEMO_PASSPHRASE``) so
``make run`` stays one command; its data is invented.
"""

from __future__ import annotations

import base64
import hmac
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from haian_desk.core.errors import HaianError, SetupError

log = logging.getLogger(__name__)

KEY_FILE = "station-key.json"
PASSPHRASE_ENV = "HAIAN_DESK_PASSPHRASE"
NO_KEYRING_ENV = "HAIAN_DESK_NO_KEYRING"  # "1": never use the OS key store (tests, shared PCs); "0": always try it
DEMO_PASSPHRASE = "haian-demo-station"
KEYRING_SERVICE = "HaianDesk"
MIN_PASSPHRASE = 8
SCRYPT_N = 2**15  # ~0.1 s and 32 MB on a 2-core PC; the file records it, so it can rise later
SCRYPT_R, SCRYPT_P = 8, 1
KEY_BYTES = 32

_unlocked: dict[tuple[str, int], bytes] = {}  # (salt, n) -> key, for this process only


class PassphraseNeeded(HaianError):
    """The key store holds no key for this station: someone must type the passphrase."""


class WrongPassphrase(HaianError):
    """A passphrase that does not open this station."""


class KeyFileDamaged(SetupError):
    """The key file beside an encrypted database is missing or unreadable: damage, with the restore offer."""


@dataclass(frozen=True)
class KeyFile:
    """What the data folder keeps about the key: enough to derive it, never the key."""

    salt: bytes
    n: int
    check: str
    demo: bool = False

    def derive(self, passphrase: str) -> bytes:
        return derive(passphrase, self.salt, self.n)

    def to_json(self) -> dict:
        return {
            "format": 1,
            "kdf": "scrypt",
            "salt": _b64(self.salt),
            "n": self.n,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "check": self.check,
            "demo": self.demo,
        }

    @classmethod
    def from_json(cls, data: dict) -> KeyFile:
        if not isinstance(data.get("format"), int) or data["format"] > 1:
            if isinstance(data.get("format"), int):
                raise SetupError("本站钥匙文件的格式不认识", "请安装新版程序，或从备份恢复")
            raise ValueError("no format")  # read_key_file: damaged
        if data.get("kdf") != "scrypt" or data.get("r") != SCRYPT_R or data.get("p") != SCRYPT_P:
            raise ValueError("not the scrypt this program writes")  # format 1 always is: damaged
        salt, n, check = base64.b64decode(data["salt"], validate=True), int(data["n"]), str(data["check"])
        if len(salt) < 16 or n < 2 or n & (n - 1) or len(check) != 32:
            raise ValueError("a key file this program never writes")  # read_key_file: damaged
        return cls(salt, n, check, bool(data.get("demo", False)))


def derive(passphrase: str, salt: bytes, n: int) -> bytes:
    """scrypt of the passphrase; remembered for this process so tests and reopenings pay once."""
    known = _derived_from.get((passphrase, _b64(salt), n))
    if known is not None:
        return known
    key = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))
    _derived_from[(passphrase, _b64(salt), n)] = key
    return key


_derived_from: dict[tuple[str, str, int], bytes] = {}


def check_value(key: bytes) -> str:
    """A value that shows a key is right without revealing it (HKDF with its own label)."""
    return (
        HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=b"haian-desk station key check v1").derive(key).hex()
    )


def subkey(key: bytes, label: bytes) -> bytes:
    """A key for one purpose (backups, …) derived from the station key."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=label).derive(key)


# --- the key file in the data folder --------------------------------------------------


def key_path(folder: Path) -> Path:
    return folder / KEY_FILE


def read_key_file(folder: Path) -> KeyFile | None:
    path = key_path(folder)
    if not path.exists():
        return None
    try:
        return KeyFile.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, IsADirectoryError):
        raise KeyFileDamaged(
            "本站钥匙文件已损坏（{path}）",
            "请从备份恢复：运行 haian-desk restore --latest（需要本站口令），或在程序里选用最新的完好备份",
            params={"path": path},
        ) from None


def write_key_file(folder: Path, keyfile: KeyFile) -> None:
    """Written whole or not at all: a kill half way leaves the old file or none."""
    folder.mkdir(parents=True, exist_ok=True)
    path = key_path(folder)
    if path.is_dir():  # a folder where the key file belongs (damage): kept, out of the way, never deleted
        path.rename(path.with_name(f"{path.name}.not-a-file-{os.urandom(3).hex()}"))
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(keyfile.to_json(), handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def check_passphrase_rules(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SetupError(
            "本站口令至少要{MIN_PASSPHRASE}个字符",
            "请换一个更长的口令，并抄在只有站长知道的地方",
            params={"MIN_PASSPHRASE": MIN_PASSPHRASE},
        )


def new_key(
    passphrase: str, *, demo: bool = False, salt: bytes | None = None, n: int | None = None
) -> tuple[KeyFile, bytes]:
    """A key file and its key from a passphrase (a new salt, or a backup's to open it again)."""
    check_passphrase_rules(passphrase)
    salt = salt or os.urandom(16)
    n = n or SCRYPT_N
    key = _remember(passphrase, salt, n, derive(passphrase, salt, n))
    return KeyFile(salt, n, check_value(key), demo), key


def adopt(folder: Path, keyfile: KeyFile, key: bytes) -> bytes:
    """Make ``keyfile`` the station's (written to the folder, kept in the OS store)."""
    write_key_file(folder, keyfile)
    _store_in_os(keyfile, key)
    return key


def create(folder: Path, passphrase: str, *, demo: bool = False) -> bytes:
    """Make the station key from a new passphrase."""
    keyfile, key = new_key(passphrase, demo=demo)
    return adopt(folder, keyfile, key)


def _remember(passphrase: str, salt: bytes, n: int, key: bytes) -> bytes:
    _unlocked[(_b64(salt), n)] = key
    _derived_from[(passphrase, _b64(salt), n)] = key
    return key


# --- unlocking ---------------------------------------------------------------------


def unlock(folder: Path, passphrase: str | None = None) -> bytes:
    """The key of the station in ``folder``: typed passphrase, OS store, environment, demo."""
    keyfile = read_key_file(folder)
    if keyfile is None:
        raise KeyFileDamaged(
            "{folder} 里没有本站钥匙文件（{KEY_FILE}）",
            "请从备份恢复：运行 haian-desk restore --latest（需要本站口令），或在程序里选用最新的完好备份",
            params={"folder": folder, "KEY_FILE": KEY_FILE},
        )
    return unlock_with(keyfile, passphrase)


def unlock_with(keyfile: KeyFile, passphrase: str | None = None) -> bytes:
    if passphrase is not None:
        return _try(keyfile, passphrase, typed=True)
    cached = _unlocked.get((_b64(keyfile.salt), keyfile.n))
    if cached is not None and hmac.compare_digest(check_value(cached), keyfile.check):
        return cached
    stored = _load_from_os(keyfile)
    if stored is not None:
        return stored
    untyped = _untyped_passphrase(keyfile)
    if untyped is not None:
        return _try(keyfile, untyped, typed=False)
    raise PassphraseNeeded(
        "需要输入本站口令才能打开数据",
        "请在程序里输入本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供",
        params={"PASSPHRASE_ENV": PASSPHRASE_ENV},
    )


def _untyped_passphrase(keyfile: KeyFile) -> str | None:
    """The environment's passphrase (command line, tests), else the published one of a demo station."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return DEMO_PASSPHRASE if keyfile.demo else None


def _try(keyfile: KeyFile, passphrase: str, typed: bool) -> bytes:
    key = keyfile.derive(passphrase)
    if not hmac.compare_digest(check_value(key), keyfile.check):
        where = "" if typed else f"（来自环境变量 {PASSPHRASE_ENV}）"
        raise WrongPassphrase("本站口令不对{where}", "请检查大小写和输入法后重新输入", params={"where": where})
    _remember(passphrase, keyfile.salt, keyfile.n, key)
    _store_in_os(keyfile, key)
    return key


def forget_cached() -> None:
    """Drop every key this process holds (tests; a locked station could call it too)."""
    _unlocked.clear()
    _derived_from.clear()


# --- the operating system's key store ------------------------------------------------


def os_store_available() -> bool:
    """True where ``keyring`` has a real backend (not the fail/null fallbacks).

    Loading keyring's backends takes about 0.4 s at start; on Linux without a
    session bus (no Secret Service can answer) it is not even tried.
    """
    if os.environ.get(NO_KEYRING_ENV) == "1":
        return False
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        and os.environ.get(NO_KEYRING_ENV) != "0"
    ):
        return False
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install must not stop the station
        return False
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    return getattr(backend, "priority", 1) > 0


def _entry(keyfile: KeyFile) -> str:
    return f"station-key-{_b64(keyfile.salt)}"


def _store_in_os(keyfile: KeyFile, key: bytes) -> None:
    if not os_store_available():
        return
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _entry(keyfile), key.hex())
    except Exception as error:  # noqa: BLE001 - the passphrase still works; only the convenience is lost
        log.warning("could not keep the station key in the OS key store: %s", type(error).__name__)


def _load_from_os(keyfile: KeyFile) -> bytes | None:
    if not os_store_available():
        return None
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, _entry(keyfile))
        key = bytes.fromhex(stored) if stored else None
    except Exception as error:  # noqa: BLE001 - the key store is a convenience: the passphrase remains
        log.warning("could not read the OS key store: %s", type(error).__name__)
        return None
    if key is None or not hmac.compare_digest(check_value(key), keyfile.check):
        return None
    _unlocked[(_b64(keyfile.salt), keyfile.n)] = key
    return key


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
