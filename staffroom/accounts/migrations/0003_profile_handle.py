# Every profile gets a handle for @mentions: add the columns empty, fill them, then make the
# casefolded copy unique.

import staffroom.accounts.handles
from django.db import migrations, models

from staffroom.accounts.handles import (
    PLACEHOLDER_BASE,
    RESERVED,
    handle_base,
    handle_key,
    handle_with_number,
)


def fill_handles(apps, schema_editor):
    """Give existing profiles a handle from their name; placeholders for unfinished ones."""
    Profile = apps.get_model("accounts", "Profile")
    taken = set(RESERVED)
    profiles = list(Profile.objects.order_by("pk").only("pk", "display_name", "completed_at"))
    for profile in profiles:
        base = handle_base(profile.display_name) if profile.completed_at else PLACEHOLDER_BASE
        handle, number = base, 1
        while handle_key(handle) in taken:
            number += 1
            handle = handle_with_number(base, number)
        taken.add(handle_key(handle))
        profile.handle, profile.handle_key = handle, handle_key(handle)
    Profile.objects.bulk_update(profiles, ["handle", "handle_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_profile_unread_notifications"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="handle",
            field=models.CharField(blank=True, default="", max_length=40, verbose_name="handle"),
        ),
        migrations.AddField(
            model_name="profile",
            name="handle_key",
            field=models.CharField(editable=False, max_length=120, null=True),
        ),
        migrations.RunPython(fill_handles, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="profile",
            name="handle",
            field=models.CharField(
                help_text="Others mention you with @handle.",
                max_length=40,
                validators=[staffroom.accounts.handles.validate_handle_format],
                verbose_name="handle",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="handle_key",
            field=models.CharField(editable=False, max_length=120, unique=True),
        ),
    ]
