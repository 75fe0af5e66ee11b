"""Local-first replication to the team store, and its administration."""
