"""Put the demo instance from ``staffroom.demo.data`` into the database.

The loader creates whatever is missing and leaves what exists alone: running it again
changes nothing, and anything people changed while trying the demo survives a restart.
Threads are found again by their community and title; a community's tags, and who follows
them, are only set up while it has no tags at all. Library resources are found again by their
community, author and title; their edits and tried-it reports are only added when the resource
is published.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from staffroom.accounts.models import User
from staffroom.accounts.services import parse_expertise, profile_update
from staffroom.communities.models import (
    Community,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
)
from staffroom.communities.services import (
    community_create,
    community_request_join,
    invitation_create,
    membership_ban,
    space_create,
    space_update,
)
from staffroom.core import vocabulary
from staffroom.core.models import GradeBand, Language, Subject
from staffroom.demo.data import (
    COMMUNITIES,
    DEMO_PASSWORD,
    ORGANIZATIONS,
    PEOPLE,
    THREADS,
    CommunitySpec,
    OrganizationSpec,
    Person,
    ThreadSpec,
)
from staffroom.demo.data.chats import load_chats
from staffroom.demo.data.resources import REMIXES, RESOURCES, RemixSpec, ResourceSpec, TriedSpec
from staffroom.demo.images import drawing_upload
from staffroom.discussions.models import (
    AcceptedAnswer,
    Post,
    PostImage,
    Reaction,
    ReactionKind,
    Tag,
    Thread,
)
from staffroom.discussions.services import (
    answer_accept,
    post_create,
    reaction_toggle,
    tag_follow_set,
    thread_create,
    thread_set_flags,
    vote_set,
)
from staffroom.discussions.tags import tag_create, tag_slug
from staffroom.notifications.models import Notification, NotificationKind
from staffroom.notifications.services import notifications_mark_read
from staffroom.orgs.models import Organization, OrganizationDomain, OrganizationMembership, OrgRole
from staffroom.orgs.services import (
    org_memberships_sync,
    organization_admin_set,
    organization_domain_add,
)
from staffroom.permissions.communities import can_manage_community
from staffroom.resources.models import Resource, ResourceVersion, TriedReport
from staffroom.resources.services import (
    ResourceData,
    TriedData,
    resource_create,
    resource_edit,
    resource_remix,
    tried_report_create,
)

# Accounts are backdated by a couple of years so every community joining date comes after them.
ACCOUNT_AGE_DAYS = 760
# How long after a post each further reaction comes: thanks are quick, trying an idea takes a
# lesson or two.
REACTION_SPACING = {
    ReactionKind.THANKS: timedelta(hours=1.5),
    ReactionKind.TRIED: timedelta(hours=20),
}
# Members have read what the demo told them about, apart from the last few days.
UNREAD_FOR = timedelta(days=5)


@dataclass(frozen=True)
class DemoSummary:
    """How much the demo holds, for the command's closing line."""

    people: int
    communities: int
    organizations: int


@transaction.atomic
def load_demo() -> DemoSummary:
    """Create the demo people, organisations and communities that do not exist yet."""
    # The data migration seeds the vocabulary; a database emptied since (tests do that)
    # gets the missing terms back without touching terms staff have renamed.
    vocabulary.seed(overwrite=False)
    loader = _Loader()
    loader.load_people()
    loader.load_organizations()
    for spec in COMMUNITIES:
        loader.load_community(spec)
    _recount_members([spec.slug for spec in COMMUNITIES])
    for spec in COMMUNITIES:
        loader.load_threads(spec)
    loader.load_resources()
    # After the library, so chat messages can link its resources.
    load_chats(loader.users)
    # Registered last, so it runs after the services' own on-commit work has written the
    # notifications that the new replies and accepted answers cause.
    transaction.on_commit(loader.settle_notifications)
    return DemoSummary(
        people=len(PEOPLE), communities=len(COMMUNITIES), organizations=len(ORGANIZATIONS)
    )


