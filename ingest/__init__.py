"""Ingest: discover files, read each format, clean, extract metadata, chunk, embed, write the index."""
