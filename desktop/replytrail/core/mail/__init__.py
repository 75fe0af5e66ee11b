"""Replytrail core mail package."""
