"""Library resources, as ``resource_create`` and ``tried_report_create`` leave them.

Every resource has its first version (the snapshot ``services.snapshot`` takes), its subjects,
grade bands and standards, and the search document ``resources.indexing`` gives it; members'
tried-it reports come with the totals ``refresh_tried_totals`` keeps. Distinct bodies — kind,
summary, content and standards — are cleaned and rendered once through the product's own code
(``resources.content.clean_content``, ``core.markdown.render``, ``indexing.resource_text``) and
shared by many resources, as the thread writer shares post bodies.

One difference from the services: ``resource_create`` also opens a discussion thread for each
community resource. These resources have none (``thread`` is empty, as after that thread is
deleted), so the dataset keeps the thread and post counts its size promises. The resource page
only links to the discussion, so it costs the same either way.
"""

import json
import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from bench.dataset_communities import CommunityPlan
from bench.dataset_db import Writer
from bench.dataset_people import NEW_MEMBER, People
from bench.dataset_text import Corpus, words_of
from bench.dataset_words import GRADES, IDEAS, TOOLS
from staffroom.core.markdown import render
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.resources.content import RATING_DIMENSIONS, clean_content
from staffroom.resources.indexing import resource_text
from staffroom.resources.licences import Licence
from staffroom.resources.models import (
    Alignment,
    Resource,
    ResourceKind,
    ResourceVersion,
    Setting,
    Standard,
    TriedReport,
)
from staffroom.search import services as search_services
from staffroom.search.models import SearchDocument

YEAR = 365 * 86400.0
PORTFOLIO_SHARE = 0.15
TRIED_SHARE = 0.3
# What ``_("First version")`` gives in English, the language the generator runs in.
FIRST_VERSION = "First version"
KINDS = (
    (ResourceKind.LESSON_PLAN, 40),
    (ResourceKind.ACTIVITY, 20),
    (ResourceKind.TOOL_REVIEW, 15),
    (ResourceKind.UNIT, 10),
    (ResourceKind.ASSESSMENT, 10),
    (ResourceKind.TEMPLATE, 5),
)
LICENCES = (
    (Licence.CC_BY, 50),
    (Licence.CC_BY_SA, 22),
    (Licence.CC_BY_NC, 12),
    (Licence.CC_BY_NC_SA, 8),
    (Licence.CC0, 5),
    (Licence.ALL_RIGHTS_RESERVED, 3),
)
MINUTES = {
    ResourceKind.LESSON_PLAN: (30, 45, 50, 60, 90),
    ResourceKind.ACTIVITY: (10, 15, 20, 30, 40),
    ResourceKind.UNIT: (300, 450, 600, 900),
    ResourceKind.ASSESSMENT: (20, 30, 45, 60),
}
OBJECTIVES = (
    "Explain {topic} in their own words",
    "Use the key vocabulary of {topic} accurately",
    "Compare two worked examples of {topic}",
    "Apply {topic} to a problem they have not seen",
    "Spot and fix a common mistake about {topic}",
    "Connect {topic} to {topic2}",
)
MATERIALS = (
    "Mini whiteboards and pens",
    "Printed {topic} cards, one set per pair",
    "A timer on the board",
    "Exit tickets",
    "Sticky notes",
    "The {tool} activity, shared with the class",
    "Highlighters in two colours",
)
STEPS = (
    ("Hook", "Show a surprising example of {topic} and ask what they notice."),
    ("Retrieval", "Three quick questions on last lesson; answers on **mini whiteboards**."),
    ("Model", "Work through one example of {topic} aloud, naming each step."),
    ("Guided practice", "Pairs try two examples; circulate and *listen for the vocabulary*."),
    ("Independent practice", "Five questions that get harder; the last links to {topic2}."),
    ("Share", "Two pairs explain their reasoning; the class decides who is convincing."),
    ("Exit ticket", "One question, one line: {idea}."),
)
ASSESSMENTS = (
    "Exit ticket at the end: one question on {topic}, marked *right*, *nearly* or *not yet*.",
    "Listen in during pair work and note who can explain {topic} without the cards.",
    "A short quiz next lesson, with one question that mixes {topic} and {topic2}.",
)
DIFFERENTIATION = {
    "ell": ("Sentence starters and a picture glossary for {topic}.", ""),
    "sped": ("Fewer questions, a worked example beside each one, extra time.", ""),
    "extension": ("Ask them to write their own {topic} problem for a partner.", ""),
}
SUMMARIES = (
    "A {kind} on {topic} for {grade}. {idea}.",
    "What I use to teach {topic} to {grade}; it fits in one period. {idea}.",
    "Built with colleagues for {grade} and tried over two terms. {idea}.",
)
REVIEW_SUMMARIES = (
    "How {tool} works for {topic} with {grade}: set-up, what students liked, what to watch.",
    "A teacher's review of {tool} after a term of using it for {topic}.",
)
TITLES = (
    "{Topic} for {grade}",
    "Teaching {topic} with {tool}",
    "{Topic} in one lesson",
    "A {kind} on {topic}",
    "{Topic}: from confusion to confidence",
    "Retrieval practice for {topic}",
)
REVIEW_TITLES = ("{tool} for {topic}: a review", "Is {tool} worth it for {topic}?")
WORKED = (
    "They loved the hook and the pair work ran itself.",
    "The exit tickets showed most of the class had it.",
    "Quieter students joined in far more than usual.",
    "It took longer than planned, but the discussion was worth it.",
)
ADAPTED = ("", "", "Cut the independent practice to three questions.", "Added a glossary.")
CHANGE_NEXT = ("", "Give more time for the share.", "Start with the model, not the hook.")


