"""Replytrail app package."""
