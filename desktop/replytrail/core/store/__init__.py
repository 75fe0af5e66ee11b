"""Replytrail core store package."""
