"""Ingest of pushed batches: checks, planning, bulk writes, receipts."""

from counter_server.ingest.service import ingest_batch

__all__ = ["ingest_batch"]
