from django.db import migrations

from staffroom.core import vocabulary


def load(apps, schema_editor):
    for model_name, terms in [
        ("Subject", vocabulary.SUBJECTS),
        ("GradeBand", vocabulary.GRADE_BANDS),
        ("Language", vocabulary.LANGUAGES),
    ]:
        model = apps.get_model("core", model_name)
        for position, (slug, name) in enumerate(terms):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
