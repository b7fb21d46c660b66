"""The practice library: resources, their versions, alignments, remixes and classroom reports.

A resource's kind-specific fields (objectives, steps, a tool's privacy notes…) live in one
JSON ``content`` document, validated by the forms and services, so every version can be kept
as one snapshot and compared field by field.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.resources.licences import Licence


class ResourceKind(models.TextChoices):
    LESSON_PLAN = "lesson_plan", _("Lesson plan")
    UNIT = "unit", _("Unit")
    ACTIVITY = "activity", _("Activity")
    ASSESSMENT = "assessment", _("Assessment")
    TEMPLATE = "template", _("Template")
    TOOL_REVIEW = "tool_review", _("Technology-tool review")


class Resource(models.Model):
    """A lesson plan, activity, tool review… shared in a community or in a member's portfolio."""

    # No community: the author's public portfolio.
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="resources"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="resources"
    )
    author_name = models.CharField(max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000)
    summary_html = models.TextField(blank=True)
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    licence = models.CharField(
        _("licence"), max_length=12, choices=Licence.choices, default=Licence.CC_BY
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    subjects = models.ManyToManyField(Subject, blank=True, related_name="+")
    grade_bands = models.ManyToManyField(GradeBand, blank=True, related_name="+")
    content = models.JSONField(default=dict, blank=True)
    # The Markdown parts of ``content`` rendered once, at write time, under the same keys.
    content_html = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    source = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="remixes"
    )
    # Every ancestor's credit, nearest first, copied at remix time so it survives deletions.
    lineage = models.JSONField(default=list, blank=True)
    thread = models.OneToOneField(
        "discussions.Thread",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Denormalised for lists and sorting; services keep them true.
    remix_count = models.PositiveIntegerField(default=0)
    tried_teachers = models.PositiveIntegerField(default=0)
    tried_countries = models.PositiveIntegerField(default=0)
    rating_count = models.PositiveIntegerField(default=0)
    rating_average = models.FloatField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["community", "-created_at", "-id"], name="resource_newest"),
            models.Index(fields=["-created_at", "-id"], name="resource_all_newest"),
            models.Index(fields=["-tried_teachers", "-id"], name="resource_most_tried"),
            models.Index(fields=["-rating_average", "-id"], name="resource_best_rated"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", args=[self.pk])

    @property
    def is_tool_review(self) -> bool:
        return self.kind == ResourceKind.TOOL_REVIEW


class Alignment(models.Model):
    """A standard the resource teaches or assesses: framework, code and what it means."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="alignments")
    framework = models.CharField(_("framework"), max_length=40)
    code = models.CharField(_("code"), max_length=80)
    description = models.CharField(_("description"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "framework", "code"], name="alignment_unique"
            )
        ]
        indexes = [models.Index(fields=["code"], name="alignment_code")]

    def __str__(self) -> str:
        return self.code


class Standard(models.Model):
    """One entry of the standards catalogue members search when aligning a resource."""

    framework = models.CharField(max_length=40)
    framework_name = models.CharField(max_length=200)
    code = models.CharField(max_length=80)
    description = models.CharField(max_length=500)
    grades = models.CharField(max_length=40, blank=True)
    # "bundled", or the CASE document a member of staff imported it from.
    source = models.CharField(max_length=200, default="bundled")

    class Meta:
        ordering = ["framework", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="standard_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.description}"


class ResourceVersion(models.Model):
    """The resource as it stood after one edit; the latest equals the resource itself."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    editor_name = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"


class Setting(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")


class TriedReport(models.Model):
    """What happened when a member used the resource with a class."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="reports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=80, blank=True)
    # Copied from the profile when written, so "tried in 4 countries" needs no join.
    country = models.CharField(max_length=2, blank=True)
    grade_band = models.ForeignKey(
        GradeBand, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    grade = models.CharField(_("grade or year"), max_length=40)
    class_size = models.PositiveSmallIntegerField(_("class size"))
    setting = models.CharField(_("setting"), max_length=10, choices=Setting.choices)
    adapted = models.TextField(_("what you adapted"), max_length=3000, blank=True)
    worked = models.TextField(_("what worked"), max_length=3000)
    change_next = models.TextField(
        _("what you would change next time"), max_length=3000, blank=True
    )
    rating = models.PositiveSmallIntegerField(_("how it went"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.resource} tried by {self.author_name}"


class Attachment(models.Model):
    """A file that goes with a resource; served only through the resource's access check."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(max_length=200)
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class Collection(models.Model):
    """An ordered, annotated list of resources and threads, by a member or a community."""

    # Exactly one owner: a member's own collection, or a community's (kept by its stewards).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="collections",
    )
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="collections"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    description_html = models.TextField(blank=True)
    item_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False, community__isnull=True)
                | models.Q(owner__isnull=True, community__isnull=False),
                name="collection_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:collection", args=[self.pk])


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        Resource, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        "discussions.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # A web link, such as one shared in a live chat; readable by whoever reads the collection.
    url = models.URLField(_("link"), max_length=500, blank=True)
    link_title = models.CharField(_("link title"), max_length=200, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resource__isnull=False, thread__isnull=True, url="")
                | models.Q(resource__isnull=True, thread__isnull=False, url="")
                | (models.Q(resource__isnull=True, thread__isnull=True) & ~models.Q(url="")),
                name="collection_item_one_target",
            ),
            models.UniqueConstraint(
                fields=["collection", "resource"], name="collection_resource_once"
            ),
            models.UniqueConstraint(fields=["collection", "thread"], name="collection_thread_once"),
        ]

    def __str__(self) -> str:
        return f"{self.collection}: {self.resource or self.thread or self.url}"
