"""Files that go with a resource: checked by what they contain, never by their names.

The accepted kinds are documents teachers actually share (PDF, images, Office and
OpenDocument files, plain text and CSV). Each is recognised from its bytes, stored under a
random name with the extension of the detected kind, and served only through the resource's
access check. Anything else, including HTML, SVG and programs, is refused.
"""

import codecs
import csv
import io
import os
import secrets
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from PIL import Image, UnidentifiedImageError

from staffroom.core.errors import ServiceError
from staffroom.discussions.images import CONTENT_TYPES as IMAGE_TYPES
from staffroom.discussions.images import MAX_PIXELS, delete_files
from staffroom.permissions.resources import can_edit_resource
from staffroom.resources.models import Attachment, Resource

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_RESOURCE_BYTES = 50 * 1024 * 1024
MAX_FILES = 10
MAX_NAME = 120
# A zip's central directory is read before any part of it is trusted.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNPACKED = 200 * 1024 * 1024
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str
    # Extensions a member's file name may keep for this kind; anything else gets ``extension``.
    aliases: tuple[str, ...] = ()


TYPES = {
    "pdf": FileType("application/pdf", "pdf", gettext_lazy("PDF")),
    "png": FileType("image/png", "png", gettext_lazy("PNG image")),
    "jpeg": FileType("image/jpeg", "jpg", gettext_lazy("JPEG image"), ("jpeg", "jpe")),
    "gif": FileType("image/gif", "gif", gettext_lazy("GIF image")),
    "webp": FileType("image/webp", "webp", gettext_lazy("WebP image")),
    "docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        gettext_lazy("Word document"),
    ),
    "pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
        gettext_lazy("PowerPoint presentation"),
    ),
    "xlsx": FileType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        gettext_lazy("Excel spreadsheet"),
    ),
    "odt": FileType(
        "application/vnd.oasis.opendocument.text", "odt", gettext_lazy("OpenDocument text")
    ),
    "odp": FileType(
        "application/vnd.oasis.opendocument.presentation",
        "odp",
        gettext_lazy("OpenDocument presentation"),
    ),
    "ods": FileType(
        "application/vnd.oasis.opendocument.spreadsheet",
        "ods",
        gettext_lazy("OpenDocument spreadsheet"),
    ),
    "csv": FileType("text/csv; charset=utf-8", "csv", gettext_lazy("CSV table")),
    # A one-column "CSV" is plain text by content, and may keep the name its member gave it.
    "txt": FileType(
        "text/plain; charset=utf-8", "txt", gettext_lazy("Plain text"), ("text", "md", "csv")
    ),
}
LABELS = {kind.content_type: kind.label for kind in TYPES.values()}
ACCEPT = ",".join(
    sorted({f".{ext}" for kind in TYPES.values() for ext in (kind.extension, *kind.aliases)})
)
_IMAGE_KINDS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "WEBP": "webp"}
_OOXML_PARTS = {"word/": "docx", "ppt/": "pptx", "xl/": "xlsx"}
_ODF_TYPES = {TYPES[key].content_type: key for key in ("odt", "odp", "ods")}
_PROGRAMS = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa", b"\xce\xfa\xed\xfe")
_PROGRAMS += (b"\xcf\xfa\xed\xfe", b"\x00asm", b"dex\n")
_MARKUP = ("<html", "<svg", "<script", "<!doctype", "<body", "<iframe", "<?xml")


@dataclass
class CheckedFile:
    upload: object
    kind: FileType
    size: int
    original_name: str


class _Refused(Exception):
    """The content is not one of the accepted kinds; the message says why."""


