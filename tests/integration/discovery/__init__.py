"""End-to-end discovery tests in a network namespace."""
