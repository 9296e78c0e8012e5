"""What the dashboard's pages show, read in a fixed number of queries per page."""
