"""Pure domain rules: validation, value objects and the core exception tree."""
