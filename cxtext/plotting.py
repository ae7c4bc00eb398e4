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
