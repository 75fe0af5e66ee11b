"""Replytrail ui package."""
