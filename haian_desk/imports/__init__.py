"""Importing a station's existing spreadsheets: villager rosters, past ledgers, cadre lists.

Villages keep their people and their past proxy work in Excel/WPS files (often
old .xls), sometimes CSV in GBK. An import reads such a file (``reading``),
finds its header row and maps its Chinese headers to fields (``columns``),
checks every row and says what it would do with it (``plan``), and only then,
in one transaction, records every addition or change as ordinary events
tagged with the import's id (``writing``). ``undo`` withdraws what one import
did; ``export`` writes the registry and ledger back out in the columns read here.

Nothing here imports Qt: the app's import dialog and the CLI both call these.
"""

from haian_desk.imports.plan import KINDS, Plan, RowVerdict, make_plan
from haian_desk.imports.reading import ImportFileError, read_sheets
from haian_desk.imports.writing import ImportCancelled, ImportResult, require_importer, run_import

__all__ = [
    "KINDS",
    "Plan",
    "RowVerdict",
    "make_plan",
    "ImportFileError",
    "read_sheets",
    "ImportCancelled",
    "ImportResult",
    "require_importer",
    "run_import",
]
