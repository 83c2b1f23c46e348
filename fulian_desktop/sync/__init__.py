"""Station sync: signed, encrypted bundles between the district and its offline stations (docs/sync.md)."""
