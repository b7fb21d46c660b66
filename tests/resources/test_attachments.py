"""Resource files: accepted by content, limited, safely named, served only to readers."""

import io
import struct
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from staffroom.communities.models import JoinPolicy, MembershipState, Role, Visibility
from staffroom.communities.services import community_create
from staffroom.core.errors import ServiceError
from staffroom.resources import attachments, services
from staffroom.resources.attachments import attachment_add, attachment_delete, clean_name
from staffroom.resources.models import Attachment
from tests.discussions.builders import a_member
from tests.factories.accounts import StaffFactory, UserFactory
from tests.pages import text
from tests.resources.builders import a_resource

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


# --- small real files, built in memory ----------------------------------------------------------


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def image_bytes(kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(buffer, kind)
    return buffer.getvalue()


def zip_bytes(parts: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(parts):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def docx_bytes(*extra: tuple[str, bytes]) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", b'<?xml version="1.0"?><Types></Types>'),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document/>"),
            *extra,
        ]
    )


def pptx_bytes() -> bytes:
    return zip_bytes(
        [("[Content_Types].xml", b"<Types/>"), ("ppt/presentation.xml", b"<p:presentation/>")]
    )


def xlsx_bytes() -> bytes:
    return zip_bytes([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")])


def odf_bytes(mimetype: str = ODT) -> bytes:
    return zip_bytes(
        [("mimetype", mimetype.encode()), ("content.xml", b"<office:document-content/>")],
        stored_first=True,
    )


def csv_bytes() -> bytes:
    return 'name,score\nAïcha,7\n"Lee, Sam",9\n'.encode()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def resource(member, community):
    return a_resource(member, community)


# --- accepted kinds -----------------------------------------------------------------------------

ACCEPTED = [
    ("plan.pdf", pdf_bytes, "application/pdf", "pdf"),
    ("seating.png", image_bytes, "image/png", "png"),
    ("photo.jpg", lambda: image_bytes("JPEG"), "image/jpeg", "jpg"),
    ("anim.gif", lambda: image_bytes("GIF"), "image/gif", "gif"),
    ("sticker.webp", lambda: image_bytes("WEBP"), "image/webp", "webp"),
    ("worksheet.docx", docx_bytes, DOCX, "docx"),
    (
        "slides.pptx",
        pptx_bytes,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
    (
        "marks.xlsx",
        xlsx_bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    ("worksheet.odt", odf_bytes, ODT, "odt"),
    (
        "slides.odp",
        lambda: odf_bytes("application/vnd.oasis.opendocument.presentation"),
        "application/vnd.oasis.opendocument.presentation",
        "odp",
    ),
    (
        "marks.ods",
        lambda: odf_bytes("application/vnd.oasis.opendocument.spreadsheet"),
        "application/vnd.oasis.opendocument.spreadsheet",
        "ods",
    ),
    ("marks.csv", csv_bytes, "text/csv; charset=utf-8", "csv"),
    ("notes.txt", lambda: "Bring squash. Ça va ✓\n".encode(), "text/plain; charset=utf-8", "txt"),
]


@pytest.mark.parametrize(("name", "build", "content_type", "extension"), ACCEPTED)
def test_each_accepted_kind_is_stored_with_its_detected_type(
    member, resource, name, build, content_type, extension
):
    data = build()

    item = attachment_add(user=member, resource=resource, upload=upload(name, data))

    item.refresh_from_db()
    assert item.content_type == content_type
    assert item.original_name == name
    assert item.size == len(data)
    assert item.file.name.startswith("resources/")
    assert item.file.name.endswith(f".{extension}")
    with item.file.open("rb") as handle:
        assert handle.read() == data


def test_the_type_comes_from_the_content_not_the_name_or_the_browser(member, resource):
    item = attachment_add(
        user=member, resource=resource, upload=upload("lesson.txt", pdf_bytes(), "text/html")
    )

    assert item.content_type == "application/pdf"
    assert item.file.name.endswith(".pdf")
    # The name says what the file really is.
    assert item.original_name == "lesson.txt.pdf"


def test_long_text_is_checked_across_chunk_boundaries(member, resource):
    # Three bytes per pair, so a 64 KB read splits a character in two.
    data = ("aé" * 30_000).encode()

    item = attachment_add(user=member, resource=resource, upload=upload("notes.txt", data))

    assert item.content_type == "text/plain; charset=utf-8"


def test_text_that_is_not_a_table_is_plain_text(member, resource):
    data = b"Warm-up: which squash is stronger?\nThen, ratio tables.\n"

    item = attachment_add(user=member, resource=resource, upload=upload("marks.csv", data))

    assert item.content_type == "text/plain; charset=utf-8"
    assert item.original_name == "marks.csv"
    assert item.file.name.endswith(".txt")


def test_a_known_alias_of_the_detected_extension_is_kept(member, resource):
    item = attachment_add(
        user=member, resource=resource, upload=upload("Photo.JPEG", image_bytes("JPEG"))
    )

    assert item.original_name == "Photo.JPEG"
    assert item.file.name.endswith(".jpg")


def test_the_stored_name_is_random_and_never_the_members(member, resource):
    first = attachment_add(user=member, resource=resource, upload=upload("plan.pdf", pdf_bytes()))
    second = attachment_add(user=member, resource=resource, upload=upload("plan.pdf", pdf_bytes()))

    assert "plan" not in first.file.name
    assert first.file.name != second.file.name


# --- refused kinds ------------------------------------------------------------------------------


def lying_zip() -> bytes:
    """A small docx whose directory claims one part unpacks to nearly 4 GB."""
    data = bytearray(docx_bytes())
    entry = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 0xFFFFFFF0)
    return bytes(data)


def crowded_zip() -> bytes:
    parts = [("[Content_Types].xml", b"<Types/>")]
    parts += [(f"word/part{n}.xml", b"") for n in range(attachments.MAX_ZIP_ENTRIES + 1)]
    return zip_bytes(parts)


REFUSED = [
    (
        "html-as-pdf",
        "lesson.pdf",
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "web page",
    ),
    ("html-no-doctype", "lesson.pdf", b"\n  <html><body>hi</body></html>", "web page"),
    (
        "svg",
        "diagram.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
        "SVG",
    ),
    (
        "svg-with-xml-prolog",
        "diagram.png",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        "SVG",
    ),
    ("exe", "worksheet.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "program"),
    ("elf", "worksheet.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "program"),
    ("script", "marks.csv", b"#!/bin/sh\nrm -rf ~\n", "program"),
    ("plain-zip", "worksheet.docx", zip_bytes([("notes.txt", b"hello")]), "zip archive"),
    ("zip-with-only-parts", "slides.pptx", zip_bytes([("ppt/x.xml", b"<x/>")]), "zip archive"),
    ("odf-wrong-mimetype", "a.odt", odf_bytes("application/x-evil"), "zip archive"),
    ("zip-too-many-entries", "big.docx", crowded_zip(), "unpacks to far more"),
    ("zip-huge-declared-size", "big.docx", lying_zip(), "unpacks to far more"),
    ("macros", "plan.docx", docx_bytes(("word/vbaProject.bin", b"\x00" * 8)), "macros"),
    ("truncated-pdf", "plan.pdf", pdf_bytes()[:40], "not a complete PDF"),
    ("fake-png", "seating.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "image"),
    ("broken-zip", "slides.pptx", b"PK\x03\x04" + b"\x01" * 200, "zip archive"),
    ("binary", "data.pdf", bytes(range(256)) * 4, "not a kind of file we accept"),
    ("latin-1-text", "notes.txt", "Ça va très bien".encode("latin-1"), "not a kind of file"),
    ("nul-in-text", "notes.txt", b"hello\x00world", "not a kind of file we accept"),
    ("empty", "notes.txt", b"", "empty"),
]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_files_of_other_kinds_are_refused_with_their_name_and_nothing_is_kept(
    member, resource, name, data, words
):
    with pytest.raises(ServiceError) as refusal:
        attachment_add(user=member, resource=resource, upload=upload(name, data))

    assert refusal.value.field == "file"
    assert name in refusal.value.message
    assert words in refusal.value.message
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_a_file_over_the_size_limit_is_refused(member, resource, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 100)

    with pytest.raises(ServiceError) as refusal:
        attachment_add(user=member, resource=resource, upload=upload("plan.pdf", pdf_bytes()))

    assert "plan.pdf" in refusal.value.message
    assert "larger than" in refusal.value.message
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_an_eleventh_file_is_refused(member, resource):
    for number in range(attachments.MAX_FILES):
        attachment_add(
            user=member, resource=resource, upload=upload(f"plan-{number}.pdf", pdf_bytes())
        )

    with pytest.raises(ServiceError) as refusal:
        attachment_add(user=member, resource=resource, upload=upload("one-more.pdf", pdf_bytes()))

    assert "up to 10 files" in refusal.value.message
    assert resource.attachments.count() == 10
    assert len(stored_files()) == 10


def test_files_past_the_resources_total_are_refused(member, resource, monkeypatch):
    size = len(pdf_bytes())
    monkeypatch.setattr(attachments, "MAX_RESOURCE_BYTES", size * 2 + 1)
    attachment_add(user=member, resource=resource, upload=upload("one.pdf", pdf_bytes()))
    attachment_add(user=member, resource=resource, upload=upload("two.pdf", pdf_bytes()))

    with pytest.raises(ServiceError) as refusal:
        attachment_add(user=member, resource=resource, upload=upload("three.pdf", pdf_bytes()))

    assert "three.pdf" in refusal.value.message
    assert "in all" in refusal.value.message
    assert resource.attachments.count() == 2
    assert len(stored_files()) == 2


def test_the_limits_count_per_resource(member, community, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_FILES", 1)
    first, second = a_resource(member, community), a_resource(member, community)

    attachment_add(user=member, resource=first, upload=upload("a.pdf", pdf_bytes()))
    attachment_add(user=member, resource=second, upload=upload("b.pdf", pdf_bytes()))

    assert Attachment.objects.count() == 2


# --- names --------------------------------------------------------------------------------------

LONG = "a" * 300 + ".pdf"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\..\\windows\\x.pdf", "x.pdf"),
        ("/etc/passwd.pdf", "passwd.pdf"),
        ("a\x00b.pdf", "ab.pdf"),
        ("a\r\nb.pdf", "ab.pdf"),
        ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ("  spaced   out  .pdf", "spaced out.pdf"),
        ("..pdf", "pdf.pdf"),
        (".pdf", "pdf.pdf"),
        ("", "attachment.pdf"),
        ("\u202e", "attachment.pdf"),
        (LONG, "a" * 116 + ".pdf"),
    ],
)
def test_hostile_names_are_made_harmless(member, resource, given, shown):
    upload_file = upload("x", pdf_bytes())
    # Set past UploadedFile's own basename(), so the service's cleaning is what is tested.
    upload_file._name = given

    item = attachment_add(user=member, resource=resource, upload=upload_file)

    assert item.original_name == shown
    assert len(item.original_name) <= 120
    assert item.file.name.startswith("resources/")
    assert ".." not in item.file.name


def test_a_long_name_keeps_its_extension_within_120_characters():
    name = clean_name("Ω" * 200 + ".docx")

    assert len(name) == 120
    assert name.endswith(".docx")


def test_the_refusal_message_shows_the_cleaned_name(member, resource):
    with pytest.raises(ServiceError) as refusal:
        attachment_add(
            user=member, resource=resource, upload=upload("../evil\u202e.svg", b"<svg/>")
        )

    assert "evil.svg" in refusal.value.message
    assert "\u202e" not in refusal.value.message


# --- permissions, deletion and failure ----------------------------------------------------------


def test_only_the_author_or_moderators_add_files(member, other, moderator, resource):
    with pytest.raises(ServiceError):
        attachment_add(user=other, resource=resource, upload=upload("a.pdf", pdf_bytes()))

    item = attachment_add(user=moderator, resource=resource, upload=upload("a.pdf", pdf_bytes()))

    assert item.resource == resource
    assert Attachment.objects.count() == 1


def test_only_the_author_or_moderators_remove_files(member, other, resource):
    item = attachment_add(user=member, resource=resource, upload=upload("a.pdf", pdf_bytes()))

    with pytest.raises(ServiceError):
        attachment_delete(user=other, attachment=item)

    assert Attachment.objects.filter(pk=item.pk).exists()
    assert default_storage.exists(item.file.name)


def test_deleting_an_attachment_removes_its_file_once_committed(
    member, resource, django_capture_on_commit_callbacks
):
    item = attachment_add(user=member, resource=resource, upload=upload("a.pdf", pdf_bytes()))
    name = item.file.name

    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(user=member, attachment=item)

    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)


def test_the_file_is_removed_when_the_row_cannot_be_written(member, resource, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Attachment, "save", broken_save)

    with pytest.raises(RuntimeError):
        attachment_add(user=member, resource=resource, upload=upload("a.pdf", pdf_bytes()))

    assert stored_files() == []


# --- the files page -----------------------------------------------------------------------------


def files_url(resource) -> str:
    return f"/r/{resource.pk}/files/"


def test_the_author_sees_the_files_page_with_the_upload_form(client, member, resource):
    attachment_add(user=member, resource=resource, upload=upload("plan.pdf", pdf_bytes()))
    client.force_login(member)

    response = client.get(files_url(resource))

    assert response.status_code == 200
    page = text(response)
    assert "plan.pdf" in page
    assert 'enctype="multipart/form-data"' in page
    assert f'action="/r/{resource.pk}/files/' in page


def test_the_author_uploads_a_file_from_the_page(client, member, resource):
    client.force_login(member)

    response = client.post(files_url(resource), {"file": upload("marks.csv", csv_bytes())})

    assert response.status_code == 302
    assert response.url == files_url(resource)
    [item] = resource.attachments.all()
    assert item.content_type == "text/csv; charset=utf-8"


def test_a_refused_upload_shows_a_field_error_and_writes_nothing(client, member, resource):
    client.force_login(member)

    response = client.post(files_url(resource), {"file": upload("lesson.pdf", b"<html></html>")})

    assert response.status_code == 200
    page = text(response)
    assert "“lesson.pdf” is a web page" in page
    assert 'aria-invalid="true"' in page
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_an_upload_without_a_file_shows_a_field_error(client, member, resource):
    client.force_login(member)

    response = client.post(files_url(resource), {})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)
    assert not Attachment.objects.exists()


def test_the_author_removes_a_file_from_the_page(
    client, member, resource, django_capture_on_commit_callbacks
):
    item = attachment_add(user=member, resource=resource, upload=upload("a.pdf", pdf_bytes()))
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/r/{resource.pk}/files/{item.pk}/delete/")

    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_the_detail_page_links_to_the_files_page_only_for_editors(client, member, other, resource):
    link = f'href="{files_url(resource)}"'

    client.force_login(member)
    assert link in text(client.get(resource.get_absolute_url()))
    client.force_login(other)
    assert link not in text(client.get(resource.get_absolute_url()))


def test_members_who_are_not_the_author_cannot_reach_the_files_page_or_delete(
    client, member, other, resource
):
    item = attachment_add(user=member, resource=resource, upload=upload("a.pdf", pdf_bytes()))
    client.force_login(other)

    page = client.get(files_url(resource))
    upload_attempt = client.post(files_url(resource), {"file": upload("b.pdf", pdf_bytes())})
    removal = client.post(f"/r/{resource.pk}/files/{item.pk}/delete/")

    assert page.status_code == upload_attempt.status_code == removal.status_code == 404
    assert list(Attachment.objects.values_list("pk", flat=True)) == [item.pk]


def test_moderators_manage_a_members_files(client, member, moderator, resource):
    client.force_login(moderator)

    response = client.post(files_url(resource), {"file": upload("a.pdf", pdf_bytes())})

    assert response.status_code == 302
    assert resource.attachments.count() == 1


def test_a_signed_out_visitor_of_a_public_resource_is_asked_to_sign_in(client, resource):
    response = client.get(files_url(resource))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


# --- serving ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "build", "content_type", "disposition"),
    [
        ("plan.pdf", pdf_bytes, "application/pdf", "inline"),
        ("seating.png", image_bytes, "image/png", "inline"),
        ("worksheet.docx", docx_bytes, DOCX, "attachment"),
        ("worksheet.odt", odf_bytes, ODT, "attachment"),
        ("marks.csv", csv_bytes, "text/csv; charset=utf-8", "attachment"),
    ],
)
def test_files_are_served_with_their_exact_type_and_safe_headers(
    client, member, resource, name, build, content_type, disposition
):
    data = build()
    item = attachment_add(user=member, resource=resource, upload=upload(name, data))

    response = client.get(f"/r/{resource.pk}/files/{item.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'{disposition}; filename="{name}"'
    assert b"".join(response.streaming_content) == data


def test_a_hostile_name_cannot_break_the_content_disposition_header(client, member, resource):
    hostile = upload("x", pdf_bytes())
    hostile._name = 'a"; filename="evil.html\r\nX-Injected: 1.pdf'
    item = attachment_add(user=member, resource=resource, upload=hostile)

    response = client.get(f"/r/{resource.pk}/files/{item.pk}/")

    assert response["Content-Disposition"].count('"') == 2
    assert "\n" not in response["Content-Disposition"]
    assert "X-Injected" not in response.headers


def test_the_json_download_lists_the_attachments(client, member, resource):
    item = attachment_add(user=member, resource=resource, upload=upload("plan.pdf", pdf_bytes()))

    data = client.get(f"/r/{resource.pk}/download.json").json()

    assert f"/r/{resource.pk}/files/{item.pk}/" in str(data)
    assert "plan.pdf" in str(data)


# --- private communities: invisible to outsiders on every path ----------------------------------

OUTSIDERS = ["anonymous", "non-member", "pending", "banned"]


class World:
    """A private community with a resource, its file, and a member of every kind around it."""

    def __init__(self, visibility: str):
        self.steward = UserFactory(display_name="Steward Sam")
        self.community = community_create(
            creator=self.steward,
            name="Whispering Pines Staffroom",
            slug="pines",
            domain_statement="Maths teachers at one school.",
            visibility=visibility,
            join_policy=JoinPolicy.REQUEST,
        )
        self.author = a_member(self.community, name="Mia Member")
        self.member = a_member(self.community, name="Olu Other")
        self.moderator = a_member(self.community, role=Role.MODERATOR, name="Mo Moderator")
        self.pending = a_member(self.community, state=MembershipState.PENDING)
        self.banned = a_member(self.community, state=MembershipState.BANNED)
        self.non_member = UserFactory(display_name="Nell Nonmember")
        self.staff = StaffFactory(display_name="Stella Staff")
        self.resource = a_resource(self.author, self.community, title="Secret seating plans")
        self.item = attachment_add(
            user=self.author, resource=self.resource, upload=upload("pines.pdf", pdf_bytes())
        )
        self.public = a_resource(self.author, None, title="A portfolio piece")

    def user(self, actor: str):
        return {
            "anonymous": None,
            "non-member": self.non_member,
            "pending": self.pending,
            "banned": self.banned,
            "member": self.member,
            "moderator": self.moderator,
            "steward": self.steward,
            "staff": self.staff,
        }[actor]

    def reads(self) -> list[str]:
        base = f"/r/{self.resource.pk}/"
        return [
            base,
            f"{base}download.json",
            f"{base}files/",
            f"{base}files/{self.item.pk}/",
            # The file asked for through a resource the outsider may read.
            f"/r/{self.public.pk}/files/{self.item.pk}/",
        ]


@pytest.fixture(params=[Visibility.MEMBERS, Visibility.SECRET])
def world(request) -> World:
    return World(request.param)


def as_actor(client, world: World, actor: str):
    user = world.user(actor)
    if user is not None:
        client.force_login(user)
    return client


def assert_nothing_private(response) -> None:
    page = response.content if not response.streaming else b"".join(response.streaming_content)
    for words in [b"Secret seating plans", b"pines.pdf", b"%PDF", b"Whispering Pines"]:
        assert words not in page, words


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_get_not_found_for_a_private_resources_files_on_every_path(client, world, actor):
    as_actor(client, world, actor)

    for path in world.reads():
        response = client.get(path)

        assert response.status_code == 404, path
        assert_nothing_private(response)


@pytest.mark.parametrize("actor", OUTSIDERS)
def test_outsiders_cannot_upload_to_or_delete_a_private_resources_files(client, world, actor):
    as_actor(client, world, actor)
    base = f"/r/{world.resource.pk}/files/"

    uploading = client.post(base, {"file": upload("x.pdf", pdf_bytes())})
    deleting = client.post(f"{base}{world.item.pk}/delete/")
    cross = client.post(f"/r/{world.public.pk}/files/{world.item.pk}/delete/")

    assert uploading.status_code == deleting.status_code == 404
    # Through a readable resource: the file is not found there (or sign-in comes first).
    assert cross.status_code in {302, 404}
    assert list(Attachment.objects.values_list("pk", flat=True)) == [world.item.pk]
    assert default_storage.exists(world.item.file.name)


def test_no_author_reaches_a_file_through_another_resource(client, world):
    # The author of the portfolio piece may edit it, yet its URL never reaches another file.
    client.force_login(world.author)

    download = client.get(f"/r/{world.public.pk}/files/{world.item.pk}/")
    removal = client.post(f"/r/{world.public.pk}/files/{world.item.pk}/delete/")

    assert download.status_code == removal.status_code == 404
    assert Attachment.objects.filter(pk=world.item.pk).exists()


@pytest.mark.parametrize("actor", ["member", "moderator", "steward", "staff"])
def test_members_and_staff_download_a_private_resources_file(client, world, actor):
    as_actor(client, world, actor)

    response = client.get(f"/r/{world.resource.pk}/files/{world.item.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_deleted_resources_files_are_gone_even_for_its_author(client, world):
    services.resource_delete(user=world.author, resource=world.resource)
    client.force_login(world.author)

    for path in [
        f"/r/{world.resource.pk}/files/",
        f"/r/{world.resource.pk}/files/{world.item.pk}/",
    ]:
        assert client.get(path).status_code == 404, path


def test_a_file_of_a_member_who_left_is_no_longer_theirs_to_manage(client, world):
    world.community.memberships.filter(user=world.author).update(state=MembershipState.BANNED)
    client.force_login(world.author)

    assert client.get(f"/r/{world.resource.pk}/files/").status_code == 404
    assert client.get(f"/r/{world.resource.pk}/files/{world.item.pk}/").status_code == 404
