import factory
from django.utils import timezone

from staffroom.discussions.models import Post, Tag, Thread, ThreadKind
from tests.factories.communities import CommunityFactory, SpaceFactory


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"fractions {n}")
    slug = factory.Sequence(lambda n: f"fractions-{n}")


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread row only, without its opening post; ``discussions.services.thread_create``
    builds the real thing. Use it where speed matters more than the full setup."""

    class Meta:
        model = Thread

    community = factory.SubFactory(CommunityFactory)
    space = factory.SubFactory(SpaceFactory, community=factory.SelfAttribute("..community"))
    kind = ThreadKind.DISCUSSION
    title = factory.Sequence(lambda n: f"How do you introduce ratio tables? ({n})")
    last_posted_at = factory.LazyFunction(timezone.now)
    author_name = "Alex Asker"
    last_poster_name = "Alex Asker"


class PostFactory(factory.django.DjangoModelFactory):
    """A post row only: counters on its thread are left for the caller to keep true."""

    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author_name = "Robin Replier"
    position = factory.Sequence(lambda n: n + 2)
    body = "Start with a double number line, then move to the table."
    body_html = "<p>Start with a double number line, then move to the table.</p>"
