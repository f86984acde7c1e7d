"""Load Cambodia's 25 and Thailand's 77 provinces from data/geography.csv (ISO 3166-2)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "geography.csv"


def load(apps, schema_editor):
    Province = apps.get_model("core", "Province")
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            Province.objects.update_or_create(
                code=row["code"],
                defaults={
                    "country": row["country"],
                    "name_en": row["name_en"],
                    "name_common_en": row["name_common_en"],
                    "name_km": row["name_km"],
                    "name_th": row["name_th"],
                    "kind": row["kind"],
                    "needs_review": row["needs_review"] == "1",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