@dataclass
class Body:
    """One distinct resource body: its kind, summary, content and standards, cleaned once."""

    kind: str
    topic: int
    summary: str
    summary_html: str
    content_json: str
    content_html_json: str
    content: dict
    alignments: list[tuple[str, str, str]]
    minutes: int | None
    text: str  # the search document's body


@dataclass
class Library:
    """What the manifest needs: public resources and filters, and documents per term."""

    public_ids: list[int]
    filters: list[str]
    term_documents: Counter


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _fill(corpus: Corpus, rng: random.Random, pattern: str, topic: int, **extra) -> str:
    """Fill a pattern with the corpus's words: its topics, grades and tools."""
    name = corpus.topics[topic][0]
    idea = corpus._fill(rng.choice(IDEAS), rng, topic=topic)
    values = {
        "topic": name,
        "Topic": name[0].upper() + name[1:],
        "topic2": corpus.topics[corpus.pick_topic(rng)][0],
        "grade": rng.choice(GRADES),
        "tool": rng.choice(TOOLS),
        "idea": idea.rstrip("."),
    }
    values.update(extra)
    return pattern.format(**values)


def _plan_content(corpus: Corpus, rng: random.Random, topic: int) -> dict:
    fill = _fill
    steps = [
        {
            "title": title,
            "minutes": rng.choice((5, 10, 15, 20)),
            "description": fill(corpus, rng, text, topic),
        }
        for title, text in sorted(rng.sample(STEPS, rng.randint(3, 5)), key=STEPS.index)
    ]
    links = []
    if rng.random() < 0.4:
        tool = rng.choice(TOOLS)
        slug = "-".join(tool.lower().replace(":", "").split())
        links.append({"title": f"{tool} activity", "url": f"https://example.org/{slug}"})
    return {
        "objectives": [fill(corpus, rng, p, topic) for p in rng.sample(OBJECTIVES, 3)],
        "materials": [fill(corpus, rng, p, topic) for p in rng.sample(MATERIALS, 3)],
        "steps": steps,
        "differentiation": {
            key: fill(corpus, rng, rng.choice(options), topic)
            for key, options in DIFFERENTIATION.items()
        },
        "assessment": fill(corpus, rng, rng.choice(ASSESSMENTS), topic),
        "links": links,
    }


