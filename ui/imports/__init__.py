"""工作台 → 导入…: the import dialog (file, mapping, preview, progress, result) and the import history."""
