"""First setup of a store: the setup wizard and its pages (create, import, org tree, recovery code) and the
server connection settings."""
