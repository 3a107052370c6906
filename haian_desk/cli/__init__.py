"""The `haian-desk` command line: the dispatcher (main) and the domain's own commands."""
