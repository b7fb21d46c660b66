"""The demo's live chats: one archived with its whole transcript, one on the calendar, and a
slow chat halfway through its week.

Times are relative to loading. A chat starts on a day counted from today in its host's time
zone (moved to the weekday it names, if any) at the host's local clock time, or, for a chat
in progress, on the hour ``started_hours_ago`` before loading. Each line's ``minute`` counts
from the start. People are keys of ``PEOPLE``; everyone who posts or likes is an active
member of the chat's community. A body may link a demo library resource as
``[title]({resource-key})``.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from staffroom.communities.models import Community
from staffroom.demo.data.resources import RESOURCES
from staffroom.livechat import services as chat_services
from staffroom.livechat.archive import chat_archive
from staffroom.livechat.messages import like_toggle, message_post
from staffroom.livechat.models import Chat, ChatLike, ChatMessage, ChatMode, ChatQuestion
from staffroom.notifications.models import Notification
from staffroom.notifications.services import notifications_mark_read
from staffroom.permissions.communities import can_post_in_community
from staffroom.permissions.livechat import can_schedule_chat
from staffroom.resources.models import Collection, Resource

SATURDAY = 5


@dataclass(frozen=True)
class Line:
    author: str
    # Minutes after the chat started.
    minute: float
    # As typed: "A2 …" answers Q2; a reply without a prefix answers what it replies to.
    body: str
    # A name for this line, so later lines can reply to it.
    key: str = ""
    reply_to: str = ""
    likes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatSpec:
    community: str
    # A steward or moderator, who puts the chat on the calendar.
    scheduler: str
    host: str
    title: str
    hashtag: str
    description: str
    questions: tuple[str, ...]
    mode: str = ChatMode.LIVE
    cohosts: tuple[str, ...] = ()
    duration_minutes: int = 60
    first_after_minutes: int = 5
    interval_minutes: int = 10
    days: int = 0
    weekday: int | None = None
    clock: time = time(9, 0)
    started_hours_ago: int | None = None
    lines: tuple[Line, ...] = ()
    # Questions out when the demo is loaded; a past chat has all of them out and is archived.
    released: int = 0
    archived: bool = False


def hours(value: float) -> float:
    return value * 60


RATIO_CHAT = ChatSpec(
    community="middle-school-maths",
    scheduler="marcus",
    host="marcus",
    cohosts=("priya",),
    title="Making ratio tables visible",
    hashtag="msmathchat",
    description=(
        "Our Saturday chat. Bring a ratio table you have used with a class (or wish you had), "
        "and a question about proportional reasoning. Answer with A1, A2… so the transcript "
        "groups your answers, and reply to each other freely."
    ),
    questions=(
        "Where do ratio tables live in your teaching right now? Tell us your grade and the unit.",
        "What context do you use to introduce a ratio table, and why that one?",
        "How do you get students to see the multiplying across, not just the adding down?",
        "Ratio tables, double number lines, tape diagrams: when do you move students from one "
        "to the next, and how?",
        "What is one thing you will try this week? Share a task, a tool or a link.",
    ),
    days=-14,
    weekday=SATURDAY,
    clock=time(9, 0),
    released=5,
    archived=True,
    lines=(
        Line(
            "marcus",
            0.5,
            "Good morning, good evening and good night, #msmathchat! ☕ Today: making ratio "
            "tables visible. While we wait for Q1, say hello: your name, where you teach and "
            "which grade.",
            likes=("sam", "lucia"),
        ),
        Line("sam", 1.0, "Hi all! Sam, Year 7 and 8 maths in Manchester. Saturday tea in hand."),
        Line(
            "lucia",
            1.5,
            "¡Hola! Lucía from Puebla, I teach primero de secundaria (grade 7). First time "
            "joining a chat live!",
            key="hola",
            likes=("marcus", "priya", "sam"),
        ),
        Line("marcus", 2.0, "¡Bienvenida, Lucía! So glad you are here.", reply_to="hola"),
        Line(
            "priya",
            2.4,
            "Priya from Bengaluru, grades 6 and 7. Co-hosting with Marcus today; it's evening "
            "here and the chai is ready.",
        ),
        Line(
            "sam",
            5.6,
            "A1 Year 7, our first proportional reasoning unit: recipes and best buys. Honestly, "
            "tables only show up when I draw one. Students never reach for them on their own.",
            key="a1-sam",
            likes=("eleanor", "liam", "priya"),
        ),
        Line(
            "priya",
            6.3,
            "A1 Grade 6 ratio and rates, then again in grade 7 percentages. We use the table as "
            "the thinking space before any formula.",
            likes=("marcus", "kenji"),
        ),
        Line(
            "eleanor",
            6.9,
            "Same here. In our department it's a teacher's tool, not yet a student's tool. "
            "That's the bit I want to change. (Eleanor, head of maths in Leeds, here to steal "
            "ideas for our Year 7 scheme.)",
            reply_to="a1-sam",
            likes=("sam",),
        ),
        Line(
            "lucia",
            7.4,
            "A1 In primero we have «variación proporcional». The textbook is full of tables, "
            "but students just fill in the blanks; they don't use them to think.",
        ),
        Line(
            "kenji",
            8.0,
            "A1 Kenji in Hiroshima. In Japan ratio (割合) comes in grade 5 and is famously the "
            "hardest unit. Our teachers use double number lines more than tables. I'm curious "
            "how the two compare.",
            key="a1-kenji",
            likes=("priya", "marcus"),
        ),
        Line(
            "liam",
            8.7,
            "A1 Year 7 rates and scale drawing, in Perth. I put a blank table on every worksheet "
            "this year and it's helping the weaker readers most.",
            likes=("wanjiru",),
        ),
        Line(
            "wanjiru",
            9.5,
            "A1 Form 1 in Nyeri: ratio and proportion, then rates in physics (speed!). I'd love "
            "the two subjects to use the same picture.",
            key="a1-wanjiru",
            likes=("liam", "eleanor"),
        ),
        Line(
            "marcus",
            10.4,
            "Kenji, that's a great thread to pull on. Let's come back to it at Q4.",
            reply_to="a1-kenji",
        ),
        Line(
            "sam",
            11.2,
            "Physics and maths sharing a representation is a dream. Speed tables could be the "
            "bridge.",
            reply_to="a1-wanjiru",
        ),
        Line(
            "marcus",
            15.5,
            "A2 Paint mixing, every time. Students can see when two mixes are the same colour, "
            "so equivalence means something before we write any numbers.",
            key="a2-marcus",
            likes=("sam", "priya", "lucia"),
        ),
        Line(
            "sam",
            16.2,
            "Yes! Our paint lesson is in the library if anyone wants it: [Paint mixing: a first "
            "lesson on ratio language]({paint-ratio}). Real paint, real mess.",
            reply_to="a2-marcus",
            likes=("marcus", "liam", "eleanor"),
        ),
        Line(
            "lucia",
            17.0,
            "A2 Tortillas for a family party: how many for how many people. Everybody has an "
            "opinion, so they argue about the numbers 😂",
            likes=("priya", "wanjiru", "kenji"),
        ),
        Line(
            "priya",
            17.8,
            "A2 A roti recipe: 2 cups of atta for 8 rotis. Then I ask how many for the whole "
            "class, and the table grows on its own.",
            key="a2-priya",
            likes=("lucia",),
        ),
        Line(
            "wanjiru",
            18.6,
            "Chapati version here! Same idea, and the doubling column appears naturally.",
            reply_to="a2-priya",
            likes=("priya",),
        ),
        Line(
            "liam",
            19.5,
            "A2 Fuel for the school bus: litres and kilometres. Our kids know the distances to "
            "town, so the numbers mean something.",
        ),
        Line(
            "kenji",
            20.4,
            "A2 We begin with two ribbons and ask: which is longer, and by how many times? The "
            "comparison question comes before the table.",
        ),
        Line(
            "eleanor",
            21.3,
            "A2 I'd like a first context beyond food. Has anyone tried scale models or maps?",
            key="a2-eleanor",
        ),
        Line(
            "liam",
            22.0,
            "Maps work well for us: 1 cm for 500 m, then they plan a walk to the river. A table "
            "with a purpose.",
            reply_to="a2-eleanor",
            likes=("eleanor",),
        ),
        Line(
            "priya",
            25.6,
            "A3 I cover the adding column. Only arrows across are allowed: ×4 to get from cups "
            "to rotis. Then I ask why the arrow is the same on every row.",
            key="a3-priya",
            likes=("marcus", "sam", "kenji", "eleanor"),
        ),
        Line(
            "sam",
            26.5,
            "A3 Rows that skip. If the table jumps from 4 to 10 to 25, adding down stops "
            "working and they have to look across.",
            likes=("liam", "wanjiru"),
        ),
        Line(
            "marcus",
            27.4,
            "Love the same-arrow question. That's the constant of proportionality before we "
            "ever name it.",
            reply_to="a3-priya",
            likes=("priya",),
        ),
        Line(
            "wanjiru",
            28.3,
            "A3 I ask for the 'for one' row first. Once they find 1 → 2.5, they see the "
            "multiplier everywhere.",
        ),
        Line(
            "kenji",
            29.2,
            "A3 In lesson study we noticed students explain better when the units are written on "
            "the arrows, not just ×4.",
            likes=("eleanor",),
        ),
        Line(
            "eleanor",
            30.1,
            "A3 Desmos has been great for this: students change one value and watch the whole "
            "table follow. https://www.desmos.com/ (the free calculator's table is enough).",
            likes=("sam", "liam", "marcus"),
        ),
        Line(
            "lucia",
            31.0,
            "A3 Una pregunta: do you let them add down at first, or stop it straight away? "
            "Mine only add, and I don't want them to feel wrong.",
            key="a3-lucia",
        ),
        Line(
            "sam",
            31.8,
            "I let them add first! Then I give a row they can't reach by adding. The need for "
            "the multiplier comes from them, not from me.",
            reply_to="a3-lucia",
            likes=("lucia", "priya"),
        ),
        Line(
            "liam",
            32.6,
            "Same. Adding down is a strategy, not a mistake; it just stops being enough.",
            reply_to="a3-lucia",
            likes=("lucia",),
        ),
        Line(
            "marcus",
            35.5,
            "A4 Kenji's question from Q1! I move to a double number line when the numbers get "
            "awkward: decimals, percentages. The line shows size; the table doesn't.",
            likes=("kenji", "priya"),
        ),
        Line(
            "kenji",
            36.6,
            "A4 For us the double number line comes first, and tables later to organise many "
            "pairs. Maybe the order matters less than showing both side by side.",
            key="a4-kenji",
            likes=("marcus", "eleanor"),
        ),
        Line(
            "priya",
            37.8,
            "A4 Tape diagrams for part-part-whole (share ₹600 in the ratio 2 : 3), tables for "
            "rates. I tell students which question each picture answers.",
        ),
        Line(
            "eleanor",
            38.9,
            "Side by side is a lovely idea. The same problem drawn three ways, and students "
            "match them?",
            reply_to="a4-kenji",
        ),
        Line(
            "wanjiru",
            40.0,
            "A4 I don't move them on; they choose. I ask them to solve one problem two ways and "
            "say which picture helped.",
            likes=("liam", "sam"),
        ),
        Line(
            "liam",
            41.2,
            "A4 Honestly, I rush to y = kx too soon. Taking this one away.",
            likes=("wanjiru",),
        ),
        Line(
            "sam",
            45.5,
            "A5 Rows that skip, on Monday with Year 7, plus Priya's same-arrow question. "
            "Stealing both.",
            likes=("priya",),
        ),
        Line(
            "lucia",
            46.4,
            "A5 The tortilla party task with a table that skips rows. ¡Gracias a todos! I "
            "learned so much today.",
            likes=("marcus", "sam", "priya"),
        ),
        Line(
            "kenji",
            47.5,
            "A5 Three-representation matching for our next lesson study cycle. NRICH has good "
            "ratio problems to start from: https://nrich.maths.org/",
            likes=("eleanor",),
        ),
        Line(
            "eleanor",
            48.7,
            "A5 A Desmos table activity for our whole Year 7 team, and a department meeting on "
            "when we switch representations.",
        ),
        Line(
            "priya",
            50.0,
            "A5 Rotis with a skipped row. And students write the arrow's label in words.",
        ),
        Line(
            "wanjiru",
            51.5,
            "A5 A speed table that my physics colleague and I both use. Same picture, two "
            "subjects.",
            likes=("sam", "marcus"),
        ),
        Line(
            "marcus",
            55.0,
            "Thank you all, what a chat! The transcript and the links go to the community "
            "archive. Next #msmathchat: Lucía hosts, on negative numbers. Save the date! 🎉",
            likes=("lucia", "sam", "priya", "kenji"),
        ),
        Line(
            "priya",
            57.0,
            "Thanks everyone, and thank you Marcus for hosting. Good night from Bengaluru! 🌙",
        ),
    ),
)

NEGATIVES_CHAT = ChatSpec(
    community="middle-school-maths",
    scheduler="marcus",
    host="lucia",
    cohosts=("marcus",),
    title="Negative numbers without the rules",
    hashtag="msmathchat",
    description=(
        "Lucía hosts this one. Bring the contexts, models and misconceptions you meet when "
        "students first work with negative numbers. Answer in English or Spanish; both are "
        "welcome. *Responde en inglés o en español.*"
    ),
    questions=(
        "How do your students first meet negative numbers, in maths lessons or outside them?",
        "Which contexts for negative numbers have worked for you: temperature, sea level, "
        "money, something else?",
        "How do you help students make sense of subtracting a negative without reciting a rule?",
        "What models do you use (number lines, counters, zero pairs), and where do they break "
        "down?",
        "Which misconception about negative numbers surprises you every year?",
        "What is one task you would share with a colleague teaching integers next week?",
    ),
    days=3,
    weekday=SATURDAY,
    clock=time(9, 0),
    interval_minutes=8,
)

FEEDBACK_SLOW_CHAT = ChatSpec(
    community="assessment-for-learning",
    scheduler="eleanor",
    host="eleanor",
    cohosts=("aino",),
    mode=ChatMode.SLOW,
    title="Feedback students actually act on",
    hashtag="AfLslowchat",
    description=(
        "A slow chat over five days: one question each day, answered whenever your timetable "
        "allows. Reply to each other as much as you like; the best ideas usually come on day "
        "two or three."
    ),
    questions=(
        "What does feedback look like in your classroom this term: written comments, marks, "
        "whole-class feedback, conferences?",
        "Think of a time a student clearly acted on your feedback. What made that feedback work?",
        "How do you build time into lessons for students to respond to feedback?",
        "Peer and self-assessment: where do they help, and where do they fall flat?",
        "What will you stop doing this term, and what will you start?",
    ),
    duration_minutes=5 * 1440,
    started_hours_ago=30,
    released=2,
    lines=(
        Line(
            "eleanor",
            10,
            "Welcome to our first slow chat! One question a day for five days. Answer whenever "
            "suits your timetable, and reply to each other. Q1 is up.",
            likes=("aino", "sam"),
        ),
        Line(
            "aino",
            hours(1.5),
            "A1 Grade 3: mostly spoken feedback while I walk around, and 'two stars and a wish' "
            "on a sticky note for writing. I stopped written comments in maths books last year.",
            likes=("eleanor", "chloe"),
        ),
        Line(
            "sam",
            hours(3),
            "A1 Whole-class feedback sheets for Year 7 and 8: the common errors, one model "
            "answer, then a fix-it task. Marking time halved, and the fixes actually happen.",
            key="q1-sam",
            likes=("eleanor", "priya", "kenji", "liam"),
        ),
        Line(
            "priya",
            hours(4.3),
            "Sam, would you share a template? My grade 7s ignore written comments, so a fix-it "
            "task sounds like the missing piece.",
            key="q1-priya",
            reply_to="q1-sam",
            likes=("sam",),
        ),
        Line(
            "sam",
            hours(5),
            "Of course. It's one side of A4: what went well, three common errors, one model, "
            "then the fix-it questions. I'll put it in the library this week.",
            reply_to="q1-priya",
            likes=("priya", "fatima"),
        ),
        Line(
            "kenji",
            hours(7),
            "A1 In lesson study we record what students say, not what we say. Often our "
            "feedback is the next lesson's opening problem.",
            likes=("aino", "eleanor"),
        ),
        Line(
            "miguel",
            hours(10),
            "A1 Chemistry lab reports with codes: C1 means units missing, C2 means no "
            "uncertainty. Students look up their codes and fix the report in class.",
            key="q1-miguel",
            likes=("liam",),
        ),
        Line(
            "liam",
            hours(11.5),
            "Codes are great. Do students see the list before they write, or only after?",
            key="q1-liam",
            reply_to="q1-miguel",
        ),
        Line(
            "miguel",
            hours(12.7),
            "Before! It's printed on the lab sheet. The C1s dropped a lot once students knew "
            "they were coming.",
            reply_to="q1-liam",
            likes=("liam", "eleanor"),
        ),
        Line(
            "camille",
            hours(15),
            "A1 In CP (first grade) all my feedback is spoken, in the moment, always in the "
            "same shape: « Tu as réussi… maintenant essaie… »",
            likes=("aino", "chloe"),
        ),
        Line(
            "chloe",
            hours(16.5),
            "A1 Year 2: a green highlighter for 'you did this' and a pink one for 'think again'. "
            "They love hunting for the pink.",
            likes=("camille", "aino"),
        ),
        Line(
            "fatima",
            hours(20),
            "A1 English in Lucknow, classes of fifty. I conference with five students each "
            "lesson, and the rest check each other's work against a short checklist.",
            likes=("eleanor", "priya"),
        ),
        Line(
            "eleanor",
            hours(24.3),
            "Q2 is up. Good morning! Whole-class feedback and codes both came up more than "
            "once yesterday; I loved reading them.",
            likes=("aino",),
        ),
        Line(
            "fatima",
            hours(25.3),
            "A2 A student rewrote her opening paragraph three times after one question from me: "
            "'Where is your reader standing?' A question worked better than any correction.",
            key="q2-fatima",
            likes=("eleanor", "sam", "camille"),
        ),
        Line(
            "aino",
            hours(26.3),
            "A question instead of a correction. Writing that on a sticky note for my desk.",
            reply_to="q2-fatima",
            likes=("fatima",),
        ),
        Line(
            "liam",
            hours(27.2),
            "A2 Year 9 algebra. I only wrote 'one of these five is wrong: find it'. Everybody "
            "checked all five.",
            likes=("sam", "eleanor", "kenji"),
        ),
        Line(
            "priya",
            hours(28.3),
            "A2 When the feedback came with time in the same lesson to act on it. If it waits "
            "until next week, it's gone.",
            likes=("eleanor",),
        ),
        Line(
            "chloe",
            hours(29.3),
            "A2 A Year 2 boy added full stops to a whole page after I told him his reader "
            "needed to breathe. Children love a reason.",
        ),
    ),
)

CHATS = (RATIO_CHAT, NEGATIVES_CHAT, FEEDBACK_SLOW_CHAT)


# --- playing the chats through the services ----------------------------------------------------

_RESOURCE_LINK = re.compile(r"\[([^\]\n]+)\]\(\{([a-z0-9-]+)\}\)")
# Invitations to chats that have happened were read long ago.
INVITED_BEFORE = timedelta(days=7)


def load_chats(users: dict) -> None:
    """Create the demo chats that do not exist yet, each through the live-chat services."""
    now = timezone.now()
    for spec in CHATS:
        community = Community.objects.filter(slug=spec.community).first()
        if community is None or _exists(community, spec):
            continue
        # Someone who left the community while trying the demo leaves its chat out.
        if not can_schedule_chat(users[spec.scheduler], community) or not all(
            can_post_in_community(users[key], community) for key in participants(spec)
        ):
            continue
        _Playback(spec, community, users, now).run()


def _exists(community: Community, spec: ChatSpec) -> bool:
    return Chat.objects.filter(community=community, hashtag=spec.hashtag, title=spec.title).exists()


def participants(spec: ChatSpec) -> set[str]:
    people = {spec.host, *spec.cohosts}
    for line in spec.lines:
        people.update((line.author, *line.likes))
    return people


def starts_at(spec: ChatSpec, now: datetime, host_zone: str) -> datetime:
    """When the chat starts: a local clock time on a day counted from today, or on the hour
    ``started_hours_ago`` before now."""
    if spec.started_hours_ago is not None:
        start = now - timedelta(hours=spec.started_hours_ago)
        return start.replace(minute=0, second=0, microsecond=0)
    zone = ZoneInfo(host_zone)
    day = now.astimezone(zone).date() + timedelta(days=spec.days)
    if spec.weekday is not None and spec.days < 0:
        day -= timedelta(days=(day.weekday() - spec.weekday) % 7)  # back to that weekday
    elif spec.weekday is not None:
        day += timedelta(days=(spec.weekday - day.weekday()) % 7)  # on to that weekday
    return datetime.combine(day, spec.clock, tzinfo=zone)


def planned_minute(spec: ChatSpec, number: int) -> float:
    if spec.mode == ChatMode.SLOW:
        return 1440 * (number - 1)
    return spec.first_after_minutes + spec.interval_minutes * (number - 1)


class _Playback:
    """Write one chat through the real services, then move it to its place in time.

    The services only take messages while a chat is live, and refuse a start in the past,
    so a chat that happened two weeks ago is scheduled to start now, played through
    ``message_post``, ``question_release`` and ``like_toggle`` (which keep every counter
    true), and then back-dated with queryset updates. A past chat is archived after the
    back-dating, so its collection, summary and search entry carry its real date.
    """

    def __init__(self, spec: ChatSpec, community: Community, users: dict, now: datetime):
        self.spec = spec
        self.community = community
        self.users = users
        self.host = users[spec.host]
        self.now = now
        self.start = starts_at(spec, now, self.host.profile.time_zone)
        self.messages: dict[int, ChatMessage] = {}

    def run(self) -> None:
        spec = self.spec
        played = bool(spec.lines or spec.released)
        chat = chat_services.chat_schedule(
            user=self.users[spec.scheduler],
            community=self.community,
            title=spec.title,
            hashtag=spec.hashtag,
            description=spec.description,
            starts_at=self.now if played else self.start,
            host_time_zone=self.host.profile.time_zone,
            duration_minutes=spec.duration_minutes,
            questions=list(spec.questions),
            mode=spec.mode,
            host=self.host,
            cohosts=[self.users[key] for key in spec.cohosts],
            first_after_minutes=spec.first_after_minutes,
            interval_minutes=spec.interval_minutes,
        )
        if not played:
            return
        self._play(chat)
        self._backdate(chat)
        if spec.archived:
            chat = Chat.objects.select_related("community").get(pk=chat.pk)
            chat_archive(chat=chat, now=chat.ends_at)
            Collection.objects.filter(pk=chat.links_collection_id).update(
                created_at=chat.ends_at, updated_at=chat.ends_at
            )
        url = chat.get_absolute_url()
        # Runs after the scheduling service's own on-commit invitations are written.
        transaction.on_commit(lambda: _settle_invitations(url, self.start - INVITED_BEFORE))

    def _play(self, chat: Chat) -> None:
        keyed: dict[str, ChatMessage] = {}
        for index, line in enumerate(self.spec.lines):
            self._release_until(chat, line.minute)
            reply_to = keyed.get(line.reply_to) if line.reply_to else None
            message = message_post(
                author=self.users[line.author],
                chat=chat,
                body=self._linked(line.body),
                reply_to=reply_to,
            )
            self.messages[index] = message
            if line.key:
                keyed[line.key] = message
            for key in line.likes:
                like_toggle(user=self.users[key], message=message)
        while chat.current_question < self.spec.released:
            chat_services.question_release(user=self.host, chat=chat)

    def _release_until(self, chat: Chat, minute: float) -> None:
        for number in range(chat.current_question + 1, self.spec.released + 1):
            if planned_minute(self.spec, number) > minute:
                return
            chat_services.question_release(user=self.host, chat=chat, number=number)

    def _linked(self, body: str) -> str:
        """Point ``[title]({resource-key})`` at the demo resource, or leave the title if gone."""

        def link(match: re.Match) -> str:
            resource = _demo_resource(match.group(2), self.users)
            title = match.group(1)
            return f"[{title}]({resource.get_absolute_url()})" if resource else title

        return _RESOURCE_LINK.sub(link, body)

    def _backdate(self, chat: Chat) -> None:
        spec = self.spec
        start = self.start
        end = start + timedelta(minutes=spec.duration_minutes)
        Chat.objects.filter(pk=chat.pk).update(
            starts_at=start,
            ends_at=end,
            created_at=start - INVITED_BEFORE,
            updated_at=start - INVITED_BEFORE,
            # The reminder went out before the start; the ticker must not send it now.
            reminded_at=start - chat_services.REMIND_BEFORE,
        )
        for question in ChatQuestion.objects.filter(chat=chat):
            planned = start + timedelta(minutes=planned_minute(spec, question.number))
            ChatQuestion.objects.filter(pk=question.pk).update(
                planned_at=planned,
                released_at=planned if question.number <= spec.released else None,
            )
        latest = min(end, self.now)
        for index, message in self.messages.items():
            line = spec.lines[index]
            at = min(start + timedelta(minutes=line.minute), latest)
            ChatMessage.objects.filter(pk=message.pk).update(created_at=at)
            for offset, key in enumerate(line.likes, start=1):
                liked = min(at + timedelta(minutes=offset), latest)
                ChatLike.objects.filter(message=message, user=self.users[key]).update(
                    created_at=liked
                )


def _demo_resource(key: str, users: dict) -> Resource | None:
    spec = next((item for item in RESOURCES if item.key == key), None)
    if spec is None:
        raise ValueError(f"Demo chats link an unknown resource: {key}")
    return Resource.objects.filter(
        title=spec.title,
        community__slug=spec.community,
        author=users[spec.author],
        deleted_at__isnull=True,
    ).first()


def _settle_invitations(url: str, at: datetime) -> None:
    """Date a past chat's invitations before it and mark them read: old news by now."""
    invitations = Notification.objects.filter(url=url, read_at__isnull=True)
    by_user: dict = {}
    for notification in invitations.select_related("user"):
        by_user.setdefault(notification.user, []).append(notification.pk)
    invitations.update(created_at=at)
    for user, ids in by_user.items():
        notifications_mark_read(user=user, ids=ids)
