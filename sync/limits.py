"""Defaults shared by the hub, the client and their commands."""

DEFAULT_MAX_BODY = 32 * 1024 * 1024   # bytes the hub accepts in one request
DEFAULT_STALL = 30.0                  # seconds without progress before a request is given up
DEFAULT_CONNECT = 10.0                # seconds to wait for a connection
DEFAULT_BATCH = 500                   # events per batch over HTTP
