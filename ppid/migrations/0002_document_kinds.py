from django.db import migrations

KINDS = [
    "Renstra",
    "Renja",
    "LKjIP / LAKIP",
    "RKA / DPA",
    "Laporan keuangan",
    "SOP",
    "Peraturan / produk hukum",
    "Pengadaan barang/jasa",
    "Lainnya",
]


def add_kinds(apps, schema_editor):
    DocumentKind = apps.get_model("ppid", "DocumentKind")
    for position, name in enumerate(KINDS, start=1):
        DocumentKind.objects.get_or_create(name=name, defaults={"sort_order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("ppid", "0001_initial")]

    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
