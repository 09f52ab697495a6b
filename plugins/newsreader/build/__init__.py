"""Build infrastructure: the verified cache, packs, the page cache, staging and publishing, the render helper."""
