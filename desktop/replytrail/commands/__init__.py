"""Replytrail commands package."""
