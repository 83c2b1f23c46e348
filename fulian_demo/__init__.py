"""Demo data for training and trying the app: `generate_demo(store, cases=...)`."""
from .generate import DEMO_PASSWORD, DemoSummary, generate_demo

__all__ = ["DEMO_PASSWORD", "DemoSummary", "generate_demo"]
