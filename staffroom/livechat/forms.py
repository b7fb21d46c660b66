"""Forms for scheduling a chat, posting in it and writing its summary."""

import datetime as dt
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.accounts.handles import handle_key, normalize_handle
from staffroom.accounts.models import TIME_ZONE_CHOICES
from staffroom.accounts.selectors import users_by_handles
from staffroom.core.errors import ServiceError
from staffroom.livechat import services
from staffroom.livechat.models import Chat, ChatMode
from staffroom.livechat.script import MAX_QUESTIONS, split_script

MAX_HANDLE_FIELD = 400


def _handles(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part.strip("@")]


class ChatForm(forms.Form):
    """Everything about a chat; times are entered in the host's zone and stored in UTC."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=services.MAX_TITLE)
    hashtag = forms.CharField(
        label=gettext_lazy("Hashtag"),
        max_length=41,
        help_text=gettext_lazy("One word of letters and digits, like #mathchat."),
    )
    description = forms.CharField(
        label=gettext_lazy("Description (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=services.MAX_DESCRIPTION,
        required=False,
        help_text=gettext_lazy("Who the chat is for and what to prepare. Markdown works."),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Kind of chat"),
        choices=ChatMode.choices,
        initial=ChatMode.LIVE,
        widget=forms.RadioSelect,
    )
    start_date = forms.DateField(
        label=gettext_lazy("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Start time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    host_time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone of the start time"),
        choices=TIME_ZONE_CHOICES,
        help_text=gettext_lazy("Members see the time in their own zone."),
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Length of a live chat, in minutes"),
        min_value=1,
        max_value=100_000,
        initial=60,
        required=False,
        help_text=gettext_lazy("15 to 240 minutes."),
    )
    duration_days = forms.IntegerField(
        label=gettext_lazy("Length of a slow chat, in days"),
        min_value=1,
        max_value=1_000,
        initial=5,
        required=False,
        help_text=gettext_lazy("1 to 30 days; one question a day."),
    )
    host = forms.CharField(
        label=gettext_lazy("Host"),
        max_length=60,
        help_text=gettext_lazy("The member's handle, like @hana."),
    )
    cohosts = forms.CharField(
        label=gettext_lazy("Co-hosts (optional)"),
        max_length=MAX_HANDLE_FIELD,
        required=False,
        help_text=gettext_lazy("Up to five handles, separated by commas: @ana, @ben."),
    )
    questions = forms.CharField(
        label=gettext_lazy("Questions"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_QUESTIONS * 520,
        help_text=gettext_lazy("One question per line, in order; up to 20."),
    )
    first_after_minutes = forms.IntegerField(
        label=gettext_lazy("Q1 comes this many minutes after the start"),
        min_value=0,
        max_value=100_000,
        initial=5,
        required=False,
        help_text=gettext_lazy("Live chats only: 0 to 120."),
    )
    interval_minutes = forms.IntegerField(
        label=gettext_lazy("Minutes between questions"),
        min_value=1,
        max_value=100_000,
        initial=10,
        required=False,
        help_text=gettext_lazy("Live chats only: 1 to 120."),
    )

    def clean_host(self):
        handle = self.cleaned_data["host"].strip()
        found = users_by_handles([handle])
        if len(found) != 1:
            raise forms.ValidationError(
                _("There is no member with the handle %(handle)s.") % {"handle": handle}
            )
        return next(iter(found.values()))

    def clean_cohosts(self):
        handles = _handles(self.cleaned_data["cohosts"])
        if len(handles) > services.MAX_COHOSTS:
            raise forms.ValidationError(_("A chat has at most five co-hosts."))
        found = users_by_handles(handles)
        people = []
        for handle in handles:
            person = found.get(handle_key(normalize_handle(handle)))
            if person is None:
                raise forms.ValidationError(
                    _("There is no member with the handle %(handle)s.") % {"handle": handle}
                )
            if person not in people:
                people.append(person)
        return people

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        length = {"slow": "duration_days", "live": "duration_minutes"}.get(mode)
        if length and data.get(length) is None and length not in self.errors:
            self.add_error(length, _("Say how long the chat lasts."))
        date, time, zone = (
            data.get("start_date"),
            data.get("start_time"),
            data.get("host_time_zone"),
        )
        if date and time and zone:
            data["starts_at"] = _aware(date, time, zone)
            if data["starts_at"] is None:
                self.add_error(
                    "start_time",
                    _("That time does not exist in %(zone)s (the clocks change then).")
                    % {"zone": zone},
                )
        return data

    def service_values(self) -> dict:
        """The keyword arguments of chat_schedule / chat_edit from valid data."""
        data = self.cleaned_data
        slow = data["mode"] == ChatMode.SLOW
        return {
            "title": data["title"],
            "hashtag": data["hashtag"],
            "description": data["description"],
            "mode": data["mode"],
            "starts_at": data["starts_at"],
            "host_time_zone": data["host_time_zone"],
            "duration_minutes": data["duration_days"] * 1440 if slow else data["duration_minutes"],
            "host": data["host"],
            "cohosts": data["cohosts"],
            "questions": split_script(data["questions"]),
            "first_after_minutes": data["first_after_minutes"] or 0,
            "interval_minutes": 10
            if data["interval_minutes"] is None
            else data["interval_minutes"],
        }

    def show_error(self, error: ServiceError) -> None:
        """Put a service's refusal next to the field it is about."""
        name = {
            "starts_at": "start_date",
            "duration": "duration_days"
            if self.cleaned_data.get("mode") == ChatMode.SLOW
            else "duration_minutes",
        }.get(error.field, error.field)
        self.add_error(name if name in self.fields else None, error.message)


