"""Defaults and limits shared by the hub, the client and their commands.

Each limit and the reason for it is listed in docs/sync-protocol.md §12. The caps on
quarantine are rules of applying a batch, so they live in the domain (haian_desk/replication/receive.py).
"""

from haian_desk.replication.receive import MAX_QUARANTINE_PER_PEER, MAX_REJECTED_PER_BATCH  # noqa: F401 - one place

DEFAULT_MAX_BODY = 32 * 1024 * 1024  # bytes the hub accepts in one request
DEFAULT_STALL = 30.0  # seconds without progress before a request is given up
DEFAULT_CONNECT = 10.0  # seconds to wait for a connection
DEFAULT_BATCH = 500  # events per batch over HTTP

MAX_SEQ = 2**63 - 1  # the largest integer SQLite stores: positions and counts
MAX_DOWN_LIMIT = 5000  # events a station may ask for in one down batch
MAX_RECORDS = 20_000  # events in one batch (a USB file is split beyond this)
MAX_PLAIN_BODY = 16 * 1024 * 1024  # bytes of a batch's events once inflated (decompression bombs)
MAX_BYTES_PER_RECORD = 64 * 1024  # a batch claiming n events inflates to at most n times this
MAX_SEALED = 64 * 1024 * 1024  # bytes of a batch's sealed part
MAX_ORIGINS = 10_000  # origins in one drift check
MAX_MISSING_IDS = 200_000  # ids in one /v1/missing question
RANGE_SLACK = 1_000  # how far a claimed range may exceed what the sender can hold

REPLAY_WINDOW = 15 * 60  # seconds a signed request's time may differ from the hub's
HEADER_TIMEOUT = 10.0  # seconds a client may take to send its request line and headers
BODY_TIMEOUT = 120.0  # seconds a client may take to send a whole body
UPLOADS_PER_CALLER = 2  # request bodies one installation may send at the same time
UPLOADS_TOTAL = 8  # request bodies the hub reads at the same time
RATE_PER_ADDRESS = 20.0  # requests per second one address may make, sustained
RATE_BURST = 200  # … and in a burst