class _Loader:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.users: dict[str, User] = {}
        self.new_users: list[User] = []
        self.organizations: dict[str, Organization] = {}
        # When each new post was written, and each new reply accepted, by its address.
        self.posted_at: dict[str, datetime] = {}
        self.accepted_at: dict[str, datetime] = {}
        self.vocabulary = {
            model: {term.slug: term for term in model.objects.all()}
            for model in (Subject, GradeBand, Language)
        }

    @cached_property
    def password_hash(self) -> str:
        # PBKDF2 is deliberately slow (a large fraction of a second per hash). Every demo
        # account shares one password, so one hash serves them all and a reload needs none.
        return make_password(DEMO_PASSWORD)

    @property
    def admin(self) -> User:
        return self.users["admin"]

    def load_people(self) -> None:
        """Create each demo account with a confirmed address and a completed profile."""
        existing = User.objects.in_bulk([person.email for person in PEOPLE], field_name="email")
        for index, person in enumerate(PEOPLE):
            user = existing.get(person.email)
            if user is None:
                user = User.objects.create(
                    email=person.email,
                    password=self.password_hash,
                    is_staff=person.staff,
                    is_superuser=person.staff,
                    date_joined=self.now - timedelta(days=ACCOUNT_AGE_DAYS - 4 * index),
                )
                self.new_users.append(user)
            self.users[person.key] = user
            # allauth refuses to sign in an account whose address was never confirmed.
            EmailAddress.objects.get_or_create(
                user=user, email=person.email, defaults={"verified": True, "primary": True}
            )
            if not user.profile.is_complete:
                self._fill_profile(user, person)

    def _fill_profile(self, user: User, person: Person) -> None:
        profile_update(
            profile=user.profile,
            display_name=person.name,
            role=person.role,
            headline=person.headline,
            bio=person.bio,
            country=person.country,
            time_zone=person.time_zone,
            ui_language=person.ui_language,
            years_experience=person.years,
            expertise=parse_expertise(", ".join(person.expertise)),
            open_to_mentoring=person.mentoring,
            subjects=self._terms(Subject, person.subjects),
            grade_bands=self._terms(GradeBand, person.grade_bands),
            languages=self._terms(Language, person.languages),
        )

    def _terms(self, model, slugs: tuple[str, ...]) -> list:
        terms = self.vocabulary[model]
        unknown = [slug for slug in slugs if slug not in terms]
        if unknown:
            raise ValueError(f"Demo data uses unknown {model.__name__} slugs: {unknown}")
        return [terms[slug] for slug in slugs]

    def load_organizations(self) -> None:
        """Create the organisations, vouch for their domains and appoint their admins."""
        for spec in ORGANIZATIONS:
            self.organizations[spec.slug] = self._load_organization(spec)
        # A domain added in an earlier run does not enrol accounts created in this one.
        for user in self.new_users:
            org_memberships_sync(user=user)

    def _load_organization(self, spec: OrganizationSpec) -> Organization:
        organization, _created = Organization.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "country": spec.country,
                "website": spec.website,
                "description": spec.description,
            },
        )
        if not OrganizationDomain.objects.filter(domain=spec.domain).exists():
            organization_domain_add(actor=self.admin, organization=organization, domain=spec.domain)
        current = dict(
            OrganizationMembership.objects.filter(organization=organization).values_list(
                "user_id", "role"
            )
        )
        for key in spec.admins:
            if current.get(self.users[key].pk) != OrgRole.ADMIN:
                organization_admin_set(
                    actor=self.admin, organization=organization, user=self.users[key], is_admin=True
                )
        for key in spec.members:
            if self.users[key].pk not in current:
                organization_admin_set(
                    actor=self.admin,
                    organization=organization,
                    user=self.users[key],
                    is_admin=False,
                )
        return organization

    def load_community(self, spec: CommunitySpec) -> None:
        """Create one community with its spaces, members, requests, bans and invitations."""
        steward = self.users[spec.steward]
        founded = self.now - timedelta(days=spec.founded_days_ago)
        community = Community.objects.filter(slug=spec.slug).first()
        created = community is None
        if created:
            community = community_create(
                creator=steward,
                name=spec.name,
                slug=spec.slug,
                domain_statement=spec.domain_statement,
                tagline=spec.tagline,
                visibility=spec.visibility,
                join_policy=spec.join_policy,
                subjects=self._terms(Subject, spec.subjects),
                grade_bands=self._terms(GradeBand, spec.grade_bands),
                languages=self._terms(Language, spec.languages),
                organization=self.organizations.get(spec.organization),
                restricted_to_organization=spec.restricted_to_organization,
            )
            # A demo where every community was founded a second ago does not look lived in.
            Community.objects.filter(pk=community.pk).update(created_at=founded)
            Membership.objects.filter(community=community, user=steward).update(joined_at=founded)
        manager = steward if can_manage_community(steward, community) else self.admin
        self._load_spaces(community, spec, manager, retitle_defaults=created)
        self._load_members(community, spec, founded)
        # Before any thread, so the first threads with a followed tag already notify.
        self._load_tags(community, spec, manager)
        self._load_requests_and_bans(community, spec, manager)
        self._load_invitations(community, spec, manager)

    def _load_spaces(self, community: Community, spec: CommunitySpec, manager, *, retitle_defaults):
        existing = {space.slug: space for space in community.spaces.all()}
        for name, description in spec.spaces:
            space = existing.get(slugify(name))
            if space is None:
                space_create(actor=manager, community=community, name=name, description=description)
            elif retitle_defaults and space.description != description:
                # The stock "General" and "Questions" get this community's own wording.
                space_update(actor=manager, space=space, name=name, description=description)

    def _load_members(self, community: Community, spec: CommunitySpec, founded) -> None:
        present = set(
            Membership.objects.filter(community=community).values_list("user_id", flat=True)
        )
        people = [(key, Role.MODERATOR) for key in spec.moderators]
        people += [(key, Role.MEMBER) for key in spec.members]
        # By-request communities record who let each member in; open and invite ones do not.
        decided_by = self.users[spec.steward] if spec.join_policy == JoinPolicy.REQUEST else None
        rows = []
        for position, (key, role) in enumerate(people, start=1):
            user = self.users[key]
            if user.pk in present:
                continue
            # Spread joining dates between the founding and today, earliest first.
            joined = founded + (self.now - founded) * position / (len(people) + 1)
            rows.append(
                Membership(
                    community=community,
                    user=user,
                    role=role,
                    state=MembershipState.ACTIVE,
                    joined_at=max(joined, user.date_joined),
                    decided_by=decided_by,
                )
            )
        # Roles are set directly: no service adds someone as a moderator in one step.
        Membership.objects.bulk_create(rows)

    def _load_tags(self, community: Community, spec: CommunitySpec, manager) -> None:
        """Give a community that has no tags the demo's, and the members who follow them."""
        # Once a community has tags they are its stewards' to rename or delete, and its
        # members' to unfollow: a restart brings back none of what they changed.
        if not spec.tags or community.tags.exists():
            return
        tags = {
            name: tag_create(actor=manager, community=community, name=name) for name in spec.tags
        }
        for key, name in spec.tag_followers:
            tag_follow_set(user=self.users[key], tag=tags[name], follow=True)

    def _load_requests_and_bans(self, community: Community, spec: CommunitySpec, manager) -> None:
        present = set(
            Membership.objects.filter(community=community).values_list("user_id", flat=True)
        )
        for key, message in spec.pending:
            if self.users[key].pk not in present:
                community_request_join(user=self.users[key], community=community, message=message)
        for key, reason in spec.banned:
            if self.users[key].pk not in present:
                membership_ban(
                    actor=manager, community=community, user=self.users[key], reason=reason
                )

    def _load_invitations(self, community: Community, spec: CommunitySpec, manager) -> None:
        for note, days, max_uses in spec.invitations:
            usable = community.invitations.filter(
                note=note, revoked_at__isnull=True, expires_at__gt=self.now
            )
            if not usable.exists():
                invitation_create(
                    actor=manager, community=community, days=days, max_uses=max_uses, note=note
                )

    def load_threads(self, community_spec: CommunitySpec) -> None:
        """Start the community's demo threads that do not exist yet, with their replies."""
        specs = THREADS.get(community_spec.slug, ())
        community = Community.objects.get(slug=community_spec.slug)
        titles = [spec.title for spec in specs]
        existing = set(
            Thread.objects.filter(community=community, title__in=titles).values_list(
                "title", flat=True
            )
        )
        active = Membership.objects.filter(community=community, state=MembershipState.ACTIVE)
        joined = dict(active.values_list("user_id", "joined_at"))
        spaces = {space.slug: space for space in community.spaces.all()}
        tags = {tag.slug: tag for tag in community.tags.all()}
        for spec in specs:
            space = spaces.get(slugify(spec.space)[:60])
            # A space removed, or someone who left, while trying the demo leaves a thread out.
            if spec.title in existing or space is None:
                continue
            if all(self.users[key].pk in joined for key in _participants(spec)):
                thread_tags = _thread_tags(community_spec, spec, tags)
                self._load_thread(community, space, spec, joined, thread_tags)

    def _load_thread(
        self, community: Community, space, spec: ThreadSpec, joined: dict, tags: list[Tag]
    ) -> None:
        asker = self.users[spec.author]
        opened = self.now - timedelta(days=spec.days_ago)
        thread = thread_create(
            author=asker,
            community=community,
            space=space,
            title=spec.title,
            body=spec.body,
            kind=spec.kind,
            tags=tags,
            subjects=self._terms(Subject, spec.subjects),
            grade_bands=self._terms(GradeBand, spec.grade_bands),
            images=_drawings(spec.image),
            image_description=spec.image_description,
        )
        opening = thread.posts.get(position=1)
        opening.thread = thread
        written = {opening: opened}
        # Mentions in the opening post, and followed tags, send people to the opening post.
        self.posted_at[opening.get_absolute_url()] = opened
        reacted = self._react(opening, opened, spec.thanks, spec.tried, joined)
        for reply in spec.replies:
            at = opened + timedelta(hours=reply.hours)
            post = post_create(
                author=self.users[reply.author],
                thread=thread,
                body=reply.body,
                images=_drawings(reply.image),
                image_description=reply.image_description,
            )
            # The permission checks in the services below cache memberships on the community
            # object; sharing one saves a query for every vote and reaction.
            post.thread.community = community
            written[post] = at
            self.posted_at[post.get_absolute_url()] = at
            for key in reply.votes:
                vote_set(user=self.users[key], post=post, value=1)
            if reply.accepted is not None:
                accepted = answer_accept(user=asker, post=post, label=reply.accepted)
                accepted_at = min(at + timedelta(hours=3), self.now)
                AcceptedAnswer.objects.filter(pk=accepted.pk).update(created_at=accepted_at)
                self.accepted_at[post.get_absolute_url()] = accepted_at
            reacted |= self._react(post, at, reply.thanks, reply.tried, joined)
        if spec.pinned:
            thread_set_flags(moderator=asker, thread=thread, locked=False, pinned=True)
        # The services stamp every row with the moment of loading, so a fresh demo would show
        # sixty threads all started "just now" and every reaction made in the same second.
        # Backdating them afterwards, by the offsets in the data, spreads them over the last
        # weeks the way a living community looks, while the services keep the counters true.
        for post, at in written.items():
            post.created_at = at
        Post.objects.bulk_update(written, ["created_at"])
        posted = {post.pk: at for post, at in written.items()}
        images = list(PostImage.objects.filter(post__thread=thread))
        for image in images:
            image.created_at = posted[image.post_id]
        PostImage.objects.bulk_update(images, ["created_at"])
        reactions = list(Reaction.objects.filter(post__thread=thread))
        for reaction in reactions:
            reaction.created_at = reacted[reaction.post_id, reaction.user_id, reaction.kind]
        Reaction.objects.bulk_update(reactions, ["created_at"])
        Thread.objects.filter(pk=thread.pk).update(
            created_at=opened, last_posted_at=max(written.values())
        )

    def _react(self, post: Post, at, thanks, tried, joined: dict) -> dict:
        """React to a post; return when each reaction should appear to have been made."""
        when = {}
        for kind, keys in ((ReactionKind.THANKS, thanks), (ReactionKind.TRIED, tried)):
            for index, key in enumerate(keys, start=1):
                user = self.users[key]
                reaction_toggle(user=user, post=post, kind=kind)
                # Someone who joined after the post was written reacts once they arrive.
                made = max(at, joined[user.pk]) + REACTION_SPACING[kind] * index
                when[post.pk, user.pk, kind] = min(made, self.now)
        return when

    def load_resources(self) -> None:
        """Publish the demo library that does not exist yet: resources, then their remixes."""
        slugs = {spec.community for spec in (*RESOURCES, *REMIXES) if spec.community}
        communities = {c.slug: c for c in Community.objects.filter(slug__in=slugs)}
        active = Membership.objects.filter(
            community__in=communities.values(), state=MembershipState.ACTIVE
        )
        joined = {(m.community_id, m.user_id): m.joined_at for m in active}
        titles = [spec.title for spec in RESOURCES] + [spec.changes["title"] for spec in REMIXES]
        # Deleted ones too: a resource someone took down while trying the demo stays down.
        existing = {
            (resource.community_id, resource.author_id, resource.title): resource
            for resource in Resource.objects.filter(
                title__in=titles, author__in=list(self.users.values())
            )
        }
        library = _Library(communities, joined, existing)
        for spec in RESOURCES:
            self._load_resource(library, spec)
        for spec in REMIXES:
            self._load_remix(library, spec)
        library.backdate()

    def _load_resource(self, library: "_Library", spec: ResourceSpec) -> None:
        author = self.users[spec.author]
        community = library.community(spec.community)
        found = library.existing.get((community and community.pk, author.pk, spec.title))
        if found is not None or (spec.community and community is None):
            library.placed[spec.key] = found
            return
        if not library.may_post(community, author):
            return
        published = library.at(self.now, spec.days_ago, community, author, after=None)
        resource = resource_create(
            author=author, community=community, data=self._resource_data(spec)
        )
        library.published(resource, published)
        for edit in spec.edits:
            editor = self.users[edit.editor or spec.author]
            current = Resource.objects.get(pk=resource.pk)
            if resource_edit(
                editor=editor,
                resource=current,
                data=self._changed(current, edit.changes),
                note=edit.note,
            ):
                library.edited(resource, published + timedelta(days=edit.days_after))
        self._report_tried(library, resource, community, published, spec.tried)
        library.placed[spec.key] = resource

    def _load_remix(self, library: "_Library", spec: RemixSpec) -> None:
        source = library.placed.get(spec.source)
        author = self.users[spec.author]
        community = library.community(spec.community)
        title = spec.changes["title"]
        found = library.existing.get((community and community.pk, author.pk, title))
        if found is not None or (spec.community and community is None):
            library.placed[spec.key] = found
            return
        if source is None or source.deleted_at is not None:
            return
        if not library.may_post(community, author):
            return
        published = library.at(
            self.now, spec.days_ago, community, author, after=library.when(source)
        )
        remix = resource_remix(
            user=author, source=source, community=community, licence=spec.licence
        )
        library.published(remix, published)
        current = Resource.objects.get(pk=remix.pk)
        if resource_edit(
            editor=author,
            resource=current,
            data=self._changed(current, spec.changes),
            note=spec.note,
        ):
            # The adaptation is part of publishing it: a minute after the copy.
            library.edited(remix, published + timedelta(minutes=1))
        self._report_tried(library, remix, community, published, spec.tried)
        library.placed[spec.key] = remix

    def _report_tried(
        self, library: "_Library", resource: Resource, community, published, reports
    ) -> None:
        for spec in reports:
            reporter = self.users[spec.person]
            if community is not None and not library.may_post(community, reporter):
                continue
            report = tried_report_create(
                user=reporter, resource=resource, data=self._tried_data(spec)
            )
            at = published + timedelta(days=spec.days_after)
            if community is not None:
                at = max(at, library.joined[community.pk, reporter.pk] + timedelta(hours=1))
            library.reported[report.pk] = min(at, self.now - timedelta(minutes=5))

    def _resource_data(self, spec: ResourceSpec) -> ResourceData:
        return ResourceData(
            title=spec.title,
            summary=spec.summary,
            kind=spec.kind,
            licence=spec.licence,
            language=self.vocabulary[Language][spec.language],
            duration_minutes=spec.duration_minutes,
            subjects=self._terms(Subject, spec.subjects),
            grade_bands=self._terms(GradeBand, spec.grade_bands),
            content=spec.content,
            alignments=spec.alignments,
        )

    def _changed(self, resource: Resource, changes: dict) -> ResourceData:
        """The resource as it stands, with ``changes`` applied; content keys are merged."""
        data = ResourceData(
            title=resource.title,
            summary=resource.summary,
            kind=resource.kind,
            licence=resource.licence,
            language=resource.language,
            duration_minutes=resource.duration_minutes,
            subjects=list(resource.subjects.all()),
            grade_bands=list(resource.grade_bands.all()),
            content={**resource.content, **changes.get("content", {})},
            alignments=[(a.framework, a.code, a.description) for a in resource.alignments.all()],
        )
        for name, value in changes.items():
            if name == "language":
                data.language = self.vocabulary[Language][value]
            elif name == "subjects":
                data.subjects = self._terms(Subject, value)
            elif name == "grade_bands":
                data.grade_bands = self._terms(GradeBand, value)
            elif name != "content":
                setattr(data, name, value)
        return data

    def _tried_data(self, spec: TriedSpec) -> TriedData:
        return TriedData(
            grade=spec.grade,
            class_size=spec.class_size,
            setting=spec.setting,
            worked=spec.worked,
            rating=spec.rating,
            adapted=spec.adapted,
            change_next=spec.change_next,
            grade_band=self.vocabulary[GradeBand][spec.grade_band] if spec.grade_band else None,
        )

    def settle_notifications(self) -> None:
        """Date the notifications new posts caused by those posts; mark older ones read."""
        if not self.posted_at:
            return
        notifications = list(
            Notification.objects.filter(url__in=list(self.posted_at), read_at__isnull=True)
        )
        seen = defaultdict(list)
        for notification in notifications:
            url = notification.url
            # An accepted answer is news when it was accepted. Replies, mentions and followed
            # tags are news when the post they point at was written.
            if notification.kind == NotificationKind.ACCEPTED and url in self.accepted_at:
                notification.created_at = self.accepted_at[url]
            else:
                notification.created_at = self.posted_at[url]
            if notification.created_at < self.now - UNREAD_FOR:
                seen[notification.user_id].append(notification.pk)
        Notification.objects.bulk_update(notifications, ["created_at"])
        people = {user.pk: user for user in self.users.values()}
        for user_id, ids in seen.items():
            notifications_mark_read(user=people[user_id], ids=ids)


