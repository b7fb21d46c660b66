import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffroom.core.models import GradeBand, Language, Subject, TimeStampedModel
from staffroom.orgs.models import Organization


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public — anyone can read")
    MEMBERS = "members", _("Members only — listed, content for members")
    SECRET = "secret", _("Secret — not listed, invisible to outsiders")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open — anyone can join")
    REQUEST = "request", _("By request — a steward approves")
    INVITE = "invite", _("By invitation link only")


class Community(TimeStampedModel):
    """A community of practice: a domain, the people who care about it, and their practice."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    domain_statement = models.TextField(
        _("domain statement"),
        max_length=5000,
        help_text=_("What this community cares about and who it is for."),
    )
    subjects = models.ManyToManyField(Subject, blank=True, verbose_name=_("subjects"))
    grade_bands = models.ManyToManyField(GradeBand, blank=True, verbose_name=_("grade bands"))
    languages = models.ManyToManyField(Language, blank=True, verbose_name=_("languages"))
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communities",
        verbose_name=_("owning organisation"),
    )
    restricted_to_organization = models.BooleanField(
        _("only organisation members may join"), default=False
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("joining"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    # Denormalised so directory pages need no COUNT per row; services keep it true.
    member_count = models.PositiveIntegerField(_("members"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        indexes = [
            models.Index(fields=["visibility", "name"]),
            # The directory and the home page list the biggest communities first: with this
            # index the database reads them in order and stops at a page, instead of
            # sorting every listed community (3 ms on SQLite at 5,000 communities).
            models.Index(fields=["-member_count", "id"], name="community_biggest_first"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("communities:detail", args=[self.slug])

    @property
    def is_formal(self) -> bool:
        return self.organization_id is not None


class Role(models.TextChoices):
    STEWARD = "steward", _("Steward")
    MODERATOR = "moderator", _("Moderator")
    MEMBER = "member", _("Member")


class MembershipState(models.TextChoices):
    PENDING = "pending", _("Asked to join")
    ACTIVE = "active", _("Active")
    BANNED = "banned", _("Banned")


class Membership(TimeStampedModel):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(
        _("state"), max_length=10, choices=MembershipState.choices, default=MembershipState.ACTIVE
    )
    request_message = models.TextField(_("message to the stewards"), max_length=1000, blank=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ban_reason = models.CharField(_("reason for the ban"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique")
        ]
        indexes = [models.Index(fields=["community", "state", "role"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} in {self.community} ({self.role}, {self.state})"

    @property
    def is_active(self) -> bool:
        return self.state == MembershipState.ACTIVE


class Space(TimeStampedModel):
    """A category inside a community, e.g. “Questions”, “Lesson ideas”, “Off-topic”."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="spaces")
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("address"), max_length=60)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "slug"], name="space_slug_unique")
        ]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    def __str__(self) -> str:
        return self.name


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(TimeStampedModel):
    """A shareable link that lets people join, limited in time and number of uses."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    max_uses = models.PositiveIntegerField(_("maximum uses"), null=True, blank=True)
    use_count = models.PositiveIntegerField(_("times used"), default=0)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation link")
        verbose_name_plural = _("invitation links")

    def __str__(self) -> str:
        return f"{self.community} invitation {self.token[:6]}…"

    def get_absolute_url(self) -> str:
        return reverse("communities:invitation", args=[self.token])

    @property
    def is_usable(self) -> bool:
        if self.revoked_at is not None or self.expires_at <= timezone.now():
            return False
        return self.max_uses is None or self.use_count < self.max_uses
