"""Named entities: spaCy's spans and the rules that decide what each names, roles, aliases, the site-wide index."""
