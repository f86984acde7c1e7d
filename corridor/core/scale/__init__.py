"""Corridor-scale synthetic data for benchmarks: `manage.py seed_scale`.

The demo (corridor.core.demo) writes a few hundred believable cases through the services, one audit
entry per row. At 1.2 million people that would take hours, so this package builds the same kind of
rows in bulk:

- `plan.py`      the arguments and the arithmetic of chunks: how many people and cases each chunk
                 holds, which slice of 2019..anchor its cases were opened in, where each
                 organisation's case counter stands before it. Pure.
- `world.py`     organisations, staff and employers/workplaces/recruiters, from the seed. Pure.
- `generator.py` one chunk's rows (people, documents, identifiers, cases and what is recorded in them)
                 as plain tuples in column order, from seed + chunk index alone. Pure: no database, and
                 identifier numbers stay in clear (with their blind index) until the loader seals them.
- `loader.py`    writes rows: COPY on PostgreSQL, executemany on SQLite; one transaction per chunk,
                 together with the progress recorded in `core.ScaleRun`.
- `progress.py`  the progress line.

Rows skip the services on purpose (no per-row audit, no per-row full_clean); the tests load a sample
back and run the services' validation on every row instead. One audit entry records each run.
"""
