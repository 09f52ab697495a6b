"""The search index: lunr.js's text pipeline in Python, BM25 weights, shards and display files."""
