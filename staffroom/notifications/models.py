from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply in a thread you watch")
    ACCEPTED = "accepted", _("Your answer was accepted")
    MENTION = "mention", _("You were mentioned")
    TAG = "tag", _("New thread with a tag you follow")
    CHAT = "chat", _("A live chat was scheduled in your community")
    CHAT_SOON = "chat_soon", _("A live chat starts soon")


class Notification(models.Model):
    """One thing to tell a member; it copies what it shows so the list needs no joins."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    thread_id = models.BigIntegerField(null=True)
    actor_name = models.CharField(max_length=80)
    title = models.CharField(max_length=200)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="notification_inbox")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user}: {self.title}"
