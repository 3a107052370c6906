"""Pairing support (结对帮扶), opinion meetings (民意座谈) and complaints (举报)."""
