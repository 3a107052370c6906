"""Shared basics: errors and messages, ids and clocks, paths, logs, text normalising and masking."""
