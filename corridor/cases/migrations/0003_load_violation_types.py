"""Load the violation taxonomy from data/violation_types.csv (HTCDS v2.0, ILO, Thai labour law)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "violation_types.csv"


def load(apps, schema_editor):
    ViolationType = apps.get_model("cases", "ViolationType")
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ViolationType.objects.update_or_create(
                code=row["code"],
                defaults={
                    "group": row["group"],
                    "name_en": row["name_en"],
                    "name_km": row["name_km"],
                    "name_th": row["name_th"],
                    "htcds_field": row["htcds_field"],
                    "htcds_value": row["htcds_value"],
                    "ilo_id": row["ilo_id"],
                    "order": int(row["order"]),
                    "source": row["source"],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
