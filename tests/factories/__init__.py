"""Factories for tests and the demo region: one module per app (``tests.factories.<app>``)."""
