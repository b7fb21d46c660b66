"""Pictures the demo attaches to posts, drawn with Pillow when the demo loads.

Drawing them keeps binary files out of the repository, and a drawing says what it shows
in code a reviewer can read. Each drawing is named in the thread data by its key in
``DRAWINGS`` and arrives at the services as an ordinary upload.
"""

from collections.abc import Callable
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

# Pieces of one whole in each row of the fraction wall, top to bottom.
WALL_ROWS = (1, 2, 3, 4, 5, 6)
# One soft colour per row, light enough that the dark labels on it stay easy to read.
WALL_COLOURS = ("#f4a6a6", "#f7c98b", "#f3e48c", "#a8dba0", "#9fcfe8", "#c7b3e6")
WALL_WIDTH = 720
ROW_HEIGHT = 56
MARGIN = 24
TITLE_HEIGHT = 48
INK = "#1f2937"


def _centred(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, font) -> None:
    left, top, right, bottom = box
    draw.text(((left + right) / 2, (top + bottom) / 2), text, fill=INK, font=font, anchor="mm")


def fraction_wall() -> bytes:
    """Draw a fraction wall: one whole, then halves to sixths, each piece labelled."""
    height = TITLE_HEIGHT + len(WALL_ROWS) * ROW_HEIGHT + MARGIN
    image = Image.new("RGB", (WALL_WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    _centred(
        draw, (0, 0, WALL_WIDTH, TITLE_HEIGHT), "Fraction wall", ImageFont.load_default(size=26)
    )
    label_font = ImageFont.load_default(size=20)
    inner = WALL_WIDTH - 2 * MARGIN
    for row, (pieces, colour) in enumerate(zip(WALL_ROWS, WALL_COLOURS, strict=True)):
        top = TITLE_HEIGHT + row * ROW_HEIGHT
        for piece in range(pieces):
            # Edges are placed by rounding, so every row ends exactly where the whole does.
            left = MARGIN + round(inner * piece / pieces)
            right = MARGIN + round(inner * (piece + 1) / pieces)
            box = (left, top, right, top + ROW_HEIGHT)
            draw.rectangle(box, fill=colour, outline=INK, width=2)
            _centred(draw, box, "1" if pieces == 1 else f"1/{pieces}", label_font)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


DRAWINGS: dict[str, Callable[[], bytes]] = {
    "fraction-wall": fraction_wall,
}


def drawing_upload(key: str) -> SimpleUploadedFile:
    """Return a drawing as the upload a member would have attached, named after its key."""
    return SimpleUploadedFile(f"{key}.png", DRAWINGS[key](), content_type="image/png")
