"""Sync bookkeeping: what was received from whom, ranges reached, clock repair, numbering after
recovery, the hub's township desk."""
