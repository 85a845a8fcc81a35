"""Offer images and organisation logos: checking the files volunteers add, rendering small variants.

``checking`` reads and decodes an image file beside its data file and checks the fields
``bild``, ``bild_alt`` and ``bild_quelle``; ``variants`` turns a checked image into resized
WebP and JPEG (or PNG) files without metadata, through a cache keyed by content.
"""
