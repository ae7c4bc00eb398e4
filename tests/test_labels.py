import pytest

import cxtext as cx
from cxtext import labels


@pytest.mark.parametrize(
    ("assets", "tier"),
    [(0, "standard"), (99_999.99, "standard"), (100_000, "gold"), (999_999, "gold"),
     (1_000_000, "platinum"), (5_000_000, "diamond"), (None, None), (float("nan"), None)],
)
def test_tier_bounds(assets, tier):
    assert cx.tier_from_assets(assets) == tier


def test_display_names():
    assert cx.display_name("tier", "platinum") == "白金"
    assert cx.display_name("category", "wealth") == "理财与基金亏损"
    assert cx.display_name("emotion", "unknown-label") == "unknown-label"
    with pytest.raises(ValueError, match="The 'kind' parameter of display_name"):
        cx.display_name("colour", "red")


def test_taxonomy_matches_design():
    assert len(labels.CATEGORIES) == 14
    assert set(labels.EMOTIONS) == {"anger", "disgust", "anxiety", "sadness", "surprise", "joy",
                                    "neutral"}


def test_quality_items_have_chinese_names():
    from cxtext.tags.quality import DEFAULT_WEIGHTS

    # every deduction item the scorer can emit has a display name (no English id in a report)
    assert set(labels.QUALITY_ITEMS) == set(DEFAULT_WEIGHTS)
    assert cx.display_name("quality", "identity_check") == "未核实身份"
