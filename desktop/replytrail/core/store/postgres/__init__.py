"""The team store on PostgreSQL: versioned schema, roles and row-level security, the server API."""
