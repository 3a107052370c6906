"""The frozen app's entry point (build.spec): the haian-desk command line.

With no arguments it opens the desktop app, as ``haian-desk`` does.
``--self-test`` is accepted as a flag as well as the ``self-test`` subcommand,
because that is how a person checking a fresh install will type it.
"""

import multiprocessing
import sys

from haian_desk.cli.main import main


def _arguments(argv: list[str]) -> list[str]:
    return ["self-test", *argv[1:]] if argv[:1] == ["--self-test"] else argv


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start a second app
    sys.exit(main(_arguments(sys.argv[1:])))
