"""Hand-off to other CRMs (SPEC §17): targets, the outbox queue, forward, webhook, worker."""
