"""SVG drawn on the server: the body map, the pain chart, the worklist sparkline, the QR code.

Each function returns markup ready for a template, with a title and a text alternative.
"""
