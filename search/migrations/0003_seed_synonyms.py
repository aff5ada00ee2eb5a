from django.db import migrations


def seed(apps, schema_editor):
    from search.seed import seed_synonyms

    seed_synonyms(apps.get_model("search", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_indexes")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
