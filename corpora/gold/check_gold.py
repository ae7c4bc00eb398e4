#!/usr/bin/env python3
"""Validate the cxtext labelled gold set and print label counts.

Usage:
    python corpora/gold/check_gold.py [path/to/intents_categories.jsonl]

Exit status is 0 when the file is valid and every minimum count in
``MINIMUMS`` is met, 1 otherwise.  Every violation is printed.

The cue patterns below are used ONLY to count "hard negatives" (items whose
text mentions a churn / escalation cue word but whose gold label is False).
They are not a tagger and are deliberately broad; they never decide a label.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "intents_categories.jsonl"

REQUIRED_KEYS = ("id", "text", "speaker", "intents", "categories", "sentiment", "emotion", "hard")
OPTIONAL_KEYS = ("note",)
SPEAKERS = {"customer", "agent"}
INTENTS = ("churn", "escalation", "repeat", "urgency")
CATEGORIES = (
    "fees",
    "credit_card",
    "loans",
    "wealth",
    "digital",
    "branch",
    "attitude",
    "marketing",
    "fraud",
    "privacy",
    "payments",
    "atm",
    "credit_report",
    "other",
)
SENTIMENTS = {"neg", "neu", "pos"}
EMOTIONS = {"anger", "disgust", "anxiety", "sadness", "surprise", "joy", "neutral"}
HARD_TAGS = (
    "negation",
    "question",
    "sarcasm",
    "mixed_polarity",
    "conditional",
    "agent_speaker",
    "implicit",
    "colloquial",
    "asr_noise",
    "traditional",
    "long",
    "typo",
)

# Minimum counts (see README "Counts and minimums").
MINIMUMS = {
    "items": 650,
    "agent items": 60,
    "churn positive": 120,
    "churn hard negative": 120,
    "escalation positive": 100,
    "escalation hard negative": 100,
    "repeat positive": 60,
    "urgency positive": 60,
    "neutral customer questions": 150,
    "positive sentiment": 40,
    "sarcasm": 40,
    "mixed_polarity": 60,
    "implicit churn": 10,
    "implicit escalation": 10,
    "per category": 25,
    "traditional": 15,
    "asr_noise": 20,
    "long": 15,
    "typo": 8,
}

# Counting aids only (see module docstring).
CHURN_CUE = re.compile(
    r"销户|銷戶|消户|小户|销卡|注销|註銷|销掉|销了|销一下|"
    r"换.{0,3}银行|換.{0,3}銀行|别家|別家|别的银行|別的銀行|别的行|其他银行|他行|"
    r"转走|轉走|取走|全取|取出来|取出來|转出|轉出|转到别|不用你们|不在你们|"
    r"再也不|解约|搬走|不存了|离开你们|挪到|不要了"
)
ESC_CUE = re.compile(
    r"监管|監管|银保监|銀保監|银宝监|金融监管|人民银行|人民銀行|人行|央行|"
    r"12378|12315|12321|幺二三七八|消协|消協|消费者协会|媒体|媒體|曝光|记者|記者|报社|"
    r"律师|律師|起诉|起訴|法院|法庭|官司|报警|報警|报案|派出所|公安|警察|110|"
    r"投诉|投訴|网上|網上|微博|抖音|朋友圈|新闻|新聞|电视台|举报|舉報|热线|信访|告你们|告诉你们"
)
# Characters that only occur in traditional script (used to keep the
# `traditional` tag honest in both directions).
TRAD_CHARS = set(
    "們這銀銷戶還沒說話請問錢轉帳賬過會時間將對從與麼給嗎應經無讓後開門關"
    "員態廳號碼費額貸險資訊處難聽復當點裡謝爲為樣東裏買賣結單張幾條"
    "機構該種實現見聯繫網頁絡電動滿麼級礙觀處歡監屬協護擔損審務協證據"
    "鐘頭們區業層識證們卻盜詐騙騷擾簡體啟隨態鬧凍遲運邊"
)
NUMBER_RUN = re.compile(r"\d{7,}")
ID_RE = re.compile(r"^g\d{4}$")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\W_]+", "", text).lower()


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    errors: list[str] = []
    items: list[dict] = []

    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {lineno}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: invalid JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                errors.append(f"line {lineno}: not a JSON object")
                continue
            obj["_line"] = lineno
            items.append(obj)

    seen_ids: dict[str, int] = {}
    seen_text: dict[str, int] = {}
    seen_norm: dict[str, int] = {}
    for pos, it in enumerate(items, 1):
        ln = it["_line"]
        where = f"line {ln} ({it.get('id', '?')})"
        keys = set(it) - {"_line"}
        missing = [k for k in REQUIRED_KEYS if k not in keys]
        extra = sorted(keys - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
        if missing:
            errors.append(f"{where}: missing keys {missing}")
            continue
        if extra:
            errors.append(f"{where}: unknown keys {extra}")

        iid = it["id"]
        if not isinstance(iid, str) or not ID_RE.match(iid):
            errors.append(f"{where}: bad id {iid!r}")
        elif iid in seen_ids:
            errors.append(f"{where}: duplicate id (first on line {seen_ids[iid]})")
        else:
            seen_ids[iid] = ln
            if iid != f"g{pos:04d}":
                errors.append(f"{where}: ids must be sequential, expected g{pos:04d}")

        text = it["text"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty or non-string text")
            continue
        if text != text.strip():
            errors.append(f"{where}: leading/trailing whitespace in text")
        if text in seen_text:
            errors.append(f"{where}: duplicate text (line {seen_text[text]})")
        seen_text.setdefault(text, ln)
        n = norm(text)
        if n in seen_norm and seen_text.get(text) == ln:
            errors.append(
                f"{where}: near-duplicate text of line {seen_norm[n]} "
                "(differs only in punctuation/space)"
            )
        seen_norm.setdefault(n, ln)
        if NUMBER_RUN.search(text):
            errors.append(f"{where}: digit run of 7+ (possible phone/ID/card number); mask it")

        if it["speaker"] not in SPEAKERS:
            errors.append(f"{where}: bad speaker {it['speaker']!r}")

        intents = it["intents"]
        if not isinstance(intents, dict) or set(intents) != set(INTENTS):
            errors.append(f"{where}: intents must have exactly keys {INTENTS}")
        elif not all(isinstance(v, bool) for v in intents.values()):
            errors.append(f"{where}: intent values must be booleans")
        elif it["speaker"] == "agent" and any(intents.values()):
            errors.append(f"{where}: agent utterances carry no customer intents")

        cats = it["categories"]
        if not isinstance(cats, list) or any(c not in CATEGORIES for c in cats):
            errors.append(f"{where}: bad categories {cats!r}")
        elif len(set(cats)) != len(cats):
            errors.append(f"{where}: repeated category")
        elif "other" in cats and len(cats) > 1:
            errors.append(f"{where}: 'other' must not be combined with other categories")

        sent, emo = it["sentiment"], it["emotion"]
        if sent not in SENTIMENTS:
            errors.append(f"{where}: bad sentiment {sent!r}")
        if emo not in EMOTIONS:
            errors.append(f"{where}: bad emotion {emo!r}")

        hard = it["hard"]
        if not isinstance(hard, list) or any(h not in HARD_TAGS for h in hard):
            errors.append(f"{where}: bad hard tags {hard!r}")
            continue
        if len(set(hard)) != len(hard):
            errors.append(f"{where}: repeated hard tag")

        # Internal-consistency rules (documented in README).
        if (it["speaker"] == "agent") != ("agent_speaker" in hard):
            errors.append(f"{where}: 'agent_speaker' tag must be present iff speaker is agent")
        if ("？" in text or "?" in text) and "question" not in hard:
            errors.append(f"{where}: interrogative text without 'question' tag")
        has_trad = any(ch in TRAD_CHARS for ch in text)
        if has_trad != ("traditional" in hard):
            errors.append(f"{where}: 'traditional' tag does not match the script of the text")
        if "long" in hard and len(text) < 90:
            errors.append(f"{where}: 'long' item shorter than 90 characters")
        if "long" not in hard and len(text) >= 140:
            errors.append(f"{where}: text of {len(text)} chars should carry 'long'")
        if sent == "neu" and emo in {"anger", "disgust", "joy"}:
            errors.append(f"{where}: neutral sentiment with emotion {emo}")
        if sent == "pos" and emo in {"anger", "disgust", "sadness"}:
            errors.append(f"{where}: positive sentiment with emotion {emo}")
        if sent == "neg" and emo == "joy":
            errors.append(f"{where}: negative sentiment with emotion joy")
        note = it.get("note")
        if note is not None and (not isinstance(note, str) or not note.strip()):
            errors.append(f"{where}: note must be a non-empty string when present")

    # ---- counts ---------------------------------------------------------
    valid = [
        it
        for it in items
        if all(k in it for k in REQUIRED_KEYS)
        and isinstance(it["intents"], dict)
        and set(it["intents"]) == set(INTENTS)
        and isinstance(it["hard"], list)
        and isinstance(it["categories"], list)
    ]
    cust = [it for it in valid if it["speaker"] == "customer"]

    def pos(intent: str) -> list[dict]:
        return [it for it in valid if it["intents"][intent] is True]

    def hard_neg(intent: str, cue: re.Pattern) -> list[dict]:
        return [it for it in valid if not it["intents"][intent] and cue.search(it["text"])]

    hard_c = Counter(h for it in valid for h in it["hard"])
    cat_c = Counter(c for it in valid for c in it["categories"])
    counts = {
        "items": len(valid),
        "agent items": sum(it["speaker"] == "agent" for it in valid),
        "churn positive": len(pos("churn")),
        "churn hard negative": len(hard_neg("churn", CHURN_CUE)),
        "escalation positive": len(pos("escalation")),
        "escalation hard negative": len(hard_neg("escalation", ESC_CUE)),
        "repeat positive": len(pos("repeat")),
        "urgency positive": len(pos("urgency")),
        "neutral customer questions": sum(
            it["sentiment"] == "neu" and "question" in it["hard"] for it in cust
        ),
        "positive sentiment": sum(it["sentiment"] == "pos" for it in valid),
        "sarcasm": hard_c["sarcasm"],
        "mixed_polarity": hard_c["mixed_polarity"],
        "implicit churn": sum(it["intents"]["churn"] and "implicit" in it["hard"] for it in valid),
        "implicit escalation": sum(
            it["intents"]["escalation"] and "implicit" in it["hard"] for it in valid
        ),
        "traditional": hard_c["traditional"],
        "asr_noise": hard_c["asr_noise"],
        "long": hard_c["long"],
        "typo": hard_c["typo"],
    }

    print(f"file: {path}")
    print("\n== speakers ==")
    for k, v in sorted(Counter(it["speaker"] for it in valid).items()):
        print(f"  {k:<14}{v:>5}")
    print("\n== intents (positives / hard negatives*) ==")
    for intent, cue in (
        ("churn", CHURN_CUE),
        ("escalation", ESC_CUE),
        ("repeat", None),
        ("urgency", None),
    ):
        p = len(pos(intent))
        hn = f"{len(hard_neg(intent, cue)):>5}" if cue else "    -"
        print(f"  {intent:<14}{p:>5}  {hn}")
    print("  (* hard negative = label False but text contains a cue word; counting aid only)")
    print("  any intent    ", sum(any(it["intents"].values()) for it in valid))
    print("  no intent     ", sum(not any(it["intents"].values()) for it in valid))
    print("\n== categories ==")
    for c in CATEGORIES:
        print(f"  {c:<14}{cat_c[c]:>5}")
    print(f"  {'(empty)':<14}{sum(not it['categories'] for it in valid):>5}")
    print(f"  {'multi-label':<14}{sum(len(it['categories']) > 1 for it in valid):>5}")
    print("\n== sentiment ==")
    for k in ("neg", "neu", "pos"):
        print(f"  {k:<14}{sum(it['sentiment'] == k for it in valid):>5}")
    print("\n== emotion ==")
    emo_c = Counter(it["emotion"] for it in valid)
    for k in sorted(EMOTIONS):
        print(f"  {k:<14}{emo_c[k]:>5}")
    print("\n== hard tags ==")
    for h in HARD_TAGS:
        print(f"  {h:<14}{hard_c[h]:>5}")
    print(f"  {'(none)':<14}{sum(not it['hard'] for it in valid):>5}")
    print(f"\n  items with a note: {sum('note' in it for it in valid)}")

    print("\n== minimums ==")
    for name, minimum in MINIMUMS.items():
        if name == "per category":
            low = {c: cat_c[c] for c in CATEGORIES if cat_c[c] < minimum}
            status = "ok" if not low else f"FAIL {low}"
            print(
                f"  {name:<28}>= {minimum:<5} "
                f"{'min=' + str(min(cat_c[c] for c in CATEGORIES)):<8} {status}"
            )
            if low:
                errors.append(f"categories below {minimum}: {low}")
            continue
        got = counts[name]
        ok = got >= minimum
        print(f"  {name:<28}>= {minimum:<5} {got:<8} {'ok' if ok else 'FAIL'}")
        if not ok:
            errors.append(f"minimum not met: {name} = {got} < {minimum}")

    if errors:
        print(f"\n{len(errors)} violation(s):")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: gold set is valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
