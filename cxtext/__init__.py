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
from cxtext._stream import tag_parquet
from cxtext._version import __version__
from cxtext.audit import AUDIT_TYPES, PiiAudit, PiiFinding, RowLedger, scan_outputs
from cxtext.churn import (
    ChurnModel,
    backtest_churn,
    churn,
    churn_evidence,
    churn_features,
    churn_labels,
    churn_metrics,
    churn_warnings,
    load_churn_rules,
    score_churn_rules,
)
from cxtext.errors import (
    CxTextError,
    MissingDependencyError,
    ReadError,
    SchemaError,
    WorkerError,
)
from cxtext.export import export_warnings
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
from cxtext.portrait import build_portraits
from cxtext.profile import CorpusProfile, profile_corpus
from cxtext.report import render_report
from cxtext.schema import SCHEMAS, empty_table, validate
from cxtext.store import LoadReport, Store, StoreError
from cxtext.tags.base import BaseTagger, available_backends, get_tagger, register_backend
from cxtext.tags.emotion import (
    LexiconEmotionTagger,
    ModelEmotionTagger,
    SnowNLPEmotionTagger,
    emotion,
)
from cxtext.tags.intents import intents
from cxtext.tags.quality import agent_quality, turn_quality
from cxtext.tags.sentiment import (
    LexiconSentimentTagger,
    ModelSentimentTagger,
    SnowNLPSentimentTagger,
    sentiment,
)
from cxtext.tags.tag import TagResult, partition_by_conversation, rollup, tag
from cxtext.tags.taxonomy import categories
from cxtext.text.normalize import has_traditional, normalize, normalize_text
from cxtext.text.pii import PII_TYPES, PLACEHOLDERS, PiiMatch, find_pii, mask_pii, mask_pii_many
from cxtext.text.segment import (
    Segmenter,
    load_banking_dictionary,
    load_stopwords,
    segment,
    segment_many,
)
from cxtext.topics import TopicModel, TopicResult, TopicSummary, discover_topics, topic_summary

__all__ = [
    "AUDIT_TYPES",
    "PII_TYPES",
    "PLACEHOLDERS",
    "SCHEMAS",
    "BaseTagger",
    "ChurnModel",
    "Corpus",
    "CorpusProfile",
    "CxTextError",
    "LexiconEmotionTagger",
    "LexiconSentimentTagger",
    "LoadReport",
    "MissingDependencyError",
    "ModelEmotionTagger",
    "ModelSentimentTagger",
    "PiiAudit",
    "PiiFinding",
    "PiiMatch",
    "ReadError",
    "RowLedger",
    "SchemaError",
    "Segmenter",
    "SnowNLPEmotionTagger",
    "SnowNLPSentimentTagger",
    "Store",
    "StoreError",
    "TagResult",
    "TopicModel",
    "TopicResult",
    "TopicSummary",
    "WorkerError",
    "__version__",
    "agent_quality",
    "available_backends",
    "backtest_churn",
    "build_portraits",
    "categories",
    "churn",
    "churn_evidence",
    "churn_features",
    "churn_labels",
    "churn_metrics",
    "churn_warnings",
    "conversations_from_turns",
    "detect_encoding",
    "discover_topics",
    "display_name",
    "emotion",
    "empty_table",
    "export_warnings",
    "find_pii",
    "get_tagger",
    "has_traditional",
    "intents",
    "labels",
    "load_banking_dictionary",
    "load_churn_rules",
    "load_stopwords",
    "mask_pii",
    "mask_pii_many",
    "normalize",
    "normalize_text",
    "parse_transcript",
    "partition_by_conversation",
    "profile_corpus",
    "read_conversations",
    "read_corpus",
    "read_customers",
    "read_turns",
    "register_backend",
    "render_report",
    "rollup",
    "scan_outputs",
    "score_churn_rules",
    "segment",
    "segment_many",
    "sentiment",
    "tag",
    "tag_parquet",
    "tier_from_assets",
    "topic_summary",
    "turn_quality",
    "use_cjk_font",
    "validate",
]