def _aware(date: dt.date, time: dt.time, zone: str) -> dt.datetime | None:
    """The UTC instant of a wall-clock time in ``zone``; None for a time skipped by DST."""
    local = dt.datetime.combine(date, time.replace(second=0, microsecond=0))
    aware = local.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    back = aware.astimezone(dt.UTC).astimezone(aware.tzinfo).replace(tzinfo=None)
    if back != local:
        return None
    return aware.astimezone(dt.UTC)


def chat_initial(chat: Chat | None, user) -> dict:
    """Values that fill the form: the chat's own, or defaults for the scheduler."""
    if chat is None:
        zone = user.profile.time_zone
        start = timezone.now().astimezone(zoneinfo.ZoneInfo(zone)) + dt.timedelta(days=7)
        return {
            "mode": ChatMode.LIVE,
            "host_time_zone": zone,
            "start_date": start.date(),
            "start_time": dt.time(19, 0),
            "host": f"@{user.profile.handle}",
            "duration_minutes": 60,
            "duration_days": 5,
            "first_after_minutes": 5,
            "interval_minutes": 10,
        }
    local = chat.starts_at.astimezone(zoneinfo.ZoneInfo(chat.host_time_zone))
    questions = list(chat.questions.order_by("number"))
    minutes = int(chat.duration.total_seconds() // 60)
    first = questions[0].planned_at - chat.starts_at if questions else dt.timedelta(minutes=5)
    step = (
        questions[1].planned_at - questions[0].planned_at
        if len(questions) > 1
        else dt.timedelta(minutes=10)
    )
    return {
        "title": chat.title,
        "hashtag": chat.hashtag,
        "description": chat.description,
        "mode": chat.mode,
        "host_time_zone": chat.host_time_zone,
        "start_date": local.date(),
        "start_time": local.time().replace(second=0, microsecond=0),
        "host": f"@{chat.host.profile.handle}" if chat.host else "",
        "cohosts": ", ".join(
            f"@{person.profile.handle}" for person in chat.cohosts.select_related("profile")
        ),
        "duration_minutes": minutes if chat.mode == ChatMode.LIVE else 60,
        "duration_days": minutes // 1440 if chat.mode == ChatMode.SLOW else 5,
        "questions": "\n".join(q.body for q in questions),
        "first_after_minutes": int(first.total_seconds() // 60),
        "interval_minutes": int(step.total_seconds() // 60) if chat.mode == ChatMode.LIVE else 10,
    }


class MessageForm(forms.Form):
    """The composer: a message, the question it answers, and the message it replies to."""

    body = forms.CharField(
        label=gettext_lazy("Your message"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        max_length=4000,
        help_text=gettext_lazy(
            'Start with "A2" to answer Q2; otherwise it answers the question chosen below.'
        ),
    )
    question = forms.TypedChoiceField(
        label=gettext_lazy("Answering"), coerce=int, required=False, empty_value=None
    )
    reply_to = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )

    def __init__(self, *args, questions=(), **kwargs):
        # The composer's names are read by assistive technology and tests: no colon.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [
            (q.number, f"Q{q.number}: {_short(q.body)}") for q in questions
        ]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SummaryForm(forms.Form):
    space = forms.TypedChoiceField(label=gettext_lazy("Space"), coerce=int)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Summary"),
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=20_000,
        help_text=gettext_lazy("Markdown works. Edit freely before posting."),
    )

    def __init__(self, *args, spaces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].choices = [(space.pk, space.name) for space in spaces]
