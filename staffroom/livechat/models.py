"""Scheduled hashtag-style chats: a question script, answers tagged to questions, a transcript."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community


class ChatMode(models.TextChoices):
    LIVE = "live", _("Live chat (an hour or so, a question every few minutes)")
    SLOW = "slow", _("Slow chat (over several days, one question a day)")


class ChatState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live now")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


class Chat(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="chats")
    title = models.CharField(_("title"), max_length=200)
    hashtag = models.CharField(_("hashtag"), max_length=40)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    description_html = models.TextField(blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="hosted_chats",
        verbose_name=_("host"),
    )
    host_name = models.CharField(max_length=80)
    cohosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="cohosted_chats"
    )
    mode = models.CharField(_("kind"), max_length=4, choices=ChatMode.choices, default="live")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # The zone the host planned in; everyone else sees times in their own.
    host_time_zone = models.CharField(_("host's time zone"), max_length=64, default="UTC")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Set once the transcript is archived; a chat past ends_at without it is archived lazily.
    archived_at = models.DateTimeField(null=True, blank=True)
    current_question = models.PositiveSmallIntegerField(default=0)
    message_count = models.PositiveIntegerField(default=0)
    participant_count = models.PositiveIntegerField(default=0)
    summary_draft = models.TextField(blank=True)
    summary_thread = models.ForeignKey(
        "discussions.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    links_collection = models.ForeignKey(
        "resources.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["community", "-starts_at"], name="chat_community_start"),
            models.Index(fields=["archived_at", "starts_at"], name="chat_due"),
        ]

    def __str__(self) -> str:
        return f"#{self.hashtag}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("livechat:chat", args=[self.community.slug, self.pk])

    def state_at(self, now) -> str:
        if self.cancelled_at is not None:
            return ChatState.CANCELLED
        if self.archived_at is not None or now >= self.ends_at:
            return ChatState.ENDED
        if now >= self.starts_at:
            return ChatState.LIVE
        return ChatState.SCHEDULED

    @property
    def state(self) -> str:
        return self.state_at(timezone.now())

    @property
    def is_live(self) -> bool:
        return self.state == ChatState.LIVE

    @property
    def is_slow(self) -> bool:
        return self.mode == ChatMode.SLOW

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def group_name(self) -> str:
        return f"livechat.{self.pk}"


class ChatQuestion(models.Model):
    chat = models.ForeignKey(Chat, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    body = models.TextField(_("question"), max_length=500)
    body_html = models.TextField(blank=True)
    planned_at = models.DateTimeField(_("planned release"))
    released_at = models.DateTimeField(null=True, blank=True)
    answer_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["chat", "number"], name="chat_question_number_once")
        ]

    def __str__(self) -> str:
        return f"Q{self.number}"

    @property
    def label(self) -> str:
        return f"Q{self.number}"


class ChatMessage(models.Model):
    chat = models.ForeignKey(Chat, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=80)
    author_handle = models.CharField(max_length=40, blank=True)
    # The question it answers (A1 → Q1); empty for talk before Q1 or between questions.
    question = models.ForeignKey(
        ChatQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField(max_length=1000)
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    like_count = models.PositiveIntegerField(default=0)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["chat", "id"], name="chat_message_order")]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"

    @property
    def is_visible(self) -> bool:
        return self.hidden_at is None

    @property
    def anchor(self) -> str:
        return f"m{self.pk}"


class ChatLike(models.Model):
    message = models.ForeignKey(ChatMessage, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="chat_like_once")]

    def __str__(self) -> str:
        return f"like of {self.message_id} by {self.user_id}"


class ChatMute(models.Model):
    """A participant silenced for the rest of one chat by a host or moderator."""

    chat = models.ForeignKey(Chat, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["chat", "user"], name="chat_mute_once")]

    def __str__(self) -> str:
        return f"{self.user_id} muted in {self.chat_id}"
