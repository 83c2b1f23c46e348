"""The `fulian` command: a thin layer over the core services."""
from .main import main

__all__ = ["main"]
