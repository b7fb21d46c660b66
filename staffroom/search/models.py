"""The search index: one plain-text copy of every searchable thing.

The full-text structures live beside this table and are not Django fields:

- SQLite: the FTS5 table ``search_fts`` (external content over this table), kept in step by
  triggers. A later migration that makes Django rebuild this table on SQLite (most
  ``AlterField`` operations do) drops the triggers and must re-create them, as
  ``0001_initial`` and ``0002_searchdocument_community_optional`` do.
- PostgreSQL: the stored generated column ``search_vector`` with a GIN index; the database
  computes it on every write, so Django never names it. It reads '<', '&', '-' and '.' as
  spaces (migration 0002), as the backend does with query terms.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community


class SearchDocument(models.Model):
    """A thread, post, resource or transcript as the index sees it: plain text plus filters."""

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.BigIntegerField(_("object id"))
    # The (community, kind) index below starts with the community, so no separate FK index.
    # No community: public content, such as a resource in a member's portfolio.
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    space_id = models.BigIntegerField(_("space id"), null=True, blank=True)
    thread_id = models.BigIntegerField(_("thread id"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True)
    tags = models.TextField(_("tags"), blank=True, help_text=_("Space-separated tag slugs."))
    attrs = models.JSONField(_("display attributes"), default=dict, blank=True)
    solved = models.BooleanField(_("solved"), default=False)
    thread_kind = models.CharField(_("thread kind"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [
            models.Index(fields=["community", "kind"], name="search_doc_community_kind"),
            models.Index(fields=["thread_id"], name="search_doc_thread"),
        ]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
