"""Geometry of the server-rendered SVG charts (templates draw them; no JavaScript, no style=)."""

from dataclasses import dataclass


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str = ""
    text_y: float = 0
    value_x: float = 0


def sparkline(values, bar_width=8, gap=2, height=28):
    """Vertical bars for weekly counts; the tallest bar fills the height, zero weeks show a baseline."""
    top = max(values, default=0) or 1
    bars = []
    for index, value in enumerate(values):
        bar_height = round(value / top * (height - 2), 1) if value else 1
        bars.append(
            Bar(x=index * (bar_width + gap), y=height - bar_height, width=bar_width, height=bar_height, value=value)
        )
    return {"bars": bars, "width": max(len(values) * (bar_width + gap) - gap, 1), "height": height}


def bar_chart(rows, label_width=150, bar_area=420, row_height=22, value_width=50):
    """Horizontal bars, one per ``(label, value)`` row, in the order given."""
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(value / top * bar_area, 1)
        y = index * row_height + 4
        bars.append(
            Bar(
                x=label_width,
                y=y,
                width=width,
                height=row_height - 8,
                value=value,
                label=label,
                text_y=y + row_height / 2,
                value_x=label_width + width + 6,
            )
        )
    return {
        "bars": bars,
        "width": label_width + bar_area + value_width,
        "height": max(len(rows), 1) * row_height + 8,
        "label_x": label_width - 8,
    }
