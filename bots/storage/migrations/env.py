"""Alembic environment: runs on the connection `bots.storage.migrate` hands over.

There is no alembic.ini and no URL here: the application owns the connection
(and, on PostgreSQL, the lock and transaction around it).
"""

from alembic import context

from bots.storage.schema import VERSION_TABLE, metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,  # SQLite can only ALTER tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
