"""Replytrail core discovery package."""
