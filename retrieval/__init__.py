"""Retrieval: the index store, dense and lexical search, fusion, filters, and the answer composer."""
