"""cxtext: Chinese bank call-centre and complaint text into tags a bank can act on.

Typical use in a notebook::

    import cxtext as cx
    corpus = cx.read_corpus("corpora/demo")
    cx.mask_pii("我的手机号是13812345678")      # '我的手机号是[手机号]'
    cx.segment("我的信用卡被盗刷了")

Importing cxtext has no side effects: no logging set-up, no warning filters and
no model loading; resources load on first use.
"""

from cxtext import labels
from cxtext._version import __version__
from cxtext.errors import CxTextError, MissingDependencyError, ReadError, SchemaError
from cxtext.io import (
    Corpus,
    conversations_from_turns,
    detect_encoding,
    parse_transcript,
    read_conversations,
    read_corpus,
    read_customers,
    read_turns,
)
from cxtext.labels import display_name, tier_from_assets
from cxtext.plotting import use_cjk_font
from cxtext.profile import CorpusProfile, profile_corpus
from cxtext.report import render_report
from cxtext.schema import SCHEMAS, empty_table, validate
from cxtext.text.normalize import has_traditional, normalize, normalize_text
from cxtext.text.pii import PII_TYPES, PLACEHOLDERS, PiiMatch, find_pii, mask_pii, mask_pii_many
from cxtext.text.segment import (
    Segmenter,
    load_banking_dictionary,
    load_stopwords,
    segment,
    segment_many,
)

__all__ = [
    "PII_TYPES",
    "PLACEHOLDERS",
    "SCHEMAS",
    "Corpus",
    "CorpusProfile",
    "CxTextError",
    "MissingDependencyError",
    "PiiMatch",
    "ReadError",
    "SchemaError",
    "Segmenter",
    "__version__",
    "conversations_from_turns",
    "detect_encoding",
    "display_name",
    "empty_table",
    "find_pii",
    "has_traditional",
    "labels",
    "load_banking_dictionary",
    "load_stopwords",
    "mask_pii",
    "mask_pii_many",
    "normalize",
    "normalize_text",
    "parse_transcript",
    "profile_corpus",
    "read_conversations",
    "read_corpus",
    "read_customers",
    "read_turns",
    "render_report",
    "segment",
    "segment_many",
    "tier_from_assets",
    "use_cjk_font",
    "validate",
]
