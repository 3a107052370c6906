"""The villagers (群众) screen: search, edit, tags, household, cases."""
