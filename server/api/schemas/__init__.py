"""Request and response schemas of the API (records on the wire come from `shared.wire`)."""
