"""Replytrail core package."""
