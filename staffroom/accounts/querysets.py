from django.db import models

from staffroom.accounts.handles import handle_key


class ProfileQuerySet(models.QuerySet):
    """Keeps the casefolded handle in step on bulk writes too, not only in Profile.save()."""

    def update(self, **kwargs):
        if "handle" in kwargs and "handle_key" not in kwargs:
            if not isinstance(kwargs["handle"], str):
                raise TypeError("Update a handle with a plain string, so its key can follow.")
            kwargs["handle_key"] = handle_key(kwargs["handle"])
        return super().update(**kwargs)

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None):
        if "handle" in fields and "handle_key" not in fields:
            objs = list(objs)
            for obj in objs:
                obj.handle_key = handle_key(obj.handle)
            fields = [*fields, "handle_key"]
        return super().bulk_update(objs, fields, batch_size=batch_size)

    bulk_update.alters_data = True
