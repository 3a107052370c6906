"""Paired support (结对帮扶) screen."""
