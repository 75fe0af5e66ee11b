"""Replytrail: logs customer replies to tracked emails into a CRM store."""

__all__ = ["__version__"]

__version__ = "0.1.0"
