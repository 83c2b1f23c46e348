"""幸福号 core: pure-Python domain, storage and services (never imports Qt)."""
