"""alert delivery: team channels, deliveries, dead letters, live stream, heartbeats, escalated_at

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 00:27:34.218677

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import Text  # noqa: F401 (autogenerate writes JSONB(astext_type=Text()))

import server.models.base  # noqa: F401 (custom column types used below)


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('worker_heartbeats',
    sa.Column('worker_id', sa.String(length=120), nullable=False),
    sa.Column('started_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('beat_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('worker_id', name=op.f('pk_worker_heartbeats'))
    )
    op.create_table('email_channels',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('care_team_id', sa.Uuid(), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_team_id'], ['care_teams.id'], name=op.f('fk_email_channels_care_team_id_care_teams')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_email_channels_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_channels')),
    sa.UniqueConstraint('care_team_id', 'address', name=op.f('uq_email_channels_care_team_id_address'))
    )
    with op.batch_alter_table('email_channels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_email_channels_care_team_id'), ['care_team_id'], unique=False)

    op.create_table('escalation_contacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('care_team_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_team_id'], ['care_teams.id'], name=op.f('fk_escalation_contacts_care_team_id_care_teams')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_escalation_contacts_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_escalation_contacts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation_contacts')),
    sa.UniqueConstraint('care_team_id', 'user_id', name=op.f('uq_escalation_contacts_care_team_id_user_id'))
    )
    with op.batch_alter_table('escalation_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalation_contacts_care_team_id'), ['care_team_id'], unique=False)

    op.create_table('escalation_policies',
    sa.Column('care_team_id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('emergency_minutes', sa.Integer(), nullable=False),
    sa.Column('urgent_minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['care_team_id'], ['care_teams.id'], name=op.f('fk_escalation_policies_care_team_id_care_teams')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_escalation_policies_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('care_team_id', name=op.f('pk_escalation_policies'))
    )
    op.create_table('webhooks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('care_team_id', sa.Uuid(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('secret', sa.String(length=200), nullable=False),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['care_team_id'], ['care_teams.id'], name=op.f('fk_webhooks_care_team_id_care_teams')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_webhooks_clinic_id_clinics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhooks')),
    sa.UniqueConstraint('care_team_id', 'url', name=op.f('uq_webhooks_care_team_id_url'))
    )
    with op.batch_alter_table('webhooks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhooks_care_team_id'), ['care_team_id'], unique=False)

    op.create_table('scheduled_evaluations',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('local_day', sa.Date(), nullable=False),
    sa.Column('evaluated_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_scheduled_evaluations_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_scheduled_evaluations_patient_id_patients')),
    sa.PrimaryKeyConstraint('patient_id', name=op.f('pk_scheduled_evaluations'))
    )
    op.create_table('deliveries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('recipient', sa.String(length=320), nullable=False),
    sa.Column('webhook_id', sa.Uuid(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claimed_until', server.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('delivered_at', server.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('dead_at', server.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_deliveries_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['event_id'], ['alert_events.id'], name=op.f('fk_deliveries_event_id_alert_events')),
    sa.ForeignKeyConstraint(['webhook_id'], ['webhooks.id'], name=op.f('fk_deliveries_webhook_id_webhooks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries')),
    sa.UniqueConstraint('event_id', 'channel', 'recipient', name=op.f('uq_deliveries_event_id_channel_recipient'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index('ix_deliveries_due', ['delivered_at', 'dead_at', 'next_attempt_at'], unique=False)

    op.create_table('stream_events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('care_team_id', sa.Uuid(), nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('alert_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('tier', sa.String(length=12), nullable=False),
    sa.Column('rule', sa.String(length=60), nullable=False),
    sa.Column('site', sa.String(length=40), nullable=True),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_stream_events_alert_id_alerts')),
    sa.ForeignKeyConstraint(['care_team_id'], ['care_teams.id'], name=op.f('fk_stream_events_care_team_id_care_teams')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_stream_events_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['event_id'], ['alert_events.id'], name=op.f('fk_stream_events_event_id_alert_events')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_stream_events_patient_id_patients')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_stream_events')),
    sa.UniqueConstraint('event_id', name=op.f('uq_stream_events_event_id'))
    )
    with op.batch_alter_table('stream_events', schema=None) as batch_op:
        batch_op.create_index('ix_stream_events_team_seq', ['care_team_id', 'seq'], unique=False)

    op.create_table('dead_letters',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clinic_id', sa.Uuid(), nullable=False),
    sa.Column('delivery_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', server.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('dismissed_at', server.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('dismissed_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinics.id'], name=op.f('fk_dead_letters_clinic_id_clinics')),
    sa.ForeignKeyConstraint(['delivery_id'], ['deliveries.id'], name=op.f('fk_dead_letters_delivery_id_deliveries')),
    sa.ForeignKeyConstraint(['dismissed_by'], ['users.id'], name=op.f('fk_dead_letters_dismissed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_letters')),
    sa.UniqueConstraint('delivery_id', name=op.f('uq_dead_letters_delivery_id'))
    )
    with op.batch_alter_table('dead_letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dead_letters_clinic_id'), ['clinic_id'], unique=False)

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('escalated_at', server.models.base.UTCDateTime(timezone=True), nullable=True))



def downgrade():
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_column('escalated_at')

    with op.batch_alter_table('dead_letters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dead_letters_clinic_id'))

    op.drop_table('dead_letters')
    with op.batch_alter_table('stream_events', schema=None) as batch_op:
        batch_op.drop_index('ix_stream_events_team_seq')

    op.drop_table('stream_events')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_due')

    op.drop_table('deliveries')
    op.drop_table('scheduled_evaluations')
    with op.batch_alter_table('webhooks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhooks_care_team_id'))

    op.drop_table('webhooks')
    op.drop_table('escalation_policies')
    with op.batch_alter_table('escalation_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_contacts_care_team_id'))

    op.drop_table('escalation_contacts')
    with op.batch_alter_table('email_channels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_channels_care_team_id'))

    op.drop_table('email_channels')
    op.drop_table('worker_heartbeats')
