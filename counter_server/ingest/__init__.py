"""Ingest of pushed batches: checks, planning, bulk writes, receipts.

The entry point is `counter_server.ingest.service.ingest_batch`. Nothing is imported here: a
package that loads its service would make every step importing a sibling load the service, and
so the steps, first (an import cycle through this file).
"""
