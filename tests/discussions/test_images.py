"""Images attached to posts: checked by content, limited, and served only to readers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from staffroom.communities.models import Visibility
from staffroom.core.errors import ServiceError
from staffroom.discussions import images as image_checks
from staffroom.discussions import services
from staffroom.discussions.models import PostImage
from tests.discussions.builders import a_community, a_member, a_thread, fresh, row_counts
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def picture(name="fraction-wall.png", kind="PNG", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def reply_with(thread, author, files, body="Here is our wall.", **options):
    return services.post_create(
        author=author, thread=fresh(thread), body=body, images=files, **options
    )


def test_an_attached_png_is_stored_under_a_random_name(thread, member, media):
    post = reply_with(thread, member, [picture()], image_description="Our fraction wall")

    [image] = post.images.all()
    assert image.content_type == "image/png"
    assert (image.width, image.height) == (40, 30)
    assert image.original_name == "fraction-wall.png"
    assert image.description == "Our fraction wall"
    assert "fraction" not in image.file.name
    assert image.file.name.endswith(".png")
    assert (media / image.file.name).exists()


@pytest.mark.parametrize("kind", ["JPEG", "GIF", "WEBP"])
def test_other_common_formats_are_accepted_and_named_by_content(thread, member, kind):
    # The name claims PNG; the stored type and extension follow the bytes.
    post = reply_with(thread, member, [picture("photo.png", kind)])

    [image] = post.images.all()
    assert image.content_type == f"image/{kind.lower()}"
    assert image.file.name.endswith(f".{kind.lower()}")


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("lesson.png", b"<script>alert(1)</script>", content_type="image/png"),
        SimpleUploadedFile("page.jpg", b"<html><body>hi</body></html>", content_type="image/jpeg"),
        SimpleUploadedFile("cut.png", picture().read()[:60], content_type="image/png"),
        SimpleUploadedFile("empty.gif", b"", content_type="image/gif"),
    ],
    ids=["script", "html", "truncated", "empty"],
)
def test_files_that_are_not_images_are_refused_and_nothing_is_written(thread, member, upload):
    before = row_counts()

    with pytest.raises(ServiceError) as refusal:
        reply_with(thread, member, [upload])

    assert refusal.value.field == "images"
    assert row_counts() == before
    assert not PostImage.objects.exists()


def test_an_oversized_image_is_refused(thread, member, monkeypatch):
    monkeypatch.setattr(image_checks, "MAX_IMAGE_BYTES", 100)

    with pytest.raises(ServiceError) as refusal:
        reply_with(thread, member, [picture()])

    assert "5 MB" in refusal.value.message


def test_a_decompression_bomb_is_refused(thread, member, monkeypatch):
    monkeypatch.setattr(image_checks, "MAX_PIXELS", 100)

    with pytest.raises(ServiceError):
        reply_with(thread, member, [picture(size=(20, 20))])


def test_too_many_attachments_are_refused(thread, member, media):
    with pytest.raises(ServiceError) as refusal:
        reply_with(thread, member, [picture(f"p{n}.png") for n in range(7)])

    assert "6" in refusal.value.message
    assert not PostImage.objects.exists()
    assert not media.exists() or not any(media.rglob("*.png"))


def test_attachments_and_linked_images_together_are_limited(thread, member):
    body = "\n".join(f"![step {n}](https://example.org/{n}.png)" for n in range(5))

    with pytest.raises(ServiceError) as refusal:
        reply_with(thread, member, [picture(f"p{n}.png") for n in range(6)], body=body)

    assert "10" in refusal.value.message


def test_too_many_linked_images_in_the_body_alone_are_refused(thread, member):
    body = "\n".join(f"![step {n}](https://example.org/{n}.png)" for n in range(11))

    with pytest.raises(ServiceError):
        services.post_create(author=member, thread=fresh(thread), body=body)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\me\\plan.png", "plan.png"),
        ("a\x00b\u202e.png", "ab.png"),
        ("x" * 300 + ".png", "x" * 96 + ".png"),
        ("   ", ""),
    ],
)
def test_hostile_file_names_are_tidied_for_display_only(thread, member, name, shown):
    post = reply_with(thread, member, [picture(name)])

    [image] = post.images.all()
    assert image.original_name == shown
    assert ".." not in image.file.name


def test_the_opening_post_can_carry_images(community, member):
    thread = a_thread(community, member, images=[picture()], image_description="Seating plan")

    assert thread.posts.get(position=1).images.count() == 1


def test_a_long_image_description_is_refused(thread, member):
    with pytest.raises(ServiceError) as refusal:
        reply_with(thread, member, [picture()], image_description="x" * 201)

    assert refusal.value.field == "image_description"


def image_url(post, image):
    thread = post.thread
    return f"/c/{thread.community.slug}/t/{thread.pk}/p/{post.position}/images/{image.pk}/"


def test_a_reader_gets_the_image_with_safe_headers(client, thread, member):
    post = reply_with(thread, member, [picture("our <wall>.png")])
    image = post.images.get()

    response = client.get(image_url(post, image))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="image-{image.pk}.png"'
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_private_communitys_image_is_unreachable_by_url_alone(client, steward):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    member = a_member(private, name="Insider")
    thread = a_thread(private, member)
    post = reply_with(thread, member, [picture()])
    url = image_url(post, post.images.get())

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200


def test_a_hidden_posts_images_are_for_its_author_and_moderators(
    client, thread, member, other, moderator
):
    post = reply_with(thread, member, [picture()])
    url = image_url(post, post.images.get())
    services.post_hide(moderator=moderator, post=fresh(post), reason="Shows a pupil's face")

    client.force_login(other)
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200
    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_deleting_a_post_removes_its_images_and_files(
    client, thread, member, media, django_capture_on_commit_callbacks
):
    post = reply_with(thread, member, [picture()])
    image = post.images.get()
    url = image_url(post, image)
    path = media / image.file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.post_delete(user=member, post=fresh(post))

    assert not PostImage.objects.exists()
    assert not path.exists()
    client.force_login(member)
    assert client.get(url).status_code == 404


def test_an_image_id_from_another_post_is_not_found(client, thread, member):
    first = reply_with(thread, member, [picture()])
    second = reply_with(thread, member, [picture()])

    assert client.get(image_url(second, first.images.get())).status_code == 404


def test_the_reply_form_attaches_images(client, thread, member):
    client.force_login(member)
    url = f"/c/{thread.community.slug}/t/{thread.pk}/reply/"

    response = client.post(
        url,
        {
            "body": "Photo attached.",
            "images": [picture(), picture("b.png")],
            "image_description": "Wall",
        },
    )

    assert response.status_code == 302
    assert PostImage.objects.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert 'alt="Wall"' in page
    assert 'width="40" height="30"' in page


def test_the_reply_form_shows_a_field_error_for_a_fake_image(client, thread, member):
    client.force_login(member)
    before = row_counts()
    fake = SimpleUploadedFile("plan.png", b"not really", content_type="image/png")

    response = client.post(
        f"/c/{thread.community.slug}/t/{thread.pk}/reply/", {"body": "See photo", "images": [fake]}
    )

    assert response.status_code == 200
    assert "is not a PNG, JPEG, GIF or WebP image" in response.content.decode()
    assert row_counts() == before


def test_the_thread_form_attaches_images(client, community, member):
    client.force_login(member)
    space = community.spaces.first()

    response = client.post(
        f"/c/{community.slug}/new/",
        {
            "kind": "discussion",
            "space": space.pk,
            "title": "Our maths corner",
            "body": "Here it is.",
            "images": [picture()],
        },
    )

    assert response.status_code == 302
    assert PostImage.objects.get().post.position == 1
