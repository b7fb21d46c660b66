"""Checking uploaded images by what they contain, never by their names.

Pillow reads the header and verifies the data; only PNG, JPEG, GIF and WebP pass, and the
stored file gets its extension from the detected format.
"""

import os
import unicodedata
import warnings
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from staffroom.core.errors import ServiceError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENTS = 6
# Attachments and Markdown images together; a post is not a photo album.
MAX_IMAGES_PER_POST = 10
MAX_PIXELS = 40_000_000
CONTENT_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass
class CheckedImage:
    upload: UploadedFile
    content_type: str
    width: int
    height: int
    size: int
    original_name: str


def clean_filename(name: str) -> str:
    """Keep a readable, harmless display name: no path, no control characters, 100 at most."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    name = " ".join(name.split()).strip(". ")
    stem, ext = os.path.splitext(name)
    return (stem[: 100 - len(ext[:10])] + ext[:10]) if name else ""


def check_image(upload: UploadedFile) -> CheckedImage:
    """Accept one upload if it is a genuine, reasonably sized PNG, JPEG, GIF or WebP."""
    name = clean_filename(getattr(upload, "name", ""))
    label = name or _("The image")
    if upload.size is None or upload.size > MAX_IMAGE_BYTES:
        raise ServiceError(
            _("%(name)s is larger than 5 MB; make it smaller and attach it again.")
            % {"name": label},
            field="images",
        )
    if upload.size == 0:
        raise ServiceError(_("%(name)s is empty.") % {"name": label}, field="images")
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            # Pillow warns before it refuses; a large image is simply refused here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                kind = image.format
                width, height = image.size
                if kind not in CONTENT_TYPES or width * height > MAX_PIXELS:
                    raise ValueError(kind)
                image.verify()
    except (
        UnidentifiedImageError,
        ValueError,
        OSError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise ServiceError(
            _("%(name)s is not a PNG, JPEG, GIF or WebP image we can show.") % {"name": label},
            field="images",
        ) from None
    finally:
        upload.seek(0)
    return CheckedImage(
        upload=upload,
        content_type=CONTENT_TYPES[kind],
        width=width,
        height=height,
        size=upload.size,
        original_name=name,
    )


def check_images(uploads, *, body_images: int) -> list[CheckedImage]:
    """Check every upload and the post's total before anything is written."""
    uploads = list(uploads or ())
    if len(uploads) > MAX_ATTACHMENTS:
        raise ServiceError(_("Attach up to 6 images to one post."), field="images")
    if len(uploads) + body_images > MAX_IMAGES_PER_POST:
        raise ServiceError(
            _("Use at most 10 images in one post, attached and linked together."), field="images"
        )
    return [check_image(upload) for upload in uploads]


def store_images(post, checked: list[CheckedImage], *, description: str = "") -> list:
    """Save checked images for a post; if anything fails, remove what was already saved."""
    from staffroom.discussions.models import Post, PostImage

    if not checked:
        return []
    saved: list = []
    try:
        for item in checked:
            image = PostImage(
                post=post,
                content_type=item.content_type,
                original_name=item.original_name,
                description=description,
                width=item.width,
                height=item.height,
                size=item.size,
                created_at=post.created_at,
            )
            image.file.save("upload", item.upload, save=False)
            saved.append(image)
            image.save()
        Post.objects.filter(pk=post.pk).update(image_count=len(saved))
        post.image_count = len(saved)
    except BaseException:
        for image in saved:
            image.file.delete(save=False)
        raise
    return saved


def delete_files(names: list[str]) -> None:
    """Remove stored files once the rows that pointed at them are gone."""
    from django.core.files.storage import default_storage

    for name in names:
        if name:
            default_storage.delete(name)
