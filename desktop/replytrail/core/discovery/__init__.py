"""Replytrail core discovery package."""

from replytrail.core.discovery.engine import discover, email_domain
from replytrail.core.discovery.pop3 import (
    greeting_is_pop3,
    looks_like_pop3,
    pop3_guidance,
    user_entered_pop3,
)
from replytrail.core.discovery.providers import ProviderDB, load_providers
from replytrail.core.discovery.settings import (
    DiscoveryResult,
    Provider,
    ServerSettings,
    ServerTemplate,
    StepLog,
)
from replytrail.core.resources import resources_dir

__all__ = [
    "DiscoveryResult",
    "Provider",
    "ProviderDB",
    "ServerSettings",
    "ServerTemplate",
    "StepLog",
    "discover",
    "email_domain",
    "greeting_is_pop3",
    "load_providers",
    "looks_like_pop3",
    "pop3_guidance",
    "resources_dir",
    "user_entered_pop3",
]
