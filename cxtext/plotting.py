"""Matplotlib set-up that renders Simplified Chinese out of the box.

A fresh machine has no CJK font, so matplotlib would draw empty boxes. cxtext
depends on ``pylopdf-fonts-zh-cn`` (Noto Sans SC, SIL OFL 1.1) and registers it
with matplotlib; installed system fonts are the fallback.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Tried in order: (importable package, font file inside it).
_PACKAGED_FONTS: tuple[tuple[str, str], ...] = (
    ("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"),
    ("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"),
)
# Family names of common system CJK fonts, used when no packaged font is found.
_SYSTEM_FAMILIES: tuple[str, ...] = (
    "Noto Sans SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Heiti SC",
    "Arial Unicode MS",
)

_active_family: str | None = None


def _packaged_font() -> Path | None:
    for package, name in _PACKAGED_FONTS:
        try:
            path = resources.files(package).joinpath(name)
        except ModuleNotFoundError:
            continue
        if path.is_file():
            return Path(str(path))
    return None


def use_cjk_font() -> str:
    """Make matplotlib render Chinese; return the font family now in use.

    Registers the packaged Noto Sans SC (or another packaged/system CJK font)
    and puts it first in ``font.sans-serif``. Safe to call many times.

    Raises
    ------
    RuntimeError
        When no CJK font can be found at all (install ``pylopdf-fonts-zh-cn``).

    Examples
    --------
    >>> family = use_cjk_font()
    >>> isinstance(family, str)
    True
    """
    global _active_family
    import matplotlib as mpl
    from matplotlib import font_manager

    if _active_family is None:
        path = _packaged_font()
        if path is not None:
            font_manager.fontManager.addfont(str(path))
            _active_family = font_manager.FontProperties(fname=str(path)).get_name()
        else:
            installed = {f.name for f in font_manager.fontManager.ttflist}
            _active_family = next((f for f in _SYSTEM_FAMILIES if f in installed), None)
            if _active_family is None:
                raise RuntimeError(
                    "No Chinese font found for matplotlib. Install one with: "
                    "pip install pylopdf-fonts-zh-cn"
                )
    sans = [f for f in mpl.rcParams["font.sans-serif"] if f != _active_family]
    mpl.rcParams["font.sans-serif"] = [_active_family, *sans]
    mpl.rcParams["font.family"] = "sans-serif"
    # The CJK font lacks U+2212 (minus sign); use '-' so negative ticks render.
    mpl.rcParams["axes.unicode_minus"] = False
    return _active_family


def check_glyphs(text: str) -> list[str]:
    """Return the characters of ``text`` the active CJK font cannot draw."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = use_cjk_font()
    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    font = FT2Font(path)
    charmap = font.get_charmap()
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in charmap})


def style_axes(ax: Axes) -> Axes:
    """Apply cxtext's report look to an axes: light horizontal grid, no top/right spines."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def percent_axis(ax: Axes, axis: str = "x", decimals: int = 0) -> Axes:
    """Show a 0-1 share axis as percentages (``40%``, not ``0.4``), as the reports' text does.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.barh(["a"], [0.4]); _ = percent_axis(ax)
    >>> ax.xaxis.get_major_formatter()(0.4, 0)
    '40%'
    >>> plt.close(fig)
    """
    if axis not in ("x", "y"):
        raise ValueError(f"The 'axis' parameter of percent_axis must be one of ['x', 'y']. "
                         f"Got {axis!r} instead.")
    from matplotlib.ticker import PercentFormatter

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(PercentFormatter(1.0, decimals=decimals))
    return ax


# Report colours: one fixed colour per label, the same in every chart of every report.
EMOTION_COLORS: dict[str, str] = {
    "anger": "#d62728",
    "disgust": "#8c564b",
    "anxiety": "#ff7f0e",
    "sadness": "#9467bd",
    "surprise": "#e0b000",
    "joy": "#2ca02c",
    "neutral": "#b0b0b0",
}
POLARITY_COLORS: dict[str, str] = {"neg": "#d62728", "neu": "#b0b0b0", "pos": "#2ca02c"}
CATEGORY_COLORS: dict[str, str] = {
    "fees": "#1f77b4",
    "credit_card": "#ff7f0e",
    "loans": "#2ca02c",
    "wealth": "#d62728",
    "digital": "#9467bd",
    "branch": "#8c564b",
    "attitude": "#e377c2",
    "marketing": "#bcbd22",
    "fraud": "#17becf",
    "privacy": "#393b79",
    "payments": "#aec7e8",
    "atm": "#ffbb78",
    "credit_report": "#98df8a",
    "other": "#c7c7c7",
}
TIER_COLORS: dict[str, str] = {
    "standard": "#9aa5b1",
    "gold": "#d4a017",
    "platinum": "#6c7a89",
    "diamond": "#1f4e79",
}
RISK_COLORS: dict[str, str] = {"高": "#d62728", "中": "#ff7f0e", "低": "#2ca02c"}
_COLOR_KINDS: dict[str, dict[str, str]] = {
    "emotion": EMOTION_COLORS,
    "polarity": POLARITY_COLORS,
    "category": CATEGORY_COLORS,
    "tier": TIER_COLORS,
    "risk": RISK_COLORS,
}
_FALLBACK_COLOR = "#7f7f7f"


def label_colors(kind: str, labels: list[str] | tuple[str, ...] | None = None) -> list[str] | dict:
    """The report colour of each label of ``kind``, so every chart agrees.

    Parameters
    ----------
    kind : {"emotion", "polarity", "category", "tier", "risk"}
        Which vocabulary (English ids as in :mod:`cxtext.labels`; risk levels 高/中/低).
        Chinese display names are accepted too (``"愤怒"``).
    labels : sequence of str, optional
        Labels to colour, in plot order. ``None`` returns the whole mapping.

    Returns
    -------
    list of str or dict
        Hex colours in the order of ``labels`` (grey for an unknown label), or the
        mapping ``{label: colour}`` when ``labels`` is ``None``.

    Examples
    --------
    >>> label_colors("emotion", ["anger", "愤怒", "joy"])
    ['#d62728', '#d62728', '#2ca02c']
    """
    from cxtext import labels as vocab

    try:
        mapping = _COLOR_KINDS[kind]
    except KeyError:
        raise ValueError(
            f"The 'kind' parameter of label_colors must be one of {sorted(_COLOR_KINDS)}. "
            f"Got {kind!r} instead."
        ) from None
    if labels is None:
        return dict(mapping)
    names = {"emotion": vocab.EMOTIONS, "polarity": vocab.POLARITIES,
             "category": vocab.CATEGORIES, "tier": vocab.TIERS}.get(kind, {})
    by_name = {zh: mapping[en] for en, zh in names.items() if en in mapping}
    # 中性 is both an emotion and a polarity name; the kind decides, as above.
    return [mapping.get(str(lab), by_name.get(str(lab), _FALLBACK_COLOR)) for lab in labels]
