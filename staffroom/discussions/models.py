"""Threads, posts and everything members do with them.

Counters on Thread and Post are denormalised so that lists and thread pages read one
row per item; the services in ``services.py`` keep them true.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community, Space
from staffroom.core.models import GradeBand, Subject


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    QUESTION = "question", _("Question")
    ANNOUNCEMENT = "announcement", _("Announcement")


class Tag(models.Model):
    """A community's own tag, e.g. “fractions” or “behaviour”."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="tags")
    slug = models.SlugField(_("slug"), max_length=40)
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "slug"], name="tag_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Thread(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="threads")
    # RESTRICT: a space with threads cannot vanish on its own (the service moves them
    # first), but deleting the whole community still removes everything in it.
    space = models.ForeignKey(Space, on_delete=models.RESTRICT, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="threads"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION
    )
    title = models.CharField(_("title"), max_length=200)
    tags = models.ManyToManyField(Tag, blank=True, related_name="threads")
    subjects = models.ManyToManyField(Subject, blank=True, related_name="+")
    grade_bands = models.ManyToManyField(GradeBand, blank=True, related_name="+")
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_posted_at = models.DateTimeField(_("last post"), db_index=True)
    # Copied display fields: lists show them without joining users and profiles.
    author_name = models.CharField(max_length=80, blank=True)
    last_poster_name = models.CharField(max_length=80, blank=True)
    post_count = models.PositiveIntegerField(default=1)
    last_position = models.PositiveIntegerField(default=1)
    answer_count = models.PositiveIntegerField(default=0)
    accepted_count = models.PositiveIntegerField(default=0)
    score = models.IntegerField(default=0)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["community", "-last_posted_at", "id"], name="thread_latest"),
            models.Index(fields=["space", "-last_posted_at", "id"], name="thread_space_latest"),
            models.Index(fields=["community", "kind", "answer_count"], name="thread_unanswered"),
            models.Index(fields=["community", "-score", "-id"], name="thread_top"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:thread", args=[self.community.slug, self.pk])

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    @property
    def is_solved(self) -> bool:
        return self.accepted_count > 0


class Post(models.Model):
    """A message in a thread; position 1 is the opening post, the rest are replies."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="posts"
    )
    author_name = models.CharField(max_length=80, blank=True)
    position = models.PositiveIntegerField()
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(max_length=300, blank=True)
    score = models.IntegerField(default=0)
    thanks_count = models.PositiveIntegerField(default=0)
    tried_count = models.PositiveIntegerField(default=0)
    # Lets a page fetch images only for the posts that have some.
    image_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "position"], name="post_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.position}"

    def get_absolute_url(self) -> str:
        return reverse(
            "discussions:post", args=[self.thread.community.slug, self.thread_id, self.position]
        )

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None

    @property
    def viewer_reaction_kinds(self) -> set[str]:
        """The viewer's own reactions, when the selector annotated them."""
        return {kind for kind in ReactionKind.values if getattr(self, f"viewer_{kind}", False)}

    @property
    def viewer_vote(self) -> int:
        return getattr(self, "viewer_vote_value", None) or 0


def _image_path(instance: "PostImage", filename: str) -> str:
    # A random name: the member's file name is only ever shown, never used on disk.
    return f"posts/{instance.created_at:%Y/%m}/{secrets.token_urlsafe(16)}.{instance.extension}"


class PostImage(models.Model):
    """An image attached to a post; served only through the thread's access check."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=_image_path, max_length=200)
    content_type = models.CharField(max_length=20)
    original_name = models.CharField(max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name or f"image {self.pk}"

    @property
    def extension(self) -> str:
        return self.content_type.rsplit("/", 1)[-1]


class PostRevision(models.Model):
    """A post's text before an edit; readers can see every earlier version."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"revision of {self.post}"


class AcceptedAnswer(models.Model):
    """An answer the asker or a steward marked as working, for a stated context."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="accepted")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="acceptances")
    label = models.CharField(_("context"), max_length=80, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "post"], name="accepted_answer_unique")
        ]

    def __str__(self) -> str:
        return f"accepted {self.post} ({self.label})"


class ReactionKind(models.TextChoices):
    THANKS = "thanks", _("Thanks")
    TRIED = "tried", _("I tried this")


class Reaction(models.Model):
    """Thanks, or “I tried this”: a member applied the idea in their own practice."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="reaction_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post}"


class Vote(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="vote_unique")]

    def __str__(self) -> str:
        return f"{self.value:+d} on {self.post}"


class FollowLevel(models.TextChoices):
    WATCH = "watch", _("Watching — notify me of every reply")
    TRACK = "track", _("Tracking — show unread counts")
    MUTE = "mute", _("Muted")


class ThreadFollow(models.Model):
    """How a member follows a thread, and how far they have read it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_follows"
    )
    level = models.CharField(max_length=8, choices=FollowLevel.choices, default=FollowLevel.TRACK)
    last_read_position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="thread_follow_unique")
        ]
        indexes = [models.Index(fields=["user", "level"])]

    def __str__(self) -> str:
        return f"{self.user} {self.level} {self.thread}"


class TagFollow(models.Model):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "user"], name="tag_follow_unique")]

    def __str__(self) -> str:
        return f"{self.user} follows {self.tag}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="mention_unique")]

    def __str__(self) -> str:
        return f"{self.user} in {self.post}"
