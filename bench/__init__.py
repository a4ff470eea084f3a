"""`make bench`: throughput, latency, SQL queries and page weight of every page (see
docs/performance.md)."""
