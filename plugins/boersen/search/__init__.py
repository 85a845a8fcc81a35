"""Client-side search: the text processing that the lunr index is built with (see german.py)."""
