"""Rendering the domain's documents (haian_desk.documents) on paper and in PDF."""