def clean_name(name: str, kind: FileType | None = None) -> str:
    """Keep a readable display name: no path, no control or format characters, 120 at most."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Category C covers controls, format marks such as the right-to-left override, surrogates
    # and unassigned code points; Z covers odd spaces and line separators.
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    name = " ".join(name.split()).strip(". ")
    stem, ext = os.path.splitext(name)
    if kind is not None and ext[1:].lower() not in {kind.extension, *kind.aliases}:
        # The name claims another kind than the content: say what it really is.
        stem, ext = name, f".{kind.extension}"
    if not stem.strip(". "):
        stem = "attachment"
    stem = stem[: MAX_NAME - len(ext)].rstrip(". ")
    return stem + ext


def check_attachment(upload) -> CheckedFile:
    """Accept one upload if its content is an allowed kind within the size limit."""
    label = clean_name(getattr(upload, "name", ""))
    size = upload.size
    if size is None or size > MAX_FILE_BYTES:
        raise ServiceError(
            _("“%(name)s” is larger than %(limit)s; make it smaller and upload it again.")
            % {"name": label, "limit": filesizeformat(MAX_FILE_BYTES)},
            field="file",
        )
    if size == 0:
        raise ServiceError(_("“%(name)s” is empty.") % {"name": label}, field="file")
    try:
        kind = TYPES[_detect(upload)]
    except _Refused as refusal:
        raise ServiceError(str(refusal) % {"name": label}, field="file") from None
    finally:
        upload.seek(0)
    return CheckedFile(
        upload=upload,
        kind=kind,
        size=size,
        original_name=clean_name(getattr(upload, "name", ""), kind),
    )


def _detect(upload) -> str:
    upload.seek(0)
    head = upload.read(CHUNK)
    if head.startswith(_PROGRAMS):
        raise _Refused(_("“%(name)s” is a program or script; those cannot be shared here."))
    if head.startswith(b"%PDF-"):
        return _pdf(upload)
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return _image(upload)
    if head.startswith(b"PK\x03\x04"):
        return _office(upload)
    return _text(upload)


def _pdf(upload) -> str:
    upload.seek(max(upload.size - 1024, 0))
    if b"%%EOF" not in upload.read(1024):
        raise _Refused(_("“%(name)s” is not a complete PDF; save or export it again."))
    return "pdf"


def _image(upload) -> str:
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                kind = image.format
                width, height = image.size
                if kind not in IMAGE_TYPES or width * height > MAX_PIXELS:
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
        raise _Refused(_("“%(name)s” is not a PNG, JPEG, GIF or WebP image we can show.")) from None
    return _IMAGE_KINDS[kind]


def _office(upload) -> str:
    not_office = _(
        "“%(name)s” is a zip archive, not a Word, PowerPoint, Excel or OpenDocument file."
    )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if (
                len(entries) > MAX_ZIP_ENTRIES
                or sum(e.file_size for e in entries) > MAX_ZIP_UNPACKED
            ):
                raise _Refused(_("“%(name)s” unpacks to far more than it weighs; it is refused."))
            names = {entry.filename for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise _Refused(_("“%(name)s” contains macros; save it without them and try again."))
            if entries and entries[0].filename == "mimetype" and entries[0].file_size <= 100:
                with archive.open(entries[0]) as part:
                    mimetype = part.read(100).decode("ascii", "replace").strip()
                if mimetype in _ODF_TYPES:
                    return _ODF_TYPES[mimetype]
            if "[Content_Types].xml" in names:
                for prefix, key in _OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return key
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        RuntimeError,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
        zlib.error,
    ):
        # Damaged, encrypted or oddly compressed: not something a member can open either.
        raise _Refused(not_office) from None
    raise _Refused(not_office)


def _text(upload) -> str:
    unknown = _(
        "“%(name)s” is not a kind of file we accept: use PDF, an image, a Word, PowerPoint, "
        "Excel or OpenDocument file, or plain text."
    )
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    sample = None
    upload.seek(0)
    try:
        while chunk := upload.read(CHUNK):
            if b"\x00" in chunk:
                raise _Refused(unknown)
            text = decoder.decode(chunk)
            if sample is None:
                sample = text
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _Refused(unknown) from None
    sample = sample or ""
    start = sample.lstrip("\ufeff \t\r\n\f").lower()
    if start.startswith("<") or any(tag in start[:1024] for tag in _MARKUP):
        # Served as text it is harmless, but a web page or SVG is never what a lesson needs.
        raise _Refused(
            _("“%(name)s” is a web page or SVG drawing; share it as a PDF or PNG instead.")
        )
    return "csv" if _looks_like_csv(sample, complete=upload.size <= CHUNK) else "txt"


def _looks_like_csv(sample: str, *, complete: bool) -> bool:
    """Rows of the same number of fields, two or more, on at least two lines."""
    lines = sample.lstrip("\ufeff").splitlines()
    if not complete:
        lines = lines[:-1]
    lines = [line for line in lines[:50] if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in ",;\t":
        try:
            widths = {
                len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
            }
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() > 1:
            return True
    return False


# --- services -----------------------------------------------------------------------------------


def _stored_name(kind: FileType) -> str:
    # A random name: the member's file name is only ever shown, never used on disk.
    return f"resources/{secrets.token_urlsafe(16)}.{kind.extension}"


def _check_room(resource: Resource, checked: CheckedFile) -> None:
    totals = Attachment.objects.filter(resource=resource).aggregate(
        count=Count("pk"), size=Sum("size")
    )
    if totals["count"] >= MAX_FILES:
        raise ServiceError(
            ngettext(
                "A resource can have %(limit)d file; remove it to add “%(name)s”.",
                "A resource can have up to %(limit)d files; remove one to add “%(name)s”.",
                MAX_FILES,
            )
            % {"limit": MAX_FILES, "name": checked.original_name},
            field="file",
        )
    if (totals["size"] or 0) + checked.size > MAX_RESOURCE_BYTES:
        raise ServiceError(
            _(
                "“%(name)s” would take this resource's files past %(limit)s in all; "
                "remove a file or make this one smaller."
            )
            % {"name": checked.original_name, "limit": filesizeformat(MAX_RESOURCE_BYTES)},
            field="file",
        )


def attachment_add(*, user, resource: Resource, upload) -> Attachment:
    """Check an uploaded file and attach it to the resource, within the resource's limits."""
    if not can_edit_resource(user, resource):
        raise ServiceError(_("Only the author or the community's moderators can add files."))
    # The content is read before the transaction, so no lock is held while it is checked.
    checked = check_attachment(upload)
    stored = ""
    try:
        with transaction.atomic():
            # Lock the resource so two uploads at once cannot both slip under the limits.
            Resource.objects.select_for_update().filter(pk=resource.pk).first()
            _check_room(resource, checked)
            item = Attachment(
                resource=resource,
                content_type=checked.kind.content_type,
                original_name=checked.original_name,
                size=checked.size,
            )
            upload.seek(0)
            item.file.save(_stored_name(checked.kind), upload, save=False)
            stored = item.file.name
            item.save()
    except BaseException:
        # The row did not make it: the stored file must not outlive it.
        delete_files([stored])
        raise
    return item


@transaction.atomic
def attachment_delete(*, user, attachment: Attachment) -> None:
    """Remove a file from its resource, and from storage once that is committed."""
    if not can_edit_resource(user, attachment.resource):
        raise ServiceError(_("Only the author or the community's moderators can remove files."))
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: delete_files([name]))
