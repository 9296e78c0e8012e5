import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext


# SQLite cannot reflect an expression index (the MRN search's lower(mrn)); PostgreSQL compares it.
@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
def test_models_and_migrations_agree(app):
    """The database upgraded to head has exactly what the models declare: no pending revision."""
    from server.extensions import db

    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        diff = compare_metadata(context, db.metadata)

    assert diff == []


def test_every_patient_owned_table_carries_the_clinic_id(metadata):
    patient_owned = [t for t in metadata.sorted_tables if "patient_id" in t.columns]

    assert patient_owned, "expected at least one patient-owned table"
    for table in patient_owned:
        assert "clinic_id" in table.columns, table.name


def test_constraint_names_are_deterministic(metadata):
    for table in metadata.sorted_tables:
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"
