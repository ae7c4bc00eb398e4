"""The recipe-selection tables of the shipped model cards are internally consistent."""

from __future__ import annotations

import json

import pytest

from cxtext.tags import _linear
from cxtext.train import SELECTION, _variant_rows

# a column that is the mean of two others, per task
_MEANS = {
    "sentiment": ("ood_mean", "clue_negpos", "waimai_negpos"),
    "emotion": ("mean", "virus_test", "clue_part"),
}


@pytest.mark.parametrize("task", sorted(SELECTION))
def test_selection_rows_use_declared_columns_and_add_up(task):
    sel = SELECTION[task]
    names = [row["variant"] for row in sel["variants"]]
    assert len(names) == len(set(names)), "a variant is recorded twice"
    mean_key, a, b = _MEANS[task]
    for row in sel["variants"]:
        assert set(row) - {"variant"} <= set(sel["columns"]), row["variant"]
        for key, value in row.items():
            if key == "variant":
                continue
            if key.endswith("_x"):
                assert value >= 1.0, (row["variant"], key)  # relative predict cost
            else:
                assert 0.0 < value < 1.0, (row["variant"], key)  # a macro-F1
        if a in row and b in row:
            assert row[mean_key] == pytest.approx((row[a] + row[b]) / 2, abs=6e-4), row["variant"]


@pytest.mark.parametrize("task", sorted(SELECTION))
def test_shipped_cards_carry_the_current_selection(task):
    card = json.loads(_linear.packaged_model_path(task).read_text(encoding="utf-8"))
    assert card["training"]["selection"] == json.loads(json.dumps(SELECTION[task]))


def test_variant_rows_leave_unmeasured_cells_out():
    rows = _variant_rows(["x", "y"], [("v", 0.5, None)])
    assert rows == [{"variant": "v", "x": 0.5}]
    with pytest.raises(ValueError):
        _variant_rows(["x", "y"], [("v", 0.5)])  # a value missing: refused, not shifted
