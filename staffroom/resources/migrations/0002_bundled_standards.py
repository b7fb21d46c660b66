from django.db import migrations

from staffroom.resources import catalogue


def load(apps, schema_editor):
    catalogue.seed(apps)


def unload(apps, schema_editor):
    apps.get_model("resources", "Standard").objects.filter(source=catalogue.BUNDLED).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
