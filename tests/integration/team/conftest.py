"""Team-store fixtures: one TLS PostgreSQL per session, one team database per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from servers.keyring import SecretService
from servers.teampg import TeamPg
from teamflow import Laptop, TeamDb, team_db

ANNA = "anna@example.com"
BEN = "ben@example.com"


@pytest.fixture
def team(team_pg: TeamPg) -> TeamDb:
    """A fresh team database (policy 'shared') with Anna and Ben as salespeople."""
    db = team_db(team_pg)
    db.add(ANNA)
    db.add(BEN)
    return db


@pytest.fixture
def laptops(tmp_path: Path, secret_service: SecretService) -> Iterator[Callable[[str], Laptop]]:
    made: list[Laptop] = []

    def make(email: str) -> Laptop:
        lap = Laptop(tmp_path / email, email)
        made.append(lap)
        return lap

    yield make
    for lap in made:
        lap.close()
