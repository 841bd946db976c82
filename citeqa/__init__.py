"""citeqa: answers questions by quoting a document collection, every quote cited.

This package holds what every folder shares: the settings object and the small typed
dataclasses that cross folder boundaries (ingest -> retrieval -> ui/eval).
"""
