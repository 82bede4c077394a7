"""Khabar: streaming microservices that turn Arabic news wires into structured facts."""

__version__ = "0.1.0"
