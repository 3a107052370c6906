"""Villagers, cadres and users: their records, ID numbers and phones, search keys, roles and reveals."""
