"""When the database refuses one op's rows, only that op is quarantined; the batch goes on."""

from __future__ import annotations

from sqlalchemy import text

from counter_devkit.server import ServerProcess

POISON = "Nguyễn Lỗi Cơ Sở"


def refuse_poison(server: ServerProcess) -> None:
    """A rule the server's own checks know nothing about, so only the database can refuse."""
    with server.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(
                text(
                    f"ALTER TABLE dossiers ADD CONSTRAINT ck_poison "
                    f"CHECK (applicant_name <> '{POISON}')"
                )
            )
        else:
            conn.execute(
                text(
                    f"CREATE TRIGGER poison BEFORE INSERT ON dossiers "
                    f"WHEN NEW.applicant_name = '{POISON}' "
                    f"BEGIN SELECT RAISE(ABORT, 'poison'); END"
                )
            )


def test_a_row_the_database_refuses_is_quarantined_alone(fresh_server: ServerProcess) -> None:
    server = fresh_server
    refuse_poison(server)
    device = server.device()
    good = device.create_op()
    bad = device.create_op()
    bad["data"]["applicant"]["full_name"] = POISON
    after_bad = device.event_op(bad["dossier_uuid"], 4)
    good_too = device.create_op()
    with server.client() as client:
        receipt = device.push(client, [good, bad, after_bad, good_too])
        again = device.push(client, [bad])
    got = [(r.result, r.reason) for r in receipt.results]
    assert got == [
        ("applied", None),
        ("quarantined", "db_error"),
        ("quarantined", "db_error"),
        ("applied", None),
    ]
    assert (again.results[0].result, again.results[0].prior) == ("duplicate", "quarantined")
    assert server.scalar("SELECT count(*) FROM dossiers") == 2
    states = server.rows("SELECT device_seq, state FROM ops ORDER BY device_seq")
    assert states == [(1, "applied"), (2, "quarantined"), (3, "quarantined"), (4, "applied")]
