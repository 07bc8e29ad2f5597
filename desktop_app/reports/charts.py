"""Charts drawn with ReportLab's own graphics: hours given per month."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from desktop_app.reports import fonts, layout
from desktop_app.reports.formatting import month_label


def _step(top: float) -> float:
    """A round gridline step giving about five lines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def hours_per_month(months: dict[str, float], width: float, height: float, axis: str) -> Drawing:
    """A bar chart of hours per month, labelling about every sixth month."""
    fonts.register_main()
    keys = list(months)
    values = [months[k] for k in keys]
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR  # not the unembedded Helvetica default
    chart = VerticalBarChart()
    chart.x, chart.y = 38, 30
    chart.width, chart.height = width - 48, height - 44
    chart.data = [values or [0]]
    every = max(1, math.ceil(len(keys) / 8))
    names = [month_label(k) if i % every == 0 else "" for i, k in enumerate(keys)]
    chart.categoryAxis.categoryNames = names or [""]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = layout.MUTED
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.strokeColor = layout.RULE
    chart.categoryAxis.tickDown = 0
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    step = _step(top)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = layout.MUTED
    chart.valueAxis.labelTextFormat = "%g"
    chart.valueAxis.strokeColor = layout.RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = layout.ACCENT_TINT
    chart.valueAxis.gridStrokeWidth = 0.6
    chart.bars[0].fillColor = layout.ACCENT
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 2
    drawing.add(chart)
    drawing.add(
        String(0, height - 8, axis, fontName=fonts.REGULAR, fontSize=8, fillColor=layout.MUTED)
    )
    return drawing
