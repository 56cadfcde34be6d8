"""Score the pipeline against gold annotations (the ``*.gold.jsonl`` format).

Recognition: a gold toponym with ``count`` n is matched by up to n resolved mentions of
the same text (case and diacritics folded). A resolved mention whose text matches no
gold toponym of its document is a false positive, as is any resolved mention inside a
``negatives`` string; toponyms marked ``optional`` and ``non_locational`` uses neither
help nor hurt, nor do the ``actor_count`` actor uses of a toponym.

The gold names countries only where its annotators chose to, and marks a country or
capital standing for its government as optional; so a resolved country whose name the
gold does not list, and a mention the parser itself marks as an actor (``metonymic``),
are left unscored and counted apart (``unscored``).

Resolution: a matched mention is right when its district (Azerbaijani places with a
gold district) or else its country equals the gold one.

Events: a gold event of a scored type is found when an output event of the same type
lists the document in ``sources``, its dates overlap the gold date, and its district
matches where the gold gives one; its numbers are then compared field by field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.model import DocumentResult, Event, Mention
from geo.normalise import normalise_name

SCORED_EVENT_TYPES = ("mine_incident", "map_handover", "clearance_report", "casualty_total")
NUMBER_FIELDS = ("killed", "injured", "casualties", "mines", "uxo", "hectares")


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    resolved_right: int = 0
    unscored: int = 0
    numbers_right: int = 0
    numbers_found: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("true_pos", "false_pos", "false_neg", "resolved_right", "unscored",
                     "numbers_right", "numbers_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.resolved_right / self.true_pos if self.true_pos else 1.0


@dataclass
class DocumentScore:
    file: str
    places: Score
    events: Score


def read_gold(path: str | Path) -> list[dict]:
    path = Path(path)
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file ({exc.__class__.__name__})", path) from exc
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", path, line_no) from None
        if not isinstance(record, dict) or "file" not in record:
            raise InputError("each line needs an object with 'file'", path, line_no)
        records.append(record)
    return records


def gold_inputs(gold_path: str | Path, records: Iterable[dict]) -> list[Path]:
    """Where the annotated articles are: beside the gold file, in ``articles/`` or in
    ``../seeds/`` (the layout of the evaluation folder)."""
    folder = Path(gold_path).parent
    found = []
    for record in records:
        for candidate in (folder / record["file"], folder / "articles" / record["file"],
                          folder.parent / "seeds" / record["file"]):
            if candidate.is_file():
                found.append(candidate)
                break
        else:
            raise InputError(f"annotated file {record['file']} not found", gold_path)
    return found


def score_places(record: dict, mentions: list[Mention], text: str) -> Score:
    score = Score()
    resolved = [m for m in mentions if m.resolved]
    negative_spans = _negative_spans(record.get("negatives") or [], text)
    known = {normalise_name(t["text"]) for t in record.get("toponyms", [])}
    known |= {normalise_name(t["text"]) for t in record.get("non_locational") or []}
    unmatched = []
    for m in resolved:
        if any(s <= m.start and m.end <= e for s, e in negative_spans):
            score.false_pos += 1
            score.errors.append(f"negative resolved: {m.text!r} at {m.start}")
        elif normalise_name(m.text) not in known and \
                (m.kind == "country" or m.reason == "metonymic"):
            score.unscored += 1
        elif normalise_name(m.text) not in known:
            score.false_pos += 1
            score.errors.append(f"not a gold toponym: {m.text!r} at {m.start}")
        else:
            unmatched.append(m)
    for toponym in record.get("toponyms", []):
        key = normalise_name(toponym["text"])
        same = [m for m in unmatched if normalise_name(m.text) == key]
        needed = 0 if toponym.get("optional") else \
            toponym.get("count", 1) - toponym.get("actor_count", 0)
        hits = same[:needed]
        score.true_pos += len(hits)
        score.false_neg += needed - len(hits)
        if needed > len(hits):
            score.errors.append(f"missed {toponym['text']!r} ({len(hits)} of {needed})")
        for m in hits:
            if _right_place(m, toponym):
                score.resolved_right += 1
            else:
                got = (m.place.district or m.place.country) if m.place else None
                score.errors.append(f"wrong place for {m.text!r}: {got}")
        for m in same[:toponym.get("count", 1)]:
            unmatched.remove(m)
    return score


def _negative_spans(negatives: list[str], text: str) -> list[tuple[int, int]]:
    spans = []
    lowered = text.lower()
    for negative in negatives:
        start = lowered.find(negative.lower())
        while start >= 0:
            spans.append((start, start + len(negative)))
            start = lowered.find(negative.lower(), start + 1)
    return spans


def _right_place(m: Mention, toponym: dict) -> bool:
    if m.place is None:
        return False
    if toponym.get("district") and toponym.get("country") == "AZ":
        return (m.place.district or "") == toponym["district"]
    return m.place.country == toponym.get("country")


def parse_gold_date(value: str | None) -> tuple[date, date] | None:
    """``2021-06-04``, ``2021-07``, or a period ``START/END`` of either form.

    >>> parse_gold_date("2020-11/2021-07-08")
    (datetime.date(2020, 11, 1), datetime.date(2021, 7, 8))
    """
    if not value:
        return None
    start, _, end = value.partition("/")
    first, last = _date_bounds(start), _date_bounds(end or start)
    return (first[0], last[1]) if first and last else None


def _date_bounds(value: str) -> tuple[date, date] | None:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return None


def _gold_districts(gold: dict) -> set[str]:
    if gold.get("districts"):
        return set(gold["districts"])
    return {d.strip() for d in (gold.get("district") or "").split(";") if d.strip()}


def _event_matches(gold: dict, event: Event, doc_id: str) -> bool:
    if event.event_type != gold["type"] or doc_id not in event.sources:
        return False
    period = parse_gold_date(gold.get("date"))
    if period and event.date_start and event.date_end and \
            (event.date_end < period[0] or event.date_start > period[1]):
        return False
    if period and not event.date_start:
        return False
    wanted = _gold_districts(gold)
    have = {p.district for p in event.places if p.district}
    return not wanted or bool(wanted & have)


def score_events(record: dict, doc_id: str, events: list[Event]) -> Score:
    score = Score()
    gold_events = [g for g in record.get("events", []) if g["type"] in SCORED_EVENT_TYPES]
    ours = [e for e in events if e.event_type in SCORED_EVENT_TYPES and doc_id in e.sources]
    used: set[int] = set()
    for gold in gold_events:
        candidates = [i for i, e in enumerate(ours)
                      if i not in used and _event_matches(gold, e, doc_id)]
        # of several events that fit, the one whose dates and figures agree best
        match = min(candidates, key=lambda i: (len(_wrong_numbers(gold, ours[i])),
                                               _date_distance(gold, ours[i])), default=None)
        if match is None:
            score.false_neg += 1
            score.errors.append(f"missed {gold['type']} {gold.get('date')} "
                                f"{gold.get('place') or ''}")
            continue
        used.add(match)
        score.true_pos += 1
        score.numbers_found += 1
        wrong = _wrong_numbers(gold, ours[match])
        if wrong:
            score.errors.append(f"numbers of {gold['type']} {gold.get('date')}: {wrong}")
        else:
            score.numbers_right += 1
    for i, event in enumerate(ours):
        if i not in used:
            score.false_pos += 1
            score.errors.append(f"extra {event.event_type} {event.date_start}: "
                                f"{event.summary[:70]}")
    return score


def _date_distance(gold: dict, event: Event) -> int:
    period = parse_gold_date(gold.get("date"))
    if not period or not event.date_start or not event.date_end:
        return 0
    return abs((period[0] - event.date_start).days) + abs((period[1] - event.date_end).days)


def _wrong_numbers(gold: dict, event: Event) -> dict[str, tuple]:
    wrong = {}
    expected = {f: gold.get(f) for f in NUMBER_FIELDS}
    if expected["casualties"] is None and gold.get("victims") is not None:
        expected["casualties"] = gold["victims"]
    for name, value in expected.items():
        if value is None:
            continue
        got = getattr(event, name)
        if got is None or abs(float(got) - float(value)) > 0.01:
            wrong[name] = (value, got)
    return wrong


def evaluate(records: list[dict], results: dict[str, DocumentResult],
             events: list[Event]) -> list[DocumentScore]:
    """Scores per document; ``results`` are keyed by doc_id, ``events`` are merged."""
    scores = []
    for record in records:
        doc_id = Path(record["file"]).stem
        result = results.get(doc_id)
        mentions = result.mentions if result else []
        text = result.document.text if result else ""
        scores.append(DocumentScore(record["file"], score_places(record, mentions, text),
                                    score_events(record, doc_id, events)))
    return scores


def total(scores: list[DocumentScore]) -> tuple[Score, Score]:
    places, events = Score(), Score()
    for s in scores:
        places.add(s.places)
        events.add(s.events)
    return places, events
