"""Streaming mode: the faust shells, worker launcher, topic admin, ingest and tail.

Everything here is transport; the per-message logic is `khabar.pipeline.run_stage_on_bytes`,
shared with embedded mode, so both modes produce the same documents.
"""
