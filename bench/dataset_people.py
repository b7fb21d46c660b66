"""Accounts, confirmed addresses and educator profiles, as sign-up and profile_update leave them."""

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress

from bench.dataset_db import Writer
from bench.dataset_words import FIRST_NAMES, GRADES, LAST_NAMES, PLACES, SUBJECT_LABELS, TOPICS
from staffroom.accounts.handles import (
    PLACEHOLDER_BASE,
    RESERVED,
    handle_base,
    handle_key,
    handle_with_number,
)
from staffroom.accounts.models import EducatorRole, Profile, User
from staffroom.core.models import GradeBand, Language, Subject

PASSWORD = "bench-password"
EMAIL_DOMAIN = "bench.staffroom.test"
# The name sign-up gives a profile until its member completes it (accounts.signals).
NEW_MEMBER = "New member"
ROLES = (
    [EducatorRole.TEACHER] * 14
    + [EducatorRole.COACH, EducatorRole.LIBRARIAN, EducatorRole.LEADER]
    + [EducatorRole.TEACHER_EDUCATOR, EducatorRole.PRE_SERVICE, EducatorRole.OTHER]
)
UI_LANGUAGES = {"FR": "fr", "ES": "es", "MX": "es"}
LANGUAGES_BY_COUNTRY = {"FR": "fr", "ES": "es", "MX": "es", "DE": "de", "BR": "pt", "FI": "fi"}


@dataclass
class People:
    """Who exists: ids are 1..count, lists are indexed by id (index 0 is unused)."""

    count: int
    names: list[str] = field(default_factory=list)
    name_json: list[str] = field(default_factory=list)
    complete: list[bool] = field(default_factory=list)
    joined: list[datetime] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # the profile's, "" until completed
    vocabulary: dict = field(default_factory=dict)

    def email(self, user_id: int) -> str:
        return f"user{user_id}@{EMAIL_DOMAIN}"


def _handles(names: list[str], complete: list[bool]) -> list[str]:
    """Give each profile the handle the product would: from the name, numbered when taken."""
    taken: set[str] = set(RESERVED)
    bases: dict[str, str] = {}
    next_number: dict[str, int] = {}
    handles = [""]
    for user_id in range(1, len(names)):
        name = names[user_id] if complete[user_id] else PLACEHOLDER_BASE
        base = bases.get(name)
        if base is None:
            base = bases[name] = handle_base(name)
        handle, number = base, next_number.get(base, 1)
        while handle_key(handle) in taken:
            number += 1
            handle = handle_with_number(base, number)
        next_number[base] = number
        taken.add(handle_key(handle))
        handles.append(handle)
    return handles


def load_people(writer: Writer, rng: random.Random, *, count: int, anchor: datetime) -> People:
    """Create accounts with one shared password hash, confirmed addresses and profiles."""
    from django.contrib.auth.hashers import make_password
    from django.utils.crypto import RANDOM_STRING_CHARS

    people = People(count=count, names=[""], name_json=['""'], complete=[False], joined=[anchor])
    for user_id in range(1, count + 1):
        # A few sign-ups never complete their profile; the first hundred always do.
        complete = user_id <= 100 or rng.random() > 0.03
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" if complete else NEW_MEMBER
        people.names.append(name)
        people.name_json.append(json.dumps(name))
        people.complete.append(complete)
        people.joined.append(anchor - timedelta(days=400 + 360 * rng.random()))
    handles = _handles(people.names, people.complete)

    # Hashed once: PBKDF2 per row would take hours. The salt comes from the seed so that
    # runs are identical; 22 characters carry the entropy Django asks of a salt, so signing
    # in does not re-hash the password.
    salt = "".join(rng.choice(RANDOM_STRING_CHARS) for _ in range(22))
    password = make_password(PASSWORD, salt=salt)
    writer.insert(
        User,
        ["id", "email", "password", "is_staff", "is_superuser", "is_active", "date_joined"],
        (
            (uid, people.email(uid), password, False, False, True, people.joined[uid])
            for uid in range(1, count + 1)
        ),
    )
    writer.insert(
        EmailAddress,
        ["id", "user_id", "email", "verified", "primary"],
        ((uid, uid, people.email(uid), True, True) for uid in range(1, count + 1)),
    )
    vocabulary = {
        model: dict(model.objects.values_list("slug", "pk"))
        for model in (Subject, GradeBand, Language)
    }
    profiles, subjects, grades, languages = [], [], [], []
    grade_ids = list(vocabulary[GradeBand].values())
    people.countries = [""] * (count + 1)
    for uid in range(1, count + 1):
        joined = people.joined[uid]
        if not people.complete[uid]:
            profiles.append(
                (uid, uid, NEW_MEMBER, handles[uid], handle_key(handles[uid]), EducatorRole.TEACHER,
                 "", "", "", "UTC", "en", None, "[]", False, None, joined, joined)
            )  # fmt: skip
            continue
        country, zone, city = rng.choice(PLACES)
        people.countries[uid] = country
        topic, subject = rng.choice(TOPICS)
        grade = rng.choice(GRADES)
        completed = joined + timedelta(minutes=rng.randint(2, 600))
        expertise = [topic] + [t for t, _s in rng.sample(TOPICS, rng.randint(0, 2)) if t != topic]
        headline = f"{grade} {SUBJECT_LABELS[subject].lower()} teacher in {city}"
        bio = (
            f"I teach {grade} in {city}. Lately I'm thinking a lot about {topic}."
            if rng.random() < 0.5
            else ""
        )
        profiles.append(
            (uid, uid, people.names[uid], handles[uid], handle_key(handles[uid]), rng.choice(ROLES),
             headline, bio, country, zone, UI_LANGUAGES.get(country, "en"), rng.randint(0, 35),
             json.dumps(expertise), rng.random() < 0.25, completed, joined, completed)
        )  # fmt: skip
        subjects.append((uid, vocabulary[Subject][subject]))
        grades.append((uid, rng.choice(grade_ids)))
        languages.append((uid, vocabulary[Language]["en"]))
        other = LANGUAGES_BY_COUNTRY.get(country)
        if other:
            languages.append((uid, vocabulary[Language][other]))
    writer.insert(
        Profile,
        ["id", "user_id", "display_name", "handle", "handle_key", "role", "headline", "bio",
         "country", "time_zone", "ui_language", "years_experience", "expertise",
         "open_to_mentoring", "completed_at", "created_at", "updated_at"],
        profiles,
    )  # fmt: skip
    for name, rows in (("subjects", subjects), ("grade_bands", grades), ("languages", languages)):
        through = Profile._meta.get_field(name).remote_field.through
        columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
        writer.insert(through, columns, rows)
    people.vocabulary = vocabulary
    return people
