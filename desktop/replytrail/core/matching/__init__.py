"""Replytrail core matching package."""