def _review_content(corpus: Corpus, rng: random.Random, topic: int, tool: str) -> dict:
    slug = "-".join(tool.lower().replace(":", "").split())
    return {
        "tool_name": tool,
        "tool_url": f"https://example.org/{slug}",
        "cost_model": rng.choice(("free", "freemium", "paid", "school")),
        "platforms": rng.sample(["web", "chromebook", "windows", "ios", "android"], 3),
        "grade_suitability": f"Best from {rng.choice(GRADES)} up.",
        "data_collected": "Student names and answers; nothing else that I could find.",
        "student_accounts": rng.choice(("none", "optional", "required")),
        "privacy_notes": f"Check your school's policy before using {tool} with under-13s.",
        "accessibility_notes": "Works with a screen reader; the timer can be turned off.",
        "ratings": {key: rng.randint(2, 5) for key in RATING_DIMENSIONS},
        "links": [],
    }


def plan_bodies(
    rng: random.Random, corpus: Corpus, count: int, standards: list[tuple[str, str, str]]
) -> list[Body]:
    """Make ``count`` distinct bodies, each cleaned, rendered and indexed by the product."""
    bodies = []
    for _index in range(count):
        kind = _weighted(rng, KINDS)
        topic = corpus.pick_topic(rng)
        if kind == ResourceKind.TOOL_REVIEW:
            tool = rng.choice(TOOLS)
            summary = _fill(corpus, rng, rng.choice(REVIEW_SUMMARIES), topic, tool=tool)
            raw = _review_content(corpus, rng, topic, tool)
            alignments = []
        else:
            label = str(ResourceKind(kind).label).lower()
            summary = _fill(corpus, rng, rng.choice(SUMMARIES), topic, kind=label)
            raw = _plan_content(corpus, rng, topic)
            alignments = rng.sample(standards, rng.randint(1, 3)) if rng.random() < 0.4 else []
        content, content_html = clean_content(kind, raw)
        summary_html = render(summary)
        resource = Resource(
            pk=1, kind=kind, summary=summary, summary_html=summary_html, content=content
        )
        resource.content_html = content_html
        # What ``resource.alignments.all()`` gives once they are saved, in their order.
        resource._prefetched_objects_cache = {
            "alignments": [
                Alignment(framework=f, code=c, description=d, position=n)
                for n, (f, c, d) in enumerate(alignments)
            ]
        }
        minutes = rng.choice(MINUTES[kind]) if kind in MINUTES else None
        bodies.append(
            Body(
                kind=kind,
                topic=topic,
                summary=summary,
                summary_html=summary_html,
                content_json=json.dumps(content),
                content_html_json=json.dumps(content_html),
                content=content,
                alignments=alignments,
                minutes=minutes,
                text=search_services._plain(resource_text(resource))[
                    : search_services.MAX_BODY_CHARS
                ],
            )
        )
    return bodies


def _title(corpus: Corpus, rng: random.Random, body: Body) -> str:
    if body.kind == ResourceKind.TOOL_REVIEW:
        tool = body.content["tool_name"]
        return _fill(corpus, rng, rng.choice(REVIEW_TITLES), body.topic, tool=tool)
    label = str(ResourceKind(body.kind).label).lower()
    return _fill(corpus, rng, rng.choice(TITLES), body.topic, kind=label)


