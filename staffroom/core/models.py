"""The shared vocabulary: subjects, grade bands and languages.

They are tables rather than constants so that communities and profiles can be
filtered by them with plain joins on SQLite and PostgreSQL alike.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class VocabularyTerm(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        # Seeded names are in the message catalogue; terms added by staff show as typed.
        return gettext(self.name)


class Subject(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")


class GradeBand(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("grade band")
        verbose_name_plural = _("grade bands")


class Language(VocabularyTerm):
    """A language people teach or talk in; ``slug`` is its BCP 47 code."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
