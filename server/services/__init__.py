"""Service functions: each owns its transaction; views and commands call them."""
