"""Opinions and meetings (民意代言, 座谈会) screen."""