class _Library:
    """What the library step has placed so far, and when each thing should appear to happen."""

    def __init__(self, communities: dict, joined: dict, existing: dict) -> None:
        self.communities = communities
        self.joined = joined
        self.existing = existing
        self.placed: dict[str, Resource | None] = {}
        # New resources and when they were published; each version's and report's moment.
        self.created: dict[int, datetime] = {}
        self.versions: dict[tuple[int, int], datetime] = {}
        self.reported: dict[int, datetime] = {}

    def community(self, slug: str | None) -> Community | None:
        return self.communities.get(slug) if slug else None

    def may_post(self, community: Community | None, user: User) -> bool:
        # Someone who left a community while trying the demo leaves their resource out.
        return community is None or (community.pk, user.pk) in self.joined

    def at(self, now, days_ago: float, community, author, *, after) -> datetime:
        """When a resource appears to have been published: after its author joined and
        after its source."""
        at = now - timedelta(days=days_ago)
        if community is not None:
            at = max(at, self.joined[community.pk, author.pk] + timedelta(hours=1))
        else:
            at = max(at, author.date_joined + timedelta(hours=1))
        if after is not None:
            at = max(at, after + timedelta(hours=1))
        return min(at, now - timedelta(minutes=10))

    def when(self, resource: Resource) -> datetime:
        return self.created.get(resource.pk, resource.created_at)

    def published(self, resource: Resource, at: datetime) -> None:
        self.created[resource.pk] = at
        self.versions[resource.pk, 1] = at

    def edited(self, resource: Resource, at: datetime) -> None:
        number = max(n for pk, n in self.versions if pk == resource.pk) + 1
        self.versions[resource.pk, number] = at

    def backdate(self) -> None:
        """Date new resources, versions, reports and discussion threads as the data says.

        The services stamp everything with the moment of loading; as with threads, the
        demo spreads them over the last weeks. Search indexes them after commit, from
        the dates written here.
        """
        if not self.created:
            return
        now = timezone.now()
        resources = list(Resource.objects.filter(pk__in=list(self.created)))
        latest: dict[int, datetime] = {}
        for (pk, _number), at in self.versions.items():
            latest[pk] = max(latest.get(pk, at), at)
        for resource in resources:
            resource.created_at = self.created[resource.pk]
            resource.updated_at = min(latest[resource.pk], now)
        Resource.objects.bulk_update(resources, ["created_at", "updated_at"])
        versions = list(ResourceVersion.objects.filter(resource_id__in=list(self.created)))
        for version in versions:
            at = self.versions.get((version.resource_id, version.number), version.created_at)
            version.created_at = min(at, now)
        ResourceVersion.objects.bulk_update(versions, ["created_at"])
        reports = list(TriedReport.objects.filter(pk__in=list(self.reported)))
        for report in reports:
            report.created_at = self.reported[report.pk]
        TriedReport.objects.bulk_update(reports, ["created_at"])
        threads = list(Thread.objects.filter(resource__in=resources))
        published = {resource.thread_id: resource.created_at for resource in resources}
        for thread in threads:
            thread.created_at = thread.last_posted_at = published[thread.pk]
        Thread.objects.bulk_update(threads, ["created_at", "last_posted_at"])
        openings = list(Post.objects.filter(thread__in=threads, position=1))
        for post in openings:
            post.created_at = published[post.thread_id]
        Post.objects.bulk_update(openings, ["created_at"])


