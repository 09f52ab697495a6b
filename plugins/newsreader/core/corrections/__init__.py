"""The editor's corrections file: its schema and how it is applied."""