def load_resources(
    writer: Writer,
    rng: random.Random,
    corpus: Corpus,
    people: People,
    communities: list[CommunityPlan],
    *,
    count: int,
    bodies: int,
    anchor: datetime,
    first_document_id: int,
    terms: set[str],
) -> Library:
    """Write ``count`` resources with their versions, standards, reports and documents."""
    standards = list(
        Standard.objects.order_by("framework", "code").values_list(
            "framework", "code", "description"
        )
    )
    pool = plan_bodies(rng, corpus, bodies, standards)
    subject_ids = people.vocabulary[Subject]
    subject_slugs = {pk: slug for slug, pk in subject_ids.items()}
    grade_ids = people.vocabulary[GradeBand]
    grade_slugs = {pk: slug for slug, pk in grade_ids.items()}
    english = people.vocabulary[Language]["en"]
    weights, total = [], 0.0
    for community in communities:
        total += len(community.members)
        weights.append(total)

    resources, versions, alignments, subjects, grades = [], [], [], [], []
    reports, documents = [], []
    public_ids, counts = [], Counter()
    term_documents: Counter = Counter()
    report_id, document_id = 0, first_document_id
    for resource_id in range(1, count + 1):
        body = pool[rng.randrange(len(pool))]
        community = None
        if rng.random() >= PORTFOLIO_SHARE:
            community = rng.choices(communities, cum_weights=weights)[0]
            author = community.members[int(len(community.members) * rng.random() ** 2)]
            band_ids = list(community.grade_ids)
        else:
            author = rng.randint(1, people.count)
            band_ids = [rng.choice(list(grade_ids.values()))]
        created = anchor - timedelta(seconds=3600 + (YEAR - 3600) * rng.random() ** 1.3)
        created = max(created, people.joined[author] + timedelta(hours=1))
        if community is not None:
            created = max(created, community.created_at + timedelta(hours=1))
        name = people.names[author] if people.complete[author] else NEW_MEMBER
        title = _title(corpus, rng, body)
        subject = corpus.topics[body.topic][1]
        subject_list = sorted({subject_ids[subject]})
        if rng.random() < 0.2:
            subject_list = sorted({*subject_list, rng.choice(list(subject_ids.values()))})
        band_list = sorted(set(rng.sample(band_ids, min(len(band_ids), rng.randint(1, 2)))))
        licence = _weighted(rng, LICENCES)
        language = english if rng.random() < 0.95 else None

        tried = []
        if rng.random() < TRIED_SHARE:
            candidates = community.members if community else range(1, people.count + 1)
            many = min(len(candidates) - 1, 1 + int(7 * rng.random() ** 3))
            tried = [uid for uid in rng.sample(candidates, many + 1) if uid != author][:many]
        ratings, countries = [], set()
        for reporter in tried:
            report_id += 1
            rating = rng.choice((3, 4, 4, 5, 5, 2))
            when = created + (anchor - created) * rng.random()
            when = min(anchor, max(when, people.joined[reporter] + timedelta(minutes=5)))
            country = people.countries[reporter]
            reports.append(
                (report_id, resource_id, reporter,
                 people.names[reporter] if people.complete[reporter] else NEW_MEMBER,
                 country, rng.choice(band_list), rng.choice(GRADES), rng.randint(12, 34),
                 rng.choice(Setting.values), rng.choice(ADAPTED), rng.choice(WORKED),
                 rng.choice(CHANGE_NEXT), rating, when)
            )  # fmt: skip
            ratings.append(rating)
            if country:
                countries.add(country)
        average = round(sum(ratings) / len(ratings), 2) if ratings else 0
        resources.append(
            (resource_id, community.id if community else None, author, name, body.kind, title,
             body.summary, body.summary_html, language, licence, body.minutes, body.content_json,
             body.content_html_json, 1, "[]", created, created, len(tried), len(countries),
             len(ratings), average)
        )  # fmt: skip
        subjects += [(resource_id, pk) for pk in subject_list]
        grades += [(resource_id, pk) for pk in band_list]
        alignments += [
            (resource_id, framework, code, description, position)
            for position, (framework, code, description) in enumerate(body.alignments)
        ]
        snapshot = {
            "title": title,
            "summary": body.summary,
            "kind": body.kind,
            "licence": licence,
            "language": "en" if language else None,
            "duration_minutes": body.minutes,
            "subjects": sorted(subject_slugs[pk] for pk in subject_list),
            "grade_bands": sorted(grade_slugs[pk] for pk in band_list),
            "content": body.content,
            "alignments": [list(row) for row in body.alignments],
        }
        versions.append(
            (resource_id, 1, json.dumps(snapshot), FIRST_VERSION, author, name, created)
        )
        # The vocabulary was seeded in its display order, so ids sort as ``.all()`` lists them.
        tags = [subject_slugs[pk] for pk in subject_list] + [grade_slugs[pk] for pk in band_list]
        attrs = {
            "url": f"/r/{resource_id}/",
            "author": name,
            "resource_kind": body.kind,
            "licence": licence,
        }
        document_id += 1
        documents.append(
            (document_id, "resource", resource_id, community.id if community else None, None,
             None, search_services._plain(title)[: search_services.MAX_TITLE_CHARS], body.text,
             search_services._tags(tags), json.dumps(attrs), False, body.kind, created, anchor)
        )  # fmt: skip
        if community is None or community.is_public:
            public_ids.append(resource_id)
            counts.update(
                [("kind", body.kind), ("subject", subject)]
                + [("grade", grade_slugs[pk]) for pk in band_list]
                + [("subject+grade", f"{subject} {grade_slugs[pk]}") for pk in band_list]
            )
        # Every document counts, public or not, as the thread writer counts them.
        term_documents.update(terms & (words_of(title) | words_of(body.text)))

    writer.insert(
        Resource,
        ["id", "community_id", "author_id", "author_name", "kind", "title", "summary",
         "summary_html", "language_id", "licence", "duration_minutes", "content",
         "content_html", "version", "lineage", "created_at", "updated_at", "tried_teachers",
         "tried_countries", "rating_count", "rating_average"],
        resources,
    )  # fmt: skip
    for name, rows in (("subjects", subjects), ("grade_bands", grades)):
        through = Resource._meta.get_field(name).remote_field.through
        columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
        writer.insert(through, columns, rows)
    writer.insert(
        Alignment, ["resource_id", "framework", "code", "description", "position"], alignments
    )
    writer.insert(
        ResourceVersion,
        ["resource_id", "number", "snapshot", "note", "editor_id", "editor_name", "created_at"],
        versions,
    )
    writer.insert(
        TriedReport,
        ["id", "resource_id", "user_id", "author_name", "country", "grade_band_id", "grade",
         "class_size", "setting", "adapted", "worked", "change_next", "rating", "created_at"],
        reports,
    )  # fmt: skip
    writer.insert(
        SearchDocument,
        ["id", "kind", "object_id", "community_id", "space_id", "thread_id", "title", "body",
         "tags", "attrs", "solved", "thread_kind", "created_at", "updated_at"],
        documents,
    )  # fmt: skip
    return Library(
        public_ids=public_ids, filters=_filters(counts, rng), term_documents=term_documents
    )


def _filters(counts: Counter, rng: random.Random) -> list[str]:
    """Twenty library filters a visitor might set, over the values most public resources have:
    a subject, a grade band, both, a kind, and a subject in the most-tried order."""
    common = counts.most_common()
    chosen = []
    for facet, take in (("subject", 5), ("grade", 4), ("subject+grade", 5), ("kind", 4)):
        values = [value for (name, value), _n in common if name == facet][:take]
        for value in values:
            if facet == "subject+grade":
                subject, grade = value.split()
                chosen.append({"subject": subject, "grade": grade})
            else:
                chosen.append({facet: value})
    subjects = [value for (name, value), _n in common if name == "subject"]
    for subject in subjects[:2]:
        chosen.append({"subject": subject, "sort": "tried"})
    rng.shuffle(chosen)
    return [urlencode(params) for params in chosen]
