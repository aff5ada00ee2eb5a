"""Demo pictures drawn locally with Pillow: nothing is downloaded."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

PALETTE = [(11, 79, 138), (180, 83, 9), (21, 128, 61), (126, 34, 206), (190, 18, 60), (14, 116, 144)]


def _colour(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)], digest


def draw_picture(seed, text, size=(960, 540)):
    """A JPEG of a two-tone landscape-like picture with ``text`` in the middle."""
    base, digest = _colour(seed)
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    width, height = size
    horizon = int(height * (0.55 + digest[1] / 255 * 0.2))
    ground = tuple(min(255, c + 60) for c in base)
    draw.polygon(
        [(0, horizon), (width // 3, horizon - 60), (width, horizon + 20), (width, height), (0, height)], fill=ground
    )
    sun_x = int(width * (0.15 + digest[2] / 255 * 0.7))
    draw.ellipse([sun_x - 45, 60, sun_x + 45, 150], fill=(255, 214, 102))
    font = ImageFont.load_default(size=max(24, height // 9))
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (box[2] - box[0])) // 2, height // 2 - 40), text, fill="white", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    return buffer


def draw_logo(seed, text, size=256):
    """A round emblem-like PNG logo with the acronym."""
    base, _ = _colour(seed)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size - 4, size - 4], fill=base, outline=(255, 214, 102), width=10)
    font = ImageFont.load_default(size=size // (3 if len(text) <= 5 else 5))
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(
        ((size - (box[2] - box[0])) // 2, (size - (box[3] - box[1])) // 2 - box[1]), text, fill="white", font=font
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer
