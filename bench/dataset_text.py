"""The distinct post bodies and thread titles of the benchmark dataset.

Bodies are built from teacher-ish sentence templates around a topic word. Each distinct
body is rendered and reduced to its indexed plain text once, through the product's own
code (``core.markdown.render``, ``discussions.indexing``, ``search.services``), and reused
by every post that uses it.
"""

import random
import re
from dataclasses import dataclass

from django.utils.text import slugify

from bench.dataset_words import (
    ANNOUNCEMENTS,
    CONTEXT,
    GRADES,
    IDEAS,
    NTH,
    PLACES,
    PROBLEMS,
    QUESTIONS,
    RARE_TITLES,
    RARE_TOPICS,
    REPLIES,
    TITLES,
    TOOLS,
    TOPICS,
)
from staffroom.core.markdown import render
from staffroom.discussions import indexing
from staffroom.discussions.models import Post
from staffroom.search import services as search_services

_TOOL_SLUGS = {tool: slugify(tool) for tool in TOOLS}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Body:
    """One distinct post body: Markdown, its rendered HTML and its indexed plain text."""

    text: str
    html: str
    plain: str
    topic: int
    words: frozenset[str]


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Return cumulative weights that make earlier items much more likely than later ones."""
    total, cumulative = 0.0, []
    for rank in range(count):
        total += 1.0 / (rank + 1) ** exponent
        cumulative.append(total)
    return cumulative


class Corpus:
    """Distinct opening and reply bodies, thread titles and the topics they are about."""

    def __init__(self, rng: random.Random, *, openings: int, replies: int) -> None:
        self.rng = rng
        # The seed decides which topics are common and which are rare.
        self.topics = list(TOPICS)
        rng.shuffle(self.topics)
        self.topic_weights = zipf_weights(len(self.topics))
        self.openings = [self._body(self._opening_text) for _ in range(openings)]
        self.replies = [self._body(self._reply_text) for _ in range(replies)]

    def pick_topic(self, rng: random.Random) -> int:
        return rng.choices(range(len(self.topics)), cum_weights=self.topic_weights)[0]

    def title(self, rng: random.Random, body: Body, *, announcement: bool = False) -> str:
        if announcement:
            pattern = rng.choice(ANNOUNCEMENTS)
        elif rng.random() < 0.03:
            pattern = rng.choice(RARE_TITLES).replace("{rare}", rng.choice(RARE_TOPICS))
        else:
            pattern = rng.choice(TITLES)
        text = self._fill(pattern, rng, topic=body.topic)
        return text[0].upper() + text[1:]

    def _fill(self, pattern: str, rng: random.Random, *, topic: int) -> str:
        tool = rng.choice(TOOLS)
        return pattern.format(
            topic=self.topics[topic][0],
            topic2=self.topics[self.pick_topic(rng)][0],
            grade=rng.choice(GRADES),
            tool=tool,
            tool_slug=_TOOL_SLUGS[tool],
            city=rng.choice(PLACES)[2],
            nth=rng.choice(NTH),
            n=rng.randint(18, 34),
            idea=self._fill(rng.choice(IDEAS), rng, topic=topic).lower()
            if "{idea}" in pattern
            else "",
        )

    def _opening_text(self, topic: int) -> str:
        rng = self.rng
        fill = self._fill
        parts = [fill(rng.choice(CONTEXT), rng, topic=topic)]
        parts.append(" ".join(fill(p, rng, topic=topic) for p in rng.sample(PROBLEMS, 2)))
        shape = rng.random()
        ideas = [fill(p, rng, topic=topic) for p in rng.sample(IDEAS, rng.randint(2, 4))]
        if shape < 0.45:
            parts.append("So far I've tried:\n\n" + "\n".join(f"- {idea}" for idea in ideas))
        elif shape < 0.7:
            parts.append("\n".join(f"{n}. {idea}" for n, idea in enumerate(ideas, 1)))
        elif shape < 0.8:
            name = self.topics[topic][0]
            parts.append(
                "| Week | Focus | Check |\n|---|---|---|\n"
                f"| 1 | {name} basics | exit ticket |\n| 2 | {name} in context | quiz |"
            )
        elif shape < 0.9:
            parts.append(
                "\n".join(f"- [{'x' if i == 0 else ' '}] {idea}" for i, idea in enumerate(ideas))
            )
        else:
            parts.append("### What I'd like\n\n" + ideas[0] + ".")
        parts.append(fill(rng.choice(QUESTIONS), rng, topic=topic))
        return "\n\n".join(parts)

    def _reply_text(self, topic: int) -> str:
        rng = self.rng
        sentences = [
            self._fill(p, rng, topic=topic) for p in rng.sample(REPLIES, rng.randint(1, 3))
        ]
        text = " ".join(sentences)
        shape = rng.random()
        if shape < 0.15:
            quoted = self._fill(rng.choice(PROBLEMS), rng, topic=topic)
            text = f"> {quoted}\n\n{text}"
        elif shape < 0.3:
            ideas = [self._fill(p, rng, topic=topic) for p in rng.sample(IDEAS, 2)]
            text += "\n\n" + "\n".join(f"- {idea}" for idea in ideas)
        elif shape < 0.35:
            text += "\n\nIn the tracker I use `=AVERAGE(B2:B31)` and colour anything below 60%."
        return text

    def _body(self, make) -> Body:
        topic = self.pick_topic(self.rng)
        text = make(topic)
        html = render(text)
        # The same two steps live indexing takes: HTML to words, then the index's cleaning.
        plain = search_services._plain(indexing._plain(Post(body_html=html)))
        plain = plain[: search_services.MAX_BODY_CHARS]
        words = frozenset(_WORD.findall(plain.lower()))
        return Body(text=text, html=html, plain=plain, topic=topic, words=words)


def words_of(text: str) -> set[str]:
    """Return the lower-cased words of a text as the search index would split it."""
    return set(_WORD.findall(text.lower()))
