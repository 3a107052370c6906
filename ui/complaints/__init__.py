"""Complaints (举报) screen."""