def _participants(spec: ThreadSpec) -> set[str]:
    people = {spec.author, *spec.thanks, *spec.tried}
    for reply in spec.replies:
        people.update((reply.author, *reply.thanks, *reply.tried, *reply.votes))
    return people


def _thread_tags(community_spec: CommunitySpec, spec: ThreadSpec, tags: dict[str, Tag]) -> list:
    """Return the tags a thread should have that its community still has."""
    unknown = [name for name in spec.tags if name not in community_spec.tags]
    if unknown:
        raise ValueError(f"Demo thread {spec.title!r} uses tags its community lacks: {unknown}")
    # A tag a steward renamed or deleted while trying the demo is left off.
    slugs = [tag_slug(name) for name in spec.tags]
    return [tags[slug] for slug in slugs if slug in tags]


def _drawings(key: str | None) -> list:
    return [drawing_upload(key)] if key else []


def _recount_members(slugs: list[str]) -> None:
    # Members above were added in bulk, bypassing the services that keep the count.
    active = (
        Membership.objects.filter(community=OuterRef("pk"), state=MembershipState.ACTIVE)
        .order_by()
        .values("community")
        .annotate(total=Count("pk"))
        .values("total")
    )
    Community.objects.filter(slug__in=slugs).update(member_count=Coalesce(Subquery(active), 0))
