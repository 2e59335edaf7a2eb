"""The person's rights over their data: see it (with the access log), take it, delete it."""
