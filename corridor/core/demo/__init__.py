"""Demo data for a believable Cambodia ⇄ Thailand corridor, written through the services.

`names.py` holds the names and wording (data only); `builder.py` plans the corridor from a seeded
random generator and then writes it. The `seed_demo` management command is the front door.
"""
