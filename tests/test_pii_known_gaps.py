"""Masking gaps found by probing with cases the PII module's author did not write.

Each is a strict xfail: when a fix lands the test starts passing, pytest reports XPASS as a
failure, and the marker must be removed (issue: reliability and PII, recall >= 0.99).
"""

import pytest

import cxtext as cx

GAPS = [
    ("我住在朝阳区望京街道花家地西里3号院", "花家地"),  # address cut at 街道: the tail leaks
    ("请联系我爱人王秀英", "王秀英"),  # name after a kinship word
    ("你们客户经理张磊天天打我电话推销", "张磊"),  # name after a job title
    # an ID with a wrong check digit, read digit by digit after 身份证: masked as a card,
    # with its first digit and the X left visible
    ("我身份证是 3 3 0 1 0 6 1 9 8 5 0 3 1 2 2 3 1 X 你查一下", "是 3 "),
]


@pytest.mark.xfail(strict=True, reason="known masking gap, see module docstring")
@pytest.mark.parametrize(("text", "leak"), GAPS)
def test_known_gap(text, leak):
    assert leak not in cx.mask_pii(text)
